// Reads Prometheus text / OpenMetrics sample lines back (for tests): name, labels (unescaped),
// value text and optional timestamp.

export interface SampleLine {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: string;
  readonly timestamp: string | undefined;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: (\S+))?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/y;

function unescape(value: string): string {
  return value.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

export function parseSampleLine(line: string): SampleLine {
  const match = LINE.exec(line);
  if (match === null) throw new Error(`not a sample line: ${line}`);
  const [, name = '', labelText = '', value = '', timestamp] = match;
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < labelText.length) {
    const label = LABEL.exec(labelText);
    if (label === null) throw new Error(`bad labels in: ${line}`);
    labels[label[1] ?? ''] = unescape(label[2] ?? '');
  }
  return { name, labels, value, timestamp };
}

export function sampleLines(text: string): SampleLine[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map(parseSampleLine);
}

export function seriesKey(name: string, labels: Readonly<Record<string, string>>): string {
  return `${name}${JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)))}`;
}
