import { describe, expect, it } from 'vitest';
import { checkRows, parseMetricsResponse } from './metrics-parser.js';

// Verbatim from hmc-api.md §3.4 (zhmcclient's mock test_mc_get_m_values_response, UTC timestamps).
const REFERENCE =
  '"partition-usage"\n"/api/partitions/fake-oid"\n1504613590000\n12,3\n\n"/api/partitions/fake-oid"\n1504613600000\n10,5\n\n\n"dpm-system-usage-overview"\n"/api/cpcs/fake-oid"\n1504613610000\n50,20\n\n\n\n';

describe('the test parser of the §3.4 grammar', () => {
  it('reads the reference example', () => {
    expect(parseMetricsResponse(REFERENCE)).toEqual([
      {
        name: 'partition-usage',
        objects: [
          { uri: '/api/partitions/fake-oid', timestamp: 1504613590000, rows: [['12', '3']] },
          { uri: '/api/partitions/fake-oid', timestamp: 1504613600000, rows: [['10', '5']] },
        ],
      },
      { name: 'dpm-system-usage-overview', objects: [{ uri: '/api/cpcs/fake-oid', timestamp: 1504613610000, rows: [['50', '20']] }] },
    ]);
  });

  it('reads an empty response and an empty group', () => {
    expect(parseMetricsResponse('\n')).toEqual([]);
    expect(parseMetricsResponse('"partition-usage"\n\n\n')).toEqual([{ name: 'partition-usage', objects: [] }]);
  });

  it('rejects a body without the final empty line', () => {
    expect(() => parseMetricsResponse(REFERENCE.slice(0, -1))).toThrow(/final empty line|ends the group/);
  });

  it('rejects unquoted names, missing timestamps, missing rows and trailing content', () => {
    expect(() => parseMetricsResponse('partition-usage\n\n\n')).toThrow(/quoted/);
    expect(() => parseMetricsResponse('"g"\n"/api/x"\n12,3\n\n\n\n')).toThrow(/timestamp/);
    expect(() => parseMetricsResponse('"g"\n"/api/x"\n1\n\n\n\n')).toThrow(/no value row/);
    expect(() => parseMetricsResponse('"g"\n\n\n"h"\n')).toThrow(/after the final empty line/);
  });

  it('checks value count and types against metric-infos', () => {
    const [group] = parseMetricsResponse('"g"\n"/api/x"\n1\n12,24.5\n\n\n\n');
    if (group === undefined) throw new Error('no group');
    const integer = { 'metric-name': 'a', 'metric-type': 'integer-metric' };
    const double = { 'metric-name': 'b', 'metric-type': 'double-metric' };
    expect(() => checkRows(group, [integer, double])).not.toThrow();
    expect(() => checkRows(group, [integer])).toThrow(/2 values for 1/);
    expect(() => checkRows(group, [double, integer])).toThrow(/not a double-metric/);
  });
});
