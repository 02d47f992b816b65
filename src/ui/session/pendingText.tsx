// Text typed on a surface and not yet saved (a debounced autosave still waiting): a facilitator's
// move first asks every such field to save now and waits for it, so a move never discards what was
// typed. Fields register a flush; the move list calls `flushPendingText()` before it moves. The
// person's other frames of the session (a move in the side panel, text typed on the stage) are asked
// too: SessionProvider passes `others`, which reaches them through ./frameShare.ts.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';

/** Saves what is waiting now; resolves false when it could not be saved (the move then waits). */
export type Flush = () => Promise<boolean>;

interface PendingText {
  register(flush: Flush): () => void;
  flushAll(): Promise<boolean>;
}

const PendingTextContext = createContext<PendingText | null>(null);

/** This frame's fields with a flush; `flushLocal` saves theirs only (what another frame asks for). */
export interface PendingTextRegistry {
  context: PendingText;
  flushLocal(): Promise<boolean>;
}

/** `others`: saves what the person's other frames have waiting; true when nothing is left there. */
export function usePendingTextRegistry(others?: () => Promise<boolean>): PendingTextRegistry {
  const flushes = useRef(new Set<Flush>());
  const othersRef = useRef(others);
  othersRef.current = others;
  return useMemo<PendingTextRegistry>(() => {
    const flushLocal = async () => (await Promise.all([...flushes.current].map((flush) => flush()))).every(Boolean);
    return {
      flushLocal,
      context: {
        register(flush) {
          flushes.current.add(flush);
          return () => void flushes.current.delete(flush);
        },
        async flushAll() {
          const results = await Promise.all([flushLocal(), othersRef.current ? othersRef.current() : Promise.resolve(true)]);
          return results.every(Boolean);
        },
      },
    };
  }, []);
}

export function PendingTextScope({ registry, children }: { registry: PendingTextRegistry; children: ReactNode }) {
  return <PendingTextContext.Provider value={registry.context}>{children}</PendingTextContext.Provider>;
}


/** Registers this field's flush for as long as it is mounted (no-op outside a PendingTextProvider). */
export function useRegisterPendingText(flush: Flush): void {
  const registry = useContext(PendingTextContext);
  const latest = useRef(flush);
  latest.current = flush;
  useEffect(() => registry?.register(() => latest.current()), [registry]);
}

/** Saves every field's waiting text; true when nothing is left unsaved. */
export function useFlushPendingText(): () => Promise<boolean> {
  const registry = useContext(PendingTextContext);
  return useCallback(() => (registry ? registry.flushAll() : Promise.resolve(true)), [registry]);
}
