import {
  isGenuineOnBehalf,
  isOnBehalf,
  mayAddOnBehalf,
  mayAnswerFor,
  onBehalfParticipant,
  onBehalfWhom,
  validateOnBehalf,
} from '../../../src/domain/onBehalf';
import { buildGroupView, groupResponses } from '../../../src/domain/groupView';
import { ParticipantSchema, type Participant } from '../../../src/domain/model';
import { anna, bram, response, session } from './fixtures';

const FACILITATOR = { id: 'p-fac' };
const ANNA = { id: anna.id };
const bytes = (n: number) => new Uint8Array(n).map((_, i) => i + 1);
const anouk = onBehalfParticipant({ name: ' Anouk Jansen ', domain: 'partner', organisation: ' GGD West-Brabant ', department: '' }, { id: 'p-fac', name: 'Fatima Gespreksleider' }, bytes);

describe('someone added on their behalf', () => {
  it('gets an id of their own (never an Entra object id), their organisation and who entered them', () => {
    expect(anouk.id).toMatch(/^namens:[0-9a-z]{16}$/);
    expect(anouk).toMatchObject({ name: 'Anouk Jansen', domain: 'partner', partnerLabel: 'GGD West-Brabant', enteredBy: { id: 'p-fac', name: 'Fatima Gespreksleider' } });
    expect(ParticipantSchema.parse(anouk)).toEqual(anouk);
    expect(isOnBehalf(anouk)).toBe(true);
    expect(isOnBehalf(anna)).toBe(false);
    expect(onBehalfWhom(anouk)).toBe('Anouk Jansen, GGD West-Brabant');
    expect(onBehalfWhom({ name: 'Kees', department: 'Wijkteam Noord' })).toBe('Kees, Wijkteam Noord');
    expect(onBehalfWhom({ name: 'Kees', department: '' })).toBe('Kees');
  });

  it('needs a name, and for a partner the organisation', () => {
    expect(validateOnBehalf({ name: ' ', domain: 'partner', organisation: '', department: '' })).toEqual(['nameRequired', 'organisationRequired']);
    expect(validateOnBehalf({ name: 'Kees', domain: 'armoede', organisation: '', department: '' })).toEqual([]);
  });

  it('is added only by the facilitator, and not once the session is closed', () => {
    expect(mayAddOnBehalf(FACILITATOR, session({ state: 'step1' }))).toBe(true);
    expect(mayAddOnBehalf(ANNA, session({ state: 'step1' }))).toBe(false);
    expect(mayAddOnBehalf({ id: null }, session({ state: 'step1', facilitatorId: '' }))).toBe(false);
    expect(mayAddOnBehalf(FACILITATOR, session({ state: 'closed' }))).toBe(false);
  });

  it('has their answers entered by the facilitator under the same step rules as anyone’s', () => {
    expect(mayAnswerFor(FACILITATOR, anouk, 'scores', session({ state: 'step1' }))).toEqual({ ok: true });
    expect(mayAnswerFor(FACILITATOR, anouk, 'scores', session({ state: 'revealed' }))).toEqual({ ok: false, refusal: { code: 'wrongStep', state: 'revealed' } });
    expect(mayAnswerFor(FACILITATOR, anouk, 'scores', session({ state: 'step1', locked: true }))).toEqual({ ok: false, refusal: { code: 'locked' } });
    expect(mayAnswerFor(FACILITATOR, anouk, 'step2', session({ state: 'step2', mode: 'joint' }))).toEqual({ ok: true });
    // A participant cannot answer for them, nor for another participant.
    expect(mayAnswerFor(ANNA, anouk, 'scores', session({ state: 'step1' }))).toEqual({ ok: false, refusal: { code: 'notOwnAnswer' } });
    expect(mayAnswerFor(FACILITATOR, anna, 'scores', session({ state: 'step1' }))).toEqual({ ok: false, refusal: { code: 'notOwnAnswer' } });
    // A facilitator who did not enter them (another session's facilitator) does not write them either.
    expect(mayAnswerFor({ id: 'p-other' }, anouk, 'scores', session({ state: 'step1', facilitatorId: 'p-other' }))).toEqual({ ok: false, refusal: { code: 'notOwnAnswer' } });
    // One's own answers as before.
    expect(mayAnswerFor(ANNA, anna, 'scores', session({ state: 'step1' }))).toEqual({ ok: true });
  });
});

describe('the group view with answers entered on someone’s behalf', () => {
  const selfLabelled: Participant = { ...bram, enteredBy: { id: 'p-fac', name: 'Fatima Gespreksleider' } };

  it('before the reveal shows how far they are, not what was entered; after it their scores, labelled with who entered them', () => {
    const responses = [response(anna, { A: 2 }), response(anouk, { A: 5, B: 'weetNiet' })];
    const before = buildGroupView(session({ state: 'step1' }), responses, null, '2026-11-23T10:00:00.000Z');
    expect(before.members.map((m) => [m.participant.name, m.answered.step1, m.scores ?? null])).toEqual([
      ['Anna de Vries', 1, null],
      ['Anouk Jansen', 2, null],
    ]);
    const after = buildGroupView(session({ state: 'revealed', group: before }), responses, null, '2026-11-23T10:05:00.000Z');
    const shown = groupResponses(after, 'k');
    expect(shown.find((r) => r.participant.id === anouk.id)).toMatchObject({ scores: { A: 5, B: 'weetNiet' }, participant: { enteredBy: { name: 'Fatima Gespreksleider' } } });
    expect(shown.find((r) => r.participant.id === anna.id)?.participant.enteredBy).toBeUndefined();
  });

  it('leaves out an entry that says it was entered for someone by anyone but the facilitator', () => {
    const byParticipant: Participant = { ...anouk, enteredBy: { id: anna.id, name: anna.name } };
    const view = buildGroupView(session({ state: 'revealed' }), [response(anna, { A: 2 }), response(byParticipant, { A: 1 }), response(anouk, { A: 1 }), response(selfLabelled, { A: 3 })], null, '2026-11-23T10:05:00.000Z');
    expect(view.members.map((m) => m.participant.id)).toEqual([anna.id, anouk.id]);
    expect(isGenuineOnBehalf(selfLabelled, session())).toBe(false);
    expect(isGenuineOnBehalf({ id: 'namens:x' }, session())).toBe(false);
  });
});
