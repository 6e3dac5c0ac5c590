// Pure translation helpers: a message by key with `{name}` placeholders, metric titles from the
// shared catalog, status words. The hook in use-i18n.ts binds them to the URL's `lang`.
import { CATALOG, type CpcMode, type Language, type MetricId } from '@zlens/shared';
import { ApiError, errorMessage } from '../api/fetch-json';
import { EN, EN_ONE, ZH_CN, type MessageKey } from './messages';

export type { MessageKey };
export type MessageParams = Readonly<Record<string, string | number>>;

const DICTIONARIES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en: EN, 'zh-CN': ZH_CN };

const EN_PLURALS = new Intl.PluralRules('en');

/**
 * The message for `key` in `lang`, with `{name}` placeholders filled from `params`; a count `{n}`
 * picks the message's singular form where the language has one.
 */
export function translate(lang: Language, key: MessageKey, params?: MessageParams): string {
  const n = params?.n;
  const one = lang === 'en' && typeof n === 'number' && EN_PLURALS.select(n) === 'one' ? EN_ONE[key] : undefined;
  const text = one ?? DICTIONARIES[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The `{placeholders}` a message uses (the i18n test compares them across languages). */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

export function metricTitle(lang: Language, metric: MetricId): string {
  return CATALOG[metric].title[lang];
}

export function metricHelp(lang: Language, metric: MetricId): string {
  return CATALOG[metric].help[lang];
}

function isMessageKey(key: string): key is MessageKey {
  return key in EN;
}

/** An HMC status string (kebab-case) in words; an unknown one is shown as words of its own. */
export function statusLabel(lang: Language, status: string | null): string {
  if (status == null || status === '') return translate(lang, 'status.unknown');
  const key = `status.${status}`;
  if (isMessageKey(key)) return translate(lang, key);
  const words = status.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function modeLabel(lang: Language, mode: CpcMode | null): string {
  if (mode === 'dpm') return translate(lang, 'mode.dpm');
  if (mode === 'classic') return translate(lang, 'mode.classic');
  return translate(lang, 'mode.unknown');
}

/**
 * The BFF's rejections an operator can cause from the address bar, by their code and the parameter
 * they name, as the page's own words (the BFF's message is for developers: "the range holds no
 * point at least one scrape interval (15 s) old").
 */
function knownRejection(error: ApiError): { key: MessageKey; params?: MessageParams } | null {
  if (error.code === 'bad_request' && /no point at least one scrape interval/.test(error.message))
    return { key: 'error.windowNotMeasured' };
  const param = /^(from|to|step|maxPoints): must be/.exec(error.message)?.[1];
  if (error.code === 'bad_request' && param !== undefined) return { key: 'error.badParam', params: { param } };
  return null;
}

/**
 * What a failed request says to the operator. English keeps the fetch helper's own message (with
 * the BFF's detail); zh-CN says what failed in Chinese and keeps the server's detail in brackets.
 */
export function errorText(lang: Language, error: unknown): string {
  const known = error instanceof ApiError ? knownRejection(error) : null;
  if (known) return translate(lang, known.key, known.params);
  if (lang === 'en' || !(error instanceof ApiError)) return errorMessage(error);
  if (error.kind === 'network') return translate(lang, 'error.network');
  if (error.kind === 'aborted') return translate(lang, 'error.aborted');
  if (error.kind === 'invalid-response') return translate(lang, 'error.invalid');
  let what = translate(lang, 'error.http', { status: error.status });
  if (error.status === 400) what = translate(lang, 'error.http400');
  else if (error.status === 404) what = translate(lang, 'error.http404');
  else if (error.status >= 500) what = translate(lang, 'error.http5xx', { status: error.status });
  return error.code ? `${what}（${error.message}）` : what;
}
