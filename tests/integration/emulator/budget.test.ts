// SharePoint's throttling budget as the emulator enforces it ("Avoid getting throttled or blocked in
// SharePoint Online"): RU per app per tenant per minute by licence count, each $batch sub-request on
// its own, 3,000 requests per user per 5 minutes, 429 with Retry-After, and the usage report.
import { BatchRequestContent, BatchResponseContent, type BatchRequestStep, type Client, type GraphError } from '@microsoft/microsoft-graph-client';
import type * as MG from '@microsoft/microsoft-graph-types';
import { SEED, startEmulator, type RunningEmulator, type UsageReport } from '../../../dev/graph-emulator';
import { createEmulatorClient } from '../support/emulatorClient';
import { graphError } from '../support/graphError';
import { rawGraph } from '../support/rawGraph';
import { sharePointRest } from '../support/sharePointRest';

const GRAPH = 'https://graph.microsoft.com/v1.0';
const facilitator = SEED.users.facilitator.userPrincipalName;
const colleague = SEED.users.debtCounsellor.userPrincipalName;
const site = SEED.groups.team.site.id;
/** Five seconds into a minute, so 55 seconds remain of it. */
const START = Date.parse('2026-03-02T09:00:05.000Z');

// Each test spends a budget over HTTP in dozens of batches: slow on a busy machine.
jest.setTimeout(60_000);

let clock = START;
const now = () => new Date(clock);
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ dataDir: ':memory:', now });
});
afterAll(() => emu.close());
beforeEach(() => {
  clock = START;
  emu.admin.reset();
});

/** The real SDK client without retries, so a 429 reaches the test as it reached the app. */
function client(upn = facilitator, target: RunningEmulator = emu): Client {
  return createEmulatorClient(target.url, upn, { maxRetries: 0 });
}

async function batch(c: Client, steps: BatchRequestStep[]): Promise<BatchResponseContent> {
  return new BatchResponseContent(await c.api('/$batch').post(await new BatchRequestContent(steps).getContent()));
}

function reads(count: number, path = `/sites/${site}`, prefix = 'r'): BatchRequestStep[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, request: new Request(`${GRAPH}${path}`) }));
}

/**
 * Spends `ru` resource units in batches of 20: queries of the site's lists (2 RU each), and one
 * single-item read (1 RU) for an odd amount. Every sub-request must pass.
 */
async function spend(ru: number, c: Client = client()): Promise<void> {
  const steps = [...reads(Math.floor(ru / 2), `/sites/${site}/lists`, 'q'), ...reads(ru % 2)];
  for (let i = 0; i < steps.length; i += 20) {
    const responses = await batch(c, steps.slice(i, i + 20));
    for (const [, r] of responses.getResponses()) expect(r.status).toBe(200);
  }
}

/** Makes `count` single-item reads (1 request and 1 RU each) in batches of 20. */
async function requests(count: number, c: Client = client()): Promise<void> {
  for (let left = count; left > 0; left -= 20) {
    const responses = await batch(c, reads(Math.min(20, left)));
    for (const [, r] of responses.getResponses()) expect(r.status).toBe(200);
  }
}

async function usage(target: RunningEmulator = emu, query = ''): Promise<UsageReport> {
  const res = await rawGraph(target.origin, 'GET', `/_emulator/usage${query}`);
  expect(res.status).toBe(200);
  return res.body as UsageReport;
}

async function newList(c: Client = client()): Promise<MG.List> {
  return (await c.api(`/sites/${site}/lists`).post({ displayName: `Budgetlijst ${Math.random()}`, columns: [{ name: 'Key', text: {}, indexed: true }] })) as MG.List;
}

describe('the SharePoint budget of a tenant with up to 1,000 licences', () => {
  it('answers the request carrying the 1,251st resource unit of a minute 429 with Retry-After until the minute ends', async () => {
    await spend(1250);
    const error = await graphError(client().api(`/sites/${site}`).get());
    expect(error.statusCode).toBe(429);
    expect(error.headers?.get('Retry-After')).toBe('55');
    expect(error.code).toBe('activityLimitReached');
    expect((await usage()).currentMinute).toMatchObject({ ru: 1251, throttled: 1 });
  });

  it('refuses a 2-RU query when only 1 RU is left, and still lets a 1-RU read through', async () => {
    await spend(1249);
    const list = `/sites/${site}/lists`;
    expect((await graphError(client().api(list).get())).statusCode).toBe(429);
    // The refused query still counted (the page: throttled requests count), so the minute is now full.
    expect((await graphError(client().api(`/sites/${site}`).get())).statusCode).toBe(429);
  });

  it('has the budget back in the next minute', async () => {
    await spend(1250);
    expect((await graphError(client().api(`/sites/${site}`).get())).statusCode).toBe(429);
    clock += 55_000;
    const siteRead = (await client().api(`/sites/${site}`).get()) as MG.Site;
    expect(siteRead.id).toBe(site);
  });

  it('sends the RateLimit headers once 80% of the minute is used', async () => {
    await spend(998);
    const below = await rawGraph(emu.origin, 'GET', `/v1.0/sites/${site}`, { upn: facilitator });
    expect(below.headers.get('RateLimit-Limit')).toBeNull();
    const at = await rawGraph(emu.origin, 'GET', `/v1.0/sites/${site}`, { upn: facilitator });
    expect(at.status).toBe(200);
    expect(at.headers.get('RateLimit-Limit')).toBe('1250');
    expect(at.headers.get('RateLimit-Remaining')).toBe('250');
    expect(at.headers.get('RateLimit-Reset')).toBe('55');
  });

  it('charges each $batch sub-request on its own: 20 queries cost 20 times one', async () => {
    const c = client();
    const list = await newList(c);
    await rawGraph(emu.origin, 'DELETE', '/_emulator/usage');
    await c.api(`/sites/${site}/lists/${list.id}/items`).get();
    expect((await usage()).currentMinute.ru).toBe(2);
    const responses = await batch(c, reads(20, `/sites/${site}/lists/${list.id}/items`));
    for (const [, r] of responses.getResponses()) expect(r.status).toBe(200);
    const after = await usage();
    expect(after.currentMinute.ru).toBe(2 + 20 * 2);
    expect(after.currentMinute.byKind.multiItemQuery).toEqual({ ru: 42, requests: 21, batched: 20, throttled: 0 });
  });

  it('throttles the sub-requests of a batch that no longer fit, each with its own Retry-After, in a 200 envelope', async () => {
    await spend(1240);
    const c = client();
    const raw: unknown = await c.api('/$batch').post(await new BatchRequestContent(reads(20)).getContent());
    const { responses } = raw as { responses: { id: string; status: number; headers: Record<string, string>; body?: { error?: { code: string } } }[] };
    const passed = responses.filter((r) => r.status === 200).map((r) => r.id);
    const throttled = responses.filter((r) => r.status === 429);
    expect(passed).toEqual(Array.from({ length: 10 }, (_, i) => `r${i}`));
    expect(throttled).toHaveLength(10);
    for (const r of throttled) {
      expect(r.headers['Retry-After']).toBe('55');
      expect(r.body?.error?.code).toBe('activityLimitReached');
    }
    // The envelope itself came back 200: the SDK's RetryHandler never sees these 429s.
    expect(emu.admin.requests().entries.filter((e) => e.path === '/$batch').every((e) => e.status === 200)).toBe(true);
  });

  it('counts the 3,000 requests a user may make in 5 minutes, whatever the app budget', async () => {
    // 1,000 RU a minute stays within the app's 1,250; three minutes fill the user's 3,000 requests.
    for (let minute = 0; minute < 3; minute++) {
      await requests(1000);
      clock += 60_000;
    }
    const error = await graphError(client().api(`/sites/${site}`).get());
    expect(error.statusCode).toBe(429);
    // 09:03:05 → the 5-minute window ends at 09:05:00.
    expect(error.headers?.get('Retry-After')).toBe('115');
    // Another person using the same app is not affected.
    expect(((await client(colleague).api(`/sites/${site}`).get()) as MG.Site).id).toBe(site);
  });

  it('charges nothing for directory and Planner calls, nor for the admin API', async () => {
    const c = client();
    await c.api('/me').get();
    await c.api(`/groups/${SEED.groups.team.id}/members`).get();
    await c.api(`/groups/${SEED.groups.team.id}/planner/plans`).get();
    const list = await newList(c);
    await rawGraph(emu.origin, 'DELETE', '/_emulator/usage');
    const items = Array.from({ length: 2000 }, (_, i) => ({ Title: `Item ${i}`, Key: `k${i}` }));
    expect((await rawGraph(emu.origin, 'POST', `/_emulator/lists/${site}/${list.id}/bulk-items`, { body: { items } })).status).toBe(201);
    await c.api('/me').get();
    const report = await usage();
    expect(report.totals.ru).toBe(0);
    expect(report.totals.requests).toBe(1);
    expect(report.totals.byKind.directory).toEqual({ ru: 0, requests: 1, batched: 0, throttled: 0 });
  });
});

describe('SharePoint REST calls', () => {
  it('cost from the same budget: reading a list 1 RU, changing its item-level permissions 5 RU (a permission operation)', async () => {
    const list = await newList();
    await rawGraph(emu.origin, 'DELETE', '/_emulator/usage');
    const listUrl = `${SEED.groups.team.site.path}/_api/web/lists/GetByTitle('${encodeURIComponent(list.displayName ?? '')}')`;
    const base = `https://${SEED.host}${listUrl}`;
    expect((await sharePointRest(emu.origin, 'GET', `${base}?$select=ReadSecurity`, { upn: facilitator })).status).toBe(200);
    const merge = await sharePointRest(emu.origin, 'POST', base, { upn: facilitator, headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' }, body: { ReadSecurity: 2, WriteSecurity: 2 } });
    expect(merge.status).toBe(204);
    const report = await usage();
    expect(report.totals.ru).toBe(6);
    expect(report.totals.byKind.permission).toEqual({ ru: 5, requests: 1, batched: 0, throttled: 0 });
    expect(report.totals.byKind.singleItem).toEqual({ ru: 1, requests: 1, batched: 0, throttled: 0 });
  });
});

describe('a tenant with 3,000 licences', () => {
  let big: RunningEmulator;
  beforeAll(async () => {
    big = await startEmulator({ dataDir: ':memory:', now, tenant: { licences: 3000 } });
  });
  afterAll(() => big.close());

  it('gets 2,500 resource units a minute', async () => {
    const c = client(facilitator, big);
    await spend(2500, c);
    const error = await graphError(c.api(`/sites/${site}`).get());
    expect(error.statusCode).toBe(429);
    const report = await usage(big);
    expect(report.licences).toBe(3000);
    expect(report.limits.appRuPerMinute).toBe(2500);
    expect(report.limits.appRuPerDay).toBe(2_400_000);
  });
});

describe('a tolerant tenant (budget off)', () => {
  let tolerant: RunningEmulator;
  beforeAll(async () => {
    tolerant = await startEmulator({ dataDir: ':memory:', now, tenant: { budget: 'off' } });
  });
  afterAll(() => tolerant.close());

  it('measures every resource unit but never throttles', async () => {
    const c = client(facilitator, tolerant);
    await spend(1300, c);
    const report = await usage(tolerant);
    expect(report.budget).toBe('off');
    expect(report.currentMinute).toMatchObject({ ru: 1300, throttled: 0 });
  });
});

describe('GET /_emulator/usage', () => {
  it('shows RU and requests per minute, per app, per user and per kind of call, and the 429s', async () => {
    const mine = client();
    const theirs = client(colleague);
    const list = await newList(mine);
    const items = `/sites/${site}/lists/${list.id}/items`;
    await rawGraph(emu.origin, 'DELETE', '/_emulator/usage');

    const created = (await mine.api(items).post({ fields: { Key: 'a' } })) as MG.ListItem; // write, 2
    await mine.api(`${items}/${created.id}`).get(); // single item, 1
    await theirs.api(items).get(); // query, 2
    await theirs.api('/me').get(); // directory, 0
    await batch(theirs, reads(3, `${items}/${created.id}`, 'one')); // 3 × single item, batched
    clock += 60_000;
    await spend(1250, mine);
    await graphError(mine.api(items).get()); // throttled query: 429, still 2 RU

    const report = await usage(emu, '?minutes=3');
    expect(report.lastMinutes.map((m) => m.minute)).toEqual(['2026-03-02T08:59:00.000Z', '2026-03-02T09:00:00.000Z', '2026-03-02T09:01:00.000Z']);
    const first = report.lastMinutes[1];
    expect(first).toMatchObject({ ru: 8, requests: 7, batched: 3, throttled: 0 });
    expect(first?.byUser[facilitator]).toEqual({ ru: 3, requests: 2, batched: 0, throttled: 0 });
    expect(first?.byUser[colleague]).toEqual({ ru: 5, requests: 5, batched: 3, throttled: 0 });
    expect(first?.byKind).toEqual({
      write: { ru: 2, requests: 1, batched: 0, throttled: 0 },
      singleItem: { ru: 4, requests: 4, batched: 3, throttled: 0 },
      multiItemQuery: { ru: 2, requests: 1, batched: 0, throttled: 0 },
      directory: { ru: 0, requests: 1, batched: 0, throttled: 0 },
    });
    expect(Object.keys(first?.byApp ?? {})).toHaveLength(1);
    expect(report.currentMinute).toMatchObject({ ru: 1252, throttled: 1 });
    expect(report.currentMinute.byKind.multiItemQuery).toEqual({ ru: 1252, requests: 626, batched: 625, throttled: 1 });
    expect(report.worstMinute?.minute).toBe('2026-03-02T09:01:00.000Z');
    expect(report.totals.ru).toBe(8 + 1252);
    expect(Object.values(report.today)).toEqual([8 + 1252]);

    expect((await rawGraph(emu.origin, 'DELETE', '/_emulator/usage')).status).toBe(204);
    const cleared = await usage();
    expect(cleared.totals.requests).toBe(0);
    expect(cleared.worstMinute).toBeNull();
    // The budget is free again after the reset.
    expect(((await mine.api(`/sites/${site}`).get()) as MG.Site).id).toBe(site);
  });

  it('notes the cost of each request in the request log, and whether the budget refused it', async () => {
    await spend(1250);
    await graphError(client().api(`/sites/${site}/lists`).get());
    const entries = emu.admin.requests().entries.filter((e) => e.path !== '/$batch');
    expect(entries[0]).toMatchObject({ method: 'GET', status: 200, ru: 2, kind: 'multiItemQuery', throttledByBudget: false, batched: true });
    expect(entries[entries.length - 1]).toMatchObject({ method: 'GET', status: 429, ru: 2, kind: 'multiItemQuery', throttledByBudget: true, batched: false });
    expect(emu.admin.requests().ru).toBe(1252);
  });

  it('refuses a number of minutes outside 1–120', async () => {
    const res = await rawGraph(emu.origin, 'GET', '/_emulator/usage?minutes=0');
    expect(res.status).toBe(400);
    expect((res.body as { error: { code: string } }).error.code).toBe('invalidRequest');
  });
});

describe('the error a throttled request gets', () => {
  it('is Graph-shaped with the request ids', async () => {
    await spend(1250);
    const res = await rawGraph(emu.origin, 'GET', `/v1.0/sites/${site}`, { upn: facilitator, headers: { 'client-request-id': 'abc-123' } });
    expect(res.status).toBe(429);
    const body = res.body as { error: { code: string; message: string; innerError: Record<string, string> } };
    expect(body.error.code).toBe('activityLimitReached');
    expect(body.error.message).toBe('The request has been throttled');
    expect(body.error.innerError['client-request-id']).toBe('abc-123');
    expect(res.headers.get('Retry-After')).toBe('55');
  });

  it('is read by the SDK as a GraphError with status 429', async () => {
    await spend(1250);
    const error: GraphError = await graphError(client().api(`/sites/${site}`).get());
    expect(error.statusCode).toBe(429);
  });
});
