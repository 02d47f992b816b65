import { readResponse, responseFields, step2Summary, readAction, actionFields, sessionFields, readSession, type ListItem } from '../../../src/graph/mapping';
import type { ActionItem, Response, Session } from '../../../src/domain';
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

  it('reports a score outside 1–5 with its column', () => {
    const read = readResponse(asItem({ ...responseFields(threeScoresTwoWeetNiet), ScoreA: 9 }));
    expect(read).toMatchObject({ ok: false, invalid: { list: 'answers', itemId: '3', field: 'ScoreA' } });
  });

  it('reports step-2 data that is not JSON', () => {
    const read = readResponse(asItem({ ...responseFields(threeScoresTwoWeetNiet), Stap2Json: '{kapot' }));
    expect(read).toMatchObject({ ok: false, invalid: { field: 'Stap2Json' } });
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
