// Step-3 rules: the action agenda ("Wie pakt het op, welke afdeling, wanneer?").
import { compareCalendarDates, isCalendarDate, latestDueDate } from './calendarDate';
import { LIMITS, THEME_IDS, type ActionItem, type Participant, type ThemeId } from './model';
import { randomKeyText, type RandomBytes } from './randomSource';

export type ActionDraft = Pick<ActionItem, 'title' | 'ownerId' | 'department' | 'dueDate'>;

export type ActionProblem =
  | { code: 'titleRequired' }
  | { code: 'titleTooLong'; limit: number }
  | { code: 'ownerNotParticipant'; ownerId: string }
  | { code: 'departmentTooLong'; limit: number }
  | { code: 'dueDateInvalid' }
  | { code: 'dueDateInPast'; today: string }
  | { code: 'dueDateTooFar'; latest: string };

export interface ActionContext {
  participants: readonly Pick<Participant, 'id'>[];
  /** The user's local calendar date, YYYY-MM-DD: "today" is a day where the user is. */
  today: string;
}

/**
 * Throws RangeError when `today` is not YYYY-MM-DD: passing an ISO date-time would compare
 * '2026-11-23' < '2026-11-23T…' and call today's date past, so a wrong call fails loudly.
 */
export function validateAction(action: ActionDraft, { participants, today }: ActionContext): ActionProblem[] {
  if (!isCalendarDate(today)) throw new RangeError(`today must be a calendar date YYYY-MM-DD, got ${today}`);
  const problems: ActionProblem[] = [];
  const title = action.title.trim();
  if (title === '') problems.push({ code: 'titleRequired' });
  else if (title.length > LIMITS.actionTitle) problems.push({ code: 'titleTooLong', limit: LIMITS.actionTitle });
  if (action.ownerId !== null && action.ownerId !== '' && !participants.some((p) => p.id === action.ownerId)) {
    problems.push({ code: 'ownerNotParticipant', ownerId: action.ownerId });
  }
  if (action.department.trim().length > LIMITS.department) problems.push({ code: 'departmentTooLong', limit: LIMITS.department });
  if (action.dueDate !== null && action.dueDate !== '') {
    if (!isCalendarDate(action.dueDate)) problems.push({ code: 'dueDateInvalid' });
    else if (compareCalendarDates(action.dueDate, today) < 0) problems.push({ code: 'dueDateInPast', today });
    else if (compareCalendarDates(action.dueDate, latestDueDate(today)) > 0) problems.push({ code: 'dueDateTooFar', latest: latestDueDate(today) });
  }
  return problems;
}

export type AssigneeProblem = { code: 'tooManyAssignees'; limit: number; count: number };

/**
 * The assignee list of a Planner task: distinct, non-empty ids in the given order. Planner refuses
 * a task with more than 20 assignees (403 MaximumAssigneesInTasks, REFERENCE.md), so more is
 * reported instead of silently dropping people.
 */
export function taskAssignees(ids: readonly (string | null | undefined)[]): { assignees: string[]; problems: AssigneeProblem[] } {
  const assignees = [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
  const problems: AssigneeProblem[] =
    assignees.length > LIMITS.maxAssignees ? [{ code: 'tooManyAssignees', limit: LIMITS.maxAssignees, count: assignees.length }] : [];
  return { assignees, problems };
}

const collator = new Intl.Collator('nl', { sensitivity: 'base' });

/** Departments already named in this session, for the department field's suggestions. */
export function suggestDepartments(
  participants: readonly Pick<Participant, 'department'>[],
  actions: readonly Pick<ActionItem, 'department'>[],
): string[] {
  const seen = new Map<string, string>();
  for (const raw of [...participants.map((p) => p.department), ...actions.map((a) => a.department)]) {
    const department = raw.trim().replace(/\s+/g, ' ');
    const key = department.toLocaleLowerCase('nl');
    if (department !== '' && !seen.has(key)) seen.set(key, department);
  }
  return [...seen.values()].sort(collator.compare);
}

/** Due date first (soonest on top, no date last), then title, so the agenda reads as a to-do list. */
export function compareActions(a: ActionDraft, b: ActionDraft): number {
  if (a.dueDate !== b.dueDate) {
    if (!a.dueDate) return 1;
    if (!b.dueDate) return -1;
    const byDate = compareCalendarDates(a.dueDate, b.dueDate);
    if (byDate !== 0) return byDate;
  }
  return collator.compare(a.title.trim(), b.title.trim());
}

export function orderActions<T extends ActionDraft>(actions: readonly T[]): T[] {
  return [...actions].sort(compareActions);
}

/** Every theme A–F present (possibly empty), each list in agenda order. */
export function groupActionsByTheme<T extends ActionDraft & Pick<ActionItem, 'theme'>>(actions: readonly T[]): Record<ThemeId, T[]> {
  const groups = Object.fromEntries(THEME_IDS.map((id) => [id, [] as T[]])) as Record<ThemeId, T[]>;
  for (const action of actions) groups[action.theme].push(action);
  for (const id of THEME_IDS) groups[id].sort(compareActions);
  return groups;
}

/** Made by the client before the first save, so a retried save or re-publish never duplicates. */
export function newActionId(random: RandomBytes): string {
  return `a-${randomKeyText(random, 16)}`;
}
