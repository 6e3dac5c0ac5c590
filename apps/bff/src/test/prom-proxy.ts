// A forwarding proxy in front of a real Prometheus that records every query the BFF sends (to check
// that only intended PromQL goes out) and can play down (connections reset), slow (no answer) or a
// federating query layer that lost one of its stores (`warn`: Prometheus' answer with a warning, as
// Thanos Query sends with a partial response; a plain Prometheus does not warn on demand).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type ProxyMode = 'pass' | 'down' | 'slow' | 'warn';

/** The warning `warn` adds to every query answer. */
export const PARTIAL_WARNING = 'partial response: store 10.0.0.7:10901 did not answer (context deadline exceeded)';

export interface PromProxy {
  url: string;
  mode: ProxyMode;
  /** Every request received: path and form parameters. */
  readonly requests: { path: string; params: Record<string, string> }[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function withWarning(text: string): string {
  const envelope = JSON.parse(text) as { status: string; warnings?: string[] };
  if (envelope.status !== 'success') return text;
  return JSON.stringify({ ...envelope, warnings: [...(envelope.warnings ?? []), PARTIAL_WARNING] });
}

export async function startPromProxy(upstream: string): Promise<PromProxy> {
  const sockets = new Set<Socket>();
  const proxy: PromProxy = {
    url: '',
    mode: 'pass',
    requests: [],
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://proxy');
    const params = Object.fromEntries(new URLSearchParams(req.method === 'POST' ? body : url.search));
    proxy.requests.push({ path: url.pathname, params });
    if (proxy.mode === 'down') {
      req.socket.destroy();
      return;
    }
    if (proxy.mode === 'slow') return; // never answers; the BFF's timeout ends it
    const answer = await fetch(new URL(`${url.pathname}${url.search}`, upstream), {
      method: req.method ?? 'GET',
      headers: { 'content-type': req.headers['content-type'] ?? 'application/x-www-form-urlencoded' },
      ...(req.method === 'POST' ? { body } : {}),
    });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    const text = await answer.text();
    res.end(proxy.mode === 'warn' && url.pathname.startsWith('/api/v1/query') ? withWarning(text) : text);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  proxy.url = `http://127.0.0.1:${address.port}`;
  return proxy;
}
