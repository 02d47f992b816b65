// The facilitator's "toon per persoon / per domein / anoniem" setting, against the strict emulator:
// it is stored on the session item, read back by everyone, absent (per persoon) in older sessions,
// added as a column to a list provisioned before it, and a participant cannot set it.
import { harnessPerFile, SEED } from './harness';
import { displayModeOf, may, type Participant } from '../../../src/domain';
import { COLUMNS, columnDefinition, LIST_KINDS, LIST_TITLES } from '../../../src/graph/lists';
import { GraphApi, createGraphClient } from '../../../src/graph/client';
import { AppConfigSchema } from '../../../src/app/config';
import { appTokenProvider, tokenUrl } from '../support/emulatorClient';

jest.setTimeout(30_000);

const { users, groups } = SEED;
const harness = harnessPerFile();
const facilitatorBy = { id: users.facilitator.id, name: users.facilitator.displayName };
const sanneAs: Participant = { id: users.debtCounsellor.id, name: users.debtCounsellor.displayName, domain: 'armoede', department: users.debtCounsellor.department };

async function session(provision = true) {
  const h = harness();
  const facilitator = h.services(users.facilitator.userPrincipalName).store(h.location);
  if (provision) await facilitator.provision();
  const created = await facilitator.createSession({ municipality: 'Lelystad', title: 'Weergave', purpose: 'agendering', meetingId: null, plannerGroupId: groups.team.id, facilitator: facilitatorBy });
  const sanne = h.services(users.debtCounsellor.userPrincipalName).store(h.location);
  return { h, facilitator, sanne, key: created.session.value.key, created };
}

function graphApi(upn: string): GraphApi {
  const h = harness();
  const config = AppConfigSchema.parse({ auth: { mode: 'dev', tokenUrl: tokenUrl(h.emulator.origin), clientId: SEED.apps.gesprekstool.clientId }, graph: { loopbackOrigin: h.emulator.origin }, appOrigin: 'https://localhost:4210' });
  return new GraphApi(createGraphClient(config, appTokenProvider(h.emulator.origin, upn)));
}

describe('the display setting on the session item', () => {
  it('a new session reads as per persoon; the facilitator sets anoniem and everyone reads it back', async () => {
    const { facilitator, sanne, key, created } = await session();
    await sanne.join(key, sanneAs);
    expect(created.session.value.display).toBeUndefined();
    expect(displayModeOf(created.session.value)).toBe('perPerson');

    const saved = await facilitator.updateSession(created.session, (s) => ({ ...s, display: 'anonymous' }));
    expect(saved.value.display).toBe('anonymous');
    // Read back from SharePoint, by the facilitator and by a participant.
    expect((await facilitator.openSession(key)).session.value.display).toBe('anonymous');
    expect((await sanne.openSession(key)).session.value.display).toBe('anonymous');
    // As SharePoint shows it to someone browsing the list.
    const api = graphApi(users.facilitator.userPrincipalName);
    const item = (await api.call('GET', `/sites/${encodeURIComponent(harness().location.siteId)}/lists/${encodeURIComponent(LIST_TITLES.sessions)}/items/${saved.itemId}?$expand=fields`, { scopes: ['Sites.Read.All'] })) as { fields: Record<string, unknown> };
    expect(item.fields.Weergave).toBe('Anoniem');

    const perDomain = await facilitator.updateSession(saved, (s) => ({ ...s, display: 'perDomain' }));
    expect((await sanne.openSession(key)).session.value.display).toBe('perDomain');
    expect(perDomain.value.display).toBe('perDomain');
  });

  it('a participant cannot set it: the domain refuses, and SharePoint refuses a client that skips the rule', async () => {
    const { facilitator, sanne, key } = await session();
    await sanne.join(key, sanneAs);
    const seen = await sanne.openSession(key);
    expect(may({ id: users.debtCounsellor.id }, { kind: 'display', display: 'anonymous' }, seen.session.value)).toEqual({ ok: false, refusal: { code: 'notFacilitator' } });
    await expect(sanne.updateSession(seen.session, (s) => ({ ...s, display: 'anonymous' }))).rejects.toThrow();
    expect((await facilitator.openSession(key)).session.value.display).toBeUndefined();
  });

  it('on a list provisioned before the column, setting it adds the column first', async () => {
    const h = harness();
    const api = graphApi(users.facilitator.userPrincipalName);
    for (const kind of LIST_KINDS) {
      const columns = COLUMNS[kind].filter((c) => c.name !== 'Weergave').map(columnDefinition);
      await api.call('POST', `/sites/${encodeURIComponent(h.location.siteId)}/lists`, { scopes: ['Sites.Manage.All'], body: { displayName: LIST_TITLES[kind], list: { template: 'genericList' }, columns } });
    }
    const { facilitator, key, created } = await session(false);
    // Every other write goes in as before, without the column.
    const noted = await facilitator.updateSession(created.session, (s) => ({ ...s, notes: 'Wat opvalt' }));
    const saved = await facilitator.updateSession(noted, (s) => ({ ...s, display: 'perDomain' }));
    expect(saved.value.display).toBe('perDomain');
    expect((await facilitator.openSession(key)).session.value).toMatchObject({ display: 'perDomain', notes: 'Wat opvalt' });
    const list = (await api.call('GET', `/sites/${encodeURIComponent(h.location.siteId)}/lists/${encodeURIComponent(LIST_TITLES.sessions)}?$expand=columns`, { scopes: ['Sites.Read.All'] })) as { columns: { name: string }[] };
    expect(list.columns.map((c) => c.name)).toContain('Weergave');
  });
});
