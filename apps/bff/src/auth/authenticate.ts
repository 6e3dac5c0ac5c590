// Who is calling /api/v1 (ZLENS_AUTH). Built once from the config; the middleware puts the user
// in res.locals or answers 401 `unauthenticated` with a message that says why, so the web can
// show a signed-out state instead of retrying.
//
// - none:  everyone; the user is unknown (null).
// - proxy: the portal's reverse proxy names the user in a header; that header is believed only
//          on connections from the configured proxy addresses (the socket's peer, never a
//          forwarded-for header, which a client could write itself).
// - token: a bearer JWT (the portal hands it to the frame in the URL fragment or by postMessage;
//          the SPA sends it in the Authorization header — never a cookie), verified with `jose`
//          against a JWKS file, a JWKS URL or a shared secret; `exp` is required.
import { BlockList, isIPv4 } from 'node:net';
import type { RequestHandler, Response } from 'express';
import { createLocalJWKSet, createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import type { AuthMode, UnauthenticatedReason } from '@zlens/shared';
import type { AuthConfig } from '../config.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AppMetrics } from '../metrics.js';

/** Why a request was refused; also the label of zlens_auth_rejections_total. */
class Rejection extends Error {
  constructor(
    readonly reason: UnauthenticatedReason,
    message: string,
  ) {
    super(message);
  }
}

const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];
const HMAC_ALGORITHMS = ['HS256', 'HS384', 'HS512'];
/** A user name longer than this, or with control characters, is not a user name. */
const MAX_USER_LENGTH = 256;
/** The JWKS URL is an upstream like any other: bounded wait, refetched at most every 30 s for an unknown key id. */
const JWKS_TIMEOUT_MS = 5000;

function checkedUser(value: unknown, source: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new Rejection('no_user', `the ${source} names no user`);
  if (value.length > MAX_USER_LENGTH || [...value].some((ch) => ch.charCodeAt(0) < 0x20)) {
    throw new Rejection('no_user', `the user named by the ${source} is not a valid name`);
  }
  return value;
}

/**
 * Node reads header bytes as Latin-1; proxies send a user name like 王芳 as raw UTF-8 bytes. Those
 * are decoded as UTF-8 when they are valid UTF-8; anything else stays as it came.
 */
function utf8Header(value: string | undefined): string | undefined {
  if (value === undefined || !/[\x80-\xff]/.test(value)) return value;
  const decoded = Buffer.from(value, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? value : decoded;
}

/** `::ffff:10.1.2.3` (an IPv4 peer on a dual-stack socket) is 10.1.2.3. */
function peerAddress(address: string | undefined): { address: string; family: 'ipv4' | 'ipv6' } | null {
  if (address === undefined) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined) return { address: mapped, family: 'ipv4' };
  return { address, family: isIPv4(address) ? 'ipv4' : 'ipv6' };
}

function proxyAuthenticator(config: Extract<AuthConfig, { mode: 'proxy' }>): (req: Parameters<RequestHandler>[0]) => Promise<string> {
  const allowed = new BlockList();
  for (const entry of config.proxyAddresses) {
    const [address = '', prefix] = entry.split('/');
    const family = isIPv4(address) ? 'ipv4' : 'ipv6';
    if (prefix === undefined) allowed.addAddress(address, family);
    else allowed.addSubnet(address, Number(prefix), family);
  }
  return (req) => {
    const peer = peerAddress(req.socket.remoteAddress);
    if (peer === null || !allowed.check(peer.address, peer.family)) {
      // The user header of a direct caller is ignored: anyone can write it.
      return Promise.reject(new Rejection('not_proxy', 'open zlens through the portal (this connection does not come from its proxy)'));
    }
    // Node joins a repeated header into one value ("alice, mallory"); headersDistinct keeps them
    // apart. Two user headers mean something between the browser and zlens added one: refuse,
    // never pick one or sign in a joined name.
    const values = req.headersDistinct[config.userHeader] ?? [];
    if (values.length > 1) {
      return Promise.reject(
        new Rejection('no_user', `the portal proxy's ${config.userHeader} header is given ${values.length} times; it must name one user`),
      );
    }
    return Promise.resolve(checkedUser(utf8Header(values[0]), `portal proxy's ${config.userHeader} header`));
  };
}

function keyOf(config: Extract<AuthConfig, { mode: 'token' }>): { key: JWTVerifyGetKey; algorithms: string[] } {
  switch (config.key.kind) {
    case 'secret': {
      const { secret } = config.key;
      return { key: () => secret, algorithms: HMAC_ALGORITHMS };
    }
    case 'jwks-file':
      // config.ts checked the {keys: [{kty}]} shape; jose checks each key when it is used.
      return { key: createLocalJWKSet(config.key.jwks), algorithms: ASYMMETRIC_ALGORITHMS };
    case 'jwks-url':
      return { key: createRemoteJWKSet(new URL(config.key.url), { timeoutDuration: JWKS_TIMEOUT_MS }), algorithms: ASYMMETRIC_ALGORITHMS };
  }
}

/** A jose error as the reason and message the caller sees; errors that are not the token's fault stay errors. */
function rejectionOf(err: unknown): Rejection | AppError {
  if (err instanceof joseErrors.JWTExpired)
    return new Rejection('expired', 'the sign-in token has expired; the portal must send a new one');
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    return new Rejection('claims', `the sign-in token's "${err.claim}" claim is not accepted (${err.reason})`);
  }
  if (err instanceof joseErrors.JWSSignatureVerificationFailed)
    return new Rejection('signature', "the sign-in token's signature does not verify");
  if (err instanceof joseErrors.JOSEAlgNotAllowed)
    return new Rejection('algorithm', 'the sign-in token is signed with an algorithm zlens does not accept');
  if (err instanceof joseErrors.JWKSNoMatchingKey)
    return new Rejection('unknown_key', 'no key of the configured key set matches the sign-in token');
  if (err instanceof joseErrors.JWSInvalid || err instanceof joseErrors.JWTInvalid)
    return new Rejection('malformed', 'the sign-in token is not a valid JWT');
  if (err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JWKSInvalid || err instanceof TypeError) {
    // The key set could not be fetched or read: the operator's problem, not the caller's.
    return new AppError('unavailable', 'cannot check the sign-in token: the key set (ZLENS_AUTH_JWKS_URL) is unavailable', { cause: err });
  }
  if (err instanceof joseErrors.JOSEError) return new Rejection('malformed', 'the sign-in token cannot be used');
  return new AppError('internal', 'internal error', { cause: err });
}

function tokenAuthenticator(config: Extract<AuthConfig, { mode: 'token' }>): (req: Parameters<RequestHandler>[0]) => Promise<string> {
  const { key, algorithms } = keyOf(config);
  const options: JWTVerifyOptions = { algorithms, clockTolerance: config.clockToleranceSeconds, requiredClaims: ['exp'] };
  if (config.issuer !== null) options.issuer = config.issuer;
  if (config.audience !== null) options.audience = config.audience;
  return async (req) => {
    const header = req.headers.authorization;
    if (header === undefined || header.trim() === '') {
      throw new Rejection('missing', 'zlens needs a sign-in token from the portal, and none was sent');
    }
    const match = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim());
    if (!match?.[1]) throw new Rejection('malformed', 'the Authorization header must be "Bearer <token>"');
    let payload: Record<string, unknown>;
    try {
      payload = (await jwtVerify(match[1], key, options)).payload;
    } catch (err) {
      throw rejectionOf(err);
    }
    return checkedUser(payload[config.userClaim], `sign-in token's "${config.userClaim}" claim`);
  };
}

export interface Authenticator {
  mode: AuthMode;
  /** Puts the user (null in mode none) in res.locals.user, or fails the request with 401. */
  middleware: RequestHandler;
}

export function userOf(res: Response): string | null {
  const user: unknown = res.locals.user;
  return typeof user === 'string' ? user : null;
}

export function createAuthenticator(config: AuthConfig, metrics: AppMetrics, logger: Logger): Authenticator {
  if (config.mode === 'none') {
    return {
      mode: 'none',
      middleware: (_req, res, next) => {
        res.locals.user = null;
        next();
      },
    };
  }
  const authenticate = config.mode === 'proxy' ? proxyAuthenticator(config) : tokenAuthenticator(config);
  return {
    mode: config.mode,
    middleware: async (req, res, next) => {
      try {
        res.locals.user = await authenticate(req);
        next();
      } catch (err) {
        if (!(err instanceof Rejection)) throw err;
        metrics.authRejections.inc({ reason: err.reason });
        // The reason and the peer, never the header or the token.
        logger.info({ reason: err.reason, peer: req.socket.remoteAddress, path: req.path }, 'request not signed in');
        // The reason lets the web say it in the page's language; the message says it in English.
        throw new AppError('unauthenticated', err.message, { details: { reason: err.reason } });
      }
    },
  };
}
