import { LIMITS } from '../../../src/domain/model';
import { aggregateStep2, emptyAnswer, setFreeText, toggleOption, unknownOptions, validateAnswer } from '../../../src/domain/step2';
import { anna, bram, chris, plainQuestion, questionWithExclusiveNee as q7, response } from './fixtures';

const pick = (...ids: string[]) => ids.reduce((answer, id) => toggleOption(q7, answer, id), emptyAnswer());

describe('toggleOption', () => {
  it('adds options in the instrument order, whatever order they were clicked', () => {
    expect(pick('q7.c', 'q7.a').selected).toEqual(['q7.a', 'q7.c']);
  });

  it('choosing an exclusive option clears the others and their free text', () => {
    const withText = setFreeText(q7, pick('q7.a', 'q7.c'), 'q7.c', 'de bibliotheek');
    expect(toggleOption(q7, withText, 'q7.d')).toEqual({ selected: ['q7.d'], freeText: {} });
  });

  it('choosing another option clears the exclusive one', () => {
    expect(pick('q7.d', 'q7.b').selected).toEqual(['q7.b']);
  });

  it('choosing another option clears an exclusive option with free text, and its text', () => {
    const nee = setFreeText(q7, pick('q7.e'), 'q7.e', 'geen budget');
    expect(toggleOption(q7, nee, 'q7.a')).toEqual({ selected: ['q7.a'], freeText: {} });
  });

  it('one exclusive option replaces another', () => {
    expect(pick('q7.d', 'q7.e').selected).toEqual(['q7.e']);
  });

  it('deselecting an option removes its free text', () => {
    const answer = setFreeText(q7, pick('q7.c'), 'q7.c', 'sportverenigingen');
    expect(toggleOption(q7, answer, 'q7.c')).toEqual({ selected: [], freeText: {} });
  });

  it('keeps a chosen option this instrument does not know, with its text, when another option is ticked', () => {
    const fromNewerVersion = { selected: ['q7.a', 'q7.future'], freeText: { 'q7.future': 'nieuw antwoord' } };
    expect(toggleOption(q7, fromNewerVersion, 'q7.b')).toEqual({ selected: ['q7.a', 'q7.b', 'q7.future'], freeText: { 'q7.future': 'nieuw antwoord' } });
    expect(unknownOptions([{ id: 'A', questions: [q7] }], { questions: { [q7.id]: fromNewerVersion } })).toEqual([{ questionId: q7.id, optionIds: ['q7.future'] }]);
    // An exclusive option still rules out everything else, the unknown one included.
    expect(toggleOption(q7, fromNewerVersion, 'q7.d')).toEqual({ selected: ['q7.d'], freeText: {} });
  });

  it('ignores an option id the question does not have', () => {
    const answer = pick('q7.a');
    expect(toggleOption(q7, answer, 'q9.z')).toBe(answer);
  });
});

describe('setFreeText', () => {
  it('keeps markup verbatim, as plain text', () => {
    const markup = '<img src=x onerror=alert(1)>';
    expect(setFreeText(q7, pick('q7.c'), 'q7.c', markup).freeText['q7.c']).toBe(markup);
  });

  it('refuses text for an option that is not chosen', () => {
    const answer = pick('q7.a');
    expect(setFreeText(q7, answer, 'q7.c', 'iets')).toBe(answer);
  });

  it('refuses text for a chosen option that takes no text', () => {
    const answer = pick('q7.a');
    expect(setFreeText(q7, answer, 'q7.a', 'iets')).toBe(answer);
  });

  it('caps long text at the free-text limit', () => {
    const long = 'x'.repeat(LIMITS.optionFreeText + 50);
    expect(setFreeText(q7, pick('q7.c'), 'q7.c', long).freeText['q7.c']).toHaveLength(LIMITS.optionFreeText);
  });

  it('keeps text of exactly the limit whole', () => {
    const exact = 'é'.repeat(LIMITS.optionFreeText);
    expect(setFreeText(q7, pick('q7.c'), 'q7.c', exact).freeText['q7.c']).toBe(exact);
  });

  it('caps text full of quotes and line breaks at what the Stap2Json column takes, not at the letters on screen', () => {
    const quoted = '"\n'.repeat(LIMITS.optionFreeText);
    const capped = setFreeText(q7, pick('q7.c'), 'q7.c', quoted).freeText['q7.c'] ?? '';
    expect(capped).toBe('"\n'.repeat(LIMITS.optionFreeText / 4));
    expect(JSON.stringify(capped).length - 2).toBe(LIMITS.optionFreeText);
  });

  it('never cuts an emoji in half at the limit', () => {
    const text = `${'x'.repeat(LIMITS.optionFreeText - 1)}😀`;
    const capped = setFreeText(q7, pick('q7.c'), 'q7.c', text).freeText['q7.c'] ?? '';
    expect(capped).toBe('x'.repeat(LIMITS.optionFreeText - 1));
  });
});

describe('validateAnswer', () => {
  it('accepts an answer with its free text filled in', () => {
    expect(validateAnswer(q7, setFreeText(q7, pick('q7.a', 'q7.c'), 'q7.c', 'de bieb'))).toEqual([]);
  });

  it('asks for free text when its option is chosen', () => {
    expect(validateAnswer(q7, pick('q7.c'))).toEqual([{ code: 'freeTextRequired', optionId: 'q7.c' }]);
  });

  it('treats free text of only spaces as missing', () => {
    expect(validateAnswer(q7, setFreeText(q7, pick('q7.e'), 'q7.e', '   '))).toEqual([{ code: 'freeTextRequired', optionId: 'q7.e' }]);
  });

  it('reports free text longer than the limit, e.g. from a stored answer', () => {
    const stored = { selected: ['q7.c'], freeText: { 'q7.c': 'x'.repeat(LIMITS.optionFreeText + 1) } };
    expect(validateAnswer(q7, stored)).toEqual([{ code: 'freeTextTooLong', optionId: 'q7.c', limit: LIMITS.optionFreeText }]);
  });

  it('counts free text as the Stap2Json column stores it: 600 quotes are too long for 1000', () => {
    const stored = { selected: ['q7.c'], freeText: { 'q7.c': '"'.repeat(600) } };
    expect(validateAnswer(q7, stored)).toEqual([{ code: 'freeTextTooLong', optionId: 'q7.c', limit: LIMITS.optionFreeText }]);
    expect(validateAnswer(q7, { ...stored, freeText: { 'q7.c': '"'.repeat(500) } })).toEqual([]);
  });

  it('reports an option id the question does not have', () => {
    expect(validateAnswer(q7, { selected: ['q7.a', 'q7.q'], freeText: {} })).toEqual([{ code: 'unknownOption', optionId: 'q7.q' }]);
  });

  it('reports an exclusive option stored together with others', () => {
    expect(validateAnswer(q7, { selected: ['q7.a', 'q7.d'], freeText: {} })).toEqual([{ code: 'exclusiveWithOthers', optionId: 'q7.d' }]);
  });

  it('reports free text kept for an option that is not chosen', () => {
    expect(validateAnswer(q7, { selected: ['q7.a'], freeText: { 'q7.c': 'oud' } })).toEqual([{ code: 'freeTextWithoutChoice', optionId: 'q7.c' }]);
  });
});

describe('aggregateStep2', () => {
  const themes = [{ id: 'D' as const, questions: [q7, plainQuestion] }];
  const answers = [
    response(anna, {}, { step2: { questions: { q7: { selected: ['q7.a', 'q7.c'], freeText: { 'q7.c': '<img src=x onerror=alert(1)>' } } }, comments: { D: 'Goed gesprek' } } }),
    response(bram, {}, { step2: { questions: { q7: { selected: ['q7.a'], freeText: {} }, q8: { selected: ['q8.b'], freeText: {} } }, comments: { D: '  ' } } }),
    response(chris, {}, { step2: { questions: { q7: { selected: ['q7.e'], freeText: { 'q7.e': 'geen tijd' } } }, comments: {} } }),
  ];

  it('counts per option and the number of respondents per question', () => {
    const [q7Tally, q8Tally] = aggregateStep2(themes, answers).questions;
    expect(q7Tally?.respondents).toBe(3);
    expect(q7Tally?.options.map((o) => [o.optionId, o.count])).toEqual([['q7.a', 2], ['q7.b', 0], ['q7.c', 1], ['q7.d', 0], ['q7.e', 1]]);
    expect(q8Tally).toMatchObject({ questionId: 'q8', respondents: 1 });
  });

  it('shows free text with who wrote it, markup unchanged', () => {
    const q7Tally = aggregateStep2(themes, answers).questions[0];
    expect(q7Tally?.options.find((o) => o.optionId === 'q7.c')?.freeTexts).toEqual([
      { participantId: 'p-anna', name: 'Anna de Vries', text: '<img src=x onerror=alert(1)>' },
    ]);
    expect(q7Tally?.options.find((o) => o.optionId === 'q7.e')?.freeTexts).toEqual([
      { participantId: 'p-chris', name: 'Chris Bakker', text: 'geen tijd' },
    ]);
  });

  it('lists theme comments with their authors and leaves blank ones out', () => {
    const { comments } = aggregateStep2(themes, answers);
    expect(comments.D).toEqual([{ participantId: 'p-anna', name: 'Anna de Vries', text: 'Goed gesprek' }]);
    expect(comments.A).toEqual([]);
  });

  it('leaves out option ids the instrument does not know', () => {
    const odd = [response(anna, {}, { step2: { questions: { q8: { selected: ['q8.z'], freeText: {} } }, comments: {} } })];
    const q8Tally = aggregateStep2(themes, odd).questions[1];
    expect(q8Tally?.respondents).toBe(0);
    expect(q8Tally?.options.every((o) => o.count === 0)).toBe(true);
  });

  it('gives zero counts when nobody answered', () => {
    expect(aggregateStep2(themes, []).questions.map((q) => q.respondents)).toEqual([0, 0]);
  });
});
