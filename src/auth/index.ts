// Sign-in: one TokenProvider whatever the host. The user's identity always comes from GET /me with
// the token, never from the Teams context (which only gives a login hint).
import type { AppConfig } from '../app/config';
import type { TokenProvider } from '../graph/contracts';
import { createDevTokenProvider } from './devTokenProvider';
import { createNaaTokenProvider, preloadMsal } from './naaTokenProvider';

export { SCOPES, type ScopeSet } from './scopes';
export { ConsentRequiredError, MissingLoginHintError, SignInRefusedError } from './errors';

export interface HostHint {
  /** `loginHint` / `userPrincipalName` from the host context. */
  loginHint: string | null;
  /** Resolves once teams-js has initialised (the host adapter's app.initialize()). */
  whenHostReady: Promise<void>;
}

export function createTokenProvider(config: AppConfig, host: HostHint): TokenProvider {
  if (config.auth.mode === 'dev') return createDevTokenProvider({ loginHint: host.loginHint, tokenUrl: config.auth.tokenUrl, clientId: config.auth.clientId });
  return createNaaTokenProvider({ clientId: config.auth.clientId, authority: config.auth.authority, loginHint: host.loginHint, whenHostReady: host.whenHostReady });
}

/** Starts downloading what sign-in will need, before the host is ready; nothing to fetch for dev tokens. */
export function preloadSignIn(config: AppConfig): void {
  if (config.auth.mode === 'naa') preloadMsal().catch(() => undefined);
}
