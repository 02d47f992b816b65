// The session's life: setup → step1 → revealed → step2 → step3 → closed. Only the facilitator
// (gespreksleider) moves it, because the group follows one screen. The rules themselves live in
// authorization.ts; these are the session-shaped answers the surfaces need.
import { may, mayReadScoresOf, type Decision, type Refusal } from './authorization';
import type { Session, SessionState } from './model';
import { leaveStep } from './stageFocus';

export { nextState, previousState } from './authorization';

export type TransitionResult = { ok: true; session: Session } | { ok: false; refusal: Refusal };

export function canTransition(session: Pick<Session, 'state' | 'facilitatorId' | 'locked' | 'mode'>, actorId: string | null, to: SessionState): boolean {
  return may({ id: actorId }, { kind: 'transition', to }, session).ok;
}

/** A new session in the new state. Each step opens unlocked: a lock closes one step's input, not the next. */
export function transition(session: Session, actorId: string | null, to: SessionState): TransitionResult {
  const decision = may({ id: actorId }, { kind: 'transition', to }, session);
  // The stage starts the new step at its overview (src/domain/stageFocus.ts).
  return decision.ok ? { ok: true, session: { ...session, state: to, locked: false, stageFocus: leaveStep(session.stageFocus) } } : { ok: false, refusal: decision.refusal };
}

/** What a person may change. The caller asks about the actor's own item (their scores, their answers). */
export type Editable =
  /** own step-1 scores */
  | 'scores'
  /** own step-2 answers and theme comments */
  | 'step2'
  /** propose actions in the agenda */
  | 'actions'
  /** "Wat opvalt…" */
  | 'notes'
  /** step-3 "Ruimte voor toelichting" and the follow-up agreement */
  | 'explanation'
  /** own name, domain and department */
  | 'profile'
  /** title, purpose, mode */
  | 'settings'
  /** lock / unlock the current step's input */
  | 'lock';

function editDecision(session: Pick<Session, 'state' | 'locked' | 'facilitatorId' | 'mode'>, what: Editable, actorId: string | null): Decision {
  const actor = { id: actorId };
  const own = actorId ?? '';
  switch (what) {
    case 'scores':
      return may(actor, { kind: 'answer', part: 'scores', ownerId: own }, session);
    case 'step2':
      return may(actor, { kind: 'answer', part: 'step2', ownerId: own }, session);
    case 'profile':
      return may(actor, { kind: 'answer', part: 'profile', ownerId: own }, session);
    case 'actions':
      return may(actor, { kind: 'saveAction', action: null }, session);
    case 'notes':
      return may(actor, { kind: 'notes' }, session);
    case 'explanation':
      return may(actor, { kind: 'explanation' }, session);
    case 'settings':
      return may(actor, { kind: 'mode', mode: session.mode }, session);
    case 'lock':
      return may(actor, { kind: 'lock', locked: !session.locked }, session);
  }
}

export function isEditable(session: Pick<Session, 'state' | 'locked' | 'facilitatorId' | 'mode'>, what: Editable, actorId: string | null): boolean {
  return editDecision(session, what, actorId).ok;
}

export type LockResult = { ok: true; session: Session } | { ok: false; refusal: Refusal };

export function setLocked(session: Session, actorId: string | null, locked: boolean): LockResult {
  const decision = may({ id: actorId }, { kind: 'lock', locked }, session);
  return decision.ok ? { ok: true, session: { ...session, locked } } : { ok: false, refusal: decision.refusal };
}

/** Before the reveal each person sees only their own scores; the stage (viewer null) sees none. */
export function scoresVisibleTo(session: Pick<Session, 'state'>, viewerId: string | null, ownerId: string): boolean {
  return mayReadScoresOf({ id: viewerId }, session, ownerId);
}
