// Publishes a session's action agenda to Planner: one plan in the group, one bucket per department,
// labels category1–6 = themes A–F, one task per action with its details. Idempotent and resumable:
// a task is found again through the action's PlannerTaskId, or — when a run stopped between creating
// a task and writing its id back — through its title plus the "Actie-id" line in its description.
import { z } from 'zod';
import { THEME_IDS, taskAssignees, type ActionItem, type Session, type ThemeId } from '../domain';
import { SCOPES } from '../auth/scopes';
import type { PlannerPublisher, PublishOutcome, PublishProgress, PublishTheme, SessionLocation, SessionSnapshot } from './contracts';
import type { GraphApi } from './client';
import { BatchQueue, type BatchOptions, type SubRequest } from './batch';
import { GraphLayerError, NotFoundError, toGraphLayerError } from './errors';
import { listPath } from './lists';
import { segment } from './odata';
import { planUrl, taskUrl } from './plannerLinks';
import { backoffMs } from './retryPolicy';

export const NO_DEPARTMENT_BUCKET = 'Zonder afdeling';
/** "Replication delay": right after a plan is created, reads of it can 404 for a while (planner-overview). */
export const REPLICATION_ATTEMPTS = 5;
/** Marker line in a task's description; survives people editing the rest of the text. */
export const ACTION_MARKER = 'Actie-id:';
const STATEMENT_PREFIX = 'Stelling: ';
const FIRST_ORDER_HINT = ' !';

const PlanSchema = z.object({ id: z.string(), title: z.string(), '@odata.etag': z.string().optional() });
const BucketSchema = z.object({ id: z.string(), name: z.string(), planId: z.string().optional() });
const TaskSchema = z.object({
  id: z.string(),
  title: z.string(),
  bucketId: z.string().nullish(),
  dueDateTime: z.string().nullish(),
  appliedCategories: z.record(z.string(), z.boolean().nullable()).nullish(),
  assignments: z.record(z.string(), z.unknown().nullable()).nullish(),
  '@odata.etag': z.string(),
});
type Task = z.infer<typeof TaskSchema>;
const DetailsSchema = z.object({
  id: z.string().optional(),
  description: z.string().nullish(),
  categoryDescriptions: z.record(z.string(), z.string().nullable()).nullish(),
  '@odata.etag': z.string(),
});
const PageSchema = z.object({ value: z.array(z.unknown()), '@odata.nextLink': z.string().optional() });
const MemberSchema = z.object({ id: z.string(), displayName: z.string().nullish() });

export interface PublisherOptions {
  api: GraphApi;
  batch?: BatchOptions;
  sleep?: (ms: number) => Promise<void>;
}

export type PublishOptions = Parameters<PlannerPublisher['publish']>[1];

function categoryOf(theme: ThemeId): string {
  return `category${THEME_IDS.indexOf(theme) + 1}`;
}

function bucketName(department: string): string {
  const name = department.trim().replace(/\s+/g, ' ');
  return name === '' ? NO_DEPARTMENT_BUCKET : name;
}

function dueDateTime(date: string | null): string | null {
  // Noon UTC keeps the calendar day for every Dutch (and most other) time zones in Planner's UI.
  return date === null ? null : `${date}T12:00:00Z`;
}

function taskTitle(action: ActionItem): string {
  const title = action.title.trim();
  return title === '' ? `Actie thema ${action.theme}` : title;
}

export function taskDescription(action: ActionItem, session: Session, theme: PublishTheme, linkBack: string): string {
  const lines = [
    `Thema ${action.theme}. ${theme.title}`,
    `${STATEMENT_PREFIX}${theme.statement}`,
    '',
    taskTitle(action),
    '',
    `Gesprek: ${session.title} (${session.municipality}, ${session.date.slice(0, 10)})`,
    `Afdeling: ${action.department.trim() || NO_DEPARTMENT_BUCKET}`,
    `Terug naar het gesprek: ${linkBack}`,
    `${ACTION_MARKER} ${action.id}`,
  ];
  return lines.join('\n');
}

/**
 * The description of an existing task with the lines this app wrote brought up to date (theme, title,
 * conversation, department, link back) and every line a person added or changed in Planner kept.
 * `previousTitle` is the task's title before this run: the line that still says it is ours to replace.
 * Null when the description is not ours (no marker for this action) or nothing changes.
 */
export function refreshedDescription(current: string, previousTitle: string, action: ActionItem, session: Session, theme: PublishTheme, linkBack: string): string | null {
  if (markerIn(current) !== action.id) return null;
  const fresh = taskDescription(action, session, theme, linkBack).split('\n');
  const freshLine = (prefix: string) => fresh.find((l) => l.startsWith(prefix)) as string;
  let titleDone = false;
  const lines = current.split(/\r?\n/).map((line) => {
    if (/^Thema [A-F]\. /.test(line)) return fresh[0] as string;
    for (const prefix of [STATEMENT_PREFIX, 'Gesprek: ', 'Afdeling: ', 'Terug naar het gesprek: ']) if (line.startsWith(prefix)) return freshLine(prefix);
    if (!titleDone && line === previousTitle) {
      titleDone = true;
      return taskTitle(action);
    }
    return line;
  });
  const next = lines.join('\n');
  return next === current.replace(/\r\n/g, '\n') ? null : next;
}

export function markerIn(description: string | null | undefined): string | null {
  if (!description) return null;
  const line = description.split(/\r?\n/).find((l) => l.startsWith(ACTION_MARKER));
  return line ? line.slice(ACTION_MARKER.length).trim() || null : null;
}

/** Graph gives nextLinks absolute; a $batch sub-request needs the path after /v1.0. */
function relative(link: string): string {
  return link.replace(/^https:\/\/[^/]+\/v1\.0/, '');
}

interface Desired {
  title: string;
  bucketId: string;
  assignee: string | null;
  due: string | null;
  category: string;
}

function taskDiff(task: Task, want: Desired): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  if (task.title !== want.title) patch.title = want.title;
  if ((task.bucketId ?? null) !== want.bucketId) patch.bucketId = want.bucketId;
  if ((task.dueDateTime ?? null)?.slice(0, 10) !== want.due?.slice(0, 10)) patch.dueDateTime = want.due;
  const assigned = Object.entries(task.assignments ?? {})
    .filter(([, v]) => v !== null)
    .map(([k]) => k);
  const wantAssigned = want.assignee ? [want.assignee] : [];
  if (assigned.length !== wantAssigned.length || assigned.some((id) => !wantAssigned.includes(id))) {
    const assignments: Record<string, unknown> = {};
    for (const id of assigned) if (!wantAssigned.includes(id)) assignments[id] = null;
    for (const id of wantAssigned) if (!assigned.includes(id)) assignments[id] = { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: FIRST_ORDER_HINT };
    patch.assignments = assignments;
  }
  const applied = Object.entries(task.appliedCategories ?? {})
    .filter(([, v]) => v === true)
    .map(([k]) => k);
  if (applied.length !== 1 || applied[0] !== want.category) {
    const categories: Record<string, boolean> = {};
    for (const c of applied) if (c !== want.category) categories[c] = false;
    categories[want.category] = true;
    patch.appliedCategories = categories;
  }
  return patch;
}

export function createPlannerPublisher(options: PublisherOptions): PlannerPublisher {
  const { api } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const planner = SCOPES.planner;

  return {
    async publish(snapshot, publishOptions, onProgress) {
      const q = new BatchQueue(api, options.batch);
      const { groupId, planTitle, themes, linkBack, location } = publishOptions;
      const session = snapshot.session.value;
      const actions = snapshot.actions.map((a) => a.value);
      const total = actions.length;
      const report = (step: PublishProgress['step'], done: number) => onProgress?.({ step, done, total });

      const getAll = async (url: string, scopes: readonly string[]): Promise<unknown[]> => {
        const values: unknown[] = [];
        for (let next: string | undefined = url; next; ) {
          const page = PageSchema.parse(await q.submit({ method: 'GET', url: next }, scopes));
          values.push(...page.value);
          next = page['@odata.nextLink'] ? relative(page['@odata.nextLink']) : undefined;
        }
        return values;
      };

      /** Retries 404s caused by Planner's replication delay after we created the plan ourselves. */
      const afterCreate = async <T>(fresh: boolean, run: () => Promise<T>): Promise<T> => {
        for (let attempt = 1; ; attempt += 1) {
          try {
            return await run();
          } catch (err) {
            if (!fresh || !(err instanceof NotFoundError) || attempt >= REPLICATION_ATTEMPTS) throw err;
            await sleep(backoffMs(attempt));
          }
        }
      };

      // Round trip 1: the group's plans and its members (assignees must be members: planner-overview).
      const [plansRaw, membersRaw] = await Promise.all([
        getAll(`/groups/${segment(groupId)}/planner/plans?$select=id,title`, planner),
        getAll(`/groups/${segment(groupId)}/members?$select=id,displayName`, SCOPES.groups),
      ]);
      const plans = plansRaw.map((p) => PlanSchema.parse(p));
      const memberIds = new Set(membersRaw.map((m) => MemberSchema.parse(m).id));
      let plan = plans.find((p) => p.id === session.plannerPlanId) ?? plans.find((p) => p.title === planTitle);
      const planIsNew = !plan;
      if (!plan) {
        plan = PlanSchema.parse(
          await q.submit({ method: 'POST', url: '/planner/plans', body: { container: { url: `https://graph.microsoft.com/v1.0/groups/${groupId}` }, title: planTitle } }, planner),
        );
      }
      const planId = plan.id;
      report('plan', 0);

      // Everything below starts as soon as what it needs is known, so independent requests share a
      // round trip: reading the plan, creating buckets, writing labels and the plan id back.
      const bucketsRead = planIsNew ? Promise.resolve([]) : getAll(`/planner/plans/${segment(planId)}/buckets`, planner);
      const detailsRead = afterCreate(planIsNew, () => q.submit({ method: 'GET', url: `/planner/plans/${segment(planId)}/details` }, planner));
      const tasksRead = planIsNew ? Promise.resolve([]) : getAll(`/planner/plans/${segment(planId)}/tasks`, planner);
      const planIdWritten = location && session.plannerPlanId !== planId ? writePlanBack(q, location, snapshot, planId, groupId) : Promise.resolve();

      const neededBuckets = [...new Set(actions.map((a) => bucketName(a.department)))];
      const bucketIds = new Map<string, Promise<string>>();
      const bucketsByName = bucketsRead.then(
        (raw) => new Map(raw.map((b) => BucketSchema.parse(b)).map((b) => [b.name.trim().toLocaleLowerCase('nl'), b.id] as const)),
      );
      for (const name of neededBuckets) {
        bucketIds.set(
          name,
          bucketsByName.then(async (existing) => {
            const id = existing.get(name.toLocaleLowerCase('nl'));
            if (id) return id;
            const created = await afterCreate(planIsNew, () => q.submit({ method: 'POST', url: '/planner/buckets', body: { name, planId, orderHint: FIRST_ORDER_HINT } }, planner));
            return BucketSchema.parse(created).id;
          }),
        );
      }
      const labels = detailsRead.then(async (raw) => {
        const planDetails = DetailsSchema.parse(raw);
        const wanted = Object.fromEntries(THEME_IDS.map((t) => [categoryOf(t), `${t}. ${themes[t].title}`]));
        const patch = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => (planDetails.categoryDescriptions?.[k] ?? null) !== v));
        if (Object.keys(patch).length === 0) return;
        // Plan details have their own etag (planner-overview): the one just read, never '*'.
        await q.submit({ method: 'PATCH', url: `/planner/plans/${segment(planId)}/details`, headers: { 'If-Match': planDetails['@odata.etag'] }, body: { categoryDescriptions: patch } }, planner);
      });
      // Awaited at the end; until then a failure must not surface as an unhandled rejection.
      for (const pending of [labels, planIdWritten, ...bucketIds.values()]) pending.catch(() => undefined);
      const tasks = new Map((await tasksRead).map((t) => TaskSchema.parse(t)).map((t) => [t.id, t] as const));
      void Promise.all([...bucketIds.values()]).then(() => report('buckets', 0), () => undefined);
      void labels.then(() => report('labels', 0), () => undefined);

      // Resume: tasks no action claims, matched by title and then by the marker in their description.
      const claimed = new Set(actions.map((a) => a.plannerTaskId).filter((id): id is string => id !== null && tasks.has(id)));
      const unclaimedByTitle = new Map<string, Task[]>();
      for (const task of tasks.values()) {
        if (claimed.has(task.id)) continue;
        const list = unclaimedByTitle.get(task.title) ?? [];
        list.push(task);
        unclaimedByTitle.set(task.title, list);
      }
      const needing = actions.filter((a) => !(a.plannerTaskId && tasks.has(a.plannerTaskId)));
      const candidates = [...new Set(needing.flatMap((a) => unclaimedByTitle.get(taskTitle(a)) ?? []))];
      const markers = new Map(
        await Promise.all(
          candidates.map(async (t) => {
            const d = DetailsSchema.parse(await q.submit({ method: 'GET', url: `/planner/tasks/${segment(t.id)}/details` }, planner));
            return [t.id, markerIn(d.description)] as const;
          }),
        ),
      );
      // A task without a marker (the run stopped before its description) is only taken when it also
      // sits in the action's bucket; tasks of other sessions in a shared plan carry their own marker.
      const expectedBucket = new Map(
        candidates.length === 0 ? [] : await Promise.all(needing.map(async (a) => [a.id, await bucketIds.get(bucketName(a.department))] as const)),
      );
      const adopted = new Map<string, Task>();
      for (const pass of ['marker', 'title'] as const) {
        for (const action of needing) {
          if (adopted.has(action.id)) continue;
          const pool = unclaimedByTitle.get(taskTitle(action)) ?? [];
          const hit = pool.find(
            (t) =>
              !claimed.has(t.id) &&
              (pass === 'marker' ? markers.get(t.id) === action.id : markers.get(t.id) === null && (t.bucketId ?? null) === expectedBucket.get(action.id)),
          );
          if (hit) {
            adopted.set(action.id, hit);
            claimed.add(hit.id);
          }
        }
      }

      const nonMembers = new Map<string, string>();
      let tasksDone = 0;
      let detailsDone = 0;
      let writeBackDone = 0;

      const publishOne = async (action: ActionItem): Promise<PublishOutcome> => {
        const bucketId = await (bucketIds.get(bucketName(action.department)) as Promise<string>);
        const { assignees } = taskAssignees([action.ownerId]);
        const unassignedBecause: string[] = [];
        const assignee = assignees.find((id) => memberIds.has(id)) ?? null;
        for (const id of assignees) {
          if (memberIds.has(id)) continue;
          const name = id === action.ownerId && action.ownerName ? action.ownerName : id;
          nonMembers.set(id, name);
          unassignedBecause.push(name);
        }
        const want: Desired = { title: taskTitle(action), bucketId, assignee, due: dueDateTime(action.dueDate), category: categoryOf(action.theme) };
        const known = (action.plannerTaskId ? tasks.get(action.plannerTaskId) : undefined) ?? adopted.get(action.id);
        let taskId: string;
        let kind: 'created' | 'updated' | 'unchanged';
        let needsDetails: boolean;
        if (known) {
          const patch = taskDiff(known, want);
          if (Object.keys(patch).length > 0) {
            await q.submit({ method: 'PATCH', url: `/planner/tasks/${segment(known.id)}`, headers: { 'If-Match': known['@odata.etag'] }, body: patch }, planner);
            kind = 'updated';
          } else {
            kind = 'unchanged';
          }
          taskId = known.id;
          // An adopted task may have been created by a run that stopped before its description.
          needsDetails = adopted.has(action.id) && markers.get(known.id) !== action.id;
          // The description repeats the title, theme and department: keep it telling the same story.
          if (!needsDetails && ('title' in patch || 'bucketId' in patch || 'appliedCategories' in patch)) {
            const details = DetailsSchema.parse(await q.submit({ method: 'GET', url: `/planner/tasks/${segment(taskId)}/details` }, planner));
            const description = refreshedDescription(details.description ?? '', known.title, action, session, themes[action.theme], linkBack);
            if (description !== null) {
              await q.submit({ method: 'PATCH', url: `/planner/tasks/${segment(taskId)}/details`, headers: { 'If-Match': details['@odata.etag'] }, body: { description } }, planner);
            }
          }
        } else {
          const body: Record<string, unknown> = {
            planId,
            bucketId,
            title: want.title,
            orderHint: FIRST_ORDER_HINT,
            appliedCategories: { [want.category]: true },
            assignments: want.assignee ? { [want.assignee]: { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: FIRST_ORDER_HINT } } : {},
          };
          if (want.due) body.dueDateTime = want.due;
          taskId = TaskSchema.pick({ id: true }).parse(await q.submit({ method: 'POST', url: '/planner/tasks', body }, planner)).id;
          kind = 'created';
          needsDetails = true;
        }
        tasksDone += 1;
        report('tasks', tasksDone);
        const url = taskUrl(planId, taskId);

        if (needsDetails) {
          // A task's details carry their own etag (planner-overview): read it, then PATCH with If-Match.
          const details = DetailsSchema.parse(await q.submit({ method: 'GET', url: `/planner/tasks/${segment(taskId)}/details` }, planner));
          const request: SubRequest = {
            method: 'PATCH',
            url: `/planner/tasks/${segment(taskId)}/details`,
            headers: { 'If-Match': details['@odata.etag'] },
            body: { description: taskDescription(action, session, themes[action.theme], linkBack), previewType: 'description' },
          };
          await q.submit(request, planner);
          detailsDone += 1;
          report('details', detailsDone);
        }
        // Written last: an action only carries a PlannerTaskId once its task is complete, so a run that
        // stopped earlier finds the task again as an orphan and finishes it (see the resume pass above).
        if (location && (action.plannerTaskId !== taskId || action.plannerTaskUrl !== url)) {
          await writeTaskBack(q, location, snapshot, action, taskId, url);
          writeBackDone += 1;
          report('writeBack', writeBackDone);
        }
        return { actionId: action.id, kind, taskId, taskUrl: url, ...(unassignedBecause.length ? { unassignedBecause } : {}) };
      };

      const outcomes = await Promise.all(
        actions.map((action) =>
          publishOne(action).catch((err: unknown): PublishOutcome => {
            const e = err instanceof GraphLayerError ? err : toGraphLayerError(err);
            return { actionId: action.id, kind: 'failed', reason: `${e.code}: ${e.message}` };
          }),
        ),
      );

      await labels;
      await planIdWritten;
      report('finished', total);
      return { planId, planUrl: planUrl(planId), outcomes, nonMembers: [...nonMembers].map(([id, name]) => ({ id, name })) };
    },
  };
}

/**
 * Only the publisher writes PlannerPlanId/PlannerGroepId; a PATCH of just these columns cannot overwrite
 * anyone's other edits, so no If-Match (which would fail on any unrelated change). A transient failure
 * is not fatal: the tasks stand, the plan is found again by title and the next publish writes the id.
 */
async function writePlanBack(q: BatchQueue, location: SessionLocation, snapshot: SessionSnapshot, planId: string, groupId: string): Promise<void> {
  await q
    .submit(
      { method: 'PATCH', url: `${listPath(location.siteId, 'sessions')}/items/${segment(snapshot.session.itemId)}/fields`, body: { PlannerPlanId: planId, PlannerGroepId: groupId } },
      SCOPES.sites,
    )
    .catch((err: unknown) => {
      if (!(err instanceof GraphLayerError && err.transient)) throw err;
    });
}

/** Only PlannerTaskId/Url are written, columns no person edits, so no If-Match (see above). */
async function writeTaskBack(q: BatchQueue, location: SessionLocation, snapshot: SessionSnapshot, action: ActionItem, taskId: string, url: string): Promise<void> {
  const item = snapshot.actions.find((a) => a.value.id === action.id);
  if (!item) return;
  await q.submit(
    { method: 'PATCH', url: `${listPath(location.siteId, 'actions')}/items/${segment(item.itemId)}/fields`, body: { PlannerTaskId: taskId, PlannerTaskUrl: url } },
    SCOPES.sites,
  );
}
