// Sign-in failures as typed errors. The Graph client wraps whatever a token provider throws into a
// GraphError whose `code` is the error's `name` (GraphErrorHandler.constructError), so each class has
// a distinct name that src/graph/errors.ts turns back into a typed GraphLayerError.

export class MissingLoginHintError extends Error {
  override readonly name = 'MissingLoginHintError';
  readonly code = 'missingLoginHint' as const;
  constructor() {
    super('the host context names no user to sign in as');
  }
}

/** The app asked for a scope nobody consented to (Entra's AADSTS65001, MSAL's `consent_required`). */
export class ConsentRequiredError extends Error {
  override readonly name = 'ConsentRequiredError';
  readonly code = 'consentRequired' as const;
  constructor(
    readonly scopes: readonly string[],
    detail: string,
  ) {
    super(`consent required for ${scopes.join(' ')}: ${detail}`);
  }
}

/** Entra refused to sign the person in (unknown or disabled account, AADSTS50034/50057, …). */
export class SignInRefusedError extends Error {
  override readonly name = 'SignInRefusedError';
  readonly code = 'signInRefused' as const;
  constructor(
    /** The OAuth error (`invalid_grant` …); not named `error`, which the Graph client would read as a Graph error body. */
    readonly oauthError: string,
    readonly aadsts: number | null,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * Teams' authentication window did not sign the person in: it could not be opened (`FailedToOpenWindow`:
 * a browser opens a window only in answer to a click, and Teams' guide starts the flow from a sign-in
 * button, learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/auth-flow-tab) or the
 * person closed it (`CancelledByUser`). Nobody refused anything: a press on "Aanmelden" opens it again.
 */
export class SignInWindowError extends Error {
  override readonly name = 'SignInWindowError';
  readonly code = 'signInWindow' as const;
  constructor(readonly reason: 'blocked' | 'closed') {
    super(reason === 'blocked' ? "Teams' sign-in window could not be opened without a click" : "Teams' sign-in window was closed before signing in");
  }
}

/** Teams' own reasons for an authentication window that signed nobody in (teams-js authentication.authenticate). */
export const WINDOW_NOT_OPENED = 'FailedToOpenWindow';
export const WINDOW_CLOSED = 'CancelledByUser';

/** Entra's AADSTS codes for a person who may not sign in here (unknown, disabled, from another tenant). */
const REFUSED_SIGN_IN = new Set([50020, 50034, 50053, 50057, 50058]);

/**
 * The fields MSAL's errors carry (AuthError: errorCode, errorMessage, subError), read without importing
 * MSAL, so the NAA provider and the sign-in dialog share one translation into the typed errors above.
 */
export interface AuthErrorLike {
  errorCode?: string;
  errorMessage?: string;
  subError?: string;
  message?: string;
}

/**
 * A consent refusal (AADSTS65001 / suberror `consent_required`, "Handle errors and exceptions in MSAL.js",
 * learn.microsoft.com/entra/identity-platform/msal-error-handling-js) becomes ConsentRequiredError, a refused
 * account SignInRefusedError; anything else is returned as it was.
 */
export function typedSignInError(error: unknown, scopes: readonly string[]): unknown {
  if (!error || typeof error !== 'object') return error;
  const e = error as AuthErrorLike;
  const description = e.errorMessage || e.message || e.errorCode || 'sign-in failed';
  const text = `${e.errorCode ?? ''} ${e.subError ?? ''} ${description}`;
  if (/\bconsent_required\b|AADSTS65001\b/.test(text)) return new ConsentRequiredError(scopes, description);
  const aadsts = /AADSTS(\d+)/.exec(text);
  const code = aadsts ? Number(aadsts[1]) : null;
  if (code !== null && REFUSED_SIGN_IN.has(code)) return new SignInRefusedError(e.errorCode || 'invalid_grant', code, description);
  return error;
}
