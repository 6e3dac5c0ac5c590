// A real, throw-away Alertmanager (Debian's prometheus-alertmanager) on 127.0.0.1 for tests: a
// temporary storage directory, no cluster, one receiver that sends nowhere.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedPort } from './helpers.js';

export interface RunningAlertmanager {
  url: string;
  /** `host:port`, for Prometheus' alerting targets. */
  target: string;
  close(): Promise<void>;
}

const BINARY = '/usr/bin/prometheus-alertmanager';
const CONFIG = 'route:\n  receiver: nowhere\n  group_wait: 1s\n  group_interval: 1s\nreceivers:\n  - name: nowhere\n';

export async function startAlertmanager(): Promise<RunningAlertmanager> {
  const dir = await mkdtemp(join(tmpdir(), 'zlens-alertmanager-'));
  await writeFile(join(dir, 'alertmanager.yml'), CONFIG);
  const port = await closedPort();
  const child: ChildProcess = spawn(
    BINARY,
    [
      `--config.file=${join(dir, 'alertmanager.yml')}`,
      `--storage.path=${dir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`alertmanager exited (${String(child.exitCode)}): ${log}`);
    try {
      if ((await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(2_000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`alertmanager was not ready within 30 s: ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, target: `127.0.0.1:${port}`, close };
}
