// Publishing is exactly-once as a person sees it: whatever answer gets lost after Graph carried a
// request out, and however many people press Publiceer at once, every action ends up as one task in
// one plan, and every run's summary accounts for every action.
import { AppConfigSchema } from '../../../src/app/config';
import { appTokenProvider, tokenUrl } from '../support/emulatorClient';
import { createGraphServices } from '../../../src/graph';
import { createGraphClient, GraphApi } from '../../../src/graph/client';
import { COLUMNS, columnDefinition, LIST_KINDS, LIST_TITLES } from '../../../src/graph/lists';
import type { GraphServices, PublishResult, SessionSnapshot } from '../../../src/graph/contracts';
import { PublishBusyError } from '../../../src/graph/errors';
import { markerIn } from '../../../src/graph/plannerPublisher';
import { startAfterCommitProxy, type AfterCommitFault, type AfterCommitProxy } from '../support/afterCommitProxy';
import { fastBatch, startHarness, SEED, type Harness } from './harness';
import { agenda, createSessionWithAgenda, THEMES } from './lifecycle';

const { users, groups } = SEED;
const ACTIONS = 30;
const PLAN_TITLE = 'Gesprekstool Lelystad';
let h: Harness;
let proxy: AfterCommitProxy;

beforeAll(async () => {
  h = await startHarness();
  proxy = await startAfterCommitProxy(h.emulator.origin);
});
afterAll(async () => {
  await proxy.close();
  await h.close();
});
beforeEach(() => {
  h.emulator.admin.reset();
  proxy.setRule(null);
});

/** Graph requests go through the proxy; tokens come from the emulator's token endpoint itself. */
function proxyConfig() {
  return AppConfigSchema.parse({
    auth: { mode: 'dev', tokenUrl: tokenUrl(h.emulator.origin), clientId: SEED.apps.gesprekstool.clientId },
    graph: { loopbackOrigin: proxy.origin },
    appOrigin: 'https://localhost:4210',
  });
}

/** The app's own Graph services, talking to the emulator through the proxy that can lose answers. */
function throughProxy(upn: string): GraphServices {
  return createGraphServices(proxyConfig(), appTokenProvider(h.emulator.origin, upn), { batch: fastBatch });
}

const facilitator = users.facilitator;
const by = (u: { id: string; displayName: string }) => ({ id: u.id, name: u.displayName });

async function sessionWithAgenda(count: number): Promise<{ services: GraphServices; key: string }> {
  const services = throughProxy(facilitator.userPrincipalName);
  const { key } = await createSessionWithAgenda(services, h.location, (k) => agenda(k, count));
  return { services, key };
}

function publish(services: GraphServices, snapshot: SessionSnapshot, who = facilitator): Promise<PublishResult> {
  return services.publisher.publish(snapshot, {
    groupId: groups.team.id,
    planTitle: PLAN_TITLE,
    themes: THEMES,
    linkBack: `https://localhost:4210/#/sessie/${snapshot.session.value.key}`,
    location: h.location,
    by: by(who),
  });
}

interface PlannerRow {
  kind: string;
  id: string;
  parent: string | null;
  doc: Record<string, unknown>;
}
function planner(): PlannerRow[] {
  return (h.emulator.admin.state() as { planner: PlannerRow[] }).planner;
}

function tally(result: PublishResult): Record<string, number> {
  const counts: Record<string, number> = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const o of result.outcomes) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  return counts;
}

/** One plan of that title, one task per action, each task carrying its own action's marker and id. */
async function expectExactlyOnce(services: GraphServices, key: string, count: number): Promise<void> {
  const rows = planner();
  expect(rows.filter((r) => r.kind === 'plan' && r.doc.title === PLAN_TITLE)).toHaveLength(1);
  const tasks = rows.filter((r) => r.kind === 'task');
  expect(tasks).toHaveLength(count);
  const buckets = rows.filter((r) => r.kind === 'bucket').map((r) => `${r.parent}/${String(r.doc.name)}`);
  expect(new Set(buckets).size).toBe(buckets.length);
  const markers = rows.filter((r) => r.kind === 'taskDetails').map((r) => markerIn(r.doc.description as string));
  const snapshot = await services.store(h.location).openSession(key);
  const ids = snapshot.actions.map((a) => a.value.id).sort();
  expect(markers.sort()).toEqual(ids);
  const stored = snapshot.actions.map((a) => a.value.plannerTaskId);
  expect(new Set(stored).size).toBe(count);
  expect(stored.every((id) => tasks.some((t) => t.id === id))).toBe(true);
  expect(snapshot.session.value.publishClaim ?? null).toBeNull();
}

describe('a lost answer after the commit', () => {
  // How many HTTP requests a clean publish of 30 actions makes; every one of them gets its turn to fail.
  let steps = 0;
  beforeAll(async () => {
    h.emulator.admin.reset();
    const { services, key } = await sessionWithAgenda(ACTIONS);
    const snapshot = await services.store(h.location).openSession(key);
    proxy.setRule(() => null);
    await publish(services, snapshot);
    steps = proxy.count();
  }, 60_000);

  it.each<AfterCommitFault>(['504', 'reset', 'createsAnswered504'])(
    'at every step of a 30-action publish (%s) leaves no duplicate task or plan, and each run accounts for every action',
    async (fault) => {
      expect(steps).toBeGreaterThan(3);
      for (let step = 1; step <= steps; step += 1) {
        h.emulator.admin.reset();
        const { services, key } = await sessionWithAgenda(ACTIONS);
        const store = services.store(h.location);
        const snapshot = await store.openSession(key);
        proxy.setRule((r) => (r.n === step ? fault : null));
        const hit = await publish(services, snapshot);
        expect(proxy.lost()).not.toHaveLength(0);
        const counted = tally(hit);
        expect(counted.created! + counted.updated! + counted.unchanged! + counted.failed!).toBe(ACTIONS);
        expect(hit.outcomes).toHaveLength(ACTIONS);

        // The person presses Publiceer again: everything is there once, nothing is made twice.
        proxy.setRule(null);
        const again = await publish(services, await store.openSession(key));
        expect(again.outcomes.filter((o) => o.kind === 'failed')).toEqual([]);
        expect(again.outcomes.filter((o) => o.kind === 'created').length + counted.created!).toBeLessThanOrEqual(ACTIONS);
        await expectExactlyOnce(services, key, ACTIONS);
      }
    },
    300_000,
  );
});

describe('two people pressing Publiceer at once', () => {
  it('lets one publish and tells the other who is publishing; one plan, one task per action', async () => {
    const { services, key } = await sessionWithAgenda(10);
    const snapshot = await services.store(h.location).openSession(key);
    // Only the facilitator may write the session item (edit only their own), so the second publisher
    // is the facilitator's other device: the stage on the laptop and the side panel on the phone.
    const otherDevice = throughProxy(facilitator.userPrincipalName);
    h.emulator.admin.setFaults({ latencyMs: 20 });
    const [mine, theirs] = await Promise.allSettled([publish(services, snapshot), publish(otherDevice, snapshot)]);
    h.emulator.admin.setFaults({});
    const done = [mine, theirs].filter((r) => r.status === 'fulfilled');
    const refused = [mine, theirs].filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(done).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.reason).toBeInstanceOf(PublishBusyError);
    expect((refused[0]?.reason as PublishBusyError).by).toBe(facilitator.displayName);
    const result = (done[0] as PromiseFulfilledResult<PublishResult>).value;
    expect(tally(result)).toEqual({ created: 10, updated: 0, unchanged: 0, failed: 0 });
    await expectExactlyOnce(services, key, 10);
  });

  it('two sessions of the same municipality publishing at once share one plan', async () => {
    const first = await sessionWithAgenda(3);
    const second = await sessionWithAgenda(0);
    const store = second.services.store(h.location);
    for (const action of agenda(second.key, 3)) await store.saveAction({ ...action, id: `${action.id}-tweede` }, null);
    h.emulator.admin.setFaults({ latencyMs: 20 });
    const results = await Promise.all([
      publish(first.services, await first.services.store(h.location).openSession(first.key)),
      publish(second.services, await store.openSession(second.key)),
    ]);
    h.emulator.admin.setFaults({});
    expect(results.map((r) => r.planId)[0]).toBe(results[1]?.planId);
    expect(planner().filter((r) => r.kind === 'plan')).toHaveLength(1);
    expect(planner().filter((r) => r.kind === 'task')).toHaveLength(6);
  });
});

describe('what the run reads and reports', () => {
  it('publishes a proposal saved after the caller read the agenda, and counts it', async () => {
    const { services, key } = await sessionWithAgenda(2);
    const stale = await services.store(h.location).openSession(key);
    const participant = throughProxy(users.debtCounsellor.userPrincipalName).store(h.location);
    const proposal = { ...agenda(key, 3)[2]!, id: 'a-voorstel', title: 'Voorstel van Sanne', proposedBy: users.debtCounsellor.id };
    await participant.saveAction(proposal, null);

    const result = await publish(services, stale);
    expect(result.outcomes).toHaveLength(3);
    expect(result.outcomes.find((o) => o.actionId === 'a-voorstel')).toMatchObject({ kind: 'created', title: 'Voorstel van Sanne' });
    await expectExactlyOnce(services, key, 3);
  });

  it('re-publishing creates nothing and reads only its own tasks, never the whole plan', async () => {
    const { services, key } = await sessionWithAgenda(ACTIONS);
    const store = services.store(h.location);
    await publish(services, await store.openSession(key));
    h.emulator.admin.clearRequests();
    const again = await publish(services, await store.openSession(key));
    expect(tally(again)).toEqual({ created: 0, updated: 0, unchanged: ACTIONS, failed: 0 });
    const counts = h.emulator.admin.requests().counts;
    expect(Object.keys(counts).filter((k) => k.startsWith('POST /planner/'))).toEqual([]);
    expect(Object.keys(counts).filter((k) => /\/planner\/(plans|buckets)\/[^/]+\/tasks/.test(k))).toEqual([]);
    await expectExactlyOnce(services, key, ACTIONS);
  });

  it('a claim left by a publisher that vanished blocks others only until it expires', async () => {
    const { services, key } = await sessionWithAgenda(2);
    const store = services.store(h.location);
    const snapshot = await store.openSession(key);
    const soon = new Date(Date.now() + 60_000).toISOString();
    const claimed = await store.updateSession(snapshot.session, (s) => ({ ...s, publishClaim: { by: 'Sanne van ’t Hof', until: soon } }));
    const refused = await publish(services, { ...snapshot, session: claimed }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PublishBusyError);
    expect(refused).toMatchObject({ by: 'Sanne van ’t Hof', until: soon });
    expect(planner().filter((r) => r.kind === 'task')).toHaveLength(0);

    const expired = await store.updateSession(claimed, (s) => ({ ...s, publishClaim: { by: 'Sanne van ’t Hof', until: new Date(Date.now() - 1000).toISOString() } }));
    const result = await publish(services, { ...snapshot, session: expired });
    expect(tally(result)).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 0 });
    await expectExactlyOnce(services, key, 2);
  });
});

describe('a site provisioned before publishing claimed sessions', () => {
  it('still creates sessions, and the first publish adds the claim columns and publishes', async () => {
    const api = new GraphApi(createGraphClient(proxyConfig(), appTokenProvider(h.emulator.origin, facilitator.userPrincipalName)));
    const claimColumns = ['PublishClaimBy', 'PublishClaimUntil'];
    for (const kind of LIST_KINDS) {
      const columns = COLUMNS[kind].filter((c) => !claimColumns.includes(c.name)).map(columnDefinition);
      await api.call('POST', `/sites/${encodeURIComponent(h.location.siteId)}/lists`, { scopes: ['Sites.Manage.All'], body: { displayName: LIST_TITLES[kind], list: { template: 'genericList' }, columns } });
    }
    const services = throughProxy(facilitator.userPrincipalName);
    const store = services.store(h.location);
    const created = await store.createSession({ municipality: 'Lelystad', title: 'Oud', purpose: 'agendering', meetingId: null, plannerGroupId: groups.team.id, facilitator: { id: facilitator.id, name: facilitator.displayName } });
    for (const action of agenda(created.session.value.key, 2)) await store.saveAction(action, null);

    const result = await publish(services, await store.openSession(created.session.value.key));
    expect(tally(result)).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 0 });
    const list = (await api.call('GET', `/sites/${encodeURIComponent(h.location.siteId)}/lists/${encodeURIComponent(LIST_TITLES.sessions)}?$expand=columns`, { scopes: ['Sites.Read.All'] })) as { columns: { name: string }[] };
    expect(list.columns.map((c) => c.name)).toEqual(expect.arrayContaining(claimColumns));
    await expectExactlyOnce(services, created.session.value.key, 2);
  });
});
