// Production sign-in inside Teams: MSAL nested app authentication. MSAL is imported lazily so the
// first paint of a surface does not wait for it (performance budget: render-blocking JS ≤ 200 KB).
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { TokenProvider } from '../graph/contracts';

export interface NaaOptions {
  clientId: string;
  authority: string;
  loginHint: string | null;
  /** NAA talks to the host through teams-js: app.initialize() must have finished (learn: nested-authentication). */
  whenHostReady: Promise<void>;
  /** For tests; production loads @azure/msal-browser. */
  loadMsal?: () => Promise<typeof import('@azure/msal-browser')>;
}

export function createNaaTokenProvider(options: NaaOptions): TokenProvider {
  const loadMsal = options.loadMsal ?? (() => import(/* webpackChunkName: "msal" */ '@azure/msal-browser'));
  let pca: Promise<{ app: IPublicClientApplication; msal: typeof import('@azure/msal-browser') }> | null = null;

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

  return {
    async getToken(scopes) {
      const { app, msal } = await client();
      const account = app.getActiveAccount() ?? app.getAllAccounts()[0] ?? null;
      const request = { scopes: [...scopes], account: account ?? undefined, loginHint: options.loginHint ?? undefined };
      try {
        const result = await app.acquireTokenSilent(request);
        if (result.account) app.setActiveAccount(result.account);
        return result.accessToken;
      } catch (err) {
        if (!(err instanceof msal.InteractionRequiredAuthError)) throw err;
        const result = await app.acquireTokenPopup({ scopes: [...scopes], loginHint: options.loginHint ?? undefined });
        if (result.account) app.setActiveAccount(result.account);
        return result.accessToken;
      }
    },
  };
}
