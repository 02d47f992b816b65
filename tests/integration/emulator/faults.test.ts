import type * as MG from '@microsoft/microsoft-graph-types';
import { SEED, startEmulator, type RunningEmulator } from '../../../dev/graph-emulator';
import { createEmulatorClient } from '../support/emulatorClient';
import { rawGraph } from '../support/rawGraph';

let emu: RunningEmulator;
const upn = SEED.users.facilitator.userPrincipalName;

beforeAll(async () => {
  emu = await startEmulator({ dataDir: ':memory:' });
});
afterAll(() => emu.close());
beforeEach(() => emu.admin.reset());

async function statuses(count: number, path = '/v1.0/me', method = 'GET'): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await rawGraph(emu.origin, method, path, { upn })).status);
  return out;
}

describe('fault injection', () => {
  it('answers throttled requests with 429 TooManyRequests and the configured Retry-After', async () => {
    emu.admin.setFaults({ rate429: 1, retryAfterSeconds: 0.2 });
    const res = await rawGraph(emu.origin, 'GET', '/v1.0/me', { upn });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('0.2');
    expect((res.body as { error: { code: string } }).error.code).toBe('TooManyRequests');
  });

  it('answers unavailable requests with 503 serviceNotAvailable and Retry-After', async () => {
    emu.admin.setFaults({ rate503: 1, retryAfterSeconds: 0.1 });
    const res = await rawGraph(emu.origin, 'GET', '/v1.0/me', { upn });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('0.1');
    expect((res.body as { error: { code: string } }).error.code).toBe('serviceNotAvailable');
  });

  it('gives the same faults for the same seed and the same requests', async () => {
    emu.admin.setFaults({ rate429: 0.3, rate503: 0.2, seed: 42, retryAfterSeconds: 0 });
    const first = await statuses(30);
    emu.admin.setFaults({ rate429: 0.3, rate503: 0.2, seed: 42, retryAfterSeconds: 0 });
    const second = await statuses(30);
    expect(second).toEqual(first);
    expect(first).toContain(429);
    expect(first).toContain(503);
    expect(first).toContain(200);
    emu.admin.setFaults({ rate429: 0.3, rate503: 0.2, seed: 43, retryAfterSeconds: 0 });
    expect(await statuses(30)).not.toEqual(first);
  });

  it('lets the SDK RetryHandler ride out throttling when Retry-After is small', async () => {
    emu.admin.setFaults({ rate429: 0.5, seed: 7, retryAfterSeconds: 0.01 });
    const client = createEmulatorClient(emu.url, upn, { maxRetries: 10 });
    for (let i = 0; i < 10; i++) expect(((await client.api('/me').get()) as MG.User).id).toBe(SEED.users.facilitator.id);
    const log = emu.admin.requests();
    expect(log.byStatus['429']).toBeGreaterThan(0);
    expect(log.byStatus['200']).toBe(10);
  });

  it('faults only the configured paths and methods', async () => {
    emu.admin.setFaults({ rate429: 1, pathPattern: '/sites/*', methods: ['PATCH'] });
    expect(await statuses(3, `/v1.0/sites/${SEED.sites.root.id}`)).toEqual([200, 200, 200]);
    expect(await statuses(2, '/v1.0/me')).toEqual([200, 200]);
    expect(await statuses(1, `/v1.0/sites/${SEED.sites.root.id}/lists/x/items/1/fields`, 'PATCH')).toEqual([429]);
  });

  it('adds latency to each request', async () => {
    emu.admin.setFaults({ latencyMs: 120 });
    const started = performance.now();
    await rawGraph(emu.origin, 'GET', '/v1.0/me', { upn });
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });
});

describe('admin API', () => {
  it('is never faulted', async () => {
    emu.admin.setFaults({ rate429: 1, rate503: 0 });
    const res = await rawGraph(emu.origin, 'GET', '/_emulator/faults');
    expect(res.status).toBe(200);
    expect((res.body as { rate429: number }).rate429).toBe(1);
  });

  it('validates and replaces the fault configuration over HTTP', async () => {
    const bad = await rawGraph(emu.origin, 'PUT', '/_emulator/faults', { body: { rate429: 2 } });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { code: string; message: string } }).error.message).toContain('rate429');
    const unknown = await rawGraph(emu.origin, 'PUT', '/_emulator/faults', { body: { rate430: 1 } });
    expect(unknown.status).toBe(400);
    const ok = await rawGraph(emu.origin, 'PUT', '/_emulator/faults', { body: { rate503: 1, retryAfterSeconds: 0.5 } });
    expect(ok.body).toMatchObject({ rate429: 0, rate503: 1, retryAfterSeconds: 0.5, pathPattern: '*' });
    expect((await rawGraph(emu.origin, 'GET', '/v1.0/me', { upn })).status).toBe(503);
    expect((await rawGraph(emu.origin, 'POST', '/_emulator/reset')).status).toBe(204);
    expect((await rawGraph(emu.origin, 'GET', '/v1.0/me', { upn })).status).toBe(200);
  });

  it('bulk-inserts items, dumps state, re-seeds and keeps a request log', async () => {
    const client = createEmulatorClient(emu.url, upn);
    const list = (await client.api(`/sites/${SEED.sites.team.id}/lists`).post({ displayName: 'Bulk', columns: [{ name: 'Key', text: {}, indexed: true }] })) as MG.List;
    const inserted = await rawGraph(emu.origin, 'POST', `/_emulator/lists/${SEED.sites.team.id}/${list.id}/bulk-items`, { body: { items: [{ Key: 'a' }, { Key: 'b' }] } });
    expect(inserted).toMatchObject({ status: 201, body: { inserted: 2 } });
    const refused = await rawGraph(emu.origin, 'POST', `/_emulator/lists/${SEED.sites.team.id}/${list.id}/bulk-items`, { body: { items: [{ Nope: 1 }] } });
    expect(refused.status).toBe(400);
    const state = (await rawGraph(emu.origin, 'GET', '/_emulator/state')).body as { lists: { display_name: string; itemCount: number }[]; tenant: { users: object } };
    expect(state.lists).toEqual([expect.objectContaining({ display_name: 'Bulk', itemCount: 2 })]);
    expect(Object.keys(state.tenant.users)).toContain('facilitator');
    const log = (await rawGraph(emu.origin, 'GET', '/_emulator/requests')).body as { roundTrips: number; counts: Record<string, number> };
    expect(log.roundTrips).toBe(1);
    expect(log.counts[`POST /sites/${SEED.sites.team.id}/lists`]).toBe(1);
    expect((await rawGraph(emu.origin, 'DELETE', '/_emulator/requests')).status).toBe(204);
    expect(((await rawGraph(emu.origin, 'GET', '/_emulator/requests')).body as { roundTrips: number }).roundTrips).toBe(0);
    const seeded = await rawGraph(emu.origin, 'POST', '/_emulator/seed');
    expect((seeded.body as { users: { outsider: { displayName: string } } }).users.outsider.displayName).toBe('Bram de Groot');
    expect(((await rawGraph(emu.origin, 'GET', '/_emulator/state')).body as { lists: unknown[] }).lists).toEqual([]);
  });
});
