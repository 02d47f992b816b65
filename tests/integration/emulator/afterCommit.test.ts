// Failures after the fact: the emulator applies the request and then loses the answer (504, a closed
// connection), or delivers it twice — what real networks do and what makes duplicate writes.
import { BatchRequestContent, type Client } from '@microsoft/microsoft-graph-client';
import type * as MG from '@microsoft/microsoft-graph-types';
import { SEED, type FaultConfig } from '../../../dev/graph-emulator';
import { createEmulatorClient } from '../support/emulatorClient';
import { emulatorPerTestFile } from '../support/emulatorLifecycle';
import { graphError } from '../support/graphError';
import { rawGraph } from '../support/rawGraph';

const GRAPH = 'https://graph.microsoft.com/v1.0';
const upn = SEED.users.facilitator.userPrincipalName;
const site = SEED.groups.team.site.id;
const emulator = emulatorPerTestFile();

/** The real SDK client; without retries unless asked, so the test sees what the first attempt got. */
function client(maxRetries = 0): Client {
  return createEmulatorClient(emulator().url, upn, { maxRetries });
}

async function newList(name: string): Promise<string> {
  const list = (await client().api(`/sites/${site}/lists`).post({ displayName: name, columns: [{ name: 'Key', text: {} }] })) as MG.List;
  if (!list.id) throw new Error('list without id');
  return list.id;
}

async function keys(listId: string): Promise<string[]> {
  emulator().admin.setFaults({});
  const page = (await client().api(`/sites/${site}/lists/${listId}/items`).expand('fields').get()) as { value: { fields: { Key?: string } }[] };
  return page.value.map((i) => i.fields.Key ?? '').sort();
}

describe('a 504 after the commit', () => {
  it('leaves the change applied while the client saw 504 GatewayTimeout', async () => {
    const listId = await newList('Na de commit 504');
    emulator().admin.setFaults({ afterCommit504: 1, pathPattern: '/sites/*/items', methods: ['POST'] });
    const error = await graphError(client().api(`/sites/${site}/lists/${listId}/items`).post({ fields: { Key: 'toegepast' } }));
    expect(error.statusCode).toBe(504);
    expect(error.code).toBe('GatewayTimeout');
    expect(await keys(listId)).toEqual(['toegepast']);
    const logged = emulator().admin.requests().entries.find((e) => e.method === 'POST' && e.path.endsWith('/items'));
    expect(logged).toMatchObject({ status: 504, appliedStatus: 201, afterCommit: 'afterCommit504' });
  });

  it('turns one create into three when the SDK RetryHandler re-sends the POST after each 504', async () => {
    const listId = await newList('Herhaalde POST');
    emulator().admin.setFaults({ afterCommit504: 1, pathPattern: '/sites/*/items', methods: ['POST'] });
    // Two retries; without Retry-After the SDK waits about 1 s and then 3 s.
    const error = await graphError(client(2).api(`/sites/${site}/lists/${listId}/items`).post({ fields: { Key: 'taak' } }));
    expect(error.statusCode).toBe(504);
    expect(await keys(listId)).toEqual(['taak', 'taak', 'taak']);
  }, 20_000);

  it('answers a $batch sub-request 504 in its own response after applying it', async () => {
    const listId = await newList('Batch 504');
    emulator().admin.setFaults({ afterCommit504: 1, pathPattern: '/sites/*/items', methods: ['POST'] });
    const items = `${GRAPH}/sites/${site}/lists/${listId}/items`;
    const content = await new BatchRequestContent([
      { id: '1', request: new Request(items, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fields: { Key: 'a' } }) }) },
      { id: '2', request: new Request(items) },
    ]).getContent();
    const result = (await client().api('/$batch').post(content)) as { responses: { id: string; status: number }[] };
    expect(result.responses.find((r) => r.id === '1')?.status).toBe(504);
    expect(result.responses.find((r) => r.id === '2')?.status).toBe(200);
    expect(await keys(listId)).toEqual(['a']);
  });
});

describe('a connection reset after the commit', () => {
  it('gives the client a network error while the item exists', async () => {
    const listId = await newList('Verbroken verbinding');
    emulator().admin.setFaults({ afterCommitReset: 1, pathPattern: '/sites/*/items', methods: ['POST'] });
    const error = await graphError(client().api(`/sites/${site}/lists/${listId}/items`).post({ fields: { Key: 'bestaat' } }));
    // No HTTP answer at all: the SDK reports a failed fetch, not a status.
    expect(error.statusCode).toBe(-1);
    expect(await keys(listId)).toEqual(['bestaat']);
    expect(emulator().admin.requests().entries.find((e) => e.afterCommit === 'afterCommitReset')).toMatchObject({ status: 0, appliedStatus: 201 });
  });

  it('drops the whole $batch response after every sub-request was applied', async () => {
    const plain = await newList('Batch gewoon');
    const reset = await newList('Batch verbroken');
    emulator().admin.setFaults({ afterCommitReset: 1, pathPattern: `/sites/${site}/lists/${reset}/items`, methods: ['POST'] });
    const post = (listId: string, key: string) =>
      new Request(`${GRAPH}/sites/${site}/lists/${listId}/items`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fields: { Key: key } }) });
    const content = await new BatchRequestContent([
      { id: '1', request: post(plain, 'een') },
      { id: '2', request: post(reset, 'twee') },
      { id: '3', request: post(plain, 'drie') },
    ]).getContent();
    const error = await graphError(client().api('/$batch').post(content));
    expect(error.statusCode).toBe(-1);
    expect(await keys(plain)).toEqual(['drie', 'een']);
    expect(await keys(reset)).toEqual(['twee']);
  });
});

describe('duplicate delivery', () => {
  it('applies a POST twice and answers with the second item', async () => {
    const listId = await newList('Dubbel afgeleverd');
    emulator().admin.setFaults({ duplicate: 1, pathPattern: '/sites/*/items', methods: ['POST'] });
    const created = (await client().api(`/sites/${site}/lists/${listId}/items`).post({ fields: { Key: 'dubbel' } })) as MG.ListItem;
    emulator().admin.setFaults({});
    const page = (await client().api(`/sites/${site}/lists/${listId}/items`).expand('fields').get()) as { value: { id: string; fields: { Key: string } }[] };
    expect(page.value.map((i) => i.fields.Key)).toEqual(['dubbel', 'dubbel']);
    expect(created.id).toBe(page.value.map((i) => i.id).sort((a, b) => Number(a) - Number(b))[1]);
    const deliveries = emulator().admin.requests().entries.filter((e) => e.afterCommit === 'duplicate');
    expect(deliveries.map((e) => e.status)).toEqual([201, 201]);
  });

  it('charges both deliveries against the SharePoint budget', async () => {
    const listId = await newList('Dubbel betaald');
    emulator().admin.clearUsage();
    emulator().admin.setFaults({ duplicate: 1, pathPattern: '/sites/*/items', methods: ['POST'] });
    await client().api(`/sites/${site}/lists/${listId}/items`).post({ fields: { Key: 'x' } });
    expect(emulator().admin.usage().totals.byKind.write).toMatchObject({ ru: 4, requests: 2 });
  });
});

describe('configuration', () => {
  it('is set through PUT /_emulator/faults and read back', async () => {
    const res = await rawGraph(emulator().origin, 'PUT', '/_emulator/faults', { body: { afterCommit504: 0.2, afterCommitReset: 0.1, duplicate: 0.05, seed: 9 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ afterCommit504: 0.2, afterCommitReset: 0.1, duplicate: 0.05, seed: 9 });
    expect((await rawGraph(emulator().origin, 'GET', '/_emulator/faults')).body).toMatchObject({ afterCommit504: 0.2 } satisfies Partial<FaultConfig>);
    expect((await rawGraph(emulator().origin, 'PUT', '/_emulator/faults', { body: { duplicate: 2 } })).status).toBe(400);
  });

  it('gives the same failures for the same seed and the same requests', async () => {
    const run = async () => {
      emulator().admin.setFaults({ afterCommit504: 0.4, seed: 11, pathPattern: '/me' });
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await rawGraph(emulator().origin, 'GET', '/v1.0/me', { upn })).status);
      return out;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(504);
    expect(first).toContain(200);
  });

  it('keeps the 429/503 sequence of a seed unchanged when after-commit faults are added', async () => {
    const run = async (extra: Partial<FaultConfig>) => {
      emulator().admin.setFaults({ rate429: 0.3, seed: 5, retryAfterSeconds: 0, ...extra });
      const out: boolean[] = [];
      for (let i = 0; i < 20; i++) out.push((await rawGraph(emulator().origin, 'GET', '/v1.0/me', { upn })).status === 429);
      return out;
    };
    expect(await run({ duplicate: 0.5 })).toEqual(await run({}));
  });
});

describe('latency', () => {
  it('is applied to CORS preflights too', async () => {
    emulator().admin.setFaults({ latencyMs: 150, methods: ['PATCH'] });
    const started = performance.now();
    const res = await fetch(`${emulator().origin}/v1.0/sites/${site}/lists/x/items/1/fields`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'PATCH' },
    });
    expect(res.status).toBe(204);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    const quick = performance.now();
    await fetch(`${emulator().origin}/v1.0/me`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'GET' } });
    expect(performance.now() - quick).toBeLessThan(140);
  });
});
