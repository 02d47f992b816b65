// What every route handler sees, and the small helpers they share.
import type { z } from 'zod';
import type { Budget, Charge } from './budget';
import { invalidRequest, zodMessage } from './errors';
import type { Identity } from './identity';
import type { SeedUser } from './seed';
import type { SitePermissions } from './sharepoint/permissions';
import type { Store } from './store';

export interface EmuRequest {
  method: string;
  /** Path after `/v1.0`, percent-decoded, without the query. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: unknown;
  requestId: string;
  /** True for a $batch sub-request. */
  batched?: boolean;
}

export interface EmuResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  /** Not sent: what the request cost against SharePoint's budget (budget.ts), for the request log. */
  charge?: Charge;
  /** Not sent: the connection is closed without an answer (fault `afterCommitReset`). */
  dropConnection?: boolean;
}

export interface Env {
  store: Store;
  /** Origin written into absolute links (`@odata.nextLink`), `https://graph.microsoft.com` like real Graph. */
  publicUrl: string;
  now(): Date;
  /** Milliseconds after creation during which Planner reads still answer 404 (fault `replicationDelayMs`). */
  replicationDelayMs(): number;
  /** Site roles, per-site additions and the tenant's enforcement switches (sharepoint/permissions.ts). */
  permissions: SitePermissions;
  /** SharePoint's throttling budget: RU per app per tenant, requests per user (budget.ts). */
  budget: Budget;
  /** Tokens, consent and account state (dev/graph-emulator/identity.ts). */
  identity: Identity;
}

/**
 * Who is calling, as an access token says it: the person, the tenant that issued the token (`tid`),
 * the app (`appid`), the delegated scopes (`scp`) and the resource it was issued for (`aud`).
 */
export interface Principal {
  user: SeedUser;
  tenantId: string;
  appId: string;
  scopes: ReadonlySet<string>;
  audience: 'graph' | 'sharepoint';
}

export interface RouteContext extends Env {
  req: EmuRequest;
  principal: Principal;
  /** principal.user */
  user: SeedUser;
  params: string[];
}

export type Handler = (ctx: RouteContext) => EmuResponse;

export interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): EmuResponse {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body };
}

export function noContent(headers: Record<string, string> = {}): EmuResponse {
  return { status: 204, headers };
}

export function param(ctx: RouteContext, index: number): string {
  const value = ctx.params[index];
  if (value === undefined) throw new Error(`route parameter ${index} missing`);
  return value;
}

/** Graph accepts system query options with and without the `$` prefix. */
export function queryOption(req: EmuRequest, name: string): string | undefined {
  return req.query.get(`$${name}`) ?? req.query.get(name) ?? undefined;
}

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (body === undefined) throw invalidRequest('Empty Payload. JSON content expected.');
  const result = schema.safeParse(body);
  if (!result.success) throw invalidRequest(`Invalid request body: ${zodMessage(result.error)}`);
  return result.data;
}

export function selectProperties<T extends object>(value: T, select: string | undefined, always: string[] = []): Partial<T> {
  if (!select) return value;
  const wanted = new Set([...select.split(',').map((s) => s.trim()).filter(Boolean), ...always]);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (wanted.has(key) || key.startsWith('@odata.')) out[key] = v;
  return out as Partial<T>;
}

export function isoNow(env: Env): string {
  return env.now().toISOString();
}

export function graphUrl(env: Env, path: string): string {
  return `${env.publicUrl}/v1.0${path}`;
}
