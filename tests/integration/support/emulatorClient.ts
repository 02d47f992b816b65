// A Graph client built like the app builds it in local mode: the real https base URL, the real
// authentication and retry middleware, and the loopback rewrite as the last step before fetch. Its
// tokens come from the emulator's token endpoint, with every scope the app uses unless told fewer.
import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type AuthenticationProvider,
} from '@microsoft/microsoft-graph-client';
import { SEED } from '../../../dev/graph-emulator';
import { createDevTokenProvider } from '../../../src/auth/devTokenProvider';
import { ALL_APP_SCOPES } from '../../../src/auth/scopes';
import type { TokenProvider } from '../../../src/graph/contracts';
import { LoopbackRewriteHandler } from '../../../src/graph/loopbackRewrite';

export interface TokenOptions {
  /** Delegated scopes to ask for (default: every scope the app uses, ALL_APP_SCOPES). */
  scopes?: readonly string[];
  /** 'sharepoint' asks for a token for the SharePoint host instead of Graph. */
  resource?: 'graph' | 'sharepoint';
  /** Default: the Gesprekstool app registration (SEED.apps.gesprekstool), which has admin consent. */
  clientId?: string;
}

export interface EmulatorClientOptions extends TokenOptions {
  /** Retries for 429/503/504 (default 3). The delay only matters when no Retry-After is sent. */
  maxRetries?: number;
  retryDelaySeconds?: number;
}

export const tokenUrl = (url: string) => `${new URL(url).origin}/_emulator/token`;

/** An access token from the emulator's token endpoint; a refusal throws with Entra's error body. */
export async function fetchToken(url: string, upn: string, options: TokenOptions = {}): Promise<string> {
  const resource = options.resource === 'sharepoint' ? `https://${SEED.host}` : 'https://graph.microsoft.com';
  const response = await fetch(tokenUrl(url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: upn, clientId: options.clientId ?? SEED.apps.gesprekstool.clientId, scopes: options.scopes ?? ALL_APP_SCOPES, resource }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || !body.access_token) throw new Error(`no token for ${upn}: ${JSON.stringify(body)}`);
  return body.access_token;
}

/** The app's own local token provider (per-call scopes, cached) for `upn` against this emulator. */
export function appTokenProvider(url: string, upn: string): TokenProvider {
  return createDevTokenProvider({ loginHint: upn, tokenUrl: tokenUrl(url), clientId: SEED.apps.gesprekstool.clientId });
}

/** `url` is the emulator's base URL or origin (http://127.0.0.1:PORT[/v1.0]); `upn` the signed-in user. */
export function createEmulatorClient(url: string, upn: string, options: EmulatorClientOptions = {}): Client {
  let token: Promise<string> | null = null;
  const auth: AuthenticationProvider = {
    getAccessToken: () => {
      token ??= fetchToken(url, upn, options).catch((err: unknown) => {
        token = null;
        throw err;
      });
      return token;
    },
  };
  return Client.initWithMiddleware({
    middleware: [
      new AuthenticationHandler(auth),
      new RetryHandler(new RetryHandlerOptions(options.retryDelaySeconds ?? 0.01, options.maxRetries ?? 3)),
      new LoopbackRewriteHandler(new URL(url).origin),
      new HTTPMessageHandler(),
    ],
  });
}
