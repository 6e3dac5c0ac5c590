import type { ECharts } from 'echarts/core';

// Charts of one group (echarts.connect) follow the pointer together. The chart under the pointer
// shows the tooltip; the others show only the crosshair (the tooltip's axis pointer), so no
// tooltip covers the lines of the chart one is not looking at.

const groups = new Map<string, Set<ECharts>>();
const contentShown = new WeakMap<ECharts, boolean>();

function showContent(chart: ECharts, shown: boolean): void {
  if ((contentShown.get(chart) ?? true) === shown) return;
  contentShown.set(chart, shown);
  chart.setOption({ tooltip: { showContent: shown } });
}

/** Adds `chart` to `group`'s hover rule; returns how to take it out again. */
export function joinHoverGroup(chart: ECharts, group: string): () => void {
  const members = groups.get(group) ?? new Set<ECharts>();
  groups.set(group, members);
  members.add(chart);
  const zr = chart.getZr();
  const enter = (): void => {
    for (const member of members) showContent(member, member === chart);
  };
  const leave = (): void => {
    for (const member of members) showContent(member, true);
  };
  zr.on('mousemove', enter);
  zr.on('globalout', leave);
  return () => {
    zr.off('mousemove', enter);
    zr.off('globalout', leave);
    members.delete(chart);
    if (members.size === 0) groups.delete(group);
  };
}
