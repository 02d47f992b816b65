// What every surface gets from start-up, through one React context: the tests hand in fakes here.
import { createContext, useContext, type ReactNode } from 'react';
import type { AppBoot } from '../../app/bootstrap';
import type { RandomBytes } from '../../domain/randomSource';
import type { DraftStorage } from '../../sync';

/** What start-up found (host, configuration, Graph, the signed-in person from GET /me, instrument, locale), plus: */
export interface AppServices extends AppBoot {
  now: () => Date;
  random: RandomBytes;
  /** Local drafts of own answers; null where the browser blocks storage. */
  storage: DraftStorage | null;
  /** The frame's own URL: the tab's contentUrl with the session's place in it. */
  url: URL;
  /** Milliseconds between session reads while the document is visible. */
  pollMs?: number;
}

const AppServicesContext = createContext<AppServices | null>(null);

export function AppServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <AppServicesContext.Provider value={services}>{children}</AppServicesContext.Provider>;
}

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useAppServices outside AppServicesProvider');
  return services;
}

/** localStorage, or null when the browser refuses it (private mode, blocked third-party storage in a frame). */
export function browserStorage(): DraftStorage | null {
  try {
    const storage = window.localStorage;
    const probe = 'gesprekstool:probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}
