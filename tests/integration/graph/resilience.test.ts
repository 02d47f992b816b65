import { startHarness, SEED, type Harness } from './harness';
import { agenda, createSessionWithAgenda, plannerTasks, publishUntilComplete, runLifecycle, THEMES, threeParticipants } from './lifecycle';
import { LimitExceededError } from '../../../src/graph/errors';
import { GraphApi, createGraphClient } from '../../../src/graph/client';
import { AppConfigSchema } from '../../../src/app/config';
import { appTokenProvider, fetchToken, tokenUrl } from '../support/emulatorClient';
import { taskAssignees } from '../../../src/domain';

const { users, groups } = SEED;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.emulator.admin.reset();
});

async function sessionWithAgenda(actions: (key: string) => ReturnType<typeof agenda>) {
  const facilitator = h.services(users.facilitator.userPrincipalName);
  const { store, key } = await createSessionWithAgenda(facilitator, h.location, actions);
  return { facilitator, store, key };
}

const publishOptions = (key: string) => ({ groupId: groups.team.id, planTitle: 'Gesprekstool Lelystad', themes: THEMES, linkBack: `https://localhost:4210/#/sessie/${key}`, location: h.location, by: { id: users.facilitator.id, name: users.facilitator.displayName } });

describe('under throttling', () => {
  it('with half the requests answered 429/503 and added latency, loses no answer and duplicates no task', async () => {
    h.emulator.admin.setFaults({ rate429: 0.25, rate503: 0.25, retryAfterSeconds: 0.005, latencyMs: 2, seed: 11 });
    const { finalSnapshot, second } = await runLifecycle(h, 8);
    h.emulator.admin.setFaults({});
    const byPerson = Object.fromEntries(finalSnapshot.responses.map((r) => [r.value.participant.id, r.value.scores]));
    expect(byPerson).toEqual(Object.fromEntries(threeParticipants.map((p) => [p.participant.id, p.scores])));
    expect(plannerTasks(h).map((t) => t.title).sort()).toEqual(agenda('x', 8).map((a) => a.title).sort());
    expect(second.outcomes.every((o) => o.kind === 'unchanged')).toBe(true);
    expect(h.emulator.admin.requests().byStatus['429']).toBeGreaterThan(0);
  }, 60_000);
});

describe('publishing', () => {
  it('resumes a run that failed halfway without duplicating tasks', async () => {
    const { facilitator, store, key } = await sessionWithAgenda((k) => agenda(k, 6));
    // Every write back to SharePoint fails: tasks get created, but no action learns its task id.
    h.emulator.admin.setFaults({ rate503: 1, retryAfterSeconds: 0.001, pathPattern: '/sites/*acties*', methods: ['PATCH'] });
    const broken = await facilitator.publisher.publish(await store.openSession(key), publishOptions(key));
    expect(broken.outcomes.every((o) => o.kind === 'failed')).toBe(true);
    expect(plannerTasks(h)).toHaveLength(6);
    h.emulator.admin.setFaults({});

    h.emulator.admin.clearRequests();
    const resumed = await facilitator.publisher.publish(await store.openSession(key), publishOptions(key));
    expect(resumed.outcomes.map((o) => o.kind)).toEqual(Array(6).fill('unchanged'));
    expect(h.emulator.admin.requests().counts['POST /planner/tasks'] ?? 0).toBe(0);
    expect(plannerTasks(h)).toHaveLength(6);
    const reopened = await store.openSession(key);
    expect(reopened.actions.every((a) => a.value.plannerTaskId !== null)).toBe(true);
  });

  it('finishes tasks whose run stopped before their description was written', async () => {
    const { facilitator, store, key } = await sessionWithAgenda((k) => agenda(k, 3));
    h.emulator.admin.setFaults({ rate503: 1, retryAfterSeconds: 0.001, pathPattern: '/planner/tasks/*/details', methods: ['PATCH'] });
    const broken = await facilitator.publisher.publish(await store.openSession(key), publishOptions(key));
    expect(broken.outcomes.every((o) => o.kind === 'failed')).toBe(true);
    h.emulator.admin.setFaults({});
    h.emulator.admin.clearRequests();
    await facilitator.publisher.publish(await store.openSession(key), publishOptions(key));
    const counts = h.emulator.admin.requests().counts;
    expect(counts['POST /planner/tasks'] ?? 0).toBe(0);
    const details = Object.entries(counts).filter(([k]) => /^PATCH \/planner\/tasks\/[^/]+\/details$/.test(k));
    expect(details).toHaveLength(3);
    expect(plannerTasks(h)).toHaveLength(3);
  });

  it('never takes over another session’s task with the same title in a shared plan', async () => {
    const first = await sessionWithAgenda((k) => agenda(k, 2));
    await first.facilitator.publisher.publish(await first.store.openSession(first.key), publishOptions(first.key));
    const second = await sessionWithAgenda((k) => agenda(k, 2).map((a) => ({ ...a, id: `${a.id}-tweede` })));
    const result = await second.facilitator.publisher.publish(await second.store.openSession(second.key), publishOptions(second.key));
    expect(result.outcomes.map((o) => o.kind)).toEqual(['created', 'created']);
    expect(plannerTasks(h)).toHaveLength(4);
  });

  it('updates only the task whose action changed', async () => {
    const { facilitator, store, key } = await sessionWithAgenda((k) => agenda(k, 3));
    await facilitator.publisher.publish(await store.openSession(key), publishOptions(key));
    const snap = await store.openSession(key);
    const target = snap.actions[1];
    if (!target) throw new Error('no action');
    await store.saveAction({ ...target.value, title: 'Nieuwe titel', dueDate: '2027-06-30' }, target);
    const again = await facilitator.publisher.publish(await store.openSession(key), publishOptions(key));
    expect(again.outcomes.map((o) => o.kind)).toEqual(['unchanged', 'updated', 'unchanged']);
    expect(plannerTasks(h).map((t) => t.title)).toContain('Nieuwe titel');
  });

  it('brings the description up to date when the title, department and theme change, keeping what a person added in Planner', async () => {
    const { facilitator, store, key } = await sessionWithAgenda((k) => agenda(k, 2));
    const first = await facilitator.publisher.publish(await store.openSession(key), publishOptions(key));
    const target = first.outcomes[0];
    if (!target || target.kind === 'failed') throw new Error('not published');
    const detailsOf = (taskId: string) => {
      const state = h.emulator.admin.state() as { planner: { kind: string; id: string; doc: { description?: string } }[] };
      return state.planner.find((p) => p.kind === 'taskDetails' && p.id === taskId)?.doc.description ?? '';
    };
    // Someone adds a line of their own to the task's notes in Planner.
    const url = `${h.emulator.url}/planner/tasks/${encodeURIComponent(target.taskId)}/details`;
    const headers = { Authorization: `Bearer ${await fetchToken(h.emulator.url, users.facilitator.userPrincipalName)}`, 'Content-Type': 'application/json' };
    const etag = ((await (await fetch(url, { headers })).json()) as { '@odata.etag': string })['@odata.etag'];
    const edited = `${detailsOf(target.taskId)}\nBelafspraak met de GGD op dinsdag.`;
    expect((await fetch(url, { method: 'PATCH', headers: { ...headers, 'If-Match': etag }, body: JSON.stringify({ description: edited }) })).status).toBe(204);

    const snap = await store.openSession(key);
    const action = snap.actions.find((a) => a.value.id === target.actionId);
    if (!action) throw new Error('no action');
    await store.saveAction({ ...action.value, title: 'Spreekuur in de bibliotheek', department: 'Publieke Gezondheid', theme: 'C' }, action);
    const again = await facilitator.publisher.publish(await store.openSession(key), publishOptions(key));
    expect(again.outcomes.map((o) => o.kind)).toEqual(['updated', 'unchanged']);

    const description = detailsOf(target.taskId).split('\n');
    expect(description.slice(0, 2)).toEqual([`Thema C. ${THEMES.C.title}`, `Stelling: ${THEMES.C.statement}`]);
    expect(description).toContain('Spreekuur in de bibliotheek');
    expect(description).toContain('Afdeling: Publieke Gezondheid');
    expect(description).not.toContain(action.value.title);
    expect(description).toContain('Belafspraak met de GGD op dinsdag.');
    expect(description).toContain(`Actie-id: ${target.actionId}`);
  });

  it('leaves a task unassigned when its owner is not a member of the group, and names them', async () => {
    const { facilitator, store, key } = await sessionWithAgenda((k) => [
      { ...agenda(k, 1)[0]!, ownerId: users.teamLead.id, ownerName: users.teamLead.displayName },
    ]);
    const result = await facilitator.publisher.publish(await store.openSession(key), publishOptions(key));
    expect(result.nonMembers).toEqual([{ id: users.teamLead.id, name: 'Ruud Hendriks' }]);
    expect(result.outcomes[0]).toMatchObject({ kind: 'created', unassignedBecause: ['Ruud Hendriks'] });
    expect(Object.keys(plannerTasks(h)[0]?.assignments ?? {})).toEqual([]);
  });

  it('refuses a 21st assignee, in the domain and as Planner does', async () => {
    const ids = Array.from({ length: 21 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(taskAssignees(ids).problems).toEqual([{ code: 'tooManyAssignees', limit: 20, count: 21 }]);

    const { facilitator, store, key } = await sessionWithAgenda((k) => agenda(k, 1));
    const published = await facilitator.publisher.publish(await store.openSession(key), publishOptions(key));
    const config = AppConfigSchema.parse({ auth: { mode: 'dev', tokenUrl: tokenUrl(h.emulator.origin), clientId: SEED.apps.gesprekstool.clientId }, graph: { loopbackOrigin: h.emulator.origin }, appOrigin: 'https://localhost:4210' });
    const api = new GraphApi(createGraphClient(config, appTokenProvider(h.emulator.origin, users.facilitator.userPrincipalName)));
    const members = groups.team.members;
    const assignments = Object.fromEntries([...members, ...ids].slice(0, 21).map((id) => [id, { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' }]));
    const err = await api.call('POST', '/planner/tasks', { scopes: ['Tasks.ReadWrite'], body: { planId: published.planId, title: 'te veel', assignments } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LimitExceededError);
  });

  it('reports progress up to finished', async () => {
    const { facilitator, store, key } = await sessionWithAgenda((k) => agenda(k, 2));
    const steps: string[] = [];
    await facilitator.publisher.publish(await store.openSession(key), publishOptions(key), (p) => steps.push(`${p.step}:${p.done}/${p.total}`));
    expect(steps[0]).toBe('plan:0/2');
    expect(steps).toContain('tasks:2/2');
    expect(steps).toContain('details:2/2');
    expect(steps.at(-1)).toBe('finished:2/2');
  });

  it('publishing again after a partly throttled run completes the agenda without duplicates', async () => {
    const { facilitator, key } = await sessionWithAgenda((k) => agenda(k, 4));
    h.emulator.admin.setFaults({ rate429: 0.5, retryAfterSeconds: 0.001, pathPattern: '/planner/*', seed: 5 });
    const { last } = await publishUntilComplete(facilitator, h, key);
    h.emulator.admin.setFaults({});
    expect(last.outcomes.every((o) => o.kind !== 'failed')).toBe(true);
    expect(plannerTasks(h)).toHaveLength(4);
  });
});

describe('corrupted items', () => {
  it('reports a score of 9 typed into SharePoint and opens the rest', async () => {
    const { store, key } = await sessionWithAgenda(() => []);
    const p = threeParticipants[0]!;
    const mine = await h.services(p.upn).store(h.location).join(key, p.participant);
    const ok = await h.services(threeParticipants[1]!.upn).store(h.location).join(key, threeParticipants[1]!.participant);
    const res = await fetch(`${h.emulator.url}/sites/${encodeURIComponent(h.location.siteId)}/lists/${encodeURIComponent('Gesprekstool antwoorden')}/items/${mine.itemId}/fields`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${await fetchToken(h.emulator.url, users.facilitator.userPrincipalName)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ScoreA: 9 }),
    });
    expect(res.status).toBe(200);
    const opened = await store.openSession(key);
    expect(opened.invalid).toEqual([expect.objectContaining({ list: 'answers', itemId: mine.itemId, field: 'ScoreA' })]);
    expect(opened.responses.map((r) => r.itemId)).toEqual([ok.itemId]);
  });
});
