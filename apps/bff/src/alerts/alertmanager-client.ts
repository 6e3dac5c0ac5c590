// The one fetch wrapper for Alertmanager (API v2): which firing alerts are silenced or inhibited.
// Read-only: zlens never creates or expires a silence. Every call has a timeout and a bounded
// body; failures become AppErrors in zlens' own words (an upstream's body never reaches a client
// or a log line).
import { AppError } from '../errors.js';
import { BodyTooLargeError, readBoundedText } from '../upstream/bounded-body.js';
import { startUpstreamRequest, type AppMetrics } from '../metrics.js';
import { AlertmanagerAlertsSchema, type AlertmanagerAlert } from './upstream-schemas.js';

export interface AlertmanagerClientOptions {
  /** Base URL, path prefix allowed (e.g. http://alertmanager:9093 or https://am.example/alertmanager). */
  url: URL;
  timeoutMs: number;
  /** Largest answer read; a larger one is refused (Alertmanager lists every active alert). */
  maxBytes: number;
  metrics: AppMetrics;
}

export class AlertmanagerClient {
  constructor(private readonly options: AlertmanagerClientOptions) {}

  async alerts(): Promise<AlertmanagerAlert[]> {
    const { url, timeoutMs, maxBytes, metrics } = this.options;
    const target = new URL('api/v2/alerts', url.href.endsWith('/') ? url : new URL(`${url.href}/`));
    for (const [k, v] of Object.entries({ active: 'true', silenced: 'true', inhibited: 'true', unprocessed: 'false' })) {
      target.searchParams.set(k, v);
    }
    const finish = startUpstreamRequest(metrics, 'alertmanager', 'api/v2/alerts');
    let text: string;
    let status: number;
    try {
      const response = await fetch(target, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
      status = response.status;
      text = await readBoundedText(response, maxBytes);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        finish('error', 'too_large');
        throw new AppError('upstream_error', `Alertmanager's answer is larger than ${maxBytes} bytes`);
      }
      if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
        finish('timeout', 'timeout');
        throw new AppError('upstream_timeout', `Alertmanager did not answer within ${timeoutMs} ms`, { cause: err });
      }
      finish('error', 'network');
      throw new AppError('upstream_error', 'Alertmanager is unreachable', { cause: err });
    }
    if (status !== 200) {
      finish('error', 'http_status');
      throw new AppError('upstream_error', `Alertmanager answered HTTP ${status}`);
    }
    let parsed: AlertmanagerAlert[] | null = null;
    try {
      const result = AlertmanagerAlertsSchema.safeParse(JSON.parse(text));
      if (result.success) parsed = result.data;
    } catch {
      parsed = null;
    }
    if (parsed === null) {
      finish('error', 'bad_response');
      throw new AppError('upstream_error', 'Alertmanager answered with something other than a list of alerts');
    }
    finish('success');
    return parsed;
  }
}
