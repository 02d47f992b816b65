import { GraphError } from '@microsoft/microsoft-graph-client';
import { ConsentRequiredError, createTokenProvider, MissingLoginHintError, SCOPES, SignInRefusedError } from '../../../src/auth';
import { createDevTokenProvider, RENEW_BEFORE_EXPIRY_MS } from '../../../src/auth/devTokenProvider';
import { SignInError, toGraphLayerError } from '../../../src/graph/errors';
import { describeError } from '../../../src/ui/common/errors';
import { createNaaTokenProvider } from '../../../src/auth/naaTokenProvider';
import { AppConfigSchema } from '../../../src/app/config';

const TENANT_AUTHORITY = 'https://login.microsoftonline.com/7d3a5c1e-2b4f-4e8a-9c6d-0f1e2a3b4c5d';

class InteractionRequiredAuthError extends Error {}

function fakeMsal(options: { silentFails?: boolean; popupFails?: { errorCode: string; errorMessage: string } } = {}) {
  const calls: string[] = [];
  const app = {
    getActiveAccount: () => null,
    getAllAccounts: () => [],
    setActiveAccount: () => undefined,
    acquireTokenSilent: async (r: { scopes: string[] }) => {
      calls.push(`silent:${r.scopes.join(' ')}`);
      if (options.silentFails) throw new InteractionRequiredAuthError('consent');
      return { accessToken: `silent-${r.scopes.join(',')}`, account: null };
    },
    acquireTokenPopup: async (r: { scopes: string[] }) => {
      calls.push(`popup:${r.scopes.join(' ')}`);
      if (options.popupFails) throw Object.assign(new Error(options.popupFails.errorMessage), options.popupFails);
      return { accessToken: `popup-${r.scopes.join(',')}`, account: null };
    },
  };
  const module = {
    InteractionRequiredAuthError,
    createNestablePublicClientApplication: async () => {
      calls.push('create');
      return app;
    },
  };
  return { calls, load: async () => module as unknown as typeof import('@azure/msal-browser') };
}

/** A host whose sign-in offer must not be used (dev tokens ask the emulator directly). */
const noHostSignIn = {
  nestedAppAuthRecommended: () => {
    throw new Error('dev tokens do not ask the host');
  },
  authenticate: async () => {
    throw new Error('dev tokens do not open a window');
  },
};

describe('sign-in', () => {
  const tokenUrl = 'http://127.0.0.1:4000/_emulator/token';
  const devConfig = AppConfigSchema.parse({ auth: { mode: 'dev', tokenUrl, clientId: 'app-1' }, graph: {}, appOrigin: 'https://localhost:4210' });

  /** Plays the emulator's token endpoint: records each request, answers a token valid for `expiresIn` seconds. */
  function fakeTokenEndpoint(answer: (body: { username: string; clientId: string; scopes: string[] }, n: number) => { status: number; body: unknown }) {
    const requests: { url: string; body: { username: string; clientId: string; scopes: string[] } }[] = [];
    const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as { username: string; clientId: string; scopes: string[] };
      requests.push({ url: String(input), body });
      const out = answer(body, requests.length);
      return new Response(JSON.stringify(out.body), { status: out.status, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    return { requests, fetchFn };
  }
  const token = (n: number, expiresIn = 3600) => ({ status: 200, body: { token_type: 'Bearer', access_token: `token-${n}`, expires_in: expiresIn, scope: 'x' } });

  it('locally asks the emulator’s token endpoint for the simulated user, the app and exactly the call’s scopes', async () => {
    const endpoint = fakeTokenEndpoint((_b, n) => token(n));
    const tokens = createDevTokenProvider({ loginHint: 'sanne.vanthof@gemeente-voorbeeld.nl', tokenUrl, clientId: 'app-1', fetch: endpoint.fetchFn });
    await expect(tokens.getToken(SCOPES.sites)).resolves.toBe('token-1');
    expect(endpoint.requests).toEqual([{ url: tokenUrl, body: { username: 'sanne.vanthof@gemeente-voorbeeld.nl', clientId: 'app-1', scopes: ['Sites.ReadWrite.All'] } }]);
  });

  it('the dev configuration gives the provider its token endpoint and client id', async () => {
    const seen: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(`${String(input)} ${String(init?.body)}`);
      return new Response(JSON.stringify({ access_token: 't', expires_in: 3600 }), { status: 200 });
    }) as typeof fetch;
    try {
      await createTokenProvider(devConfig, { ...noHostSignIn, loginHint: 'a@b.nl', whenHostReady: Promise.resolve() }).getToken(SCOPES.profile);
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(seen).toEqual([`${tokenUrl} {"username":"a@b.nl","clientId":"app-1","scopes":["User.Read"]}`]);
  });

  it('reuses a token per scope set until five minutes before it expires, then asks again', async () => {
    let now = 1_000_000;
    const endpoint = fakeTokenEndpoint((_b, n) => token(n, 3600));
    const tokens = createDevTokenProvider({ loginHint: 'a@b.nl', tokenUrl, clientId: 'app-1', fetch: endpoint.fetchFn, now: () => now });
    expect(await tokens.getToken(['Sites.ReadWrite.All', 'Tasks.ReadWrite'])).toBe('token-1');
    expect(await tokens.getToken(['Tasks.ReadWrite', 'Sites.ReadWrite.All'])).toBe('token-1');
    expect(await tokens.getToken(['User.Read'])).toBe('token-2');
    now += 3600_000 - RENEW_BEFORE_EXPIRY_MS - 1;
    expect(await tokens.getToken(['User.Read'])).toBe('token-2');
    now += 2;
    expect(await tokens.getToken(['User.Read'])).toBe('token-3');
    expect(endpoint.requests).toHaveLength(3);
  });

  it('asks once when several calls want the same scopes at the same moment', async () => {
    const endpoint = fakeTokenEndpoint((_b, n) => token(n));
    const tokens = createDevTokenProvider({ loginHint: 'a@b.nl', tokenUrl, clientId: 'app-1', fetch: endpoint.fetchFn });
    const all = await Promise.all([tokens.getToken(SCOPES.sites), tokens.getToken(SCOPES.sites), tokens.getToken(SCOPES.sites)]);
    expect(all).toEqual(['token-1', 'token-1', 'token-1']);
    expect(endpoint.requests).toHaveLength(1);
  });

  it('turns Entra’s consent refusal (AADSTS65001, consent_required) into a typed error naming the scopes', async () => {
    const endpoint = fakeTokenEndpoint(() => ({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'AADSTS65001: The user or administrator has not consented…', error_codes: [65001], suberror: 'consent_required' },
    }));
    const tokens = createDevTokenProvider({ loginHint: 'a@b.nl', tokenUrl, clientId: 'app-1', fetch: endpoint.fetchFn });
    const err = await tokens.getToken(SCOPES.groups).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConsentRequiredError);
    expect(err).toMatchObject({ code: 'consentRequired', scopes: ['GroupMember.Read.All'] });
    expect(describeError(err, 'nl').problem).toMatch(/toestemming/);
    expect(describeError(err, 'en').next).toMatch(/administrator/);
  });

  it('turns a refused sign-in (a disabled account, AADSTS50057) into a typed error and caches nothing', async () => {
    const endpoint = fakeTokenEndpoint(() => ({ status: 400, body: { error: 'invalid_grant', error_description: 'AADSTS50057: The user account is disabled.', error_codes: [50057] } }));
    const tokens = createDevTokenProvider({ loginHint: 'kees.vandam@gemeente-voorbeeld.nl', tokenUrl, clientId: 'app-1', fetch: endpoint.fetchFn });
    await expect(tokens.getToken(SCOPES.profile)).rejects.toMatchObject({ code: 'signInRefused', aadsts: 50057 });
    await expect(tokens.getToken(SCOPES.profile)).rejects.toBeInstanceOf(SignInRefusedError);
    expect(endpoint.requests).toHaveLength(2);
  });

  it('refuses to guess a user when the host names none', async () => {
    await expect(createTokenProvider(devConfig, { ...noHostSignIn, loginHint: null, whenHostReady: Promise.resolve() }).getToken(SCOPES.profile)).rejects.toBeInstanceOf(MissingLoginHintError);
  });

  it('a sign-in failure wrapped by the Graph client stays a typed, non-transient error for the UI', async () => {
    const wrapped = new GraphError(-1, '', new ConsentRequiredError(['Team.ReadBasic.All'], 'AADSTS65001'));
    wrapped.code = 'ConsentRequiredError';
    wrapped.body = 'ConsentRequiredError: consent required for Team.ReadBasic.All: AADSTS65001';
    const err = toGraphLayerError(wrapped);
    expect(err).toBeInstanceOf(SignInError);
    expect(err).toMatchObject({ code: 'consentRequired', transient: false });
    expect(toGraphLayerError(Object.assign(new GraphError(-1, ''), { code: 'TypeError' })).code).toBe('offline');
  });

  it('in Teams waits for the host before creating the nested app client, then asks silently with the call’s scopes', async () => {
    let ready!: () => void;
    const whenHostReady = new Promise<void>((r) => (ready = r));
    const msal = fakeMsal();
    const tokens = createNaaTokenProvider({ clientId: '00000000-0000-4000-8000-000000000000', authority: TENANT_AUTHORITY, loginHint: null, whenHostReady, loadMsal: msal.load });
    const token = tokens.getToken(SCOPES.planner);
    await new Promise((r) => setTimeout(r, 5));
    expect(msal.calls).toEqual([]);
    ready();
    await expect(token).resolves.toBe('silent-Tasks.ReadWrite');
    await tokens.getToken(SCOPES.provisioning);
    expect(msal.calls).toEqual(['create', 'silent:Tasks.ReadWrite', 'silent:Sites.Manage.All']);
  });

  it('a consent the tenant refuses in the host’s popup is ConsentRequiredError, a disabled account SignInRefusedError', async () => {
    const consent = fakeMsal({ silentFails: true, popupFails: { errorCode: 'invalid_grant', errorMessage: 'AADSTS65001: The user or administrator has not consented.' } });
    const tokens = createNaaTokenProvider({ clientId: 'x', authority: TENANT_AUTHORITY, loginHint: 'a@b', whenHostReady: Promise.resolve(), loadMsal: consent.load });
    await expect(tokens.getToken(SCOPES.groups)).rejects.toMatchObject({ code: 'consentRequired', scopes: ['GroupMember.Read.All'] });
    const disabled = fakeMsal({ silentFails: true, popupFails: { errorCode: 'invalid_grant', errorMessage: 'AADSTS50057: The user account is disabled.' } });
    const refused = createNaaTokenProvider({ clientId: 'x', authority: TENANT_AUTHORITY, loginHint: 'a@b', whenHostReady: Promise.resolve(), loadMsal: disabled.load });
    await expect(refused.getToken(SCOPES.profile)).rejects.toBeInstanceOf(SignInRefusedError);
  });

  it('asks the bridge once when start-up’s prefetch and GET /me want the same token at the same moment', async () => {
    const msal = fakeMsal();
    const tokens = createNaaTokenProvider({ clientId: 'x', authority: TENANT_AUTHORITY, loginHint: 'a@b', whenHostReady: Promise.resolve(), loadMsal: msal.load });
    await Promise.all([tokens.getToken(SCOPES.profile), tokens.getToken(SCOPES.profile)]);
    expect(msal.calls).toEqual(['create', 'silent:User.Read']);
  });

  it('falls back to a popup when consent or interaction is needed', async () => {
    const msal = fakeMsal({ silentFails: true });
    const tokens = createNaaTokenProvider({ clientId: 'x', authority: TENANT_AUTHORITY, loginHint: 'a@b', whenHostReady: Promise.resolve(), loadMsal: msal.load });
    await expect(tokens.getToken(SCOPES.sites)).resolves.toBe('popup-Sites.ReadWrite.All');
    expect(msal.calls).toEqual(['create', 'silent:Sites.ReadWrite.All', 'popup:Sites.ReadWrite.All']);
  });
});
