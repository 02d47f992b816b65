// Stap 2 filled in together, against the strict emulator: the facilitator writes the joint answer as
// an answers item of its own (the reserved "Samen" participant), never into anyone's personal item;
// a participant can neither read nor write it, and reads it only through the group view.
import { harnessPerFile, SEED } from './harness';
import { buildGroupView, jointId, jointParticipant, visibleJoint, type Participant } from '../../../src/domain';
import { NotFoundError } from '../../../src/graph/errors';

jest.setTimeout(30_000);

const { users, groups } = SEED;
const harness = harnessPerFile();

const sanneAs: Participant = { id: users.debtCounsellor.id, name: users.debtCounsellor.displayName, domain: 'armoede', department: users.debtCounsellor.department };
const facilitatorAs: Participant = { id: users.facilitator.id, name: users.facilitator.displayName, domain: 'gezondheid', department: users.facilitator.department };
const facilitatorBy = { id: users.facilitator.id, name: users.facilitator.displayName };
const ticked = (option: string) => ({ questions: { q1: { selected: [option], freeText: {} } }, comments: { A: 'Samen besproken' } });

describe('the joint answer (samen invullen)', () => {
  it('is written by the facilitator as its own item; nobody’s personal answers change, and a participant cannot read or write it', async () => {
    const h = harness();
    const facilitator = h.services(users.facilitator.userPrincipalName).store(h.location);
    await facilitator.provision();
    const created = await facilitator.createSession({ municipality: 'Lelystad', title: 'Samen', purpose: 'aanscherpen', meetingId: null, plannerGroupId: groups.team.id, facilitator: facilitatorBy });
    const key = created.session.value.key;
    const sanne = h.services(users.debtCounsellor.userPrincipalName).store(h.location);
    const own = await facilitator.join(key, facilitatorAs);
    await facilitator.saveResponse(own, { ...own.value, step2: ticked('q1.own') });
    await sanne.join(key, sanneAs);
    // The joint id follows from the session key: Sanne creates an item with it before the facilitator does.
    const forgedItem = await sanne.join(key, { ...sanneAs, id: jointId(key), name: 'Samen' });
    await sanne.saveResponse(forgedItem, { ...forgedItem.value, step2: ticked('q1.forged') });

    const jointItem = await facilitator.join(key, jointParticipant(key, facilitatorBy));
    expect(jointItem.value.participant.id).toBe(jointId(key));
    // Joining again (a second window, a reload) finds the same item.
    expect((await facilitator.join(key, jointParticipant(key, facilitatorBy))).itemId).toBe(jointItem.itemId);
    const saved = await facilitator.saveResponse(jointItem, { ...jointItem.value, step2: ticked('q1.a') });

    const read = await facilitator.readForGroup(created.session, { actions: false });
    const byId = new Map(read.responses.filter((r) => r.itemId !== forgedItem.itemId).map((r) => [r.value.participant.id, r.value]));
    expect(byId.get(jointId(key))?.participant.enteredBy).toEqual(facilitatorBy);
    expect(byId.get(jointId(key))?.step2).toEqual(ticked('q1.a'));
    // The facilitator's own answers and Sanne's are untouched.
    expect(byId.get(users.facilitator.id)?.step2).toEqual(ticked('q1.own'));
    expect(byId.get(users.debtCounsellor.id)?.step2).toEqual({ questions: {}, comments: {} });

    // Sanne cannot read it, nor write into it: for her it does not exist.
    expect((await sanne.readForGroup(created.session, { actions: false })).responses.map((r) => r.value.step2)).not.toContainEqual(ticked('q1.a'));
    await expect(sanne.saveResponse(saved, { ...saved.value, step2: ticked('q1.b') })).rejects.toBeInstanceOf(NotFoundError);
    // Her item with the joint id stays hers: the facilitator's join did not take it over.
    expect(jointItem.itemId).not.toBe(forgedItem.itemId);
    expect((await sanne.readForGroup(created.session, { actions: false })).responses).toHaveLength(2);

    // In stap 2 the group view carries it beside the members, and Sanne reads it there.
    const all = await facilitator.readForGroup(created.session, { actions: false });
    const written = await facilitator.updateSession(all.session, (s) => ({
      ...s,
      state: 'step2',
      mode: 'joint',
      group: buildGroupView({ ...s, state: 'step2' }, all.responses.map((r) => r.value), null, '2026-11-27T10:00:00.000Z'),
    }));
    const seen = await sanne.pollSession(written);
    expect(seen.value.group?.members.map((m) => m.participant.id).sort()).toEqual([users.facilitator.id, users.debtCounsellor.id].sort());
    expect(visibleJoint(seen.value, [])).toEqual(ticked('q1.a'));
  });
});
