// How a partition reaches an adapter, without saying the kind twice (issue 16: "NIC NIC OSA").
import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageParams } from '../i18n/translate';
import { viaLabel } from './via-label';

const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);
const zh = (key: MessageKey, params?: MessageParams) => translate('zh-CN', key, params);

describe('viaLabel', () => {
  it('says the kind before a name that does not, and not before one that does', () => {
    expect(viaLabel(en, 'nic', 'eth0')).toBe('NIC eth0');
    expect(viaLabel(en, 'nic', 'NIC OSA')).toBe('NIC OSA');
    expect(viaLabel(en, 'storage-group', 'SG ZLX1 01')).toBe('SG ZLX1 01');
    expect(viaLabel(en, 'storage-group', 'prod data')).toBe('Storage group prod data');
    expect(viaLabel(en, 'channel', '0.42')).toBe('Channel 0.42');
    expect(viaLabel(zh, 'nic', 'NIC OSA')).toBe('NIC OSA');
    expect(viaLabel(zh, 'nic', 'eth0')).toBe('网卡（NIC）eth0');
  });
});
