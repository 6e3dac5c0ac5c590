import type { Language } from '@zlens/shared';

const UNITS: Readonly<Record<Language, readonly [string, string, string, string]>> = {
  en: [' s', ' min', ' h', ' d'],
  'zh-CN': [' 秒', ' 分钟', ' 小时', ' 天'],
};

/** How long ago, in one coarse unit a reader takes in at a glance: "40 s", "3 min", "2 h", "1 d". */
export function formatAge(seconds: number, lang: Language): string {
  const [s, min, h, d] = UNITS[lang];
  const n = Math.max(0, Math.round(seconds));
  if (n < 60) return `${n}${s}`;
  if (n < 3600) return `${Math.round(n / 60)}${min}`;
  if (n < 86_400) return `${Math.round(n / 3600)}${h}`;
  return `${Math.round(n / 86_400)}${d}`;
}
