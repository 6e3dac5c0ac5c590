// The words of the panels' help, the "show all" lists and the plain messages for a link that
// cannot be shown (issue 16), in English and Simplified Chinese; spread into EN and ZH_CN in
// messages.ts.

export const SCREEN_EN = {
  'panel.helpLabel': 'About “{title}”',
} as const;

export const SCREEN_ZH_CN: Readonly<Record<keyof typeof SCREEN_EN, string>> = {
  'panel.helpLabel': '关于“{title}”',
};
