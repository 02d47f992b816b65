// The Graph client: the SDK's own pipeline (authentication → retry → [loopback rewrite] → fetch),
// always addressed as https://graph.microsoft.com/v1.0. Local mode differs only by one extra
// middleware, chosen here from config, never inside a store method.
import {
  AuthenticationHandler,
  AuthenticationHandlerOptions,
  Client,
  HTTPMessageHandler,
  RetryHandler,
  type AuthenticationProvider,
  type AuthenticationProviderOptions,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import * as z from '../domain/zod';
import { GRAPH_BASE_URL, type AppConfig } from '../app/config';
import type { TokenProvider } from './contracts';
import { toGraphLayerError } from './errors';
import { LoopbackRewriteHandler } from './loopbackRewrite';
import { createRetryHandlerOptions, createRetryOnlyThrottledOptions } from './retryPolicy';

const GRAPH_ORIGIN = new URL(GRAPH_BASE_URL).origin;
const GRAPH_VERSION = GRAPH_BASE_URL.slice(GRAPH_ORIGIN.length + 1);
import { SCOPES } from '../auth/scopes';

/** Adapts our TokenProvider to the SDK; the scopes come per request through AuthenticationHandlerOptions. */
export class TokenAuthenticationProvider implements AuthenticationProvider {
  constructor(private readonly tokens: TokenProvider) {}
  getAccessToken(options?: AuthenticationProviderOptions): Promise<string> {
    return this.tokens.getToken(options?.scopes?.length ? options.scopes : SCOPES.profile);
  }
}

export function createMiddlewareChain(config: AppConfig, tokens: TokenProvider, transport: Middleware = new HTTPMessageHandler()): Middleware[] {
  const chain: Middleware[] = [new AuthenticationHandler(new TokenAuthenticationProvider(tokens)), new RetryHandler(createRetryHandlerOptions())];
  if (config.graph.loopbackOrigin) chain.push(new LoopbackRewriteHandler(config.graph.loopbackOrigin));
  chain.push(transport);
  return chain;
}

/** `transport` replaces HTTPMessageHandler only in unit tests of the chain itself. */
export function createGraphClient(config: AppConfig, tokens: TokenProvider, transport?: Middleware): Client {
  return Client.initWithMiddleware({ middleware: createMiddlewareChain(config, tokens, transport), baseUrl: GRAPH_ORIGIN, defaultVersion: GRAPH_VERSION });
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface CallOptions {
  scopes: readonly string[];
  headers?: Record<string, string>;
  body?: unknown;
  /** Not idempotent (a POST that creates): the SDK's RetryHandler re-sends it only after a 429. */
  create?: boolean;
}

const PageSchema = z.object({ value: z.array(z.unknown()), '@odata.nextLink': z.optional(z.string()) });

/** Thin, typed-error wrapper: every call names its scopes, every failure becomes a GraphLayerError. */
export class GraphApi {
  constructor(readonly client: Client) {}

  async call(method: Method, path: string, options: CallOptions): Promise<unknown> {
    const request = this.client
      .api(path)
      .headers(options.headers ?? {})
      .middlewareOptions([
        new AuthenticationHandlerOptions(undefined, { scopes: [...options.scopes] }),
        // Per-request options replace the RetryHandler's defaults for this request only (middleware options).
        ...(options.create ? [createRetryOnlyThrottledOptions()] : []),
      ]);
    try {
      switch (method) {
        case 'GET':
          return await request.get();
        case 'POST':
          return await request.post(options.body ?? {});
        case 'PATCH':
          return await request.patch(options.body ?? {});
        case 'DELETE':
          return await request.delete();
      }
    } catch (err) {
      throw toGraphLayerError(err);
    }
  }

  /** Every page of a collection; `@odata.nextLink` is followed as the opaque absolute URL Graph gave. */
  async getAll(path: string, options: CallOptions, maxPages = 1000): Promise<unknown[]> {
    const values: unknown[] = [];
    let next: string | undefined = path;
    for (let page = 0; next && page < maxPages; page += 1) {
      const body = PageSchema.parse(await this.call('GET', next, options));
      values.push(...body.value);
      next = body['@odata.nextLink'];
    }
    return values;
  }
}
