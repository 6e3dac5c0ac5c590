// An answer Prometheus warned about (FreshnessShape `partial` and `warnings`) is said so in the
// panel that shows it, in the page's language; Prometheus' own words only behind a disclosure, its
// infos (hints that do not make an answer partial) not at all. The chart is stubbed (happy-dom has
// no canvas).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { defaultOther, defaultSeries, heatmapResponse, installFakeApi, seriesResponse, type FakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';

vi.mock('./EChart', () => import('../test/echarts-stub'));

afterEach(() => {
  vi.unstubAllGlobals();
});

const WARNING = 'partial response: store 10.0.0.7:10901 (site B) did not answer';
const INFO = 'info: PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket';

/** The CPC's processor usage answers partial (a warning and an info); the heatmap only an info. */
function partialApi(): FakeApi {
  const api = installFakeApi();
  api.series = (call) => {
    if (call.metric !== 'zhmc_cpc_processor_usage_ratio') return defaultSeries(call);
    const body = {
      ...seriesResponse('zhmc_cpc_processor_usage_ratio', [{ labels: { cpc: 'P0001' }, values: [0.5, null, 0.7] }]),
      partial: true,
      warnings: [WARNING, INFO],
    };
    return { status: 200, body };
  };
  api.other = (url) =>
    url.pathname === '/api/v1/heatmap' ? { status: 200, body: { ...heatmapResponse('P0001'), warnings: [INFO] } } : defaultOther(url);
  return api;
}

function panel(id: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`[data-panel="${id}"]`);
  if (found === null) throw new Error(`no panel ${id}`);
  return found;
}

describe('a partial answer', () => {
  it('is said in the panel that shows it, with what Prometheus said behind a disclosure', async () => {
    partialApi();
    renderApp('/cpcs/P0001');
    const processor = await screen.findByRole('region', { name: /^Processor usage/ });
    await within(processor).findByRole('img');
    const note = within(processor).getByRole('note');
    expect(within(note).getByText('Partial data.')).toBeTruthy();
    expect(note.textContent).toContain('Prometheus warned that this answer may be missing data');
    const details = within(note).getByText('What Prometheus said (1 warning, in English)');
    await userEvent.click(details);
    expect(
      within(note)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([WARNING]);
    expect(note.textContent).not.toContain('might not be a counter');

    // Panels whose answers are whole (or carry only infos) say nothing of the kind.
    const heatmap = panel('heatmap');
    await within(heatmap).findByRole('img');
    expect(within(heatmap).queryByRole('note')).toBeNull();
    expect(within(screen.getByRole('region', { name: /^Network adapter usage/ })).queryByRole('note')).toBeNull();
  });

  it('is said in zh-CN on a zh-CN page', async () => {
    partialApi();
    renderApp('/cpcs/P0001?lang=zh-CN');
    const note = await screen.findByRole('note');
    expect(within(note).getByText('数据不完整。')).toBeTruthy();
    expect(note.textContent).toContain('Prometheus 提示此结果可能缺少数据');
    expect(within(note).getByText('Prometheus 的原话（1 条警告，英文）')).toBeTruthy();
  });

  it('shows on the heatmap and top partitions too', async () => {
    const api = installFakeApi();
    api.other = (url) => {
      const reply = defaultOther(url);
      if ((url.pathname === '/api/v1/heatmap' || url.pathname === '/api/v1/top') && reply !== 'network-error' && 'body' in reply) {
        return { status: 200, body: { ...(reply.body as object), partial: true, warnings: [WARNING] } };
      }
      return reply;
    };
    renderApp('/cpcs/P0001');
    await screen.findByRole('region', { name: /^Top partitions/ });
    expect((await within(panel('heatmap')).findByRole('note')).textContent).toContain('Partial data.');
    const top = panel('top-partitions');
    expect((await within(top).findByRole('note')).textContent).toContain('Partial data.');
  });
});
