// Plain-HTTP `/metrics` in the format of IBM's zhmc-prometheus-exporter (zhmc-exporter.md §3),
// so Prometheus can scrape the simulator as it would scrape the exporter in front of a real HMC.
// What it exports follows an exporter config (metric groups, CPCs), which can change at runtime.

import { createServer, type Server } from 'node:http';
import { exportedFamilies, type ResolvedExporterConfig } from './exporter-config.js';
import { renderExposition } from './exposition.js';
import type { Scenario } from '../scenario/scenario.js';
import { slotOf } from '../workload/workload.js';

// prometheus_client's content type for the text format.
const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export function createExporterServer(scenario: () => Scenario, now: () => number, config: () => ResolvedExporterConfig): Server {
  return createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://exporter.invalid').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Method not allowed\n');
      return;
    }
    if (path !== '/metrics') {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Not found: the metrics are at /metrics\n');
      return;
    }
    const body = renderExposition(exportedFamilies(scenario(), config()), slotOf(now()));
    response.writeHead(200, { 'Content-Type': EXPOSITION_CONTENT_TYPE, 'Content-Length': Buffer.byteLength(body) });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
}
