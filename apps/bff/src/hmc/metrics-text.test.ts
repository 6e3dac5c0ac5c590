import { describe, expect, it } from 'vitest';
import { MetricsTextError, parseMetricsText, type MetricGroupInfo } from './metrics-text.js';

// From the reference samples (shared/reference/hmc-samples/hmc-sample-metrics.json): the create
// response's group definitions, the verbatim zhmcclient test body and the full-rows example.
const GROUPS: MetricGroupInfo[] = [
  {
    'group-name': 'dpm-system-usage-overview',
    'metric-infos': [
      { 'metric-name': 'processor-usage', 'metric-type': 'integer-metric' },
      { 'metric-name': 'network-usage', 'metric-type': 'integer-metric' },
      { 'metric-name': 'storage-usage', 'metric-type': 'integer-metric' },
      { 'metric-name': 'accelerator-usage', 'metric-type': 'integer-metric' },
      { 'metric-name': 'crypto-usage', 'metric-type': 'integer-metric' },
      { 'metric-name': 'power-consumption-watts', 'metric-type': 'integer-metric' },
      { 'metric-name': 'temperature-celsius', 'metric-type': 'double-metric' },
      { 'metric-name': 'cp-shared-processor-usage', 'metric-type': 'integer-metric' },
      { 'metric-name': 'cp-dedicated-processor-usage', 'metric-type': 'integer-metric' },
      { 'metric-name': 'ifl-shared-processor-usage', 'metric-type': 'integer-metric' },
      { 'metric-name': 'ifl-dedicated-processor-usage', 'metric-type': 'integer-metric' },
    ],
  },
  {
    'group-name': 'partition-usage',
    'metric-infos': [
      { 'metric-name': 'processor-usage', 'metric-type': 'integer-metric' },
      { 'metric-name': 'network-usage', 'metric-type': 'integer-metric' },
      { 'metric-name': 'storage-usage', 'metric-type': 'integer-metric' },
      { 'metric-name': 'accelerator-usage', 'metric-type': 'integer-metric' },
      { 'metric-name': 'crypto-usage', 'metric-type': 'integer-metric' },
    ],
  },
];
const SAMPLE_BODY =
  '"partition-usage"\n"/api/partitions/fake-oid"\n1504613590000\n12,3\n\n"/api/partitions/fake-oid"\n1504613600000\n10,5\n\n\n"dpm-system-usage-overview"\n"/api/cpcs/fake-oid"\n1504613610000\n50,20\n\n\n\n';
const FULL_ROWS_BODY =
  '"dpm-system-usage-overview"\n"/api/cpcs/cpc_dpm"\n1504613590000\n42,3,5,0,1,5818,24.0,40,0,38,0\n\n\n"partition-usage"\n"/api/partitions/part1"\n1504613590000\n15,0,1,0,0\n\n"/api/partitions/part2"\n1504613590000\n17,5,2,0,0\n\n\n\n';

describe('parseMetricsText', () => {
  it('parses the reference example with several objects per group, in metric-infos order', () => {
    const values = parseMetricsText(SAMPLE_BODY, GROUPS);
    expect(values).toEqual([
      {
        group: 'partition-usage',
        objectUri: '/api/partitions/fake-oid',
        timestampMs: 1504613590000,
        rows: [{ 'processor-usage': 12, 'network-usage': 3 }],
      },
      {
        group: 'partition-usage',
        objectUri: '/api/partitions/fake-oid',
        timestampMs: 1504613600000,
        rows: [{ 'processor-usage': 10, 'network-usage': 5 }],
      },
      {
        group: 'dpm-system-usage-overview',
        objectUri: '/api/cpcs/fake-oid',
        timestampMs: 1504613610000,
        rows: [{ 'processor-usage': 50, 'network-usage': 20 }],
      },
    ]);
  });

  it('parses full rows, doubles included', () => {
    const values = parseMetricsText(FULL_ROWS_BODY, GROUPS);
    expect(values.map((v) => v.objectUri)).toEqual(['/api/cpcs/cpc_dpm', '/api/partitions/part1', '/api/partitions/part2']);
    expect(values[0]?.rows[0]).toMatchObject({
      'processor-usage': 42,
      'storage-usage': 5,
      'temperature-celsius': 24,
      'ifl-dedicated-processor-usage': 0,
    });
    expect(values[2]?.rows[0]).toEqual({
      'processor-usage': 17,
      'network-usage': 5,
      'storage-usage': 2,
      'accelerator-usage': 0,
      'crypto-usage': 0,
    });
  });

  it('reads several rows per object, quoted strings and booleans, and CRLF line ends', () => {
    const groups: MetricGroupInfo[] = [
      {
        'group-name': 'channel-usage',
        'metric-infos': [
          { 'metric-name': 'channel-name', 'metric-type': 'string-metric' },
          { 'metric-name': 'shared-channel', 'metric-type': 'boolean-metric' },
          { 'metric-name': 'logical-partition-name', 'metric-type': 'string-metric' },
          { 'metric-name': 'channel-usage', 'metric-type': 'integer-metric' },
        ],
      },
    ];
    const text =
      '"channel-usage"\r\n"/api/cpcs/c1"\r\n1700000000000\r\n"0.10",true,"LP01  ",7\r\n"0.11",False,"LP\\u00e9",0\r\n\r\n\r\n\r\n';
    expect(parseMetricsText(text, groups)).toEqual([
      {
        group: 'channel-usage',
        objectUri: '/api/cpcs/c1',
        timestampMs: 1_700_000_000_000,
        rows: [
          { 'channel-name': '0.10', 'shared-channel': true, 'logical-partition-name': 'LP01  ', 'channel-usage': 7 },
          { 'channel-name': '0.11', 'shared-channel': false, 'logical-partition-name': 'LPé', 'channel-usage': 0 },
        ],
      },
    ]);
  });

  it('accepts empty groups and an empty response, and skips groups it has no definition for', () => {
    expect(parseMetricsText('\n', GROUPS)).toEqual([]);
    expect(parseMetricsText('"partition-usage"\n\n\n', GROUPS)).toEqual([]);
    const text = '"unknown-group"\n"/api/x/1"\n1\n5\n\n\n"partition-usage"\n"/api/partitions/p"\n2\n1,2,3,4,5\n\n\n\n';
    expect(parseMetricsText(text, GROUPS).map((v) => v.group)).toEqual(['partition-usage']);
  });

  it('rejects malformed bodies with the line number', () => {
    expect(() => parseMetricsText('partition-usage\n\n\n', GROUPS)).toThrow(MetricsTextError);
    expect(() => parseMetricsText('"partition-usage"\n"/api/partitions/p"\nnot-a-time\n1\n\n\n\n', GROUPS)).toThrow(/line 3/);
    expect(() => parseMetricsText('"partition-usage"\n"/api/partitions/p"\n1\nx,2\n\n\n\n', GROUPS)).toThrow(/expected a number/);
    expect(() => parseMetricsText('"partition-usage"\n"/api/partitions/p"\n1\n\n\n\n', GROUPS)).toThrow(/no value row/);
  });
});

describe('rows with the wrong number of values', () => {
  it('are reported with group, line and counts (and read as zhmcclient reads them)', () => {
    const reported: unknown[] = [];
    const text = '"partition-usage"\n"/api/partitions/p"\n2\n1,2,3,4,5\n1,2,3\n1,2,3,4,5,6\n\n\n\n';
    const values = parseMetricsText(text, GROUPS, (row) => reported.push(row));
    expect(reported).toEqual([
      { group: 'partition-usage', line: 5, values: 3, expected: 5 },
      { group: 'partition-usage', line: 6, values: 6, expected: 5 },
    ]);
    expect(values[0]?.rows).toHaveLength(3);
    expect(parseMetricsText(FULL_ROWS_BODY, GROUPS, (row) => reported.push(row))).toHaveLength(3);
    expect(reported).toHaveLength(2);
  });
});
