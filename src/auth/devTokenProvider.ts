// Local only: access tokens from the Graph emulator's token endpoint, which plays Entra ID. Like MSAL,
// each call asks for exactly the scopes it names, and a token is reused for the same scope set until
// shortly before it expires. The emulator still answers /me from the token, so the app never trusts
// the host context (the login hint only says whom to sign in).
import * as z from '../domain/zod';
import type { TokenProvider } from '../graph/contracts';
import { ConsentRequiredError, MissingLoginHintError, SignInRefusedError } from './errors';

export interface DevTokenOptions {
  /** `loginHint` / `userPrincipalName` from the host context. */
  loginHint: string | null;
  /** The emulator's token endpoint, e.g. http://127.0.0.1:4000/_emulator/token. */
  tokenUrl: string;
  clientId: string;
  /** Tests. */
  fetch?: typeof fetch;
  now?: () => number;
}

/** A token is renewed this long before `exp`, as MSAL renews ahead of expiry (5 minutes by default). */
export const RENEW_BEFORE_EXPIRY_MS = 5 * 60 * 1000;

const TokenResponseSchema = z.object({ access_token: z.string().check(z.minLength(1)), expires_in: z.number(), scope: z.optional(z.string()) });
const TokenErrorSchema = z.object({
  error: z.string(),
  error_description: z.optional(z.string()),
  error_codes: z.optional(z.array(z.number())),
  suberror: z.optional(z.string()),
});

/** Entra's consent refusal: AADSTS65001, `invalid_grant` with suberror `consent_required`. */
const CONSENT_CODES = new Set([65001]);

interface Cached {
  token: string;
  renewAt: number;
}

export function createDevTokenProvider(options: DevTokenOptions): TokenProvider {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const now = options.now ?? (() => Date.now());
  const cache = new Map<string, Cached>();
  const inFlight = new Map<string, Promise<string>>();

  async function request(username: string, scopes: readonly string[], key: string): Promise<string> {
    const started = now();
    const response = await doFetch(options.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, clientId: options.clientId, scopes }),
    });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const parsed = TokenErrorSchema.safeParse(body);
      const error = parsed.success ? parsed.data : { error: `HTTP ${response.status}` };
      const codes = 'error_codes' in error ? (error.error_codes ?? []) : [];
      const description = 'error_description' in error ? (error.error_description ?? error.error) : error.error;
      if (('suberror' in error && error.suberror === 'consent_required') || codes.some((c) => CONSENT_CODES.has(c))) throw new ConsentRequiredError(scopes, description);
      throw new SignInRefusedError(error.error, codes[0] ?? null, description);
    }
    const token = TokenResponseSchema.parse(body);
    cache.set(key, { token: token.access_token, renewAt: started + token.expires_in * 1000 - RENEW_BEFORE_EXPIRY_MS });
    return token.access_token;
  }

  return {
    async getToken(scopes) {
      const username = options.loginHint;
      if (!username) throw new MissingLoginHintError();
      const key = [...new Set(scopes)].sort().join(' ');
      const cached = cache.get(key);
      if (cached && now() < cached.renewAt) return cached.token;
      let pending = inFlight.get(key);
      if (!pending) {
        pending = request(username, scopes, key).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
  };
}
