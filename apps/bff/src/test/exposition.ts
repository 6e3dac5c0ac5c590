// A reader of the Prometheus text format, for comparing the live source with what the simulator's
// exporter /metrics says at the same instant (name, labels, value; comments skipped).
export interface ExpositionSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/gy;

function unescape(value: string): string {
  return value.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

export function parseExposition(text: string): ExpositionSample[] {
  const out: ExpositionSample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = LINE.exec(line);
    if (match === null) throw new Error(`not a sample line: ${line}`);
    const [, name = '', body = '', value = ''] = match;
    const labels: Record<string, string> = {};
    LABEL.lastIndex = 0;
    let end = 0;
    let label: RegExpExecArray | null;
    while ((label = LABEL.exec(body)) !== null) {
      labels[label[1] ?? ''] = unescape(label[2] ?? '');
      end = LABEL.lastIndex;
    }
    if (end !== body.length) throw new Error(`bad labels: ${line}`);
    out.push({ name, labels, value: Number(value) });
  }
  return out;
}
