// The inspiration library (both languages, ~50 KB of JSON) is its own chunk, fetched when a theme of
// stap 2 is opened: the side panel is usable long before anyone looks at examples.
import { useEffect, useState } from 'react';

type InspirationModule = typeof import('../../domain/inspiration');

let library: Promise<InspirationModule> | null = null;
let loaded: InspirationModule | null = null;

function loadInspirationModule(): Promise<InspirationModule> {
  library ??= import(/* webpackChunkName: "inspiration" */ '../../domain/inspiration').then(
    (module) => (loaded = module),
    (err: unknown) => {
      library = null;
      throw err;
    },
  );
  return library;
}

/** The inspiration module once fetched; null while it is on its way (or when it could not be fetched). */
export function useInspiration(): InspirationModule | null {
  const [module, setModule] = useState<InspirationModule | null>(loaded);
  useEffect(() => {
    if (module) return;
    let cancelled = false;
    loadInspirationModule().then(
      (m) => {
        if (!cancelled) setModule(m);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [module]);
  return module;
}
