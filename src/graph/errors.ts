// Typed errors at the Graph boundary. The UI turns `code` into one Dutch sentence; nothing above
// src/graph ever inspects a GraphError or an HTTP status.
import { GraphError } from '@microsoft/microsoft-graph-client';

export type GraphErrorCode =
  | 'conflict'
  | 'throttled'
  | 'notFound'
  | 'accessDenied'
  | 'limitExceeded'
  | 'invalidItem'
  | 'textTooLong'
  | 'offline'
  | 'badRequest'
  | 'service'
  | 'consentRequired'
  | 'signInRefused'
  | 'missingLoginHint'
  | 'signInWindow'
  | 'publishBusy'
  | 'notSiteOwner';

export abstract class GraphLayerError extends Error {
  abstract readonly code: GraphErrorCode;
  /** Worth trying again later without changing anything (throttling, network, 5xx). */
  readonly transient: boolean = false;
  constructor(message: string, readonly graphCode: string | null = null, readonly status: number | null = null) {
    super(message);
    this.name = new.target.name;
  }
}

export class ConflictError extends GraphLayerError {
  readonly code = 'conflict' as const;
  constructor(message: string, readonly fields: string[] = [], graphCode: string | null = null, status: number | null = 412) {
    super(message, graphCode, status);
  }
}

export class ThrottledError extends GraphLayerError {
  readonly code = 'throttled' as const;
  override readonly transient = true;
  constructor(message: string, readonly retryAfterMs: number | null, status = 429) {
    super(message, null, status);
  }
}

export class NotFoundError extends GraphLayerError {
  readonly code = 'notFound' as const;
}

export class AccessDeniedError extends GraphLayerError {
  readonly code = 'accessDenied' as const;
}

/** Planner's documented limits (20 assignees, 200 buckets, 9,000 tasks …) answer 403 with a specific code. */
export class LimitExceededError extends GraphLayerError {
  readonly code = 'limitExceeded' as const;
}

export class InvalidItemError extends GraphLayerError {
  readonly code = 'invalidItem' as const;
  constructor(
    readonly list: 'sessions' | 'answers' | 'actions',
    readonly itemId: string,
    readonly field: string,
    message: string,
    /** The list's title in SharePoint, to name it to a person ("Gesprekstool antwoorden"). */
    readonly listDisplayName: string | null = null,
  ) {
    super(`${list} item ${itemId}: ${field}: ${message}`);
  }
}

export class TextTooLongError extends GraphLayerError {
  readonly code = 'textTooLong' as const;
  constructor(readonly field: string, readonly limit: number, readonly length: number) {
    super(`${field} holds ${length} characters; SharePoint allows ${limit}`);
  }
}

export class OfflineError extends GraphLayerError {
  readonly code = 'offline' as const;
  override readonly transient = true;
}

export class BadRequestError extends GraphLayerError {
  readonly code = 'badRequest' as const;
}

export class ServiceError extends GraphLayerError {
  readonly code = 'service' as const;
  override readonly transient = true;
}

/**
 * Signing in failed before any request was sent: nobody consented to a scope, Entra refused the person,
 * the host named nobody, or Teams' sign-in window did not open or was closed. Not transient: trying
 * again changes nothing until someone acts (for the window: presses "Aanmelden").
 */
export class SignInError extends GraphLayerError {
  constructor(
    readonly code: 'consentRequired' | 'signInRefused' | 'missingLoginHint' | 'signInWindow',
    message: string,
  ) {
    super(message);
  }
}

/** The token providers' error names (src/auth/errors.ts), which the Graph client keeps as GraphError.code. */
const SIGN_IN_ERRORS: Record<string, SignInError['code']> = {
  ConsentRequiredError: 'consentRequired',
  SignInRefusedError: 'signInRefused',
  MissingLoginHintError: 'missingLoginHint',
  SignInWindowError: 'signInWindow',
};

/**
 * A create whose answer was lost (504, 503, a dropped connection): it may or may not have been carried
 * out. Never sent again blindly; the caller looks for what it may have made first.
 */
export class OutcomeUnknownError extends ServiceError {
  constructor(message: string, readonly original: GraphLayerError | null = null) {
    super(message, original?.graphCode ?? null, original?.status ?? null);
  }
}

/**
 * The signed-in person cannot create the lists on the site or set their item-level permissions: that
 * takes Manage Lists, which a site's owners have and its members and visitors do not.
 */
export class NotSiteOwnerError extends GraphLayerError {
  readonly code = 'notSiteOwner' as const;
  constructor(readonly siteUrl: string) {
    super(`not an owner of ${siteUrl} (no Manage Lists)`, null, 403);
  }
}

/** Someone else is publishing the same session to Planner (their claim on the session item holds until `until`). */
export class PublishBusyError extends GraphLayerError {
  readonly code = 'publishBusy' as const;
  constructor(
    readonly by: string,
    readonly until: string,
  ) {
    super(`${by} is publishing this session until ${until}`);
  }
}

const PLANNER_LIMIT_CODES = /^Maximum|LimitExceeded|QuotaExceeded/i;

/** Graph answers a status and an optional `{ error: { code, message } }`; this is the one place that reads them. */
export function errorFromStatus(status: number, graphCode: string | null, message: string, retryAfterMs: number | null = null): GraphLayerError {
  const text = message || graphCode || `HTTP ${status}`;
  if (status === 409 || status === 412) return new ConflictError(text, [], graphCode, status);
  if (status === 429) return new ThrottledError(text, retryAfterMs, status);
  if (status === 404) return new NotFoundError(text, graphCode, status);
  if (status === 403 && graphCode && PLANNER_LIMIT_CODES.test(graphCode)) return new LimitExceededError(text, graphCode, status);
  if (status === 401 || status === 403) return new AccessDeniedError(text, graphCode, status);
  if (status === 503 || status === 504) return new ThrottledError(text, retryAfterMs, status);
  if (status >= 500) return new ServiceError(text, graphCode, status);
  if (status <= 0) return new OfflineError(text, graphCode, null);
  return new BadRequestError(text, graphCode, status);
}

function isNetworkFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return err.name === 'TypeError' || /fetch failed|failed to fetch|network|ECONNREFUSED|ECONNRESET/i.test(`${err.message} ${String((err as { cause?: unknown }).cause ?? '')}`);
}

/** Whatever the SDK or fetch threw, as a GraphLayerError (already-typed errors pass through). */
export function toGraphLayerError(err: unknown, retryAfterMs: number | null = null): GraphLayerError {
  if (err instanceof GraphLayerError) return err;
  if (err instanceof GraphError) {
    // A token provider's failure reaches us wrapped, its name as `code` and its text as `body`.
    const signIn = err.statusCode <= 0 && err.code ? SIGN_IN_ERRORS[err.code] : undefined;
    if (signIn) return new SignInError(signIn, typeof err.body === 'string' ? err.body : err.message);
    // The SDK reports a failed fetch as statusCode -1 with the TypeError's name as code (GraphErrorHandler.constructError).
    if (err.statusCode <= 0) return new OfflineError(err.message || String(err.body ?? 'fetch failed'), err.code ?? null, null);
    const header = err.headers?.get?.('Retry-After') ?? null;
    return errorFromStatus(err.statusCode, err.code ?? null, err.message, retryAfterMs ?? (header === null ? null : parseRetryAfterMs(header)));
  }
  if (err instanceof Error && SIGN_IN_ERRORS[err.name]) return new SignInError(SIGN_IN_ERRORS[err.name] ?? 'signInRefused', err.message);
  if (isNetworkFailure(err)) return new OfflineError((err as Error).message);
  return new ServiceError(err instanceof Error ? err.message : String(err));
}

/** `Retry-After` is seconds (Graph $batch sends fractions like 0.249) or an HTTP date; null when unreadable. */
export function parseRetryAfterMs(value: string | null | undefined, now: number = Date.now()): number | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const seconds = Number(trimmed);
  if (Number.isFinite(seconds)) return seconds < 0 ? null : Math.round(seconds * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
