// The process id of a running Prometheus started by startPrometheus (which does not expose it), so
// a test can stop it (SIGSTOP: hung), continue it (SIGCONT) or kill it like an operator would.
// Found by its data directory on its command line (/proc/<pid>/cmdline), never by name.
import { readFileSync, readdirSync } from 'node:fs';

export function pidOfPrometheus(dataDir: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue; // gone meanwhile, or not ours to read
    }
    const args = cmdline.split('\0');
    if (args.some((a) => a.startsWith(`--storage.tsdb.path=${dataDir}`))) return Number(entry);
  }
  throw new Error(`no Prometheus process with its data under ${dataDir}`);
}
