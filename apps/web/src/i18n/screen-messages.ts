// The words of the panels' help, the "show all" lists and the plain messages for a link that
// cannot be shown (issue 16), in English and Simplified Chinese; spread into EN and ZH_CN in
// messages.ts.

export const SCREEN_EN = {
  'panel.helpLabel': 'About “{title}”',
  'picker.thresholdRange': 'Thresholds are whole percentages from 1 to 100.',
  'picker.warnAboveCrit': 'Warning ({warn} %) is above critical ({crit} %): the thresholds stay as they were until warning is at or below critical.',
} as const;

export const SCREEN_ZH_CN: Readonly<Record<keyof typeof SCREEN_EN, string>> = {
  'panel.helpLabel': '关于“{title}”',
  'picker.thresholdRange': '阈值是 1 到 100 之间的整数百分比。',
  'picker.warnAboveCrit': '警告（{warn} %）高于严重（{crit} %）：在警告不高于严重之前，阈值保持不变。',
};
