// Dispatches one Graph request (top-level or a $batch sub-request): auth, site addressing, route,
// one SQLite transaction, Graph-shaped errors.
import { rateLimitHeaders, throttledError, type Charge } from './budget';
import type { EmuRequest, EmuResponse, Env, Principal, Route } from './context';
import { directoryRoutes } from './directory';
import { GraphHttpError, errorBody } from './errors';
import { plannerRoutes } from './planner';
import { findUser, TENANT_ID } from './seed';
import { itemRoutes } from './sharepoint/items';
import { listRoutes } from './sharepoint/lists';
import { canonicalSitePath, siteRoutes } from './sharepoint/sites';

export function errorResponse(env: Env, req: Pick<EmuRequest, 'requestId' | 'headers'>, status: number, code: string, message: string, headers: Record<string, string> = {}): EmuResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: errorBody(code, message, req.requestId, req.headers['client-request-id'] ?? req.requestId, env.now()),
  };
}

/** Local tokens are `dev:<userPrincipalName>`; anything else is refused like an invalid JWT. */
function authenticate(req: EmuRequest): Principal {
  const header = req.headers.authorization;
  if (!header) throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  const m = /^Bearer\s+dev:(.+)$/i.exec(header.trim());
  const user = m?.[1] ? findUser(m[1].trim()) : undefined;
  if (!user) throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
  return { user, tenantId: TENANT_ID, appId: 'dev', scopes: new Set(), audience: 'graph' };
}

function metered(response: EmuResponse, charge: Charge | undefined): EmuResponse {
  return charge ? { ...response, headers: { ...rateLimitHeaders(charge), ...response.headers }, charge } : response;
}

export class Router {
  private readonly routes: Route[];

  constructor(private readonly env: Env) {
    this.routes = [...directoryRoutes(env), ...siteRoutes(env), ...listRoutes(env), ...itemRoutes(env), ...plannerRoutes(env)];
  }

  dispatch(req: EmuRequest): EmuResponse {
    let charge: Charge | undefined;
    try {
      const principal = authenticate(req);
      const path = canonicalSitePath(req.path);
      let pathMatched = false;
      for (const route of this.routes) {
        const m = route.pattern.exec(path);
        if (!m) continue;
        pathMatched = true;
        if (route.method !== req.method) continue;
        const ctx = { ...this.env, req: { ...req, path }, principal, user: principal.user, params: m.slice(1) };
        // SharePoint's throttling budget (budget.ts): charged once caller and route are known, before anything is applied.
        charge = this.env.budget.chargeGraphRequest(principal, { ...req, path });
        if (charge.throttled) throw throttledError(charge);
        // One transaction per request: a crash mid-request never leaves half of it applied.
        return metered(this.env.store.transaction(() => route.handler(ctx)), charge);
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
