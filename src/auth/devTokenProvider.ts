// Local only: the emulator accepts `dev:<userPrincipalName>` for the user the meeting simulator says
// is here. The emulator still answers /me from that token, so the app never trusts the host context.
import type { TokenProvider } from '../graph/contracts';

export class MissingLoginHintError extends Error {
  readonly code = 'missingLoginHint' as const;
  constructor() {
    super('the host context names no user to sign in as');
  }
}

export function createDevTokenProvider(loginHint: string | null): TokenProvider {
  return {
    async getToken() {
      if (!loginHint) throw new MissingLoginHintError();
      return `dev:${loginHint}`;
    },
  };
}
