// A Graph client built like the app builds it in local mode: the real https base URL, the real
// authentication and retry middleware, and the loopback rewrite as the last step before fetch.
import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type AuthenticationProvider,
} from '@microsoft/microsoft-graph-client';
import { LoopbackRewriteHandler } from '../../../src/graph/loopbackRewrite';

export interface EmulatorClientOptions {
  /** Retries for 429/503/504 (default 3). The delay only matters when no Retry-After is sent. */
  maxRetries?: number;
  retryDelaySeconds?: number;
}

/** `url` is the emulator's base URL or origin (http://127.0.0.1:PORT[/v1.0]); `upn` the signed-in user. */
export function createEmulatorClient(url: string, upn: string, options: EmulatorClientOptions = {}): Client {
  const auth: AuthenticationProvider = { getAccessToken: () => Promise.resolve(`dev:${upn}`) };
  return Client.initWithMiddleware({
    middleware: [
      new AuthenticationHandler(auth),
      new RetryHandler(new RetryHandlerOptions(options.retryDelaySeconds ?? 0.01, options.maxRetries ?? 3)),
      new LoopbackRewriteHandler(new URL(url).origin),
      new HTTPMessageHandler(),
    ],
  });
}
