// Picks the host the app runs in. Inside a frame the parent is Teams (or the meeting simulator);
// teams-js is loaded only then, because at import it starts fetching its list of valid origins
// from a CDN, which a page outside Teams has no use for.
import type { Host } from './host';
import { createStandaloneHost } from './standaloneHost';

let hostPromise: Promise<Host> | null = null;

function isFramed(win: Window): boolean {
  try {
    return win.parent !== win;
  } catch {
    // A cross-origin parent can make even the comparison throw in old engines: that is a frame too.
    return true;
  }
}

/**
 * The host for this page, created once. Inside a frame it resolves after `app.initialize()`, so
 * sign-in (MSAL nested app auth) may be set up as soon as it resolves.
 */
export function createHost(win: Window = window): Promise<Host> {
  hostPromise ??= isFramed(win)
    ? import(/* webpackChunkName: "teams-host" */ './teamsHost').then(({ createTeamsHost }) => createTeamsHost())
    : Promise.resolve(createStandaloneHost(win));
  return hostPromise;
}

/** The same host `createHost()` creates; for code that must wait for it without creating it twice. */
export function whenHostReady(): Promise<Host> {
  return createHost();
}
