// Stap 2 filled in together ("samen invullen", the paper's second way): the group answers once, and
// the facilitator holds the pen on the stage. That answer is a record of its own, beside everyone's
// individual answers and never written into anyone's personal answers item: an answers item the
// facilitator writes on behalf of a reserved participant, "Samen" (the on-behalf machinery of
// onBehalf.ts, so it carries IngevuldDoor/IngevuldDoorId and SharePoint's item-level permissions keep
// it the facilitator's to write). It is not a person: the group view carries it beside the members
// (model.ts GroupView.joint), so it is in no progress count, score table, chart or list of who took part.
import type { Actor } from './authorization';
import { emptyStep2, ParticipantSchema, type EnteredBy, type Participant, type Response, type Session, type Step2Answers } from './model';
import { mayAnswerFor } from './onBehalf';

/** Ids of the joint record start with this; neither an Entra object id nor a `namens:` id does. */
export const JOINT_PREFIX = 'samen:';
/** The name the joint record carries in SharePoint (the Naam column); surfaces show their own word for it. */
export const JOINT_NAME = 'Samen';

/** The one joint record of a session: its id follows from the session key, so it is created once. */
export function jointId(sessionKey: string): string {
  return `${JOINT_PREFIX}${sessionKey}`;
}

/** Whether these are the answers of the joint record rather than of a person. */
export function isJoint(participant: Pick<Participant, 'id'>): boolean {
  return participant.id.startsWith(JOINT_PREFIX);
}

/**
 * Whether `participant` is this session's joint record as the facilitator wrote it. Anyone can create
 * an answers item of their own with a `samen:` id; only the facilitator's is the group's answer
 * (IngevuldDoorId is believed only when SharePoint's createdBy agrees, src/graph/mapping.ts).
 */
export function isGenuineJoint(participant: Pick<Participant, 'id' | 'enteredBy'>, session: Pick<Session, 'key' | 'facilitatorId'>): boolean {
  return participant.id === jointId(session.key) && participant.enteredBy !== undefined && participant.enteredBy.id === session.facilitatorId;
}

/**
 * The joint record's participant, entered by the facilitator. A participant needs a domain (the
 * Domein column is required); the joint record's is never shown or counted, so it is the first one.
 */
export function jointParticipant(sessionKey: string, facilitator: EnteredBy): Participant {
  return ParticipantSchema.parse({
    id: jointId(sessionKey),
    name: JOINT_NAME,
    domain: 'armoede',
    department: '',
    enteredBy: { id: facilitator.id, name: facilitator.name.trim() },
  } satisfies Participant);
}

/** Whether `actor` may write the joint answer now: the facilitator, in stap 2 of a session filled in together, not locked. */
export function mayAnswerJointly(actor: Actor, session: Pick<Session, 'key' | 'state' | 'locked' | 'facilitatorId' | 'mode'>): boolean {
  if (session.mode !== 'joint' || actor.id === null || actor.id !== session.facilitatorId) return false;
  return mayAnswerFor(actor, jointParticipant(session.key, { id: actor.id, name: '' }), 'step2', session).ok;
}

/**
 * The joint answer as a surface shows it: from the group view when there is one (what everyone
 * reads), else from the items this reader could read (only the facilitator can read it). Null in a
 * session filled in separately, and when nobody wrote one.
 */
export function visibleJoint(session: Pick<Session, 'key' | 'facilitatorId' | 'mode' | 'group'>, readable: readonly Pick<Response, 'participant' | 'step2'>[]): Step2Answers | null {
  if (session.mode !== 'joint') return null;
  if (session.group) return session.group.joint?.step2 ?? null;
  return readable.find((r) => isGenuineJoint(r.participant, session))?.step2 ?? null;
}

/** Whether a joint answer holds anything yet. */
export function hasJointAnswers(step2: Step2Answers | null): boolean {
  const answers = step2 ?? emptyStep2();
  return Object.values(answers.questions).some((a) => a.selected.length > 0) || Object.values(answers.comments).some((c) => c !== undefined && c.trim() !== '');
}
