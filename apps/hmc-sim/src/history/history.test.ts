import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { METRIC_IDS } from '@zlens/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/default-scenario.js';
import { writeHistory } from './history.js';
import { exporterFamilies } from '../exporter/exposition.js';
import { startSimulator, type RunningSimulator } from '../simulator.js';
import { sampleLines, seriesKey } from '../test/exposition-parser.js';
import { hmcRequest } from '../test/hmc-client.js';
import { arrayField, stringField } from '../test/json.js';
import { parseMetricsResponse } from '../test/metrics-parser.js';
import { promtool } from '../test/promtool.js';

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
    const stats = await writeHistory(scenario, { startMs: END - 10 * 60_000, endMs: END, families: 'all' }, out);
    const lines = out.text.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toBe('# EOF');
    const families = exporterFamilies(scenario).filter((f) => f.series.length > 0);
    const helps = lines.filter((l) => l.startsWith('# HELP ')).map((l) => l.split(' ')[2]);
    expect(helps).toEqual(families.map((f) => f.familyName));
    // OpenMetrics: a counter family is named without `_total`, its samples with it.
    expect(out.text).toContain('# TYPE zhmc_port_bytes_sent_count counter\nzhmc_port_bytes_sent_count_total{');
    expect(out.text).toContain('# TYPE zhmc_cpc_processor_usage_ratio gauge\nzhmc_cpc_processor_usage_ratio{');
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
    // Every family of the demo site, on a shared 2-core machine: generous, it is not a speed check.
  }, 60_000);

  it('writes only the zlens catalog metrics by default, or the named families', async () => {
    const catalog = new Collect();
    await writeHistory(scenario, { startMs: END - 60_000, endMs: END }, catalog);
    const names = new Set(sampleLines(catalog.text.replace('# EOF\n', '')).map((s) => s.name));
    expect([...names].every((n) => (METRIC_IDS as readonly string[]).includes(n))).toBe(true);
    expect(names).toContain('zhmc_partition_status_int');
    const two = new Collect();
    await writeHistory(
      scenario,
      { startMs: END - 60_000, endMs: END, families: ['zhmc_processor_usage_ratio', 'zhmc_nic_bytes_sent_count_total'] },
      two,
    );
    expect(new Set(sampleLines(two.text.replace('# EOF\n', '')).map((s) => s.name))).toEqual(
      new Set(['zhmc_processor_usage_ratio', 'zhmc_nic_bytes_sent_count_total']),
    );
  });

  it('aligns to the step and rejects steps that are not multiples of 15 s', async () => {
    const out = new Collect();
    const stats = await writeHistory(scenario, { startMs: END - 119_000, endMs: END + 59_000, stepSeconds: 60 }, out);
    expect(stats.firstMs).toBe(END - 60_000);
    expect(stats.lastMs).toBe(END);
    await expect(writeHistory(scenario, { startMs: END - 60_000, endMs: END, stepSeconds: 20 }, new Collect())).rejects.toThrow(
      /multiple of 15/,
    );
    await expect(writeHistory(scenario, { startMs: END, endMs: END - 60_000 }, new Collect())).rejects.toThrow(/empty history range/);
  });

  it('streams 24 h at 15 s of the default scenario', async () => {
    const out = new Count();
    const stats = await writeHistory(scenario, { startMs: END - 24 * 3_600_000, endMs: END }, out);
    const wanted = exporterFamilies(scenario).filter((f) => f.series.length > 0 && (METRIC_IDS as readonly string[]).includes(f.name));
    expect(stats.series).toBe(wanted.reduce((n, f) => n + f.series.length, 0));
    expect(stats.samples).toBe(stats.series * 5761);
    expect(out.lines).toBe(stats.samples + 2 * wanted.length + 1);
    expect(out.last.endsWith('# EOF\n')).toBe(true);
    // The catalog's 1,200 series of the demo site; a limit for a hung writer, not a speed check.
  }, 240_000);

  it('writes to a file path that promtool turns into TSDB blocks', async () => {
    const file = join(dir, 'history.om');
    await writeHistory(scenario, { startMs: END - 3_600_000, endMs: END, stepSeconds: 60, families: 'all' }, file);
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

  it('/metrics and the history have the same series and values for the slot', async () => {
    const exported = sampleLines(await (await fetch(sim.metricsUrl)).text());
    const out = new Collect();
    await writeHistory(scenario, { startMs: SLOT - 30_000, endMs: SLOT + 30_000, families: 'all' }, out);
    const history = new Map(
      sampleLines(out.text.replace('# EOF\n', ''))
        .filter((s) => Number(s.timestamp) === SLOT / 1000)
        .map((s) => [seriesKey(s.name, s.labels), s.value]),
    );
    expect(history.size).toBe(exported.length);
    for (const s of exported)
      expect({ key: seriesKey(s.name, s.labels), value: history.get(seriesKey(s.name, s.labels)) }).toEqual({
        key: seriesKey(s.name, s.labels),
        value: s.value,
      });
  });

  it('exports what Get Metrics says, for every group (percent / 100, counters as they are)', async () => {
    const logon = await hmcRequest(sim.hmcUrl, 'POST', '/api/sessions', { ca: sim.caPem, body: sim.credentials });
    const session = stringField(logon.json(), 'api-session');
    const created = (
      await hmcRequest(sim.hmcUrl, 'POST', '/api/services/metrics/context', {
        ca: sim.caPem,
        session,
        body: { 'anticipated-frequency-seconds': 15 },
      })
    ).json();
    const infos = new Map(
      arrayField(created, 'metric-group-infos').map((g) => [
        stringField(g, 'group-name'),
        arrayField(g, 'metric-infos').map((m) => stringField(m, 'metric-name')),
      ]),
    );
    const groups = parseMetricsResponse(
      (await hmcRequest(sim.hmcUrl, 'GET', stringField(created, 'metrics-context-uri'), { ca: sim.caPem, session })).text,
    );
    const exported = sampleLines(await (await fetch(sim.metricsUrl)).text());
    const find = (name: string, labels: Record<string, string>): number => {
      const found = exported.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
      if (found === undefined) throw new Error(`no ${name} ${JSON.stringify(labels)}`);
      return Number(found.value);
    };
    const hmc = (group: string, uri: string, metric: string, row = 0): number => {
      const column = infos.get(group)?.indexOf(metric) ?? -1;
      const value = groups.find((g) => g.name === group)?.objects.find((o) => o.uri === uri)?.rows[row]?.[column];
      if (value === undefined) throw new Error(`no ${group} ${uri} ${metric}`);
      return Number(value.replace(/"/g, ''));
    };
    const [zlx1, , zos1] = scenario.cpcs;
    if (zlx1 === undefined || zos1 === undefined) throw new Error('demo scenario changed');
    const partition = zlx1.partitions.find((p) => p.name === 'KVM HOST A');
    const lpar = zos1['logical-partitions'].find((l) => l.name === 'PRD1');
    const adapter = zlx1.adapters.find((a) => a.type === 'osd');
    const nicPartition = zlx1.partitions.find((p) => p.name === 'LNXPRD01');
    const nic = nicPartition?.nics[0];
    if (partition === undefined || lpar === undefined || adapter === undefined || nicPartition === undefined || nic === undefined)
      throw new Error('demo scenario changed');
    const cpcUri = (c: typeof zlx1): string => `/api/cpcs/${c['object-id']}`;
    const checks: [number, number][] = [
      [find('zhmc_cpc_processor_usage_ratio', { cpc: 'ZLX1' }), hmc('dpm-system-usage-overview', cpcUri(zlx1), 'processor-usage') / 100],
      [find('zhmc_cpc_processor_usage_ratio', { cpc: 'ZOS1' }), hmc('cpc-usage-overview', cpcUri(zos1), 'cpc-processor-usage') / 100],
      [find('zhmc_cpc_channel_usage_ratio', { cpc: 'ZOS1' }), hmc('cpc-usage-overview', cpcUri(zos1), 'channel-usage') / 100],
      [
        find('zhmc_partition_processor_usage_ratio', { cpc: 'ZLX1', partition: 'KVM HOST A' }),
        hmc('partition-usage', `/api/partitions/${partition['object-id']}`, 'processor-usage') / 100,
      ],
      [
        find('zhmc_partition_cp_processor_usage_ratio', { cpc: 'ZOS1', partition: 'PRD1' }),
        hmc('logical-partition-usage', `/api/logical-partitions/${lpar['object-id']}`, 'cp-processor-usage') / 100,
      ],
      [
        find('zhmc_adapter_usage_ratio', { adapter: adapter.name }),
        hmc('adapter-usage', `/api/adapters/${adapter['object-id']}`, 'adapter-usage') / 100,
      ],
      [
        find('zhmc_port_bytes_sent_count_total', { adapter: adapter.name, port: '1' }),
        hmc('network-physical-adapter-port', `/api/adapters/${adapter['object-id']}`, 'bytes-sent', 1),
      ],
      [
        find('zhmc_nic_bytes_received_count_total', { partition: 'LNXPRD01', nic: nic.name }),
        hmc(
          'partition-attached-network-interface',
          `/api/partitions/${nicPartition['object-id']}/nics/${nic['element-id']}`,
          'bytes-received',
        ),
      ],
      [
        find('zhmc_processor_usage_ratio', { cpc: 'ZOS1', processor: 'CP000', type: 'cp' }),
        hmc('zcpc-processor-usage', cpcUri(zos1), 'processor-usage', 0) / 100,
      ],
      [
        find('zhmc_channel_usage_ratio', { cpc: 'ZOS1', channel_css_chpid: '0.42', partition: 'BAT1', shared: 'false' }),
        hmc('channel-usage', cpcUri(zos1), 'channel-usage', 2) / 100,
      ],
      [
        find('zhmc_crypto_adapter_usage_ratio', { cpc: 'ZOS1', adapter_pchid: '1C4' }),
        hmc('crypto-usage', cpcUri(zos1), 'adapter-usage', 1) / 100,
      ],
      [
        find('zhmc_cpc_humidity_percent', { cpc: 'ZLX2' }),
        hmc('zcpc-environmentals-and-power', cpcUri(scenario.cpcs[1] ?? zlx1), 'humidity'),
      ],
    ];
    for (const [exportedValue, hmcValue] of checks) expect(exportedValue).toBe(hmcValue);
    // The byte counter is large and grows: not a placeholder.
    expect(hmc('network-physical-adapter-port', `/api/adapters/${adapter['object-id']}`, 'bytes-sent', 1)).toBeGreaterThan(1e9);
  });
});
