// Stands in, in the app's bundle only, for @azure/msal-browser's StandardController (webpack.config.js,
// omitMsalStandardController). The app signs in through nested app auth (src/auth/naaTokenProvider.ts),
// whose controller is NestedAppAuthController; `createNestablePublicClientApplication` reaches the
// standard controller only when the host turns out to offer no bridge, and `PublicClientApplication`'s
// constructor names it for when no controller is passed. Bundled, it and its interaction clients
// (redirect, popup, silent iframe, native broker) were more than half of the MSAL every surface parses
// before its first Graph call. Where the standard flow is needed, Teams' authentication window opens
// auth.html, a compilation of its own with the whole of MSAL (src/auth/signInPage.ts); a host that
// recommends NAA without offering its bridge gets that window too (createTokenProvider, src/auth/index.ts).

/** Thrown where MSAL would have built its standard controller: nested app auth was expected but the host offers no bridge. */
export class NestedAppAuthUnavailableError extends Error {
  override readonly name = 'NestedAppAuthUnavailableError';
  readonly code = 'nestedAppAuthUnavailable' as const;
  constructor() {
    super("the host recommended nested app auth but offers no bridge; the app's bundle has no other MSAL flow (auth.html has)");
  }
}

export class StandardController {
  constructor() {
    throw new NestedAppAuthUnavailableError();
  }
}
