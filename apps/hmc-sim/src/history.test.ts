import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { CATALOG, METRIC_IDS } from '@zlens/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScenario } from './default-scenario.js';
import { writeHistory } from './history.js';
import { DPM_SYSTEM_USAGE_OVERVIEW, PARTITION_USAGE } from './metric-groups.js';
import { isRunning } from './scenario.js';
import { startSimulator, type RunningSimulator } from './simulator.js';
import { sampleLines, seriesKey } from './test/exposition-parser.js';
import { hmcRequest } from './test/hmc-client.js';
import { stringField } from './test/json.js';
import { parseMetricsResponse } from './test/metrics-parser.js';
import { promtool } from './test/promtool.js';

const scenario = defaultScenario();
const END = Date.UTC(2025, 2, 10, 12, 0, 0);

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

class Count extends Writable {
  lines = 0;
  last = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    const text = chunk.toString();
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lines += 1;
    this.last = (this.last + text).slice(-64);
    done();
  }
}

describe('writeHistory', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hmc-sim-history-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes each family once (HELP, TYPE, samples), series in ascending second timestamps, then # EOF', async () => {
    const out = new Collect();
    const stats = await writeHistory(scenario, { startMs: END - 10 * 60_000, endMs: END }, out);
    const lines = out.text.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toBe('# EOF');
    const helps = lines.filter((l) => l.startsWith('# HELP ')).map((l) => l.split(' ')[2]);
    expect(helps).toEqual([...METRIC_IDS]);
    for (const id of METRIC_IDS) {
      expect(out.text).toContain(`# HELP ${id} ${CATALOG[id].help.en}\n# TYPE ${id} gauge\n`);
    }
    // Families are contiguous and each series' timestamps ascend by the step.
    const samples = sampleLines(out.text.replace('# EOF\n', ''));
    expect(samples).toHaveLength(stats.samples);
    const seenFamilies: string[] = [];
    const times = new Map<string, number[]>();
    for (const sample of samples) {
      if (seenFamilies.at(-1) !== sample.name) {
        expect(seenFamilies).not.toContain(sample.name);
        seenFamilies.push(sample.name);
      }
      const key = seriesKey(sample.name, sample.labels);
      times.set(key, [...(times.get(key) ?? []), Number(sample.timestamp)]);
    }
    expect(times.size).toBe(stats.series);
    for (const list of times.values()) {
      expect(list).toHaveLength(41);
      const first = (END - 10 * 60_000) / 1000;
      expect(list).toEqual(list.map((_, i) => first + 15 * i));
    }
  });

  it('aligns to the step and rejects steps that are not multiples of 15 s', async () => {
    const out = new Collect();
    const stats = await writeHistory(scenario, { startMs: END - 119_000, endMs: END + 59_000, stepSeconds: 60 }, out);
    expect(stats.firstMs).toBe(END - 60_000);
    expect(stats.lastMs).toBe(END);
    await expect(writeHistory(scenario, { startMs: END - 60_000, endMs: END, stepSeconds: 20 }, new Collect())).rejects.toThrow(/multiple of 15/);
    await expect(writeHistory(scenario, { startMs: END, endMs: END - 60_000 }, new Collect())).rejects.toThrow(/empty history range/);
  });

  it('streams 24 h at 15 s of the default scenario', async () => {
    const out = new Count();
    const stats = await writeHistory(scenario, { startMs: END - 24 * 3_600_000, endMs: END }, out);
    const running = scenario.cpcs.flatMap((c) => c.partitions.filter(isRunning)).length;
    const all = scenario.cpcs.reduce((n, c) => n + c.partitions.length, 0);
    expect(stats.series).toBe(3 * scenario.cpcs.length + 3 * running + scenario.cpcs.length + all);
    expect(stats.samples).toBe(stats.series * 5761);
    expect(out.lines).toBe(stats.samples + 2 * METRIC_IDS.length + 1);
    expect(out.last.endsWith('# EOF\n')).toBe(true);
  }, 60_000);

  it('writes to a file path that promtool turns into TSDB blocks', async () => {
    const file = join(dir, 'history.om');
    await writeHistory(scenario, { startMs: END - 3_600_000, endMs: END }, file);
    const text = await readFile(file, 'utf8');
    expect(text.endsWith('# EOF\n')).toBe(true);
    const result = await promtool(['tsdb', 'create-blocks-from', 'openmetrics', '--max-block-duration=54h', file, join(dir, 'blocks')]);
    expect(result.output).not.toMatch(/error/i);
    expect(result.code).toBe(0);
  }, 60_000);
});

describe('HMC API, /metrics and history agree on one slot', () => {
  const NOW = Date.UTC(2025, 2, 10, 1, 52, 37);
  const SLOT = Date.UTC(2025, 2, 10, 1, 52, 30);
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario, now: () => NOW });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('gives the same numbers (HMC percent / 100) for every CPC and running partition', async () => {
    // HMC API: percents by object URI.
    const logon = await hmcRequest(sim.hmcUrl, 'POST', '/api/sessions', { ca: sim.caPem, body: sim.credentials });
    const session = stringField(logon.json(), 'api-session');
    const created = await hmcRequest(sim.hmcUrl, 'POST', '/api/services/metrics/context', {
      ca: sim.caPem,
      session,
      body: { 'anticipated-frequency-seconds': 15 },
    });
    const uri = stringField(created.json(), 'metrics-context-uri');
    const groups = parseMetricsResponse((await hmcRequest(sim.hmcUrl, 'GET', uri, { ca: sim.caPem, session })).text);

    const fromHmc = new Map<string, number>();
    const column = (group: typeof DPM_SYSTEM_USAGE_OVERVIEW, metric: string): number =>
      group['metric-infos'].findIndex((m) => m['metric-name'] === metric);
    for (const cpc of scenario.cpcs) {
      const row = groups[0]?.objects.find((o) => o.uri === `/api/cpcs/${cpc['object-id']}`)?.rows[0] ?? [];
      for (const id of METRIC_IDS) {
        const metric = CATALOG[id];
        if (metric.unit !== 'ratio' || metric.scope !== 'cpc' || metric.hmc.dpm === undefined) continue;
        fromHmc.set(`${id}|${cpc.name}`, Number(row[column(DPM_SYSTEM_USAGE_OVERVIEW, metric.hmc.dpm.metric)]) / 100);
      }
      for (const partition of cpc.partitions.filter(isRunning)) {
        const prow = groups[1]?.objects.find((o) => o.uri === `/api/partitions/${partition['object-id']}`)?.rows[0] ?? [];
        for (const id of METRIC_IDS) {
          const metric = CATALOG[id];
          if (metric.unit !== 'ratio' || metric.scope !== 'partition' || metric.hmc.dpm === undefined) continue;
          fromHmc.set(`${id}|${cpc.name}|${partition.name}`, Number(prow[column(PARTITION_USAGE, metric.hmc.dpm.metric)]) / 100);
        }
      }
    }
    expect(fromHmc.size).toBe(3 * 2 + 3 * scenario.cpcs.flatMap((c) => c.partitions.filter(isRunning)).length);
    expect([...fromHmc.values()].every((v) => Number.isFinite(v))).toBe(true);

    const keyOf = (name: string, labels: Readonly<Record<string, string>>): string =>
      [name, labels.cpc, labels.partition].filter((x) => x !== undefined).join('|');

    // /metrics at the same clock.
    const exported = new Map(
      sampleLines(await (await fetch(sim.metricsUrl)).text()).map((s) => [keyOf(s.name, s.labels), Number(s.value)]),
    );
    // History around the slot: take the sample stamped with the slot start.
    const out = new Collect();
    await writeHistory(scenario, { startMs: SLOT - 60_000, endMs: SLOT + 60_000 }, out);
    const history = new Map(
      sampleLines(out.text.replace('# EOF\n', ''))
        .filter((s) => Number(s.timestamp) === SLOT / 1000)
        .map((s) => [keyOf(s.name, s.labels), Number(s.value)]),
    );

    for (const [key, value] of fromHmc) {
      expect({ key, value: exported.get(key) }).toEqual({ key, value });
      expect({ key, value: history.get(key) }).toEqual({ key, value });
    }
  });
});
