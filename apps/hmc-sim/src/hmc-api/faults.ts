// Faults on demand, for the BFF's reliability tests: switched through RunningSimulator.faults or
// the admin endpoint (off unless enabled). Each applies to the HMC API requests whose path matches
// `pathPattern` (all when absent), for the next `times` such requests (until cleared when absent).

import { HmcError } from './hmc-errors.js';

export interface FaultSettings {
  /** Logon answers 403.0 "Login failed", whatever the credentials. */
  readonly refuseLogon?: boolean;
  /** Logon answers 400.13 (max sessions reached for the user). */
  readonly maxSessions?: boolean;
  /** Every affected answer is delayed by this many ms. */
  readonly latencyMs?: number;
  /** Answer 500 with the HMC's HTML "Console Internal Error" page (text/html). */
  readonly htmlError?: boolean;
  /** Answer 409.2 (target object busy). */
  readonly busy?: boolean;
  /**
   * Answer 403.1: the user lacks the object-access or task permission (hmc-api.md §3). The HMC's
   * exact message text is not in the reference; this one says what it means.
   */
  readonly forbidden?: boolean;
  /** Close the connection without answering. */
  readonly dropConnection?: boolean;
  /** A regular expression; only request paths it matches (unanchored) are affected. */
  readonly pathPattern?: string;
  /** How many affected requests see the faults before they clear themselves. */
  readonly times?: number;
}

export type FaultAction =
  | { readonly kind: 'drop' }
  | { readonly kind: 'html'; readonly status: 500; readonly body: string }
  | { readonly kind: 'error'; readonly error: HmcError };

export interface AppliedFault {
  readonly latencyMs: number;
  readonly action: FaultAction | undefined;
}

/** The body of a real HMC 500 (hmc-samples/hmc-sample-errors.json, html_500_web_services_disabled). */
export const HTML_500_BODY =
  '<!doctype html public "-//IETF//DTD HTML 2.0//EN"> <html><head><title>Console Internal Error</title> <link href="/skin/HMCskin.css" rel="stylesheet" type="text/css"/></head> <body><h1>Console Internal Error</h1><br><hr size="1" noshade><h2>Details:</h2><p><br>HTTP status code: 500<p><br>The server encountered an internal error that prevented it from fulfilling this request.<p><br><pre>javax.servlet.ServletException: Web Services are not enabled.\n\tat com.ibm.hwmca.fw.api.ApiServlet.execute(ApiServlet.java:135)\n\t. . .\n</pre><hr size="1" noshade></body></html>';

const KEYS = ['refuseLogon', 'maxSessions', 'latencyMs', 'htmlError', 'busy', 'forbidden', 'dropConnection', 'pathPattern', 'times'];

/** Validates fault settings from JSON (the admin endpoint) or code. */
export function parseFaultSettings(value: unknown): FaultSettings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('fault settings must be a JSON object');
  const out: Record<string, boolean | number | string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!KEYS.includes(key)) throw new Error(`unknown fault "${key}" (known: ${KEYS.join(', ')})`);
    if (key === 'latencyMs' || key === 'times') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`${key} must be an integer >= 0`);
    } else if (key === 'pathPattern') {
      if (typeof v !== 'string') throw new Error('pathPattern must be a string');
      new RegExp(v, 'u');
    } else if (typeof v !== 'boolean') {
      throw new Error(`${key} must be true or false`);
    }
    if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') out[key] = v;
  }
  const settings: FaultSettings = {
    ...(typeof out.refuseLogon === 'boolean' ? { refuseLogon: out.refuseLogon } : {}),
    ...(typeof out.maxSessions === 'boolean' ? { maxSessions: out.maxSessions } : {}),
    ...(typeof out.latencyMs === 'number' ? { latencyMs: out.latencyMs } : {}),
    ...(typeof out.htmlError === 'boolean' ? { htmlError: out.htmlError } : {}),
    ...(typeof out.busy === 'boolean' ? { busy: out.busy } : {}),
    ...(typeof out.forbidden === 'boolean' ? { forbidden: out.forbidden } : {}),
    ...(typeof out.dropConnection === 'boolean' ? { dropConnection: out.dropConnection } : {}),
    ...(typeof out.pathPattern === 'string' ? { pathPattern: out.pathPattern } : {}),
    ...(typeof out.times === 'number' ? { times: out.times } : {}),
  };
  return settings;
}

export class FaultState {
  private settings: FaultSettings = {};
  private remaining: number | undefined;
  private pattern: RegExp | undefined;

  /** Replaces the active faults. */
  set(settings: FaultSettings): void {
    const checked = parseFaultSettings(settings);
    this.settings = checked;
    this.remaining = checked.times;
    this.pattern = checked.pathPattern === undefined ? undefined : new RegExp(checked.pathPattern, 'u');
  }

  clear(): void {
    this.set({});
  }

  current(): FaultSettings {
    return this.remaining === undefined ? this.settings : { ...this.settings, times: this.remaining };
  }

  /** The fault for one HMC request (consuming one of `times`), if any applies. */
  apply(method: string, path: string): AppliedFault | undefined {
    const s = this.settings;
    const logon = method === 'POST' && path === '/api/sessions';
    const action: FaultAction | undefined = s.dropConnection
      ? { kind: 'drop' }
      : s.htmlError
        ? { kind: 'html', status: 500, body: HTML_500_BODY }
        : s.busy
          ? { kind: 'error', error: new HmcError(409, 2, 'The target object is busy performing another operation') }
          : s.forbidden && !logon
            ? { kind: 'error', error: new HmcError(403, 1, 'The user is not authorized to perform this operation on the target object') }
            : logon && s.refuseLogon
              ? { kind: 'error', error: new HmcError(403, 0, 'Login failed') }
              : logon && s.maxSessions
                ? { kind: 'error', error: new HmcError(400, 13, 'Logon: Max sessions reached for user') }
                : undefined;
    const latencyMs = s.latencyMs ?? 0;
    if ((action === undefined && latencyMs === 0) || (this.pattern !== undefined && !this.pattern.test(path))) return undefined;
    if (this.remaining !== undefined) {
      if (this.remaining <= 0) return undefined;
      this.remaining -= 1;
      if (this.remaining === 0) queueMicrotask(() => this.clear());
    }
    return { latencyMs, action };
  }
}
