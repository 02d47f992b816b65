// Sign-in: one TokenProvider whatever the host. The user's identity always comes from GET /me with
// the token, never from the Teams context (which only gives a login hint).
import type { AppConfig } from '../app/config';
import type { TokenProvider } from '../graph/contracts';
import { createDevTokenProvider } from './devTokenProvider';
import { createNaaTokenProvider, preloadMsal, type NaaOptions } from './naaTokenProvider';
import { NestedAppAuthUnavailableError } from './standardControllerOmitted';
import { FIRST_CALL_SCOPES } from './scopes';

export { FIRST_CALL_SCOPES, firstScopesFor, SCOPES, type ScopeSet } from './scopes';
export { ConsentRequiredError, MissingLoginHintError, SignInRefusedError, SignInWindowError } from './errors';

export interface HostHint {
  /** `loginHint` / `userPrincipalName` from the host context. */
  loginHint: string | null;
  /** Resolves once teams-js has initialised (the host adapter's app.initialize()). */
  whenHostReady: Promise<void>;
  /** The host's sign-in offer (src/teams HostSignIn); read once the host is ready. */
  nestedAppAuthRecommended: () => boolean;
  authenticate: (request: { url: string; width: number; height: number }) => Promise<string>;
}

export type SignInRoute = 'dev' | 'nestedAppAuth' | 'authenticationDialog';

/**
 * NAA where the host recommends it, Teams' authentication dialog where it does not ("If NAA isn't
 * supported, … fall back to the existing authentication options", learn.microsoft.com/microsoftteams/
 * platform/concepts/authentication/nested-authentication#best-practices). Dev tokens only when the
 * configuration says so (integration tests and benchmarks below the UI).
 */
export function chooseSignIn(config: AppConfig, nestedAppAuthRecommended: boolean): SignInRoute {
  if (config.auth.mode === 'dev') return 'dev';
  return nestedAppAuthRecommended ? 'nestedAppAuth' : 'authenticationDialog';
}

export interface TokenProviderOptions {
  loadMsal?: NaaOptions['loadMsal'];
  /** What Teams' sign-in window asks for the first time besides the call's own scopes (scopes.ts firstScopesFor); start-up's by default. */
  firstScopes?: readonly string[];
}

export function createTokenProvider(config: AppConfig, host: HostHint, options: TokenProviderOptions = {}): TokenProvider {
  const auth = config.auth;
  if (auth.mode === 'dev') return createDevTokenProvider({ loginHint: host.loginHint, tokenUrl: auth.tokenUrl, clientId: auth.clientId });
  // Only hosts without NAA need the window's provider: its own chunk, not in what every surface loads.
  const authenticationWindow = () =>
    import(/* webpackChunkName: "sign-in-window" */ './dialogTokenProvider').then(({ createDialogTokenProvider }) =>
      createDialogTokenProvider({ appOrigin: config.appOrigin, loginHint: host.loginHint, authenticate: host.authenticate, firstScopes: options.firstScopes ?? FIRST_CALL_SCOPES }),
    );
  let chosen: Promise<TokenProvider> | null = null;
  const provider = () =>
    (chosen ??= host.whenHostReady.then(() =>
      chooseSignIn(config, host.nestedAppAuthRecommended()) === 'nestedAppAuth'
        ? createNaaTokenProvider({ clientId: auth.clientId, authority: auth.authority, loginHint: host.loginHint, whenHostReady: host.whenHostReady, ...(options.loadMsal ? { loadMsal: options.loadMsal } : {}) })
        : authenticationWindow(),
    ));
  return {
    getToken: async (scopes) => {
      const current = provider();
      try {
        return await (await current).getToken(scopes);
      } catch (err) {
        // A host that recommended NAA but offers no bridge: the app's MSAL has no other flow
        // (standardControllerOmitted.ts), so sign in the other way Teams offers, from now on.
        if (!(err instanceof NestedAppAuthUnavailableError)) throw err;
        if (chosen === current) chosen = authenticationWindow();
        return (await provider()).getToken(scopes);
      }
    },
  };
}

/** Starts downloading what sign-in will need, before the host is ready; nothing to fetch for dev tokens. */
export function preloadSignIn(config: AppConfig): void {
  if (config.auth.mode === 'naa') preloadMsal().catch(() => undefined);
}
