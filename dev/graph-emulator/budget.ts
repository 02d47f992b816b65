// SharePoint Online's throttling budget: a resource-unit (RU) meter per app per tenant, the per-user
// request limit, and what was used, per minute, per app, per user and per kind of call.
//
// Source for every figure here: "Avoid getting throttled or blocked in SharePoint Online"
// (https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online,
// ms.date 10/02/2025): Graph's fixed RU costs (1 single item / delta with a token, 2 multi-item query /
// create / update / delete, 5 permission operations), "requests in a batch are evaluated individually",
// the per-app-per-tenant limits per minute and per 24 hours by licence count, the tenant's 5-minute
// limit, the user's 3,000 requests per 5 minutes, and "throttled requests count towards usage limits".
// Only SharePoint calls cost RU: directory and Planner calls go to other services, which have their
// own Graph limits (learn.microsoft.com/graph/throttling-limits) that this emulator does not model.
import type { EmuRequest, Principal } from './context';
import { GraphHttpError } from './errors';

/** What kind of call a request is, for its RU cost and for the usage report. */
export type CallKind = 'singleItem' | 'multiItemQuery' | 'write' | 'deltaWithToken' | 'permission' | 'directory' | 'planner';

export const CALL_KINDS: readonly CallKind[] = ['singleItem', 'multiItemQuery', 'write', 'deltaWithToken', 'permission', 'directory', 'planner'];

/** RU per request by kind (the page's table); 0 for calls that do not reach SharePoint. */
export const RU_COST: Readonly<Record<CallKind, number>> = {
  singleItem: 1,
  multiItemQuery: 2,
  write: 2,
  deltaWithToken: 1,
  permission: 5,
  directory: 0,
  planner: 0,
};

function isSharePoint(kind: CallKind): boolean {
  return kind !== 'directory' && kind !== 'planner';
}

export interface BudgetLimits {
  /** Per app per tenant, RU per minute. */
  appRuPerMinute: number;
  /** Per app per tenant, RU per 24 hours. */
  appRuPerDay: number;
  /** Per tenant (all apps together), RU per 5 minutes. */
  tenantRuPer5Minutes: number;
  /** Per user (all apps on their behalf), SharePoint requests per 5 minutes. */
  userRequestsPer5Minutes: number;
}

/** The page's tables by licence band: 0–1,000, 1,001–5,000, 5,001–15,000, 15,001–50,000, 50,000+. */
const BANDS: readonly { upTo: number; perMinute: number; perDay: number; tenantPer5Minutes: number }[] = [
  { upTo: 1_000, perMinute: 1_250, perDay: 1_200_000, tenantPer5Minutes: 18_750 },
  { upTo: 5_000, perMinute: 2_500, perDay: 2_400_000, tenantPer5Minutes: 37_500 },
  { upTo: 15_000, perMinute: 3_750, perDay: 3_600_000, tenantPer5Minutes: 56_250 },
  { upTo: 50_000, perMinute: 5_000, perDay: 4_800_000, tenantPer5Minutes: 75_000 },
  { upTo: Number.POSITIVE_INFINITY, perMinute: 6_250, perDay: 6_000_000, tenantPer5Minutes: 93_750 },
];

export const USER_REQUESTS_PER_5_MINUTES = 3_000;
export const DEFAULT_LICENCES = 1_000;

export function limitsForLicences(licences: number): BudgetLimits {
  const band = BANDS.find((b) => licences <= b.upTo) ?? BANDS[BANDS.length - 1];
  if (!band) throw new Error('no licence bands');
  return { appRuPerMinute: band.perMinute, appRuPerDay: band.perDay, tenantRuPer5Minutes: band.tenantPer5Minutes, userRequestsPer5Minutes: USER_REQUESTS_PER_5_MINUTES };
}

/** Collections whose GET is a multi-item query. */
const COLLECTIONS = new Set(['lists', 'items', 'columns', 'contenttypes', 'sites', 'drives', 'children', 'versions', 'subscriptions', 'pages']);

/**
 * The kind of a Graph v1.0 request, from its method and (canonical) path. `/sites/…` is SharePoint;
 * `/planner/…` and a group's plans are Planner; everything else (/me, /users, /groups) the directory.
 */
export function classifyGraphRequest(method: string, path: string, query: URLSearchParams): CallKind {
  const segments = path.split('/').filter(Boolean).map((s) => s.toLowerCase());
  if (segments.includes('planner')) return 'planner';
  if (segments[0] !== 'sites') return 'directory';
  const expand = `${query.get('$expand') ?? ''},${query.get('expand') ?? ''}`.toLowerCase();
  if (segments.includes('permissions') || /(^|,)\s*permissions\b/.test(expand)) return 'permission';
  if (method !== 'GET') return 'write';
  const last = segments[segments.length - 1] ?? '';
  if (last === 'delta' || last === 'microsoft.graph.delta()' || last === 'delta()') {
    const hasToken = ['token', '$deltatoken', 'deltatoken', '$skiptoken'].some((k) => query.has(k));
    return hasToken ? 'deltaWithToken' : 'multiItemQuery';
  }
  // Collections sit at odd depths (/sites/{id}/lists, …/lists/{id}/items): a list named 'Items' is still one list.
  return COLLECTIONS.has(last) && segments.length % 2 === 1 ? 'multiItemQuery' : 'singleItem';
}

export type BudgetLimitName = 'appPerMinute' | 'appPerDay' | 'tenantPer5Minutes' | 'userPer5Minutes';

export interface Charge {
  kind: CallKind;
  ru: number;
  batched: boolean;
  /** Set when the request is refused for the budget: which limit, and how long until it frees enough. */
  throttled: { limit: BudgetLimitName; retryAfterSeconds: number } | null;
  /** The app's 1-minute window after this request, for the RateLimit headers (null when not SharePoint). */
  appMinute: { limit: number; used: number; resetSeconds: number } | null;
}

export interface UsageCounter {
  /** RU charged, throttled requests included (they count towards the limits). */
  ru: number;
  requests: number;
  /** How many of the requests were $batch sub-requests. */
  batched: number;
  /** Requests answered 429 by the budget. */
  throttled: number;
}

export interface MinuteUsage extends UsageCounter {
  /** Start of the minute (UTC). */
  minute: string;
  byApp: Record<string, UsageCounter>;
  byUser: Record<string, UsageCounter>;
  byKind: Partial<Record<CallKind, UsageCounter>>;
}

export interface UsageReport {
  budget: 'strict' | 'off';
  licences: number;
  limits: BudgetLimits;
  costs: Record<CallKind, number>;
  now: string;
  currentMinute: MinuteUsage;
  /** The last N minutes, oldest first, the current one last (empty minutes included). */
  lastMinutes: MinuteUsage[];
  /** The minute with the most RU since the last reset, or null before any request. */
  worstMinute: MinuteUsage | null;
  totals: Omit<MinuteUsage, 'minute'>;
  /** RU each app has used in the current 24-hour window. */
  today: Record<string, number>;
}

export interface BudgetOptions {
  licences?: number;
  /** 'off' measures but never throttles: a tolerant tenant for tests that need it (see the README). */
  mode?: 'strict' | 'off';
  now: () => Date;
}

const MINUTE = 60_000;
const FIVE_MINUTES = 5 * MINUTE;
const DAY = 24 * 60 * MINUTE;
/** Minutes of history kept for the usage report. */
export const USAGE_MINUTES_KEPT = 120;

/** A fixed window: `used` counts from `start` (a multiple of the window length since the epoch). */
interface Window {
  start: number;
  used: number;
}

function emptyCounter(): UsageCounter {
  return { ru: 0, requests: 0, batched: 0, throttled: 0 };
}

function emptyMinute(minuteIndex: number): MinuteUsage {
  return { minute: new Date(minuteIndex * MINUTE).toISOString(), ...emptyCounter(), byApp: {}, byUser: {}, byKind: {} };
}

function add(counter: UsageCounter, charge: Charge): void {
  counter.ru += charge.ru;
  counter.requests += 1;
  if (charge.batched) counter.batched += 1;
  if (charge.throttled) counter.throttled += 1;
}

function addTo<K extends string>(map: Partial<Record<K, UsageCounter>>, key: K, charge: Charge): void {
  const counter = map[key] ?? emptyCounter();
  map[key] = counter;
  add(counter, charge);
}

function cloneMinute(m: MinuteUsage): MinuteUsage {
  return JSON.parse(JSON.stringify(m)) as MinuteUsage;
}

/**
 * Fixed windows aligned to the clock (each minute, each 5 minutes, each UTC day) rather than sliding
 * ones: the page does not say which SharePoint uses, fixed windows make Retry-After exact and a test
 * can step to the next minute. A request is admitted when every window it counts in has room for its
 * whole cost; otherwise it is throttled, and still counted (the page: throttled requests count).
 */
export class Budget {
  private readonly licences: number;
  private readonly mode: 'strict' | 'off';
  private readonly limits: BudgetLimits;
  private readonly now: () => Date;
  private windows = new Map<string, Window>();
  private minutes = new Map<number, MinuteUsage>();
  private worst: MinuteUsage | null = null;
  private totals: Omit<MinuteUsage, 'minute'> = { ...emptyCounter(), byApp: {}, byUser: {}, byKind: {} };

  constructor(options: BudgetOptions) {
    this.licences = options.licences ?? DEFAULT_LICENCES;
    this.mode = options.mode ?? 'strict';
    this.limits = limitsForLicences(this.licences);
    this.now = options.now;
  }

  settings(): { budget: 'strict' | 'off'; licences: number; limits: BudgetLimits } {
    return { budget: this.mode, licences: this.licences, limits: { ...this.limits } };
  }

  /** Forgets every window and all usage (admin reset, DELETE /_emulator/usage). */
  reset(): void {
    this.windows = new Map();
    this.minutes = new Map();
    this.worst = null;
    this.totals = { ...emptyCounter(), byApp: {}, byUser: {}, byKind: {} };
  }

  /** Charges a Graph request (the router calls this once the caller and the route are known). */
  chargeGraphRequest(principal: Principal, req: Pick<EmuRequest, 'method' | 'path' | 'query' | 'batched'>): Charge {
    return this.charge(principal, classifyGraphRequest(req.method, req.path, req.query), { batched: req.batched === true });
  }

  /**
   * Charges one call of `kind` for this principal and says whether it is throttled. For any SharePoint
   * endpoint (Graph `/sites/…` or the SharePoint REST `_api` endpoints): call it before applying the
   * request, and answer `throttledError(charge)` (429 + Retry-After) when `charge.throttled` is set.
   */
  charge(principal: Principal, kind: CallKind, options: { batched?: boolean } = {}): Charge {
    const nowMs = this.now().getTime();
    const ru = RU_COST[kind];
    const charge: Charge = { kind, ru, batched: options.batched === true, throttled: null, appMinute: null };
    if (isSharePoint(kind)) {
      const app = `${principal.tenantId}|${principal.appId}`;
      const checks: { name: BudgetLimitName; key: string; length: number; limit: number; cost: number }[] = [
        { name: 'appPerMinute', key: `app-minute|${app}`, length: MINUTE, limit: this.limits.appRuPerMinute, cost: ru },
        { name: 'appPerDay', key: `app-day|${app}`, length: DAY, limit: this.limits.appRuPerDay, cost: ru },
        { name: 'tenantPer5Minutes', key: `tenant-5min|${principal.tenantId}`, length: FIVE_MINUTES, limit: this.limits.tenantRuPer5Minutes, cost: ru },
        { name: 'userPer5Minutes', key: `user-5min|${principal.tenantId}|${principal.user.id}`, length: FIVE_MINUTES, limit: this.limits.userRequestsPer5Minutes, cost: 1 },
      ];
      for (const check of checks) {
        const window = this.window(check.key, check.length, nowMs);
        if (window.used + check.cost > check.limit && this.mode === 'strict') {
          const retryAfterSeconds = Math.max(1, Math.ceil((window.start + check.length - nowMs) / 1000));
          // The longest wait wins: the request can only pass when every window has room.
          if (!charge.throttled || retryAfterSeconds > charge.throttled.retryAfterSeconds) charge.throttled = { limit: check.name, retryAfterSeconds };
        }
      }
      for (const check of checks) this.window(check.key, check.length, nowMs).used += check.cost;
      const minute = this.window(`app-minute|${app}`, MINUTE, nowMs);
      // A tolerant tenant gives no early warning either: nothing will throttle.
      if (this.mode === 'strict') charge.appMinute = { limit: this.limits.appRuPerMinute, used: minute.used, resetSeconds: Math.max(1, Math.ceil((minute.start + MINUTE - nowMs) / 1000)) };
    }
    this.record(principal, charge, nowMs);
    return charge;
  }

  private window(key: string, length: number, nowMs: number): Window {
    const start = Math.floor(nowMs / length) * length;
    let w = this.windows.get(key);
    if (!w || w.start !== start) {
      w = { start, used: 0 };
      this.windows.set(key, w);
    }
    return w;
  }

  private record(principal: Principal, charge: Charge, nowMs: number): void {
    const index = Math.floor(nowMs / MINUTE);
    let minute = this.minutes.get(index);
    if (!minute) {
      minute = emptyMinute(index);
      this.minutes.set(index, minute);
      for (const old of this.minutes.keys()) if (old <= index - USAGE_MINUTES_KEPT) this.minutes.delete(old);
    }
    const app = principal.appId;
    const user = principal.user.userPrincipalName;
    for (const target of [minute, this.totals]) {
      add(target, charge);
      addTo(target.byApp, app, charge);
      addTo(target.byUser, user, charge);
      addTo(target.byKind, charge.kind, charge);
    }
    if (!this.worst || minute.ru > this.worst.ru) this.worst = minute;
  }

  usage(options: { minutes?: number } = {}): UsageReport {
    const nowMs = this.now().getTime();
    const current = Math.floor(nowMs / MINUTE);
    const count = Math.min(USAGE_MINUTES_KEPT, Math.max(1, Math.floor(options.minutes ?? 10)));
    const lastMinutes: MinuteUsage[] = [];
    for (let i = current - count + 1; i <= current; i++) lastMinutes.push(cloneMinute(this.minutes.get(i) ?? emptyMinute(i)));
    const today: Record<string, number> = {};
    const dayStart = Math.floor(nowMs / DAY) * DAY;
    for (const [key, w] of this.windows) {
      if (!key.startsWith('app-day|') || w.start !== dayStart) continue;
      today[key.split('|')[2] ?? key] = w.used;
    }
    return {
      ...this.settings(),
      costs: { ...RU_COST },
      now: new Date(nowMs).toISOString(),
      currentMinute: cloneMinute(this.minutes.get(current) ?? emptyMinute(current)),
      lastMinutes,
      worstMinute: this.worst ? cloneMinute(this.worst) : null,
      totals: JSON.parse(JSON.stringify(this.totals)) as Omit<MinuteUsage, 'minute'>,
      today,
    };
  }
}

/**
 * SharePoint's answer through Graph when an app or user is over budget: 429 `activityLimitReached`
 * "The request has been throttled" with Retry-After (the body observed in OneDrive/onedrive-api-docs
 * issues #880 and #1307; the status and header from the throttling page).
 */
export function throttledError(charge: Charge): GraphHttpError {
  const seconds = charge.throttled?.retryAfterSeconds ?? 1;
  return new GraphHttpError(429, 'activityLimitReached', 'The request has been throttled', { 'Retry-After': String(seconds), ...rateLimitHeaders(charge) });
}

/**
 * The page's preview RateLimit headers: sent once the app has used 80% of its 1-minute RU limit, and
 * not when another limit (day, tenant, user) is the one that throttles.
 */
export function rateLimitHeaders(charge: Charge): Record<string, string> {
  const m = charge.appMinute;
  if (!m || m.used < 0.8 * m.limit) return {};
  if (charge.throttled && charge.throttled.limit !== 'appPerMinute') return {};
  return { 'RateLimit-Limit': String(m.limit), 'RateLimit-Remaining': String(Math.max(0, m.limit - m.used)), 'RateLimit-Reset': String(m.resetSeconds) };
}
