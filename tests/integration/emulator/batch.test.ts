import { BatchRequestContent, BatchResponseContent, type BatchRequestStep, type Client } from '@microsoft/microsoft-graph-client';
import type * as MG from '@microsoft/microsoft-graph-types';
import { SEED, startEmulator, type RunningEmulator } from '../../../dev/graph-emulator';
import { createEmulatorClient } from '../support/emulatorClient';
import { rawGraph } from '../support/rawGraph';

let emu: RunningEmulator;
let client: Client;
const upn = SEED.users.facilitator.userPrincipalName;
const GRAPH = 'https://graph.microsoft.com/v1.0';

beforeAll(async () => {
  emu = await startEmulator({ dataDir: ':memory:' });
  client = createEmulatorClient(emu.url, upn);
});
afterAll(() => emu.close());
beforeEach(() => emu.admin.reset());

function step(id: string, path: string, init: RequestInit = {}, dependsOn?: string[]): BatchRequestStep {
  return { id, request: new Request(`${GRAPH}${path}`, init), ...(dependsOn ? { dependsOn } : {}) };
}

async function send(steps: BatchRequestStep[]): Promise<BatchResponseContent> {
  const content = await new BatchRequestContent(steps).getContent();
  return new BatchResponseContent(await client.api('/$batch').post(content));
}

describe('$batch', () => {
  it('runs GET and POST sub-requests through the same router and returns JSON bodies the SDK can parse', async () => {
    const list = (await client.api(`/sites/${SEED.sites.team.id}/lists`).post({ displayName: 'Batchlijst', columns: [{ name: 'Key', text: {}, indexed: true }] })) as MG.List;
    const items = `/sites/${SEED.sites.team.id}/lists/${list.id}/items`;
    const responses = await send([
      step('me', '/me'),
      step('create', items, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fields: { Key: 'a' } }) }),
      step('group', `/groups/${SEED.groups.team.id}`),
    ]);
    const me = responses.getResponseById('me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as MG.User).id).toBe(SEED.users.facilitator.id);
    const created = responses.getResponseById('create');
    expect(created.status).toBe(201);
    expect(created.headers.get('ETag')).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(((await created.json()) as { fields: { Key: string } }).fields.Key).toBe('a');
    expect(responses.getResponseById('group').status).toBe(200);
  });

  it('answers a failing dependency chain with 424 for every dependent', async () => {
    const responses = await send([
      step('1', '/groups/00000000-0000-4000-8000-000000000000'),
      step('2', '/me', {}, ['1']),
      step('3', '/me', {}, ['2']),
    ]);
    expect(responses.getResponseById('1').status).toBe(404);
    expect(responses.getResponseById('2').status).toBe(424);
    expect(responses.getResponseById('3').status).toBe(424);
  });

  it('runs dependents after their dependency even when they are listed first', async () => {
    const list = (await client.api(`/sites/${SEED.sites.team.id}/lists`).post({ displayName: 'Volgorde', columns: [{ name: 'N', number: {} }] })) as MG.List;
    const url = `/sites/${SEED.sites.team.id}/lists/${list.id}/items`;
    const post = (id: string, n: number, dependsOn?: string[]) => ({ id, method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body: { fields: { N: n } }, ...(dependsOn ? { dependsOn } : {}) });
    const res = await rawGraph(emu.origin, 'POST', '/v1.0/$batch', { upn, body: { requests: [post('c', 3, ['b']), post('b', 2, ['a']), post('a', 1)] } });
    const responses = (res.body as { responses: { id: string; body: { id: string } }[] }).responses;
    const itemId = (id: string) => responses.find((r) => r.id === id)?.body.id;
    expect([itemId('a'), itemId('b'), itemId('c')]).toEqual(['1', '2', '3']);
  });

  it('gives each throttled sub-request its own 429 with Retry-After inside a 200 batch', async () => {
    emu.admin.setFaults({ rate429: 1, pathPattern: '/me', retryAfterSeconds: 0.249 });
    const responses = await send([step('me', '/me'), step('group', `/groups/${SEED.groups.team.id}`)]);
    const throttled = responses.getResponseById('me');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('Retry-After')).toBe('0.249');
    expect(((await throttled.json()) as { error: { code: string } }).error.code).toBe('TooManyRequests');
    expect(responses.getResponseById('group').status).toBe(200);
  });

  it('refuses more than 20 requests', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' }));
    const res = await rawGraph(emu.origin, 'POST', '/v1.0/$batch', { upn, body: { requests } });
    expect(res.status).toBe(400);
    expect((res.body as { error: { code: string; message: string } }).error.message).toContain('20');
  });

  it('refuses a batch whose write has no Content-Type header', async () => {
    const res = await rawGraph(emu.origin, 'POST', '/v1.0/$batch', { upn, body: { requests: [{ id: 'w', method: 'POST', url: '/planner/buckets', body: { name: 'x', planId: 'y' } }] } });
    expect(res.status).toBe(400);
    expect((res.body as { error: { message: string } }).error.message).toBe('Write request id : w does not contain Content-Type header or body.');
  });

  it('refuses duplicate ids and unknown dependencies', async () => {
    const dup = await rawGraph(emu.origin, 'POST', '/v1.0/$batch', { upn, body: { requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '1', method: 'GET', url: '/me' }] } });
    expect(dup.status).toBe(400);
    const missing = await rawGraph(emu.origin, 'POST', '/v1.0/$batch', { upn, body: { requests: [{ id: '1', method: 'GET', url: '/me', dependsOn: ['9'] }] } });
    expect(missing.status).toBe(400);
  });

  it('accepts relative urls with and without a leading slash, and refuses absolute ones', async () => {
    const res = await rawGraph(emu.origin, 'POST', '/v1.0/$batch', {
      upn,
      body: { requests: [{ id: 'a', method: 'GET', url: 'me' }, { id: 'b', method: 'GET', url: '/me?$select=id' }] },
    });
    const responses = (res.body as { responses: { id: string; status: number; headers: Record<string, string>; body: Record<string, unknown> }[] }).responses;
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect(responses.every((r) => r.headers['Content-Type'] === 'application/json')).toBe(true);
    expect(responses.find((r) => r.id === 'b')?.body.displayName).toBeUndefined();
    const absolute = await rawGraph(emu.origin, 'POST', '/v1.0/$batch', { upn, body: { requests: [{ id: 'a', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me' }] } });
    expect(absolute.status).toBe(400);
  });

  it('runs sub-requests as the batch caller, so an unknown token fails the batch', async () => {
    const res = await rawGraph(emu.origin, 'POST', '/v1.0/$batch', { body: { requests: [{ id: 'a', method: 'GET', url: '/me' }] } });
    expect(res.status).toBe(401);
  });

  it('counts a batch as one round trip and its sub-requests separately', async () => {
    emu.admin.clearRequests();
    await send([step('1', '/me'), step('2', '/me')]);
    const log = emu.admin.requests();
    expect(log.roundTrips).toBe(1);
    expect(log.batchedRequests).toBe(2);
    expect(log.counts['GET /me']).toBe(2);
  });
});
