// The line-cord power chart: each cord's phases added up, the exporter's 0 ("not available") never
// drawn as a value, absent cords left out; all 24 phases in one request (GET /api/v1/line-cords),
// none per phase; on the energy view in English and Simplified Chinese.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { defaultOther, installFakeApi, lineCordsResponse } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { cordLines, lineCordSources } from './line-cords';

vi.mock('../../components/EChart', () => import('../../test/echarts-stub'));

afterEach(() => {
  vi.unstubAllGlobals();
});

const T = [100, 115, 130];

describe('cordLines', () => {
  it("adds up each cord's phases, takes 0 for no value, and leaves out cords without any", () => {
    const lines = cordLines(
      [
        { name: '1/a', timestamps: T, values: [1000, 0, null] },
        { name: '1/b', timestamps: T, values: [1100, 1200, null] },
        { name: '1/c', timestamps: T, values: [0, 0, null] },
        { name: '2/a', timestamps: T, values: [0, 0, 0] },
        { name: '3/a', timestamps: T, values: [500, 600, 700] },
      ],
      (n) => `cord ${n}`,
    );
    expect(lines).toEqual([
      { name: 'cord 1', timestamps: T, values: [2100, 1200, null] },
      { name: 'cord 3', timestamps: T, values: [500, 600, 700] },
    ]);
  });

  it('asks the 24 phase metrics of the exporter', () => {
    const sources = lineCordSources('A');
    expect(sources).toHaveLength(24);
    expect(sources[0]).toEqual({ metric: 'zhmc_cpc_power_cord1_phase_a_watt', cpc: 'A', name: '1/a' });
    expect(sources[23]?.metric).toBe('zhmc_cpc_power_cord8_phase_c_watt');
  });
});

/** Cords 1 and 2 carry power, the others report 0 on every phase. */
function twoCords(api: ReturnType<typeof installFakeApi>): void {
  const phases = lineCordSources('P0001').map(({ metric }) => {
    const cord = Number(/^zhmc_cpc_power_cord(\d)/.exec(metric)?.[1]);
    const watts = cord <= 2 ? 1000 * cord : 0;
    return { metric, values: [watts, watts, watts] };
  });
  api.other = (url) => (url.pathname === '/api/v1/line-cords' ? { status: 200, body: lineCordsResponse(phases) } : defaultOther(url));
}

describe('on the energy view', () => {
  it('shows a line per cord that has power, with the note (en)', async () => {
    const api = installFakeApi();
    twoCords(api);
    renderApp('/cpcs/P0001/energy?range=1h');
    const panel = await screen.findByRole('region', { name: 'Line-cord power' });
    expect(await within(panel).findByRole('button', { name: /Line cord 1/ })).toBeTruthy();
    expect(within(panel).getByRole('button', { name: /Line cord 2/ })).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: /Line cord 3/ })).toBeNull();
    expect(within(panel).getByText(/the HMC's history has no line cords/)).toBeTruthy();
    expect(within(panel).getByText('line Line cord 1: 3 points')).toBeTruthy();
  });

  it('asks for all 24 phases in one request, and none per phase', async () => {
    const api = installFakeApi();
    twoCords(api);
    renderApp('/cpcs/P0001/energy?range=1h');
    const panel = await screen.findByRole('region', { name: 'Line-cord power' });
    await within(panel).findByRole('button', { name: /Line cord 1/ });
    expect(api.calls.filter((c) => c.startsWith('/api/v1/line-cords?'))).toEqual([
      expect.stringMatching(/^\/api\/v1\/line-cords\?cpc=P0001&from=now-1h&to=now&maxPoints=\d+$/),
    ]);
    expect(api.seriesCalls.filter((c) => c.metric.includes('_power_cord'))).toEqual([]);
  });

  it('says the same in zh-CN', async () => {
    const api = installFakeApi();
    twoCords(api);
    renderApp('/cpcs/P0001/energy?range=1h&lang=zh-CN');
    const panel = await screen.findByRole('region', { name: '电源线功率' });
    expect(await within(panel).findByRole('button', { name: /电源线 2/ })).toBeTruthy();
    expect(within(panel).getByText(/HMC 的历史记录不含电源线/)).toBeTruthy();
  });
});
