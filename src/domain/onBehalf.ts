// Taking part on someone's behalf. Someone who cannot use the app (a partner from another
// organisation's tenant, someone on the phone line, someone without access to the site) takes part
// through the facilitator, who enters their scores, stap-2 answers and proposals for them, as the
// paper tool's columns were filled in by hand. They get an id of their own, never an Entra object
// id, and their answers carry who entered them, so they are never mixed up with what people
// entered themselves.
import { may, type Actor, type AnswerPart, type Decision } from './authorization';
import { randomKeyText, type RandomBytes } from './randomSource';
import { ParticipantSchema, type Domain, type EnteredBy, type Participant, type Session } from './model';

/** Ids of people entered by the facilitator start with this; an Entra object id (a GUID) never does. */
export const ON_BEHALF_PREFIX = 'namens:';

export function newOnBehalfId(random: RandomBytes): string {
  return `${ON_BEHALF_PREFIX}${randomKeyText(random, 16)}`;
}

/** Whether these answers were entered by someone else than the person they belong to. */
export function isOnBehalf(participant: Pick<Participant, 'id' | 'enteredBy'>): boolean {
  return participant.enteredBy !== undefined || participant.id.startsWith(ON_BEHALF_PREFIX);
}

export interface OnBehalfInput {
  name: string;
  domain: Domain;
  /** The organisation they come from (GGD, welzijn, …): for a partner required, otherwise optional. */
  organisation: string;
  department: string;
}

export type OnBehalfProblem = 'nameRequired' | 'organisationRequired';

export function validateOnBehalf(input: OnBehalfInput): OnBehalfProblem[] {
  const problems: OnBehalfProblem[] = [];
  if (input.name.trim() === '') problems.push('nameRequired');
  if (input.domain === 'partner' && input.organisation.trim() === '') problems.push('organisationRequired');
  return problems;
}

/** The participant the facilitator adds: a new id, and who entered them. */
export function onBehalfParticipant(input: OnBehalfInput, enteredBy: EnteredBy, random: RandomBytes): Participant {
  const organisation = input.organisation.trim();
  return ParticipantSchema.parse({
    id: newOnBehalfId(random),
    name: input.name.trim(),
    domain: input.domain,
    ...(organisation !== '' ? { partnerLabel: organisation } : {}),
    department: input.department.trim(),
    enteredBy: { id: enteredBy.id, name: enteredBy.name.trim() },
  } satisfies Participant);
}

/** "Anouk Jansen, GGD West-Brabant": whom the answers are of, as the label names them. */
export function onBehalfWhom(participant: Pick<Participant, 'name' | 'partnerLabel' | 'department'>): string {
  const organisation = participant.partnerLabel?.trim() || participant.department.trim();
  return organisation === '' ? participant.name : `${participant.name}, ${organisation}`;
}

/** Only the facilitator adds someone on their behalf, while the session is still open. */
export function mayAddOnBehalf(actor: Actor, session: Pick<Session, 'state' | 'facilitatorId'>): boolean {
  return actor.id !== null && actor.id === session.facilitatorId && session.state !== 'closed';
}

/** Whether `actor` may change `part` of the answers of `participant`: their own, or entered on their behalf by the facilitator. */
export function mayAnswerFor(actor: Actor, participant: Pick<Participant, 'id' | 'enteredBy'>, part: AnswerPart, session: Pick<Session, 'state' | 'locked' | 'facilitatorId' | 'mode'>): Decision {
  const onBehalf = participant.id !== actor.id && isOnBehalf(participant);
  // The one who entered them stays the one who writes them: another person's "namens" item is not theirs.
  if (onBehalf && participant.enteredBy !== undefined && participant.enteredBy.id !== actor.id) return { ok: false, refusal: { code: 'notOwnAnswer' } };
  return may(actor, { kind: 'answer', part, ownerId: participant.id, onBehalf }, session);
}

/**
 * Whether a "namens" entry is one the group may take as such: entered by the session's facilitator.
 * A participant can write a `namens:` id or an IngevuldDoor into their own answers item by hand;
 * that is not the facilitator entering for someone, so it is not shown as if it were.
 */
export function isGenuineOnBehalf(participant: Pick<Participant, 'id' | 'enteredBy'>, session: Pick<Session, 'facilitatorId'>): boolean {
  if (!isOnBehalf(participant)) return true;
  return participant.enteredBy !== undefined && participant.enteredBy.id === session.facilitatorId && participant.id.startsWith(ON_BEHALF_PREFIX);
}
