// Dispatches one Graph request (top-level or a $batch sub-request): auth, site addressing, route,
// one SQLite transaction, Graph-shaped errors.
import { rateLimitHeaders, throttledError, type Charge } from './budget';
import type { EmuRequest, EmuResponse, Env, Principal, Route } from './context';
import { directoryRoutes } from './directory';
import { GraphHttpError, errorBody } from './errors';
import { plannerRoutes } from './planner';
import { foreignTenantError, missingScopeError, neededScope, requireAudience, rowSatisfied, scopeRow, selectedInstead, type AppSiteRole } from './scopes';
import { TENANT_ID } from './seed';
import { itemRoutes } from './sharepoint/items';
import { listRoutes } from './sharepoint/lists';
import { accessDeniedError, type SiteRight } from './sharepoint/permissions';
import { canonicalSitePath, requireSite, siteRoutes } from './sharepoint/sites';

export function errorResponse(env: Env, req: Pick<EmuRequest, 'requestId' | 'headers'>, status: number, code: string, message: string, headers: Record<string, string> = {}): EmuResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: errorBody(code, message, req.requestId, req.headers['client-request-id'] ?? req.requestId, env.now()),
  };
}

/** What a Graph request under /sites/{id} needs on that site (sharepoint/permissions.ts). */
function siteRightFor(method: string, path: string): { siteId: string; right: SiteRight } | undefined {
  const m = /^\/sites\/([^/]+)(\/.*)?$/.exec(path);
  if (!m?.[1]) return undefined;
  const rest = m[2] ?? '';
  // Assigning sites to apps is an administrator's act (checked by the route), not a site member's.
  if (rest === '/permissions') return undefined;
  if (method === 'GET') return { siteId: m[1], right: 'read' };
  // Creating lists and adding columns is Manage Lists (list-create needs it; SharePoint's Owners have it).
  if (method === 'POST' && /^\/lists(\/[^/]+\/columns)?$/.test(rest)) return { siteId: m[1], right: 'manageLists' };
  // Changing a column (its index) is Manage Lists too (columndefinition-update needs Sites.Manage.All).
  if (method === 'PATCH' && /^\/lists\/[^/]+\/columns\/[^/]+$/.test(rest)) return { siteId: m[1], right: 'manageLists' };
  return { siteId: m[1], right: 'contribute' };
}

function metered(response: EmuResponse, charge: Charge | undefined): EmuResponse {
  return charge ? { ...response, headers: { ...rateLimitHeaders(charge), ...response.headers }, charge } : response;
}

/**
 * Every endpoint names its least-privileged delegated scope (scopes.ts); one without a row is refused,
 * so a new endpoint cannot slip through unchecked. Then the tenant: only /me answers a token from
 * another organisation's tenant.
 */
function authorise(principal: Principal, method: string, path: string): AppSiteRole | null {
  const row = scopeRow(method, path);
  if (!row) throw new GraphHttpError(403, 'accessDenied', `The emulator has no permission row for ${method} ${path}; add it to dev/graph-emulator/scopes.ts.`);
  const needed = neededScope(row, principal, path);
  // Sites.Selected stands in for a site scope; the app's assignment to the site is checked once the site is known.
  const selected = rowSatisfied(row, principal, needed) ? null : selectedInstead(principal, needed);
  if (!selected && !rowSatisfied(row, principal, needed)) throw missingScopeError(row.area, needed, principal);
  if (principal.tenantId !== TENANT_ID && !row.homeTenant) throw foreignTenantError(row.area, principal, TENANT_ID);
  return selected;
}

/** Every Graph route the emulator serves (each needs a row in scopes.ts). */
export function graphRoutes(env: Env): Route[] {
  return [...directoryRoutes(env), ...siteRoutes(env), ...listRoutes(env), ...itemRoutes(env), ...plannerRoutes(env)];
}

export class Router {
  private readonly routes: Route[];

  constructor(private readonly env: Env) {
    this.routes = graphRoutes(env);
  }

  dispatch(req: EmuRequest): EmuResponse {
    let charge: Charge | undefined;
    try {
      const principal = this.env.identity.authenticate(req.headers.authorization);
      // A token for the SharePoint resource is not a Graph token.
      requireAudience(principal, 'graph');
      const path = canonicalSitePath(req.path);
      let pathMatched = false;
      for (const route of this.routes) {
        const m = route.pattern.exec(path);
        if (!m) continue;
        pathMatched = true;
        if (route.method !== req.method) continue;
        const selected = authorise(principal, req.method, path);
        const ctx = { ...this.env, req: { ...req, path }, principal, user: principal.user, params: m.slice(1) };
        const needed = siteRightFor(req.method, path);
        // SharePoint's throttling budget (budget.ts): charged once caller and route are known, before anything is applied.
        charge = this.env.budget.chargeGraphRequest(principal, { ...req, path });
        if (charge.throttled) throw throttledError(charge);
        // One transaction per request: a crash mid-request never leaves half of it applied.
        return metered(
          this.env.store.transaction(() => {
            if (needed) this.env.permissions.require(requireSite(needed.siteId), principal, needed.right);
            // Under Sites.Selected: the user's own right (above) and the app's assignment to this site, both.
            if (selected && (!needed || !this.env.permissions.appCovers(requireSite(needed.siteId), principal.appId, selected))) throw accessDeniedError();
            return route.handler(ctx);
          }),
          charge,
        );
      }
      if (pathMatched) throw new GraphHttpError(405, 'BadRequest', `The HTTP method '${req.method}' is not allowed on this resource.`);
      throw new GraphHttpError(400, 'BadRequest', `Resource not found for the segment '${req.path.split('/')[1] ?? ''}'.`);
    } catch (error) {
      if (error instanceof GraphHttpError) return metered(errorResponse(this.env, req, error.status, error.code, error.message, error.headers), charge);
      console.error('[graph-emulator] unexpected error', error);
      return errorResponse(this.env, req, 500, 'generalException', 'An unexpected error occurred in the emulator.');
    }
  }
}
