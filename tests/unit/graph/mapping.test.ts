import { readResponse, responseFields, step2Summary, readAction, actionFields, sessionFields, readSession, type ListItem } from '../../../src/graph/mapping';
import type { ActionItem, Response, Session } from '../../../src/domain';
import { isPlannerTaskUrl, taskUrl } from '../../../src/graph/plannerLinks';
import { changedFields } from '../../../src/graph/sessionStore';

const threeScoresTwoWeetNiet: Response = {
  sessionKey: '20261123-abcdefgh',
  participant: { id: 'u-lotte', name: 'Lotte van den Heuvel', domain: 'partner', partnerLabel: 'GGD', department: 'GGD Hart voor Brabant' },
  scores: { A: 4, B: 'weetNiet', C: 1, E: 'weetNiet', F: 5 },
  step2: { questions: { q2: { selected: ['q2.a', 'q2.e'], freeText: { 'q2.e': 'de wijkteams' } } }, comments: { B: 'Lastig' } },
  done: { step1: '2026-11-23T10:05:00.000Z' },
  updatedAt: '2026-11-23T10:06:00.000Z',
};

const asItem = (fields: Record<string, unknown>, id = '3'): ListItem => ({ id, '@odata.etag': '"g,1"', fields });

describe('answers items', () => {
  it('stores scores as numbers and weet niet as a separate readable column', () => {
    const fields = responseFields(threeScoresTwoWeetNiet);
    expect(fields).toMatchObject({ ScoreA: 4, ScoreB: null, ScoreC: 1, ScoreD: null, ScoreE: null, ScoreF: 5, WeetNiet: 'B, E', Domein: 'Partner' });
  });

  it('reads back exactly what it wrote', () => {
    const read = readResponse(asItem({ ...responseFields(threeScoresTwoWeetNiet), Modified: '2026-11-23T10:06:00Z' }));
    expect(read).toEqual({ ok: true, value: { value: threeScoresTwoWeetNiet, itemId: '3', etag: '"g,1"' } });
  });

  it('an entry on someone’s behalf says in its title and its own columns who entered it, and reads back; one’s own answers write none of those columns', () => {
    const onBehalf: Response = { ...threeScoresTwoWeetNiet, participant: { id: 'namens:abc', name: 'Anouk Jansen', domain: 'partner', partnerLabel: 'GGD West-Brabant', department: '', enteredBy: { id: 'u-fac', name: 'Fatima Gespreksleider' } } };
    const fields = responseFields(onBehalf);
    expect(fields).toMatchObject({ Title: 'Anouk Jansen, GGD West-Brabant (ingevuld door Fatima Gespreksleider)', Naam: 'Anouk Jansen', IngevuldDoor: 'Fatima Gespreksleider', IngevuldDoorId: 'u-fac' });
    expect(readResponse({ ...asItem({ ...fields, Modified: 'x' }), createdBy: { user: { id: 'u-fac' } } })).toMatchObject({ ok: true, value: { value: onBehalf } });
    // Someone else created the item: the column is not believed.
    expect(readResponse({ ...asItem(fields), createdBy: { user: { id: 'u-anna' } } })).toMatchObject({ ok: false, invalid: { field: 'IngevuldDoorId' } });
    const own = responseFields(threeScoresTwoWeetNiet);
    expect('IngevuldDoor' in own).toBe(false);
    expect('IngevuldDoorId' in own).toBe(false);
  });

  it('reports a score outside 1–5 with its column and whose answer it is', () => {
    const read = readResponse(asItem({ ...responseFields(threeScoresTwoWeetNiet), ScoreA: 9 }));
    expect(read).toMatchObject({ ok: false, invalid: { list: 'answers', listDisplayName: 'Gesprekstool antwoorden', itemId: '3', field: 'ScoreA', who: threeScoresTwoWeetNiet.participant.name } });
  });

  it('reports step-2 data that is not JSON', () => {
    const read = readResponse(asItem({ ...responseFields(threeScoresTwoWeetNiet), Stap2Json: '{kapot' }));
    expect(read).toMatchObject({ ok: false, invalid: { field: 'Stap2Json' } });
  });

  it('removes control characters from step 2’s texts, which JSON would otherwise store as \\u escapes', () => {
    const dirty: Response = {
      ...threeScoresTwoWeetNiet,
      step2: { questions: { q2: { selected: ['q2.e'], freeText: { 'q2.e': 'de\u0000 wijk\u0008teams' } } }, comments: { B: 'Lastig\u001F\nheel lastig' } },
    };
    const fields = responseFields(dirty);
    expect(fields.Stap2Json).not.toMatch(/\\u00(00|08|1f)/i);
    const read = readResponse(asItem({ ...fields, Stap2Json: JSON.stringify(dirty.step2) }));
    expect(read).toMatchObject({
      ok: true,
      value: { value: { step2: { questions: { q2: { freeText: { 'q2.e': 'de wijkteams' } } }, comments: { B: 'Lastig\nheel lastig' } } } },
    });
  });

  it('writes step 2 as readable Dutch with the option texts', () => {
    const texts: Record<string, string> = { 'q2.a': 'Ja, inzicht in gezondheidsverschillen', 'q2.e': 'Anders, namelijk' };
    const summary = step2Summary(threeScoresTwoWeetNiet.step2, { question: () => ({ number: 2 }), option: (id) => texts[id] });
    expect(summary).toBe('Vraag 2: Ja, inzicht in gezondheidsverschillen; Anders, namelijk de wijkteams\nOpmerking thema B: Lastig');
  });
});

describe('actions and sessions', () => {
  const action: ActionItem = {
    id: 'a-1', sessionKey: 'k', theme: 'C', title: 'Schuldhulp in het gezondheidscentrum', ownerId: 'u1', ownerName: 'Joost Verbeek',
    department: 'Werk en Inkomen', dueDate: '2027-03-01', status: 'open', proposedBy: null, plannerTaskId: null, plannerTaskUrl: null,
  };

  it('keeps a due date on its day whatever time zone SharePoint returns it in', () => {
    const fields = actionFields(action);
    expect(fields.Deadline).toBe('2027-03-01T12:00:00Z');
    const read = readAction(asItem({ ...fields, Deadline: '2027-03-01T11:00:00Z' }));
    expect(read.ok && read.value.value.dueDate).toBe('2027-03-01');
  });

  it('refuses a Deadline that is no calendar day instead of rolling it over to the next month', () => {
    const read = readAction(asItem({ ...actionFields(action), Deadline: '2031-02-29T12:00:00Z' }));
    expect(read).toMatchObject({ ok: false, invalid: { list: 'actions', field: 'Deadline' } });
  });

  it('keeps Planner’s own task address as the task link', () => {
    const url = taskUrl('xqQg5FS2LkCp935s-FIFm2QAFkHM', 'pvEH3sT_Q0-2PNZsU5lH4mQAA8mK');
    const read = readAction(asItem({ ...actionFields({ ...action, plannerTaskId: 'pvEH3sT_Q0-2PNZsU5lH4mQAA8mK', plannerTaskUrl: url }) }));
    expect(read.ok && read.value.value.plannerTaskUrl).toBe(url);
  });

  it.each([
    ['another site', 'https://evil.example/webui/plan/p1/view/board/task/t1'],
    ['a look-alike host', 'https://planner.cloud.microsoft.evil.example/webui/plan/p1/view/board/task/t1'],
    ['a script', 'javascript:alert(1)'],
    ['plain http', 'http://planner.cloud.microsoft/webui/plan/p1/view/board/task/t1'],
    ['credentials in the address', 'https://user@planner.cloud.microsoft/webui/plan/p1/view/board/task/t1'],
    ['a redirect parameter', 'https://planner.cloud.microsoft/webui/plan/p1/view/board/task/t1?redirect=https://evil.example'],
    ['another Planner page', 'https://planner.cloud.microsoft/webui/plan/p1/view/board'],
    ['a path that climbs out', 'https://planner.cloud.microsoft/webui/plan/p1/view/board/task/../../../../../x'],
  ])('never offers %s from a hand-edited PlannerTaskUrl as the task link', (_case, address) => {
    expect(isPlannerTaskUrl(address)).toBe(false);
    const read = readAction(asItem({ ...actionFields(action), PlannerTaskId: 't1', PlannerTaskUrl: address }));
    expect(read).toMatchObject({ ok: true, value: { value: { plannerTaskId: 't1', plannerTaskUrl: null } } });
  });

  it('removes control characters other than newline and tab when it writes and when it reads', () => {
    const fields = actionFields({ ...action, title: 'Schuld\u0000hulp\u0007', department: 'Werk\r\nen Inkomen' });
    expect(fields).toMatchObject({ Actie: 'Schuldhulp', Title: 'Schuldhulp', Afdeling: 'Werk\nen Inkomen' });
    const read = readAction(asItem({ ...actionFields(action), Actie: 'Hand\u001Bbewerkt\tmet tab', Afdeling: 'W&I\u007F' }));
    expect(read).toMatchObject({ ok: true, value: { value: { title: 'Handbewerkt\tmet tab', department: 'W&I' } } });
  });

  it('round-trips a session, with the reveal shown as its own column', () => {
    const session: Session = {
      key: 'k', municipality: "'s-Hertogenbosch", title: 'Sessie', purpose: 'monitoring', date: '2026-11-23T10:00:00Z', meetingId: null,
      facilitatorId: 'f', facilitatorName: 'Marieke de Vries', instrumentVersion: 'gesprekstool-2018.1', state: 'step2', locked: true, mode: 'joint',
      notes: '', explanation: '', followUp: { meetAgain: false, meetAgainDate: null, accountability: '' }, plannerGroupId: null, plannerPlanId: null,
    };
    const fields = sessionFields(session);
    expect(fields).toMatchObject({ Onthuld: true, Stap: 'Stap 2', Modus: 'Samen', VervolgBijeenkomst: 'Nee' });
    const withoutEmpty = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== ''));
    expect(readSession(asItem(withoutEmpty))).toMatchObject({ ok: true, value: { value: session } });
  });

  it('keeps a publishing claim in two columns, writes none without one, and treats an unreadable time as expired', () => {
    const session: Session = {
      key: 'k', municipality: 'Lelystad', title: 'Sessie', purpose: 'monitoring', date: '2026-11-23T10:00:00Z', meetingId: null,
      facilitatorId: 'f', facilitatorName: 'Marieke de Vries', instrumentVersion: 'gesprekstool-2018.1', state: 'step3', locked: false, mode: 'joint',
      notes: '', explanation: '', followUp: { meetAgain: null, meetAgainDate: null, accountability: '' }, plannerGroupId: 'g', plannerPlanId: null,
    };
    expect(Object.keys(sessionFields(session))).not.toContain('PublishClaimBy');
    const claimed = { ...session, publishClaim: { by: 'Marieke de Vries', until: '2026-11-23T10:02:00.000Z' } };
    const fields = sessionFields(claimed);
    expect(fields).toMatchObject({ PublishClaimBy: 'Marieke de Vries', PublishClaimUntil: '2026-11-23T10:02:00.000Z' });
    const withoutEmpty = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== ''));
    expect(readSession(asItem(withoutEmpty))).toMatchObject({ ok: true, value: { value: claimed } });
    expect(readSession(asItem({ ...withoutEmpty, PublishClaimUntil: 'straks' }))).toMatchObject({ ok: true, value: { value: { publishClaim: { by: 'Marieke de Vries', until: '1970-01-01T00:00:00.000Z' } } } });
  });

  it('clears a claim column that a change leaves out, and writes nothing for columns that stay the same', () => {
    expect(changedFields({ Title: 'a', PublishClaimBy: 'Marieke de Vries', PublishClaimUntil: 'x' }, { Title: 'a' })).toEqual({ PublishClaimBy: null, PublishClaimUntil: null });
    expect(changedFields({ Title: 'a' }, { Title: 'a' })).toEqual({});
  });
});
