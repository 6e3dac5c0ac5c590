// HMC error responses: status, reason code and message, sent as the JSON body of hmc-api.md §1.6
// (fields in the order zhmcclient's mock writes them). Reason codes: §1.8.

export class HmcError extends Error {
  constructor(
    readonly status: number,
    readonly reason: number,
    message: string,
  ) {
    super(message);
    this.name = 'HmcError';
  }
}

// A type alias (not an interface) so it is assignable to the JSON reply type.
export type HmcErrorBody = {
  readonly 'request-method': string;
  readonly 'request-uri': string;
  readonly 'http-status': number;
  readonly reason: number;
  readonly message: string;
};

export function errorBody(method: string, uri: string, error: HmcError): HmcErrorBody {
  return {
    'request-method': method,
    'request-uri': uri,
    'http-status': error.status,
    reason: error.reason,
    message: error.message,
  };
}

export const unknownResource = (uri: string): HmcError => new HmcError(404, 1, `Unknown resource with URI: ${uri}`);

// The mock's CpcNotInDpmError (§1.8); the real HMC's text is UNKNOWN.
export const notInDpm = (cpc: { readonly 'object-id': string }): HmcError =>
  new HmcError(409, 5, `CPC is not in DPM mode: /api/cpcs/${cpc['object-id']}`);

export const badQueryParm = (detail: string): HmcError => new HmcError(400, 1, `Unrecognized or unsupported query parameters: ${detail}`);

export const invalidProperty = (property: string, uri: string, parm = 'properties'): HmcError =>
  new HmcError(400, 14, `Invalid property '${property}' in '${parm}' query parameter for resource with URI '${uri}'`);

// The verbatim text seen from a real HMC (exporter#351).
export const noSession = (): HmcError => new HmcError(403, 4, 'No session id was provided (must login)');

// The real HMC's text for 403.5, as zhmcclient's end-to-end tests expect it.
export const invalidSession = (): HmcError => new HmcError(403, 5, 'x-api-session header did not map to a known session');

// What zhmcclient shows for a failed logon: "HTTP authentication failed with 403,0: Login failed".
export const loginFailed = (): HmcError => new HmcError(403, 0, 'Login failed');

export const missingBody = (): HmcError => new HmcError(400, 3, 'Missing or malformed JSON request body');

export const missingField = (field: string): HmcError =>
  new HmcError(400, 5, `Missing or invalid required field in request body: ${field}`);
