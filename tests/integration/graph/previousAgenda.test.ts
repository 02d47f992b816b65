// The repeat-session flow against the emulator: a first session's agenda is published to Planner;
// between the sessions people work in Planner (one task completed, one moved to a due date that has
// passed); the second session of the same municipality reads the earlier agenda's statuses by the
// stored task ids only, batched, and reviews them as done / late / open.
import { plannerTaskIdsOf, reviewPreviousAgenda, orderSessionsOverTime, type ActionItem } from '../../../src/domain';
import { rawGraph } from '../support/rawGraph';
import { SEED, harnessPerFile } from './harness';
import { agenda, createSessionWithAgenda, publishUntilComplete, untilDone } from './lifecycle';

const h = harnessPerFile();
const { users } = SEED;

/** What someone does in Planner: PATCH the task with its current etag (https://learn.microsoft.com/graph/api/plannertask-update). */
async function changeInPlanner(taskId: string, change: Record<string, unknown>): Promise<void> {
  const upn = users.healthPolicy.userPrincipalName;
  const current = await rawGraph(h().emulator.origin, 'GET', `/v1.0/planner/tasks/${taskId}`, { upn });
  expect(current.status).toBe(200);
  const etag = (current.body as { '@odata.etag': string })['@odata.etag'];
  const patched = await rawGraph(h().emulator.origin, 'PATCH', `/v1.0/planner/tasks/${taskId}`, { upn, headers: { 'If-Match': etag, Prefer: 'return=representation' }, body: change });
  expect([200, 204]).toContain(patched.status);
}

describe('a repeat session reviews the previous agenda with its Planner statuses', () => {
  it('shows done, late and open as changed in Planner between the sessions, reading only those tasks', async () => {
    const facilitator = h().services(users.facilitator.userPrincipalName, { now: () => new Date('2026-03-02T09:00:00Z') });
    const sixMonthsLater = h().services(users.facilitator.userPrincipalName, { now: () => new Date('2026-10-05T09:00:00Z') });
    // Session 1: an agenda of four actions, due in 2027, published to the group's plan.
    const first = await createSessionWithAgenda(facilitator, h().location, (key) => agenda(key, 4));
    await publishUntilComplete(facilitator, h(), first.key);
    const published = (await first.store.openSession(first.key)).actions.map((a) => a.value);
    expect(published.every((a) => a.plannerTaskId)).toBe(true);
    const byId = (id: string) => published.find((a) => a.id === id) as ActionItem;

    // Between the sessions, in Planner: a-000 completed, a-001 started but its due date moved into
    // the past, a-002 untouched (due 2027-03-15), a-003 deleted.
    await changeInPlanner(byId('a-000').plannerTaskId as string, { percentComplete: 100 });
    await changeInPlanner(byId('a-001').plannerTaskId as string, { percentComplete: 50, dueDateTime: '2027-01-10T12:00:00Z' });
    const gone = byId('a-003').plannerTaskId as string;
    const current = await rawGraph(h().emulator.origin, 'GET', `/v1.0/planner/tasks/${gone}`, { upn: users.facilitator.userPrincipalName });
    const deleted = await rawGraph(h().emulator.origin, 'DELETE', `/v1.0/planner/tasks/${gone}`, {
      upn: users.facilitator.userPrincipalName,
      headers: { 'If-Match': (current.body as { '@odata.etag': string })['@odata.etag'] },
    });
    expect(deleted.status).toBe(204);

    // Session 2 of the same municipality, seven months later: it finds the first as the one before it.
    const second = await createSessionWithAgenda(sixMonthsLater, h().location, () => []);
    const sessions = orderSessionsOverTime((await second.store.findSessionPage({ municipality: 'Lelystad' })).sessions);
    const before = sessions[sessions.findIndex((s) => s.key === second.key) - 1];
    expect(before?.key).toBe(first.key);

    h().emulator.admin.clearRequests();
    const earlier = await untilDone(() => second.store.openSession(first.key));
    h().emulator.admin.clearRequests();
    const actions = earlier.actions.map((a) => a.value);
    const tasks = await sixMonthsLater.plannerTasks.read(plannerTaskIdsOf(actions));
    const rows = reviewPreviousAgenda(actions, tasks, new Date('2027-02-01T09:00:00Z'));
    expect(Object.fromEntries(rows.map((r) => [r.action.id, r.status]))).toEqual({ 'a-000': 'done', 'a-001': 'late', 'a-002': 'open', 'a-003': 'missing' });

    // Only those four tasks, by id, in one $batch; never a plan's or bucket's task list.
    const log = h().emulator.admin.requests();
    expect(log.roundTrips).toBe(1);
    expect(Object.entries(log.counts).filter(([k]) => k.startsWith('GET /planner/')).map(([, n]) => n).reduce((a, b) => a + b, 0)).toBe(4);
    expect(Object.keys(log.counts).filter((k) => /\/planner\/(plans|buckets)\//.test(k))).toEqual([]);
    const taskReads = Object.keys(log.counts).filter((k) => /^GET .*\/planner\/tasks\//.test(k));
    expect(taskReads.map((k) => k.slice(k.lastIndexOf('/') + 1)).sort()).toEqual(actions.map((a) => a.plannerTaskId).sort());
  }, 30_000);
});
