// One session per frame, read once and then kept live within SharePoint's throttling budget:
// - a participant's frame reads only the session item (one single-item read, 1 resource unit): the
//   session's state and what the group may see (src/domain/groupView.ts), never anyone's raw answers;
// - the facilitator's frame also reads every answer (and, from step 3, the agenda) and writes the
//   group view onto the session item when what the group may see has changed.
// Reads run every few seconds while the page is visible, slower when nothing changed for a while
// and after failures, never sooner than Graph's Retry-After, and not at all while hidden. Writes by
// this person update the snapshot at once, and a read that started before a write is dropped so it
// cannot roll the screen back.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { may, visibleTo, type Command, type Refusal } from '../../domain/authorization';
import { buildGroupView, sameGroupView } from '../../domain/groupView';
import { setLocked as lockRule, transition as transitionRule } from '../../domain/sessionState';
import type { StageFocus } from '../../domain/stageFocusSchema';
import type { ActionItem, DisplayMode, FollowUp, Mode, Session, SessionState } from '../../domain/model';
import type { SessionSnapshot, SessionStore, Versioned } from '../../graph/contracts';
import { BadRequestError, ConflictError } from '../../graph/errors';
import { describeErrorText } from '../common/errors';
import { describeRefusal } from '../common/refusals';
import { useAppServices } from './AppServices';
import { shareAcrossFrames, type FrameMessage, type FrameShare } from './frameShare';
import { resolveSessionLink, type SessionLink } from './location';
import { PendingTextScope, usePendingTextRegistry } from './pendingText';

/** A participant's read of the session item. */
export const DEFAULT_POLL_MS = 3000;
const MAX_POLL_MS = 30_000;
/** The facilitator's client reads the answers a little more often: its view is what everyone else waits for. */
const CONDUCTOR_SHARE = 1 / 2;
/** After this long without a change the reads slow down to IDLE_FACTOR × the interval; any change speeds them up again. */
const IDLE_AFTER_MS = 120_000;
const IDLE_FACTOR = 2;
/** Every so many reads a participant's frame also reads their own answers item (another device may have saved). */
const OWN_ANSWERS_EVERY = 10;
/** An own agenda change is shown until the group view carries it (or this long has passed). */
const PENDING_ACTION_MS = 30_000;
/** How long another frame has to say it is saving typed text before a move goes ahead without it. */
const FLUSH_ACK_MS = 300;
/** How long a move waits for another frame's typed text to be saved. */
const FLUSH_LIMIT_MS = 15_000;

export type SessionStatus =
  | { kind: 'resolving' }
  /** The tab has no session yet (not configured, or a plain link). */
  | { kind: 'noSession' }
  | { kind: 'ready' }
  /** The first read failed: nothing to show. Later poll failures keep the last snapshot (see pollError). */
  | { kind: 'failed'; error: unknown };

export type StageFocusPart = Extract<Command, { kind: 'stageFocus' }>['part'];

export interface SessionCommands {
  /** Facilitator: move the session (domain rule `transition`). */
  transition(to: SessionState): Promise<boolean>;
  setLocked(locked: boolean): Promise<boolean>;
  setNotes(notes: string): Promise<boolean>;
  setExplanation(text: string): Promise<boolean>;
  setMode(mode: Mode): Promise<boolean>;
  /** How people are shown on stage, tab and report (src/domain/display.ts); the facilitator's. */
  setDisplay(display: DisplayMode): Promise<boolean>;
  setFollowUp(followUp: FollowUp): Promise<boolean>;
  /**
   * What everyone's stage shows (src/domain/stageFocus.ts); the facilitator's. `change` builds the
   * next focus from the session as SharePoint holds it, also again after a 412.
   */
  setStageFocus(part: StageFocusPart, change: (s: Session) => StageFocus): Promise<boolean>;
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
  /** Facilitator only: what the group sees could not be brought up to date, as one sentence (null when it is). */
  groupError: string | null;
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

/**
 * A first read refused for good (no access to the site, a person from another organisation, no
 * consent, the session gone) is not tried again on its own: every try costs the municipality's
 * budget and changes nothing until someone acts. The person's "Opnieuw proberen" reads at once.
 */
const GIVE_UP_MS = 10 * 60_000;
const PERMANENT: ReadonlySet<string> = new Set(['accessDenied', 'notFound', 'consentRequired', 'signInRefused', 'notSiteOwner', 'signInWindow']);

function isPermanent(err: unknown): boolean {
  return err !== null && typeof err === 'object' && 'code' in err && typeof err.code === 'string' && PERMANENT.has(err.code);
}

function nextDelay(pollMs: number, failures: number, err: unknown): number {
  if (failures === 0) return pollMs;
  const retryAfter = err && typeof err === 'object' && 'retryAfterMs' in err && typeof err.retryAfterMs === 'number' ? err.retryAfterMs : 0;
  return Math.min(MAX_POLL_MS, Math.max(retryAfter, pollMs * 2 ** failures));
}

export function SessionProvider({ children, link: givenLink }: { children: ReactNode; link?: SessionLink | null }) {
  const services = useAppServices();
  const { graph, host, url, me, locale, now } = services;
  const pollMs = services.pollMs ?? DEFAULT_POLL_MS;
  const [link, setLink] = useState<SessionLink | null>(givenLink ?? null);
  const [status, setStatus] = useState<SessionStatus>({ kind: 'resolving' });
  const [snapshot, setSnapshot] = useState<SessionSnapshot | null>(null);
  const [pollError, setPollError] = useState<unknown>(null);
  const [commandError, setCommandError] = useState<string | null>(null);
  const [groupError, setGroupError] = useState<string | null>(null);
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

  /** Own agenda changes not yet carried by the group view a participant reads: shown meanwhile, so nothing flickers away. */
  const pendingActions = useRef(new Map<string, { saved: Versioned<ActionItem> | null; until: number }>());
  /** When the session item last changed, for slowing down in a quiet meeting. */
  const lastChange = useRef<{ etag: string; at: number }>({ etag: '', at: 0 });
  /** Restarts the reads after "Opnieuw proberen" succeeded (they may have given up). */
  const kick = useRef<() => void>(() => undefined);
  /** Reads of the session item by this frame, for reading the own answers item every OWN_ANSWERS_EVERY. */
  const polls = useRef(0);
  /** The lists were brought up to date once already (an older list lacked the group view's columns). */
  const upgraded = useRef(false);

  const withPending = useCallback(
    (actions: Versioned<ActionItem>[]): Versioned<ActionItem>[] => {
      const pending = pendingActions.current;
      if (pending.size === 0) return actions;
      const at = now().getTime();
      let out = [...actions];
      for (const [id, change] of pending) {
        const there = out.find((a) => a.value.id === id);
        const carried = change.saved === null ? there === undefined : there !== undefined && there.etag === change.saved.etag;
        if (carried || change.until < at) {
          pending.delete(id);
          continue;
        }
        out = out.filter((a) => a.value.id !== id);
        if (change.saved) out.push(change.saved);
      }
      return out;
    },
    [now],
  );

  /**
   * The facilitator's read: every answer (SharePoint lets only the site's owners and each author read
   * them) and, from step 3, the agenda; then the group view is written when it would change.
   */
  const conduct = useCallback(
    async (s: SessionStore, current: SessionSnapshot): Promise<SessionSnapshot> => {
      const state = current.session.value.state;
      const withActions = state === 'step3' || state === 'closed';
      const sources = await s.readForGroup(current.session, { actions: withActions });
      const responses = sources.responses.map((r) => r.value);
      const view = (fresh: Session) => buildGroupView(fresh, responses, sources.actions, now().toISOString());
      let session = sources.session;
      if (!sameGroupView(session.value.group, view(session.value))) {
        const base = session;
        const write = () => s.updateSession(base, (fresh) => ({ ...fresh, group: view(fresh) }));
        try {
          try {
            session = await write();
          } catch (err) {
            // A list made before the group view existed lacks its columns: provisioning adds them (and
            // sets the item-level permissions) once, as an owner's configuration page would.
            if (!(err instanceof BadRequestError) || upgraded.current) throw err;
            upgraded.current = true;
            await s.provision();
            session = await write();
          }
          setGroupError(null);
        } catch (err) {
          // The facilitator still sees the session; the group sees the last view written until the
          // next read writes it (a 412 from the facilitator's other window) or the cause is fixed.
          if (!(err instanceof ConflictError)) setGroupError(describeErrorText(err, locale));
        }
      }
      const actionProblems = withActions ? [] : current.invalid.filter((i) => i.list === 'actions');
      return { ...current, session, responses: sources.responses, actions: sources.actions ?? current.actions, invalid: [...sources.invalid, ...actionProblems] };
    },
    [now, locale],
  );

  /** This person's other frames of the session, which share one reader (./frameShare.ts). */
  const frames = useRef<FrameShare | null>(null);
  /** When this frame, or another frame of this person, last wrote: a read begun earlier is out of date. */
  const lastWriteAt = useRef(0);
  /** When the reading frame last posted what it read. */
  const lastShared = useRef(0);
  /** This frame among the person's frames, for answering another frame's `flush`. */
  const frameId = useRef(`${Math.floor(now().getTime()).toString(36)}-${Math.random().toString(36).slice(2, 10)}`);
  const flushWaiters = useRef(new Map<string, (message: FrameMessage) => void>());
  /**
   * Before a move: the person's other frames save what was typed there (text on the stage, the move
   * pressed in the side panel). Frames that have a field answer `flushing` at once and `flushed` when
   * saved; one that does not answer within FLUSH_ACK_MS has nothing open (or is gone).
   */
  const flushOtherFrames = useCallback(async (): Promise<boolean> => {
    const share = frames.current;
    if (!share) return true;
    const id = `${frameId.current}:${now().getTime()}:${flushWaiters.current.size}`;
    return new Promise<boolean>((resolve) => {
      const saving = new Set<string>();
      let ok = true;
      let acked = false;
      const finish = (result: boolean) => {
        flushWaiters.current.delete(id);
        clearTimeout(ackTimer);
        clearTimeout(limitTimer);
        resolve(result);
      };
      const settle = () => {
        if (acked && saving.size === 0) finish(ok);
      };
      flushWaiters.current.set(id, (message) => {
        if (message.kind === 'flushing') saving.add(message.frame);
        if (message.kind === 'flushed') {
          saving.delete(message.frame);
          ok = ok && message.ok;
          settle();
        }
      });
      const ackTimer = setTimeout(() => {
        acked = true;
        settle();
      }, FLUSH_ACK_MS);
      const limitTimer = setTimeout(() => finish(false), FLUSH_LIMIT_MS);
      share.post({ kind: 'flush', id });
    });
  }, [now]);
  const typed = usePendingTextRegistry(flushOtherFrames);

  const show = useCallback(
    (fresh: SessionSnapshot) => {
      if (fresh.session.etag !== lastChange.current.etag) lastChange.current = { etag: fresh.session.etag, at: now().getTime() };
      snapshotRef.current = fresh;
      setSnapshot(fresh);
      setStatus({ kind: 'ready' });
      setPollError(null);
    },
    [now],
  );

  const read = useCallback(async (): Promise<void> => {
    if (!store || !link) return;
    const started = generation.current;
    const startedAt = now().getTime();
    const current = snapshotRef.current;
    let fresh: SessionSnapshot;
    if (!current || current.session.value.key !== link.key) {
      const early = firstSnapshot.current;
      firstSnapshot.current = null;
      fresh = await (early?.key === link.key ? early.snapshot : store.openSession(link.key, { onlyAnswersOf: me.id }));
      // The facilitator's first screen already shows everyone, and brings the group view up to date.
      if (visibleTo({ id: me.id }, fresh.session.value).facilitatorControls && generation.current === started) fresh = await conduct(store, fresh);
    } else if (visibleTo({ id: me.id }, current.session.value).facilitatorControls) {
      fresh = await conduct(store, current);
    } else {
      polls.current += 1;
      const own = current.responses.find((r) => r.value.participant.id === me.id);
      // Now and then the own answers item too: another device of this person may have saved.
      const both = own && polls.current % OWN_ANSWERS_EVERY === 0 ? await store.pollSessionAndOwn(current.session, own) : null;
      const session = both ? both.session : await store.pollSession(current.session);
      const group = session.value.group;
      const agendaShown = session.value.state === 'step3' || session.value.state === 'closed';
      const responses = both ? current.responses.map((r) => (r.itemId === both.own.itemId ? both.own : r)) : current.responses;
      fresh = { ...current, session, responses, actions: group && agendaShown ? withPending(group.actions) : current.actions };
    }
    if (generation.current !== started || startedAt < lastWriteAt.current) return;
    show(fresh);
    if (frames.current?.leading()) frames.current.post({ kind: 'snapshot', snapshot: fresh, startedAt });
  }, [store, link, me.id, conduct, withPending, now, show]);

  useEffect(() => {
    if (!store || !link) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let running = false;
    let failures = 0;
    const share = shareAcrossFrames(link.key, me.id);
    frames.current = share;
    const interval = () => {
      const conductor = snapshotRef.current !== null && visibleTo({ id: me.id }, snapshotRef.current.session.value).facilitatorControls;
      const quiet = now().getTime() - lastChange.current.at > IDLE_AFTER_MS;
      return Math.round(pollMs * (conductor ? CONDUCTOR_SHARE : 1) * (quiet ? IDLE_FACTOR : 1));
    };
    const tick = async () => {
      timer = null;
      if (cancelled || running) return;
      // Hidden: stop; the visibilitychange listener starts again.
      if (document.visibilityState === 'hidden') return;
      // Another frame of this person reads and posts; this one reads only to start, or when that
      // frame has gone quiet (frozen, or closing) for a few intervals.
      const following = share !== null && !share.leading() && snapshotRef.current !== null && now().getTime() - lastShared.current < 4 * interval();
      if (following) {
        timer = setTimeout(() => void tick(), interval());
        return;
      }
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
      if (!cancelled) timer = setTimeout(() => void tick(), snapshotRef.current === null && isPermanent(error) ? GIVE_UP_MS : nextDelay(interval(), failures, error));
    };
    kick.current = () => {
      if (cancelled || running) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => void tick(), interval());
    };
    share?.onMessage((message) => {
      if (cancelled) return;
      if (message.kind === 'flush') {
        const frame = frameId.current;
        share.post({ kind: 'flushing', id: message.id, frame });
        void typed.flushLocal().then(
          (ok) => share.post({ kind: 'flushed', id: message.id, frame, ok }),
          () => share.post({ kind: 'flushed', id: message.id, frame, ok: false }),
        );
        return;
      }
      if (message.kind === 'flushing' || message.kind === 'flushed') {
        flushWaiters.current.get(message.id)?.(message);
        return;
      }
      if (message.kind === 'wrote') {
        // A write in another frame: reads begun before it are stale here too.
        lastWriteAt.current = Math.max(lastWriteAt.current, message.at);
        generation.current += 1;
        // The other frame's own agenda changes, so this frame's reads do not drop them before the group view has them.
        for (const p of message.pending) pendingActions.current.set(p.id, { saved: p.saved, until: p.until });
        show(message.snapshot);
        return;
      }
      if (message.startedAt < lastWriteAt.current) return;
      lastShared.current = now().getTime();
      show(message.snapshot);
    });
    share?.onLead(() => {
      if (cancelled || running) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => void tick(), 0);
    });
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
      share?.close();
      frames.current = null;
      kick.current = () => undefined;
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('online', onOnline);
    };
  }, [store, link, read, pollMs, me.id, now, show, typed]);

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
        const latest = snapshotRef.current;
        if (latest) {
          const next = apply(latest);
          const at = now().getTime();
          lastWriteAt.current = at;
          snapshotRef.current = next;
          setSnapshot(next);
          const pending = [...pendingActions.current].map(([id, change]) => ({ id, ...change }));
          frames.current?.post({ kind: 'wrote', snapshot: next, at, pending });
        }
        return true;
      } catch (err) {
        setCommandError(err instanceof RefusedChange ? describeRefusal(err.refusal, locale) : describeErrorText(err, locale));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [store, locale, now],
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
      // A move carries the group view for the new state in the same write: the reveal freezes
      // everyone's scores as SharePoint holds them at that moment, read just before.
      transition: (to) =>
        run(async (current, s) => {
          allowed({ kind: 'transition', to }, current.session.value);
          const sources = await s.readForGroup(current.session, { actions: to === 'step3' || to === 'closed' });
          const responses = sources.responses.map((r) => r.value);
          const saved = await s.updateSession(sources.session, (fresh) => {
            const result = transitionRule(fresh, me.id, to);
            if (!result.ok) throw new RefusedChange(result.refusal);
            return { ...result.session, group: buildGroupView(result.session, responses, sources.actions, now().toISOString()) };
          });
          return (prev) => ({ ...prev, session: saved, responses: sources.responses, actions: sources.actions ?? prev.actions });
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
      setDisplay: (display) => guarded({ kind: 'display', display }, (s) => ({ ...s, display })),
      setFollowUp: (followUp) => guarded({ kind: 'followUp' }, (s) => ({ ...s, followUp })),
      setStageFocus: (part, change) => guarded({ kind: 'stageFocus', part }, (s) => ({ ...s, stageFocus: change(s) })),
      saveAction: (action) =>
        run(async (current, s) => {
          const existing = current.actions.find((a) => a.value.id === action.id) ?? null;
          allowed({ kind: 'saveAction', action: existing ? existing.value : null }, current.session.value);
          const saved = await s.saveAction(action, existing);
          pendingActions.current.set(action.id, { saved, until: now().getTime() + PENDING_ACTION_MS });
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
            pendingActions.current.set(actionId, { saved: null, until: now().getTime() + PENDING_ACTION_MS });
          }
          return (prev) => ({ ...prev, actions: prev.actions.filter((a) => a.value.id !== actionId) });
        }),
    };
  }, [updateSession, run, me.id, now]);

  const api = useMemo<SessionApi>(
    () => ({
      status,
      link,
      snapshot,
      store,
      pollError,
      isFacilitator: snapshot !== null && visibleTo({ id: me.id }, snapshot.session.value).facilitatorControls,
      refresh: () =>
        read().then(
          () => kick.current(),
          (err: unknown) => {
            if (snapshotRef.current) setPollError(err);
            else setStatus({ kind: 'failed', error: err });
          },
        ),
      commands,
      groupError,
      commandError,
      clearCommandError: () => setCommandError(null),
      busy,
    }),
    [status, link, snapshot, store, pollError, me.id, read, commands, groupError, commandError, busy],
  );

  return (
    <PendingTextScope registry={typed}>
      <SessionContext.Provider value={api}>{children}</SessionContext.Provider>
    </PendingTextScope>
  );
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}
