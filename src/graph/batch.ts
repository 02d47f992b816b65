// JSON batching on top of the SDK's BatchRequestContent. Graph answers a $batch with 200 even when
// sub-requests were throttled (json-batching: "429 with Retry-After in their own headers") and the
// SDK's RetryHandler only sees the outer 200, so sub-requests answered 429/503/504 are re-sent here —
// except a create answered 503/504, or lost with its whole $batch: that one may have been carried
// out, so it comes back to the caller as OutcomeUnknownError instead of being sent a second time.
import { BatchRequestContent, type BatchRequestStep } from '@microsoft/microsoft-graph-client';
import * as z from '../domain/zod';
import type { GraphApi, Method } from './client';
import { errorFromStatus, OutcomeUnknownError, toGraphLayerError, type GraphLayerError } from './errors';
import { BATCH_MAX_ATTEMPTS, RETRYABLE_STATUSES, UNCERTAIN_STATUSES, retryDelayMs } from './retryPolicy';

/** Graph's documented maximum of requests in one $batch. */
export const MAX_BATCH_REQUESTS = 20;

export interface SubRequest {
  method: Method;
  /** Relative to /v1.0, starting with `/`. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Creates something (not idempotent): never re-sent after an answer that may follow a commit. */
  create?: boolean;
}

export interface SubResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const BatchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number(),
      headers: z.optional(z.record(z.string(), z.string())),
      body: z.optional(z.unknown()),
    }),
  ),
});

const ErrorBodySchema = z.object({ error: z.object({ code: z.optional(z.string()), message: z.optional(z.string()) }) });

export function header(headers: Record<string, string>, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return null;
}

export function subResponseError(response: SubResponse, request?: SubRequest): GraphLayerError {
  if (request?.create && UNCERTAIN_STATUSES.has(response.status)) {
    return new OutcomeUnknownError(`${request.method} ${request.url} answered ${response.status}; it may have been carried out`, subResponseError(response));
  }
  const parsed = ErrorBodySchema.safeParse(response.body);
  const retryAfter = header(response.headers, 'Retry-After');
  const retryAfterMs = retryAfter === null ? null : retryDelayMs(retryAfter, 1);
  return errorFromStatus(
    response.status,
    parsed.success ? (parsed.data.error.code ?? null) : null,
    parsed.success ? (parsed.data.error.message ?? '') : '',
    retryAfterMs,
  );
}

export interface BatchOptions {
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Any origin works: BatchRequestContent strips scheme, host and port from a Request's URL and keeps
 * the path, so `/sites/…` stays `/sites/…` (Node's Request refuses relative URLs).
 */
const REQUEST_BASE = 'https://graph.microsoft.com';

async function batchBody(requests: Map<string, SubRequest>): Promise<unknown> {
  const steps: BatchRequestStep[] = [];
  for (const [id, sub] of requests) {
    const headers: Record<string, string> = { ...(sub.headers ?? {}) };
    if (sub.body !== undefined && header(headers, 'Content-Type') === null) headers['Content-Type'] = 'application/json';
    const init: RequestInit = { method: sub.method, headers };
    if (sub.body !== undefined) init.body = JSON.stringify(sub.body);
    steps.push({ id, request: new Request(`${REQUEST_BASE}${sub.url}`, init) });
  }
  return new BatchRequestContent(steps).getContent();
}

/**
 * One $batch of at most 20 independent requests, sub-requests answered 429/503/504 re-sent after their
 * own Retry-After (fractional seconds allowed; exponential backoff when unreadable), up to maxAttempts.
 * Returns every sub-response, failures included, keyed by the caller's ids.
 */
export async function sendBatch(
  api: GraphApi,
  requests: Map<string, SubRequest>,
  scopes: readonly string[],
  options: BatchOptions = {},
): Promise<Map<string, SubResponse>> {
  if (requests.size > MAX_BATCH_REQUESTS) throw new RangeError(`a $batch holds at most ${MAX_BATCH_REQUESTS} requests, got ${requests.size}`);
  const maxAttempts = options.maxAttempts ?? BATCH_MAX_ATTEMPTS;
  const sleep = options.sleep ?? realSleep;
  const results = new Map<string, SubResponse>();
  let pending = new Map(requests);
  for (let attempt = 1; pending.size > 0; attempt += 1) {
    const creates = [...pending.values()].some((r) => r.create);
    const raw = await api.call('POST', '/$batch', { scopes, body: await batchBody(pending), create: creates });
    const parsed = BatchResponseSchema.parse(raw);
    const retry = new Map<string, SubRequest>();
    let wait = 0;
    for (const r of parsed.responses) {
      const sub = pending.get(r.id);
      if (!sub) continue;
      const response: SubResponse = { status: r.status, headers: r.headers ?? {}, body: r.body };
      const uncertain = sub.create === true && UNCERTAIN_STATUSES.has(r.status);
      if (RETRYABLE_STATUSES.has(r.status) && !uncertain && attempt < maxAttempts) {
        retry.set(r.id, sub);
        wait = Math.max(wait, retryDelayMs(header(response.headers, 'Retry-After'), attempt, options.random));
      } else {
        results.set(r.id, response);
      }
    }
    for (const [id, sub] of pending) {
      // A sub-request the server did not answer at all is sent again rather than lost.
      if (!results.has(id) && !retry.has(id)) {
        if (attempt < maxAttempts) retry.set(id, sub);
        else results.set(id, { status: 503, headers: {}, body: { error: { code: 'noResponse', message: 'no sub-response' } } });
      }
    }
    pending = retry;
    if (pending.size > 0) await sleep(wait);
  }
  return results;
}

interface Waiting {
  request: SubRequest;
  scopes: readonly string[];
  /** Times its $batch was lost as a whole (network, outer 5xx). */
  lost: number;
  resolve: (response: SubResponse) => void;
  reject: (err: unknown) => void;
}

/**
 * Packs whatever requests are ready into $batch calls of at most 20, one call at a time. Callers
 * write plain sequential code per item (create the task, then read its details, then patch them);
 * every item's next request joins the next batch, so 30 tasks with details cost ~5 round trips
 * instead of 90. Graph's dependsOn cannot pass a created id into a later URL, so chaining happens here.
 */
export class BatchQueue {
  private waiting: Waiting[] = [];
  private running = false;
  roundTrips = 0;

  constructor(
    private readonly api: GraphApi,
    private readonly options: BatchOptions = {},
  ) {}

  /** Resolves with the sub-response whatever its status. */
  send(request: SubRequest, scopes: readonly string[]): Promise<SubResponse> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, scopes, lost: 0, resolve, reject });
      this.start();
    });
  }

  /** Resolves with the body of a 2xx; rejects with a typed error otherwise. */
  async submit(request: SubRequest, scopes: readonly string[]): Promise<unknown> {
    const response = await this.send(request, scopes);
    if (response.status >= 200 && response.status < 300) return response.body;
    throw subResponseError(response, request);
  }

  private start(): void {
    if (this.running) return;
    this.running = true;
    // A macrotask lets every caller that is about to submit (same tick, resolved continuations) join.
    setTimeout(() => void this.pump(), 0);
  }

  private async pump(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const chunk = this.waiting.splice(0, MAX_BATCH_REQUESTS);
        const scopes = [...new Set(chunk.flatMap((w) => w.scopes))];
        const requests = new Map(chunk.map((w, i) => [String(i + 1), w.request] as const));
        try {
          this.roundTrips += 1;
          const responses = await sendBatch(this.api, requests, scopes, this.options);
          chunk.forEach((w, i) => {
            const response = responses.get(String(i + 1));
            if (response) w.resolve(response);
            else w.reject(subResponseError({ status: 503, headers: {}, body: undefined }));
          });
        } catch (caught) {
          // The whole $batch failed. Reads and writes that may be repeated go round again; a create in
          // it may have been carried out before the answer was lost, so its caller must look first.
          const err = toGraphLayerError(caught);
          const again: Waiting[] = [];
          for (const w of chunk) {
            if (!err.transient) w.reject(err);
            else if (w.request.create) w.reject(new OutcomeUnknownError(`${w.request.method} ${w.request.url}: ${err.message}`, err));
            else if (w.lost + 1 < (this.options.maxAttempts ?? BATCH_MAX_ATTEMPTS)) again.push({ ...w, lost: w.lost + 1 });
            else w.reject(err);
          }
          this.waiting.unshift(...again);
          const first = again[0];
          if (first) await (this.options.sleep ?? realSleep)(retryDelayMs(null, first.lost, this.options.random));
        }
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
      }
    } finally {
      this.running = false;
      if (this.waiting.length > 0) this.start();
    }
  }
}
