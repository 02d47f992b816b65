// JSON batching (concepts/json-batching): at most 20 requests, unique ids, dependsOn, relative urls.
// Sub-requests are dispatched one by one through the same router and auth; each gets its own
// throttling decision; dependents of a failed request get 424.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { json, parseBody, type EmuRequest, type EmuResponse } from './context';
import { GraphHttpError, invalidRequest } from './errors';

export const MAX_BATCH_REQUESTS = 20;

const BatchSchema = z.object({
  requests: z
    .array(
      z.object({
        id: z.string().min(1),
        method: z.string().regex(/^(GET|POST|PATCH|PUT|DELETE)$/i, 'method must be GET, POST, PATCH, PUT or DELETE'),
        url: z.string().min(1),
        headers: z.record(z.string(), z.string()).optional(),
        body: z.unknown().optional(),
        dependsOn: z.array(z.string().min(1)).optional(),
      }),
    )
    .min(1, 'a batch needs at least one request'),
});

type SubRequest = z.infer<typeof BatchSchema>['requests'][number];

export interface SubResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** `url` is relative to the version root; the Graph SDK sends `/v1.0/...` for absolute urls, which Graph accepts. */
function splitUrl(url: string): { path: string; query: URLSearchParams } {
  if (/^[a-z]+:\/\//i.test(url)) throw invalidRequest(`Invalid batch request url '${url}': urls must be relative.`);
  let relative = url.startsWith('/') ? url : `/${url}`;
  if (/^\/v1\.0(\/|$)/i.test(relative)) relative = relative.slice('/v1.0'.length) || '/';
  else if (/^\/beta(\/|$)/i.test(relative)) throw invalidRequest('This emulator serves v1.0 only.');
  const parsed = new URL(relative, 'http://batch.invalid');
  return { path: decodeURIComponent(parsed.pathname), query: parsed.searchParams };
}

function validate(requests: SubRequest[]): void {
  if (requests.length > MAX_BATCH_REQUESTS) throw invalidRequest(`The number of requests in the batch (${requests.length}) exceeds the limit of ${MAX_BATCH_REQUESTS}.`);
  const ids = new Set<string>();
  for (const r of requests) {
    if (ids.has(r.id)) throw invalidRequest(`Batch request ids must be unique; '${r.id}' appears more than once.`);
    ids.add(r.id);
  }
  for (const r of requests) {
    // Graph refuses the whole batch when a write carries no body or no Content-Type for it.
    const writes = /^(POST|PATCH|PUT)$/i.test(r.method);
    const hasContentType = Object.keys(r.headers ?? {}).some((h) => h.toLowerCase() === 'content-type');
    if (writes && (r.body === undefined || !hasContentType)) throw new GraphHttpError(400, 'BadRequest', `Write request id : ${r.id} does not contain Content-Type header or body.`);
    for (const d of r.dependsOn ?? []) {
      if (!ids.has(d)) throw invalidRequest(`Request '${r.id}' depends on '${d}', which is not in the batch.`);
      if (d === r.id) throw invalidRequest(`Request '${r.id}' depends on itself.`);
    }
  }
}

/** Orders requests so each comes after what it depends on; a cycle is a bad request. */
function executionOrder(requests: SubRequest[]): SubRequest[] {
  const done = new Set<string>();
  const order: SubRequest[] = [];
  let pending = [...requests];
  while (pending.length > 0) {
    const ready = pending.filter((r) => (r.dependsOn ?? []).every((d) => done.has(d)));
    if (ready.length === 0) throw invalidRequest('The dependsOn references in the batch form a cycle.');
    for (const r of ready) {
      order.push(r);
      done.add(r.id);
    }
    pending = pending.filter((r) => !done.has(r.id));
  }
  return order;
}

export function runBatch(envelope: EmuRequest, dispatch: (sub: EmuRequest) => EmuResponse): EmuResponse {
  const { requests } = parseBody(BatchSchema, envelope.body);
  validate(requests);
  const statuses = new Map<string, number>();
  const responses: SubResponse[] = [];
  for (const r of executionOrder(requests)) {
    const failedDependency = (r.dependsOn ?? []).find((d) => (statuses.get(d) ?? 0) >= 400);
    if (failedDependency !== undefined) {
      statuses.set(r.id, 424);
      responses.push({
        id: r.id,
        status: 424,
        headers: { 'Content-Type': 'application/json' },
        body: { error: { code: 'FailedDependency', message: `The request depends on request '${failedDependency}', which failed.` } },
      });
      continue;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = v;
    // Sub-requests run with the batch's own credentials.
    if (envelope.headers.authorization !== undefined) headers.authorization = envelope.headers.authorization;
    const { path, query } = splitUrl(r.url);
    const result = dispatch({ method: r.method.toUpperCase(), path, query, headers, body: r.body, requestId: randomUUID() });
    statuses.set(r.id, result.status);
    const sub: SubResponse = { id: r.id, status: result.status, headers: result.headers };
    if (result.body !== undefined) sub.body = result.body;
    responses.push(sub);
  }
  return json({ responses });
}
