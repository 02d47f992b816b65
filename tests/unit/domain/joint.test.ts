// Stap 2 filled in together: the joint answer is a record of its own, not a person.
import { buildGroupView, visibleProgress, visibleResponses } from '../../../src/domain/groupView';
import { hasJointAnswers, isGenuineJoint, isJoint, jointId, jointParticipant, mayAnswerJointly, visibleJoint } from '../../../src/domain/joint';
import { GroupViewSchema, type Response } from '../../../src/domain/model';
import { anna, bram, participant, response, session } from './fixtures';

const AT = '2026-11-23T10:00:00.000Z';
const KEY = session().key;
const FACILITATOR = { id: 'p-fac', name: 'Fatima Gespreksleider' };
const ticked = (option: string): Response['step2'] => ({ questions: { q1: { selected: [option], freeText: {} } }, comments: {} });
const jointRecord = (option: string) => response(jointParticipant(KEY, FACILITATOR), {}, { step2: ticked(option) });
const facilitatorOwn = response(participant('p-fac', 'Fatima Gespreksleider'), {}, { step2: ticked('q1.own') });

describe('the joint answer (samen invullen)', () => {
  it('has one id per session, named Samen, entered by the facilitator', () => {
    const p = jointParticipant(KEY, FACILITATOR);
    expect(p).toMatchObject({ id: jointId(KEY), name: 'Samen', enteredBy: FACILITATOR });
    expect(isJoint(p)).toBe(true);
    expect(isJoint(anna)).toBe(false);
    expect(isGenuineJoint(p, session())).toBe(true);
  });

  it('is the group’s only when the facilitator wrote it for this session', () => {
    // A participant who creates an item of their own with the joint id (SharePoint's createdBy makes enteredBy theirs).
    expect(isGenuineJoint({ id: jointId(KEY), enteredBy: { id: anna.id, name: anna.name } }, session())).toBe(false);
    expect(isGenuineJoint({ id: jointId(KEY) }, session())).toBe(false);
    expect(isGenuineJoint({ id: jointId('other-session'), enteredBy: FACILITATOR }, session())).toBe(false);
  });

  it('is no member of the group view: not in progress counts, not among who took part, carried beside them', () => {
    const responses = [response(anna, { A: 2 }), facilitatorOwn, jointRecord('q1.a'), response(bram)];
    const view = buildGroupView(session({ state: 'step2', mode: 'joint' }), responses, null, AT);
    expect(view.members.map((m) => m.participant.id)).toEqual([anna.id, 'p-fac', bram.id]);
    expect(view.joint?.step2).toEqual(ticked('q1.a'));
    // The facilitator's own answers stay their own.
    expect(view.members.find((m) => m.participant.id === 'p-fac')?.step2).toEqual(ticked('q1.own'));
    expect(GroupViewSchema.parse(view)).toEqual(view);
    const s = session({ state: 'step2', mode: 'joint', group: view });
    expect(visibleProgress(s, responses, 'step2')).toMatchObject({ joined: 3 });
    expect(visibleResponses('p-fac', s, responses).map((r) => r.participant.id)).toEqual([anna.id, 'p-fac', bram.id]);
    expect(visibleJoint(s, [])).toEqual(ticked('q1.a'));
  });

  it('without a group view, the facilitator’s reads leave it out of the people too', () => {
    const responses = [response(anna), jointRecord('q1.a')];
    const s = session({ state: 'step2', mode: 'joint' });
    expect(visibleProgress(s, responses, 'step2')).toMatchObject({ joined: 1 });
    expect(visibleResponses('p-fac', s, responses).map((r) => r.participant.id)).toEqual([anna.id]);
    expect(visibleJoint(s, responses)).toEqual(ticked('q1.a'));
    expect(visibleJoint(session({ state: 'step2', mode: 'separate' }), responses)).toBeNull();
  });

  it('is left out when someone else wrote it, and is not shown before stap 2', () => {
    const forged = response({ ...jointParticipant(KEY, FACILITATOR), enteredBy: { id: anna.id, name: anna.name } }, {}, { step2: ticked('q1.b') });
    expect(buildGroupView(session({ state: 'step2', mode: 'joint' }), [forged], null, AT)).not.toHaveProperty('joint');
    expect(buildGroupView(session({ state: 'step2', mode: 'joint' }), [forged], null, AT).members).toEqual([]);
    expect(buildGroupView(session({ state: 'revealed', mode: 'joint' }), [jointRecord('q1.a')], null, AT)).not.toHaveProperty('joint');
  });

  it('goes live during stap 2 and stays as it was when stap 2 ended', () => {
    const during = buildGroupView(session({ state: 'step2', mode: 'joint' }), [jointRecord('q1.a')], null, AT);
    const after = buildGroupView(session({ state: 'step3', mode: 'joint', group: during }), [jointRecord('q1.late')], null, AT);
    expect(after.joint?.step2).toEqual(ticked('q1.a'));
  });

  it('only the facilitator writes it, in stap 2 of a joint session that is not locked', () => {
    const joint = session({ state: 'step2', mode: 'joint' });
    expect(mayAnswerJointly({ id: 'p-fac' }, joint)).toBe(true);
    expect(mayAnswerJointly({ id: anna.id }, joint)).toBe(false);
    expect(mayAnswerJointly({ id: null }, joint)).toBe(false);
    expect(mayAnswerJointly({ id: 'p-fac' }, { ...joint, mode: 'separate' })).toBe(false);
    expect(mayAnswerJointly({ id: 'p-fac' }, { ...joint, state: 'step3' })).toBe(false);
    expect(mayAnswerJointly({ id: 'p-fac' }, { ...joint, locked: true })).toBe(false);
  });

  it('says whether anything was answered', () => {
    expect(hasJointAnswers(null)).toBe(false);
    expect(hasJointAnswers({ questions: { q1: { selected: [], freeText: {} } }, comments: { A: ' ' } })).toBe(false);
    expect(hasJointAnswers(ticked('q1.a'))).toBe(true);
  });
});
