import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CpcMode, Language, MetricId } from '@zlens/shared';
import { parseViewParams } from '../state/view-params';
import { errorText, metricHelp, metricTitle, modeLabel, statusLabel, translate, type MessageKey, type MessageParams } from './translate';

export interface I18n {
  lang: Language;
  t: (key: MessageKey, params?: MessageParams) => string;
  metric: (metric: MetricId) => string;
  /** The catalog's help text of a metric: what it measures. */
  help: (metric: MetricId) => string;
  status: (status: string | null) => string;
  mode: (mode: CpcMode | null) => string;
  /** A failed request, in words for the operator. */
  error: (error: unknown) => string;
  /** Names as a list in the page's language ('A, B, and C'; 'A、B和C'). */
  list: (items: readonly string[]) => string;
}

/** The translation functions for the language in the URL (`lang=`). */
export function useI18n(): I18n {
  const [search] = useSearchParams();
  const lang = parseViewParams(search).lang;
  return useMemo(
    () => ({
      lang,
      t: (key, params) => translate(lang, key, params),
      metric: (metric) => metricTitle(lang, metric),
      help: (metric) => metricHelp(lang, metric),
      status: (status) => statusLabel(lang, status),
      mode: (mode) => modeLabel(lang, mode),
      error: (error) => errorText(lang, error),
      list: (items) => new Intl.ListFormat(lang).format(items),
    }),
    [lang],
  );
}
