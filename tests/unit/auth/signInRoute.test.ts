// Which way the app signs in (NAA where the host recommends it, else Teams' authentication window),
// the tenant-specific authority, and what the authentication window's answers become.
import { AppConfigSchema, tenantAuthority } from '../../../src/app/config';
import { chooseSignIn, ConsentRequiredError, createTokenProvider, FIRST_CALL_SCOPES, firstScopesFor, SCOPES, SignInRefusedError, SignInWindowError } from '../../../src/auth';
import { createDialogTokenProvider, dialogFailure, signInPageUrl } from '../../../src/auth/dialogTokenProvider';
import { typedSignInError } from '../../../src/auth/errors';
import { NestedAppAuthUnavailableError } from '../../../src/auth/standardControllerOmitted';

const TENANT = '7d3a5c1e-2b4f-4e8a-9c6d-0f1e2a3b4c5d';
const CLIENT = '3f6a9c2e-7b1d-4e5a-8c3f-2d9e0a1b4c6d';
const naaConfig = AppConfigSchema.parse({ auth: { mode: 'naa', clientId: CLIENT, authority: tenantAuthority(TENANT) }, graph: {}, appOrigin: 'https://app.gemeente.nl' });
const devConfig = AppConfigSchema.parse({ auth: { mode: 'dev', tokenUrl: 'http://127.0.0.1:4000/_emulator/token', clientId: CLIENT }, graph: {}, appOrigin: 'https://app.gemeente.nl' });

describe('the authority', () => {
  it('is the tenant’s own: organizations, common, another host or a tenant name are refused', () => {
    const withAuthority = (authority: string) => AppConfigSchema.safeParse({ auth: { mode: 'naa', clientId: CLIENT, authority }, graph: {}, appOrigin: 'https://app.gemeente.nl' }).success;
    expect(withAuthority(`https://login.microsoftonline.com/${TENANT}`)).toBe(true);
    expect(withAuthority('https://login.microsoftonline.com/organizations')).toBe(false);
    expect(withAuthority('https://login.microsoftonline.com/common')).toBe(false);
    expect(withAuthority('https://login.microsoftonline.com/gemeente.onmicrosoft.com')).toBe(false);
    expect(withAuthority(`http://127.0.0.1:4000/${TENANT}`)).toBe(false);
    expect(withAuthority(`https://login.microsoftonline.com/${TENANT}/v2.0`)).toBe(false);
    expect(AppConfigSchema.safeParse({ auth: { mode: 'naa', clientId: CLIENT }, graph: {}, appOrigin: 'https://app.gemeente.nl' }).success).toBe(false);
  });

  it('is written from a tenant id in lower case', () => {
    expect(tenantAuthority(TENANT.toUpperCase())).toBe(`https://login.microsoftonline.com/${TENANT}`);
  });
});

describe('the sign-in route', () => {
  it('is NAA where the host recommends it, the authentication window where it does not, dev tokens only when configured', () => {
    expect(chooseSignIn(naaConfig, true)).toBe('nestedAppAuth');
    expect(chooseSignIn(naaConfig, false)).toBe('authenticationDialog');
    expect(chooseSignIn(devConfig, true)).toBe('dev');
    expect(chooseSignIn(devConfig, false)).toBe('dev');
  });

  it('asks the host only once it is ready, and opens Teams’ window when NAA is not recommended', async () => {
    let ready!: () => void;
    const asked: string[] = [];
    const tokens = createTokenProvider(naaConfig, {
      loginHint: 'sanne@gemeente.nl',
      whenHostReady: new Promise<void>((r) => (ready = r)),
      nestedAppAuthRecommended: () => {
        asked.push('recommended?');
        return false;
      },
      authenticate: async ({ url }) => {
        asked.push(url);
        return JSON.stringify({ accessToken: 'from-window', expiresOn: Date.now() + 3600_000, scopes: ['User.Read', 'Sites.ReadWrite.All'] });
      },
    });
    const token = tokens.getToken(SCOPES.profile);
    await new Promise((r) => setTimeout(r, 5));
    expect(asked).toEqual([]);
    ready();
    await expect(token).resolves.toBe('from-window');
    expect(asked).toEqual(['recommended?', signInPageUrl('https://app.gemeente.nl', FIRST_CALL_SCOPES, 'sanne@gemeente.nl')]);
  });
});

describe('a host that recommends NAA but offers no bridge', () => {
  it('gets Teams’ authentication window instead, for this call and every later one', async () => {
    const created: string[] = [];
    const windows: string[] = [];
    // What the app's MSAL does then: createNestablePublicClientApplication falls back to the standard
    // controller, which the app's bundle replaces with one that throws (standardControllerOmitted.ts).
    const msal = {
      InteractionRequiredAuthError: class extends Error {},
      createNestablePublicClientApplication: async () => {
        created.push('create');
        throw new NestedAppAuthUnavailableError();
      },
    };
    const tokens = createTokenProvider(
      naaConfig,
      {
        loginHint: 'sanne@gemeente.nl',
        whenHostReady: Promise.resolve(),
        nestedAppAuthRecommended: () => true,
        authenticate: async ({ url }) => {
          windows.push(new URL(url).searchParams.get('scopes') ?? '');
          return JSON.stringify({ accessToken: `window-${windows.length}`, expiresOn: Date.now() + 3600_000, scopes: new URL(url).searchParams.get('scopes')?.split(' ') ?? [] });
        },
      },
      { loadMsal: async () => msal as unknown as typeof import('../../../src/auth/msalNaa') },
    );
    await expect(tokens.getToken(SCOPES.profile)).resolves.toBe('window-1');
    await expect(tokens.getToken(SCOPES.planner)).resolves.toBe('window-2');
    expect(created).toEqual(['create']);
    expect(windows).toEqual([FIRST_CALL_SCOPES.join(' '), SCOPES.planner.join(' ')]);
  });

  it('a sign-in that fails for another reason is not retried in a window', async () => {
    const tokens = createTokenProvider(
      naaConfig,
      {
        loginHint: 'sanne@gemeente.nl',
        whenHostReady: Promise.resolve(),
        nestedAppAuthRecommended: () => true,
        authenticate: async () => {
          throw new Error('no window expected');
        },
      },
      {
        loadMsal: async () =>
          ({
            InteractionRequiredAuthError: class extends Error {},
            createNestablePublicClientApplication: async () => {
              throw new Error('bridge timed out');
            },
          }) as unknown as typeof import('../../../src/auth/msalNaa'),
      },
    );
    await expect(tokens.getToken(SCOPES.profile)).rejects.toThrow('bridge timed out');
  });
});

describe('the authentication window', () => {
  const ok = (token: string, scopes: string[], expiresOn = 10_000_000) => JSON.stringify({ accessToken: token, expiresOn, scopes });

  it('opens our page with the call’s scopes and the login hint; the first window also asks what start-up needs', async () => {
    const urls: string[] = [];
    const tokens = createDialogTokenProvider({
      appOrigin: 'https://app.gemeente.nl/',
      loginHint: 'sanne@gemeente.nl',
      firstScopes: FIRST_CALL_SCOPES,
      now: () => 0,
      authenticate: async ({ url, width, height }) => {
        urls.push(`${url} ${width}x${height}`);
        const scopes = new URL(url).searchParams.get('scopes')?.split(' ') ?? [];
        return ok(`t${urls.length}`, scopes);
      },
    });
    await expect(tokens.getToken(SCOPES.profile)).resolves.toBe('t1');
    // The session's token came with the first window.
    await expect(tokens.getToken(SCOPES.sites)).resolves.toBe('t1');
    // A feature's own scope is asked when the feature is used, in a window of its own.
    await expect(tokens.getToken(SCOPES.planner)).resolves.toBe('t2');
    expect(urls).toEqual([
      'https://app.gemeente.nl/auth.html?scopes=User.Read+Sites.ReadWrite.All&loginHint=sanne%40gemeente.nl 600x535',
      'https://app.gemeente.nl/auth.html?scopes=Tasks.ReadWrite&loginHint=sanne%40gemeente.nl 600x535',
    ]);
  });

  it('shows one window at a time; a call waiting for it takes the token that window brought', async () => {
    let open = 0;
    let most = 0;
    const tokens = createDialogTokenProvider({
      appOrigin: 'https://app.gemeente.nl',
      loginHint: null,
      firstScopes: FIRST_CALL_SCOPES,
      now: () => 0,
      authenticate: async ({ url }) => {
        open += 1;
        most = Math.max(most, open);
        await new Promise((r) => setTimeout(r, 5));
        open -= 1;
        return ok('one', new URL(url).searchParams.get('scopes')?.split(' ') ?? []);
      },
    });
    await expect(Promise.all([tokens.getToken(SCOPES.profile), tokens.getToken(SCOPES.sites)])).resolves.toEqual(['one', 'one']);
    expect(most).toBe(1);
  });

  it('asks again five minutes before the token expires', async () => {
    let now = 0;
    let n = 0;
    const tokens = createDialogTokenProvider({ appOrigin: 'https://a.nl', loginHint: null, now: () => now, authenticate: async () => ok(`t${++n}`, ['User.Read'], 3600_000) });
    await tokens.getToken(SCOPES.profile);
    now = 3600_000 - 5 * 60_000 - 1;
    await expect(tokens.getToken(SCOPES.profile)).resolves.toBe('t1');
    now += 2;
    await expect(tokens.getToken(SCOPES.profile)).resolves.toBe('t2');
  });

  it('a SharePoint scope the answer names bare is found again: no second window, which no press would open', async () => {
    const urls: string[] = [];
    const sharePoint = 'https://gemeente.sharepoint.com/AllSites.Manage';
    const tokens = createDialogTokenProvider({
      appOrigin: 'https://a.nl',
      loginHint: null,
      now: () => 0,
      // Entra may answer with the scope's bare name for a resource other than Graph.
      authenticate: async ({ url }) => {
        urls.push(url);
        const asked = new URL(url).searchParams.get('scopes')?.split(' ') ?? [];
        return ok(`t${urls.length}`, asked.map((s) => s.replace(/^https:\/\/[^/]+\//, '')));
      },
    });
    await expect(tokens.getToken([sharePoint])).resolves.toBe('t1');
    await expect(tokens.getToken([sharePoint.toUpperCase().replace('HTTPS', 'https')])).resolves.toBe('t1');
    // The bare name answered for SharePoint is not Graph's scope of that name.
    await expect(tokens.getToken(['AllSites.Manage'])).resolves.toBe('t2');
    expect(urls).toHaveLength(2);
  });

  it('a window Teams could not open (no press) or the person closed is SignInWindowError; the window after the press is still the first', async () => {
    expect(dialogFailure(new Error('FailedToOpenWindow'), SCOPES.profile)).toMatchObject({ code: 'signInWindow', reason: 'blocked' });
    expect(dialogFailure(new Error('CancelledByUser'), SCOPES.profile)).toMatchObject({ code: 'signInWindow', reason: 'closed' });
    const urls: string[] = [];
    let pressed = false;
    const tokens = createDialogTokenProvider({
      appOrigin: 'https://a.nl',
      loginHint: null,
      firstScopes: firstScopesFor('settings'),
      now: () => 0,
      authenticate: async ({ url }) => {
        if (!pressed) throw new Error('FailedToOpenWindow');
        urls.push(new URL(url).searchParams.get('scopes') ?? '');
        return ok('t', new URL(url).searchParams.get('scopes')?.split(' ') ?? []);
      },
    });
    await expect(tokens.getToken(SCOPES.profile)).rejects.toBeInstanceOf(SignInWindowError);
    pressed = true;
    await expect(tokens.getToken(SCOPES.profile)).resolves.toBe('t');
    // The configuration page's one window covers what it reads without a press: its groups and teams.
    expect(urls).toEqual(['User.Read Sites.ReadWrite.All Sites.Read.All GroupMember.Read.All Team.ReadBasic.All']);
    await expect(tokens.getToken(SCOPES.groups)).resolves.toBe('t');
    await expect(tokens.getToken(SCOPES.teams)).resolves.toBe('t');
    expect(urls).toHaveLength(1);
    // Other surfaces ask only what start-up needs.
    expect(firstScopesFor('sidePanel')).toEqual(FIRST_CALL_SCOPES);
  });

  it('turns the page’s consent refusal into ConsentRequiredError and Teams’ other reasons into SignInRefusedError', async () => {
    const refusal = JSON.stringify({ errorCode: 'invalid_grant', subError: 'consent_required', errorMessage: 'AADSTS65001: The user or administrator has not consented.' });
    const consent = dialogFailure(new Error(refusal), SCOPES.groups);
    expect(consent).toBeInstanceOf(ConsentRequiredError);
    expect(consent).toMatchObject({ scopes: ['GroupMember.Read.All'] });
    expect(dialogFailure(new Error('InternalError'), SCOPES.profile)).toMatchObject({ code: 'signInRefused', oauthError: 'InternalError' });
    const failing = createDialogTokenProvider({ appOrigin: 'https://a.nl', loginHint: null, authenticate: async () => Promise.reject(new Error(refusal)) });
    await expect(failing.getToken(SCOPES.groups)).rejects.toBeInstanceOf(ConsentRequiredError);
  });
});

describe('MSAL’s errors as the app’s', () => {
  it('consent_required (as the bridge or Entra says it) is ConsentRequiredError; a refused account SignInRefusedError; the rest unchanged', () => {
    expect(typedSignInError({ errorCode: 'invalid_grant', errorMessage: 'AADSTS65001: not consented' }, ['X'])).toBeInstanceOf(ConsentRequiredError);
    expect(typedSignInError({ errorCode: 'consent_required', errorMessage: 'needs consent' }, ['X'])).toBeInstanceOf(ConsentRequiredError);
    const refused = typedSignInError({ errorCode: 'invalid_grant', errorMessage: 'AADSTS50057: The user account is disabled.' }, ['X']);
    expect(refused).toBeInstanceOf(SignInRefusedError);
    expect(refused).toMatchObject({ aadsts: 50057 });
    const other = { errorCode: 'no_network_connectivity', errorMessage: 'offline' };
    expect(typedSignInError(other, ['X'])).toBe(other);
  });
});
