import type { useI18n } from '../i18n/use-i18n';
import type { UnitLabels } from './usage-chart-option';

type Translate = ReturnType<typeof useI18n>['t'];

/** The localised size units of formatMiB. */
export function sizeUnits(t: Translate): { mib: string; gib: string; tib: string } {
  return { mib: t('unit.mib'), gib: t('unit.gib'), tib: t('unit.tib') };
}

/** The localised unit words of a chart's values. */
export function chartUnitLabels(t: Translate): UnitLabels {
  return {
    bytes: t('unit.bytesPerSecond'),
    packets: t('unit.packetsPerSecond'),
    gauge: { btuPerHour: t('unit.btuPerHour'), ...sizeUnits(t) },
  };
}
