import { startHarness, SEED, type Harness } from './harness';
import { fetchToken } from '../support/emulatorClient';
import type { Participant } from '../../../src/domain';
import { AccessDeniedError, ConflictError, NotFoundError, TextTooLongError } from '../../../src/graph/errors';
import { HISTORY_PAGE_SIZE } from '../../../src/graph/sessionStore';

const { users } = SEED;
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.emulator.admin.reset();
});

const participant = (u: (typeof users)[keyof typeof users], domain: Participant['domain'] = 'armoede'): Participant => ({
  id: u.id,
  name: u.displayName,
  domain,
  department: u.department,
});

async function newSession(municipality = "'s-Hertogenbosch", meetingId: string | null = 'meeting-1') {
  const store = h.services(users.facilitator.userPrincipalName).store(h.location);
  await store.provision();
  const snap = await store.createSession({
    municipality,
    title: 'Armoede en gezondheid 2026',
    purpose: 'agendering',
    meetingId,
    plannerGroupId: SEED.groups.team.id,
    facilitator: { id: users.facilitator.id, name: users.facilitator.displayName },
  });
  return { store, snap };
}

describe('provisioning', () => {
  it('creates the three Dutch lists once and changes nothing on a second run', async () => {
    const store = h.services(users.facilitator.userPrincipalName).store(h.location);
    const first = await store.provision();
    expect(first.createdLists).toEqual(['Gesprekstool acties', 'Gesprekstool antwoorden', 'Gesprekstool sessies']);
    // "Edit only their own" on all three lists, set once through SharePoint REST.
    expect(first.securedLists).toEqual(['Gesprekstool acties', 'Gesprekstool antwoorden', 'Gesprekstool sessies']);
    const second = await store.provision();
    expect(second).toEqual({ createdLists: [], addedColumns: [], securedLists: [] });
  });

  it('adds a column that is missing from an existing list', async () => {
    const url = `${h.emulator.url}/sites/${encodeURIComponent(h.location.siteId)}/lists`;
    const auth = { Authorization: `Bearer ${await fetchToken(h.emulator.url, users.facilitator.userPrincipalName)}`, 'Content-Type': 'application/json' };
    await fetch(url, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ displayName: 'Gesprekstool acties', list: { template: 'genericList' }, columns: [{ name: 'SessionKey', text: {}, indexed: true }] }),
    });
    const store = h.services(users.facilitator.userPrincipalName).store(h.location);
    const result = await store.provision();
    expect(result.createdLists).toEqual(['Gesprekstool antwoorden', 'Gesprekstool sessies']);
    expect(result.addedColumns).toContain('Gesprekstool acties: Actie (id)');
    expect(result.addedColumns).not.toContain('Gesprekstool acties: Sessiesleutel');
    expect(await store.provision()).toEqual({ createdLists: [], addedColumns: [], securedLists: [] });
  });
});

describe('sessions', () => {
  it('finds a session by a municipality with an apostrophe and by its meeting', async () => {
    const { store, snap } = await newSession("'s-Hertogenbosch", 'meeting#1&2%');
    await newSession('Utrecht', 'other');
    const byTown = await store.findSessions({ municipality: "'s-Hertogenbosch" });
    expect(byTown.map((s) => s.key)).toEqual([snap.session.value.key]);
    const byMeeting = await store.findSessions({ meetingId: 'meeting#1&2%' });
    expect(byMeeting.map((s) => s.municipality)).toEqual(["'s-Hertogenbosch"]);
  });

  it("reads a municipality's history a page at a time: one request for the newest page, the next on demand", async () => {
    const { store } = await newSession('Paginadorp');
    for (let i = 1; i <= HISTORY_PAGE_SIZE; i += 1) await store.createSession({ municipality: 'Paginadorp', title: `Sessie ${i}`, purpose: 'monitoring', meetingId: null, plannerGroupId: null, facilitator: { id: users.facilitator.id, name: users.facilitator.displayName } });
    await newSession('Elders');
    const everything = await store.findSessions({ municipality: 'Paginadorp' });
    h.emulator.admin.clearRequests();
    const first = await store.findSessionPage({ municipality: 'Paginadorp' });
    expect(h.emulator.admin.requests().roundTrips).toBe(1);
    expect(first.sessions).toHaveLength(HISTORY_PAGE_SIZE);
    const keys = first.sessions.map((s) => s.key);
    expect(keys).toEqual([...keys].sort().reverse());
    expect(first.more).not.toBeNull();
    const second = await first.more!();
    expect(second.more).toBeNull();
    expect(second.sessions).toHaveLength(1);
    expect([...first.sessions, ...second.sessions].sort((a, b) => a.key.localeCompare(b.key))).toEqual([...everything].sort((a, b) => a.key.localeCompare(b.key)));
  });

  it('opens a session with its answers and actions in one round trip', async () => {
    const { store, snap } = await newSession();
    const key = snap.session.value.key;
    const sanne = await store.join(key, participant(users.debtCounsellor));
    await store.saveResponse(sanne, { ...sanne.value, scores: { A: 4, B: 'weetNiet' } });
    await store.saveAction(
      { id: 'a-1', sessionKey: key, theme: 'A', title: 'Samen & snel', ownerId: users.debtCounsellor.id, ownerName: users.debtCounsellor.displayName, department: 'Armoede & Schulden', dueDate: '2026-12-01', status: 'open', proposedBy: null, plannerTaskId: null, plannerTaskUrl: null },
      null,
    );
    // The facilitator, an owner of the site, in a fresh client.
    const fresh = h.services(users.facilitator.userPrincipalName).store(h.location);
    h.emulator.admin.clearRequests();
    const opened = await fresh.openSession(key);
    expect(h.emulator.admin.requests().roundTrips).toBe(1);
    expect(opened.responses.map((r) => r.value.scores)).toEqual([{ A: 4, B: 'weetNiet' }]);
    expect(opened.actions.map((a) => [a.value.title, a.value.dueDate])).toEqual([['Samen & snel', '2026-12-01']]);
    expect(opened.invalid).toEqual([]);
    // Another participant reads the same session and agenda, but no one else's answers: SharePoint hands her none.
    const other = await h.services(users.healthPolicy.userPrincipalName).store(h.location).openSession(key);
    expect(other.responses).toEqual([]);
    expect(other.actions.map((a) => a.value.title)).toEqual(['Samen & snel']);
  });

  it('joining twice reclaims the same answers item', async () => {
    const { store, snap } = await newSession();
    const first = await store.join(snap.session.value.key, participant(users.ggdNurse, 'partner'));
    const again = await store.join(snap.session.value.key, participant(users.ggdNurse, 'partner'));
    expect(again.itemId).toBe(first.itemId);
    expect((await store.openSession(snap.session.value.key)).responses).toHaveLength(1);
  });

  it('one person joining from two devices at once ends with one answers item, which both devices use', async () => {
    const { snap } = await newSession();
    const key = snap.session.value.key;
    const laptop = h.services(users.ggdNurse.userPrincipalName).store(h.location);
    const phone = h.services(users.ggdNurse.userPrincipalName).store(h.location);
    const [a, b] = await Promise.all([laptop.join(key, participant(users.ggdNurse, 'partner')), phone.join(key, participant(users.ggdNurse, 'partner'))]);
    expect(a.itemId).toBe(b.itemId);
    const opened = await laptop.openSession(key);
    expect(opened.responses.map((r) => r.value.participant.name)).toEqual([users.ggdNurse.displayName]);
    const items = (h.emulator.admin.state() as { lists: { display_name: string; itemCount: number }[] }).lists.find((l) => l.display_name === 'Gesprekstool antwoorden');
    expect(items?.itemCount).toBe(1);
  });

  it('an old duplicate answers item of one person shows that person once, with the item join() chooses', async () => {
    const { store, snap } = await newSession();
    const key = snap.session.value.key;
    const first = await store.join(key, participant(users.facilitator));
    // A second item of the same person, as a double click made before joins looked again.
    const answersList = (h.emulator.admin.state() as { lists: { id: string; display_name: string }[] }).lists.find((l) => l.display_name === 'Gesprekstool antwoorden');
    h.emulator.admin.bulkInsertItems(h.location.siteId, answersList?.id ?? '', [{ Title: 'dubbel', SessionKey: key, DeelnemerId: users.facilitator.id, Naam: users.facilitator.displayName, Domein: 'Armoede', Afdeling: '' }]);
    const opened = await store.openSession(key);
    expect(opened.responses.map((r) => r.itemId)).toEqual([first.itemId]);
    expect((await store.join(key, participant(users.facilitator))).itemId).toBe(first.itemId);
  });

  it('saving an answer costs one request', async () => {
    const { store, snap } = await newSession();
    const mine = await store.join(snap.session.value.key, participant(users.incomeConsultant));
    h.emulator.admin.clearRequests();
    await store.saveResponse(mine, { ...mine.value, scores: { C: 2 } });
    expect(h.emulator.admin.requests().roundTrips).toBe(1);
  });

  it('one person on two devices: the phone\'s save keeps what the laptop saved, and the newer edit of the same answer wins', async () => {
    const { snap } = await newSession();
    const key = snap.session.value.key;
    const laptop = h.services(users.debtCounsellor.userPrincipalName).store(h.location);
    const phone = h.services(users.debtCounsellor.userPrincipalName).store(h.location);
    const joined = await laptop.join(key, participant(users.debtCounsellor));
    // Both devices start from the same copy; the laptop saves first.
    const fromLaptop = await laptop.saveResponse(joined, { ...joined.value, scores: { A: 2, B: 3 }, updatedAt: '2026-11-23T10:01:00.000Z' });
    const fromPhone = await phone.saveResponse(joined, { ...joined.value, scores: { B: 5, C: 'weetNiet' }, updatedAt: '2026-11-23T10:02:00.000Z' });
    expect(fromPhone.value.scores).toEqual({ A: 2, B: 5, C: 'weetNiet' });
    const stored = (await laptop.openSession(key)).responses.find((r) => r.value.participant.id === users.debtCounsellor.id);
    expect(stored?.value.scores).toEqual({ A: 2, B: 5, C: 'weetNiet' });
    expect(stored?.etag).toBe(fromPhone.etag);
    expect(fromLaptop.etag).not.toBe(fromPhone.etag);
  });

  it('merges a session change that does not touch what someone else changed', async () => {
    const { store, snap } = await newSession();
    const other = h.services(users.facilitator.userPrincipalName).store(h.location);
    await other.updateSession(snap.session, (s) => ({ ...s, notes: 'Wat opvalt: veel weet niet bij B' }));
    const merged = await store.updateSession(snap.session, (s) => ({ ...s, state: 'step1' }));
    expect(merged.value).toMatchObject({ state: 'step1', notes: 'Wat opvalt: veel weet niet bij B' });
    const reopened = await store.openSession(snap.session.value.key);
    expect(reopened.session.value).toMatchObject({ state: 'step1', notes: 'Wat opvalt: veel weet niet bij B' });
  });

  it('refuses to overwrite a field someone else changed meanwhile', async () => {
    const { store, snap } = await newSession();
    await store.updateSession(snap.session, (s) => ({ ...s, notes: 'eerste' }));
    await expect(store.updateSession(snap.session, (s) => ({ ...s, notes: 'tweede' }))).rejects.toBeInstanceOf(ConflictError);
    expect((await store.openSession(snap.session.value.key)).session.value.notes).toBe('eerste');
  });

  it('merges the proposer and the facilitator writing one action when they change different fields, and refuses when they clash', async () => {
    const { store, snap } = await newSession();
    const key = snap.session.value.key;
    // Anouk proposes the action (her own item); the facilitator, a site owner, may edit it too.
    const proposer = h.services(users.healthPolicy.userPrincipalName).store(h.location);
    const base = await proposer.saveAction(
      { id: 'a-9', sessionKey: key, theme: 'D', title: 'Bereik vergroten', ownerId: null, ownerName: null, department: '', dueDate: null, status: 'open', proposedBy: users.healthPolicy.id, plannerTaskId: null, plannerTaskUrl: null },
      null,
    );
    await store.saveAction({ ...base.value, department: 'Publieke Gezondheid' }, base);
    const merged = await proposer.saveAction({ ...base.value, dueDate: '2027-01-31' }, base);
    expect(merged.value).toMatchObject({ department: 'Publieke Gezondheid', dueDate: '2027-01-31' });
    await expect(proposer.saveAction({ ...base.value, department: 'Werk en Inkomen' }, base)).rejects.toBeInstanceOf(ConflictError);
    const reopened = await store.openSession(key);
    expect(reopened.actions[0]?.value).toMatchObject({ department: 'Publieke Gezondheid', dueDate: '2027-01-31' });
  });

  it('SharePoint keeps a participant to their own items, whatever their client does: not the session, not another answer, not another action', async () => {
    const { store, snap } = await newSession();
    const key = snap.session.value.key;
    const facilitatorsAction = await store.saveAction(
      { id: 'a-f', sessionKey: key, theme: 'A', title: 'Van de gespreksleider', ownerId: null, ownerName: null, department: '', dueDate: null, status: 'open', proposedBy: users.facilitator.id, plannerTaskId: null, plannerTaskUrl: null },
      null,
    );
    const lotte = await h.services(users.ggdNurse.userPrincipalName).store(h.location).join(key, participant(users.ggdNurse, 'partner'));
    const sanne = h.services(users.debtCounsellor.userPrincipalName).store(h.location);
    await sanne.join(key, participant(users.debtCounsellor));
    // With only her own token, through the app's own store: move the session, write Lotte's scores, edit or delete the facilitator's action.
    await expect(sanne.updateSession(snap.session, (s) => ({ ...s, facilitatorId: users.debtCounsellor.id, state: 'revealed' }))).rejects.toBeInstanceOf(AccessDeniedError);
    // Lotte's answers item does not exist for her ("read only their own"), so writing it fails as a missing item would.
    await expect(sanne.saveResponse(lotte, { ...lotte.value, scores: { A: 1 } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(sanne.saveAction({ ...facilitatorsAction.value, title: 'Gekaapt' }, facilitatorsAction)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(sanne.deleteAction(facilitatorsAction)).rejects.toBeInstanceOf(AccessDeniedError);
    const after = await store.openSession(key);
    expect(after.session.value).toMatchObject({ facilitatorId: users.facilitator.id, state: 'setup' });
    expect(after.responses.find((r) => r.value.participant.id === users.ggdNurse.id)?.value.scores).toEqual({});
    expect(after.actions.map((a) => a.value.title)).toEqual(['Van de gespreksleider']);
  });

  it('names the field when a text is longer than SharePoint holds, before sending it', async () => {
    const { store, snap } = await newSession();
    h.emulator.admin.clearRequests();
    const action = { id: 'a-2', sessionKey: snap.session.value.key, theme: 'B' as const, title: 'ok', ownerId: null, ownerName: null, department: 'x'.repeat(100), dueDate: null, status: 'open' as const, proposedBy: 'y'.repeat(300), plannerTaskId: null, plannerTaskUrl: null };
    const tooLong = await store.saveAction(action, null).catch((e: unknown) => e);
    expect(tooLong).toBeInstanceOf(TextTooLongError);
    expect(tooLong).toMatchObject({ field: 'VoorgesteldDoor', limit: 255, length: 300 });
    expect(h.emulator.admin.requests().roundTrips).toBe(0);
  });

  it('reports a hand-corrupted answers item with its field and still opens the rest', async () => {
    const { store, snap } = await newSession();
    const key = snap.session.value.key;
    const good = await store.join(key, participant(users.healthPolicy, 'gezondheid'));
    const bad = await store.join(key, participant(users.debtCounsellor));
    await fetch(`${h.emulator.url}/sites/${encodeURIComponent(h.location.siteId)}/lists/${encodeURIComponent('Gesprekstool antwoorden')}/items/${bad.itemId}/fields`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${await fetchToken(h.emulator.url, users.facilitator.userPrincipalName)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ Stap2Json: '{niet json' }),
    });
    const opened = await store.openSession(key);
    expect(opened.responses.map((r) => r.itemId)).toEqual([good.itemId]);
    expect(opened.invalid).toEqual([expect.objectContaining({ list: 'answers', itemId: bad.itemId, field: 'Stap2Json', listDisplayName: 'Gesprekstool antwoorden' })]);
  });

  it('joining again over one’s own hand-edited item keeps every answer that can be read and makes the item readable', async () => {
    const { store, snap } = await newSession();
    const key = snap.session.value.key;
    const sanne = h.services(users.debtCounsellor.userPrincipalName).store(h.location);
    const mine = await sanne.join(key, participant(users.debtCounsellor));
    await sanne.saveResponse(mine, { ...mine.value, scores: { A: 3, B: 4, C: 'weetNiet' }, step2: { questions: { q1: { selected: ['q1.a'], freeText: {} } }, comments: {} } });
    // Someone edits her item by hand: the stap-2 JSON cut short, and a weet-niet mark beside B's score and for a theme X.
    await fetch(`${h.emulator.url}/sites/${encodeURIComponent(h.location.siteId)}/lists/${encodeURIComponent('Gesprekstool antwoorden')}/items/${mine.itemId}/fields`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${await fetchToken(h.emulator.url, users.facilitator.userPrincipalName)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ Stap2Json: '{"questions":{"q1":', WeetNiet: 'B, C, X' }),
    });
    expect((await store.openSession(key)).invalid.map((i) => i.itemId)).toEqual([mine.itemId]);

    const again = await sanne.join(key, participant(users.debtCounsellor));
    expect(again.itemId).toBe(mine.itemId);
    expect([...(again.cleared ?? [])].sort()).toEqual(['Stap2Json', 'WeetNiet']);
    expect(again.value.scores).toEqual({ A: 3, B: 4, C: 'weetNiet' });
    expect(again.value.step2).toEqual({ questions: {}, comments: {} });
    const opened = await store.openSession(key);
    expect(opened.invalid).toEqual([]);
    expect(opened.responses.find((r) => r.itemId === mine.itemId)?.value.scores).toEqual({ A: 3, B: 4, C: 'weetNiet' });
    // She can save again on the restored item.
    await expect(sanne.saveResponse(again, { ...again.value, scores: { ...again.value.scores, D: 2 } })).resolves.toMatchObject({ value: { scores: { D: 2 } } });
  });
});
