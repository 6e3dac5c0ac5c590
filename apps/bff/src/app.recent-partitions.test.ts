// Integration, Prometheus only, the exporter's metric groups only (no partition status family):
// a stopped partition has no series at all. One that had processor usage within the lookback
// (24 h) is still listed, marked noRecentData, its status "not exported" (a real Prometheus).
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrometheus, type RunningPrometheus } from '@zlens/hmc-sim';
import { InventoryResponseSchema, PartitionDetailSchema } from '@zlens/shared';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { buildDeps, type BuiltDeps } from './deps.js';
import { captureLogger } from './test/helpers.js';

const CPC = 'DPM R';
const historyFile = join(tmpdir(), `zlens-bff-recent-partitions-${process.pid}.om`);
let prom: RunningPrometheus;
let built: BuiltDeps | undefined;

beforeAll(async () => {
  const end = Math.floor(Date.now() / 1000 / 15) * 15 - 60;
  const lines: string[] = [];
  const family = (name: string, series: { labels: string; from: number; to: number }[]): void => {
    lines.push(`# TYPE ${name} gauge`);
    for (const s of series) for (let t = s.from; t <= s.to; t += 15) lines.push(`${name}{${s.labels}} 0.3 ${t}`);
  };
  family('zhmc_cpc_processor_usage_ratio', [{ labels: `cpc="${CPC}"`, from: end - 3 * 3600, to: end }]);
  // partition-usage (DPM) without partition-resource: usage only, no status family.
  family('zhmc_partition_storage_adapter_usage_ratio', [{ labels: `cpc="${CPC}",partition="running"`, from: end - 3 * 3600, to: end }]);
  family('zhmc_partition_processor_usage_ratio', [
    { labels: `cpc="${CPC}",partition="running"`, from: end - 3 * 3600, to: end },
    // Stopped two hours ago: no sample in the last 5 minutes, so no series "now".
    { labels: `cpc="${CPC}",partition="stopped 2h ago"`, from: end - 3 * 3600, to: end - 2 * 3600 },
  ]);
  lines.push('# EOF', '');
  writeFileSync(historyFile, lines.join('\n'));
  prom = await startPrometheus({ scrapeTargets: [], historyFile });
}, 60_000);

afterAll(async () => {
  await built?.close();
  await prom?.close();
  rmSync(historyFile, { force: true });
});

describe('partitions without current series', () => {
  it('lists a partition with usage in the last 24 h but none now as noRecentData, its status not exported', async () => {
    built = buildDeps({ ...loadConfig({ ZLENS_PROMETHEUS_URL: prom.url }), webDir: null }, captureLogger().logger);
    const agent = request(createApp(built.deps));
    const res = await agent.get('/api/v1/inventory');
    expect(res.status, res.text).toBe(200);
    const cpc = InventoryResponseSchema.parse(res.body).cpcs.find((c) => c.name === CPC);
    expect(cpc?.mode).toBe('dpm');
    expect(cpc?.partitions.map((p) => [p.name, p.status, p.statusNotExported, p.noRecentData ?? false])).toEqual([
      ['running', null, true, false],
      ['stopped 2h ago', null, true, true],
    ]);
    const detail = await agent.get(`/api/v1/cpcs/${encodeURIComponent(CPC)}/partitions/${encodeURIComponent('stopped 2h ago')}`);
    expect(detail.status, detail.text).toBe(200);
    expect(PartitionDetailSchema.parse(detail.body)).toMatchObject({
      noRecentData: true,
      statusNotExported: true,
      propertiesSource: null,
      exported: [],
    });
  });
});
