// The catalog's bilingual help of a chart's metric, behind the (i) beside the panel's title.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CATALOG } from '@zlens/shared';
import { installFakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';

vi.mock('./EChart', () => import('../test/echarts-stub'));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('panel help', () => {
  it.each([
    ['en', 'Processor usage', 'About “Processor usage”'],
    ['zh-CN', CATALOG.zhmc_cpc_processor_usage_ratio.title['zh-CN'], `关于“${CATALOG.zhmc_cpc_processor_usage_ratio.title['zh-CN']}”`],
  ] as const)('shows the catalog help of the metric in %s, named by its panel, hidden until asked', async (lang, title, label) => {
    installFakeApi();
    renderApp(`/cpcs/P0001?lang=${lang}`);
    const panel = await screen.findByRole('region', { name: title });
    const help = CATALOG.zhmc_cpc_processor_usage_ratio.help[lang];
    const toggle = within(panel).getByRole('button', { name: label });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(panel).queryByText(help)).toBeNull();
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const text = within(panel).getByText(help);
    expect(toggle.getAttribute('aria-controls')).toBe(text.id);
    await userEvent.click(toggle);
    expect(within(panel).queryByText(help)).toBeNull();
  });
});
