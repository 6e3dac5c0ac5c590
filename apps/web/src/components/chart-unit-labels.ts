import type { useI18n } from '../i18n/use-i18n';
import type { UnitLabels } from './usage-chart-option';

/** The localised unit words of a chart's values. */
export function chartUnitLabels(t: ReturnType<typeof useI18n>['t']): UnitLabels {
  return {
    bytes: t('unit.bytesPerSecond'),
    packets: t('unit.packetsPerSecond'),
    gauge: { btuPerHour: t('unit.btuPerHour'), mib: t('unit.mib'), gib: t('unit.gib') },
  };
}
