// What the group may see of everyone's answers. SharePoint lets each participant read only their own
// answers item (src/graph/lists.ts, ITEM_LEVEL); the facilitator's client, the one that reads every
// answer, writes this view onto the session item, which everyone reads. So a participant's browser
// never receives another person's raw scores, and what was shown at the reveal stays as it was:
// the scores are frozen when the session is revealed, a later edit of an answer changes nothing.
import { isRevealed } from './authorization';
import { THEME_IDS, emptyStep2, type GroupMember, type GroupView, type Response, type Session, type StepId } from './model';
import { isGenuineJoint, isJoint } from './joint';
import { isGenuineOnBehalf } from './onBehalf';
import { stepProgress, type StepProgress } from './progress';

type GroupAction = GroupView['actions'][number];

/** States in which the group sees step-2 answers: live during step 2, as they were when it ended after. */
const STEP2_VISIBLE: readonly Session['state'][] = ['step2', 'step3', 'closed'];

function answered(response: Response): GroupMember['answered'] {
  return {
    step1: THEME_IDS.filter((t) => response.scores[t] !== undefined).length,
    step2: Object.values(response.step2.questions).filter((a) => a.selected.length > 0).length,
  };
}

/**
 * The group view for the session as the facilitator's client now reads it. `responses` are every
 * answers item in join order; `actions` the agenda as read now, or null when it was not read this
 * time (the previous agenda is kept). `now` is when a reveal happening now is recorded. Answers
 * entered on someone's behalf keep who entered them (participant.enteredBy), so every surface labels
 * them; an item that claims to be entered on someone's behalf by anyone but the facilitator is left out.
 * The joint answer (stap 2 filled in together, src/domain/joint.ts) is no member: it goes beside them.
 */
export function buildGroupView(
  session: Pick<Session, 'key' | 'state' | 'group' | 'facilitatorId'>,
  responses: readonly Response[],
  actions: readonly GroupAction[] | null,
  now: string,
): GroupView {
  const previous = session.group ?? null;
  const revealed = isRevealed(session.state);
  // Frozen at the first write after the reveal; a view from before it (or none) freezes now.
  const frozen = revealed && previous !== null && previous.revealedAt !== null;
  const before = new Map((previous?.members ?? []).map((m) => [m.participant.id, m]));
  const members = responses.filter((r) => !isJoint(r.participant) && isGenuineOnBehalf(r.participant, session)).map((response): GroupMember => {
    const earlier = before.get(response.participant.id);
    const member: GroupMember = { participant: response.participant, answered: answered(response), done: response.done };
    if (revealed) {
      const scores = frozen ? earlier?.scores : response.scores;
      if (scores !== undefined) member.scores = scores;
    }
    if (STEP2_VISIBLE.includes(session.state)) {
      const step2 = session.state !== 'step2' && earlier?.step2 !== undefined ? earlier.step2 : response.step2;
      member.step2 = step2;
    }
    return member;
  });
  // Like everyone's stap-2 answers: live during stap 2, as it was when stap 2 ended afterwards.
  const jointRecord = responses.find((r) => isGenuineJoint(r.participant, session));
  const joint = !STEP2_VISIBLE.includes(session.state)
    ? undefined
    : session.state !== 'step2' && previous?.joint !== undefined
      ? previous.joint
      : jointRecord
        ? { step2: jointRecord.step2 }
        : undefined;
  return {
    version: 1,
    members,
    revealedAt: !revealed ? null : frozen ? (previous?.revealedAt ?? now) : now,
    actions: actions === null ? (previous?.actions ?? []) : [...actions],
    ...(joint ? { joint } : {}),
  };
}

/** Whether writing `next` over `current` would change what anyone sees. */
export function sameGroupView(current: GroupView | null | undefined, next: GroupView): boolean {
  return current !== null && current !== undefined && JSON.stringify(current) === JSON.stringify(next);
}

/** The answers as the group sees them, for the surfaces (stage, tab, report): no score before the reveal. */
export function groupResponses(view: GroupView, sessionKey: string): Response[] {
  return view.members.map((m) => ({
    sessionKey,
    participant: m.participant,
    scores: m.scores ?? {},
    step2: m.step2 ?? emptyStep2(),
    done: m.done,
    updatedAt: '',
  }));
}

/**
 * What a surface shows of everyone's answers. With a group view that is all there is. A session from
 * before group views (or one the facilitator's client has not opened since) shows what this reader
 * could read, without anyone else's scores before the reveal.
 */
export function visibleResponses(viewerId: string | null, session: Pick<Session, 'key' | 'state' | 'group'>, readable: readonly Response[]): Response[] {
  if (session.group) return groupResponses(session.group, session.key);
  // The joint answer is not a person's (src/domain/joint.ts): surfaces read it through visibleJoint.
  const people = readable.filter((r) => !isJoint(r.participant));
  if (isRevealed(session.state)) return people;
  return people.map((r) => (r.participant.id === viewerId ? r : { ...r, scores: {}, step2: emptyStep2() }));
}

/** Who joined and who is done with `step`, and how far each person is: never what they answered. */
export function visibleProgress(session: Pick<Session, 'group'>, readable: readonly Response[], step: StepId): StepProgress {
  const view = session.group;
  if (!view) return stepProgress(readable.filter((r) => !isJoint(r.participant)), step);
  const participants = view.members.map((m) => {
    const doneAt = m.done[step] ?? null;
    return {
      participantId: m.participant.id,
      name: m.participant.name,
      answered: step === 'step3' ? 0 : m.answered[step],
      done: doneAt !== null,
      doneAt,
      ...(m.participant.enteredBy ? { enteredBy: m.participant.enteredBy.name } : {}),
    };
  });
  return { step, joined: participants.length, done: participants.filter((p) => p.done).length, participants };
}
