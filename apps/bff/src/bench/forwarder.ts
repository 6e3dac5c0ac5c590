// An HTTP forwarder between the soak benchmark's BFF and Prometheus: every request is passed on
// (streamed, not buffered) after `delayMs`, so the benchmark can make Prometheus slow without
// touching it. Loopback only; for the benchmark, never for production.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface Forwarder {
  url: string;
  /** Added before each request is passed on (0: none). */
  delayMs: number;
  close(): Promise<void>;
}

export async function startForwarder(upstream: string): Promise<Forwarder> {
  const target = new URL(upstream);
  const sockets = new Set<Socket>();
  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const out = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    res.on('close', () => out.destroy());
    req.pipe(out);
  };
  const server = createServer((req, res) => {
    if (forwarder.delayMs > 0) setTimeout(() => forward(req, res), forwarder.delayMs);
    else forward(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const forwarder: Forwarder = {
    url: `http://127.0.0.1:${address.port}`,
    delayMs: 0,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return forwarder;
}
