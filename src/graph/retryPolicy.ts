// One retry policy for single requests (the SDK's RetryHandler) and for $batch sub-requests, which
// the SDK does not retry (json-batching: throttled sub-requests come back as 429 inside a 200).
import { RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { parseRetryAfterMs } from './errors';

/** Seconds the SDK waits before its first retry when Graph sends no Retry-After. */
export const RETRY_DELAY_SECONDS = 1;
/** The SDK caps this at 10. */
export const RETRY_MAX_RETRIES = 5;
/** Attempts for one $batch sub-request, the first send included. */
export const BATCH_MAX_ATTEMPTS = 8;
/** Fallback when Retry-After is missing or unreadable (browsers may not expose it through CORS). */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 30_000;
/** Statuses worth sending again unchanged: throttling and transient service failures. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

export function createRetryHandlerOptions(): RetryHandlerOptions {
  return new RetryHandlerOptions(RETRY_DELAY_SECONDS, RETRY_MAX_RETRIES);
}

/**
 * For a request that creates something (or a $batch carrying such a request): only a 429 is sent
 * again. Graph rejects a throttled request before carrying it out (throttling: "requests are
 * rejected"), but a 503 or 504 may arrive after the change was committed (a gateway timing out on
 * the answer), and sending a POST again then makes a second task. The caller looks before it retries.
 */
export function createRetryOnlyThrottledOptions(): RetryHandlerOptions {
  return new RetryHandlerOptions(RETRY_DELAY_SECONDS, RETRY_MAX_RETRIES, (_delay, _attempt, _request, _options, response) => response.status === 429);
}

/** Statuses after which a create may or may not have been carried out. */
export const UNCERTAIN_STATUSES: ReadonlySet<number> = new Set([503, 504]);

/** Exponential backoff with a little jitter, for when the server gives no usable Retry-After. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const exp = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.8 + 0.4 * random()));
}

/** How long to wait before attempt `attempt + 1`: the server's Retry-After when readable, else backoff. */
export function retryDelayMs(retryAfter: string | null | undefined, attempt: number, random: () => number = Math.random, now: number = Date.now()): number {
  const fromServer = parseRetryAfterMs(retryAfter, now);
  if (fromServer !== null) return Math.min(fromServer, BACKOFF_MAX_MS);
  return backoffMs(attempt, random);
}
