// A minimal HTTPS client for the tests: real TLS, verified against the CA PEM the test passes.

import { request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';

export interface HmcResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  json(): unknown;
}

export interface HmcRequestOptions {
  readonly ca?: string;
  readonly session?: string;
  readonly body?: unknown;
}

export function hmcRequest(baseUrl: string, method: string, path: string, options: HmcRequestOptions = {}): Promise<HmcResponse> {
  const url = new URL(path, baseUrl);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent: false,
        ...(options.ca === undefined ? {} : { ca: options.ca }),
        headers: {
          'Content-Type': 'application/json',
          Accept: '*/*',
          ...(options.session === undefined ? {} : { 'X-API-Session': options.session }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: (): unknown => JSON.parse(text) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
