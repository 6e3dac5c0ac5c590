// The words of the panels' help, the "show all" lists and the plain messages for a link that
// cannot be shown (issue 16), in English and Simplified Chinese; spread into EN and ZH_CN in
// messages.ts.

export const SCREEN_EN = {
  'panel.helpLabel': 'About “{title}”',
  'picker.thresholdRange': 'Thresholds are whole percentages from 1 to 100.',
  'picker.warnAboveCrit':
    'Warning ({warn} %) is above critical ({crit} %): the thresholds stay as they were until warning is at or below critical.',
  'error.windowNotMeasured':
    'Nothing has been measured in this time window yet: it lies in the future, or ends less than 15 seconds ago. Choose an earlier window.',
  'error.badParam': 'The link’s “{param}” value cannot be read. Choose a time range above.',
  'embed.unknownPanel': 'No such panel',
  'embed.unknownPanelMessage': 'This view has no panel “{panel}”. The link may be mistyped or from another zlens version.',
  'embed.wholeView': 'Show the whole view',
  'notFound.didYouMean': 'Did you mean {name}?',
} as const;

export const SCREEN_ZH_CN: Readonly<Record<keyof typeof SCREEN_EN, string>> = {
  'panel.helpLabel': '关于“{title}”',
  'picker.thresholdRange': '阈值是 1 到 100 之间的整数百分比。',
  'picker.warnAboveCrit': '警告（{warn} %）高于严重（{crit} %）：在警告不高于严重之前，阈值保持不变。',
  'error.windowNotMeasured': '此时间范围内还没有测量数据：它位于未来，或结束于不到 15 秒前。请选择更早的时间范围。',
  'error.badParam': '无法读取链接中的“{param}”值。请在上方选择时间范围。',
  'embed.unknownPanel': '没有此面板',
  'embed.unknownPanelMessage': '此视图没有“{panel}”面板。链接可能有误，或来自其他版本的 zlens。',
  'embed.wholeView': '显示整个视图',
  'notFound.didYouMean': '您是想找 {name} 吗？',
};
