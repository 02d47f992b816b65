// Programmatic entry: startEmulator() serves the emulated Graph on loopback (plain node http).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdmin, handleAdmin, type EmulatorAdmin } from './admin';
import { runBatch } from './batch';
import { Budget } from './budget';
import type { EmuRequest, EmuResponse, Env } from './context';
import { GraphHttpError } from './errors';
import { Faults, type FaultInput } from './faults';
import { Identity } from './identity';
import { OAUTH_PATH, OAuthEndpoints } from './oauth';
import { RequestLog, type LoggedRequest } from './requestLog';
import { Router, errorResponse } from './router';
import { requireAudience } from './scopes';
import { SitePermissions, STRICT_TENANT, type TenantSettingsInput } from './sharepoint/permissions';
import { SHAREPOINT_REST_PREFIX, handleSharePointRest } from './sharepoint/rest';
import { Store } from './store';

export { SEED } from './seed';
export { GRAPH_RESOURCE, SHAREPOINT_RESOURCE, TokenError, type AccessTokenClaims, type ConsentSettings, type IssueOptions, type TokenResponse } from './identity';
export { SCOPE_TABLE, DEFAULT_USER_CONSENT_SCOPES, requireAudience, requireSharePointScope, hasScope } from './scopes';
export type { EmulatorAdmin } from './admin';
export { PLANNER_LIMITS } from './planner';
export { LIST_VIEW_THRESHOLD } from './sharepoint/items';
export type { FaultConfig, FaultInput } from './faults';
export type { RequestSummary } from './requestLog';
export { SHAREPOINT_REST_PREFIX, sharePointLoopbackUrl } from './sharepoint/rest';
export { basePermissions, PermissionKind } from './sharepoint/permissions';
export type { BasePermissions, ListSecurity, SiteGrant, SiteRole, TenantSettings, TenantSettingsInput } from './sharepoint/permissions';
export type { CallKind, Charge, UsageReport, MinuteUsage, UsageCounter, BudgetLimits } from './budget';
export { RU_COST, limitsForLicences } from './budget';

export const GRAPH_PUBLIC_URL = 'https://graph.microsoft.com';
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Directory for graph.sqlite, or ':memory:' (default). */
  dataDir?: string;
  faults?: FaultInput;
  /** Seed for the ids the emulator generates (lists, items, plans), for reproducible runs. */
  seed?: number;
  /** Origin written into absolute links such as @odata.nextLink; default https://graph.microsoft.com. */
  publicUrl?: string;
  now?: () => Date;
  tenant?: TenantOptions;
}

/** How strict the emulated tenant is: strict by default; each switch off is a documented tolerance. */
export interface TenantOptions extends TenantSettingsInput {
  /** Licences of the tenant; SharePoint's RU budgets grow with it (budget.ts). Default 1,000. */
  licences?: number;
  /** 'strict' (default) throttles over budget; 'off' only measures — a tolerant tenant for allowances. */
  budget?: 'strict' | 'off';
}

export interface RunningEmulator {
  /** Base URL, e.g. http://127.0.0.1:4000/v1.0 */
  url: string;
  /** Loopback origin to give LoopbackRewriteHandler, e.g. http://127.0.0.1:4000 */
  origin: string;
  port: number;
  admin: EmulatorAdmin;
  close(): Promise<void>;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, If-Match, Prefer, Content-Type, Accept, client-request-id, ConsistencyLevel, SdkVersion, Retry-Attempt, X-HTTP-Method, X-RequestDigest',
  // Without this a browser client cannot read Retry-After or ETag (throttling guidance mentions it).
  'Access-Control-Expose-Headers': 'Retry-After, ETag, Location, request-id, client-request-id, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset',
  'Access-Control-Max-Age': '600',
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new GraphHttpError(413, 'requestTooLarge', 'The request body is too large.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function send(res: ServerResponse, origin: string | undefined, response: EmuResponse, requestId: string, clientRequestId: string): void {
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    'Access-Control-Allow-Origin': origin ?? '*',
    Vary: 'Origin',
    'request-id': requestId,
    'client-request-id': clientRequestId,
    ...response.headers,
  };
  if (response.body === undefined) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(response.body);
  headers['Content-Length'] = String(Buffer.byteLength(text));
  res.writeHead(response.status, headers);
  res.end(text);
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const store = new Store(options.dataDir ?? ':memory:', options.seed);
  const startFaults = options.faults ?? {};
  const faults = new Faults(startFaults);
  const permissions = new SitePermissions(store, {
    ...STRICT_TENANT,
    ...(options.tenant?.enforceSiteRoles !== undefined ? { enforceSiteRoles: options.tenant.enforceSiteRoles } : {}),
    ...(options.tenant?.enforceItemLevelPermissions !== undefined ? { enforceItemLevelPermissions: options.tenant.enforceItemLevelPermissions } : {}),
  });
  const now = options.now ?? (() => new Date());
  const env: Env = {
    store,
    identity: new Identity(now),
    publicUrl: (options.publicUrl ?? GRAPH_PUBLIC_URL).replace(/\/+$/, ''),
    now,
    replicationDelayMs: () => faults.get().replicationDelayMs,
    permissions,
    budget: new Budget({ licences: options.tenant?.licences, mode: options.tenant?.budget, now }),
  };
  const log = new RequestLog();
  const router = new Router(env);
  const oauth = new OAuthEndpoints(env.identity, now);
  const admin = createAdmin(env, faults, startFaults, log, oauth);

  const logEntry = (req: EmuRequest, response: EmuResponse): LoggedRequest => ({
    at: env.now().toISOString(),
    method: req.method,
    path: req.path,
    status: response.status,
    batched: req.batched === true,
    ...(response.charge ? { ru: response.charge.ru, kind: response.charge.kind, throttledByBudget: response.charge.throttled !== null } : {}),
  });
  /** One delivery to the router, logged with its cost. */
  const deliver = (req: EmuRequest, extra: Partial<LoggedRequest> = {}): EmuResponse => {
    const response = router.dispatch(req);
    log.add({ ...logEntry(req, response), ...extra });
    return response;
  };

  /** One Graph request after the envelope: throttling decision, the router, failures after the fact; logged. */
  const dispatch = (original: EmuRequest, batched: boolean): EmuResponse => {
    const req = batched ? { ...original, batched } : original;
    const fault = faults.decide(req.method, req.path);
    if (fault) {
      const response =
        fault.status === 429
          ? errorResponse(env, req, 429, 'TooManyRequests', 'Please retry after the number of seconds in the Retry-After header.', { 'Retry-After': fault.retryAfter })
          : errorResponse(env, req, 503, 'serviceNotAvailable', 'The service is temporarily unavailable. Please retry after the number of seconds in the Retry-After header.', {
              'Retry-After': fault.retryAfter,
            });
      log.add(logEntry(req, response));
      return response;
    }
    const afterCommit = faults.decideAfterCommit(req.method, req.path);
    if (afterCommit === null) return deliver(req);
    if (afterCommit === 'duplicate') {
      // The same request arrives twice (a proxy or client re-sent it): both are applied, the second answer is the one seen.
      deliver(req, { afterCommit });
      return deliver({ ...req, requestId: randomUUID() }, { afterCommit });
    }
    const applied = router.dispatch(req);
    if (afterCommit === 'afterCommit504') {
      // errors overview: 504 "did not receive a timely response from the upstream server" — here after the upstream did the work.
      const response = errorResponse(env, req, 504, 'GatewayTimeout', 'The server, while acting as a proxy, did not receive a timely response from the upstream server it needed to access in attempting to complete the request.');
      log.add({ ...logEntry(req, applied), status: 504, afterCommit, appliedStatus: applied.status });
      return response;
    }
    // Status 0 in the log: no answer was sent.
    log.add({ ...logEntry(req, applied), status: 0, afterCommit, appliedStatus: applied.status });
    return { ...applied, dropConnection: true };
  };

  const server = createServer((req, res) => {
    void (async () => {
      const requestId = randomUUID();
      const headers = lowerHeaders(req);
      const clientRequestId = headers['client-request-id'] ?? requestId;
      const base = { requestId, headers };
      try {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (req.method === 'OPTIONS') {
          // A preflight is a round trip of its own, so it waits the configured latency too (a cold start pays for each).
          if (/^\/v1\.0(\/|$)/.test(url.pathname)) await sleep(faults.latency((headers['access-control-request-method'] ?? 'GET').toUpperCase(), url.pathname.slice('/v1.0'.length) || '/'));
          // Echo what the browser asks for as well, so a header we did not list never fails a preflight.
          const requested = headers['access-control-request-headers'];
          const allow: Record<string, string> = requested ? { 'Access-Control-Allow-Headers': `${CORS_HEADERS['Access-Control-Allow-Headers']}, ${requested}` } : {};
          send(res, headers.origin, { status: 204, headers: allow }, requestId, clientRequestId);
          return;
        }
        const raw = await readBody(req);
        // Entra's sign-in endpoints take query strings and form bodies, not JSON (oauth.ts).
        const oauthPath = OAUTH_PATH.exec(url.pathname);
        if (oauthPath) {
          const result = oauth.handle((req.method ?? 'GET').toUpperCase(), oauthPath[1] ?? '', oauthPath[2] === 'token' ? 'token' : 'authorize', url.searchParams, raw);
          send(res, headers.origin, { status: result.status, headers: result.headers, body: result.body }, requestId, clientRequestId);
          return;
        }
        let body: unknown;
        if (raw.trim() !== '') {
          try {
            body = JSON.parse(raw) as unknown;
          } catch {
            throw new GraphHttpError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
          }
        }
        let pathname: string;
        try {
          pathname = decodeURIComponent(url.pathname);
        } catch {
          throw new GraphHttpError(400, 'BadRequest', 'The request URL is not correctly encoded.');
        }
        const method = (req.method ?? 'GET').toUpperCase();
        if (pathname.startsWith('/_emulator/')) {
          const result = handleAdmin(admin, method, pathname.slice('/_emulator'.length), url.searchParams, body, env.now());
          send(res, headers.origin, { status: result.status, headers: result.body === undefined ? {} : { 'Content-Type': 'application/json' }, body: result.body }, requestId, clientRequestId);
          return;
        }
        if (pathname.startsWith(`${SHAREPOINT_REST_PREFIX}/`)) {
          const restPath = pathname.slice(SHAREPOINT_REST_PREFIX.length);
          const response = handleSharePointRest(env, { method, path: restPath, query: url.searchParams, headers, body }, (r) => env.identity.authenticate(r.headers.authorization));
          log.add({
            at: env.now().toISOString(),
            method,
            path: pathname,
            status: response.status,
            batched: false,
            ...(response.charge ? { ru: response.charge.ru, kind: response.charge.kind, throttledByBudget: response.charge.throttled !== null } : {}),
          });
          send(res, headers.origin, response, requestId, clientRequestId);
          return;
        }
        if (!/^\/v1\.0(\/|$)/.test(pathname)) throw new GraphHttpError(400, 'BadRequest', `Invalid version: only /v1.0 is emulated.`);
        const path = pathname.slice('/v1.0'.length) || '/';
        const emuReq: EmuRequest = { method, path, query: url.searchParams, headers, body, requestId };
        await sleep(faults.latency(method, path));
        let response: EmuResponse;
        let dropConnection = false;
        if (path === '/$batch' && method === 'POST') {
          // The envelope is authenticated as a whole (a bad token is one 401, not twenty); scopes are per sub-request.
          requireAudience(env.identity.authenticate(headers.authorization), 'graph');
          response = runBatch(emuReq, (sub) => {
            const result = dispatch(sub, true);
            // A sub-request whose answer is lost loses the whole HTTP response, after every sub-request ran.
            if (result.dropConnection) dropConnection = true;
            return result;
          });
          log.add({ at: env.now().toISOString(), method, path, status: dropConnection ? 0 : response.status, batched: false });
        } else {
          response = dispatch(emuReq, false);
          dropConnection = response.dropConnection === true;
        }
        if (dropConnection) {
          res.destroy();
          return;
        }
        send(res, headers.origin, response, requestId, clientRequestId);
      } catch (error) {
        const e = error instanceof GraphHttpError ? error : new GraphHttpError(500, 'generalException', 'An unexpected error occurred in the emulator.');
        if (!(error instanceof GraphHttpError)) console.error('[graph-emulator] unexpected error', error);
        send(res, headers.origin, errorResponse(env, base, e.status, e.code, e.message, e.headers), requestId, clientRequestId);
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    url: `${origin}/v1.0`,
    origin,
    port,
    admin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          store.close();
          resolve();
        });
      }),
  };
}
