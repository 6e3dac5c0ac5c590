// Integration, Prometheus only (the mode of sites that forbid direct HMC access): the simulator's
// exporter-format /metrics, as IBM's exporter 2.x exports it with three configurations, backfilled
// and scraped by a real Prometheus; assertions on what the API answers for each:
// - all groups (the exporter's default, and the compose demo's);
// - the metric groups only (no *-resource groups: no statuses, no properties);
// - the default with `cpcs:` restricted to one CPC.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXPORTER_METRIC_GROUPS,
  isLparRunning,
  isRunning,
  scrapeLabels,
  startPrometheus,
  startSimulator,
  waitForSeries,
  writeHistory,
  type ExporterConfig,
  type RunningPrometheus,
  type RunningSimulator,
} from '@zlens/hmc-sim';
import {
  CpcDetailSchema,
  EXPORTER_METRICS,
  InventoryResponseSchema,
  PartitionDetailSchema,
  SeriesResponseSchema,
  TopResponseSchema,
} from '@zlens/shared';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { buildDeps, type BuiltDeps } from './deps.js';
import { captureLogger } from './test/helpers.js';

const HISTORY_MS = 3600_000;
const METRIC_GROUPS = EXPORTER_METRIC_GROUPS.filter((group) =>
  EXPORTER_METRICS.some((d) => d.group === group && d.group_type === 'metric'),
);

interface Site {
  sim: RunningSimulator;
  prom: RunningPrometheus;
  built: BuiltDeps;
  agent: ReturnType<typeof request>;
  end: number;
}

/** A simulator exporting with `exporter`, its history and live scrapes in a real Prometheus, a Prometheus-only BFF. */
async function startSite(exporter: ExporterConfig, name: string): Promise<Site> {
  const sim = await startSimulator({ exporter });
  const historyFile = join(tmpdir(), `zlens-bff-exporter-${name}-${process.pid}.om`);
  const endMs = Date.now() - 30_000;
  const stats = await writeHistory(
    sim.scenario,
    { startMs: endMs - HISTORY_MS, endMs, families: 'all', exporter, targetLabels: scrapeLabels(sim.metricsTarget) },
    historyFile,
  );
  const prom = await startPrometheus({ scrapeTargets: [sim.metricsTarget], historyFile });
  rmSync(historyFile, { force: true });
  await waitForSeries(prom.url, 'zhmc_partition_processor_usage_ratio', 30_000);
  const built = buildDeps({ ...loadConfig({ ZLENS_PROMETHEUS_URL: prom.url }), webDir: null }, captureLogger().logger, {
    startPolling: false,
  });
  return { sim, prom, built, agent: request(createApp(built.deps)), end: Math.floor(stats.lastMs / 1000) };
}

async function stopSite(site: Site | undefined): Promise<void> {
  await site?.built.close();
  await site?.prom.close();
  await site?.sim.close();
}

async function getJson(site: Site, url: string, status = 200): Promise<unknown> {
  const res = await site.agent.get(url);
  expect(res.status, res.text).toBe(status);
  return res.body;
}

const q = (params: Record<string, string | number>): string =>
  new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();

function scenarioCpc(site: Site, name: string) {
  const cpc = site.sim.scenario.cpcs.find((c) => c.name === name);
  if (cpc === undefined) throw new Error(`no CPC ${name} in the scenario`);
  return cpc;
}

const DPM = 'ZLX1';
const CLASSIC = 'ZOS1';

describe('exporter configuration: all groups', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite({ metricGroups: 'all' }, 'all');
  }, 120_000);
  afterAll(() => stopSite(site));

  it('knows every CPC with its mode and status, every partition with its status', async () => {
    const body = InventoryResponseSchema.parse(await getJson(site, '/api/v1/inventory'));
    expect(body.cpcs.map((c) => [c.name, c.mode])).toEqual(
      site.sim.scenario.cpcs.map((c) => [c.name, c['dpm-enabled'] ? 'dpm' : 'classic']),
    );
    for (const cpc of body.cpcs) {
      expect(cpc.status).toBe(scenarioCpc(site, cpc.name).status);
      expect(cpc.statusNotExported).toBeUndefined();
      for (const p of cpc.partitions) expect(p.status, p.name).not.toBeNull();
    }
    // Stopped partitions are known by their status series.
    const stopped = scenarioCpc(site, DPM).partitions.filter((p) => !isRunning(p));
    const zlx1 = body.cpcs.find((c) => c.name === DPM);
    for (const p of stopped) expect(zlx1?.partitions.find((candidate) => candidate.name === p.name)?.status).toBe(p.status);
  });

  it('shows the properties the exporter exports, with the source named', async () => {
    const spec = scenarioCpc(site, DPM);
    const cpc = CpcDetailSchema.parse(await getJson(site, `/api/v1/cpcs/${DPM}`));
    expect(cpc.propertiesSource).toBe('prometheus');
    expect(cpc.processors.ifl).toBe(spec['processor-count-ifl']);
    expect(cpc.memoryMiB).toBe(spec['storage-total-installed']);
    expect(cpc.exported?.map((p) => p.metric)).toContain('zhmc_cpc_total_memory_mib');

    const partition = spec.partitions.find(isRunning);
    if (partition === undefined) throw new Error('no running DPM partition');
    const detail = PartitionDetailSchema.parse(await getJson(site, `/api/v1/cpcs/${DPM}/partitions/${encodeURIComponent(partition.name)}`));
    expect(detail.propertiesSource).toBe('prometheus');
    expect(detail.description).toBe(partition.description);
    expect(detail.processorMode).toBe(partition['processor-mode']);
    expect(detail.processors).toMatchObject({ cp: partition['cp-processors'], ifl: partition['ifl-processors'] });
    expect(detail.memoryMiB).toEqual({ initial: partition['initial-memory'], maximum: partition['maximum-memory'] });
    expect(detail.exported?.find((p) => p.metric === 'zhmc_partition_description')?.text).toBe(partition.description);

    const lpar = scenarioCpc(site, CLASSIC)['logical-partitions'].find(isLparRunning);
    if (lpar === undefined) throw new Error('no running LPAR');
    const lparDetail = PartitionDetailSchema.parse(
      await getJson(site, `/api/v1/cpcs/${CLASSIC}/partitions/${encodeURIComponent(lpar.name)}`),
    );
    expect(lparDetail.propertiesSource).toBe('prometheus');
    expect(lparDetail.processors).toMatchObject({ cp: lpar['number-general-purpose-processors'], iip: lpar['number-ziip-processors'] });
  });

  it('serves series and a top-N of NIC traffic', async () => {
    const series = SeriesResponseSchema.parse(
      await getJson(
        site,
        `/api/v1/series?${q({ metric: 'zhmc_partition_processor_usage_ratio', cpc: DPM, from: site.end - 1800, to: site.end })}`,
      ),
    );
    expect(series.series.length).toBe(scenarioCpc(site, DPM).partitions.filter(isRunning).length);
    const top = TopResponseSchema.parse(
      await getJson(
        site,
        `/api/v1/top?${q({ metric: 'zhmc_nic_bytes_sent_count_total', cpc: DPM, n: 3, from: site.end - 1800, to: site.end })}`,
      ),
    );
    expect(top.byAverage).toHaveLength(3);
    for (const entry of top.byAverage) expect(entry.avg).toBeGreaterThan(0);
  });
});

describe('exporter configuration: metric groups only', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite({ metricGroups: METRIC_GROUPS }, 'metric-only');
  }, 120_000);
  afterAll(() => stopSite(site));

  it('infers each CPC mode from the families it has and says its statuses are not exported', async () => {
    const body = InventoryResponseSchema.parse(await getJson(site, '/api/v1/inventory'));
    expect(body.cpcs.map((c) => [c.name, c.mode])).toEqual(
      site.sim.scenario.cpcs.map((c) => [c.name, c['dpm-enabled'] ? 'dpm' : 'classic']),
    );
    for (const cpc of body.cpcs) {
      expect(cpc.status).toBeNull();
      expect(cpc.statusNotExported).toBe(true);
      for (const p of cpc.partitions) expect([p.name, p.status, p.statusNotExported]).toEqual([p.name, null, true]);
    }
    // Running partitions are known by their usage series.
    const zlx1 = body.cpcs.find((c) => c.name === DPM);
    expect(zlx1?.partitions.map((p) => p.name).sort()).toEqual(
      scenarioCpc(site, DPM)
        .partitions.filter(isRunning)
        .map((p) => p.name)
        .sort(),
    );
  });

  it('gives a classic CPC channel usage, not empty network panels', async () => {
    const network = SeriesResponseSchema.parse(
      await getJson(
        site,
        `/api/v1/series?${q({ metric: 'zhmc_cpc_network_adapter_usage_ratio', cpc: CLASSIC, from: site.end - 1800, to: site.end })}`,
      ),
    );
    expect(network.unsupportedInMode).toEqual({ mode: 'classic', alternative: 'zhmc_cpc_channel_usage_ratio' });
    const channels = SeriesResponseSchema.parse(
      await getJson(
        site,
        `/api/v1/series?${q({ metric: 'zhmc_cpc_channel_usage_ratio', cpc: CLASSIC, from: site.end - 1800, to: site.end })}`,
      ),
    );
    expect(channels.series[0]?.values.some((v) => v !== null)).toBe(true);
  });

  it('has no properties to show and says none came from anywhere', async () => {
    const cpc = CpcDetailSchema.parse(await getJson(site, `/api/v1/cpcs/${DPM}`));
    expect(cpc).toMatchObject({ propertiesSource: null, exported: [], memoryMiB: null });
    const top = TopResponseSchema.parse(
      await getJson(
        site,
        `/api/v1/top?${q({ metric: 'zhmc_partition_processor_usage_ratio', cpc: CLASSIC, n: 2, from: site.end - 1800, to: site.end })}`,
      ),
    );
    expect(top.byAverage).toHaveLength(2);
  });
});

describe('exporter configuration: all groups, cpcs: one CPC', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite({ metricGroups: 'all', cpcs: [DPM] }, 'one-cpc');
  }, 120_000);
  afterAll(() => stopSite(site));

  it('knows only that CPC, and answers 404 for the others', async () => {
    const body = InventoryResponseSchema.parse(await getJson(site, '/api/v1/inventory'));
    expect(body.cpcs.map((c) => [c.name, c.mode, c.status])).toEqual([[DPM, 'dpm', scenarioCpc(site, DPM).status]]);
    await getJson(site, `/api/v1/cpcs/${CLASSIC}`, 404);
    await getJson(site, `/api/v1/series?${q({ metric: 'zhmc_cpc_processor_usage_ratio', cpc: CLASSIC })}`, 404);
    const cpc = CpcDetailSchema.parse(await getJson(site, `/api/v1/cpcs/${DPM}`));
    expect(cpc.processors.ifl).toBe(scenarioCpc(site, DPM)['processor-count-ifl']);
  });
});
