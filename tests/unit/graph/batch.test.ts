import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { AppConfigSchema } from '../../../src/app/config';
import { createGraphClient, GraphApi } from '../../../src/graph/client';
import { BatchQueue, sendBatch, type SubRequest } from '../../../src/graph/batch';
import { OutcomeUnknownError, ThrottledError } from '../../../src/graph/errors';

interface Seen {
  url: string;
  auth: string | null;
  body: { requests: { id: string; method: string; url: string }[] } | null;
}

/** Stands where HTTPMessageHandler stands, answering like Graph would. */
class FakeGraph implements Middleware {
  seen: Seen[] = [];
  constructor(private readonly answer: (seen: Seen, call: number) => { status: number; body: unknown; headers?: Record<string, string> }) {}
  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const headers = (context.options?.headers ?? {}) as Record<string, string>;
    const body = typeof context.options?.body === 'string' ? JSON.parse(context.options.body) : null;
    const seen = { url, auth: headers.Authorization ?? null, body };
    this.seen.push(seen);
    const { status, body: out, headers: h } = this.answer(seen, this.seen.length);
    context.response = new Response(JSON.stringify(out), { status, headers: { 'Content-Type': 'application/json', ...(h ?? {}) } });
  }
}

const devConfig = (loopbackOrigin: string | null) => AppConfigSchema.parse({ auth: { mode: 'dev', tokenUrl: 'http://127.0.0.1:4299/_emulator/token', clientId: 'gesprekstool' }, graph: { loopbackOrigin }, appOrigin: 'https://localhost:4210' });

function api(fake: FakeGraph, loopback: string | null = null, scopesAsked: string[][] = []) {
  const tokens = { getToken: async (scopes: readonly string[]) => (scopesAsked.push([...scopes]), 'header.payload.signature') };
  return new GraphApi(createGraphClient(devConfig(loopback), tokens, fake));
}

const noSleep = { sleep: async () => undefined, random: () => 0.5 };

describe('the Graph client', () => {
  it('always addresses graph.microsoft.com/v1.0 with a token, rewriting to loopback only when configured', async () => {
    const prod = new FakeGraph(() => ({ status: 200, body: { id: 'me' } }));
    await api(prod).call('GET', '/me', { scopes: ['User.Read'] });
    expect(prod.seen[0]).toMatchObject({ url: 'https://graph.microsoft.com/v1.0/me', auth: 'Bearer header.payload.signature' });

    const local = new FakeGraph(() => ({ status: 200, body: { id: 'me' } }));
    await api(local, 'http://127.0.0.1:4299').call('GET', '/me', { scopes: ['User.Read'] });
    expect(local.seen[0]?.url).toBe('http://127.0.0.1:4299/v1.0/me');
    expect(local.seen[0]?.auth).toBe('Bearer header.payload.signature');
  });

  it('asks the token provider for the scopes of each call', async () => {
    const asked: string[][] = [];
    const fake = new FakeGraph(() => ({ status: 200, body: { value: [] } }));
    const graph = api(fake, null, asked);
    await graph.call('GET', '/me', { scopes: ['User.Read'] });
    await graph.call('GET', '/groups/g/planner/plans', { scopes: ['Tasks.ReadWrite'] });
    expect(asked).toEqual([['User.Read'], ['Tasks.ReadWrite']]);
  });
});

describe('$batch', () => {
  const req = (n: number): SubRequest => ({ method: 'GET', url: `/sites/s/lists/l/items/${n}` });

  it('re-sends only the sub-requests Graph throttled, after their Retry-After', async () => {
    const waits: number[] = [];
    const fake = new FakeGraph((seen, call) => ({
      status: 200,
      body: {
        responses: (seen.body?.requests ?? []).map((r) =>
          call === 1 && r.id === 'b'
            ? { id: r.id, status: 429, headers: { 'Retry-After': '0.249' }, body: { error: { code: 'TooManyRequests', message: 'slow' } } }
            : { id: r.id, status: 200, headers: { 'Content-Type': 'application/json' }, body: { url: r.url } },
        ),
      },
    }));
    const responses = await sendBatch(api(fake), new Map([['a', req(1)], ['b', req(2)]]), ['Sites.ReadWrite.All'], { sleep: async (ms) => void waits.push(ms) });
    expect(fake.seen.map((s) => s.body?.requests.map((r) => r.id))).toEqual([['a', 'b'], ['b']]);
    expect(waits).toEqual([249]);
    expect(responses.get('b')).toMatchObject({ status: 200, body: { url: '/sites/s/lists/l/items/2' } });
  });

  it('gives up after the attempt limit and reports the throttling as a typed error', async () => {
    const fake = new FakeGraph((seen) => ({
      status: 200,
      body: { responses: (seen.body?.requests ?? []).map((r) => ({ id: r.id, status: 503, headers: {}, body: { error: { code: 'serviceNotAvailable', message: 'busy' } } })) },
    }));
    const queue = new BatchQueue(api(fake), { ...noSleep, maxAttempts: 3 });
    await expect(queue.submit(req(1), ['Sites.ReadWrite.All'])).rejects.toBeInstanceOf(ThrottledError);
    expect(fake.seen).toHaveLength(3);
  });

  it('packs requests that become ready together into batches of at most 20', async () => {
    const fake = new FakeGraph((seen) => ({
      status: 200,
      body: { responses: (seen.body?.requests ?? []).map((r) => ({ id: r.id, status: 201, headers: { 'Content-Type': 'application/json' }, body: { id: `t${r.url}` } })) },
    }));
    const queue = new BatchQueue(api(fake), noSleep);
    // 30 items, each a create followed by a dependent read: 60 requests.
    await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        await queue.submit({ method: 'POST', url: `/planner/tasks?n=${i}`, body: { title: `${i}` } }, ['Tasks.ReadWrite']);
        await queue.submit({ method: 'GET', url: `/planner/tasks/${i}/details` }, ['Tasks.ReadWrite']);
      }),
    );
    expect(fake.seen.map((s) => s.body?.requests.length)).toEqual([20, 20, 20]);
  });

  it('refuses more than 20 requests in one $batch', async () => {
    const fake = new FakeGraph(() => ({ status: 200, body: { responses: [] } }));
    const many = new Map(Array.from({ length: 21 }, (_, i) => [String(i), req(i)] as const));
    await expect(sendBatch(api(fake), many, [], noSleep)).rejects.toThrow(RangeError);
  });
});

describe('creates are never sent twice blindly', () => {
  const create: SubRequest = { method: 'POST', url: '/planner/tasks', body: { title: 'Actie' }, create: true };
  const read: SubRequest = { method: 'GET', url: '/planner/tasks/t1' };

  it('hands a create answered 504 inside a $batch back as an unknown outcome, while a read answered 504 is sent again', async () => {
    const fake = new FakeGraph((seen, call) => ({
      status: 200,
      body: { responses: (seen.body?.requests ?? []).map((r) => ({ id: r.id, status: call === 1 ? 504 : 200, body: { id: 'x' } })) },
    }));
    const queue = new BatchQueue(api(fake), noSleep);
    const [made, got] = await Promise.allSettled([queue.submit(create, ['Tasks.ReadWrite']), queue.submit(read, ['Tasks.ReadWrite'])]);
    expect(made).toMatchObject({ status: 'rejected', reason: expect.any(OutcomeUnknownError) });
    expect(got).toMatchObject({ status: 'fulfilled', value: { id: 'x' } });
    const creates = fake.seen.flatMap((s) => s.body?.requests ?? []).filter((r) => r.method === 'POST');
    expect(creates).toHaveLength(1);
  });

  it('does not let the SDK re-send a $batch holding a create after a 504, but does after a 429', async () => {
    const lost = new FakeGraph(() => ({ status: 504, body: { error: { code: 'GatewayTimeout', message: 'late' } }, headers: { 'Retry-After': '0' } }));
    await expect(new BatchQueue(api(lost), noSleep).submit(create, ['Tasks.ReadWrite'])).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect(lost.seen).toHaveLength(1);

    const throttled = new FakeGraph((seen, call) =>
      call === 1
        ? { status: 429, body: { error: { code: 'TooManyRequests', message: 'later' } }, headers: { 'Retry-After': '0' } }
        : { status: 200, body: { responses: (seen.body?.requests ?? []).map((r) => ({ id: r.id, status: 201, body: { id: 'new' } })) } },
    );
    await expect(new BatchQueue(api(throttled), noSleep).submit(create, ['Tasks.ReadWrite'])).resolves.toEqual({ id: 'new' });
    expect(throttled.seen).toHaveLength(2);
  });

  it('sends the reads of a $batch lost as a whole again, and reports its create as unknown', async () => {
    const fake = new FakeGraph((seen, call) =>
      call <= 6 ? { status: 504, body: { error: { code: 'GatewayTimeout', message: 'late' } }, headers: { 'Retry-After': '0' } } : { status: 200, body: { responses: (seen.body?.requests ?? []).map((r) => ({ id: r.id, status: 200, body: { id: 'read' } })) } },
    );
    const queue = new BatchQueue(api(fake), noSleep);
    const [made, got] = await Promise.allSettled([queue.submit(create, ['Tasks.ReadWrite']), queue.submit(read, ['Tasks.ReadWrite'])]);
    expect(made).toMatchObject({ status: 'rejected', reason: expect.any(OutcomeUnknownError) });
    expect(got).toMatchObject({ status: 'fulfilled', value: { id: 'read' } });
    expect(fake.seen.flatMap((s) => s.body?.requests ?? []).filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
