// The words of the HMC's own history under a chart (its historical sustainability data filling
// the time zlens' own data does not reach back to) and of the line-cord power chart, in English and
// Simplified Chinese; spread into EN and ZH_CN in messages.ts.

export const HMC_HISTORY_EN = {
  'hmcHistory.lineName': '{name} (HMC records)',
  'hmcHistory.noteAll': "Dotted: from the HMC's own records, {resolution} resolution. zlens has no data of its own in this range yet.",
  'hmcHistory.noteUntil':
    "Dotted, on the shaded part: from the HMC's own records, {resolution} resolution, up to {time}, where zlens' own data starts.",
  'hmcHistory.notPermitted':
    "The HMC's own records could fill the time before zlens' data, but the HMC user may not read them (it needs the Environmental Dashboard task).",
  'hmcHistory.notSupported':
    'The HMC keeps no history of this for this machine (its SE does not offer the historical sustainability data).',
  'hmcHistory.resMinutes': '{n}-minute',
  'hmcHistory.resHours': '{n}-hour',
  'hmcHistory.resDays': '{n}-day',
  'energy.partitionPowerDpm':
    "The exporter has no power metric of DPM partitions: what is shown comes from the HMC's own records, where the HMC keeps them.",
  'energy.lineCords': 'Line-cord power',
  'energy.lineCord': 'Line cord {n}',
  'energy.lineCordsNote':
    "Each cord's three phases added up. A cord that reports 0 W on every phase is not there and is left out. From zlens' own data only (Prometheus or live polling): the HMC's history has no line cords.",
} as const;

export const HMC_HISTORY_ZH_CN: Readonly<Record<keyof typeof HMC_HISTORY_EN, string>> = {
  'hmcHistory.lineName': '{name}（HMC 记录）',
  'hmcHistory.noteAll': '点线：来自 HMC 自身的记录，分辨率 {resolution}。在此范围内 zlens 尚无自己的数据。',
  'hmcHistory.noteUntil': '阴影部分的点线：来自 HMC 自身的记录，分辨率 {resolution}，直到 {time}，zlens 自己的数据从此开始。',
  'hmcHistory.notPermitted':
    'HMC 自身的记录本可以补上 zlens 数据之前的时间，但该 HMC 用户无权读取（需要“Environmental Dashboard”任务权限）。',
  'hmcHistory.notSupported': 'HMC 没有保存这台机器的此项历史（其 SE 不提供历史可持续性数据）。',
  'hmcHistory.resMinutes': '{n} 分钟',
  'hmcHistory.resHours': '{n} 小时',
  'hmcHistory.resDays': '{n} 天',
  'energy.partitionPowerDpm': '导出器没有 DPM 分区的功耗指标：此处显示的是 HMC 自身的记录（如果 HMC 保存了这些记录）。',
  'energy.lineCords': '电源线功率',
  'energy.lineCord': '电源线 {n}',
  'energy.lineCordsNote':
    '每根电源线三相之和。各相均报告 0 W 的电源线并不存在，不予显示。仅来自 zlens 自己的数据（Prometheus 或实时轮询）：HMC 的历史记录不含电源线。',
};
