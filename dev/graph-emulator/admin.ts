// Admin API outside /v1.0 (never faulted, never charged): faults, reset, re-seed, bulk items, state
// dump, request log, SharePoint budget usage.
import { z } from 'zod';
import type { UsageReport } from './budget';
import type { Env } from './context';
import { invalidRequest } from './errors';
import type { FaultConfig, FaultInput, Faults } from './faults';
import { FaultConfigSchema } from './faults';
import { AdminConsentSchema, ConsentSettingsSchema, TokenError, TokenRequestSchema, type ConsentSettings, type IssueOptions, type TokenRequest, type TokenResponse } from './identity';
import type { OAuthEndpoints } from './oauth';
import type { RequestLog, RequestSummary } from './requestLog';
import type { AppSiteRole } from './scopes';
import { ALL_USERS, SEED, findUser } from './seed';
import { bulkInsertItems } from './sharepoint/items';
import { listSecurity, requireList, setListSecurity, type ListRow } from './sharepoint/lists';
import {
  ListSecurityInputSchema,
  TenantSettingsInputSchema,
  parseRole,
  type ListSecurity,
  type SiteGrant,
  type SiteRole,
  type TenantSettings,
  type TenantSettingsInput,
} from './sharepoint/permissions';
import { canonicalSitePath, requireSite } from './sharepoint/sites';

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
  /** Enforcement switches of the tenant (strict by default; reset restores the start-up switches). */
  tenant(): TenantSettings;
  setTenant(input: TenantSettingsInput): TenantSettings;
  /** Adds a person (id or UPN) to a site's Owners, Members or Visitors beyond the group's membership. */
  addSiteMember(siteId: string, user: string, role: SiteRole): void;
  removeSiteMember(siteId: string, user: string, role: SiteRole): void;
  /** Each site's Owners, Members and Visitors (UPNs) and the additions made on the site itself. */
  siteRoles(): { sites: { siteId: string; path: string; owners: string[]; members: string[]; visitors: string[] }[]; grants: SiteGrant[] };
  /** What an administrator's POST /sites/{id}/permissions does: the site assigned to an app under Sites.Selected. */
  grantSiteToApp(siteId: string, clientId: string, role: AppSiteRole): void;
  listSecurity(siteId: string, listId: string): ListSecurity;
  setListSecurity(siteId: string, listId: string, security: Partial<ListSecurity>): ListSecurity;
  /** SharePoint RU and requests per minute, per app, per user, per kind of call, and 429s (budget.ts). */
  usage(options?: { minutes?: number }): UsageReport;
  /** Forgets all usage: every budget window starts empty again. */
  clearUsage(): void;
  /** A signed access token without the token endpoint's consent checks (tests: expired, other audience, any scopes). */
  issueToken(options: IssueOptions): string;
  /** What `POST /_emulator/token` does: Entra's checks and consent; throws TokenError when refused. */
  requestToken(request: TokenRequest): TokenResponse;
  getConsent(): ConsentSettings;
  setConsent(input: Partial<ConsentSettings>): ConsentSettings;
  /** Tenant-wide consent for an app; `grantedBy` must be a tenant administrator (default: SEED.users.siteAdmin). */
  grantAdminConsent(clientId: string, scopes: readonly string[], grantedBy?: string): ConsentSettings;
  revokeAdminConsent(clientId: string): ConsentSettings;
  /**
   * Adds a redirect URI to an app registration's single-page application platform, as an administrator
   * does in the Entra admin center; /authorize accepts only registered ones (AADSTS50011).
   */
  registerRedirectUri(clientId: string, uri: string): string[];
  /** Disable (or enable) an account now: its tokens stop working, the token endpoint refuses it. Undone by reset. */
  setAccountEnabled(idOrUpn: string, enabled: boolean): void;
}

export const UsageQuerySchema = z.object({ minutes: z.coerce.number().int().min(1).max(120).optional() });

export function createAdmin(env: Env, faults: Faults, startFaults: FaultInput, log: RequestLog, oauth: OAuthEndpoints): EmulatorAdmin {
  const admin: EmulatorAdmin = {
    registerRedirectUri: (clientId, uri) => oauth.registerRedirectUri(clientId, uri),
    getFaults: () => faults.get(),
    setFaults: (input) => faults.set(input),
    reset: () => {
      env.store.clear();
      env.permissions.reset();
      log.clear();
      env.budget.reset();
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
      const lists = (db.prepare('SELECT * FROM lists ORDER BY site_id, display_name').all() as ListRow[]).map((row) => ({
        id: row.id,
        site_id: row.site_id,
        display_name: row.display_name,
        version: row.version,
        security: listSecurity(row),
        columns: (db.prepare('SELECT doc FROM columns WHERE list_id = ? ORDER BY position').all(row.id) as { doc: string }[]).map((c) => JSON.parse(c.doc) as unknown),
        itemCount: (db.prepare('SELECT COUNT(*) AS n FROM items WHERE list_id = ?').get(row.id) as { n: number }).n,
        items: (db.prepare('SELECT id, guid, version, modified, fields FROM items WHERE list_id = ? ORDER BY id LIMIT ?').all(row.id, max) as { fields: string }[]).map((i) => ({
          ...i,
          fields: JSON.parse(i.fields) as unknown,
        })),
      }));
      const planner = (db.prepare('SELECT id, kind, parent, group_id, version, doc FROM planner ORDER BY kind, id').all() as { doc: string }[]).map((p) => ({ ...p, doc: JSON.parse(p.doc) as unknown }));
      return { tenant: SEED, tenantSettings: env.permissions.tenant(), siteRoles: admin.siteRoles(), lists, planner, faults: faults.get() };
    },
    requests: () => log.summary(),
    clearRequests: () => log.clear(),
    tenant: () => env.permissions.tenant(),
    setTenant: (input) => env.permissions.setTenant(input),
    addSiteMember: (siteId, user, role) => env.store.transaction(() => env.permissions.addGrant({ siteId: requireSite(siteId).id, userId: requireUser(user), role })),
    removeSiteMember: (siteId, user, role) => env.store.transaction(() => env.permissions.removeGrant({ siteId: requireSite(siteId).id, userId: requireUser(user), role })),
    siteRoles: () => ({ sites: env.permissions.describe(ALL_USERS), grants: env.permissions.grants() }),
    grantSiteToApp: (siteId, clientId, role) => {
      env.permissions.grantApp({ siteId: requireSite(siteId).id, appId: clientId, displayName: clientId, role });
    },
    listSecurity: (siteId, listId) => listSecurity(requireList(env.store, requireSite(siteId).id, listId)),
    setListSecurity: (siteId, listId, security) =>
      env.store.transaction(() => setListSecurity(env.store, requireList(env.store, requireSite(siteId).id, listId), security, env.now().toISOString())),
    usage: (options = {}) => env.budget.usage(options),
    clearUsage: () => env.budget.reset(),
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

function requireUser(idOrUpn: string): string {
  const u = findUser(idOrUpn);
  if (!u) throw invalidRequest(`Unknown user '${idOrUpn}'.`);
  return u.id;
}

function zodIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');
}

export interface AdminResult {
  status: number;
  body?: unknown;
}

/** HTTP face of the admin API; `path` is after `/_emulator`. */
const AccountSchema = z.object({ accountEnabled: z.boolean() });
const RedirectUriSchema = z.object({ uri: z.string().url() });

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
  const redirect = /^\/apps\/([^/]+)\/redirect-uris$/.exec(path);
  if (redirect && method === 'POST') return { status: 200, body: { redirectUris: admin.registerRedirectUri(redirect[1] ?? '', parsed(RedirectUriSchema, body, 'redirect URI').uri) } };
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
  if (path === '/tenant' && method === 'GET') return { status: 200, body: admin.tenant() };
  if (path === '/tenant' && method === 'PUT') {
    const parsed = TenantSettingsInputSchema.safeParse(body ?? {});
    if (!parsed.success) throw invalidRequest(`Invalid tenant settings: ${zodIssues(parsed.error.issues)}`);
    return { status: 200, body: admin.setTenant(parsed.data) };
  }
  if (path === '/sites/roles' && method === 'GET') return { status: 200, body: admin.siteRoles() };
  const membership = /^\/sites\/([^/]+)\/(owners|members|visitors)\/([^/]+)$/i.exec(path);
  if (membership && (method === 'PUT' || method === 'DELETE')) {
    const role = parseRole(membership[2] ?? '');
    if (!role) throw invalidRequest(`Unknown role '${membership[2]}'.`);
    if (method === 'PUT') admin.addSiteMember(membership[1] ?? '', membership[3] ?? '', role);
    else admin.removeSiteMember(membership[1] ?? '', membership[3] ?? '', role);
    return { status: 204 };
  }
  const security = /^\/lists\/([^/]+)\/([^/]+)\/security$/.exec(path);
  if (security && method === 'GET') return { status: 200, body: admin.listSecurity(security[1] ?? '', security[2] ?? '') };
  if (security && method === 'PUT') {
    const parsed = ListSecurityInputSchema.safeParse(body ?? {});
    if (!parsed.success) throw invalidRequest(`Invalid list security: ${zodIssues(parsed.error.issues)}`);
    const input: Partial<ListSecurity> = {};
    if (parsed.data.readSecurity !== undefined) input.readSecurity = parsed.data.readSecurity;
    if (parsed.data.writeSecurity !== undefined) input.writeSecurity = parsed.data.writeSecurity;
    return { status: 200, body: admin.setListSecurity(security[1] ?? '', security[2] ?? '', input) };
  }
  if (path === '/requests' && method === 'GET') return { status: 200, body: admin.requests() };
  if (path === '/requests' && method === 'DELETE') {
    admin.clearRequests();
    return { status: 204 };
  }
  if (path === '/usage' && method === 'GET') {
    const parsed = UsageQuerySchema.safeParse({ minutes: query.get('minutes') ?? undefined });
    if (!parsed.success) throw invalidRequest(`Invalid usage query: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return { status: 200, body: admin.usage(parsed.data.minutes !== undefined ? { minutes: parsed.data.minutes } : {}) };
  }
  if (path === '/usage' && method === 'DELETE') {
    admin.clearUsage();
    return { status: 204 };
  }
  return { status: 404, body: { error: { code: 'itemNotFound', message: `No admin endpoint ${method} /_emulator${path}` } } };
}
