import { describe, expect, it } from 'vitest';
import { CATALOG, LANGUAGES, METRIC_IDS } from '@zlens/shared';
import { EN, EN_ONE, ZH_CN } from './messages';
import { ApiError } from '../api/fetch-json';
import { errorText, metricTitle, placeholders, statusLabel, translate } from './translate';

describe('i18n coverage', () => {
  it('has every key in both languages, and no extra one', () => {
    expect(Object.keys(ZH_CN).sort()).toEqual(Object.keys(EN).sort());
  });

  it('has no empty message, and the same placeholders in zh-CN as in English', () => {
    const keys = Object.keys(EN) as (keyof typeof EN)[];
    expect(keys.filter((key) => EN[key].trim() === '' || ZH_CN[key].trim() === '')).toEqual([]);
    expect(keys.filter((key) => placeholders(ZH_CN[key]).join() !== placeholders(EN[key]).join())).toEqual([]);
  });

  it('translates the zh-CN strings (a copied English text is a missed translation)', () => {
    // Keys whose text is the same in both languages on purpose: abbreviations, units, names of languages.
    const same = new Set([
      'lang.en',
      'lang.zh-CN',
      'mode.dpm',
      'cpc.kind',
      'col.pchid',
      'panel.exportCsv',
      'panel.exportPng',
      'unit.mib',
      'unit.gib',
      'unit.tib',
      'unit.bytesPerSecond',
      'partition.wholeCpc',
      'col.cpc',
      'col.chpid',
    ]);
    const copied = (Object.keys(EN) as (keyof typeof EN)[]).filter((key) => !same.has(key) && EN[key] === ZH_CN[key]);
    expect(copied).toEqual([]);
  });

  it('has a catalog title in every language for every metric', () => {
    for (const id of METRIC_IDS) {
      for (const lang of LANGUAGES) expect(CATALOG[id].title[lang].trim()).not.toBe('');
    }
    expect(metricTitle('zh-CN', 'zhmc_cpc_processor_usage_ratio')).toBe('处理器使用率');
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'fleet.cpcCount', { n: 3 })).toBe('3 CPCs');
    expect(translate('zh-CN', 'fleet.cpcCount', { n: 3 })).toBe('3 台 CPC');
    expect(translate('en', 'nav.backTo', {})).toBe('Back to {name}');
  });

  it('counts in the singular where English has one (Intl.PluralRules), never "1 CPCs"', () => {
    expect(translate('en', 'fleet.cpcCount', { n: 1 })).toBe('1 CPC');
    expect(translate('en', 'fleet.cpcCount', { n: 0 })).toBe('0 CPCs');
    expect(translate('en', 'fleet.partitionCount', { n: 1 })).toBe('1 partition');
    expect(translate('en', 'fleetEnergy.missing', { n: 1 })).toBe('1 CPC reports no power and is not counted.');
    expect(translate('zh-CN', 'fleet.cpcCount', { n: 1 })).toBe('1 台 CPC');
    // A singular form has the placeholders of its message.
    for (const [key, text] of Object.entries(EN_ONE))
      expect({ key, p: placeholders(text ?? '') }).toEqual({ key, p: placeholders(EN[key as keyof typeof EN]) });
  });

  it('names statuses in both languages, and unknown statuses as words', () => {
    expect(statusLabel('en', 'not-operating')).toBe('Not operating');
    expect(statusLabel('zh-CN', 'stopped')).toBe('已停止');
    expect(statusLabel('zh-CN', 'brand-new-state')).toBe('Brand new state');
    expect(statusLabel('en', null)).toBe('Unknown');
  });
});

describe('errorText', () => {
  it('keeps the English message, says what failed in Chinese with the server detail in brackets', () => {
    const bff = new ApiError('Prometheus did not answer within 10 s', 'http', 504, 'upstream_timeout');
    expect(errorText('en', bff)).toBe('Prometheus did not answer within 10 s');
    expect(errorText('zh-CN', bff)).toBe('服务器或其数据源出错（HTTP 504）（Prometheus did not answer within 10 s）');
    expect(errorText('zh-CN', new ApiError('Cannot reach the zlens server (Failed to fetch)', 'network', 0))).toBe('无法连接 zlens 服务器');
    expect(errorText('zh-CN', new ApiError('Not found (HTTP 404)', 'http', 404))).toBe('未找到');
    expect(errorText('zh-CN', new Error('boom'))).toBe('boom');
  });
});
