// Sign-in where the host recommends nested app authentication: MSAL asks the host (Teams, or locally the
// meeting simulator) for tokens through the bridge teams-js installs (learn.microsoft.com/
// microsoftteams/platform/concepts/authentication/nested-authentication). MSAL is imported lazily so
// the first paint of a surface does not wait for it (performance budget: render-blocking JS ≤ 160 KB).
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { TokenProvider } from '../graph/contracts';
import { typedSignInError } from './errors';

export interface NaaOptions {
  clientId: string;
  authority: string;
  loginHint: string | null;
  /** NAA talks to the host through teams-js: app.initialize() must have finished (learn: nested-authentication). */
  whenHostReady: Promise<void>;
  /** For tests; production loads the parts of @azure/msal-browser that src/auth/msalNaa.ts names. */
  loadMsal?: () => Promise<Msal>;
}

type Msal = typeof import('./msalNaa');

let msalLibrary: Promise<Msal> | null = null;

/**
 * Starts fetching MSAL once per page. Start-up calls it as soon as the configuration says "naa", so the
 * library downloads while teams-js initialises instead of after it.
 */
export function preloadMsal(): Promise<Msal> {
  msalLibrary ??= import(/* webpackChunkName: "msal-naa" */ './msalNaa').catch((err: unknown) => {
    msalLibrary = null;
    throw err;
  });
  return msalLibrary;
}

export function createNaaTokenProvider(options: NaaOptions): TokenProvider {
  const loadMsal = options.loadMsal ?? preloadMsal;
  let pca: Promise<{ app: IPublicClientApplication; msal: Msal }> | null = null;

  const client = () => {
    pca ??= (async () => {
      await options.whenHostReady;
      const msal = await loadMsal();
      const app = await msal.createNestablePublicClientApplication({ auth: { clientId: options.clientId, authority: options.authority } });
      return { app, msal };
    })().catch((err: unknown) => {
      pca = null;
      throw err;
    });
    return pca;
  };

  async function acquire(scopes: readonly string[]): Promise<string> {
    const { app, msal } = await client();
    const account = app.getActiveAccount() ?? app.getAllAccounts()[0] ?? null;
    const request = { scopes: [...scopes], account: account ?? undefined, loginHint: options.loginHint ?? undefined };
    try {
      const result = await app.acquireTokenSilent(request);
      if (result.account) app.setActiveAccount(result.account);
      return result.accessToken;
    } catch (err) {
      if (!(err instanceof msal.InteractionRequiredAuthError)) throw typedSignInError(err, scopes);
      // The host shows its own consent prompt; the tenant decides whether the person may consent.
      try {
        const result = await app.acquireTokenPopup({ scopes: [...scopes], loginHint: options.loginHint ?? undefined });
        if (result.account) app.setActiveAccount(result.account);
        return result.accessToken;
      } catch (popupError) {
        throw typedSignInError(popupError, scopes);
      }
    }
  }

  // One bridge request per scope set at a time: start-up prefetches /me's token while /me may already ask.
  const inFlight = new Map<string, Promise<string>>();
  return {
    getToken(scopes) {
      const key = [...new Set(scopes)].sort().join(' ');
      let pending = inFlight.get(key);
      if (!pending) {
        pending = acquire(scopes).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
  };
}
