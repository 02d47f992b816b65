import { createTokenProvider, MissingLoginHintError, SCOPES } from '../../../src/auth';
import { createNaaTokenProvider } from '../../../src/auth/naaTokenProvider';
import { AppConfigSchema } from '../../../src/app/config';

class InteractionRequiredAuthError extends Error {}

function fakeMsal(options: { silentFails?: boolean } = {}) {
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

describe('sign-in', () => {
  it('locally uses the simulated user’s dev token', async () => {
    const config = AppConfigSchema.parse({ auth: { mode: 'dev' }, graph: {}, appOrigin: 'https://localhost:4210' });
    const tokens = createTokenProvider(config, { loginHint: "sanne.vanthof@gemeente-voorbeeld.nl", whenHostReady: Promise.resolve() });
    await expect(tokens.getToken(SCOPES.sites)).resolves.toBe('dev:sanne.vanthof@gemeente-voorbeeld.nl');
  });

  it('refuses to guess a user when the host names none', async () => {
    const config = AppConfigSchema.parse({ auth: { mode: 'dev' }, graph: {}, appOrigin: 'https://localhost:4210' });
    await expect(createTokenProvider(config, { loginHint: null, whenHostReady: Promise.resolve() }).getToken(SCOPES.profile)).rejects.toBeInstanceOf(MissingLoginHintError);
  });

  it('in Teams waits for the host before creating the nested app client, then asks silently with the call’s scopes', async () => {
    let ready!: () => void;
    const whenHostReady = new Promise<void>((r) => (ready = r));
    const msal = fakeMsal();
    const tokens = createNaaTokenProvider({ clientId: '00000000-0000-4000-8000-000000000000', authority: 'https://login.microsoftonline.com/organizations', loginHint: null, whenHostReady, loadMsal: msal.load });
    const token = tokens.getToken(SCOPES.planner);
    await new Promise((r) => setTimeout(r, 5));
    expect(msal.calls).toEqual([]);
    ready();
    await expect(token).resolves.toBe('silent-Tasks.ReadWrite');
    await tokens.getToken(SCOPES.provisioning);
    expect(msal.calls).toEqual(['create', 'silent:Tasks.ReadWrite', 'silent:Sites.Manage.All']);
  });

  it('falls back to a popup when consent or interaction is needed', async () => {
    const msal = fakeMsal({ silentFails: true });
    const tokens = createNaaTokenProvider({ clientId: 'x', authority: 'https://login.microsoftonline.com/organizations', loginHint: 'a@b', whenHostReady: Promise.resolve(), loadMsal: msal.load });
    await expect(tokens.getToken(SCOPES.sites)).resolves.toBe('popup-Sites.ReadWrite.All');
    expect(msal.calls).toEqual(['create', 'silent:Sites.ReadWrite.All', 'popup:Sites.ReadWrite.All']);
  });
});
