// A start-up that failed because Microsoft 365 could not be reached (offline, throttled, a busy
// service) starts again by itself, as the failure screen promises ("wordt verstuurd zodra de
// verbinding terug is"): a person who reloads their side panel during a network blip and looks away
// must not leave their saved-on-this-device answers stuck until someone presses "Opnieuw proberen".
import { GraphLayerError } from '../graph/errors';
import { backoffMs } from '../graph/retryPolicy';
import { browserConnectivity, type Connectivity, type Timers } from '../sync';

/** Only failures that may pass without anyone changing anything are worth starting again for. */
export function isPassingFailure(error: unknown): boolean {
  return error instanceof GraphLayerError && error.transient;
}

export interface StartAgainOptions {
  timers?: Timers;
  /** The browser's online signal; absent outside a browser. */
  connectivity?: Connectivity | null;
  random?: () => number;
}

const browserTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/**
 * Calls `start` once: when the browser says it is online again, or after the backoff for
 * `attempt` (1 for the first failure), whichever comes first. Returns a cancel function.
 */
export function startAgainLater(start: () => void, attempt: number, options: StartAgainOptions = {}): () => void {
  const timers = options.timers ?? browserTimers;
  const connectivity = options.connectivity === undefined ? browserConnectivity() : options.connectivity;
  let done = false;
  const fire = () => {
    if (done) return;
    cancel();
    start();
  };
  const handle = timers.setTimeout(fire, backoffMs(attempt, options.random));
  const unsubscribe = connectivity?.onOnline(fire);
  function cancel() {
    done = true;
    timers.clearTimeout(handle);
    unsubscribe?.();
  }
  return cancel;
}
