// The facilitator's stage focus against the strict emulator: stored as JSON in the sessions list's
// "Gespreksverloop" column and read back by everyone, added to a list provisioned before it, read as
// the overview (and named as unreadable to the facilitator) when edited by hand, and refused by
// SharePoint's item-level permissions when a participant's client writes it.
import { harnessPerFile, SEED } from './harness';
import { currentFocus, focusOn, markDiscussed, may, withStatementNote, startTimer, type Participant, type Session } from '../../../src/domain';
import { COLUMNS, columnDefinition, LIST_KINDS, LIST_TITLES } from '../../../src/graph/lists';
import { STAGE_FOCUS_COLUMN } from '../../../src/graph/stageFocusColumn';
import { AccessDeniedError } from '../../../src/graph/errors';
import { GraphApi, createGraphClient } from '../../../src/graph/client';
import { AppConfigSchema } from '../../../src/app/config';
import { appTokenProvider, tokenUrl } from '../support/emulatorClient';

jest.setTimeout(30_000);

const { users, groups } = SEED;
const harness = harnessPerFile();
const facilitatorBy = { id: users.facilitator.id, name: users.facilitator.displayName };
const sanneAs: Participant = { id: users.debtCounsellor.id, name: users.debtCounsellor.displayName, domain: 'armoede', department: users.debtCounsellor.department };

function graphApi(upn: string): GraphApi {
  const h = harness();
  const config = AppConfigSchema.parse({ auth: { mode: 'dev', tokenUrl: tokenUrl(h.emulator.origin), clientId: SEED.apps.gesprekstool.clientId }, graph: { loopbackOrigin: h.emulator.origin }, appOrigin: 'https://localhost:4210' });
  return new GraphApi(createGraphClient(config, appTokenProvider(h.emulator.origin, upn)));
}

const itemUrl = (itemId: string) => `/sites/${encodeURIComponent(harness().location.siteId)}/lists/${encodeURIComponent(LIST_TITLES.sessions)}/items/${itemId}`;

async function revealedSession(provision = true) {
  const h = harness();
  const facilitator = h.services(users.facilitator.userPrincipalName).store(h.location);
  if (provision) await facilitator.provision();
  const created = await facilitator.createSession({ municipality: 'Lelystad', title: 'Gespreksverloop', purpose: 'agendering', meetingId: null, plannerGroupId: groups.team.id, facilitator: facilitatorBy });
  const sanne = h.services(users.debtCounsellor.userPrincipalName).store(h.location);
  await sanne.join(created.session.value.key, sanneAs);
  const started = await facilitator.updateSession(created.session, (s) => ({ ...s, state: 'step1' }));
  const revealed = await facilitator.updateSession(started, (s) => ({ ...s, state: 'revealed' }));
  return { facilitator, sanne, key: created.session.value.key, revealed };
}

const focusedOnB = (s: Session): Session => {
  let next: Session = { ...s, stageFocus: focusOn(s, 'B') };
  next = { ...next, stageFocus: markDiscussed(next, 'B', true) };
  next = { ...next, stageFocus: withStatementNote(next, 'B', 'Armoede ziet "meer" schulden;\nGezondheid niet.') };
  return { ...next, stageFocus: startTimer(next, 5, new Date('2026-11-23T10:00:00.000Z')) };
};

describe('the stage focus on the session item', () => {
  it('round-trips through the Gespreksverloop column: the facilitator sets it and a participant reads the same', async () => {
    const { facilitator, sanne, key, revealed } = await revealedSession();
    expect(currentFocus(revealed.value)).toMatchObject({ theme: null, discussed: [] });
    const saved = await facilitator.updateSession(revealed, focusedOnB);
    const seen = (await sanne.openSession(key)).session.value;
    expect(seen.stageFocus).toEqual(saved.value.stageFocus);
    expect(currentFocus(seen)).toEqual({
      step: 'step1',
      theme: 'B',
      discussed: ['B'],
      notes: { B: 'Armoede ziet "meer" schulden;\nGezondheid niet.' },
      timer: { startedAt: '2026-11-23T10:00:00.000Z', minutes: 5 },
    });
    // A participant's poll (the single-item read) carries it too.
    expect(currentFocus(await sanne.pollSession((await sanne.openSession(key)).session).then((v) => v.value)).theme).toBe('B');
    const item = (await graphApi(users.facilitator.userPrincipalName).call('GET', `${itemUrl(saved.itemId)}?$expand=fields`, { scopes: ['Sites.Read.All'] })) as { fields: Record<string, unknown> };
    expect(JSON.parse(String(item.fields[STAGE_FOCUS_COLUMN]))).toMatchObject({ step: 'step1', theme: 'B' });
  });

  it("a participant's client cannot change it: the domain refuses, and SharePoint refuses the write that skips the rule", async () => {
    const { facilitator, sanne, key, revealed } = await revealedSession();
    const saved = await facilitator.updateSession(revealed, (s) => ({ ...s, stageFocus: focusOn(s, 'A') }));
    const seen = await sanne.openSession(key);
    expect(may({ id: users.debtCounsellor.id }, { kind: 'stageFocus', part: 'theme' }, seen.session.value)).toEqual({ ok: false, refusal: { code: 'notFacilitator' } });
    await expect(sanne.updateSession(seen.session, (s) => ({ ...s, stageFocus: focusOn(s, 'F') }))).rejects.toBeInstanceOf(AccessDeniedError);
    // Straight at Graph, with only the column: refused as well.
    await expect(
      graphApi(users.debtCounsellor.userPrincipalName).call('PATCH', `${itemUrl(saved.itemId)}/fields`, { scopes: ['Sites.ReadWrite.All'], body: { [STAGE_FOCUS_COLUMN]: '{"step":"step1","theme":"F","discussed":{},"notes":{},"timer":null}' } }),
    ).rejects.toBeInstanceOf(AccessDeniedError);
    expect(currentFocus((await facilitator.openSession(key)).session.value).theme).toBe('A');
  });

  it('edited by hand into something unreadable, it reads as the overview and the facilitator is told which column', async () => {
    const { facilitator, sanne, key, revealed } = await revealedSession();
    await graphApi(users.facilitator.userPrincipalName).call('PATCH', `${itemUrl(revealed.itemId)}/fields`, { scopes: ['Sites.ReadWrite.All'], body: { [STAGE_FOCUS_COLUMN]: '{"step":"step1","theme":"Z"' } });
    const opened = await facilitator.openSession(key);
    expect(currentFocus(opened.session.value)).toMatchObject({ theme: null, discussed: [], notes: {} });
    expect(opened.invalid).toEqual([expect.objectContaining({ list: 'sessions', itemId: revealed.itemId, field: STAGE_FOCUS_COLUMN })]);
    expect(currentFocus((await sanne.openSession(key)).session.value).theme).toBeNull();
    // The facilitator's next move writes it again, and the notice goes.
    await facilitator.updateSession(opened.session, (s) => ({ ...s, stageFocus: focusOn(s, 'C') }));
    const repaired = await facilitator.openSession(key);
    expect(repaired.invalid).toEqual([]);
    expect(currentFocus(repaired.session.value).theme).toBe('C');
  });

  it('on a list provisioned before the column, the first focus adds the column (once) and every other write goes in as before', async () => {
    const h = harness();
    const api = graphApi(users.facilitator.userPrincipalName);
    for (const kind of LIST_KINDS) {
      const columns = COLUMNS[kind].filter((c) => c.name !== STAGE_FOCUS_COLUMN).map(columnDefinition);
      await api.call('POST', `/sites/${encodeURIComponent(h.location.siteId)}/lists`, { scopes: ['Sites.Manage.All'], body: { displayName: LIST_TITLES[kind], list: { template: 'genericList' }, columns } });
    }
    const { facilitator, key, revealed } = await revealedSession(false);
    const noted = await facilitator.updateSession(revealed, (s) => ({ ...s, notes: 'Wat opvalt' }));
    const saved = await facilitator.updateSession(noted, (s) => ({ ...s, stageFocus: focusOn(s, 'D') }));
    expect(currentFocus(saved.value).theme).toBe('D');
    expect((await facilitator.openSession(key)).session.value).toMatchObject({ notes: 'Wat opvalt', stageFocus: { theme: 'D' } });
    const columnsNow = async () =>
      ((await api.call('GET', `/sites/${encodeURIComponent(h.location.siteId)}/lists/${encodeURIComponent(LIST_TITLES.sessions)}?$expand=columns`, { scopes: ['Sites.Read.All'] })) as { columns: { name: string }[] }).columns.map((c) => c.name);
    expect((await columnsNow()).filter((n) => n === STAGE_FOCUS_COLUMN)).toHaveLength(1);
    // Provisioning again adds nothing.
    const again = await facilitator.provision();
    expect(again.addedColumns).toEqual([]);
    expect((await columnsNow()).filter((n) => n === STAGE_FOCUS_COLUMN)).toHaveLength(1);
  });
});
