// Text typed on a surface and not yet saved (a debounced autosave still waiting): a facilitator's
// move first asks every such field to save now and waits for it, so a move never discards what was
// typed. Fields register a flush; the move list calls `flushPendingText()` before it moves.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';

/** Saves what is waiting now; resolves false when it could not be saved (the move then waits). */
export type Flush = () => Promise<boolean>;

interface PendingText {
  register(flush: Flush): () => void;
  flushAll(): Promise<boolean>;
}

const PendingTextContext = createContext<PendingText | null>(null);

export function PendingTextProvider({ children }: { children: ReactNode }) {
  const flushes = useRef(new Set<Flush>());
  const value = useMemo<PendingText>(
    () => ({
      register(flush) {
        flushes.current.add(flush);
        return () => void flushes.current.delete(flush);
      },
      async flushAll() {
        const results = await Promise.all([...flushes.current].map((flush) => flush()));
        return results.every(Boolean);
      },
    }),
    [],
  );
  return <PendingTextContext.Provider value={value}>{children}</PendingTextContext.Provider>;
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
