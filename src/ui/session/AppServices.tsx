// What every surface gets from start-up, through one React context: the tests hand in fakes here.
import { createContext, useContext, type ReactNode } from 'react';
import type { AppBoot } from '../../app/bootstrap';
import type { RandomBytes } from '../../domain/randomSource';
import { browserDraftStorage, type DraftStorage } from '../../sync';

/** What start-up found (host, configuration, Graph, the signed-in person from GET /me, instrument, locale), plus: */
export interface AppServices extends AppBoot {
  now: () => Date;
  random: RandomBytes;
  /** Local drafts of own answers, kept until SharePoint has them; null keeps none. */
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

/** The page's draft storage: IndexedDB, else localStorage, else memory (src/sync/draftStorage.ts). */
export function browserStorage(): DraftStorage {
  return browserDraftStorage();
}
