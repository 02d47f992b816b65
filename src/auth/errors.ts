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
