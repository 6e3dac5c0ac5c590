// The compose demo's exporter config (docker/demo/hmccreds.yaml) must be a valid exporter 2.x
// config file that exports every group, with the simulator's own credentials.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXPORTER_METRIC_GROUPS, exporterConfigFromFile } from './exporter-config.js';
import { isRecord } from '../narrow.js';
import { DEFAULT_CREDENTIALS } from '../simulator.js';

const DEMO_FILE = fileURLToPath(new URL('../../../../docker/demo/hmccreds.yaml', import.meta.url));

// The keys the exporter 2.3.3's config schema (zhmc_prometheus_exporter/schemas/config_schema.yaml)
// allows; it sets additionalProperties: false at both levels.
const TOP_LEVEL_KEYS = ['version', 'hmcs', 'metrics', 'prometheus', 'extra_labels', 'cpcs', 'metric_groups'];
const HMC_KEYS = ['host', 'userid', 'password', 'verify_cert', 'retry_timeout'];

describe('docker/demo/hmccreds.yaml', () => {
  it('is an exporter 2.x config file, version 2, exporting every metric group', async () => {
    const text = await readFile(DEMO_FILE, 'utf8');
    const document: unknown = parse(text);
    if (!isRecord(document)) throw new Error('not a mapping');
    expect(Object.keys(document).filter((key) => !TOP_LEVEL_KEYS.includes(key))).toEqual([]);
    expect(document.version).toBe(2);
    expect('metrics' in document).toBe(false);
    const hmcs = document.hmcs;
    if (!Array.isArray(hmcs) || !isRecord(hmcs[0])) throw new Error('hmcs is not a list of mappings');
    expect(Object.keys(hmcs[0]).filter((key) => !HMC_KEYS.includes(key))).toEqual([]);
    expect(hmcs[0]).toMatchObject({ host: 'hmc-sim', userid: DEFAULT_CREDENTIALS.userid, password: DEFAULT_CREDENTIALS.password });
    const config = exporterConfigFromFile(text);
    expect(config.cpcs).toBeUndefined();
    const groups = config.metricGroups ?? 'all';
    expect(groups === 'all' ? EXPORTER_METRIC_GROUPS : [...groups].sort()).toEqual([...EXPORTER_METRIC_GROUPS].sort());
  });
});
