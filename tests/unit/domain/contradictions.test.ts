import { contradictionOf, isNoOption, sidesOf, themeContradictions } from '../../../src/domain/contradictions';
import { loadInstrument } from '../../../src/domain/loadInstrument';
import { emptyStep2, type Participant, type Response } from '../../../src/domain/model';
import { anna, bram, chris, plainQuestion, questionWithExclusiveNee as q7, response } from './fixtures';

function answering(who: Participant, answers: Record<string, string[]>): Response {
  const questions = Object.fromEntries(Object.entries(answers).map(([id, selected]) => [id, { selected, freeText: {} }]));
  return response(who, {}, { step2: { ...emptyStep2(), questions } });
}

describe('contradictions in stap 2', () => {
  it('flags a question where one person ticked "Ja…" and another "Nee, want…", naming who is on which side', () => {
    const found = contradictionOf(q7, [answering(anna, { q7: ['q7.a', 'q7.b'] }), answering(bram, { q7: ['q7.e'] }), answering(chris, { q7: ['q7.b'] })]);
    expect(found).toEqual({
      questionId: 'q7',
      yes: [
        { participantId: anna.id, optionIds: ['q7.a', 'q7.b'] },
        { participantId: chris.id, optionIds: ['q7.b'] },
      ],
      no: [{ participantId: bram.id, optionIds: ['q7.e'] }],
    });
  });

  it('is quiet when everyone is on the same side, or when nobody said no', () => {
    expect(contradictionOf(q7, [answering(anna, { q7: ['q7.a'] }), answering(bram, { q7: ['q7.b', 'q7.c'] })])).toBeNull();
    expect(contradictionOf(q7, [answering(anna, { q7: ['q7.d'] }), answering(bram, { q7: ['q7.e'] })])).toBeNull();
    expect(contradictionOf(q7, [answering(anna, { q7: ['q7.a'] }), answering(bram, {})])).toBeNull();
  });

  it('does not count one person’s own inconsistent answer as the group disagreeing', () => {
    expect(contradictionOf(q7, [answering(anna, { q7: ['q7.a', 'q7.d'] })])).toBeNull();
  });

  it('leaves the joint answer ("Samen") out: it is not a person', () => {
    const samen: Participant = { id: 'samen:20261123-abcdefgh', name: 'Samen', domain: 'armoede', department: '' };
    expect(contradictionOf(q7, [answering(samen, { q7: ['q7.d'] }), answering(anna, { q7: ['q7.a'] })])).toBeNull();
  });

  it('finds nothing in a question without a "no" answer', () => {
    expect(sidesOf(plainQuestion)).toEqual({ yes: [], no: [] });
    expect(contradictionOf(plainQuestion, [answering(anna, { q8: ['q8.a'] }), answering(bram, { q8: ['q8.b'] })])).toBeNull();
  });

  it('reads the sides from the 2018 instrument’s own words and flags, in Dutch and in English alike', () => {
    for (const locale of ['nl', 'en'] as const) {
      const instrument = loadInstrument(locale);
      const questions = instrument.themes.flatMap((t) => t.questions);
      const withNo = questions.filter((q) => sidesOf(q).no.length > 0).map((q) => q.id);
      // "Nee, omdat…" (q2), "Nee, want…" (q5, q13), "Nee, onze gemeente zet hier niet actief op in." (q9), "Nee." (q11, q12).
      expect(withNo).toEqual(['q2', 'q5', 'q9', 'q11', 'q12', 'q13']);
      const q2 = questions.find((q) => q.id === 'q2');
      expect(q2 && sidesOf(q2)).toEqual({ yes: ['q2.a', 'q2.b', 'q2.c', 'q2.d'], no: ['q2.e'] });
      // "Weet niet.", "Niet van toepassing." and "Wij zien geen reden." are on neither side.
      const neither = questions.flatMap((q) => q.options).filter((o) => o.exclusive && !isNoOption(o)).map((o) => o.id);
      expect(neither).toEqual(['q1.e', 'q3.i', 'q4.a', 'q10.d', 'q11.e']);
    }
  });

  it('lists a theme’s contradictions in instrument order', () => {
    const instrument = loadInstrument('nl');
    const people = [answering(anna, { q2: ['q2.a'], q3: ['q3.a'], q5: ['q5.e'] }), answering(bram, { q2: ['q2.e'], q3: ['q3.i'], q5: ['q5.c'] })];
    expect(themeContradictions(instrument.themes, 'B', people).map((c) => c.questionId)).toEqual(['q2']);
    expect(themeContradictions(instrument.themes, 'C', people).map((c) => c.questionId)).toEqual(['q5']);
    expect(themeContradictions(instrument.themes, 'A', people)).toEqual([]);
  });
});
