// The HMC's own records under a chart: which lines get them, how they are marked (dotted over a
// shaded span, never stacked, named as the HMC's), and the note that says what they are, in
// English and Simplified Chinese. The chart is stubbed (happy-dom has no canvas).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { HmcHistoryResponse } from '@zlens/shared';
import { defaultOther, defaultSeries, installFakeApi, seriesResponse, type FakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';
import { SERIES_COLORS } from './theme';
import { usageChartOption, type UsageLine } from './usage-chart-option';
import { hasHmcHistory, hmcHistoryLines } from './use-hmc-history-lines';

vi.mock('./EChart', () => import('../test/echarts-stub'));

afterEach(() => {
  vi.unstubAllGlobals();
});

const START = 1_700_000_000;

function answer(overrides: Partial<HmcHistoryResponse>): HmcHistoryResponse {
  return {
    metric: 'zhmc_cpc_power_watt',
    available: true,
    start: START,
    end: START + 7200,
    primaryFrom: START + 3600,
    hmcRange: 'last-day',
    resolution: 900,
    timestamps: [START, START + 900, START + 1800, START + 2700],
    values: [5000, 5100, null, 5200],
    stale: false,
    ...overrides,
  };
}

describe('which lines the HMC records', () => {
  it('is a CPC metric of the CPC or a partition metric of one partition, nothing per adapter or all partitions', () => {
    expect(hasHmcHistory({ metric: 'zhmc_cpc_power_watt', cpc: 'A', name: 'Power' })).toBe(true);
    expect(hasHmcHistory({ metric: 'zhmc_cpc_processor_usage_ratio', cpc: 'A', name: 'CPU' })).toBe(true);
    expect(hasHmcHistory({ metric: 'zhmc_partition_processor_usage_ratio', cpc: 'A', partition: 'P', name: 'CPU' })).toBe(true);
    expect(hasHmcHistory({ metric: 'zhmc_partition_processor_usage_ratio', cpc: 'A', name: 'all' })).toBe(false);
    expect(hasHmcHistory({ metric: 'zhmc_cpc_heat_load_water_btu_per_hour', cpc: 'A', name: 'water' })).toBe(false);
    expect(hasHmcHistory({ metric: 'zhmc_cpc_power_cord1_phase_a_watt', cpc: 'A', name: 'cord' })).toBe(false);
  });
});

describe('hmcHistoryLines', () => {
  const own: UsageLine[] = [
    { name: 'Power', timestamps: [START, START + 3600], values: [null, 5300] },
    { name: 'Partitions', color: '#123456', timestamps: [START, START + 3600], values: [null, 4000] },
  ];
  const sources = [
    { metric: 'zhmc_cpc_power_watt' as const, cpc: 'A', name: 'Power' },
    { metric: 'zhmc_cpc_total_partition_power_watt' as const, cpc: 'A', name: 'Partitions' },
  ];

  it("extends each line in its colour, marked as the HMC's, with the coarsest resolution and the latest start of zlens' data", () => {
    const overlay = hmcHistoryLines(
      sources,
      [answer({}), answer({ resolution: 3600, primaryFrom: START + 1800, timestamps: [START], values: [3900] })],
      own,
      (n) => `${n} (HMC)`,
    );
    expect(overlay.lines.map((l) => [l.name, l.color, l.hmc, l.values])).toEqual([
      ['Power (HMC)', SERIES_COLORS[0], true, [5000, 5100, null, 5200]],
      ['Partitions (HMC)', '#123456', true, [3900]],
    ]);
    expect(overlay).toMatchObject({ resolution: 3600, until: START + 3600, unavailable: null });
  });

  it('leaves out answers still loading, without points, or without an HMC; says so only where the HMC was needed and refused', () => {
    expect(hmcHistoryLines(sources, [undefined, answer({ timestamps: [START], values: [null] })], own, String)).toEqual({
      lines: [],
      resolution: null,
      until: null,
      unavailable: null,
      pending: false,
    });
    const needsHmc = answer({ available: false, unavailableReason: 'needs-hmc', timestamps: [], values: [] });
    expect(hmcHistoryLines(sources, [needsHmc, needsHmc], own, String).unavailable).toBeNull();
    const refused = answer({ available: false, unavailableReason: 'not-permitted', timestamps: [], values: [] });
    expect(hmcHistoryLines(sources, [refused, undefined], own, String).unavailable).toBe('not-permitted');
    // Prometheus reaches back to the window's start: nothing was missing, nothing to say.
    expect(hmcHistoryLines(sources, [{ ...refused, primaryFrom: START }, undefined], own, String).unavailable).toBeNull();
  });
});

describe('the chart option', () => {
  it('draws an HMC line dotted over a shaded span, and never stacks it', () => {
    const option = usageChartOption({
      lines: [
        { name: 'Power', timestamps: [START + 3600, START + 3615], values: [5300, 5310] },
        { name: 'Power (HMC records)', timestamps: [START, START + 900, START + 1800], values: [5000, 5100, 5200], hmc: true },
      ],
      start: START,
      end: START + 3615,
      unit: 'watts',
      stacked: true,
    });
    const series = (Array.isArray(option.series) ? option.series : []) as Record<string, unknown>[];
    const own = series.find((s) => s.name === 'Power');
    const hmc = series.find((s) => s.name === 'Power (HMC records)');
    expect(own?.lineStyle).toEqual({ width: 1.5 });
    expect(own?.stack).toBe('total');
    expect(hmc?.lineStyle).toEqual({ width: 2, type: 'dotted' });
    expect(hmc?.stack).toBeUndefined();
    expect((hmc?.markArea as { data: unknown }).data).toEqual([[{ xAxis: START * 1000 }, { xAxis: (START + 1800) * 1000 }]]);
  });

  it('shades the span once per chart, however many lines the HMC extends', () => {
    const hmcLine = (name: string): UsageLine => ({ name, timestamps: [START, START + 900], values: [1, 2], hmc: true });
    const option = usageChartOption({
      lines: [hmcLine('a'), hmcLine('b'), hmcLine('c')],
      start: START,
      end: START + 3600,
      unit: 'watts',
      hidden: new Set(['a']),
    });
    const series = (Array.isArray(option.series) ? option.series : []) as Record<string, unknown>[];
    expect(series.filter((s) => s.markArea !== undefined).map((s) => s.name)).toEqual(['b']);
  });
});

/** Power of P0001 from Prometheus only in the last third of the window; the HMC's records before it. */
function powerFromTheHmc(api: FakeApi): void {
  api.series = (call) =>
    call.metric === 'zhmc_cpc_power_watt'
      ? { status: 200, body: seriesResponse('zhmc_cpc_power_watt', [{ labels: { cpc: call.cpc }, values: [null, null, 5300] }]) }
      : defaultSeries(call);
  api.other = (url) =>
    url.pathname === '/api/v1/hmc-history' && url.searchParams.get('metric') === 'zhmc_cpc_power_watt'
      ? {
          status: 200,
          body: answer({ start: START, end: START + 30, primaryFrom: START + 30, timestamps: [START, START + 15], values: [5000, 5100] }),
        }
      : defaultOther(url);
}

describe('on the energy view', () => {
  it("shows the HMC's records as their own legend row and says what they are (en)", async () => {
    const api = installFakeApi();
    powerFromTheHmc(api);
    renderApp('/cpcs/P0001/energy?range=24h');
    const panel = await screen.findByRole('region', { name: 'Power' });
    expect(await within(panel).findByText(/line Power \(HMC records\): 2 points/)).toBeTruthy();
    expect(within(panel).getByRole('button', { name: /Power \(HMC records\)/ })).toBeTruthy();
    expect(
      within(panel).getByText(
        /Dotted, on the shaded part: from the HMC's own records, 15-minute resolution, up to .*, where zlens' own data starts\./,
      ),
    ).toBeTruthy();
    // The chart asks the HMC's records with its own series parameters (the BFF's cache hit).
    const series = api.calls.find((c) => c.startsWith('/api/v1/series?metric=zhmc_cpc_power_watt&'));
    const history = api.calls.find((c) => c.startsWith('/api/v1/hmc-history?metric=zhmc_cpc_power_watt&'));
    expect(history?.slice(history.indexOf('?'))).toBe(series?.slice(series.indexOf('?')));
  });

  it('says the same in zh-CN, and why nothing fills the start where the HMC user may not read it', async () => {
    const api = installFakeApi();
    powerFromTheHmc(api);
    const other = api.other;
    api.other = (url) =>
      url.pathname === '/api/v1/hmc-history' && url.searchParams.get('metric') === 'zhmc_cpc_ambient_temperature_celsius'
        ? {
            status: 200,
            body: answer({
              metric: 'zhmc_cpc_ambient_temperature_celsius',
              available: false,
              unavailableReason: 'not-permitted',
              primaryFrom: null,
              timestamps: [],
              values: [],
            }),
          }
        : other(url);
    renderApp('/cpcs/P0001/energy?range=24h&lang=zh-CN');
    const power = await screen.findByRole('region', { name: '功耗' });
    expect(await within(power).findByText(/阴影部分的点线：来自 HMC 自身的记录，分辨率 15 分钟/)).toBeTruthy();
    expect(within(power).getByRole('button', { name: /功耗（HMC 记录）/ })).toBeTruthy();
    const temperature = await screen.findByRole('region', { name: '温度' });
    expect(await within(temperature).findByText(/该 HMC 用户无权读取/)).toBeTruthy();
  });
});

describe('while the HMC answers', () => {
  it('shows a chart without data of its own loading until the records arrive, never "No data" in between', async () => {
    const api = installFakeApi();
    api.series = (call) =>
      call.metric === 'zhmc_cpc_humidity_percent'
        ? { status: 200, body: seriesResponse('zhmc_cpc_humidity_percent', [{ labels: { cpc: call.cpc }, values: [null, null, null] }]) }
        : defaultSeries(call);
    api.other = (url) =>
      url.pathname === '/api/v1/hmc-history' && url.searchParams.get('metric') === 'zhmc_cpc_humidity_percent'
        ? {
            status: 200,
            body: answer({ metric: 'zhmc_cpc_humidity_percent', primaryFrom: null, timestamps: [START, START + 900], values: [41, 42] }),
          }
        : defaultOther(url);
    // The HMC's answers wait until released (the fake API answers at once).
    const fake = globalThis.fetch;
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held: string[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : input.toString();
      if (url.includes('/api/v1/hmc-history')) {
        held.push(url);
        await released;
      }
      return fake(input, init);
    });
    renderApp('/cpcs/P0001/energy?range=24h');
    const panel = await screen.findByRole('region', { name: 'Humidity' });
    // The chart asks the HMC once its own (empty) answer is in.
    await waitFor(() => expect(held.some((url) => url.includes('metric=zhmc_cpc_humidity_percent&'))).toBe(true));
    expect(within(panel).getByRole('status')).toBeTruthy();
    expect(within(panel).getByText('Loading…')).toBeTruthy();
    expect(within(panel).queryByText('No data')).toBeNull();
    release();
    expect(await within(panel).findByText(/line Relative humidity \(HMC records\): 2 points/)).toBeTruthy();
    expect(within(panel).queryByText('Loading…')).toBeNull();
  });
});

describe('on a DPM partition page', () => {
  it("draws the partition's power from the HMC's records, which the exporter has none of", async () => {
    const api = installFakeApi();
    api.series = (call) =>
      call.metric === 'zhmc_partition_power_watt'
        ? {
            status: 200,
            body: { ...seriesResponse('zhmc_partition_power_watt', []), unsupportedInMode: { mode: 'dpm', alternative: null } },
          }
        : defaultSeries(call);
    api.other = (url) =>
      url.pathname === '/api/v1/hmc-history' && url.searchParams.get('metric') === 'zhmc_partition_power_watt'
        ? {
            status: 200,
            body: answer({ metric: 'zhmc_partition_power_watt', primaryFrom: null, timestamps: [START, START + 900], values: [310, 320] }),
          }
        : defaultOther(url);
    renderApp('/cpcs/P0001/partitions/LNX1?range=24h');
    // A partition page has a dozen panels: on a busy machine it takes longer than findBy's default.
    const power = await screen.findByRole('region', { name: 'Partition power' }, { timeout: 15_000 });
    expect(await within(power).findByText(/line Partition power \(HMC records\): 2 points/)).toBeTruthy();
    expect(within(power).getByText(/zlens has no data of its own in this range yet/)).toBeTruthy();
    expect(within(power).queryByText(/not available in DPM mode|DPM mode/)).toBeNull();
  });
});
