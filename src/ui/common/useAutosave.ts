// Typed text saves itself: a short pause after the last keystroke (debounced), on leaving the
// field, before a facilitator's move (./../session/pendingText.tsx) and when the field goes away.
// Its state is a SyncState, so the same indicator as the answers (src/ui/sidepanel/SyncIndicator.tsx)
// says "Opslaan…", "Opgeslagen" or "Niet opgeslagen"; nothing is kept on the device, so a failure
// says so (`kept: false`).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncState } from '../../graph/contracts';
import { useRegisterPendingText } from '../session/pendingText';

export const AUTOSAVE_DELAY_MS = 800;

export interface AutosaveOptions<T> {
  /** The value as SharePoint holds it (what the session snapshot shows). */
  server: T;
  save: (value: T) => Promise<boolean>;
  equal?: (a: T, b: T) => boolean;
  /** A value that must not be saved yet (a date that does not exist): the reason's code, or null. */
  problem?: (value: T) => string | null;
  delayMs?: number;
}

export interface Autosave<T> {
  /** What the field shows: the typed value while it is not yet saved, else the server's. */
  value: T;
  change(next: T): void;
  /** Save what waits now; true when nothing typed is left unsaved. */
  flush(): Promise<boolean>;
  sync: SyncState;
}

export function useAutosave<T>({ server, save, equal = Object.is, problem, delayMs = AUTOSAVE_DELAY_MS }: AutosaveOptions<T>): Autosave<T> {
  const [draft, setDraft] = useState<{ value: T } | null>(null);
  const [sync, setSync] = useState<SyncState>({ kind: 'saved', at: null });
  const draftRef = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const latest = useRef({ save, equal, problem });
  latest.current = { save, equal, problem };

  const setDraftBoth = useCallback((next: { value: T } | null) => {
    draftRef.current = next;
    setDraft(next);
  }, []);

  const saveOnce = useCallback(async (): Promise<boolean> => {
    const waiting = draftRef.current;
    if (waiting === null) return true;
    const reason = latest.current.problem?.(waiting.value) ?? null;
    if (reason !== null) {
      setSync({ kind: 'error', pending: 1, reason, retryAt: null, kept: false });
      return false;
    }
    setSync({ kind: 'saving', pending: 1 });
    const ok = await latest.current.save(waiting.value).catch(() => false);
    if (ok && draftRef.current === waiting) setDraftBoth(null);
    if (!ok) setSync({ kind: 'error', pending: 1, reason: 'unknown', retryAt: null, kept: false });
    else if (draftRef.current === null) setSync({ kind: 'saved', at: null });
    return ok;
  }, [setDraftBoth]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current !== null) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    // One save at a time: wait for the one under way, then save what was typed meanwhile.
    for (let round = 0; round < 3; round += 1) {
      if (inFlight.current) await inFlight.current;
      if (draftRef.current === null) return true;
      const run = saveOnce();
      inFlight.current = run;
      const ok = await run.finally(() => {
        if (inFlight.current === run) inFlight.current = null;
      });
      if (!ok) return false;
    }
    return draftRef.current === null;
  }, [saveOnce]);

  const change = useCallback(
    (next: T) => {
      if (latest.current.equal(next, server) && inFlight.current === null) {
        setDraftBoth(null);
        if (timer.current !== null) clearTimeout(timer.current);
        timer.current = null;
        setSync({ kind: 'saved', at: null });
        return;
      }
      setDraftBoth({ value: next });
      setSync({ kind: 'saving', pending: 1 });
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        void flush();
      }, delayMs);
    },
    [server, delayMs, flush, setDraftBoth],
  );

  useRegisterPendingText(flush);

  // A field that goes away (the step moved on elsewhere) still saves what was typed in it.
  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(
    () => () => {
      if (draftRef.current !== null) void flushRef.current();
    },
    [],
  );

  return { value: draft ? draft.value : server, change, flush, sync };
}
