// The session as three SharePoint lists. Reads filter on the indexed SessionKey so a session opens in
// one $batch whether a list holds 50 items or 50,000 (SharePoint refuses non-indexed filters past 5,000).
import * as z from '../domain/zod';
import {
  ActionItemSchema,
  mergeResponses,
  newSessionKey,
  ResponseSchema,
  SessionSchema,
  type ActionItem,
  type Participant,
  type RandomBytes,
  type Response,
  type Session,
} from '../domain';
import { SCOPES } from '../auth/scopes';
import type {
  GroupSources,
  InvalidItem,
  Joined,
  NewSessionInput,
  OpenOptions,
  ProvisionResult,
  SessionLocation,
  SessionSnapshot,
  SessionStore,
  SessionSummary,
  SessionSummaryPage,
  Versioned,
} from './contracts';
import type { GraphApi } from './client';
import { BatchQueue, sendBatch, subResponseError, type BatchOptions, type SubRequest } from './batch';
import { BadRequestError, ConflictError, InvalidItemError, NotFoundError, NotSiteOwnerError } from './errors';
import { STAGE_FOCUS_COLUMN, stageFocusProblem } from './stageFocusColumn';
import { GROUP_VIEW_COLUMNS, LIST_KINDS, listPath, provisionLists, secureLists, type ListKind } from './lists';
import type { SharePointRest } from './sharePointRest';
import {
  actionFields,
  etagOf,
  ListItemSchema,
  readAction,
  readResponse,
  readSession,
  readSessionSummaries,
  NEWEST_FIRST,
  responseFields,
  restoreResponse,
  SESSION_SUMMARY_COLUMNS,
  sessionFields,
  type Fields,
  type ListItem,
  type OptionDescriber,
  type ReadResult,
} from './mapping';
import { allOf, fieldEquals, itemsQuery, segment } from './odata';
import { planUrl } from './plannerLinks';
import { searchSessions } from './sessionSearch';

/**
 * Items per page when reading a session. Opening stays one round trip while a session has at most
 * this many answers and actions (≤ 50 participants, a few dozen actions); beyond it the nextLink
 * pages are followed, one request each.
 */
export const SESSION_PAGE_SIZE = 500;
/** Re-applying a change after a 412 more often than this means someone is editing the same fields. */
export const MAX_MERGE_ATTEMPTS = 3;
export const DEFAULT_INSTRUMENT_VERSION = 'gesprekstool-2018.1';

export interface SessionStoreOptions {
  api: GraphApi;
  location: SessionLocation;
  now: () => Date;
  random: RandomBytes;
  instrumentVersion?: string;
  describe?: OptionDescriber;
  batch?: BatchOptions;
  /** SharePoint's own REST API, for the lists' item-level permissions (Graph v1.0 cannot set them). */
  sharePoint?: SharePointRest;
}

/**
 * Sessions per history page: the tab shows the latest ones at once (one request of a few dozen KB,
 * whatever the municipality's history), older ones on "meer laden".
 */
export const HISTORY_PAGE_SIZE = 50;

const PageSchema = z.object({ value: z.array(ListItemSchema), '@odata.nextLink': z.optional(z.string()) });
const ListInfoSchema = z.object({ id: z.string(), webUrl: z.optional(z.string()) });
const FieldsResponseSchema = z.looseObject({ '@odata.etag': z.optional(z.string()) });
const CreatedItemSchema = ListItemSchema;

/** What one read of a session takes: the session item, and the answers and the agenda when asked. */
interface ReadPlan {
  session: { key: string } | { itemId: string };
  /** The key, when the session item is read by id. */
  key?: string;
  answers: 'all' | { of: string } | { itemId: string } | null;
  actions: boolean;
}

export function createSessionStore(options: SessionStoreOptions): SessionStore {
  const { api, location } = options;
  const siteId = location.siteId;
  const scopes = SCOPES.sites;
  const listUrls: Partial<Record<ListKind, string>> = {};

  const itemsPath = (kind: ListKind) => `${listPath(siteId, kind)}/items`;
  const itemPath = (kind: ListKind, itemId: string) => `${itemsPath(kind)}/${segment(itemId)}`;
  const newQueue = () => new BatchQueue(api, options.batch);

  const links = (session: Session | null): SessionSnapshot['links'] => {
    const fallback = (kind: ListKind) => listUrls[kind] ?? location.siteUrl;
    return {
      sessionsList: fallback('sessions'),
      answersList: fallback('answers'),
      actionsList: fallback('actions'),
      plannerPlan: session?.plannerPlanId ? planUrl(session.plannerPlanId) : null,
    };
  };

  async function queryItems(kind: ListKind, filter: string): Promise<ListItem[]> {
    const values = await api.getAll(`${itemsPath(kind)}${itemsQuery({ filter, top: SESSION_PAGE_SIZE })}`, { scopes });
    return values.map((v) => ListItemSchema.parse(v));
  }

  async function readItem<T>(kind: ListKind, itemId: string, read: (item: ListItem) => ReadResult<T>): Promise<Versioned<T>> {
    const body = await api.call('GET', `${itemPath(kind, itemId)}?$expand=fields`, { scopes });
    const result = read(ListItemSchema.parse(body));
    if (!result.ok) throw invalidError(result.invalid);
    return result.value;
  }

  async function createItem(kind: ListKind, fields: Fields): Promise<ListItem> {
    const body = await api.call('POST', itemsPath(kind), { scopes, body: { fields } });
    return CreatedItemSchema.parse(body);
  }

  async function patchFields(kind: ListKind, itemId: string, fields: Fields, etag: string | null): Promise<string> {
    const headers = etag ? { 'If-Match': etag } : undefined;
    const body = FieldsResponseSchema.parse(await api.call('PATCH', `${itemPath(kind, itemId)}/fields`, { scopes, body: fields, ...(headers ? { headers } : {}) }));
    return body['@odata.etag'] ?? '';
  }

  /**
   * One $batch round trip for what a surface needs now: the session item (by key the first time, then
   * by id: a single-item read costs half a query's resource units), and only if asked the answers
   * (everyone's, or one person's) and the agenda. List links ride along the first time.
   */
  async function readParts(plan: ReadPlan): Promise<{ session: Versioned<Session>; responses: Versioned<Response>[] | null; actions: Versioned<ActionItem>[] | null; invalid: InvalidItem[] }> {
    const requests = new Map<string, SubRequest>();
    const byKey = 'key' in plan.session ? plan.session.key : null;
    if (byKey !== null) requests.set('items:sessions', { method: 'GET', url: `${itemsPath('sessions')}${itemsQuery({ filter: fieldEquals('SessionKey', byKey), top: SESSION_PAGE_SIZE })}` });
    else if ('itemId' in plan.session) requests.set('item:sessions', { method: 'GET', url: `${itemPath('sessions', plan.session.itemId)}?$expand=fields` });
    // The answers and the agenda belong to the session's key, which a read by id knows only afterwards;
    // the caller passes it through the session item it already holds.
    const key = byKey ?? plan.key ?? null;
    if (plan.answers !== null && typeof plan.answers === 'object' && 'itemId' in plan.answers) {
      requests.set('item:answers', { method: 'GET', url: `${itemPath('answers', plan.answers.itemId)}?$expand=fields` });
    } else if (plan.answers !== null && key !== null) {
      const filter = plan.answers === 'all' ? fieldEquals('SessionKey', key) : allOf(fieldEquals('SessionKey', key), fieldEquals('DeelnemerId', plan.answers.of));
      requests.set('items:answers', { method: 'GET', url: `${itemsPath('answers')}${itemsQuery({ filter, top: SESSION_PAGE_SIZE })}` });
    }
    if (plan.actions && key !== null) requests.set('items:actions', { method: 'GET', url: `${itemsPath('actions')}${itemsQuery({ filter: fieldEquals('SessionKey', key), top: SESSION_PAGE_SIZE })}` });
    if (byKey !== null) for (const kind of LIST_KINDS) if (!listUrls[kind]) requests.set(`list:${kind}`, { method: 'GET', url: `${listPath(siteId, kind)}?$select=id,webUrl` });
    const responses = await sendBatch(api, requests, scopes, options.batch);
    for (const kind of LIST_KINDS) {
      const listInfo = responses.get(`list:${kind}`);
      if (listInfo && listInfo.status === 200) {
        const parsed = ListInfoSchema.safeParse(listInfo.body);
        if (parsed.success && parsed.data.webUrl) listUrls[kind] = parsed.data.webUrl;
      }
    }
    const ok = (id: string) => {
      const response = responses.get(id);
      if (!response || response.status < 200 || response.status >= 300) throw subResponseError(response ?? { status: 503, headers: {}, body: undefined });
      return response.body;
    };
    const pageOf = async (id: string): Promise<ListItem[] | null> => {
      if (!requests.has(id)) return null;
      const page = PageSchema.parse(ok(id));
      const items = [...page.value];
      if (page['@odata.nextLink']) items.push(...(await api.getAll(page['@odata.nextLink'], { scopes })).map((v) => ListItemSchema.parse(v)));
      return items;
    };
    const sessionItem = requests.has('item:sessions') ? ListItemSchema.parse(ok('item:sessions')) : ((await pageOf('items:sessions')) ?? [])[0];
    if (!sessionItem) throw new NotFoundError(`no session ${byKey ?? ''}`, 'itemNotFound', 404);
    const session = readSession(sessionItem);
    if (!session.ok) throw invalidError(session.invalid);
    // An unreadable stage focus reads as the overview; the facilitator is told which column it is.
    const focusProblem = stageFocusProblem(sessionItem);
    const invalid: InvalidItem[] = focusProblem ? [focusProblem] : [];
    const answerItems = requests.has('item:answers') ? [ListItemSchema.parse(ok('item:answers'))] : await pageOf('items:answers');
    let responsesRead: Versioned<Response>[] | null = null;
    if (answerItems !== null) {
      responsesRead = [];
      // One person, one answers item: a duplicate left by a double join (before joins looked again)
      // is not shown as a second person; the oldest item is theirs, as join() chooses it. An entry on
      // someone's behalf is told apart by who entered it (join() does the same), so an item someone
      // else made with that id (the joint record's, src/domain/joint.ts) never hides the real one.
      const sameOwner = (a: Response, b: Response) => a.participant.id === b.participant.id && a.participant.enteredBy?.id === b.participant.enteredBy?.id;
      for (const item of oldestFirst(answerItems)) {
        const r = readResponse(item);
        if (!r.ok) invalid.push(r.invalid);
        else if (!responsesRead.some((seen) => sameOwner(seen.value, r.value.value))) responsesRead.push(r.value);
      }
    }
    const actionItems = await pageOf('items:actions');
    let actions: Versioned<ActionItem>[] | null = null;
    if (actionItems !== null) {
      actions = [];
      for (const item of actionItems) {
        const r = readAction(item);
        if (r.ok) actions.push(r.value);
        else invalid.push(r.invalid);
      }
    }
    return { session: session.value, responses: responsesRead, actions, invalid };
  }

  /**
   * If-Match write; on 412 the item is read again and `change` re-applied to the fresh copy when the
   * columns it touches were not changed remotely (to a different value). Otherwise ConflictError:
   * never silently overwrite what someone else saved.
   */
  async function writeWithMerge<T>(
    kind: ListKind,
    current: Versioned<T>,
    change: (value: T) => T,
    toFields: (value: T) => Fields,
    read: (item: ListItem) => ReadResult<T>,
  ): Promise<Versioned<T>> {
    let base = current;
    for (let attempt = 1; ; attempt += 1) {
      const next = change(base.value);
      const baseFields = toFields(base.value);
      const wanted = changedFields(baseFields, toFields(next));
      if (Object.keys(wanted).length === 0) return base;
      try {
        const etag = await patchFields(kind, base.itemId, wanted, base.etag);
        return { value: next, itemId: base.itemId, etag };
      } catch (err) {
        if (!(err instanceof ConflictError) || attempt >= MAX_MERGE_ATTEMPTS) throw err;
        const fresh = await readItem(kind, base.itemId, read);
        const freshFields = toFields(fresh.value);
        // The group view is recomputed by `change` from the fresh copy, so another writer's view is no clash.
        const clashes = Object.keys(wanted).filter((name) => !DERIVED_COLUMNS.has(name) && !sameValue(freshFields[name], baseFields[name]) && !sameValue(freshFields[name], wanted[name]));
        if (clashes.length > 0) throw new ConflictError(`${kind} item ${base.itemId} changed remotely: ${clashes.join(', ')}`, clashes);
        base = fresh;
      }
    }
  }

  async function provision(): Promise<ProvisionResult> {
    // Say who can fix it before half the lists exist: creating lists and setting who reads what is an owner's right.
    if (options.sharePoint) {
      const rights = await options.sharePoint.siteRights(location.siteUrl);
      if (!rights.manageLists) throw new NotSiteOwnerError(location.siteUrl);
    }
    const { result, lists } = await provisionLists(newQueue(), siteId);
    for (const kind of LIST_KINDS) if (lists[kind].webUrl) listUrls[kind] = lists[kind].webUrl as string;
    // SharePoint itself keeps people to their own items: what the UI does not offer, Graph refuses.
    const securedLists = options.sharePoint ? await secureLists(options.sharePoint, location.siteUrl) : [];
    return { ...result, securedLists };
  }

  /** Lists brought up to date once by this store (an answers list from before the "Ingevuld door" columns). */
  let upgraded = false;

  /**
   * Creates an answers item. An entry on someone's behalf writes the "Ingevuld door" columns, which
   * a list provisioned before them lacks (SharePoint answers 400 for an unknown field): provisioning
   * adds them, once, and the item is created again.
   */
  async function createAnswersItem(value: Response): Promise<ListItem> {
    try {
      return await createItem('answers', responseFields(value, options.describe));
    } catch (err) {
      if (!(err instanceof BadRequestError) || !value.participant.enteredBy || upgraded) throw err;
      upgraded = true;
      await provision();
      return createItem('answers', responseFields(value, options.describe));
    }
  }

  return {
    provision,

    async createSession(input: NewSessionInput): Promise<SessionSnapshot> {
      const date = options.now().toISOString();
      const session = SessionSchema.parse({
        key: newSessionKey(options.random, date),
        municipality: input.municipality.trim(),
        title: input.title.trim(),
        purpose: input.purpose,
        date,
        meetingId: input.meetingId,
        facilitatorId: input.facilitator.id,
        facilitatorName: input.facilitator.name,
        instrumentVersion: options.instrumentVersion ?? DEFAULT_INSTRUMENT_VERSION,
        state: 'setup',
        locked: false,
        mode: 'separate',
        notes: '',
        explanation: '',
        followUp: { meetAgain: null, meetAgainDate: null, accountability: '' },
        plannerGroupId: input.plannerGroupId,
        plannerPlanId: null,
      } satisfies Session);
      const item = await createItem('sessions', sessionFields(session));
      return { session: { value: session, itemId: item.id, etag: etagOf(item) }, responses: [], actions: [], invalid: [], links: links(session) };
    },

    async findSessions(filter): Promise<SessionSummary[]> {
      const clauses: string[] = [];
      if (filter.municipality !== undefined) clauses.push(fieldEquals('Gemeente', filter.municipality.trim()));
      if (filter.meetingId !== undefined) clauses.push(fieldEquals('MeetingId', filter.meetingId));
      if (clauses.length === 0) throw new RangeError('findSessions needs a municipality or a meeting id');
      const items = await queryItems('sessions', allOf(...clauses));
      const summaries: SessionSummary[] = [];
      for (const item of items) {
        const read = readSession(item);
        if (!read.ok) continue;
        const s = read.value.value;
        summaries.push({ key: s.key, title: s.title, municipality: s.municipality, date: s.date, state: s.state, meetingId: s.meetingId });
      }
      return summaries.sort((a, b) => b.date.localeCompare(a.date));
    },

    async findSessionPage(filter): Promise<SessionSummaryPage> {
      // Newest first without an index on Datum: the session key starts with its creation date
      // (src/domain/sessionKey.ts) and SessionKey is indexed, so SharePoint may sort on it in a list of
      // any size; ordering on a non-indexed column fails beyond the list view threshold
      // (https://learn.microsoft.com/en-us/graph/api/listitem-list — "Prefer: HonorNonIndexedQueriesWarningMayFailRandomly").
      const first = `${itemsPath('sessions')}${itemsQuery({ filter: fieldEquals('Gemeente', filter.municipality.trim()), top: HISTORY_PAGE_SIZE, select: [...SESSION_SUMMARY_COLUMNS], orderBy: NEWEST_FIRST })}`;
      const page = async (url: string): Promise<SessionSummaryPage> => {
        const body = PageSchema.parse(await api.call('GET', url, { scopes }));
        const next = body['@odata.nextLink'];
        return { sessions: readSessionSummaries(body.value), more: next ? () => page(next) : null };
      };
      return page(first);
    },

    searchSessions(filter) {
      return searchSessions({ api, siteId, scopes }, filter);
    },

    async openSession(key: string, options: OpenOptions = {}): Promise<SessionSnapshot> {
      const answers = options.onlyAnswersOf !== undefined ? { of: options.onlyAnswersOf } : 'all';
      const read = await readParts({ session: { key }, answers, actions: true });
      return { session: read.session, responses: read.responses ?? [], actions: read.actions ?? [], invalid: read.invalid, links: links(read.session.value) };
    },

    async pollSession(current: Versioned<Session>): Promise<Versioned<Session>> {
      return (await readParts({ session: { itemId: current.itemId }, answers: null, actions: false })).session;
    },

    async pollSessionAndOwn(current: Versioned<Session>, own: Versioned<Response>) {
      const read = await readParts({ session: { itemId: current.itemId }, answers: { itemId: own.itemId }, actions: false });
      const mine = read.responses?.[0];
      return { session: read.session, own: mine ?? own };
    },

    async readForGroup(current: Versioned<Session>, options: { actions: boolean }): Promise<GroupSources> {
      const read = await readParts({ session: { itemId: current.itemId }, key: current.value.key, answers: 'all', actions: options.actions });
      return { session: read.session, responses: read.responses ?? [], actions: read.actions, invalid: read.invalid };
    },

    async join(key: string, participant: Participant): Promise<Joined> {
      // An entry on someone's behalf is the enterer's item: one someone else created with the same id
      // (the joint record's id follows from the session key, src/domain/joint.ts) is not theirs to take over.
      const enterer = participant.enteredBy?.id ?? null;
      const myItems = async () =>
        oldestFirst(await queryItems('answers', allOf(fieldEquals('SessionKey', key), fieldEquals('DeelnemerId', participant.id)))).filter(
          (item) => enterer === null || (item.createdBy?.user?.id ?? enterer) === enterer,
        );
      const mine = (await myItems())[0];
      if (mine) {
        const read = readResponse(mine);
        if (!read.ok) {
          // Their own item was edited by hand into something the app cannot read: joining again
          // restores what can be read and writes it back, If-Match on the broken copy (a repair made
          // in SharePoint meanwhile wins). Until then the facilitator sees the item named.
          const restored = restoreResponse(mine, key, participant);
          if (!restored) throw invalidError(read.invalid);
          const value = ResponseSchema.parse({ ...restored.value, participant });
          const wanted = responseFields(value, options.describe);
          const stored: Fields = {};
          for (const name of Object.keys(wanted)) {
            const v = mine.fields[name];
            stored[name] = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
          }
          const etag = await patchFields('answers', mine.id, changedFields(stored, wanted), etagOf(mine));
          return { value, itemId: mine.id, etag, cleared: restored.cleared };
        }
        const existing = read.value;
        const p = existing.value.participant;
        if (p.name === participant.name && p.domain === participant.domain && p.department === participant.department && p.partnerLabel === participant.partnerLabel) return existing;
        const value = ResponseSchema.parse({ ...existing.value, participant });
        const etag = await patchFields('answers', existing.itemId, changedFields(responseFields(existing.value, options.describe), responseFields(value, options.describe)), null);
        return { value, itemId: existing.itemId, etag };
      }
      const value: Response = ResponseSchema.parse({
        sessionKey: key,
        participant,
        scores: {},
        step2: { questions: {}, comments: {} },
        done: {},
        updatedAt: options.now().toISOString(),
      });
      const item = await createAnswersItem(value);
      // Two devices (or two clicks on a slow network) can both find nothing and both create. Look
      // again: the oldest item is the person's one answers item, and a newer one of ours goes.
      const oldest = (await myItems())[0];
      if (oldest && oldest.id !== item.id) {
        const read = readResponse(oldest);
        if (read.ok) {
          try {
            await api.call('DELETE', itemPath('answers', item.id), { scopes, headers: { 'If-Match': etagOf(item) } });
          } catch (err) {
            if (!(err instanceof NotFoundError)) throw err;
          }
          return read.value;
        }
      }
      return { value, itemId: item.id, etag: etagOf(item) };
    },

    async saveResponse(base: Versioned<Response>, next: Response): Promise<Versioned<Response>> {
      let server = base;
      let wanted = ResponseSchema.parse(next);
      for (let attempt = 1; ; attempt += 1) {
        const fields = changedFields(responseFields(server.value, options.describe), responseFields(wanted, options.describe));
        if (Object.keys(fields).length === 0) return { ...server, value: wanted };
        try {
          // Only the changed columns, with If-Match: the phone's save must not erase the laptop's.
          const etag = await patchFields('answers', server.itemId, fields, server.etag || null);
          return { value: wanted, itemId: server.itemId, etag };
        } catch (err) {
          if (!(err instanceof ConflictError) || attempt >= MAX_MERGE_ATTEMPTS) throw err;
          const fresh = await readItem('answers', server.itemId, readResponse);
          wanted = mergeResponses(server.value, wanted, fresh.value);
          server = fresh;
        }
      }
    },

    async updateSession(current, change) {
      const write = () => writeWithMerge('sessions', current, (s) => SessionSchema.parse(change(s)), sessionFields, readSession);
      try {
        return await write();
      } catch (err) {
        // The "Deelnemers tonen" column is written only once the facilitator sets it; a list
        // provisioned before it answers 400 (unknown field): provisioning adds it, once, and the
        // write is made again, as for the "Ingevuld door" columns above.
        // The same holds for the "Gespreksverloop" column (the stage focus, src/graph/stageFocusColumn.ts).
        if (!(err instanceof BadRequestError) || upgraded) throw err;
        let wantsNewColumn = false;
        try {
          const next = SessionSchema.parse(change(current.value));
          wantsNewColumn = (next.display !== undefined && current.value.display === undefined) || (next.stageFocus != null && current.value.stageFocus == null);
        } catch {
          throw err;
        }
        if (!wantsNewColumn) throw err;
        upgraded = true;
        await provision();
        return write();
      }
    },

    async saveAction(action: ActionItem, current: Versioned<ActionItem> | null): Promise<Versioned<ActionItem>> {
      const wanted = ActionItemSchema.parse(action);
      actionFields(wanted);
      if (current === null) {
        // The client-made ActieId makes a retried create land on the item the first try made.
        const existing = (await queryItems('actions', allOf(fieldEquals('SessionKey', wanted.sessionKey), fieldEquals('ActieId', wanted.id))))[0];
        if (!existing) {
          const item = await createItem('actions', actionFields(wanted));
          return { value: wanted, itemId: item.id, etag: etagOf(item) };
        }
        const read = readAction(existing);
        if (!read.ok) throw invalidError(read.invalid);
        current = read.value;
      }
      const base = current.value;
      const changed = (Object.keys(wanted) as (keyof ActionItem)[]).filter((k) => !sameValue(wanted[k], base[k]));
      const change = (fresh: ActionItem): ActionItem => {
        const next: Record<string, unknown> = { ...fresh };
        for (const k of changed) next[k] = wanted[k];
        return ActionItemSchema.parse(next);
      };
      return writeWithMerge('actions', current, change, actionFields, readAction);
    },

    async deleteAction(current: Versioned<ActionItem>): Promise<void> {
      try {
        await api.call('DELETE', itemPath('actions', current.itemId), { scopes, headers: { 'If-Match': current.etag } });
      } catch (err) {
        if (err instanceof NotFoundError) return;
        throw err;
      }
    },
  };
}

// The stage focus is changed by functions of the fresh copy too (src/domain/stageFocus.ts: mark one
// theme, set one note), and only the facilitator writes it: a 412 from their own quick second move is no clash.
const DERIVED_COLUMNS: ReadonlySet<string> = new Set([...GROUP_VIEW_COLUMNS, STAGE_FOCUS_COLUMN]);

/** List items by creation, oldest first (SharePoint item ids only grow). */
function oldestFirst(items: readonly ListItem[]): ListItem[] {
  return [...items].sort((a, b) => Number(a.id) - Number(b.id));
}

function invalidError(invalid: InvalidItem): InvalidItemError {
  return new InvalidItemError(invalid.list, invalid.itemId, invalid.field, invalid.message, invalid.listDisplayName);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined || a === '') && (b === null || b === undefined || b === '')) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Only the columns whose value differs: a smaller PATCH, and merges stay per column. */
export function changedFields(before: Fields, after: Fields): Fields {
  const out: Fields = {};
  for (const [name, value] of Object.entries(after)) if (!sameValue(before[name], value)) out[name] = value;
  // A column left out of `after` (written only when set, like the publishing claim) is cleared.
  for (const name of Object.keys(before)) if (!(name in after) && before[name] !== null) out[name] = null;
  return out;
}
