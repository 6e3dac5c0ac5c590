// The HMC's default port names ("Port 0") read in the page's language; a port's own name stays.
import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageParams } from '../../i18n/translate';
import { portName } from './AdapterView';

const zh = (key: MessageKey, params?: MessageParams) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);

describe('portName', () => {
  it('says "端口 0" in zh-CN for the HMC\'s "Port 0" and for a port without a name', () => {
    expect(portName({ index: 0, name: 'Port 0' }, zh)).toBe('端口 0');
    expect(portName({ index: 1, name: null }, zh)).toBe('端口 1');
    expect(portName({ index: 1, name: null }, en)).toBe('Port 1');
    expect(portName({ index: 0, name: 'uplink A' }, zh)).toBe('uplink A');
  });
});
