// What every surface gets from start-up, through one React context: the tests hand in fakes here.
import { createContext, useContext, type ReactNode } from 'react';
import type { AppConfig } from '../../app/config';
import type { Instrument } from '../../domain/instrument';
import type { RandomBytes } from '../../domain/randomSource';
import type { GraphServices, SignedInUser } from '../../graph/contracts';
import type { DraftStorage } from '../../sync';
import type { Host } from '../../teams';
import type { Locale } from '../i18n';

export interface AppServices {
  host: Host;
  config: AppConfig;
  graph: GraphServices;
  /** The signed-in person, from GET /me. */
  me: SignedInUser;
  instrument: Instrument;
  locale: Locale;
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
