// An HTTP server that plays a Prometheus (or a proxy in front of one) that lies: it streams hundreds
// of megabytes, trickles a body a byte at a time, answers an HTML error page that echoes the
// request's headers (credentials included), never answers, answers only the cheap `1` (busy: alive
// but every real query outlasts the timeout), or answers a valid envelope with `warnings` and `infos`. A real Prometheus does not misbehave this way on demand, so the client's
// bounds are tested against this; it is real HTTP over real sockets, not a mock of fetch.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type LyingMode = 'huge' | 'trickle' | 'echo-html' | 'hang' | 'busy' | 'warnings' | 'ok';

export interface LyingPrometheus {
  url: string;
  mode: LyingMode;
  /** Requests received (any path). */
  requests: number;
  /** Bytes written of streamed bodies so far. */
  streamedBytes(): number;
  close(): Promise<void>;
}

const MB = 1024 * 1024;
/** What `huge` would send if nobody stopped it. */
export const HUGE_BYTES = 300 * MB;

export const WARNING = 'PromQL warning: encountered a mix of histograms and floats for aggregation';
export const INFO =
  'PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "zhmc_cpc_processor_usage_ratio"';

function vector(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    status: 'success',
    data: { resultType: 'vector', result: [{ metric: { cpc: 'C1' }, value: [1_700_000_000, '0.5'] }] },
    ...extra,
  });
}

function stream(res: ServerResponse, onChunk: (n: number) => void): void {
  const chunk = Buffer.alloc(MB, 0x20);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"status":"success","data":{"resultType":"vector","result":[');
  let sent = 0;
  const pump = (): void => {
    while (sent < HUGE_BYTES && !res.destroyed) {
      sent += chunk.length;
      onChunk(chunk.length);
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end(']}}');
  };
  pump();
}

export async function startLyingPrometheus(initial: LyingMode = 'ok'): Promise<LyingPrometheus> {
  let streamed = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    lying.requests += 1;
    req.resume();
    switch (lying.mode) {
      case 'ok':
        res.writeHead(200, { 'content-type': 'application/json' }).end(vector());
        return;
      case 'warnings':
        res.writeHead(200, { 'content-type': 'application/json' }).end(vector({ warnings: [WARNING], infos: [INFO] }));
        return;
      case 'huge':
        stream(res, (n) => (streamed += n));
        return;
      case 'trickle': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const timer = setInterval(() => {
          if (res.destroyed) clearInterval(timer);
          else res.write(' ');
        }, 50);
        timers.add(timer);
        return;
      }
      case 'echo-html': {
        // A proxy's error page that shows the request it could not forward, headers and all.
        const headers = Object.entries(req.headers)
          .map(([name, value]) => `${name}: ${String(value)}`)
          .join('<br>\n');
        res
          .writeHead(502, { 'content-type': 'text/html' })
          .end(`<html><body><h1>502 Bad Gateway</h1><p>upstream prometheus:9090 refused</p><pre>${headers}</pre></body></html>`);
        return;
      }
      case 'hang':
        return;
      case 'busy': {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          if (new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('query') === '1')
            res.writeHead(200, { 'content-type': 'application/json' }).end(vector());
        });
        return;
      }
    }
  };
  const server = createServer(handle);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const lying: LyingPrometheus = {
    url: `http://127.0.0.1:${address.port}`,
    mode: initial,
    requests: 0,
    streamedBytes: () => streamed,
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return lying;
}
