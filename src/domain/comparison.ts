// Comparison over time ("monitoring", one of the tool's four uses): the same municipality runs the
// tool again and sees what moved. Comparing two municipalities would suggest a benchmark the tool
// does not offer, so it is refused.
import { THEME_IDS, type ActionItem, type Response, type Session, type ThemeId } from './model';
import { summariseScores, type ScoreSummary } from './scores';

export interface SessionSnapshot {
  session: Pick<Session, 'key' | 'municipality' | 'date'>;
  responses: readonly Pick<Response, 'scores'>[];
  actions: readonly ActionItem[];
}

export class MunicipalityMismatchError extends Error {
  override readonly name = 'MunicipalityMismatchError';
  constructor(
    readonly earlier: string,
    readonly later: string,
  ) {
    super(`sessions of different municipalities cannot be compared: ${earlier} / ${later}`);
  }
}

export interface StatementChange {
  theme: ThemeId;
  earlier: ScoreSummary;
  later: ScoreSummary;
  /**
   * later − earlier of the shown (one-decimal) figures, so "2,8 → 3" reads "+0,2"; null when either
   * session has no 1–5 score for the statement.
   */
  meanChange: number | null;
  spreadChange: number | null;
  /** null when nobody responded to the statement (score or weet niet) in either session. */
  weetNietChange: number | null;
}

export interface SessionComparison {
  earlierKey: string;
  laterKey: string;
  statements: StatementChange[];
  /** Actions in the later session whose theme and title were not on the earlier agenda. */
  added: ActionItem[];
  /** Actions marked done in the later session. */
  done: ActionItem[];
}

function sameMunicipality(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');
}

/**
 * A figure as the tab and the report show it: one decimal, halves away from zero, as
 * Intl.NumberFormat's default rounding ("halfExpand", https://developer.mozilla.org/docs/Web/JavaScript/Reference/Global_Objects/Intl/NumberFormat/NumberFormat#roundingmode)
 * does with maximumFractionDigits 1 (src/ui/charts/numberFormat.ts). Shifting by exponent notation
 * rounds 2.85 to 2.9 as the formatter does, where Math.round(2.85 * 10) would give 2.8.
 */
export function roundShown(value: number): number {
  const shifted = Math.round(Math.abs(Number(`${Math.abs(value)}e1`)));
  const rounded = Number(`${shifted}e-1`);
  return value < 0 ? -rounded : rounded;
}

/**
 * later − earlier, computed from the figures as shown (one decimal), so the change always adds up on
 * the page: a mean of 2.75 shown as "2,8" and one of 3.04 shown as "3" change by "+0,2", never by the
 * "+0,3" the unrounded figures would give.
 */
function difference(later: number | null, earlier: number | null): number | null {
  return later === null || earlier === null ? null : roundShown(roundShown(later) - roundShown(earlier));
}

function responded(summary: ScoreSummary): boolean {
  return summary.answered + summary.weetNiet > 0;
}

/** Theme plus title, ignoring case and spacing: retyping an action does not make it new. */
function actionIdentity(action: Pick<ActionItem, 'theme' | 'title'>): string {
  return `${action.theme}|${action.title.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl')}`;
}

/** Throws MunicipalityMismatchError for sessions of different municipalities. */
export function compareSessions(earlier: SessionSnapshot, later: SessionSnapshot): SessionComparison {
  if (!sameMunicipality(earlier.session.municipality, later.session.municipality)) {
    throw new MunicipalityMismatchError(earlier.session.municipality, later.session.municipality);
  }
  const statements = THEME_IDS.map((theme): StatementChange => {
    const before = summariseScores(earlier.responses, theme);
    const after = summariseScores(later.responses, theme);
    return {
      theme,
      earlier: before,
      later: after,
      meanChange: difference(after.mean, before.mean),
      spreadChange: difference(after.spread, before.spread),
      weetNietChange: responded(before) && responded(after) ? after.weetNiet - before.weetNiet : null,
    };
  });
  const known = new Set(earlier.actions.map(actionIdentity));
  return {
    earlierKey: earlier.session.key,
    laterKey: later.session.key,
    statements,
    added: later.actions.filter((a) => !known.has(actionIdentity(a))),
    done: later.actions.filter((a) => a.status === 'done'),
  };
}

function timeOf(date: string): number {
  const time = Date.parse(date);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

/** Oldest first; sessions with an unreadable date last; ties by key so the order is stable. */
export function orderSessionsOverTime<T extends Pick<Session, 'key' | 'date'>>(sessions: readonly T[]): T[] {
  return [...sessions].sort((a, b) => {
    const ta = timeOf(a.date);
    const tb = timeOf(b.date);
    if (ta !== tb) return ta < tb ? -1 : 1;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
}

/**
 * What became of an action of an earlier agenda, as its Planner task says: done (100 % complete),
 * late (due date passed and not complete), open (anything else, including "in progress"), or
 * missing (the task id stored on the action no longer finds a task: deleted in Planner). Planner
 * calls a task complete at percentComplete 100 (https://learn.microsoft.com/graph/api/resources/plannertask).
 */
export type PlannerTaskStatus = 'done' | 'open' | 'late' | 'missing';

export interface PlannerTaskState {
  percentComplete: number;
  /** ISO date-time, or null without a due date. */
  dueDateTime: string | null;
}

/** `now` is injected (the domain reads no clock). A due date-time that cannot be read never makes a task late. */
export function plannerTaskStatus(task: PlannerTaskState | null, now: Date): PlannerTaskStatus {
  if (task === null) return 'missing';
  if (task.percentComplete >= 100) return 'done';
  const due = task.dueDateTime === null ? Number.NaN : Date.parse(task.dueDateTime);
  return !Number.isNaN(due) && now.getTime() > due ? 'late' : 'open';
}

export interface PreviousAgendaRow {
  action: ActionItem;
  /** null for an action never published to Planner (no task id stored): nothing to read. */
  status: PlannerTaskStatus | null;
}

/**
 * The earlier agenda as a repeat session reviews it: each action with its Planner status, in the
 * agenda's order (theme, then as saved). `tasks` holds what Planner returned per stored task id
 * (null: no task found); an id not read at all counts as not published.
 */
export function reviewPreviousAgenda(actions: readonly ActionItem[], tasks: ReadonlyMap<string, PlannerTaskState | null>, now: Date): PreviousAgendaRow[] {
  const order = (a: ActionItem) => THEME_IDS.indexOf(a.theme);
  return actions
    .map((action, index) => ({ action, index }))
    .sort((a, b) => order(a.action) - order(b.action) || a.index - b.index)
    .map(({ action }) => {
      const id = action.plannerTaskId;
      if (!id || !tasks.has(id)) return { action, status: null };
      return { action, status: plannerTaskStatus(tasks.get(id) ?? null, now) };
    });
}

/** The stored Planner task ids of an agenda: the only tasks a review reads. */
export function plannerTaskIdsOf(actions: readonly Pick<ActionItem, 'plannerTaskId'>[]): string[] {
  return [...new Set(actions.map((a) => a.plannerTaskId).filter((id): id is string => typeof id === 'string' && id !== ''))];
}
