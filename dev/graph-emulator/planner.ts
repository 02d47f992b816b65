// Planner: plans in Microsoft 365 groups, plan details (labels), buckets, tasks and task details.
// Sources: planner-overview, planner-post-tasks, plannertask-update, plannertaskdetails-update,
// plannerplandetails-update; observed error texts from microsoftgraph docs and pnp issues (README).
import type * as MG from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import { graphUrl, isoNow, json, noContent, param, parseBody, type EmuResponse, type Env, type Route, type RouteContext } from './context';
import { GraphHttpError, accessDenied, invalidRequest, notFound, preconditionFailed } from './errors';
import { findGroup, findUser, isMember } from './seed';
import type { PlannerKind, PlannerRow, Store } from './store';

/** Limits from planner-overview; exceeding one is 403 with the limit's name as code. */
export const PLANNER_LIMITS = { assigneesPerTask: 20, checklistItemsPerTask: 20, bucketsPerPlan: 200, tasksPerPlan: 9000 } as const;

const KIND_NAMES: Record<PlannerKind, string> = { plan: 'Plan', planDetails: 'PlanDetails', bucket: 'Bucket', task: 'Task', taskDetails: 'TaskDetails' };
const CATEGORY = /^category([1-9]|1\d|2[0-5])$/;
const GROUP_URL = /^https:\/\/graph\.microsoft\.com\/v1\.0\/groups\/([0-9a-fA-F-]{36})$/;

/** Planner etags look like W/"JzEtVGFzayAgQEBAQEBAQEBAQEBAQEBARCc=" (base64 of '1-Task  @@@…D'). */
function plannerEtag(kind: PlannerKind, version: number): string {
  const inner = `'1-${KIND_NAMES[kind]}  ${version.toString(36).toUpperCase().padStart(16, '@')}'`;
  return `W/"${Buffer.from(inner, 'utf8').toString('base64')}"`;
}

function normaliseEtag(value: string): string {
  return value.trim().replace(/^W\//, '').replace(/"/g, '');
}

/** Planner requires If-Match on PATCH and DELETE; `*` is not a Planner etag. */
function checkIfMatch(ctx: RouteContext, row: PlannerRow): void {
  const ifMatch = ctx.req.headers['if-match'];
  // Graph answers a missing If-Match with 412 and an empty error code (pnp/pnpjs#1033, #841).
  if (ifMatch === undefined || ifMatch.trim() === '') throw new GraphHttpError(412, '', 'The If-Match header must be specified for this kind of request.');
  if (ifMatch.trim() === '*') throw new GraphHttpError(400, '', 'The If-Match header contains an invalid value.');
  if (normaliseEtag(ifMatch) !== normaliseEtag(plannerEtag(row.kind, row.version))) throw preconditionFailed();
}

function dateTime(label: string) {
  return z
    .string()
    .refine((v) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)), `${label} must be an ISO 8601 date-time`)
    .nullable();
}

const AssignmentSchema = z.object(
  {
    '@odata.type': z.literal('#microsoft.graph.plannerAssignment', { error: 'each assignment needs "@odata.type": "#microsoft.graph.plannerAssignment"' }),
    orderHint: z.string().optional(),
  },
  { error: 'each assignment must be an object with "@odata.type": "#microsoft.graph.plannerAssignment"' },
);

const CategoriesSchema = z.record(z.string().regex(CATEGORY, 'category names are category1 to category25'), z.boolean());

const CreatePlanSchema = z
  .object({
    title: z.string().min(1).max(255),
    container: z.object({ url: z.string().optional(), containerId: z.string().optional(), type: z.literal('group').optional() }).optional(),
    owner: z.string().optional(),
  })
  .refine((p) => p.container !== undefined || p.owner !== undefined, 'container (a group url) is required');

const UpdatePlanSchema = z.strictObject({ title: z.string().min(1).max(255) }).partial();

const UpdatePlanDetailsSchema = z.strictObject({
  categoryDescriptions: z.record(z.string().regex(CATEGORY, 'category names are category1 to category25'), z.string().max(255).nullable()).optional(),
  sharedWith: z.record(z.string(), z.boolean()).optional(),
});

const CreateBucketSchema = z.object({ name: z.string().min(1).max(255), planId: z.string().min(1), orderHint: z.string().optional() });
const UpdateBucketSchema = z.strictObject({ name: z.string().min(1).max(255).optional(), orderHint: z.string().optional() });

const taskFields = {
  title: z.string().min(1).max(255),
  bucketId: z.string().min(1).nullable(),
  orderHint: z.string(),
  assigneePriority: z.string(),
  percentComplete: z.number().int().min(0).max(100),
  priority: z.number().int().min(0).max(10),
  startDateTime: dateTime('startDateTime'),
  dueDateTime: dateTime('dueDateTime'),
  conversationThreadId: z.string().nullable(),
  appliedCategories: CategoriesSchema,
  previewType: z.enum(['automatic', 'noPreview', 'checklist', 'description', 'reference']),
};

const CreateTaskSchema = z.strictObject({
  planId: z.string().min(1),
  ...Object.fromEntries(Object.entries(taskFields).map(([k, v]) => [k, v.optional()])),
  title: taskFields.title,
  assignments: z.record(z.string(), AssignmentSchema).optional(),
});

const UpdateTaskSchema = z.strictObject({
  ...Object.fromEntries(Object.entries(taskFields).map(([k, v]) => [k, v.optional()])),
  // Assignments are merged; null removes one (plannertask-update).
  assignments: z.record(z.string(), AssignmentSchema.nullable()).optional(),
});

const ChecklistItemSchema = z.object({
  '@odata.type': z.literal('#microsoft.graph.plannerChecklistItem', { error: 'each checklist item needs "@odata.type": "#microsoft.graph.plannerChecklistItem"' }),
  title: z.string().max(255).optional(),
  isChecked: z.boolean().optional(),
  orderHint: z.string().optional(),
});

const ReferenceSchema = z.object({
  '@odata.type': z.literal('#microsoft.graph.plannerExternalReference', { error: 'each reference needs "@odata.type": "#microsoft.graph.plannerExternalReference"' }),
  alias: z.string().optional(),
  type: z.string().optional(),
  previewPriority: z.string().optional(),
});

const UpdateTaskDetailsSchema = z.strictObject({
  description: z.string().max(32_000).nullable().optional(),
  previewType: taskFields.previewType.optional(),
  checklist: z.record(z.string(), ChecklistItemSchema.nullable()).optional(),
  references: z.record(z.string(), ReferenceSchema.nullable()).optional(),
});

type Doc = Record<string, unknown>;

// ---- storage ------------------------------------------------------------------------------

function getRow(store: Store, kind: PlannerKind, id: string): PlannerRow | undefined {
  return store.stmt('SELECT * FROM planner WHERE id = ? AND kind = ?').get(id, kind) as PlannerRow | undefined;
}

function children(store: Store, kind: PlannerKind, parent: string): PlannerRow[] {
  return store.stmt('SELECT * FROM planner WHERE kind = ? AND parent = ? ORDER BY rowid').all(kind, parent) as PlannerRow[];
}

function insertRow(store: Store, kind: PlannerKind, id: string, parent: string | null, groupId: string, doc: Doc): PlannerRow {
  const row: PlannerRow = { id, kind, parent, group_id: groupId, version: store.nextSequence(), doc: JSON.stringify(doc) };
  store.stmt('INSERT INTO planner(id, kind, parent, group_id, version, doc) VALUES (@id, @kind, @parent, @group_id, @version, @doc)').run(row);
  return row;
}

function updateRow(store: Store, row: PlannerRow, doc: Doc, parent: string | null = row.parent): PlannerRow {
  const next: PlannerRow = { ...row, parent, version: store.nextSequence(), doc: JSON.stringify(doc) };
  store.stmt('UPDATE planner SET parent = @parent, version = @version, doc = @doc WHERE id = @id AND kind = @kind').run(next);
  return next;
}

function deleteRows(store: Store, ids: string[]): void {
  const del = store.stmt('DELETE FROM planner WHERE id = ?');
  for (const id of ids) del.run(id);
}

function docOf(row: PlannerRow): Doc {
  return JSON.parse(row.doc) as Doc;
}

/** Members only: group owners who are not members get 403 too (planner-overview). */
function requireMemberAccess(ctx: RouteContext, groupId: string): void {
  if (!isMember(groupId, ctx.user.id)) throw accessDenied('You do not have the required permissions to access this item.');
}

function requireObject(ctx: RouteContext, kind: PlannerKind, id: string): PlannerRow {
  const row = getRow(ctx.store, kind, id);
  if (!row) throw notFound(`The requested item is not found.`);
  requireMemberAccess(ctx, row.group_id);
  return row;
}

/** Reads of a plan or task (and what hangs under it) 404 until replication has caught up. */
function requireReplicated(ctx: RouteContext, row: PlannerRow): PlannerRow {
  const delay = ctx.replicationDelayMs();
  if (delay <= 0) return row;
  const owner = row.kind === 'planDetails' ? getRow(ctx.store, 'plan', row.id) : row.kind === 'taskDetails' ? getRow(ctx.store, 'task', row.id) : row;
  const created = owner ? Date.parse(String(docOf(owner).createdDateTime ?? '')) : NaN;
  if (!Number.isNaN(created) && ctx.now().getTime() - created < delay) throw notFound('The requested item is not found.');
  return row;
}

function readObject(ctx: RouteContext, kind: PlannerKind, id: string): PlannerRow {
  return requireReplicated(ctx, requireObject(ctx, kind, id));
}

function identity(userId: string): MG.IdentitySet {
  return { user: { displayName: null, id: userId } };
}

/** Order hints are computed by the service (planner-order-hint-format); clients never echo one back. */
function orderHint(store: Store): string {
  return (8585000000000000000n - BigInt(store.nextSequence()) * 1000n).toString();
}

// ---- resources ----------------------------------------------------------------------------

function resource(row: PlannerRow, extra: Doc = {}): Doc {
  return { '@odata.etag': plannerEtag(row.kind, row.version), ...docOf(row), ...extra, id: row.id };
}

function taskResource(ctx: RouteContext, row: PlannerRow): MG.PlannerTask & Doc {
  const details = getRow(ctx.store, 'taskDetails', row.id);
  const d = details ? docOf(details) : {};
  const checklist = (d.checklist ?? {}) as Record<string, { isChecked: boolean }>;
  const items = Object.values(checklist);
  return resource(row, {
    hasDescription: typeof d.description === 'string' && d.description !== '',
    checklistItemCount: items.length,
    activeChecklistItemCount: items.filter((i) => !i.isChecked).length,
    referenceCount: Object.keys((d.references ?? {}) as Doc).length,
  }) as MG.PlannerTask & Doc;
}

function written(ctx: RouteContext, body: Doc, status = 200, context?: string): EmuResponse {
  const etag = body['@odata.etag'];
  return json(context ? { '@odata.context': graphUrl(ctx, `/$metadata#${context}`), ...body } : body, status, typeof etag === 'string' ? { ETag: etag } : {});
}

/** PATCH answers 204, or 200 with the object under `Prefer: return=representation`. */
function patched(ctx: RouteContext, body: Doc): EmuResponse {
  const prefer = (ctx.req.headers.prefer ?? '').toLowerCase();
  if (prefer.split(',').some((p) => p.trim() === 'return=representation')) return written(ctx, body);
  const etag = body['@odata.etag'];
  return noContent(typeof etag === 'string' ? { ETag: etag } : {});
}

function collection(ctx: RouteContext, values: Doc[], context: string): EmuResponse {
  return json({ '@odata.context': graphUrl(ctx, `/$metadata#${context}`), '@odata.count': values.length, value: values });
}

// ---- plans --------------------------------------------------------------------------------

function planGroup(body: z.infer<typeof CreatePlanSchema>): string {
  const url = body.container?.url;
  if (url !== undefined) {
    const m = GROUP_URL.exec(url);
    if (!m?.[1]) throw invalidRequest(`The container url '${url}' is not a group url (https://graph.microsoft.com/v1.0/groups/{id}).`);
    return m[1].toLowerCase();
  }
  const id = body.container?.containerId ?? body.owner;
  if (!id) throw invalidRequest('container is required.');
  return id.toLowerCase();
}

function createPlan(ctx: RouteContext): EmuResponse {
  const body = parseBody(CreatePlanSchema, ctx.req.body);
  const groupId = planGroup(body);
  if (!findGroup(groupId)) throw notFound(`The group '${groupId}' does not exist.`);
  requireMemberAccess(ctx, groupId);
  const id = ctx.store.newPlannerId();
  const row = insertRow(ctx.store, 'plan', id, groupId, groupId, {
    createdDateTime: isoNow(ctx),
    owner: groupId,
    title: body.title,
    createdBy: identity(ctx.user.id),
    container: { containerId: groupId, type: 'group', url: `https://graph.microsoft.com/v1.0/groups/${groupId}` },
  });
  const categories: Record<string, null> = {};
  for (let i = 1; i <= 25; i++) categories[`category${i}`] = null;
  insertRow(ctx.store, 'planDetails', id, id, groupId, { sharedWith: {}, categoryDescriptions: categories });
  return written(ctx, resource(row), 201, 'planner/plans/$entity');
}

function deletePlan(ctx: RouteContext): EmuResponse {
  const row = requireObject(ctx, 'plan', param(ctx, 0));
  checkIfMatch(ctx, row);
  const ids = ctx.store.stmt("SELECT id FROM planner WHERE (kind IN ('bucket','task') AND parent = ?)").all(row.id) as { id: string }[];
  deleteRows(ctx.store, [row.id, ...ids.map((r) => r.id)]);
  return noContent();
}

function updatePlanDetails(ctx: RouteContext): EmuResponse {
  const row = requireObject(ctx, 'planDetails', param(ctx, 0));
  checkIfMatch(ctx, row);
  const body = parseBody(UpdatePlanDetailsSchema, ctx.req.body);
  const doc = docOf(row);
  const categories = { ...(doc.categoryDescriptions as Doc), ...(body.categoryDescriptions ?? {}) };
  const sharedWith = { ...(doc.sharedWith as Doc), ...(body.sharedWith ?? {}) };
  const next = updateRow(ctx.store, row, { ...doc, categoryDescriptions: categories, sharedWith });
  return patched(ctx, resource(next));
}

// ---- buckets ------------------------------------------------------------------------------

function createBucket(ctx: RouteContext): EmuResponse {
  const body = parseBody(CreateBucketSchema, ctx.req.body);
  const plan = requireObject(ctx, 'plan', body.planId);
  if (children(ctx.store, 'bucket', plan.id).length >= PLANNER_LIMITS.bucketsPerPlan) {
    throw new GraphHttpError(403, 'MaximumBucketsInProject', `A plan can hold at most ${PLANNER_LIMITS.bucketsPerPlan} buckets.`);
  }
  const row = insertRow(ctx.store, 'bucket', ctx.store.newPlannerId(), plan.id, plan.group_id, { name: body.name, planId: plan.id, orderHint: orderHint(ctx.store) });
  return written(ctx, resource(row), 201, 'planner/buckets/$entity');
}

function updateBucket(ctx: RouteContext): EmuResponse {
  const row = requireObject(ctx, 'bucket', param(ctx, 0));
  checkIfMatch(ctx, row);
  const body = parseBody(UpdateBucketSchema, ctx.req.body);
  const doc = docOf(row);
  const next = updateRow(ctx.store, row, { ...doc, ...(body.name !== undefined ? { name: body.name } : {}), ...(body.orderHint !== undefined ? { orderHint: orderHint(ctx.store) } : {}) });
  return patched(ctx, resource(next));
}

function deleteBucket(ctx: RouteContext): EmuResponse {
  const row = requireObject(ctx, 'bucket', param(ctx, 0));
  checkIfMatch(ctx, row);
  // Deleting a bucket deletes the tasks in it, as in Planner.
  const tasks = children(ctx.store, 'task', row.parent ?? '').filter((t) => docOf(t).bucketId === row.id);
  deleteRows(ctx.store, [row.id, ...tasks.map((t) => t.id)]);
  return noContent();
}

// ---- tasks --------------------------------------------------------------------------------

function checkAssignees(ctx: RouteContext, groupId: string, assignees: string[]): void {
  if (assignees.length > PLANNER_LIMITS.assigneesPerTask) {
    throw new GraphHttpError(403, 'MaximumAssigneesInTasks', `A task can have at most ${PLANNER_LIMITS.assigneesPerTask} assignees.`);
  }
  for (const id of assignees) {
    if (!findUser(id)) throw invalidRequest(`The assignee '${id}' is not a user in this tenant.`);
    if (!isMember(groupId, id)) throw accessDenied(`The assignee '${id}' is not a member of the group that owns this plan.`);
  }
}

function requireBucketInPlan(ctx: RouteContext, bucketId: string | null | undefined, planId: string): void {
  if (bucketId === undefined || bucketId === null) return;
  const bucket = getRow(ctx.store, 'bucket', bucketId);
  if (!bucket || bucket.parent !== planId) throw invalidRequest(`The bucket '${bucketId}' does not belong to plan '${planId}'.`);
}

function completion(ctx: RouteContext, percent: number | undefined, doc: Doc): Doc {
  if (percent === undefined) return {};
  if (percent === 100 && doc.percentComplete !== 100) return { completedDateTime: isoNow(ctx), completedBy: identity(ctx.user.id) };
  if (percent < 100) return { completedDateTime: null, completedBy: null };
  return {};
}

function createTask(ctx: RouteContext): EmuResponse {
  const body = parseBody(CreateTaskSchema, ctx.req.body) as z.infer<typeof CreateTaskSchema> & Partial<Record<keyof typeof taskFields, unknown>>;
  const plan = requireObject(ctx, 'plan', body.planId);
  const assignments = body.assignments ?? {};
  checkAssignees(ctx, plan.group_id, Object.keys(assignments));
  requireBucketInPlan(ctx, body.bucketId as string | null | undefined, plan.id);
  if (children(ctx.store, 'task', plan.id).length >= PLANNER_LIMITS.tasksPerPlan) {
    throw new GraphHttpError(403, 'MaximumTasksInProject', `A plan can hold at most ${PLANNER_LIMITS.tasksPerPlan} tasks.`);
  }
  const now = isoNow(ctx);
  const assigned: Record<string, MG.PlannerAssignment & Doc> = {};
  for (const userId of Object.keys(assignments)) {
    assigned[userId] = { '@odata.type': '#microsoft.graph.plannerAssignment', assignedDateTime: now, orderHint: orderHint(ctx.store), assignedBy: identity(ctx.user.id) };
  }
  const percent = (body.percentComplete as number | undefined) ?? 0;
  const id = ctx.store.newPlannerId();
  const row = insertRow(ctx.store, 'task', id, plan.id, plan.group_id, {
    planId: plan.id,
    bucketId: body.bucketId ?? null,
    title: body.title,
    orderHint: orderHint(ctx.store),
    assigneePriority: '',
    percentComplete: percent,
    priority: body.priority ?? 5,
    startDateTime: body.startDateTime ?? null,
    createdDateTime: now,
    dueDateTime: body.dueDateTime ?? null,
    previewType: body.previewType ?? 'automatic',
    completedDateTime: percent === 100 ? now : null,
    completedBy: percent === 100 ? identity(ctx.user.id) : null,
    conversationThreadId: body.conversationThreadId ?? null,
    createdBy: identity(ctx.user.id),
    appliedCategories: Object.fromEntries(Object.entries((body.appliedCategories ?? {}) as Record<string, boolean>).filter(([, v]) => v)),
    assignments: assigned,
  });
  insertRow(ctx.store, 'taskDetails', id, id, plan.group_id, { description: '', previewType: 'automatic', references: {}, checklist: {} });
  return written(ctx, taskResource(ctx, row), 201, 'planner/tasks/$entity');
}

function updateTask(ctx: RouteContext): EmuResponse {
  const row = requireObject(ctx, 'task', param(ctx, 0));
  checkIfMatch(ctx, row);
  const body = parseBody(UpdateTaskSchema, ctx.req.body) as Partial<Record<keyof typeof taskFields, unknown>> & { assignments?: Record<string, unknown> };
  const doc = docOf(row);
  const next: Doc = { ...doc };
  for (const key of ['title', 'assigneePriority', 'priority', 'startDateTime', 'dueDateTime', 'conversationThreadId', 'previewType'] as const) {
    if (body[key] !== undefined) next[key] = body[key];
  }
  if (body.bucketId !== undefined) {
    requireBucketInPlan(ctx, body.bucketId as string | null, String(doc.planId));
    next.bucketId = body.bucketId;
  }
  if (body.orderHint !== undefined) next.orderHint = orderHint(ctx.store);
  if (body.percentComplete !== undefined) {
    Object.assign(next, completion(ctx, body.percentComplete as number, doc));
    next.percentComplete = body.percentComplete;
  }
  if (body.appliedCategories !== undefined) {
    const categories = { ...(doc.appliedCategories as Record<string, boolean>) };
    for (const [k, v] of Object.entries(body.appliedCategories as Record<string, boolean>)) {
      if (v) categories[k] = true;
      else delete categories[k];
    }
    next.appliedCategories = categories;
  }
  if (body.assignments !== undefined) {
    const assignments = { ...(doc.assignments as Record<string, Doc>) };
    for (const [userId, value] of Object.entries(body.assignments)) {
      if (value === null) delete assignments[userId];
      else if (!assignments[userId]) {
        assignments[userId] = { '@odata.type': '#microsoft.graph.plannerAssignment', assignedDateTime: isoNow(ctx), orderHint: orderHint(ctx.store), assignedBy: identity(ctx.user.id) };
      }
    }
    checkAssignees(ctx, row.group_id, Object.keys(assignments));
    next.assignments = assignments;
  }
  const updated = updateRow(ctx.store, row, next);
  return patched(ctx, taskResource(ctx, updated));
}

function deleteTask(ctx: RouteContext): EmuResponse {
  const row = requireObject(ctx, 'task', param(ctx, 0));
  checkIfMatch(ctx, row);
  deleteRows(ctx.store, [row.id]);
  return noContent();
}

function mergeEntries(current: Doc, changes: Record<string, Doc | null> | undefined, fill: (key: string, value: Doc, existing: Doc | undefined) => Doc): Doc {
  const out: Doc = { ...current };
  for (const [key, value] of Object.entries(changes ?? {})) {
    if (value === null) delete out[key];
    else out[key] = fill(key, value, out[key] as Doc | undefined);
  }
  return out;
}

function updateTaskDetails(ctx: RouteContext): EmuResponse {
  const row = requireObject(ctx, 'taskDetails', param(ctx, 0));
  checkIfMatch(ctx, row);
  const body = parseBody(UpdateTaskDetailsSchema, ctx.req.body);
  const doc = docOf(row);
  const who = identity(ctx.user.id);
  const now = isoNow(ctx);
  const checklist = mergeEntries(doc.checklist as Doc, body.checklist, (_key, value, existing) => ({
    ...existing,
    ...value,
    isChecked: (value.isChecked as boolean | undefined) ?? (existing?.isChecked as boolean | undefined) ?? false,
    orderHint: existing?.orderHint ?? orderHint(ctx.store),
    lastModifiedDateTime: now,
    lastModifiedBy: who,
  }));
  if (Object.keys(checklist).length > PLANNER_LIMITS.checklistItemsPerTask) {
    throw new GraphHttpError(403, 'MaximumChecklistItemsOnTask', `A task can have at most ${PLANNER_LIMITS.checklistItemsPerTask} checklist items.`);
  }
  // Reference keys are encoded URLs (plannerexternalreferences); stored as given.
  const references = mergeEntries(doc.references as Doc, body.references, (_key, value, existing) => ({ ...existing, ...value, lastModifiedDateTime: now, lastModifiedBy: who }));
  const next = updateRow(ctx.store, row, {
    ...doc,
    ...(body.description !== undefined ? { description: body.description ?? '' } : {}),
    ...(body.previewType !== undefined ? { previewType: body.previewType } : {}),
    checklist,
    references,
  });
  return patched(ctx, resource(next));
}

// ---- routes -------------------------------------------------------------------------------

export function plannerRoutes(_env: Env): Route[] {
  const plan = /^\/planner\/plans\/([^/]+)$/;
  const bucket = /^\/planner\/buckets\/([^/]+)$/;
  const task = /^\/planner\/tasks\/([^/]+)$/;
  const taskDetails = /^\/planner\/tasks\/([^/]+)\/details$/;
  const planDetails = /^\/planner\/plans\/([^/]+)\/details$/;
  return [
    { method: 'POST', pattern: /^\/planner\/plans$/, handler: createPlan },
    {
      method: 'GET',
      pattern: /^\/groups\/([^/]+)\/planner\/plans$/,
      handler: (ctx) => {
        const groupId = param(ctx, 0).toLowerCase();
        if (!findGroup(groupId)) throw notFound(`The group '${groupId}' does not exist.`);
        requireMemberAccess(ctx, groupId);
        return collection(ctx, children(ctx.store, 'plan', groupId).map((r) => resource(r)), 'planner/plans');
      },
    },
    { method: 'GET', pattern: plan, handler: (ctx) => written(ctx, resource(readObject(ctx, 'plan', param(ctx, 0))), 200, 'planner/plans/$entity') },
    {
      method: 'PATCH',
      pattern: plan,
      handler: (ctx) => {
        const row = requireObject(ctx, 'plan', param(ctx, 0));
        checkIfMatch(ctx, row);
        const body = parseBody(UpdatePlanSchema, ctx.req.body);
        return patched(ctx, resource(updateRow(ctx.store, row, { ...docOf(row), ...body })));
      },
    },
    { method: 'DELETE', pattern: plan, handler: deletePlan },
    { method: 'GET', pattern: planDetails, handler: (ctx) => written(ctx, resource(readObject(ctx, 'planDetails', param(ctx, 0))), 200, 'planner/plans/details/$entity') },
    { method: 'PATCH', pattern: planDetails, handler: updatePlanDetails },
    {
      method: 'GET',
      pattern: /^\/planner\/plans\/([^/]+)\/buckets$/,
      handler: (ctx) => {
        const row = readObject(ctx, 'plan', param(ctx, 0));
        return collection(ctx, children(ctx.store, 'bucket', row.id).map((r) => resource(r)), 'planner/buckets');
      },
    },
    {
      method: 'GET',
      pattern: /^\/planner\/plans\/([^/]+)\/tasks$/,
      handler: (ctx) => {
        const row = readObject(ctx, 'plan', param(ctx, 0));
        return collection(ctx, children(ctx.store, 'task', row.id).map((r) => taskResource(ctx, r)), 'planner/tasks');
      },
    },
    { method: 'POST', pattern: /^\/planner\/buckets$/, handler: createBucket },
    { method: 'GET', pattern: bucket, handler: (ctx) => written(ctx, resource(requireObject(ctx, 'bucket', param(ctx, 0))), 200, 'planner/buckets/$entity') },
    { method: 'PATCH', pattern: bucket, handler: updateBucket },
    { method: 'DELETE', pattern: bucket, handler: deleteBucket },
    {
      method: 'GET',
      pattern: /^\/planner\/buckets\/([^/]+)\/tasks$/,
      handler: (ctx) => {
        const row = requireObject(ctx, 'bucket', param(ctx, 0));
        const tasks = children(ctx.store, 'task', row.parent ?? '').filter((t) => docOf(t).bucketId === row.id);
        return collection(ctx, tasks.map((t) => taskResource(ctx, t)), 'planner/tasks');
      },
    },
    { method: 'POST', pattern: /^\/planner\/tasks$/, handler: createTask },
    { method: 'GET', pattern: task, handler: (ctx) => written(ctx, taskResource(ctx, readObject(ctx, 'task', param(ctx, 0))), 200, 'planner/tasks/$entity') },
    { method: 'PATCH', pattern: task, handler: updateTask },
    { method: 'DELETE', pattern: task, handler: deleteTask },
    { method: 'GET', pattern: taskDetails, handler: (ctx) => written(ctx, resource(readObject(ctx, 'taskDetails', param(ctx, 0))), 200, 'planner/tasks/details/$entity') },
    { method: 'PATCH', pattern: taskDetails, handler: updateTaskDetails },
  ];
}
