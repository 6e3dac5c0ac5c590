import type { AdapterUse } from '@zlens/shared';
import type { useI18n } from '../i18n/use-i18n';

/** The words a name already starts with that say what it is ("NIC OSA" is a NIC, "SG ZLX1 01" a storage group). */
const NAMED_KIND: Readonly<Record<AdapterUse['via'], RegExp>> = {
  nic: /^nic\b/i,
  'storage-group': /^(sg|storage group)\b/i,
  channel: /^(chpid|channel)\b/i,
};

/**
 * How a partition reaches an adapter: "NIC eth0", "Storage group SG1", "Channel 0.42" — without
 * saying the kind twice when the object's own name already says it ("NIC OSA", not "NIC NIC OSA").
 */
export function viaLabel(t: ReturnType<typeof useI18n>['t'], via: AdapterUse['via'], through: string): string {
  return NAMED_KIND[via].test(through) ? through : t(`via.${via}`, { name: through });
}
