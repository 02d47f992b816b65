// Admin API outside /v1.0 (never faulted, never charged): faults, reset, re-seed, bulk items, state
// dump, request log, SharePoint budget usage.
import { z } from 'zod';
import type { UsageReport } from './budget';
import type { Env } from './context';
import { invalidRequest } from './errors';
import type { FaultConfig, FaultInput, Faults } from './faults';
import { FaultConfigSchema } from './faults';
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
  /** SharePoint RU and requests per minute, per app, per user, per kind of call, and 429s (budget.ts). */
  usage(options?: { minutes?: number }): UsageReport;
  /** Forgets all usage: every budget window starts empty again. */
  clearUsage(): void;
}

export const UsageQuerySchema = z.object({ minutes: z.coerce.number().int().min(1).max(120).optional() });

export function createAdmin(env: Env, faults: Faults, startFaults: FaultInput, log: RequestLog): EmulatorAdmin {
  const admin: EmulatorAdmin = {
    getFaults: () => faults.get(),
    setFaults: (input) => faults.set(input),
    reset: () => {
      env.store.clear();
      log.clear();
      env.budget.reset();
      faults.set(startFaults);
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
    usage: (options = {}) => env.budget.usage(options),
    clearUsage: () => env.budget.reset(),
  };
  return admin;
}

export interface AdminResult {
  status: number;
  body?: unknown;
}

/** HTTP face of the admin API; `path` is after `/_emulator`. */
export function handleAdmin(admin: EmulatorAdmin, method: string, path: string, query: URLSearchParams, body: unknown): AdminResult {
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
