// Admin API outside /v1.0 (never faulted): faults, reset, re-seed, bulk items, state dump, request log.
import { z } from 'zod';
import type { Env } from './context';
import { invalidRequest } from './errors';
import type { FaultConfig, FaultInput, Faults } from './faults';
import { FaultConfigSchema } from './faults';
import { AdminConsentSchema, ConsentSettingsSchema, TokenError, TokenRequestSchema, type ConsentSettings, type IssueOptions, type TokenRequest, type TokenResponse } from './identity';
import type { RequestLog, RequestSummary } from './requestLog';
import { SEED } from './seed';
import { bulkInsertItems } from './sharepoint/items';
import { canonicalSitePath } from './sharepoint/sites';

export const BulkItemsSchema = z.object({
  items: z.array(z.record(z.string(), z.unknown())).min(1).max(200_000),
  /** Who the items are created by; defaults to the facilitator. */
  createdBy: z.string().optional(),
});

export interface EmulatorAdmin {
  getFaults(): FaultConfig;
  setFaults(input: FaultInput): FaultConfig;
  /** Empties lists, items and plans, clears the request log and restores the start-up faults. */
  reset(): void;
  /** Re-seeds the tenant (same as reset: the directory is fixed in seed.ts) and returns the seed. */
  seed(): typeof SEED;
  bulkInsertItems(siteId: string, listId: string, items: Record<string, unknown>[], createdBy?: string): number;
  state(options?: { maxItemsPerList?: number }): unknown;
  requests(): RequestSummary;
  clearRequests(): void;
  /** A signed access token without the token endpoint's consent checks (tests: expired, other audience, any scopes). */
  issueToken(options: IssueOptions): string;
  /** What `POST /_emulator/token` does: Entra's checks and consent; throws TokenError when refused. */
  requestToken(request: TokenRequest): TokenResponse;
  getConsent(): ConsentSettings;
  setConsent(input: Partial<ConsentSettings>): ConsentSettings;
  /** Tenant-wide consent for an app; `grantedBy` must be a tenant administrator (default: SEED.users.siteAdmin). */
  grantAdminConsent(clientId: string, scopes: readonly string[], grantedBy?: string): ConsentSettings;
  revokeAdminConsent(clientId: string): ConsentSettings;
  /** Disable (or enable) an account now: its tokens stop working, the token endpoint refuses it. Undone by reset. */
  setAccountEnabled(idOrUpn: string, enabled: boolean): void;
}

export function createAdmin(env: Env, faults: Faults, startFaults: FaultInput, log: RequestLog): EmulatorAdmin {
  const admin: EmulatorAdmin = {
    getFaults: () => faults.get(),
    setFaults: (input) => faults.set(input),
    reset: () => {
      env.store.clear();
      log.clear();
      faults.set(startFaults);
      env.identity.reset();
    },
    seed: () => {
      admin.reset();
      return SEED;
    },
    bulkInsertItems: (siteId, listId, items, createdBy) => {
      const canonical = canonicalSitePath(`/sites/${siteId}`).slice('/sites/'.length);
      return env.store.transaction(() => bulkInsertItems(env.store, env, canonical, listId, items, createdBy ?? SEED.users.facilitator.id));
    },
    state: (options = {}) => {
      const db = env.store.db;
      const max = options.maxItemsPerList ?? 1000;
      const lists = (db.prepare('SELECT id, site_id, display_name, version FROM lists ORDER BY site_id, display_name').all() as { id: string; site_id: string; display_name: string; version: number }[]).map((l) => ({
        ...l,
        columns: (db.prepare('SELECT doc FROM columns WHERE list_id = ? ORDER BY position').all(l.id) as { doc: string }[]).map((c) => JSON.parse(c.doc) as unknown),
        itemCount: (db.prepare('SELECT COUNT(*) AS n FROM items WHERE list_id = ?').get(l.id) as { n: number }).n,
        items: (db.prepare('SELECT id, guid, version, modified, fields FROM items WHERE list_id = ? ORDER BY id LIMIT ?').all(l.id, max) as { fields: string }[]).map((i) => ({
          ...i,
          fields: JSON.parse(i.fields) as unknown,
        })),
      }));
      const planner = (db.prepare('SELECT id, kind, parent, group_id, version, doc FROM planner ORDER BY kind, id').all() as { doc: string }[]).map((p) => ({ ...p, doc: JSON.parse(p.doc) as unknown }));
      return { tenant: SEED, lists, planner, faults: faults.get() };
    },
    requests: () => log.summary(),
    clearRequests: () => log.clear(),
    issueToken: (options) => env.identity.issue(options),
    requestToken: (request) => env.identity.requestToken(request),
    getConsent: () => env.identity.getConsent(),
    setConsent: (input) => env.identity.setConsent(input),
    grantAdminConsent: (clientId, scopes, grantedBy) => env.identity.grantAdminConsent(clientId, scopes, grantedBy),
    revokeAdminConsent: (clientId) => env.identity.revokeAdminConsent(clientId),
    setAccountEnabled: (idOrUpn, enabled) => env.identity.setAccountEnabled(idOrUpn, enabled),
  };
  return admin;
}

export interface AdminResult {
  status: number;
  body?: unknown;
}

/** HTTP face of the admin API; `path` is after `/_emulator`. */
const AccountSchema = z.object({ accountEnabled: z.boolean() });

function parsed<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw invalidRequest(`Invalid ${what}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data;
}

/** The token endpoint answers as Entra does: 200 with the token, or 400 with Entra's error body. */
function tokenEndpoint(admin: EmulatorAdmin, body: unknown, now: Date): AdminResult {
  const request = TokenRequestSchema.safeParse(body ?? {});
  if (!request.success) {
    const error = new TokenError('invalid_request', 900144, `The request body is not valid: ${request.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return { status: 400, body: error.body(now) };
  }
  try {
    return { status: 200, body: admin.requestToken(request.data) };
  } catch (err) {
    if (err instanceof TokenError) return { status: 400, body: err.body(now) };
    throw err;
  }
}

export function handleAdmin(admin: EmulatorAdmin, method: string, path: string, query: URLSearchParams, body: unknown, now: Date = new Date()): AdminResult {
  if (path === '/token' && method === 'POST') return tokenEndpoint(admin, body, now);
  if (path === '/consent' && method === 'GET') return { status: 200, body: admin.getConsent() };
  if (path === '/consent' && method === 'PUT') return { status: 200, body: admin.setConsent(parsed(ConsentSettingsSchema, body, 'consent settings')) };
  if (path === '/consent/grants' && method === 'POST') {
    const grant = parsed(AdminConsentSchema, body, 'admin consent');
    return { status: 200, body: admin.grantAdminConsent(grant.clientId, grant.scopes, grant.grantedBy) };
  }
  const grant = /^\/consent\/grants\/([^/]+)$/.exec(path);
  if (grant && method === 'DELETE') return { status: 200, body: admin.revokeAdminConsent(grant[1] ?? '') };
  const account = /^\/users\/([^/]+)\/account$/.exec(path);
  if (account && method === 'PUT') {
    admin.setAccountEnabled(account[1] ?? '', parsed(AccountSchema, body, 'account').accountEnabled);
    return { status: 204 };
  }
  if (path === '/faults' && method === 'GET') return { status: 200, body: admin.getFaults() };
  if (path === '/faults' && method === 'PUT') {
    const parsed = FaultConfigSchema.safeParse(body ?? {});
    if (!parsed.success) throw invalidRequest(`Invalid fault configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return { status: 200, body: admin.setFaults(parsed.data) };
  }
  if (path === '/reset' && method === 'POST') {
    admin.reset();
    return { status: 204 };
  }
  if (path === '/seed' && method === 'POST') return { status: 200, body: admin.seed() };
  const bulk = /^\/lists\/([^/]+)\/([^/]+)\/bulk-items$/.exec(path);
  if (bulk && method === 'POST') {
    const parsed = BulkItemsSchema.safeParse(body);
    if (!parsed.success) throw invalidRequest(`Invalid bulk items: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const inserted = admin.bulkInsertItems(bulk[1] ?? '', bulk[2] ?? '', parsed.data.items, parsed.data.createdBy);
    return { status: 201, body: { inserted } };
  }
  if (path === '/state' && method === 'GET') {
    const max = query.get('maxItemsPerList');
    return { status: 200, body: admin.state(max !== null ? { maxItemsPerList: Number(max) } : {}) };
  }
  if (path === '/requests' && method === 'GET') return { status: 200, body: admin.requests() };
  if (path === '/requests' && method === 'DELETE') {
    admin.clearRequests();
    return { status: 204 };
  }
  return { status: 404, body: { error: { code: 'itemNotFound', message: `No admin endpoint ${method} /_emulator${path}` } } };
}
