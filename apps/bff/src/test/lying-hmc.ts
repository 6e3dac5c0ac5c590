// An HTTPS server that plays an HMC which lies: it claims or streams hundreds of megabytes, trickles
// a body a byte at a time, answers a 500 page that echoes the request's credentials, answers
// /api/version with `null`, or sends metrics rows with more values than their group defines. The simulator does not misbehave this way (a real HMC should not
// either), so tests of the client's bounds talk to this instead; it is real HTTPS and real sockets.
import type { ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSignedTls } from '@zlens/hmc-sim';

/** What GET /api/version answers: a JSON body (text), or the word 'hang' for never answering. */
type VersionAnswer = string;

export interface LyingHmc {
  url: string;
  caPem: string;
  /** Requests received, by path. */
  hits: Map<string, number>;
  /** Bytes written of the streamed bodies so far. */
  streamedBytes(): number;
  /** What GET /api/version answers from now on: a JSON body (text) or a hang. */
  setVersion(answer: VersionAnswer): void;
  close(): Promise<void>;
}

const MB = 1024 * 1024;
export const HUGE_BYTES = 300 * MB;

/** Writes `total` bytes in 1 MB chunks, respecting back-pressure, until done or the peer goes. */
function stream(res: ServerResponse, total: number, onChunk: (n: number) => void): void {
  const chunk = Buffer.alloc(MB, 0x7b);
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      onChunk(chunk.length);
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

export async function startLyingHmc(): Promise<LyingHmc> {
  const tls = await selfSignedTls();
  const hits = new Map<string, number>();
  let streamed = 0;
  let version: VersionAnswer = '{"api-major-version":4,"api-minor-version":10,"hmc-version":"2.16.0"}';
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const json = (status: number, body: string): void => {
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    switch (path) {
      case '/api/sessions':
        json(200, '{"api-session":"lying-session"}');
        return;
      case '/api/version':
        if (version === 'hang') hanging.add(res);
        else json(200, version);
        return;
      case '/api/huge-declared':
        // Says 300 MB up front and streams them.
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': HUGE_BYTES });
        stream(res, HUGE_BYTES, (n) => (streamed += n));
        return;
      case '/api/huge-chunked':
        // Says nothing of its length (chunked) and streams 300 MB.
        res.writeHead(200, { 'content-type': 'application/json' });
        stream(res, HUGE_BYTES, (n) => (streamed += n));
        return;
      case '/api/trickle': {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"cpcs":[');
        const timer = setInterval(() => res.write(' '), 100);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case '/api/echo-500': {
        // A proxy's error page that echoes the request, credentials included.
        const page = `<html><head><title>Proxy Error: Authorization: Basic ${Buffer.from('admin:hunter2').toString('base64')} x-api-session: lying-session</title></head><body>${'x'.repeat(5000)}</body></html>`;
        res.writeHead(500, { 'content-type': 'text/html' });
        res.end(page);
        return;
      }
      case '/api/services/metrics/context':
        json(
          200,
          JSON.stringify({
            'metrics-context-uri': '/api/services/metrics/context/1',
            'metric-group-infos': [
              {
                'group-name': 'partition-usage',
                'metric-infos': [
                  { 'metric-name': 'processor-usage', 'metric-type': 'integer-metric' },
                  { 'metric-name': 'network-usage', 'metric-type': 'integer-metric' },
                ],
              },
            ],
          }),
        );
        return;
      case '/api/services/metrics/context/1': {
        // One row with three values where the group defines two.
        const text = '"partition-usage"\n"/api/partitions/p1"\n1700000000000\n10,20,30\n\n\n\n';
        res.writeHead(200, { 'content-type': 'application/vnd.ibm-z-zmanager-metrics', 'content-length': Buffer.byteLength(text) });
        res.end(text);
        return;
      }
      case '/api/ok':
        json(200, '{"ok":true}');
        return;
      default:
        json(404, '{"http-status":404,"reason":1,"message":"no such resource"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const { port } = address;
  return {
    url: `https://127.0.0.1:${port}`,
    caPem: tls.cert,
    hits,
    streamedBytes: () => streamed,
    setVersion: (answer) => {
      version = answer;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
