import type { Client } from '@microsoft/microsoft-graph-client';
import type * as MG from '@microsoft/microsoft-graph-types';
import { SEED, startEmulator, type RunningEmulator } from '../../../dev/graph-emulator';
import { createEmulatorClient } from '../support/emulatorClient';
import { graphError } from '../support/graphError';

let emu: RunningEmulator;
let client: Client;
const group = SEED.groups.team;
const containerUrl = `https://graph.microsoft.com/v1.0/groups/${group.id}`;
const assignment = { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' };

beforeAll(async () => {
  emu = await startEmulator({ dataDir: ':memory:' });
  client = createEmulatorClient(emu.url, SEED.users.facilitator.userPrincipalName);
});
afterAll(() => emu.close());
beforeEach(() => emu.admin.reset());

async function planWithBucket(): Promise<{ plan: MG.PlannerPlan; bucket: MG.PlannerBucket }> {
  const plan = (await client.api('/planner/plans').post({ container: { url: containerUrl }, title: 'Actieagenda armoede en gezondheid' })) as MG.PlannerPlan;
  const bucket = (await client.api('/planner/buckets').post({ name: 'Publieke Gezondheid', planId: plan.id, orderHint: ' !' })) as MG.PlannerBucket;
  return { plan, bucket };
}

async function createTask(plan: MG.PlannerPlan, bucket: MG.PlannerBucket, extra: Record<string, unknown> = {}): Promise<MG.PlannerTask & { '@odata.etag': string }> {
  return (await client.api('/planner/tasks').post({ planId: plan.id, bucketId: bucket.id, title: 'Gezamenlijke intake schulden en gezondheid', ...extra })) as MG.PlannerTask & { '@odata.etag': string };
}

describe('plans', () => {
  it('creates a plan in a group the caller is a member of and lists it under the group', async () => {
    const { plan } = await planWithBucket();
    expect(plan.id).toMatch(/^[A-Za-z0-9_-]{28}$/);
    expect(plan.container).toMatchObject({ containerId: group.id, type: 'group', url: containerUrl });
    expect((plan as Record<string, unknown>)['@odata.etag']).toMatch(/^W\/"[A-Za-z0-9+/=]+"$/);
    const plans = (await client.api(`/groups/${group.id}/planner/plans`).get()) as { value: MG.PlannerPlan[] };
    expect(plans.value.map((p) => p.id)).toEqual([plan.id]);
    expect(((await client.api(`/planner/plans/${plan.id}`).get()) as MG.PlannerPlan).title).toBe('Actieagenda armoede en gezondheid');
  });

  it('refuses a plan for someone who is not a member, even a group owner, with 403', async () => {
    const owner = createEmulatorClient(emu.url, SEED.users.teamLead.userPrincipalName);
    const error = await graphError(owner.api('/planner/plans').post({ container: { url: containerUrl }, title: 'x' }));
    expect(error.statusCode).toBe(403);
    const outsider = createEmulatorClient(emu.url, SEED.users.outsider.userPrincipalName);
    expect((await graphError(outsider.api(`/groups/${group.id}/planner/plans`).get())).statusCode).toBe(403);
  });

  it('sets theme labels in plan details with If-Match, keeping the other categories', async () => {
    const { plan } = await planWithBucket();
    const details = (await client.api(`/planner/plans/${plan.id}/details`).get()) as MG.PlannerPlanDetails & { '@odata.etag': string };
    expect(Object.keys(details.categoryDescriptions ?? {})).toHaveLength(25);
    const patched = (await client
      .api(`/planner/plans/${plan.id}/details`)
      .header('If-Match', details['@odata.etag'])
      .header('Prefer', 'return=representation')
      .patch({ categoryDescriptions: { category1: 'A. Visie en beleid', category2: 'B. Samenwerking' } })) as MG.PlannerPlanDetails & { '@odata.etag': string };
    expect(patched.categoryDescriptions).toMatchObject({ category1: 'A. Visie en beleid', category2: 'B. Samenwerking', category3: null });
    expect(patched['@odata.etag']).not.toBe(details['@odata.etag']);
    const stale = await graphError(client.api(`/planner/plans/${plan.id}/details`).header('If-Match', details['@odata.etag']).patch({ categoryDescriptions: { category3: 'C' } }));
    expect(stale.statusCode).toBe(412);
    const bad = await graphError(client.api(`/planner/plans/${plan.id}/details`).header('If-Match', patched['@odata.etag']).patch({ categoryDescriptions: { category26: 'Z' } }));
    expect(bad.statusCode).toBe(400);
  });
});

describe('replication delay (fault)', () => {
  it('answers reads of a new plan and its tasks with 404 until the delay has passed', async () => {
    emu.admin.setFaults({ replicationDelayMs: 60_000 });
    const plan = (await client.api('/planner/plans').post({ container: { url: containerUrl }, title: 'Net aangemaakt' })) as MG.PlannerPlan;
    expect((await graphError(client.api(`/planner/plans/${plan.id}`).get())).statusCode).toBe(404);
    expect((await graphError(client.api(`/planner/plans/${plan.id}/details`).get())).statusCode).toBe(404);
    expect((await graphError(client.api(`/planner/plans/${plan.id}/tasks`).get())).statusCode).toBe(404);
    emu.admin.setFaults({});
    expect(((await client.api(`/planner/plans/${plan.id}`).get()) as MG.PlannerPlan).id).toBe(plan.id);
  });
});

describe('buckets', () => {
  it('lists, renames (204 by default) and deletes buckets with If-Match', async () => {
    const { plan, bucket } = await planWithBucket();
    const etag = (bucket as Record<string, string>)['@odata.etag'] ?? '';
    expect(bucket.orderHint).not.toBe(' !');
    const response = (await client.api(`/planner/buckets/${bucket.id}`).header('If-Match', etag).responseType('raw' as never).patch({ name: 'Werk en Inkomen' })) as Response;
    expect(response.status).toBe(204);
    const buckets = (await client.api(`/planner/plans/${plan.id}/buckets`).get()) as { value: (MG.PlannerBucket & { '@odata.etag': string })[] };
    expect(buckets.value.map((b) => b.name)).toEqual(['Werk en Inkomen']);
    expect((await graphError(client.api(`/planner/buckets/${bucket.id}`).header('If-Match', etag).delete())).statusCode).toBe(412);
    await client.api(`/planner/buckets/${bucket.id}`).header('If-Match', buckets.value[0]?.['@odata.etag'] ?? '').delete();
    expect((await graphError(client.api(`/planner/buckets/${bucket.id}`).get())).statusCode).toBe(404);
  });
});

describe('tasks', () => {
  it('creates a task with assignments, categories and a due date (201)', async () => {
    const { plan, bucket } = await planWithBucket();
    const task = await createTask(plan, bucket, {
      dueDateTime: '2026-06-30T00:00:00Z',
      appliedCategories: { category1: true, category3: true },
      assignments: { [SEED.users.debtCounsellor.id]: assignment, [SEED.users.healthPolicy.id]: assignment },
    });
    expect(task).toMatchObject({ planId: plan.id, bucketId: bucket.id, percentComplete: 0, dueDateTime: '2026-06-30T00:00:00Z', appliedCategories: { category1: true, category3: true } });
    expect(Object.keys(task.assignments ?? {}).sort()).toEqual([SEED.users.debtCounsellor.id, SEED.users.healthPolicy.id].sort());
    const tasks = (await client.api(`/planner/plans/${plan.id}/tasks`).get()) as { value: MG.PlannerTask[] };
    expect(tasks.value.map((t) => t.id)).toEqual([task.id]);
  });

  it('refuses an assignment without "@odata.type" with 400', async () => {
    const { plan, bucket } = await planWithBucket();
    const error = await graphError(createTask(plan, bucket, { assignments: { [SEED.users.debtCounsellor.id]: { orderHint: ' !' } } }));
    expect(error.statusCode).toBe(400);
    expect(error.message).toContain('#microsoft.graph.plannerAssignment');
  });

  it('refuses an assignee who is not a member of the group with 403', async () => {
    const { plan, bucket } = await planWithBucket();
    const error = await graphError(createTask(plan, bucket, { assignments: { [SEED.users.outsider.id]: assignment } }));
    expect(error.statusCode).toBe(403);
    expect(error.message).toContain(SEED.users.outsider.id);
  });

  it('refuses more than 20 assignees with 403 MaximumAssigneesInTasks', async () => {
    const { plan, bucket } = await planWithBucket();
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, assignment]));
    const error = await graphError(createTask(plan, bucket, { assignments: many }));
    expect(error.statusCode).toBe(403);
    expect(error.code).toBe('MaximumAssigneesInTasks');
  });

  it('requires If-Match on PATCH and DELETE and refuses a stale one with 412', async () => {
    const { plan, bucket } = await planWithBucket();
    const task = await createTask(plan, bucket);
    const missing = await graphError(client.api(`/planner/tasks/${task.id}`).patch({ percentComplete: 50 }));
    expect(missing.statusCode).toBe(412);
    expect(missing.message).toBe('The If-Match header must be specified for this kind of request.');
    expect((await graphError(client.api(`/planner/tasks/${task.id}`).delete())).statusCode).toBe(412);
    await client.api(`/planner/tasks/${task.id}`).header('If-Match', task['@odata.etag']).patch({ percentComplete: 50 });
    const stale = await graphError(client.api(`/planner/tasks/${task.id}`).header('If-Match', task['@odata.etag']).patch({ percentComplete: 100 }));
    expect(stale.statusCode).toBe(412);
    expect(stale.code).toBe('preconditionFailed');
  });

  it('answers PATCH with 204 and no body, or 200 with the task under Prefer: return=representation', async () => {
    const { plan, bucket } = await planWithBucket();
    const task = await createTask(plan, bucket, { appliedCategories: { category1: true } });
    const plain = (await client.api(`/planner/tasks/${task.id}`).header('If-Match', task['@odata.etag']).responseType('raw' as never).patch({ title: 'Nieuw' })) as Response;
    expect(plain.status).toBe(204);
    const etag = plain.headers.get('ETag') ?? '';
    const full = (await client
      .api(`/planner/tasks/${task.id}`)
      .header('If-Match', etag)
      .header('Prefer', 'return=representation')
      .patch({ percentComplete: 100, appliedCategories: { category1: false, category2: true }, assignments: { [SEED.users.ggdNurse.id]: assignment } })) as MG.PlannerTask;
    expect(full).toMatchObject({ title: 'Nieuw', percentComplete: 100, appliedCategories: { category2: true } });
    expect(full.appliedCategories).not.toHaveProperty('category1');
    expect(full.completedDateTime).toEqual(expect.any(String));
    expect(Object.keys(full.assignments ?? {})).toEqual([SEED.users.ggdNurse.id]);
  });

  it('deletes a task with its current etag', async () => {
    const { plan, bucket } = await planWithBucket();
    const task = await createTask(plan, bucket);
    await client.api(`/planner/tasks/${task.id}`).header('If-Match', task['@odata.etag']).delete();
    expect((await graphError(client.api(`/planner/tasks/${task.id}`).get())).statusCode).toBe(404);
  });
});

describe('task details', () => {
  it('has its own etag: the task etag is refused with 412, the details etag is accepted', async () => {
    const { plan, bucket } = await planWithBucket();
    const task = await createTask(plan, bucket);
    const details = (await client.api(`/planner/tasks/${task.id}/details`).get()) as MG.PlannerTaskDetails & { '@odata.etag': string };
    expect(details['@odata.etag']).not.toBe(task['@odata.etag']);
    const wrong = await graphError(client.api(`/planner/tasks/${task.id}/details`).header('If-Match', task['@odata.etag']).patch({ description: 'x' }));
    expect(wrong.statusCode).toBe(412);
    const updated = (await client
      .api(`/planner/tasks/${task.id}/details`)
      .header('If-Match', details['@odata.etag'])
      .header('Prefer', 'return=representation')
      .patch({ description: 'Thema A, sessie 2026-03-01. Terug naar de sessie: https://app.example/sessie/k1', previewType: 'description' })) as MG.PlannerTaskDetails;
    expect(updated.description).toContain('Thema A');
    const reread = (await client.api(`/planner/tasks/${task.id}`).get()) as MG.PlannerTask & { '@odata.etag': string };
    expect(reread.hasDescription).toBe(true);
    expect(reread['@odata.etag']).toBe(task['@odata.etag']);
  });

  it('rejects If-Match: * on details', async () => {
    const { plan, bucket } = await planWithBucket();
    const task = await createTask(plan, bucket);
    const error = await graphError(client.api(`/planner/tasks/${task.id}/details`).header('If-Match', '*').patch({ description: 'x' }));
    expect(error.statusCode).toBe(400);
  });

  it('keeps at most 20 checklist items', async () => {
    const { plan, bucket } = await planWithBucket();
    const task = await createTask(plan, bucket);
    const details = (await client.api(`/planner/tasks/${task.id}/details`).get()) as { '@odata.etag': string };
    const checklist = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`item-${i}`, { '@odata.type': '#microsoft.graph.plannerChecklistItem', title: `stap ${i}` }]));
    const error = await graphError(client.api(`/planner/tasks/${task.id}/details`).header('If-Match', details['@odata.etag']).patch({ checklist }));
    expect(error.statusCode).toBe(403);
    expect(error.code).toBe('MaximumChecklistItemsOnTask');
  });
});
