// Who may do what, and who sees what: one module every command and every surface asks. SharePoint
// refuses the same things through the lists' item-level permissions (answers: read and edit only
// one's own; sessions and actions: edit only one's own), so a rule here is what the person is told,
// and the tenant is what holds when a client skips the rule.
import type { ActionItem, DisplayMode, Mode, Session, SessionState } from './model';

/** The signed-in person, by Entra object id from the token (GET /me); null when nobody is signed in. */
export interface Actor {
  id: string | null;
}

export type AnswerPart = 'scores' | 'step2' | 'profile';

export type Command =
  | { kind: 'transition'; to: SessionState }
  | { kind: 'lock'; locked: boolean }
  | { kind: 'notes' }
  | { kind: 'explanation' }
  | { kind: 'followUp' }
  | { kind: 'mode'; mode: Mode }
  /** How people are shown on stage, tab and report (src/domain/display.ts). */
  | { kind: 'display'; display: DisplayMode }
  /** A participant's own answers; `ownerId` is whose answers item is written. */
  | { kind: 'answer'; part: AnswerPart; ownerId: string; onBehalf?: boolean }
  /** Create (`action` null) or change an agenda item. */
  | { kind: 'saveAction'; action: Pick<ActionItem, 'proposedBy'> | null }
  | { kind: 'deleteAction'; action: Pick<ActionItem, 'proposedBy'> }
  | { kind: 'publish' }
  /** Municipality, title, purpose and Planner group of the session (the tab's settings, reopened). */
  | { kind: 'settings' }
  /** What the stage shows (src/domain/stageFocus.ts): the focused theme, "besproken" marks, the timer, stap 1's notes per statement. */
  | { kind: 'stageFocus'; part: 'theme' | 'discussed' | 'timer' | 'note' };

export type Refusal =
  | { code: 'signedOut' }
  | { code: 'notFacilitator' }
  | { code: 'notOwnAnswer' }
  | { code: 'notProposer' }
  | { code: 'sameState'; state: SessionState }
  | { code: 'notAllowed'; from: SessionState; to: SessionState }
  /** The command belongs to another step than the one the session is in. */
  | { code: 'wrongStep'; state: SessionState }
  | { code: 'locked' }
  /** Joint mode: the group fills in step 2 once, and the facilitator holds the pen. */
  | { code: 'jointMode' };

export type Decision = { ok: true } | { ok: false; refusal: Refusal };

const ALLOWED: Decision = { ok: true };
const refuse = (refusal: Refusal): Decision => ({ ok: false, refusal });

const REVEALED: readonly SessionState[] = ['revealed', 'step2', 'step3', 'closed'];

/** Everyone's step-1 scores are visible from the reveal on, the closed session included. */
export function isRevealed(state: SessionState): boolean {
  return REVEALED.includes(state);
}

/** The session's life: setup → step1 → revealed → step2 → step3 → closed. */
const ORDER: readonly SessionState[] = ['setup', 'step1', 'revealed', 'step2', 'step3', 'closed'];

/**
 * Going back is allowed where it helps the conversation and hides nothing already seen:
 * step2 → revealed (look at the chart again), step3 → step2 (revisit the answers), closed → step3
 * (reopen the agenda after closing too early). revealed → step1 is refused: scores were seen by
 * everyone, and re-scoring after seeing the others would defeat the private first round.
 * step1 → setup is refused too: scores already given would belong to a session that no longer
 * "started"; the facilitator can simply keep step 1 open.
 */
const BACKWARD: Partial<Record<SessionState, SessionState>> = { step2: 'revealed', step3: 'step2', closed: 'step3' };

export function nextState(state: SessionState): SessionState | null {
  return ORDER[ORDER.indexOf(state) + 1] ?? null;
}

export function previousState(state: SessionState): SessionState | null {
  return BACKWARD[state] ?? null;
}

type SessionFacts = Pick<Session, 'state' | 'locked' | 'facilitatorId' | 'mode'>;

function facilitatorIn(states: readonly SessionState[], actor: string, session: SessionFacts): Decision {
  if (actor !== session.facilitatorId) return refuse({ code: 'notFacilitator' });
  return states.includes(session.state) ? ALLOWED : refuse({ code: 'wrongStep', state: session.state });
}

function mayAnswer(actor: string, command: Extract<Command, { kind: 'answer' }>, session: SessionFacts): Decision {
  const isFacilitator = actor === session.facilitatorId;
  // Someone who cannot use the app (a partner from another tenant, someone on the phone) is
  // entered by the facilitator, recorded as entered on their behalf.
  if (command.ownerId !== actor && !(command.onBehalf === true && isFacilitator)) return refuse({ code: 'notOwnAnswer' });
  const { state, locked } = session;
  switch (command.part) {
    case 'scores':
      if (state !== 'step1') return refuse({ code: 'wrongStep', state });
      return locked ? refuse({ code: 'locked' }) : ALLOWED;
    case 'step2':
      if (state !== 'step2') return refuse({ code: 'wrongStep', state });
      if (locked) return refuse({ code: 'locked' });
      return session.mode === 'separate' || isFacilitator ? ALLOWED : refuse({ code: 'jointMode' });
    case 'profile':
      return state === 'closed' ? refuse({ code: 'wrongStep', state }) : ALLOWED;
  }
}

function mayChangeAction(actor: string, action: Pick<ActionItem, 'proposedBy'> | null, session: SessionFacts): Decision {
  if (session.state !== 'step3') return refuse({ code: 'wrongStep', state: session.state });
  // The facilitator curates the whole agenda, also after locking proposals from the floor.
  if (actor === session.facilitatorId) return ALLOWED;
  if (session.locked) return refuse({ code: 'locked' });
  // A proposer edits and removes their own proposals; SharePoint's "edit only their own" agrees.
  return action === null || action.proposedBy === actor ? ALLOWED : refuse({ code: 'notProposer' });
}

export function may(actor: Actor, command: Command, session: SessionFacts): Decision {
  const id = actor.id;
  if (id === null || id === '') return refuse({ code: 'signedOut' });
  switch (command.kind) {
    case 'transition': {
      if (id !== session.facilitatorId) return refuse({ code: 'notFacilitator' });
      const from = session.state;
      if (command.to === from) return refuse({ code: 'sameState', state: from });
      if (nextState(from) !== command.to && previousState(from) !== command.to) return refuse({ code: 'notAllowed', from, to: command.to });
      return ALLOWED;
    }
    case 'lock':
      return facilitatorIn(['step1', 'step2', 'step3'], id, session);
    case 'notes':
      return facilitatorIn(['revealed', 'step2', 'step3'], id, session);
    case 'explanation':
    case 'followUp':
      return facilitatorIn(['step3'], id, session);
    case 'mode':
      // The mode decides how step 2 is filled in, so it is settled before step 2 starts.
      return facilitatorIn(['setup', 'step1', 'revealed'], id, session);
    case 'display':
      // Any time, also after closing: the facilitator may make the report anonymous before exporting it.
      return facilitatorIn(['setup', 'step1', 'revealed', 'step2', 'step3', 'closed'], id, session);
    case 'answer':
      return mayAnswer(id, command, session);
    case 'saveAction':
      return mayChangeAction(id, command.action, session);
    case 'deleteAction':
      return mayChangeAction(id, command.action, session);
    case 'publish':
      return facilitatorIn(['step3', 'closed'], id, session);
    case 'settings':
      return facilitatorIn(['setup', 'step1', 'revealed', 'step2', 'step3', 'closed'], id, session);
    case 'stageFocus':
      // Stap 1 is looked at statement by statement only once the scores are shown; notes are stap 1's.
      return facilitatorIn(command.part === 'note' ? ['revealed'] : ['revealed', 'step2', 'step3'], id, session);
  }
}

/** What a surface may show to `viewer` (the stage is rendered per person, so it asks as that person). */
export interface View {
  /** Everyone's step-1 scores (the chart, the table, the results in the tab); before the reveal only one's own. */
  othersScores: boolean;
  /** The facilitator's moves (start, reveal, next step, lock, publish, close). */
  facilitatorControls: boolean;
}

export function visibleTo(viewer: Actor, session: Pick<Session, 'state' | 'facilitatorId'>): View {
  return {
    othersScores: isRevealed(session.state),
    facilitatorControls: viewer.id !== null && viewer.id === session.facilitatorId,
  };
}

/** Whether `viewer` may see the step-1 scores in the answers item of `ownerId`. */
export function mayReadScoresOf(viewer: Actor, session: Pick<Session, 'state'>, ownerId: string): boolean {
  return isRevealed(session.state) || (viewer.id !== null && viewer.id === ownerId);
}
