// A parser for the HMC Get Metrics body, written from the grammar in hmc-api.md §3.4 (not from the
// simulator's generator), so the tests check the simulator against the spec rather than itself:
//
//   MetricsResponse: MetricsGroup{0,*} <emptyline>
//   MetricsGroup:    MetricsGroupName ObjectValues{0,*} <emptyline>
//   ObjectValues:    ObjectURI Timestamp ValueRow{1,*} <emptyline>

export interface ParsedObject {
  readonly uri: string;
  readonly timestamp: number;
  readonly rows: readonly (readonly string[])[];
}

export interface ParsedGroup {
  readonly name: string;
  readonly objects: readonly ParsedObject[];
}

export interface MetricInfoLike {
  readonly 'metric-name': string;
  readonly 'metric-type': string;
}

function quoted(line: string | undefined, what: string, lineNo: number): string {
  const match = /^"([^"\\]*)"$/.exec(line ?? '');
  if (match === null || match[1] === undefined) throw new Error(`line ${lineNo}: expected a quoted ${what}, got ${JSON.stringify(line)}`);
  return match[1];
}

export function parseMetricsResponse(text: string): ParsedGroup[] {
  if (!text.endsWith('\n')) throw new Error('body does not end with a newline');
  const lines = text.slice(0, -1).split('\n');
  const groups: ParsedGroup[] = [];
  let pos = 0;
  for (;;) {
    if (pos >= lines.length) throw new Error('missing the final empty line');
    if (lines[pos] === '') {
      if (pos !== lines.length - 1) throw new Error(`line ${pos + 1}: content after the final empty line`);
      return groups;
    }
    const name = quoted(lines[pos], 'metric group name', pos + 1);
    pos += 1;
    const objects: ParsedObject[] = [];
    for (;;) {
      if (pos >= lines.length) throw new Error(`group ${name}: missing the empty line that ends the group`);
      if (lines[pos] === '') {
        pos += 1;
        break;
      }
      const uri = quoted(lines[pos], 'object URI', pos + 1);
      pos += 1;
      const stamp = lines[pos] ?? '';
      if (!/^\d+$/.test(stamp)) throw new Error(`line ${pos + 1}: expected a timestamp, got ${JSON.stringify(stamp)}`);
      pos += 1;
      const rows: string[][] = [];
      while (pos < lines.length && lines[pos] !== '') {
        rows.push((lines[pos] ?? '').split(','));
        pos += 1;
      }
      if (rows.length === 0) throw new Error(`object ${uri}: no value row`);
      if (pos >= lines.length) throw new Error(`object ${uri}: missing the empty line after its rows`);
      pos += 1;
      objects.push({ uri, timestamp: Number(stamp), rows });
    }
    groups.push({ name, objects });
  }
}

/** Checks every row against the group's metric-infos: one value per metric, in the right type. */
export function checkRows(group: ParsedGroup, infos: readonly MetricInfoLike[]): void {
  for (const object of group.objects) {
    for (const row of object.rows) {
      if (row.length !== infos.length) {
        throw new Error(`${group.name} ${object.uri}: ${row.length} values for ${infos.length} metric-infos`);
      }
      row.forEach((value, i) => {
        const info = infos[i];
        // §3.4: integers and longs are plain digits, doubles decimal, strings double-quoted
        // (zhmcclient splits on ',' without quote awareness), booleans true/false.
        const type = info?.['metric-type'];
        const ok =
          type === 'integer-metric' || type === 'long-metric' || type === 'short-metric' || type === 'byte-metric'
            ? /^-?\d+$/.test(value)
            : type === 'double-metric'
              ? /^-?\d+\.\d+$/.test(value)
              : type === 'string-metric'
                ? /^"[^"]*"$/.test(value)
                : type === 'boolean-metric'
                  ? /^(true|false)$/i.test(value)
                  : false;
        if (!ok) throw new Error(`${group.name} ${object.uri}: ${JSON.stringify(value)} is not a ${info?.['metric-type'] ?? 'known type'}`);
      });
    }
  }
}
