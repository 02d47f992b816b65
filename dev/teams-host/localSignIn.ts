// The local app configuration (`npm start`, the browser tests): the production sign-in code, pointed
// at the emulated tenant only through configuration. The authority is Entra's tenant-specific one for
// the emulated tenant; nested app auth is answered by the meeting simulator (naaBridge.ts) and Teams'
// authentication window signs in at the emulator's /authorize and /token (dev/graph-emulator/oauth.ts).
import { SEED } from '../graph-emulator/seed';
import { type AppConfig, AppConfigSchema, tenantAuthority } from '../../src/app/config';

/** The sign-in page's address, registered as the app registration's single-page-app redirect URI. */
export function signInRedirectUri(appOrigin: string): string {
  return `${appOrigin.replace(/\/+$/, '')}/auth.html`;
}

export function localAppConfig(emulatorOrigin: string, appOrigin: string): AppConfig {
  const tenant = SEED.tenantId;
  return AppConfigSchema.parse({
    auth: {
      mode: 'naa',
      clientId: SEED.apps.gesprekstool.clientId,
      authority: tenantAuthority(tenant),
      identityEndpoints: { authorize: `${emulatorOrigin}/${tenant}/oauth2/v2.0/authorize`, token: `${emulatorOrigin}/${tenant}/oauth2/v2.0/token` },
    },
    graph: { loopbackOrigin: emulatorOrigin },
    appOrigin,
  });
}

/** Registers the sign-in page with the emulator's app registration (the admin API, as an administrator does in Entra). */
export async function registerSignInPage(emulatorOrigin: string, appOrigin: string): Promise<void> {
  const response = await fetch(`${emulatorOrigin}/_emulator/apps/${SEED.apps.gesprekstool.clientId}/redirect-uris`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ uri: signInRedirectUri(appOrigin) }),
  });
  if (!response.ok) throw new Error(`the emulator refused the redirect URI: ${response.status}`);
}

export function emulatorTokenUrl(emulatorOrigin: string): string {
  return `${emulatorOrigin}/_emulator/token`;
}
