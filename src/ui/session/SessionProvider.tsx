// One session per frame, read once and then polled: every ~2 s while the page is visible (a hidden
// side panel costs nothing), slower after failures and never sooner than Graph's Retry-After.
// Writes by this person (facilitator moves, actions) update the snapshot at once, and a poll that
// started before such a write is dropped so it cannot roll the screen back.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { may, visibleTo, type Command, type Refusal } from '../../domain/authorization';
import { setLocked as lockRule, transition as transitionRule } from '../../domain/sessionState';
import type { ActionItem, FollowUp, Mode, Session, SessionState } from '../../domain/model';
import type { SessionSnapshot, SessionStore, Versioned } from '../../graph/contracts';
import { describeErrorText } from '../common/errors';
import { describeRefusal } from '../common/refusals';
import { useAppServices } from './AppServices';
import { resolveSessionLink, type SessionLink } from './location';

export const DEFAULT_POLL_MS = 2000;
const MAX_POLL_MS = 30_000;

export type SessionStatus =
  | { kind: 'resolving' }
  /** The tab has no session yet (not configured, or a plain link). */
  | { kind: 'noSession' }
  | { kind: 'ready' }
  /** The first read failed: nothing to show. Later poll failures keep the last snapshot (see pollError). */
  | { kind: 'failed'; error: unknown };

export interface SessionCommands {
  /** Facilitator: move the session (domain rule `transition`). */
  transition(to: SessionState): Promise<boolean>;
  setLocked(locked: boolean): Promise<boolean>;
  setNotes(notes: string): Promise<boolean>;
  setExplanation(text: string): Promise<boolean>;
  setMode(mode: Mode): Promise<boolean>;
  setFollowUp(followUp: FollowUp): Promise<boolean>;
  /** Anyone allowed by `isEditable(…, 'actions')`: create or update an agenda item. */
  saveAction(action: ActionItem): Promise<boolean>;
  deleteAction(actionId: string): Promise<boolean>;
}

export interface SessionApi {
  status: SessionStatus;
  link: SessionLink | null;
  snapshot: SessionSnapshot | null;
  store: SessionStore | null;
  /** The last poll failed (offline, throttled); the snapshot shown may be a little old. */
  pollError: unknown;
  isFacilitator: boolean;
  refresh(): Promise<void>;
  commands: SessionCommands;
  /** A failed command as one sentence for the person (a conflict with another writer, no rights, …). */
  commandError: string | null;
  clearCommandError(): void;
  busy: boolean;
}

const SessionContext = createContext<SessionApi | null>(null);

/** The domain refused the command, on the copy the person saw or on a fresher one read after a 412. */
class RefusedChange extends Error {
  constructor(readonly refusal: Refusal) {
    super(`refused: ${refusal.code}`);
  }
}

function nextDelay(pollMs: number, failures: number, err: unknown): number {
  if (failures === 0) return pollMs;
  const retryAfter = err && typeof err === 'object' && 'retryAfterMs' in err && typeof err.retryAfterMs === 'number' ? err.retryAfterMs : 0;
  return Math.min(MAX_POLL_MS, Math.max(retryAfter, pollMs * 2 ** failures));
}

export function SessionProvider({ children, link: givenLink }: { children: ReactNode; link?: SessionLink | null }) {
  const services = useAppServices();
  const { graph, host, url, me, locale } = services;
  const pollMs = services.pollMs ?? DEFAULT_POLL_MS;
  const [link, setLink] = useState<SessionLink | null>(givenLink ?? null);
  const [status, setStatus] = useState<SessionStatus>({ kind: 'resolving' });
  const [snapshot, setSnapshot] = useState<SessionSnapshot | null>(null);
  const [pollError, setPollError] = useState<unknown>(null);
  const [commandError, setCommandError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Bumped by every local write; a read that began under an older generation is stale. */
  const generation = useRef(0);
  const snapshotRef = useRef<SessionSnapshot | null>(null);
  snapshotRef.current = snapshot;
  /** Start-up's read of this session, begun beside GET /me: taken by the first read, once. */
  const sessionStart = useRef(givenLink ? null : (services.sessionStart ?? null));
  const firstSnapshot = useRef<{ key: string; snapshot: Promise<SessionSnapshot> } | null>(null);

  useEffect(() => {
    if (givenLink) {
      setLink(givenLink);
      return;
    }
    let cancelled = false;
    const started = sessionStart.current;
    sessionStart.current = null;
    const resolving = started
      ? started.then((s) => {
          if (s) firstSnapshot.current = { key: s.link.key, snapshot: s.snapshot };
          return s?.link ?? null;
        })
      : resolveSessionLink(host.context(), url, graph.directory);
    resolving.then(
      (resolved) => {
        if (cancelled) return;
        setLink(resolved);
        if (!resolved) setStatus({ kind: 'noSession' });
      },
      (error: unknown) => {
        if (!cancelled) setStatus({ kind: 'failed', error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [givenLink, host, url, graph]);

  const store = useMemo(() => (link ? graph.store(link.location) : null), [graph, link]);

  const read = useCallback(async (): Promise<void> => {
    if (!store || !link) return;
    const started = generation.current;
    const early = firstSnapshot.current;
    firstSnapshot.current = null;
    const fresh = await (early?.key === link.key ? early.snapshot : store.openSession(link.key));
    if (generation.current !== started) return;
    setSnapshot(fresh);
    setStatus({ kind: 'ready' });
    setPollError(null);
  }, [store, link]);

  useEffect(() => {
    if (!store || !link) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let running = false;
    let failures = 0;
    const tick = async () => {
      timer = null;
      if (cancelled || running) return;
      // Hidden: stop; the visibilitychange listener starts again.
      if (document.visibilityState === 'hidden') return;
      running = true;
      let error: unknown = null;
      try {
        await read();
        failures = 0;
      } catch (err) {
        error = err;
        failures += 1;
        if (cancelled) return;
        if (snapshotRef.current) setPollError(err);
        else setStatus({ kind: 'failed', error: err });
      } finally {
        running = false;
      }
      if (!cancelled) timer = setTimeout(() => void tick(), nextDelay(pollMs, failures, error));
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible' && timer === null && !running) void tick();
    };
    // Back online after failed polls: read now instead of waiting out the backoff (up to 30 s), so
    // a person whose connection dropped sees where the meeting is as soon as it returns.
    const onOnline = () => {
      if (running) return;
      if (timer !== null) clearTimeout(timer);
      void tick();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('online', onOnline);
    void tick();
    return () => {
      cancelled = true;
      if (timer !== null) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('online', onOnline);
    };
  }, [store, link, read, pollMs]);

  const run = useCallback(
    async (write: (current: SessionSnapshot, store: SessionStore) => Promise<(s: SessionSnapshot) => SessionSnapshot>): Promise<boolean> => {
      const current = snapshotRef.current;
      if (!store || !current) return false;
      generation.current += 1;
      setBusy(true);
      setCommandError(null);
      try {
        const apply = await write(current, store);
        generation.current += 1;
        setSnapshot((prev) => (prev ? apply(prev) : prev));
        return true;
      } catch (err) {
        setCommandError(err instanceof RefusedChange ? describeRefusal(err.refusal, locale) : describeErrorText(err, locale));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [store, locale],
  );

  const updateSession = useCallback(
    (change: (s: Session) => Session) =>
      run(async (current, s) => {
        const saved: Versioned<Session> = await s.updateSession(current.session, change);
        return (prev) => ({ ...prev, session: saved });
      }),
    [run],
  );

  const commands = useMemo<SessionCommands>(() => {
    /** Every command asks the domain first, on the copy shown and again on a fresh one after a 412. */
    const allowed = (command: Command, session: Session): void => {
      const decision = may({ id: me.id }, command, session);
      if (!decision.ok) throw new RefusedChange(decision.refusal);
    };
    const guarded = (command: Command, change: (s: Session) => Session) =>
      updateSession((s) => {
        allowed(command, s);
        return change(s);
      });
    return {
      transition: (to) =>
        updateSession((s) => {
          const result = transitionRule(s, me.id, to);
          if (!result.ok) throw new RefusedChange(result.refusal);
          return result.session;
        }),
      setLocked: (locked) =>
        updateSession((s) => {
          const result = lockRule(s, me.id, locked);
          if (!result.ok) throw new RefusedChange(result.refusal);
          return result.session;
        }),
      setNotes: (notes) => guarded({ kind: 'notes' }, (s) => ({ ...s, notes })),
      setExplanation: (explanation) => guarded({ kind: 'explanation' }, (s) => ({ ...s, explanation })),
      setMode: (mode) => guarded({ kind: 'mode', mode }, (s) => ({ ...s, mode })),
      setFollowUp: (followUp) => guarded({ kind: 'followUp' }, (s) => ({ ...s, followUp })),
      saveAction: (action) =>
        run(async (current, s) => {
          const existing = current.actions.find((a) => a.value.id === action.id) ?? null;
          allowed({ kind: 'saveAction', action: existing ? existing.value : null }, current.session.value);
          const saved = await s.saveAction(action, existing);
          return (prev) => ({
            ...prev,
            actions: prev.actions.some((a) => a.value.id === action.id) ? prev.actions.map((a) => (a.value.id === action.id ? saved : a)) : [...prev.actions, saved],
          });
        }),
      deleteAction: (actionId) =>
        run(async (current, s) => {
          const existing = current.actions.find((a) => a.value.id === actionId);
          if (existing) {
            allowed({ kind: 'deleteAction', action: existing.value }, current.session.value);
            await s.deleteAction(existing);
          }
          return (prev) => ({ ...prev, actions: prev.actions.filter((a) => a.value.id !== actionId) });
        }),
    };
  }, [updateSession, run, me.id]);

  const api = useMemo<SessionApi>(
    () => ({
      status,
      link,
      snapshot,
      store,
      pollError,
      isFacilitator: snapshot !== null && visibleTo({ id: me.id }, snapshot.session.value).facilitatorControls,
      refresh: () =>
        read().catch((err: unknown) => {
          setPollError(err);
        }),
      commands,
      commandError,
      clearCommandError: () => setCommandError(null),
      busy,
    }),
    [status, link, snapshot, store, pollError, me.id, read, commands, commandError, busy],
  );

  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}
