// Publishes a session's action agenda to Planner: one plan in the group, one bucket per department,
// labels category1–6 = themes A–F, one task per action with its details.
//
// Exactly once, as a person sees it:
// - One publisher per session: a claim on the session item (PublishClaimBy/PublishClaimUntil) written
//   with If-Match, so of two people pressing Publiceer one wins and the other is told who publishes.
//   A claim expires after CLAIM_MS, so a publisher that vanished blocks nobody for long.
// - Tasks are read by the ids stored on the actions (PlannerTaskId, written as soon as a task exists),
//   never by listing the plan: Planner v1.0 offers no $filter on a plan's tasks (plannerplan-list-tasks
//   documents no query parameters), and a municipality's plan holds every session's tasks.
// - A create is never sent twice blindly. When its answer is lost (504, 503, a dropped connection) it
//   may have been carried out, so the tasks of its bucket are listed and a task carrying the action's
//   key is adopted: the "Actie-id:" marker in its description, or — in the moment between creating a
//   task and writing its description — the same title in the same bucket without any marker. Only
//   when nothing is found is it created again. The same look-up runs once at the start when the
//   previous run left its claim behind (it stopped before every task id was stored).
//   Why the bucket and not a filter: plannerbucket-list-tasks is the narrowest list Planner v1.0
//   offers. Its cost is one GET per department bucket involved (every session's tasks of that
//   department, ~1 KB each) plus one details GET per task with a matching title — paid only after a
//   lost answer or an unfinished run, never on an ordinary publish, which reads its tasks by id.
// - A plan is found by the session's PlannerPlanId, else adopted by its title (the oldest of that
//   title in the group), and only created when the group has none; a second one made at the same
//   moment by another session is deleted again by its maker.
import * as z from '../domain/zod';
import { THEME_IDS, taskAssignees, type ActionItem, type Session, type ThemeId } from '../domain';
import { SCOPES } from '../auth/scopes';
import type { PlannerPublisher, PublishOutcome, PublishProgress, PublishTheme, SessionLocation, SessionSnapshot, Versioned } from './contracts';
import type { GraphApi } from './client';
import { BatchQueue, type BatchOptions } from './batch';
import { BadRequestError, ConflictError, GraphLayerError, InvalidItemError, NotFoundError, OutcomeUnknownError, PublishBusyError, toGraphLayerError } from './errors';
import { listPath, provisionLists } from './lists';
import { ListItemSchema, readAction, readSession } from './mapping';
import { fieldEquals, itemsQuery, segment } from './odata';
import { planUrl, taskUrl } from './plannerLinks';
import { backoffMs } from './retryPolicy';

export const NO_DEPARTMENT_BUCKET = 'Zonder afdeling';
/** "Replication delay": right after a plan is created, reads of it can 404 for a while (planner-overview). */
export const REPLICATION_ATTEMPTS = 5;
/** Marker line in a task's description; survives people editing the rest of the text. */
export const ACTION_MARKER = 'Actie-id:';
const STATEMENT_PREFIX = 'Stelling: ';
const FIRST_ORDER_HINT = ' !';
/** Actions per page when the agenda is read afresh (a session has a few dozen). */
const ACTIONS_PAGE_SIZE = 500;

/** How long a claim on the session holds without being released; a publish of 30 actions takes seconds. */
export const CLAIM_MS = 2 * 60_000;
/** Look-ups after a create whose outcome is unknown, before the action is reported as failed. */
export const MAX_CREATE_ROUNDS = 3;
/** Attempts to write a task's description (each reads the current etag first). */
export const DETAILS_ATTEMPTS = 3;

const PlanSchema = z.object({ id: z.string(), title: z.string(), createdDateTime: z.nullish(z.string()), '@odata.etag': z.optional(z.string()) });
const BucketSchema = z.object({ id: z.string(), name: z.string(), planId: z.optional(z.string()) });
const TaskSchema = z.object({
  id: z.string(),
  title: z.string(),
  planId: z.nullish(z.string()),
  bucketId: z.nullish(z.string()),
  hasDescription: z.nullish(z.boolean()),
  dueDateTime: z.nullish(z.string()),
  appliedCategories: z.nullish(z.record(z.string(), z.nullable(z.boolean()))),
  assignments: z.nullish(z.record(z.string(), z.nullable(z.unknown()))),
  '@odata.etag': z.string(),
});
type Task = z.infer<typeof TaskSchema>;
const DetailsSchema = z.object({
  id: z.optional(z.string()),
  description: z.nullish(z.string()),
  categoryDescriptions: z.nullish(z.record(z.string(), z.nullable(z.string()))),
  '@odata.etag': z.string(),
});
const PageSchema = z.object({ value: z.array(z.unknown()), '@odata.nextLink': z.optional(z.string()) });
const MemberSchema = z.object({ id: z.string(), displayName: z.nullish(z.string()) });

const FieldsEtagSchema = z.looseObject({ '@odata.etag': z.optional(z.string()) });

export interface PublisherOptions {
  api: GraphApi;
  batch?: BatchOptions;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
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

type Plan = z.infer<typeof PlanSchema>;

/** The oldest plan with this title: every publisher picks the same one when two were made at once. */
function oldestWithTitle(plans: Plan[], title: string): Plan | undefined {
  return plans
    .filter((p) => p.title === title)
    .sort((a, b) => (a.createdDateTime ?? '').localeCompare(b.createdDateTime ?? '') || a.id.localeCompare(b.id))[0];
}

interface Claim {
  until: string;
  /** The claim found when claiming had expired: its publisher stopped before storing every task id. */
  unfinishedBefore: boolean;
}

/** Where an action's task comes from before this run touches it. */
interface Start {
  task: Task | null;
  /** Found by a look-up rather than by the stored id. */
  adopted: boolean;
  /** Its description already carries this action's marker. */
  marked: boolean;
}

const NOTHING: Start = { task: null, adopted: false, marked: false };
const UNCERTAIN = Symbol('uncertain');

export function createPlannerPublisher(options: PublisherOptions): PlannerPublisher {
  const { api } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const clock = options.now ?? (() => new Date());
  const planner = SCOPES.planner;

  return {
    async publish(snapshot, publishOptions, onProgress) {
      const q = new BatchQueue(api, options.batch);
      const { groupId, planTitle, themes, linkBack, location, by } = publishOptions;
      const session = snapshot.session.value;
      const sessionItem = location ? `${listPath(location.siteId, 'sessions')}/items/${segment(snapshot.session.itemId)}` : null;

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

      const readSessionItem = async (): Promise<Versioned<Session>> => {
        const item = ListItemSchema.parse(await q.submit({ method: 'GET', url: `${sessionItem}?$expand=fields` }, SCOPES.sites));
        const read = readSession(item);
        if (!read.ok) throw new InvalidItemError('sessions', item.id, read.invalid.field, read.invalid.message);
        return read.value;
      };

      // ---- the claim: one publisher per session ----
      let sessionEtag = snapshot.session.etag;
      /** This run's own mark on the claim; the same person's other device is another run. */
      const run = crypto.randomUUID();
      const claimSession = async (): Promise<Claim | null> => {
        if (!sessionItem) return null;
        const until = new Date(clock().getTime() + CLAIM_MS).toISOString();
        let current = snapshot.session;
        let fresh = false;
        let previous: Session['publishClaim'] = null;
        let provisioned = false;
        for (let attempt = 1; attempt <= 5; attempt += 1) {
          const held = current.value.publishClaim ?? null;
          // Our own PATCH was carried out but its answer lost, and the re-sent one met its new etag.
          if (held && held.run === run) {
            sessionEtag = current.etag;
            return { until, unfinishedBefore: previous !== null };
          }
          if (held && Date.parse(held.until) > clock().getTime()) {
            // The snapshot may be older than the claim's release; only a fresh read may refuse.
            if (fresh) throw new PublishBusyError(held.by, held.until);
            current = await readSessionItem();
            fresh = true;
            continue;
          }
          previous = held;
          try {
            const body = FieldsEtagSchema.parse(
              await q.submit({ method: 'PATCH', url: `${sessionItem}/fields`, headers: { 'If-Match': current.etag }, body: { PublishClaimBy: by.name, PublishClaimUntil: until, PublishClaimRun: run } }, SCOPES.sites),
            );
            sessionEtag = body['@odata.etag'] ?? current.etag;
            return { until, unfinishedBefore: previous !== null };
          } catch (err) {
            if (err instanceof BadRequestError && !provisioned && location) {
              // A list made before the claim columns existed: add them (provisioning is idempotent), once.
              provisioned = true;
              await provisionLists(q, location.siteId);
              continue;
            }
            if (!(err instanceof ConflictError)) throw err;
            current = await readSessionItem();
            fresh = true;
          }
        }
        throw new ConflictError('the session changed every time it was claimed');
      };

      // Round trip 1: claim, the agenda as it is now, the group's plans and its members (assignees
      // must be members: planner-overview). Reading the agenda here, not trusting the caller's copy,
      // publishes a proposal saved a moment before Publiceer.
      const plansUrl = `/groups/${segment(groupId)}/planner/plans?$select=id,title,createdDateTime`;
      const claimed = claimSession();
      const plansRead = getAll(plansUrl, planner);
      const membersRead = getAll(`/groups/${segment(groupId)}/members?$select=id,displayName`, SCOPES.groups);
      const actionsRead = location ? readActions(q, location, session.key, getAll) : Promise.resolve({ actions: snapshot.actions, invalid: [] as PublishOutcome[] });
      for (const pending of [plansRead, membersRead, actionsRead]) pending.catch(() => undefined);
      const claim = await claimed;

      let dirty = false;
      let createsSent = false;
      let releasing: Promise<void> | null = null;
      /** Gives the claim back; left standing as "unfinished" (expired at once) when a task id may be missing. */
      const release = (): Promise<void> => {
        releasing ??= (async () => {
          if (!claim || !sessionItem) return;
          const body = dirty ? { PublishClaimBy: by.name, PublishClaimUntil: clock().toISOString(), PublishClaimRun: run } : { PublishClaimBy: null, PublishClaimUntil: null, PublishClaimRun: null };
          let etag = sessionEtag;
          for (let attempt = 1; attempt <= 3; attempt += 1) {
            try {
              await q.submit({ method: 'PATCH', url: `${sessionItem}/fields`, headers: { 'If-Match': etag }, body }, SCOPES.sites);
              return;
            } catch (err) {
              if (!(err instanceof ConflictError)) return;
              const fresh = await readSessionItem().catch(() => null);
              const held = fresh?.value.publishClaim;
              // Someone edited the session meanwhile (fine), or took over an expired claim (theirs now).
              if (!fresh || !held || held.run !== run || held.until !== claim.until) return;
              etag = fresh.etag;
            }
          }
        })();
        return releasing;
      };

      try {
        const [plansRaw, membersRaw, agenda] = await Promise.all([plansRead, membersRead, actionsRead]);
        const actions = agenda.actions.map((a) => a.value);
        const itemIds = new Map(agenda.actions.map((a) => [a.value.id, a.itemId] as const));
        const total = actions.length + agenda.invalid.length;
        const report = (step: PublishProgress['step'], done: number) => onProgress?.({ step, done, total });
        const memberIds = new Set(membersRaw.map((m) => MemberSchema.parse(m).id));
        const plans = plansRaw.map((p) => PlanSchema.parse(p));

        // Round trip 2: the tasks this session already has, by their stored ids (20 to a $batch),
        // never the whole plan (a municipality's plan holds every session's tasks).
        const knownRead = new Map(
          actions
            .filter((a) => a.plannerTaskId)
            .map((a) => [
              a.id,
              q.submit({ method: 'GET', url: `/planner/tasks/${segment(a.plannerTaskId as string)}` }, planner).then(
                (raw) => TaskSchema.parse(raw),
                (err: unknown) => (err instanceof NotFoundError ? null : Promise.reject(err)),
              ),
            ]),
        );
        for (const pending of knownRead.values()) pending.catch(() => undefined);

        let plan = plans.find((p) => p.id === session.plannerPlanId) ?? oldestWithTitle(plans, planTitle);
        let planIsNew = false;
        if (!plan) {
          createsSent = true;
          plan = await createPlan(q, getAll, plansUrl, groupId, planTitle);
          planIsNew = true;
        }
        report('plan', 0);

        const bucketsIn = (planId: string, fresh: boolean, existingRead: Promise<unknown[]>): Map<string, Promise<string>> => {
          const byName = existingRead.then((raw) => new Map(raw.map((b) => BucketSchema.parse(b)).map((b) => [b.name.trim().toLocaleLowerCase('nl'), b.id] as const)));
          const ids = new Map<string, Promise<string>>();
          for (const name of new Set(actions.map((a) => bucketName(a.department)))) {
            ids.set(
              name,
              byName.then(async (existing) => {
                const id = existing.get(name.toLocaleLowerCase('nl'));
                if (id) return id;
                createsSent = true;
                return afterCreate(fresh, () => createBucket(q, getAll, planId, name));
              }),
            );
          }
          for (const pending of ids.values()) pending.catch(() => undefined);
          return ids;
        };
        let bucketIds = bucketsIn(plan.id, planIsNew, planIsNew ? Promise.resolve([]) : getAll(`/planner/plans/${segment(plan.id)}/buckets`, planner));
        if (planIsNew) {
          // Another session of the same municipality may have made the same plan at the same moment:
          // both keep the older one, and the maker of the newer one deletes it again.
          const ours = plan;
          const winner = oldestWithTitle((await getAll(plansUrl, planner)).map((p) => PlanSchema.parse(p)), planTitle);
          if (winner && winner.id !== ours.id) {
            await Promise.allSettled(bucketIds.values());
            if (ours['@odata.etag']) await q.submit({ method: 'DELETE', url: `/planner/plans/${segment(ours.id)}`, headers: { 'If-Match': ours['@odata.etag'] } }, planner).catch(() => undefined);
            plan = winner;
            bucketIds = bucketsIn(winner.id, true, afterCreate(true, () => getAll(`/planner/plans/${segment(winner.id)}/buckets`, planner)));
          }
        }
        const planId = plan.id;
        const fresh = planIsNew;

        const detailsRead = afterCreate(fresh, () => q.submit({ method: 'GET', url: `/planner/plans/${segment(planId)}/details` }, planner));
        const planIdWritten =
          location && (session.plannerPlanId !== planId || session.plannerGroupId !== groupId)
            ? writePlanBack(q, location, snapshot, planId, groupId).then((etag) => {
                if (etag) sessionEtag = etag;
              })
            : Promise.resolve();
        // A PATCH answered 412 may be our own, carried out before its answer was lost and then sent
        // again: read once more and patch only what still differs.
        const labels = (async () => {
          for (let attempt = 1; ; attempt += 1) {
            const raw = attempt === 1 ? await detailsRead : await q.submit({ method: 'GET', url: `/planner/plans/${segment(planId)}/details` }, planner);
            const planDetails = DetailsSchema.parse(raw);
            const wanted = Object.fromEntries(THEME_IDS.map((t) => [categoryOf(t), `${t}. ${themes[t].title}`]));
            const patch = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => (planDetails.categoryDescriptions?.[k] ?? null) !== v));
            if (Object.keys(patch).length === 0) return;
            try {
              // Plan details have their own etag (planner-overview): the one just read, never '*'.
              await q.submit({ method: 'PATCH', url: `/planner/plans/${segment(planId)}/details`, headers: { 'If-Match': planDetails['@odata.etag'] }, body: { categoryDescriptions: patch } }, planner);
              return;
            } catch (err) {
              if (!(err instanceof ConflictError) || attempt >= DETAILS_ATTEMPTS) throw err;
            }
          }
        })();
        // Awaited at the end; until then a failure must not surface as an unhandled rejection.
        for (const pending of [labels, planIdWritten]) pending.catch(() => undefined);
        void Promise.all([...bucketIds.values()]).then(() => report('buckets', 0), () => undefined);
        void labels.then(() => report('labels', 0), () => undefined);

        /** Task ids some action of this session holds: never adopted for another action. */
        const taken = new Set<string>();
        const starts = new Map<string, Start>();
        const readFailures = new Map<string, unknown>();
        await Promise.all(
          actions.map(async (a) => {
            const read = knownRead.get(a.id);
            if (!read) return;
            try {
              const task = await read;
              if (task && (task.planId ?? planId) === planId) {
                starts.set(a.id, { task, adopted: false, marked: true });
                taken.add(task.id);
              }
            } catch (err) {
              readFailures.set(a.id, err);
            }
          }),
        );

        /** The tasks in these actions' buckets that carry their key (marker, or title before the marker is written). */
        const lookUp = async (wanting: ActionItem[]): Promise<Map<string, Start>> => {
          const bucketOf = new Map(await Promise.all(wanting.map(async (a) => [a.id, await (bucketIds.get(bucketName(a.department)) as Promise<string>)] as const)));
          const titles = new Set(wanting.map(taskTitle));
          const listed = await Promise.all([...new Set(bucketOf.values())].map((b) => getAll(`/planner/buckets/${segment(b)}/tasks`, planner)));
          const candidates = listed
            .flat()
            .map((t) => TaskSchema.parse(t))
            .filter((t) => !taken.has(t.id) && titles.has(t.title));
          const markers = new Map(
            await Promise.all(
              candidates.map(async (t) => {
                if (t.hasDescription === false) return [t.id, null] as const;
                const d = DetailsSchema.parse(await q.submit({ method: 'GET', url: `/planner/tasks/${segment(t.id)}/details` }, planner));
                return [t.id, markerIn(d.description)] as const;
              }),
            ),
          );
          const found = new Map<string, Start>();
          for (const pass of ['marker', 'title'] as const) {
            for (const action of wanting) {
              if (found.has(action.id)) continue;
              // A task without a marker (stopped before its description) is only taken when it also sits
              // in the action's bucket; tasks of other sessions in a shared plan carry their own marker.
              const hit = candidates.find(
                (t) =>
                  !taken.has(t.id) &&
                  (pass === 'marker'
                    ? markers.get(t.id) === action.id
                    : markers.get(t.id) === null && t.title === taskTitle(action) && (t.bucketId ?? null) === bucketOf.get(action.id)),
              );
              if (hit) {
                found.set(action.id, { task: hit, adopted: true, marked: pass === 'marker' });
                taken.add(hit.id);
              }
            }
          }
          return found;
        };

        // The previous run stopped before it stored every task id: look before creating.
        if (claim?.unfinishedBefore) {
          const wanting = actions.filter((a) => !starts.has(a.id) && !readFailures.has(a.id));
          if (wanting.length > 0) for (const [id, start] of await lookUp(wanting)) starts.set(id, start);
        }

        const nonMembers = new Map<string, string>();
        let tasksDone = 0;
        let detailsDone = 0;
        let writeBackDone = 0;

        /** Writes a description, reading the etag first; a 412 or a lost answer means read and look again. */
        const writeDetails = async (taskId: string, compose: (current: string) => string | null, previewType: boolean): Promise<void> => {
          let last: unknown = null;
          for (let attempt = 1; attempt <= DETAILS_ATTEMPTS; attempt += 1) {
            const details = DetailsSchema.parse(await afterCreate(true, () => q.submit({ method: 'GET', url: `/planner/tasks/${segment(taskId)}/details` }, planner)));
            const description = compose(details.description ?? '');
            if (description === null) return;
            try {
              await q.submit(
                {
                  method: 'PATCH',
                  url: `/planner/tasks/${segment(taskId)}/details`,
                  headers: { 'If-Match': details['@odata.etag'] },
                  body: previewType ? { description, previewType: 'description' } : { description },
                },
                planner,
              );
              return;
            } catch (err) {
              last = err;
              if (!(err instanceof ConflictError || (err instanceof GraphLayerError && err.transient))) throw err;
            }
          }
          throw last;
        };

        const settle = new Map<string, () => void>();
        const allSettled = Promise.all(actions.map((a) => new Promise<void>((resolve) => settle.set(a.id, resolve))));

        const publishOne = async (action: ActionItem, start: Start): Promise<PublishOutcome | typeof UNCERTAIN> => {
          const readFailure = readFailures.get(action.id);
          if (readFailure) throw readFailure;
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
          const fullDescription = taskDescription(action, session, themes[action.theme], linkBack);
          let taskId: string;
          let kind: 'created' | 'updated' | 'unchanged';
          let details: Promise<void> = Promise.resolve();
          const known = start.task;
          if (known) {
            const patch = taskDiff(known, want);
            kind = Object.keys(patch).length > 0 ? 'updated' : 'unchanged';
            for (let current = known, attempt = 1; Object.keys(taskDiff(current, want)).length > 0; attempt += 1) {
              try {
                await q.submit({ method: 'PATCH', url: `/planner/tasks/${segment(current.id)}`, headers: { 'If-Match': current['@odata.etag'] }, body: taskDiff(current, want) }, planner);
                break;
              } catch (err) {
                // Changed meanwhile in Planner, or our own PATCH carried out before its answer was lost.
                if (!(err instanceof ConflictError) || attempt >= DETAILS_ATTEMPTS) throw err;
                current = TaskSchema.parse(await q.submit({ method: 'GET', url: `/planner/tasks/${segment(current.id)}` }, planner));
              }
            }
            taskId = known.id;
            if ((start.adopted && !start.marked) || known.hasDescription === false) {
              // Created by a run that stopped (or lost an answer) before its description was written.
              details = writeDetails(taskId, (current) => (markerIn(current) === action.id ? null : fullDescription), true);
            } else if ('title' in patch || 'bucketId' in patch || 'appliedCategories' in patch) {
              // The description repeats the title, theme and department: keep it telling the same story.
              details = writeDetails(taskId, (current) => refreshedDescription(current, known.title, action, session, themes[action.theme], linkBack), false);
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
            createsSent = true;
            try {
              taskId = z.pick(TaskSchema, { id: true }).parse(await q.submit({ method: 'POST', url: '/planner/tasks', body, create: true }, planner)).id;
            } catch (err) {
              if (err instanceof OutcomeUnknownError) return UNCERTAIN;
              throw err;
            }
            taken.add(taskId);
            kind = 'created';
            // A task's details carry their own etag (planner-overview): read it, then PATCH with If-Match.
            details = writeDetails(taskId, (current) => (markerIn(current) === action.id ? null : fullDescription), true);
          }
          tasksDone += 1;
          report('tasks', tasksDone);
          const url = taskUrl(planId, taskId);
          details.catch(() => undefined);

          // The id is stored as soon as the task exists (beside its description, in the same round
          // trip), so a later run finds it by id; a task without a description is finished then.
          const itemId = itemIds.get(action.id);
          const writeBack =
            location && itemId && (action.plannerTaskId !== taskId || action.plannerTaskUrl !== url)
              ? writeTaskBack(q, location, itemId, taskId, url).then(() => {
                  writeBackDone += 1;
                  report('writeBack', writeBackDone);
                })
              : Promise.resolve();
          await writeBack.catch((err: unknown) => {
            dirty = true;
            throw err;
          }).finally(() => settle.get(action.id)?.());
          await details;
          detailsDone += 1;
          report('details', detailsDone);
          return { actionId: action.id, title: action.title, kind, taskId, taskUrl: url, ...(unassignedBecause.length ? { unassignedBecause } : {}) };
        };

        const failed = (action: ActionItem, err: unknown): PublishOutcome => {
          const e = err instanceof GraphLayerError ? err : toGraphLayerError(err);
          return { actionId: action.id, title: action.title, kind: 'failed', reason: `${e.code}: ${e.message}` };
        };
        const attempt = (action: ActionItem, start: Start) =>
          publishOne(action, start).then(
            (outcome) => {
              if (outcome !== UNCERTAIN) settle.get(action.id)?.();
              return outcome;
            },
            (err: unknown) => {
              settle.get(action.id)?.();
              return failed(action, err);
            },
          );

        // Released together with the last descriptions: once every task id is stored, a second
        // publisher cannot make a duplicate any more.
        const released = allSettled.then(() => planIdWritten.catch(() => undefined)).then(release);

        const outcomes = new Map<string, PublishOutcome | typeof UNCERTAIN>();
        await Promise.all(actions.map(async (a) => outcomes.set(a.id, await attempt(a, starts.get(a.id) ?? NOTHING))));
        for (let round = 1; round <= MAX_CREATE_ROUNDS; round += 1) {
          const uncertain = actions.filter((a) => outcomes.get(a.id) === UNCERTAIN);
          if (uncertain.length === 0) break;
          let found: Map<string, Start>;
          try {
            found = await lookUp(uncertain);
          } catch {
            break;
          }
          await Promise.all(uncertain.map(async (a) => outcomes.set(a.id, await attempt(a, found.get(a.id) ?? NOTHING))));
        }
        const results: PublishOutcome[] = actions.map((a) => {
          const outcome = outcomes.get(a.id);
          if (outcome !== undefined && outcome !== UNCERTAIN) return outcome;
          // Still unknown after every look-up: said so, and the next run looks again before creating.
          dirty = true;
          settle.get(a.id)?.();
          return failed(a, new OutcomeUnknownError('Planner did not confirm whether the task was created'));
        });

        await released;
        await labels;
        await planIdWritten.catch((err: unknown) => {
          if (!(err instanceof GraphLayerError && err.transient)) throw err;
        });
        report('finished', total);
        return { planId, planUrl: planUrl(planId), outcomes: [...results, ...agenda.invalid], nonMembers: [...nonMembers].map(([id, name]) => ({ id, name })) };
      } catch (err) {
        if (createsSent) dirty = true;
        await release();
        throw err;
      }
    },
  };
}

async function createPlan(q: BatchQueue, getAll: (url: string, scopes: readonly string[]) => Promise<unknown[]>, plansUrl: string, groupId: string, title: string): Promise<Plan> {
  for (let round = 1; ; round += 1) {
    try {
      const body = { container: { url: `https://graph.microsoft.com/v1.0/groups/${groupId}` }, title };
      return PlanSchema.parse(await q.submit({ method: 'POST', url: '/planner/plans', body, create: true }, SCOPES.planner));
    } catch (err) {
      if (!(err instanceof OutcomeUnknownError) || round >= MAX_CREATE_ROUNDS) throw err;
      const found = oldestWithTitle((await getAll(plansUrl, SCOPES.planner)).map((p) => PlanSchema.parse(p)), title);
      if (found) return found;
    }
  }
}

async function createBucket(q: BatchQueue, getAll: (url: string, scopes: readonly string[]) => Promise<unknown[]>, planId: string, name: string): Promise<string> {
  for (let round = 1; ; round += 1) {
    try {
      return BucketSchema.parse(await q.submit({ method: 'POST', url: '/planner/buckets', body: { name, planId, orderHint: FIRST_ORDER_HINT }, create: true }, SCOPES.planner)).id;
    } catch (err) {
      if (!(err instanceof OutcomeUnknownError) || round >= MAX_CREATE_ROUNDS) throw err;
      const existing = (await getAll(`/planner/plans/${segment(planId)}/buckets`, SCOPES.planner)).map((b) => BucketSchema.parse(b));
      const found = existing.find((b) => b.name.trim().toLocaleLowerCase('nl') === name.toLocaleLowerCase('nl'));
      if (found) return found.id;
    }
  }
}

/** The session's actions as SharePoint has them now; items the app cannot read are reported, not skipped. */
async function readActions(
  q: BatchQueue,
  location: SessionLocation,
  key: string,
  getAll: (url: string, scopes: readonly string[]) => Promise<unknown[]>,
): Promise<{ actions: Versioned<ActionItem>[]; invalid: PublishOutcome[] }> {
  const raw = await getAll(`${listPath(location.siteId, 'actions')}/items${itemsQuery({ filter: fieldEquals('SessionKey', key), top: ACTIONS_PAGE_SIZE })}`, SCOPES.sites);
  const actions: Versioned<ActionItem>[] = [];
  const invalid: PublishOutcome[] = [];
  for (const value of raw) {
    const item = ListItemSchema.parse(value);
    const read = readAction(item);
    if (read.ok) actions.push(read.value);
    else {
      const title = typeof item.fields.Actie === 'string' ? item.fields.Actie : typeof item.fields.Title === 'string' ? item.fields.Title : '';
      invalid.push({ actionId: `item-${item.id}`, title, kind: 'failed', reason: `invalidItem: ${read.invalid.field} ${read.invalid.message}` });
    }
  }
  return { actions, invalid };
}

/**
 * Only the publisher writes PlannerPlanId/PlannerGroepId; a PATCH of just these columns cannot overwrite
 * anyone's other edits, so no If-Match (which would fail on any unrelated change). A transient failure
 * is not fatal: the tasks stand, the plan is found again by title and the next publish writes the id.
 * Answers the item's new etag, so the claim can be released with If-Match afterwards.
 */
async function writePlanBack(q: BatchQueue, location: SessionLocation, snapshot: SessionSnapshot, planId: string, groupId: string): Promise<string | null> {
  const body = await q.submit(
    { method: 'PATCH', url: `${listPath(location.siteId, 'sessions')}/items/${segment(snapshot.session.itemId)}/fields`, body: { PlannerPlanId: planId, PlannerGroepId: groupId } },
    SCOPES.sites,
  );
  return FieldsEtagSchema.parse(body)['@odata.etag'] ?? null;
}

/** Only PlannerTaskId/Url are written, columns no person edits, so no If-Match (see above). */
async function writeTaskBack(q: BatchQueue, location: SessionLocation, itemId: string, taskId: string, url: string): Promise<void> {
  await q.submit({ method: 'PATCH', url: `${listPath(location.siteId, 'actions')}/items/${segment(itemId)}/fields`, body: { PlannerTaskId: taskId, PlannerTaskUrl: url } }, SCOPES.sites);
}
