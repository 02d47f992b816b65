// What a page can know about itself before teams-js has loaded, to fetch its surface's page and its
// instrument beside the start-up scripts instead of after the host has answered (one more round trip
// on every start). Two sources: the stage URL the app shared (on=stage), and the frame context and
// locale Teams filled into a configured tab's contentUrl (tabContentUrl). Only what to fetch early
// depends on them: the host's own context still decides what is shown and in which language, and a
// hint the host contradicts, or a placeholder it left unfilled, costs at most one unused download.
import { surfaceFromFrameContext } from '../teams/contextMapping';
import type { Surface } from '../teams/host';
import { localeFromHost, type Locale } from '../ui/i18n/locale';
import { contextInUrl, sharedToStage } from '../ui/session/location';

/** Teams' frame contexts the app has a page for (`content` is every tab, the phone's meeting tab included). */
const KNOWN_FRAMES = new Set(['sidePanel', 'meetingStage', 'content', 'settings']);

export interface StartHints {
  surface: Surface | null;
  locale: Locale | null;
}

export function startHints(url: URL): StartHints {
  const filled = contextInUrl(url);
  const surface = sharedToStage(url) ? 'stage' : filled.frameContext && KNOWN_FRAMES.has(filled.frameContext) ? surfaceFromFrameContext(filled.frameContext) : null;
  return { surface, locale: filled.locale ? localeFromHost(filled.locale) : null };
}
