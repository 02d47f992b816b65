// Taking part on someone's behalf, against the strict emulator: the facilitator adds a partner from
// another organisation's tenant (who cannot reach the municipality's site) and enters their answers;
// the item is the facilitator's, so before the reveal no participant can read it; the group view
// carries the answers labelled with who entered them, and a person browsing the list reads it too.
import { harnessPerFile, SEED } from './harness';
import { buildGroupView, isRevealed, onBehalfParticipant, type Participant } from '../../../src/domain';
import { COLUMNS, columnDefinition, LIST_KINDS, LIST_TITLES } from '../../../src/graph/lists';
import { NotFoundError } from '../../../src/graph/errors';
import { GraphApi, createGraphClient } from '../../../src/graph/client';
import { AppConfigSchema } from '../../../src/app/config';
import { appTokenProvider, tokenUrl } from '../support/emulatorClient';

// Provisioning and a whole session against the emulator take seconds on a loaded two-core machine.
jest.setTimeout(30_000);

const { users, groups } = SEED;
const harness = harnessPerFile();

const sanneAs: Participant = { id: users.debtCounsellor.id, name: users.debtCounsellor.displayName, domain: 'armoede', department: users.debtCounsellor.department };
const facilitatorBy = { id: users.facilitator.id, name: users.facilitator.displayName };
const fixedRandom = (n: number) => new Uint8Array(n).map((_, i) => (i * 7 + 3) & 255);
const partner = () => onBehalfParticipant({ name: users.externalPartner.displayName, domain: 'partner', organisation: 'Zorgverzekeraar Zuid', department: '' }, facilitatorBy, fixedRandom);

async function session(provision = true) {
  const h = harness();
  const facilitator = h.services(users.facilitator.userPrincipalName).store(h.location);
  if (provision) await facilitator.provision();
  const created = await facilitator.createSession({ municipality: 'Lelystad', title: 'Namens', purpose: 'betrekkenVeld', meetingId: null, plannerGroupId: groups.team.id, facilitator: facilitatorBy });
  const key = created.session.value.key;
  const sanne = h.services(users.debtCounsellor.userPrincipalName).store(h.location);
  return { h, facilitator, sanne, key, created };
}

function graphApi(upn: string): GraphApi {
  const h = harness();
  const config = AppConfigSchema.parse({ auth: { mode: 'dev', tokenUrl: tokenUrl(h.emulator.origin), clientId: SEED.apps.gesprekstool.clientId }, graph: { loopbackOrigin: h.emulator.origin }, appOrigin: 'https://localhost:4210' });
  return new GraphApi(createGraphClient(config, appTokenProvider(h.emulator.origin, upn)));
}

describe('answers entered on someone’s behalf', () => {
  it('the facilitator writes them; before the reveal a participant cannot read them, after it the group view shows them labelled', async () => {
    const { facilitator, sanne, key, created } = await session();
    const proxy = partner();
    expect(proxy.id).toMatch(/^namens:/);
    const proxyItem = await facilitator.join(key, proxy);
    const saved = await facilitator.saveResponse(proxyItem, { ...proxyItem.value, scores: { A: 5, B: 'weetNiet', C: 1 }, done: { step1: '2026-11-27T10:00:00.000Z' } });
    const mine = await sanne.join(key, sanneAs);
    await sanne.saveResponse(mine, { ...mine.value, scores: { A: 2 } });

    // Sanne reads only her own item, by query and by asking for the facilitator's item directly.
    const hers = await sanne.readForGroup(created.session, { actions: false });
    expect(hers.responses.map((r) => r.value.participant.id)).toEqual([users.debtCounsellor.id]);
    await expect(graphApi(users.debtCounsellor.userPrincipalName).call('GET', `/sites/${encodeURIComponent(harness().location.siteId)}/lists/${encodeURIComponent(LIST_TITLES.answers)}/items/${saved.itemId}?$expand=fields`, { scopes: ['Sites.ReadWrite.All'] })).rejects.toBeInstanceOf(NotFoundError);
    // Nor can she write into it: for her it does not exist.
    await expect(sanne.saveResponse(saved, { ...saved.value, scores: { A: 1 } })).rejects.toBeInstanceOf(NotFoundError);

    // The facilitator reads both, the proxy with who entered it.
    const read = await facilitator.readForGroup(created.session, { actions: false });
    const theirs = read.responses.find((r) => r.value.participant.id === proxy.id);
    expect(theirs?.value.participant.enteredBy).toEqual(facilitatorBy);
    expect(theirs?.value.scores).toEqual({ A: 5, B: 'weetNiet', C: 1 });

    // Before the reveal the group view has their progress, never a score.
    const before = buildGroupView({ ...read.session.value, state: 'step1' }, read.responses.map((r) => r.value), null, '2026-11-27T10:00:00.000Z');
    expect(before.members.find((m) => m.participant.id === proxy.id)).toMatchObject({ answered: { step1: 3 }, participant: { enteredBy: facilitatorBy } });
    expect(JSON.stringify(before)).not.toContain('weetNiet');

    // The reveal: written in one request, read by Sanne with her own token, labelled.
    const revealed = await facilitator.updateSession(read.session, (s) => ({ ...s, state: 'revealed', group: buildGroupView({ ...s, state: 'revealed' }, read.responses.map((r) => r.value), null, '2026-11-27T10:05:00.000Z') }));
    expect(isRevealed(revealed.value.state)).toBe(true);
    const seen = await sanne.pollSession(revealed);
    const member = seen.value.group?.members.find((m) => m.participant.id === proxy.id);
    expect(member?.scores).toEqual({ A: 5, B: 'weetNiet', C: 1 });
    expect(member?.participant).toMatchObject({ name: users.externalPartner.displayName, partnerLabel: 'Zorgverzekeraar Zuid', enteredBy: facilitatorBy });
    expect(seen.value.group?.members.find((m) => m.participant.id === users.debtCounsellor.id)?.participant.enteredBy).toBeUndefined();
  });

  it('a person browsing the answers list reads who entered them and for whom', async () => {
    const { facilitator, key } = await session();
    const proxyItem = await facilitator.join(key, partner());
    const item = (await graphApi(users.facilitator.userPrincipalName).call('GET', `/sites/${encodeURIComponent(harness().location.siteId)}/lists/${encodeURIComponent(LIST_TITLES.answers)}/items/${proxyItem.itemId}?$expand=fields`, { scopes: ['Sites.ReadWrite.All'] })) as { fields: Record<string, unknown> };
    expect(item.fields).toMatchObject({
      Title: `${users.externalPartner.displayName}, Zorgverzekeraar Zuid (ingevuld door ${users.facilitator.displayName})`,
      Naam: users.externalPartner.displayName,
      Partner: 'Zorgverzekeraar Zuid',
      IngevuldDoor: users.facilitator.displayName,
      IngevuldDoorId: users.facilitator.id,
    });
  });

  it('an "Ingevuld door" a participant writes into her own item is not believed', async () => {
    const { h, facilitator, sanne, key, created } = await session();
    const mine = await sanne.join(key, sanneAs);
    await graphApi(users.debtCounsellor.userPrincipalName).call('PATCH', `/sites/${encodeURIComponent(h.location.siteId)}/lists/${encodeURIComponent(LIST_TITLES.answers)}/items/${mine.itemId}/fields`, {
      scopes: ['Sites.ReadWrite.All'],
      body: { IngevuldDoorId: users.facilitator.id, IngevuldDoor: users.facilitator.displayName },
    });
    const read = await facilitator.readForGroup(created.session, { actions: false });
    expect(read.responses.map((r) => r.value.participant.id)).not.toContain(users.debtCounsellor.id);
    expect(read.invalid).toEqual([expect.objectContaining({ itemId: mine.itemId, field: 'IngevuldDoorId' })]);
  });

  it('on a site provisioned before these columns, adding someone adds the columns first', async () => {
    const h = harness();
    const api = graphApi(users.facilitator.userPrincipalName);
    const newColumns = ['IngevuldDoor', 'IngevuldDoorId'];
    for (const kind of LIST_KINDS) {
      const columns = COLUMNS[kind].filter((c) => !newColumns.includes(c.name)).map(columnDefinition);
      await api.call('POST', `/sites/${encodeURIComponent(h.location.siteId)}/lists`, { scopes: ['Sites.Manage.All'], body: { displayName: LIST_TITLES[kind], list: { template: 'genericList' }, columns } });
    }
    const { facilitator, sanne, key } = await session(false);
    // Everyone's own answers go in as before.
    await sanne.join(key, sanneAs);
    const proxyItem = await facilitator.join(key, partner());
    expect(proxyItem.value.participant.enteredBy).toEqual(facilitatorBy);
    const list = (await api.call('GET', `/sites/${encodeURIComponent(h.location.siteId)}/lists/${encodeURIComponent(LIST_TITLES.answers)}?$expand=columns`, { scopes: ['Sites.Read.All'] })) as { columns: { name: string }[] };
    expect(list.columns.map((c) => c.name)).toEqual(expect.arrayContaining(newColumns));
  });
});
