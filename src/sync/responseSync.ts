// A participant's own answers: every change goes to a local draft first, then to SharePoint after a
// short debounce as one saveResponse, retried with backoff when throttled, offline or on a 5xx. A
// reload, a crash or a dropped connection loses nothing: a draft newer than the server copy wins.
// The draft storage is asynchronous (IndexedDB, src/sync/draftStorage.ts): a waiting change is
// reported as kept on this device only once its write has completed, and "saved" only once
// SharePoint has confirmed it.
import * as z from '../domain/zod';
import { ResponseSchema, StepIdSchema, THEME_IDS, type Response } from '../domain/model';
import { mergeResponses } from '../domain/responseMerge';
import type { ResponseSync, SessionStore, SyncState, Versioned } from '../graph/contracts';
import { GraphLayerError, OfflineError, ThrottledError, toGraphLayerError } from '../graph/errors';
import { backoffMs } from '../graph/retryPolicy';
import type { DraftStorage } from './draftStorage';

/** One request about a second after someone stops clicking (performance budget: one answer = 1 request). */
export const DEFAULT_DEBOUNCE_MS = 600;
export const DRAFT_VERSION = 1;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The browser's online/offline signal; absent outside a browser. */
export interface Connectivity {
  onOnline(listener: () => void): () => void;
}

export interface ResponseSyncOptions {
  store: Pick<SessionStore, 'saveResponse'>;
  /** The server copy, from join/openSession. */
  initial: Versioned<Response>;
  storage: DraftStorage | null;
  /** Draft key, one per session and user: see draftKey(). */
  key: string;
  debounceMs?: number;
  now?: () => Date;
  timers?: Timers;
  connectivity?: Connectivity | null;
  random?: () => number;
}

const DraftSchema = z.object({
  version: z.literal(DRAFT_VERSION),
  itemId: z.string(),
  /** The etag of `base`: the server copy the unsent edits were made on. */
  etag: z.string(),
  /** That server copy, so a draft restored after another device saved is merged per answer, not written over it. */
  base: z.optional(ResponseSchema),
  /** Changes not yet confirmed by SharePoint. */
  dirty: z.boolean(),
  response: ResponseSchema,
});
type Draft = z.infer<typeof DraftSchema>;

export function draftKey(sessionKey: string, userId: string): string {
  return `gesprekstool:draft:${sessionKey}:${userId}`;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export function browserConnectivity(): Connectivity | null {
  if (typeof window === 'undefined' || typeof window.addEventListener !== 'function') return null;
  return {
    onOnline(listener) {
      window.addEventListener('online', listener);
      return () => window.removeEventListener('online', listener);
    },
  };
}

const differs = (a: unknown, b: unknown) => JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);

/**
 * Answers that differ between two copies: a score, a ticked or unticked option, a free text, a
 * comment, a step marked done, the person's details. `pending` counts calls to update (one per
 * keystroke in a text field), which is no number to show a person.
 */
function changedAnswers(before: Response, after: Response): number {
  let count = 0;
  for (const theme of THEME_IDS) {
    if (differs(before.scores[theme], after.scores[theme])) count++;
    if (differs(before.step2.comments[theme], after.step2.comments[theme])) count++;
  }
  for (const id of new Set([...Object.keys(before.step2.questions), ...Object.keys(after.step2.questions)])) {
    const a = before.step2.questions[id];
    const b = after.step2.questions[id];
    const selectedA = new Set(a?.selected ?? []);
    const selectedB = new Set(b?.selected ?? []);
    for (const option of new Set([...selectedA, ...selectedB])) if (selectedA.has(option) !== selectedB.has(option)) count++;
    for (const option of new Set([...Object.keys(a?.freeText ?? {}), ...Object.keys(b?.freeText ?? {})])) if (differs(a?.freeText[option], b?.freeText[option])) count++;
  }
  for (const step of StepIdSchema.options) if (differs(before.done[step], after.done[step])) count++;
  if (differs(before.participant, after.participant)) count++;
  return count;
}

/** A draft a newer version of the app wrote: this version cannot read it, and must not write over it. */
interface FutureDraft {
  future: number;
}
const FutureDraftSchema = z.object({ version: z.int().check(z.gt(DRAFT_VERSION)) });

/**
 * What the storage holds for `key`: a draft, nothing usable (absent, an older format, garbage), one of
 * a newer app version, or unreadable right now.
 */
async function readDraft(storage: DraftStorage | null, key: string): Promise<Draft | FutureDraft | null | 'unreadable'> {
  if (!storage) return null;
  let raw: string | null;
  try {
    raw = await storage.read(key);
  } catch {
    return 'unreadable';
  }
  if (raw === null) return null;
  try {
    const json: unknown = JSON.parse(raw);
    const parsed = DraftSchema.safeParse(json);
    if (parsed.success) return parsed.data;
    const future = FutureDraftSchema.safeParse(json);
    return future.success ? { future: future.data.version } : null;
  } catch {
    return null;
  }
}

/**
 * Reads this person's draft, then starts syncing: a draft with changes SharePoint has not confirmed
 * is shown at once and sent again, and the state says "saving" until that save succeeds.
 */
export async function openResponseSync(options: ResponseSyncOptions): Promise<ResponseSync> {
  return createResponseSync(options, await readDraft(options.storage, options.key));
}

function createResponseSync(options: ResponseSyncOptions, found: Draft | FutureDraft | null | 'unreadable'): ResponseSync {
  const { store, key } = options;
  // A newer version's draft is left exactly as it is: that version sends it when it runs again. Until
  // then this one keeps no draft of its own for this session (the state says changes are not kept).
  const futureVersion = found !== null && typeof found === 'object' && 'future' in found ? found.future : null;
  const draft = futureVersion === null ? (found as Draft | null | 'unreadable') : null;
  const storage = futureVersion === null ? options.storage : null;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const now = options.now ?? (() => new Date());
  const timers = options.timers ?? realTimers;
  const connectivity = options.connectivity === undefined ? browserConnectivity() : options.connectivity;

  let saved: Versioned<Response> = options.initial;
  let current: Response = options.initial.value;
  let pending = 0;
  let state: SyncState = { kind: 'saved', at: null };
  let timer: unknown = null;
  let inFlight: Promise<void> | null = null;
  let failures = 0;
  let disposed = false;
  const listeners = new Set<() => void>();
  /** Draft writes started and the newest one completed: its response, and whether a crash cannot lose it. */
  let writes = 0;
  let kept: { write: number; response: Response; durable: boolean } | null = null;
  /** What the person is told is waiting: answers that differ from SharePoint's copy, at least one while anything is unsent. */
  const waiting = () => (pending > 0 ? Math.max(1, changedAnswers(saved.value, current)) : 0);
  /** Every unsent change is in a draft that survives the browser being killed. */
  const isKept = () => kept !== null && kept.durable && kept.response === current;

  const notify = () => {
    for (const l of listeners) l();
  };
  const setState = (next: SyncState) => {
    state = next;
    notify();
  };

  /** A waiting state (offline, or an error with a retry) tells how many changes wait and whether they are kept. */
  const refreshWaiting = () => {
    if (disposed) return;
    if (state.kind === 'offline') setState({ kind: 'offline', pending: waiting(), kept: isKept() });
    else if (state.kind === 'error') setState({ ...state, pending: waiting(), kept: isKept() });
  };

  const writeDraft = (dirty: boolean) => {
    if (!storage) return;
    const draft: Draft = { version: DRAFT_VERSION, itemId: saved.itemId, etag: saved.etag, base: saved.value, dirty, response: current };
    const write = ++writes;
    let started: Promise<{ durable: boolean }>;
    try {
      started = storage.write(key, JSON.stringify(draft));
    } catch (err) {
      started = Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
    started.then(
      ({ durable }) => {
        // Writes complete in the order they were started (one IndexedDB store); an older one finishing late changes nothing.
        if (kept !== null && kept.write > write) return;
        kept = { write, response: draft.response, durable };
        refreshWaiting();
      },
      () => {
        // A full or blocked storage must not stop saving to SharePoint; the state says the changes are not kept here.
        if (kept !== null && kept.write > write) return;
        kept = null;
        refreshWaiting();
      },
    );
  };

  const schedule = (ms: number) => {
    if (disposed) return;
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = null;
      void flush();
    }, ms);
  };

  const flush = async (): Promise<void> => {
    if (disposed) return;
    if (inFlight) {
      await inFlight;
      // After a failed attempt the retry timer (backoff / Retry-After) decides when to send again.
      if (pending > 0 && state.kind === 'saving') return flush();
      return;
    }
    if (pending === 0) return;
    const sending = current;
    const sentPending = pending;
    setState({ kind: 'saving', pending: waiting() });
    inFlight = (async () => {
      try {
        const result = await store.saveResponse(saved, sending);
        saved = result;
        failures = 0;
        pending = Math.max(0, pending - sentPending);
        if (current === sending) {
          pending = 0;
          // The save may have merged in answers this person gave on another device: show them.
          current = result.value;
        } else {
          current = mergeResponses(sending, current, result.value);
        }
        writeDraft(pending > 0);
        if (pending > 0) {
          setState({ kind: 'saving', pending: waiting() });
          schedule(debounceMs);
        } else {
          setState({ kind: 'saved', at: now().toISOString() });
        }
      } catch (err) {
        failures += 1;
        const e = err instanceof GraphLayerError ? err : toGraphLayerError(err);
        if (!e.transient) {
          // Not worth repeating unchanged (access denied, too long, invalid item): wait for the person.
          setState({ kind: 'error', pending: waiting(), reason: e.code, retryAt: null, kept: isKept() });
          return;
        }
        const wait = e instanceof ThrottledError && e.retryAfterMs !== null ? Math.max(e.retryAfterMs, backoffMs(1, options.random)) : backoffMs(failures, options.random);
        const retryAt = new Date(now().getTime() + wait).toISOString();
        setState(e instanceof OfflineError ? { kind: 'offline', pending: waiting(), kept: isKept() } : { kind: 'error', pending: waiting(), reason: e.code, retryAt, kept: isKept() });
        schedule(wait);
      } finally {
        inFlight = null;
      }
    })();
    await inFlight;
  };

  const unsubscribeOnline = connectivity?.onOnline(() => {
    if (pending > 0 && !inFlight) {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      void flush();
    }
  });

  // Restore: unsaved changes for this same item are sent again. When the server copy moved on since
  // (another device saved), the draft's own base goes along, so the store's If-Match fails and the
  // two are merged per answer instead of the draft writing over the other device's answers.
  const restored = draft === 'unreadable' ? null : draft;
  const mergeable = restored?.base !== undefined && restored.etag !== '' && restored.etag !== saved.etag;
  const newer = restored !== null && Date.parse(restored.response.updatedAt) > Date.parse(saved.value.updatedAt);
  if (restored && restored.dirty && restored.itemId === saved.itemId && (mergeable || newer)) {
    if (mergeable && restored.base) saved = { value: restored.base, itemId: restored.itemId, etag: restored.etag };
    current = restored.response;
    pending = 1;
    setState({ kind: 'saving', pending: waiting() });
    // Written back unchanged, so the state can say whether it is kept durably (the read does not tell).
    writeDraft(true);
    schedule(0);
  } else if (restored && !restored.dirty && restored.itemId === saved.itemId && newer && restored.etag !== saved.etag) {
    // A clean draft newer than the copy this frame starts from is what SharePoint confirmed after the
    // session was read (the frame was opened again, or that read lags behind this person's saves): it
    // is shown as saved, with its etag, so nothing just saved looks lost. A device that saved since is
    // taken in by `adopt`, or merged on the next save's If-Match.
    saved = { value: restored.response, itemId: restored.itemId, etag: restored.etag };
    current = restored.response;
  } else if (draft !== 'unreadable') {
    // (An unreadable draft is left alone: it may hold changes a later start can still read.)
    writeDraft(false);
  }

  return {
    current: () => current,
    state: () => state,
    futureDraft: () => futureVersion,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(change) {
      if (disposed) return;
      const next = ResponseSchema.parse({ ...change(current), updatedAt: now().toISOString() });
      current = next;
      pending += 1;
      writeDraft(true);
      if (state.kind === 'offline' || (state.kind === 'error' && state.retryAt !== null)) {
        // The pending retry (or the browser's online event) sends the newest copy. The count of
        // waiting changes grows when the draft write completes (refreshWaiting): not before it is kept.
        if (storage) notify();
        else refreshWaiting();
      } else {
        setState({ kind: 'saving', pending: waiting() });
        schedule(debounceMs);
      }
    },
    adopt(server) {
      if (disposed || inFlight || server.itemId !== saved.itemId || server.etag === saved.etag) return;
      // A read that started before this device's last save can bring an older copy: only newer edits come in.
      if (Date.parse(server.value.updatedAt) <= Date.parse(saved.value.updatedAt)) return;
      current = pending > 0 ? mergeResponses(saved.value, current, server.value) : server.value;
      saved = server;
      writeDraft(pending > 0);
      setState(pending > 0 ? { kind: 'saving', pending: waiting() } : state);
    },
    async flushNow() {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      await flush();
    },
    dispose() {
      disposed = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      unsubscribeOnline?.();
      listeners.clear();
    },
  };
}
