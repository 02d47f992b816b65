// Who starts first when a meeting opens the app twice at once. A participant who joins while the app
// is on the stage gets the stage and their side panel in the same moment, and Teams runs both frames
// of the app's origin on one main thread: each parses React, Fluent UI, teams-js and MSAL and renders,
// so each start made the other slower. The side panel holds the person's own input; the stage is the
// group's view, which nobody types into. So the side panel goes first:
//
// - every frame that is not the stage holds a shared Web Lock (START_LOCK) from its first line until
//   it has shown what it loaded (or START_HELD_AT_MOST_MS);
// - a page loaded from the URL the app shares to the stage (sessionUrl(…, 'stage')) waits for the
//   browser's first idle moment, by which a side panel loading beside it has taken the lock, and then
//   for that lock; STAGE_WAITS_AT_MOST_MS after it loaded it starts regardless.
//
// Web Locks are shared by the pages of one origin in one browser profile and storage partition
// (https://developer.mozilla.org/docs/Web/API/Web_Locks_API): the side panel and the stage of one
// Teams client, not the frames of other participants. Idle moments are the browser's own
// (https://developer.mozilla.org/docs/Web/API/Window/requestIdleCallback). A browser without either
// skips that part of the wait. Measured with bench:load (README, "Benchmarks": the stage's turn).
import { sharedToStage } from '../ui/session/location';

/** The lock a starting frame holds; the stage's start waits for it. */
export const START_LOCK = 'gesprekstool-start';

/** The longest a stage waits for its turn, in all: it still shows within a few seconds on a busy machine. */
export const STAGE_WAITS_AT_MOST_MS = 2_000;

/** How long the stage waits for an idle moment before it asks for the lock anyway. */
export const IDLE_WAIT_AT_MOST_MS = 1_000;

/** The longest a frame holds the lock: one that hangs (a sign-in window, a lost connection) lets the stage go. */
export const START_HELD_AT_MOST_MS = 2_000;

/** What the turn needs from the browser; WebKit (Teams on macOS) has no requestIdleCallback. */
export interface TurnBrowser {
  requestIdleCallback?: (callback: () => void, options: { timeout: number }) => unknown;
  setTimeout: (callback: () => void, ms: number) => unknown;
  locks?: Pick<LockManager, 'request'>;
}

function browserTurns(): TurnBrowser {
  return {
    ...(typeof window.requestIdleCallback === 'function' ? { requestIdleCallback: (callback, options) => window.requestIdleCallback(callback, options) } : {}),
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    ...(typeof navigator.locks?.request === 'function' ? { locks: navigator.locks } : {}),
  };
}

/** Resolves when this page may start: at once, or for the stage once a side panel beside it has started. */
export function startTurn(url: URL, browser: TurnBrowser = browserTurns()): Promise<void> {
  if (!sharedToStage(url)) return Promise.resolve();
  return new Promise((resolve) => {
    const abort = new AbortController();
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      abort.abort();
      resolve();
    };
    browser.setTimeout(start, STAGE_WAITS_AT_MOST_MS);
    const afterIdle = () => {
      const { locks } = browser;
      if (!locks) return start();
      // Granted when no frame holds the lock any more; released at once, since the stage holds nothing.
      // Refused (a frame without storage), or throwing where it should reject: the stage starts now.
      requestLock(() => locks.request(START_LOCK, { mode: 'exclusive', signal: abort.signal }, () => start())).catch(start);
    };
    if (typeof browser.requestIdleCallback === 'function') browser.requestIdleCallback(afterIdle, { timeout: IDLE_WAIT_AT_MOST_MS });
    // Without idle callbacks: after the tasks already queued (the side panel's scripts among them).
    else browser.setTimeout(afterIdle, 0);
  });
}

/**
 * A frame that is not the stage holds the start lock until `shown` settles (or START_HELD_AT_MOST_MS),
 * so a stage loading beside it starts after it. The frame itself does not wait for the lock.
 */
export function holdTurn(url: URL, shown: Promise<unknown>, browser: TurnBrowser = browserTurns()): void {
  const { locks } = browser;
  if (sharedToStage(url) || !locks) return;
  const atMost = new Promise<void>((resolve) => browser.setTimeout(resolve, START_HELD_AT_MOST_MS));
  const settled = shown.then(
    () => undefined,
    () => undefined,
  );
  // A refused or throwing request holds nothing back: the frame starts regardless, the stage at its idle moment.
  requestLock(() => locks.request(START_LOCK, { mode: 'shared' }, () => Promise.race([settled, atMost]))).catch(() => undefined);
}

/**
 * The request's promise, or a rejected one where the request threw. The specification rejects (a
 * frame refused storage gets a SecurityError, https://w3c.github.io/web-locks/#dom-lockmanager-request),
 * but a throw here would leave a side panel blank, since src/main.tsx asks first of all.
 */
function requestLock(request: () => Promise<unknown>): Promise<unknown> {
  try {
    return request();
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Settles once `data` has settled and the browser has painted what it rendered from it. */
export function shownAfter(data: Promise<unknown>): Promise<void> {
  const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return data.then(painted, painted);
}
