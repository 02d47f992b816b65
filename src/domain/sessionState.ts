// The session's life: setup → step1 → revealed → step2 → step3 → closed. Only the facilitator
// (gespreksleider) moves it, because the group follows one screen.
import { SESSION_STATES, type Session, type SessionState } from './model';

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
  return SESSION_STATES[SESSION_STATES.indexOf(state) + 1] ?? null;
}

export function previousState(state: SessionState): SessionState | null {
  return BACKWARD[state] ?? null;
}

export type TransitionRefusal =
  | { code: 'notFacilitator'; actorId: string | null }
  | { code: 'sameState'; state: SessionState }
  | { code: 'notAllowed'; from: SessionState; to: SessionState };

export type TransitionResult = { ok: true; session: Session } | { ok: false; refusal: TransitionRefusal };

function refusalFor(session: Pick<Session, 'state' | 'facilitatorId'>, actorId: string | null, to: SessionState): TransitionRefusal | null {
  if (actorId === null || actorId !== session.facilitatorId) return { code: 'notFacilitator', actorId };
  if (to === session.state) return { code: 'sameState', state: to };
  if (nextState(session.state) !== to && previousState(session.state) !== to) return { code: 'notAllowed', from: session.state, to };
  return null;
}

export function canTransition(session: Pick<Session, 'state' | 'facilitatorId'>, actorId: string | null, to: SessionState): boolean {
  return refusalFor(session, actorId, to) === null;
}

/** A new session in the new state. Each step opens unlocked: a lock closes one step's input, not the next. */
export function transition(session: Session, actorId: string | null, to: SessionState): TransitionResult {
  const refusal = refusalFor(session, actorId, to);
  return refusal ? { ok: false, refusal } : { ok: true, session: { ...session, state: to, locked: false } };
}

/** What a person may change. The caller asks about the actor's own item (their scores, their answers). */
export type Editable =
  /** own step-1 scores */
  | 'scores'
  /** own step-2 answers and theme comments */
  | 'step2'
  /** propose / edit actions in the agenda */
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

const REVEALED_ON: readonly SessionState[] = ['revealed', 'step2', 'step3'];

export function isEditable(session: Pick<Session, 'state' | 'locked' | 'facilitatorId' | 'mode'>, what: Editable, actorId: string | null): boolean {
  if (actorId === null) return false;
  const isFacilitator = actorId === session.facilitatorId;
  const { state, locked } = session;
  switch (what) {
    case 'scores':
      return state === 'step1' && !locked;
    case 'step2':
      // Joint mode: the group fills in one form together, and the facilitator holds the pen.
      return state === 'step2' && !locked && (session.mode === 'separate' || isFacilitator);
    case 'actions':
      // The lock stops proposals from the floor; the facilitator still curates the agenda.
      return state === 'step3' && (!locked || isFacilitator);
    case 'notes':
      return isFacilitator && REVEALED_ON.includes(state);
    case 'explanation':
      return isFacilitator && state === 'step3';
    case 'profile':
      return state !== 'closed';
    case 'settings':
      // The mode decides how step 2 is filled in, so it is settled before step 2 starts.
      return isFacilitator && (state === 'setup' || state === 'step1' || state === 'revealed');
    case 'lock':
      return isFacilitator && (state === 'step1' || state === 'step2' || state === 'step3');
  }
}

export type LockResult = { ok: true; session: Session } | { ok: false; refusal: { code: 'notAllowed' } };

export function setLocked(session: Session, actorId: string | null, locked: boolean): LockResult {
  if (!isEditable(session, 'lock', actorId)) return { ok: false, refusal: { code: 'notAllowed' } };
  return { ok: true, session: { ...session, locked } };
}

/** Before the reveal each person sees only their own scores; the stage (viewer null) sees none. */
export function scoresVisibleTo(session: Pick<Session, 'state'>, viewerId: string | null, ownerId: string): boolean {
  if (session.state === 'setup' || session.state === 'step1') return viewerId !== null && viewerId === ownerId;
  return true;
}
