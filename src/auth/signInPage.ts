// What our sign-in page does in Teams' authentication window: MSAL's redirect flow at the tenant's own
// authority, for exactly the scopes the tab asked (learn.microsoft.com/entra/identity-platform/
// scenario-spa-acquire-token). The window is a top-level page, so MSAL's cache (localStorage) survives
// the redirect and serves a later window for other scopes without asking Entra again where it can.
import { CacheLookupPolicy, PublicClientApplication, type AuthenticationResult, type Configuration } from '@azure/msal-browser';
import type { AppConfig } from '../app/config';
import type { DialogFailure, DialogToken } from './dialogTokenProvider';
import type { AuthErrorLike } from './errors';

type NaaAuth = Extract<AppConfig['auth'], { mode: 'naa' }>;

export type SignInOutcome = { done: true; token: DialogToken } | { done: false };

/** The page's own address without query or fragment: the registered SPA redirect URI. */
export function redirectUriOf(location: URL): string {
  return `${location.origin}${location.pathname}`;
}

/**
 * MSAL's configuration. Locally (`identityEndpoints`) MSAL is handed the emulator's endpoints as the
 * authority's metadata (MSAL's documented `authorityMetadata` option, which skips discovery), so the
 * authority stays Entra's tenant-specific URL and nothing else changes.
 */
export function msalConfiguration(auth: NaaAuth, redirectUri: string): Configuration {
  const endpoints = auth.identityEndpoints;
  return {
    auth: {
      clientId: auth.clientId,
      authority: auth.authority,
      redirectUri,
      ...(endpoints
        ? {
            knownAuthorities: [new URL(auth.authority).host],
            authorityMetadata: JSON.stringify({
              authorization_endpoint: endpoints.authorize,
              token_endpoint: endpoints.token,
              issuer: `${auth.authority}/v2.0`,
              jwks_uri: `${auth.authority}/discovery/v2.0/keys`,
              end_session_endpoint: `${auth.authority}/oauth2/v2.0/logout`,
            }),
          }
        : {}),
    },
    cache: { cacheLocation: 'localStorage' },
  };
}

function tokenOf(result: AuthenticationResult): DialogToken {
  return { accessToken: result.accessToken, expiresOn: result.expiresOn?.getTime() ?? Date.now(), scopes: result.scopes };
}

export function failureOf(error: unknown): DialogFailure {
  const e = (error && typeof error === 'object' ? error : {}) as AuthErrorLike;
  return {
    errorCode: e.errorCode || 'sign_in_failed',
    ...(e.subError ? { subError: e.subError } : {}),
    errorMessage: e.errorMessage || e.message || String(error),
  };
}

/**
 * Coming back from Entra: the token. Opened by the tab: a token from MSAL's cache if it has one for
 * these scopes, else off to Entra (the page navigates away; `done: false`).
 */
export async function signInInWindow(auth: NaaAuth, location: URL): Promise<SignInOutcome> {
  const app = new PublicClientApplication(msalConfiguration(auth, redirectUriOf(location)));
  await app.initialize();
  const returned = await app.handleRedirectPromise();
  if (returned) return { done: true, token: tokenOf(returned) };
  const scopes = (location.searchParams.get('scopes') ?? '').split(' ').filter(Boolean);
  const loginHint = location.searchParams.get('loginHint') ?? undefined;
  const account = app.getAllAccounts().find((a) => loginHint !== undefined && a.username.toLowerCase() === loginHint.toLowerCase());
  if (account) {
    // From the cache or with a refresh token only: MSAL's hidden-iframe renewal would load this page in
    // an iframe, which is not what it is for; Entra answers the redirect below without a prompt anyway.
    try {
      return { done: true, token: tokenOf(await app.acquireTokenSilent({ scopes, account, cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken })) };
    } catch {
      // Nothing usable cached (no_tokens_found, token_refresh_required, …): Entra decides below.
    }
  }
  await app.acquireTokenRedirect({ scopes, loginHint });
  return { done: false };
}
