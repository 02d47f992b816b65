// Who starts first when a meeting opens the app twice at once. A participant who joins while the app
// is on the stage gets the stage and their side panel in the same moment, and Teams runs both frames
// of the app's origin on one main thread: each parses React, Fluent UI, teams-js and MSAL and renders,
// so each start made the other slower. The side panel holds the person's own input; the stage is the
// group's view, which nobody types into. So a page loaded from the URL the app shares to the stage
// (sessionUrl(…, 'stage')) waits until the browser has an idle moment, or STAGE_WAITS_AT_MOST_MS at
// the latest, before it starts; every other frame starts at once.
//
// The idle moment is the browser's own (https://developer.mozilla.org/docs/Web/API/Window/requestIdleCallback):
// alone on the thread, the stage starts at the first one, a frame later; beside a side panel that
// is starting, when that one waits for the network or is done. Measured with bench:load (a cold
// side panel beside a cold stage), the side panel became interactive 150–210 ms sooner at 150 ms
// Graph latency and 40–65 ms at 0 ms; the stage showed its heading 40–90 ms later (README).
import { sharedToStage } from '../ui/session/location';

/** The longest a stage waits for its turn: it still shows within a second or so on a busy machine. */
export const STAGE_WAITS_AT_MOST_MS = 1_000;

/** What the wait needs from the browser; WebKit (Teams on macOS) has no requestIdleCallback. */
export interface IdleScheduler {
  requestIdleCallback?: (callback: () => void, options: { timeout: number }) => unknown;
  setTimeout: (callback: () => void, ms: number) => unknown;
}

/** Resolves when this page may start: at once, or for the stage at the browser's next idle moment. */
export function startTurn(url: URL, scheduler: IdleScheduler = window): Promise<void> {
  if (!sharedToStage(url)) return Promise.resolve();
  return new Promise((resolve) => {
    if (typeof scheduler.requestIdleCallback === 'function') scheduler.requestIdleCallback(() => resolve(), { timeout: STAGE_WAITS_AT_MOST_MS });
    // Without idle callbacks: after the tasks already queued (the side panel's scripts among them).
    else scheduler.setTimeout(() => resolve(), 0);
  });
}
