// A small site written straight as OpenMetrics history (no simulator): one DPM CPC and one classic
// CPC whose names, partitions and adapters carry spaces, quotes, a backslash, slashes and Chinese,
// with values chosen so every answer is known exactly: constant usage levels, one spike, counters
// growing at a fixed rate. Tests backfill it into a real Prometheus.
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrometheus, type RunningPrometheus } from '@zlens/hmc-sim';

export const STEP_SECONDS = 15;
export const SPAN_SECONDS = 2 * 3600;

export const DPM_CPC = 'DPM 1';
export const CLASSIC_CPC = 'CLASSIC 1';

/** DPM partitions and their constant processor usage (null: stopped, no usage series). */
export const DPM_PARTITIONS: readonly { name: string; usage: number | null; status: string }[] = [
  { name: 'LINUX "A"', usage: 0.6, status: 'active' },
  { name: 'web/01', usage: 0.2, status: 'active' },
  { name: '生产 分区', usage: 0.4, status: 'active' },
  { name: 'idle \\ back', usage: null, status: 'stopped' },
];
/** web/01 spikes to this for one sample in the middle of the history. */
export const SPIKE = 0.95;

export const ADAPTERS: readonly { name: string; usage: number }[] = [
  { name: 'OSA 1', usage: 0.3 },
  { name: 'FCP/2', usage: 0.7 },
];
/** NICs: partition, NIC name, adapter, port, bytes sent per second. */
export const NICS: readonly { partition: string; nic: string; adapter: string; port: string; bytesPerSecond: number }[] = [
  { partition: 'LINUX "A"', nic: 'eth 0', adapter: 'OSA 1', port: '0', bytesPerSecond: 1000 },
  { partition: 'web/01', nic: 'nic/1', adapter: 'OSA 1', port: '1', bytesPerSecond: 200 },
];
export const PORT_BYTES_PER_SECOND = 1500;

export const LPARS: readonly { name: string; usage: number }[] = [
  { name: 'LP1', usage: 0.5 },
  { name: 'LP 2', usage: 0.1 },
];
export const CHANNEL = { chpid: '0.1A', partition: 'LP1', usage: 0.33 };
export const CRYPTO_PCHID = '01C0';

type Labels = Readonly<Record<string, string>>;

function escape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labels(l: Labels): string {
  return `{${Object.entries(l)
    .map(([k, v]) => `${k}="${escape(v)}"`)
    .join(',')}}`;
}

/** Writes the history ending at `endSeconds` (a multiple of 15); returns its first sample time. */
export function writeFixtureHistory(path: string, endSeconds: number): { start: number; end: number; spikeAt: number } {
  const start = endSeconds - SPAN_SECONDS;
  const times: number[] = [];
  for (let t = start; t <= endSeconds; t += STEP_SECONDS) times.push(t);
  const spikeAt = start + Math.floor(SPAN_SECONDS / 2 / STEP_SECONDS) * STEP_SECONDS;
  const out: string[] = [];
  const family = (name: string, type: 'gauge' | 'counter', series: readonly { l: Labels; value: (t: number) => number }[]): void => {
    out.push(`# HELP ${name} fixture`, `# TYPE ${name} ${type}`);
    const sample = type === 'counter' ? `${name}_total` : name;
    for (const s of series) for (const t of times) out.push(`${sample}${labels(s.l)} ${s.value(t)} ${t}`);
  };
  const constant = (v: number) => () => v;

  family('zhmc_cpc_status_int', 'gauge', [
    { l: { cpc: DPM_CPC, value: 'active' }, value: constant(0) },
    { l: { cpc: CLASSIC_CPC, value: 'operating' }, value: constant(0) },
  ]);
  family('zhmc_cpc_processor_usage_ratio', 'gauge', [
    { l: { cpc: DPM_CPC }, value: constant(0.45) },
    { l: { cpc: CLASSIC_CPC }, value: constant(0.3) },
  ]);
  family('zhmc_cpc_network_adapter_usage_ratio', 'gauge', [{ l: { cpc: DPM_CPC }, value: constant(0.12) }]);
  family('zhmc_cpc_channel_usage_ratio', 'gauge', [{ l: { cpc: CLASSIC_CPC }, value: constant(0.2) }]);
  family(
    'zhmc_partition_status_int',
    'gauge',
    DPM_PARTITIONS.map((p) => ({
      l: { cpc: DPM_CPC, partition: p.name, value: p.status },
      value: constant(p.status === 'active' ? 0 : 11),
    })),
  );
  family(
    'zhmc_partition_lpar_status_int',
    'gauge',
    LPARS.map((p) => ({ l: { cpc: CLASSIC_CPC, partition: p.name, value: 'operating' }, value: constant(0) })),
  );
  const running = DPM_PARTITIONS.filter((p) => p.usage !== null);
  family('zhmc_partition_processor_usage_ratio', 'gauge', [
    ...running.map((p) => ({
      l: { cpc: DPM_CPC, partition: p.name },
      value: (t: number) => (p.name === 'web/01' && t === spikeAt ? SPIKE : (p.usage ?? 0)),
    })),
    ...LPARS.map((p) => ({ l: { cpc: CLASSIC_CPC, partition: p.name }, value: constant(p.usage) })),
  ]);
  family(
    'zhmc_adapter_status_int',
    'gauge',
    ADAPTERS.map((a) => ({ l: { cpc: DPM_CPC, adapter: a.name, value: 'active' }, value: constant(0) })),
  );
  family(
    'zhmc_adapter_usage_ratio',
    'gauge',
    ADAPTERS.map((a) => ({ l: { cpc: DPM_CPC, adapter: a.name }, value: constant(a.usage) })),
  );
  family('zhmc_port_bandwidth_usage_ratio', 'gauge', [
    { l: { cpc: DPM_CPC, adapter: 'OSA 1', port: '0' }, value: constant(0.25) },
    { l: { cpc: DPM_CPC, adapter: 'OSA 1', port: '1' }, value: constant(0.05) },
  ]);
  family('zhmc_port_bytes_sent_count', 'counter', [
    { l: { cpc: DPM_CPC, adapter: 'OSA 1', port: '0' }, value: (t) => (t - start) * PORT_BYTES_PER_SECOND },
  ]);
  family(
    'zhmc_nic_bytes_sent_count',
    'counter',
    NICS.map((n) => ({
      l: { cpc: DPM_CPC, partition: n.partition, nic: n.nic, adapter: n.adapter, port: n.port },
      value: (t: number) => (t - start) * n.bytesPerSecond,
    })),
  );
  family('zhmc_channel_usage_ratio', 'gauge', [
    {
      l: { cpc: CLASSIC_CPC, channel_css_chpid: CHANNEL.chpid, partition: CHANNEL.partition, shared: 'false' },
      value: constant(CHANNEL.usage),
    },
  ]);
  family('zhmc_crypto_adapter_usage_ratio', 'gauge', [{ l: { cpc: CLASSIC_CPC, adapter_pchid: CRYPTO_PCHID }, value: constant(0.05) }]);
  out.push('# EOF', '');
  writeFileSync(path, out.join('\n'));
  return { start, end: endSeconds, spikeAt };
}

export interface FixturePrometheus {
  readonly prom: RunningPrometheus;
  readonly history: { start: number; end: number; spikeAt: number };
  close(): Promise<void>;
}

/** The fixture's usual end: a minute ago, on the 15 s grid. */
export const fixtureEnd = (): number => Math.floor(Date.now() / 1000 / STEP_SECONDS) * STEP_SECONDS - 60;

/** A real Prometheus holding the fixture's history up to `end`. */
export async function startFixturePrometheus(name: string, end = fixtureEnd()): Promise<FixturePrometheus> {
  const historyFile = join(tmpdir(), `zlens-bff-${name}-${process.pid}.om`);
  const history = writeFixtureHistory(historyFile, end);
  const prom = await startPrometheus({ scrapeTargets: [], historyFile });
  return {
    prom,
    history,
    close: async () => {
      await prom.close();
      rmSync(historyFile, { force: true });
    },
  };
}

/** The DPM CPC's partition panels over one hour ending `shift` s before `end`: each shift a new cache key. */
export function panelUrls(end: number, shift: number): { series: string; top: string; heatmap: string } {
  const range = { from: String(end - shift - 3600), to: String(end - shift) };
  const q = (params: Record<string, string>): string => new URLSearchParams(params).toString();
  const metric = 'zhmc_partition_processor_usage_ratio';
  return {
    series: `/api/v1/series?${q({ metric, cpc: DPM_CPC, ...range, maxPoints: '240' })}`,
    top: `/api/v1/top?${q({ metric, cpc: DPM_CPC, ...range })}`,
    heatmap: `/api/v1/heatmap?${q({ metric, cpc: DPM_CPC, ...range, maxPoints: '240' })}`,
  };
}
