// Links an operator can get wrong get a plain message in the page's language (issue 16): a window
// with nothing measured yet, a CPC name in the wrong case, an unknown panel id on the one-panel
// embed page; a request the server rejects as it stands offers no Retry that cannot succeed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { ApiError } from '../api/fetch-json';
import { errorText } from '../i18n/translate';
import { errorReply, installFakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';

vi.mock('../components/EChart', () => import('../test/echarts-stub'));

afterEach(() => {
  vi.unstubAllGlobals();
});

const NOT_MEASURED = 'to: the range holds no point at least one scrape interval (15 s) old';

describe('plain messages', () => {
  it('says in both languages that a window holds nothing measured yet, never the BFF text', () => {
    const error = new ApiError(NOT_MEASURED, 'http', 400, 'bad_request');
    expect(errorText('en', error)).toBe(
      'Nothing has been measured in this time window yet: it lies in the future, or ends less than 15 seconds ago. Choose an earlier window.',
    );
    expect(errorText('zh-CN', error)).toBe('此时间范围内还没有测量数据：它位于未来，或结束于不到 15 秒前。请选择更早的时间范围。');
    const from = new ApiError('from: must be unix seconds, RFC 3339, "now" or "now-<n><s|m|h|d|w>"', 'http', 400, 'bad_request');
    expect(errorText('zh-CN', from)).toBe('无法读取链接中的“from”值。请在上方选择时间范围。');
  });

  it('offers no Retry for a rejected window, and Retry for an unreachable upstream', async () => {
    const api = installFakeApi();
    api.series = (call) =>
      call.metric === 'zhmc_cpc_processor_usage_ratio'
        ? errorReply(400, 'bad_request', NOT_MEASURED)
        : errorReply(502, 'upstream_error', 'Prometheus is unreachable');
    renderApp('/cpcs/P0001');
    const rejected = await screen.findByRole('region', { name: 'Processor usage' });
    expect((await within(rejected).findByRole('alert')).textContent).toContain('Nothing has been measured in this time window yet');
    expect(within(rejected).queryByRole('button', { name: 'Retry' })).toBeNull();
    const unreachable = screen.getByRole('region', { name: 'Network adapter usage' });
    expect(await within(unreachable).findByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it.each([
    ['en', 'Did you mean P0001?'],
    ['zh-CN', '您是想找 P0001 吗？'],
  ] as const)('offers the CPC whose name differs only in case (%s), on the same page', async (lang, text) => {
    installFakeApi();
    renderApp(`/cpcs/p0001/partitions/LNX1?lang=${lang}`);
    const link = await screen.findByRole('link', { name: text });
    expect(link.getAttribute('href')).toBe(`/cpcs/P0001/partitions/LNX1?lang=${lang}`);
  });

  it.each([
    ['en', 'No such panel', 'Show the whole view'],
    ['zh-CN', '没有此面板', '显示整个视图'],
  ] as const)('names an unknown panel id on the one-panel page (%s) and links the whole view', async (lang, title, back) => {
    installFakeApi();
    renderApp(`/embed/panel/no-such-panel/cpcs/P0001?lang=${lang}`);
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeTruthy();
    expect(screen.getByText(/no-such-panel/)).toBeTruthy();
    expect(screen.getByRole('link', { name: back }).getAttribute('href')).toBe(`/cpcs/P0001?lang=${lang}`);
  });

  it('shows no such message when the panel exists', async () => {
    installFakeApi();
    renderApp('/embed/panel/cpc-processor-usage-ratio/cpcs/P0001');
    await screen.findByRole('region', { name: 'Processor usage' });
    expect(screen.queryByRole('heading', { name: 'No such panel' })).toBeNull();
  });
});
