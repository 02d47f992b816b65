import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CURRENT_INSTRUMENT_VERSION,
  getInstrument,
  instrumentAlignmentProblems,
  knownInstrumentVersions,
  loadInstrument,
  parseInstrument,
  UnknownInstrumentVersionError,
} from '../../../src/domain/loadInstrument';
import type { Instrument } from '../../../src/domain/instrument';

const nl = loadInstrument('nl');
const en = loadInstrument('en');
const allOptions = (instrument: Instrument) => instrument.themes.flatMap((t) => t.questions.flatMap((q) => q.options));
const optionIds = (instrument: Instrument, flag: 'freeText' | 'exclusive') =>
  allOptions(instrument)
    .filter((o) => o[flag])
    .map((o) => o.id)
    .sort();
const rawNl = (): Instrument => JSON.parse(JSON.stringify(nl)) as Instrument;

const SEED_001 = join('/work/shared/seeds', '001_cbde6ebe627a8c07.txt');
/** The only places where the Dutch text deliberately differs from the 2018 paper (see src/content/README.md). */
const CORRECTIONS: ReadonlyArray<[string, string]> = [
  ['buurten', 'buurtten'],
  ['betrekt onze gemeente', 'betreft onze gemeenten'],
  ['gemeentelijke aanbestedingsprocedures', 'gemeentelijk aanbestedingsprocedures'],
];

describe('the Dutch instrument gesprekstool-2018.1', () => {
  it('records its version id so old sessions reopen with it', () => {
    expect(nl.version).toBe('gesprekstool-2018.1');
    expect(CURRENT_INSTRUMENT_VERSION).toBe('gesprekstool-2018.1');
    expect(knownInstrumentVersions()).toContain('gesprekstool-2018.1');
  });

  it('has six statements A to F, in order, each the paper statement', () => {
    expect(nl.themes.map((t) => t.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(nl.themes[0]?.statement).toBe(
      'Onze gemeente heeft een duidelijke visie op de verbinding tussen armoede en gezondheid.',
    );
    expect(nl.themes[5]?.statement).toBe('Er is draagvlak in onze gemeente voor een gecombineerde aanpak.');
  });

  it('scores on 1 to 5 with the paper labels, and records weet niet as the paper code 6', () => {
    expect(nl.step1.scale.map((s) => `${s.value}=${s.label}`)).toEqual([
      '1=helemaal niet mee eens',
      '2=niet mee eens',
      '3=neutraal',
      '4=mee eens',
      '5=helemaal mee eens',
    ]);
    expect(nl.step1.weetNiet).toEqual({ label: 'weet niet', paperCode: 6 });
    expect(nl.step1.notesLabel).toBe('Wat opvalt …');
  });

  it('has 14 questions numbered 1 to 14 with the per-question option counts of the paper, 80 in all', () => {
    const questions = nl.themes.flatMap((t) => t.questions);
    expect(questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(questions.map((q) => q.options.length)).toEqual([6, 5, 9, 6, 5, 6, 4, 8, 8, 4, 5, 2, 4, 8]);
    expect(allOptions(nl)).toHaveLength(80);
  });

  it('groups the questions under the themes as the paper does', () => {
    expect(nl.themes.map((t) => t.questions.map((q) => q.number))).toEqual([
      [1],
      [2, 3],
      [4, 5, 6],
      [7],
      [8, 9, 10, 11],
      [12, 13, 14],
    ]);
    expect(nl.themes.map((t) => t.title)).toEqual([
      'Visie op armoede, schulden en gezondheid',
      'Zicht op de lokale problematiek en kansen',
      'Gecombineerd beleid',
      'Focus: signaleren, bereiken en ondersteunen',
      'De rol van de gemeente',
      'Draagvlak en randvoorwaarden',
    ]);
  });

  it('gives every theme one comment field', () => {
    expect(nl.themes.map((t) => t.commentLabel)).toEqual(Array(6).fill('Opmerkingenveld'));
  });

  it('gives every option a unique id', () => {
    const ids = allOptions(nl).map((o) => o.id);
    expect(new Set(ids).size).toBe(80);
  });

  it('asks for text exactly on the "anders, namelijk", "nee, want" and "ja, namelijk" options', () => {
    expect(optionIds(nl, 'freeText')).toEqual(
      ['q1.f', 'q2.d', 'q2.e', 'q3.h', 'q4.b', 'q4.f', 'q5.b', 'q5.d', 'q5.e', 'q6.f', 'q7.d', 'q8.h', 'q9.g', 'q10.c', 'q12.a', 'q13.d', 'q14.h'].sort(),
    );
  });

  it('makes the none and no options exclusive', () => {
    expect(optionIds(nl, 'exclusive')).toEqual(
      ['q1.e', 'q2.e', 'q3.i', 'q4.a', 'q5.e', 'q9.h', 'q10.d', 'q11.d', 'q11.e', 'q12.b', 'q13.d'].sort(),
    );
  });

  it('prints "Wij hebben verder:" as a heading above the fourth precondition, not as an option', () => {
    const q14 = nl.themes[5]?.questions[2];
    expect(q14?.options[3]).toMatchObject({ id: 'q14.d', headingBefore: 'Wij hebben verder:' });
    expect(q14?.options.some((o) => o.text.startsWith('Wij hebben verder'))).toBe(false);
  });

  it('keeps every question and option text as the paper has it, apart from the listed corrections', () => {
    const seed = readFileSync(SEED_001, 'utf8');
    const paperText = (text: string) =>
      CORRECTIONS.reduce((t, [fixed, original]) => t.replace(fixed, original), text).replace(/[….:]+$/u, '');
    const missing = nl.themes
      .flatMap((t) => [t.statement, ...t.questions.flatMap((q) => [q.text, ...q.options.map((o) => o.text)])])
      .filter((text) => !seed.includes(paperText(text)));
    expect(missing).toEqual([]);
  });

  it('carries the step 3 agenda labels and the two follow-up questions', () => {
    expect(nl.step3).toMatchObject({
      title: 'Stap 3. Actieagenda',
      question: 'Wat gaan we doen?',
      actionsLabel: 'Acties, wie doet wat',
      participantLabel: 'Deelnemer',
      departmentLabel: 'Afdeling',
      explanationLabel: 'Ruimte voor toelichting',
    });
    expect(nl.step3.meetAgainQuestion).toMatch(/dezelfde samenstelling/);
    expect(nl.step3.accountabilityQuestion).toMatch(/aan de afspraken/);
  });

  it('names the four uses, the authors, the publishers and the year', () => {
    expect(nl.purposes.map((p) => p.id)).toEqual(['aanscherpen', 'agendering', 'betrekkenVeld', 'monitoring']);
    expect(nl.attribution.year).toBe(2018);
    expect(nl.attribution.authors).toContain('Monique Stavenuiter');
    expect(nl.attribution.publishers.join(' ')).toMatch(/Verwey-Jonker Instituut/);
    expect(nl.attribution.publishers.join(' ')).toMatch(/Gezond in/);
  });
});

describe('the English translation', () => {
  it('is complete and structurally identical to the Dutch original', () => {
    expect(en.locale).toBe('en');
    expect(allOptions(en)).toHaveLength(80);
    expect(instrumentAlignmentProblems(nl, en)).toEqual([]);
    expect(instrumentAlignmentProblems(en, nl)).toEqual([]);
  });

  it('is actually translated, not a copy of the Dutch text', () => {
    const nlTexts = allOptions(nl).map((o) => o.text);
    const copied = allOptions(en).filter((o, i) => o.text === nlTexts[i] && !['Partner', 'Facilitator'].includes(o.text));
    expect(copied).toEqual([]);
    expect(en.step1.weetNiet.paperCode).toBe(6);
  });

  it('reports an option whose flags differ between the translations', () => {
    const changed = JSON.parse(JSON.stringify(en)) as Instrument;
    const option = changed.themes[2]?.questions[1]?.options[4];
    if (!option) throw new Error('fixture: q5.e missing');
    option.exclusive = false;
    expect(instrumentAlignmentProblems(nl, changed)).toEqual(['themes[2].questions[1].options[4].exclusive differs']);
  });
});

describe('parseInstrument', () => {
  it('names the bad entry when an option text is empty', () => {
    const broken = rawNl();
    const option = broken.themes[2]?.questions[0]?.options[3];
    if (!option) throw new Error('fixture: q4.d missing');
    option.text = '  ';
    expect(() => parseInstrument(broken)).toThrow(/themes\[2\]\.questions\[0\]\.options\[3\]\.text: /);
  });

  it('names a duplicated option id', () => {
    const broken = rawNl();
    const options = broken.themes[0]?.questions[0]?.options;
    if (!options?.[1]) throw new Error('fixture: q1.b missing');
    options[1].id = 'q1.a';
    expect(() => parseInstrument(broken)).toThrow('themes[0].questions[0].options[1].id: duplicate option id "q1.a"');
  });

  it('names an option filed under the wrong question', () => {
    const broken = rawNl();
    const option = broken.themes[1]?.questions[1]?.options[0];
    if (!option) throw new Error('fixture: q3.a missing');
    option.id = 'q2.z';
    expect(() => parseInstrument(broken)).toThrow(
      'themes[1].questions[1].options[0].id: "q2.z" does not belong to question "q3"',
    );
  });

  it('names a question out of order', () => {
    const broken = rawNl();
    const theme = broken.themes[4];
    if (!theme) throw new Error('fixture: theme E missing');
    theme.questions.reverse();
    expect(() => parseInstrument(broken)).toThrow(/themes\[4\]\.questions\[0\]\.number: expected 8, found 11/);
  });

  it('names a missing theme', () => {
    const broken = rawNl();
    broken.themes.pop();
    expect(() => parseInstrument(broken)).toThrow(/themes: /);
  });
});

describe('getInstrument', () => {
  it('opens the recorded version in either language', () => {
    expect(getInstrument('gesprekstool-2018.1', 'en').locale).toBe('en');
    expect(getInstrument('gesprekstool-2018.1', 'nl')).toBe(nl);
  });

  it('refuses an unknown version with an error naming it', () => {
    expect(() => getInstrument('gesprekstool-2030.9', 'nl')).toThrow(UnknownInstrumentVersionError);
    expect(() => getInstrument('gesprekstool-2030.9', 'nl')).toThrow(/"gesprekstool-2030\.9"/);
    expect(() => loadInstrument('nl', 'toString')).toThrow(/"toString"/);
  });
});
