// The group view against the strict emulator: the facilitator (an owner of the team's site) reads
// every answer and writes what the group may see onto the session item; a participant reads it with
// one single-item read and can neither read the answers behind it nor write it.
import { harnessPerFile, SEED } from './harness';
import { createSessionWithAgenda } from './lifecycle';
import { buildGroupView, type Participant } from '../../../src/domain';
import { AccessDeniedError, NotSiteOwnerError } from '../../../src/graph/errors';

const { users } = SEED;
const harness = harnessPerFile();

const participant = (u: (typeof users)[keyof typeof users]): Participant => ({ id: u.id, name: u.displayName, domain: 'armoede', department: u.department });

async function meeting() {
  const h = harness();
  const { store: facilitator, key } = await createSessionWithAgenda(h.services(users.facilitator.userPrincipalName), h.location, () => []);
  const snap = await facilitator.openSession(key);
  const sanne = h.services(users.debtCounsellor.userPrincipalName).store(h.location);
  const lotte = h.services(users.ggdNurse.userPrincipalName).store(h.location);
  const sanneItem = await sanne.join(key, participant(users.debtCounsellor));
  const lotteItem = await lotte.join(key, participant(users.ggdNurse));
  // Long stap-2 comments full of quotes (each stored as \" in JSON) make the view longer than one column holds.
  const comments = (who: string) => Object.fromEntries(['A', 'B', 'C', 'D', 'E', 'F'].map((t) => [t, `${who}: "${'"'.repeat(3_900)}"`]));
  await sanne.saveResponse(sanneItem, { ...sanneItem.value, scores: { A: 2, B: 'weetNiet' }, step2: { questions: {}, comments: comments('Sanne') } });
  await lotte.saveResponse(lotteItem, { ...lotteItem.value, scores: { A: 5 }, step2: { questions: {}, comments: comments('Lotte') } });
  return { facilitator, sanne, lotte, snap, key };
}

describe('the group view on the session item', () => {
  it('is written by the facilitator in one request and read by a participant with one single-item read (1 RU)', async () => {
    const h = harness();
    const { facilitator, sanne, snap, key } = await meeting();
    const sources = await facilitator.readForGroup(snap.session, { actions: false });
    expect(sources.responses.map((r) => r.value.participant.id).sort()).toEqual([users.debtCounsellor.id, users.ggdNurse.id].sort());
    const written = await facilitator.updateSession(sources.session, (s) => ({ ...s, state: 'step2', group: buildGroupView({ ...s, state: 'step2' }, sources.responses.map((r) => r.value), null, '2026-11-27T10:00:00.000Z') }));
    expect(JSON.stringify(written.value.group).length).toBeGreaterThan(63_999);

    const opened = await sanne.openSession(key, { onlyAnswersOf: users.debtCounsellor.id });
    h.emulator.admin.clearRequests();
    h.emulator.admin.clearUsage();
    const polled = await sanne.pollSession(opened.session);
    expect(h.emulator.admin.requests().roundTrips).toBe(1);
    expect(h.emulator.admin.usage().totals.ru).toBe(1);
    // The view spans two columns; it reads back whole.
    expect(polled.value.group).toEqual(written.value.group);
    expect(polled.value.group?.members.find((m) => m.participant.id === users.ggdNurse.id)?.scores).toEqual({ A: 5 });
  });

  it('a participant cannot write it, not even through the app’s own store', async () => {
    const { sanne, key } = await meeting();
    const opened = await sanne.openSession(key);
    const forged = buildGroupView({ key, state: 'revealed', group: null, facilitatorId: users.facilitator.id }, [], null, '2026-11-27T10:00:00.000Z');
    await expect(sanne.updateSession(opened.session, (s) => ({ ...s, group: forged }))).rejects.toBeInstanceOf(AccessDeniedError);
    // And with her token she reads only her own answers item.
    expect(opened.responses.map((r) => r.value.participant.id)).toEqual([users.debtCounsellor.id]);
  });

  it('provisioning says who is not an owner before creating anything', async () => {
    const h = harness();
    // Sanne is a member of the team's site, not an owner: she cannot create lists nor set who reads what.
    const store = h.services(users.debtCounsellor.userPrincipalName).store(h.location);
    await expect(store.provision()).rejects.toBeInstanceOf(NotSiteOwnerError);
    expect(Object.keys(h.emulator.admin.requests().counts).filter((k) => k.startsWith('POST ') && k.includes('/lists'))).toEqual([]);
  });
});
