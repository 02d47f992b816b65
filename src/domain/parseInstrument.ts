// Parsing and checking an instrument file, shared by the two ways of opening one: all files bundled
// (src/domain/loadInstrument.ts, for Node: tests and tooling) and one file per language fetched when
// needed (src/domain/openInstrument.ts, for the browser, so a Dutch side panel never downloads English).
// Every file is parsed with zod plus the checks zod cannot express, and a broken file fails with a
// message that names the bad entry.
import type * as z from './zod';
import { InstrumentSchema, type Instrument } from './instrument';
import { THEME_IDS } from './model';

export type InstrumentLocale = Instrument['locale'];

export const CURRENT_INSTRUMENT_VERSION = 'gesprekstool-2018.1';

/** The instrument's step 2 has exactly these questions, numbered in this order. */
const EXPECTED_QUESTION_COUNT = 14;

export class InstrumentError extends Error {
  override readonly name = 'InstrumentError';
}

export class UnknownInstrumentVersionError extends Error {
  override readonly name = 'UnknownInstrumentVersionError';
  constructor(
    readonly version: string,
    known: readonly string[],
  ) {
    super(`Unknown instrument version "${version}"; known versions: ${known.join(', ')}`);
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc === '' ? String(key) : `${acc}.${String(key)}`;
  }, '');
}

function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${formatPath(issue.path) || '(root)'}: ${issue.message}`).join('; ');
}

/** The rules between entries that a per-entry schema cannot see; each problem names its entry. */
export function instrumentConsistencyProblems(instrument: Instrument): string[] {
  const problems: string[] = [];
  const seenOptionIds = new Set<string>();
  let expectedNumber = 1;
  instrument.themes.forEach((theme, t) => {
    theme.questions.forEach((question, q) => {
      const at = `themes[${t}].questions[${q}]`;
      if (question.number !== expectedNumber) {
        problems.push(`${at}.number: expected ${expectedNumber}, found ${question.number}`);
      }
      if (question.id !== `q${question.number}`) {
        problems.push(`${at}.id: expected "q${question.number}", found "${question.id}"`);
      }
      expectedNumber = question.number + 1;
      question.options.forEach((option, o) => {
        const optionAt = `${at}.options[${o}].id`;
        if (!option.id.startsWith(`${question.id}.`)) {
          problems.push(`${optionAt}: "${option.id}" does not belong to question "${question.id}"`);
        }
        if (seenOptionIds.has(option.id)) problems.push(`${optionAt}: duplicate option id "${option.id}"`);
        seenOptionIds.add(option.id);
      });
    });
  });
  const questionCount = instrument.themes.reduce((sum, theme) => sum + theme.questions.length, 0);
  if (questionCount !== EXPECTED_QUESTION_COUNT) {
    problems.push(`themes: expected ${EXPECTED_QUESTION_COUNT} questions, found ${questionCount}`);
  }
  instrument.themes.forEach((theme, t) => {
    const expectedId = THEME_IDS[t];
    if (theme.id !== expectedId) problems.push(`themes[${t}].id: expected "${expectedId}", found "${theme.id}"`);
  });
  return problems;
}

/** Parses instrument JSON; the error message names every bad entry by its path. */
export function parseInstrument(json: unknown): Instrument {
  const result = InstrumentSchema.safeParse(json);
  if (!result.success) throw new InstrumentError(`Invalid instrument: ${formatIssues(result.error.issues)}`);
  const problems = instrumentConsistencyProblems(result.data);
  if (problems.length > 0) throw new InstrumentError(`Invalid instrument: ${problems.join('; ')}`);
  return result.data;
}

/**
 * Where two translations of one version differ in structure: ids, numbers, flags and sub-headings must
 * be identical, so an answer recorded in Dutch reads the same in English.
 */
export function instrumentAlignmentProblems(a: Instrument, b: Instrument): string[] {
  const problems: string[] = [];
  if (a.version !== b.version) problems.push(`version: "${a.version}" vs "${b.version}"`);
  a.purposes.forEach((purpose, p) => {
    if (b.purposes[p]?.id !== purpose.id) problems.push(`purposes[${p}].id: "${purpose.id}" vs "${b.purposes[p]?.id}"`);
  });
  a.themes.forEach((theme, t) => {
    const other = b.themes[t];
    if (other?.id !== theme.id) problems.push(`themes[${t}].id: "${theme.id}" vs "${other?.id}"`);
    if (other?.questions.length !== theme.questions.length) {
      problems.push(`themes[${t}].questions: ${theme.questions.length} vs ${other?.questions.length ?? 0} questions`);
    }
    theme.questions.forEach((question, q) => {
      const otherQuestion = other?.questions[q];
      const at = `themes[${t}].questions[${q}]`;
      if (otherQuestion?.id !== question.id || otherQuestion.number !== question.number) {
        problems.push(`${at}: "${question.id}" vs "${otherQuestion?.id}"`);
      }
      if (otherQuestion?.options.length !== question.options.length) {
        problems.push(`${at}.options: ${question.options.length} vs ${otherQuestion?.options.length ?? 0} options`);
      }
      question.options.forEach((option, o) => {
        const otherOption = otherQuestion?.options[o];
        const optionAt = `${at}.options[${o}]`;
        if (otherOption?.id !== option.id) problems.push(`${optionAt}.id: "${option.id}" vs "${otherOption?.id}"`);
        if (otherOption?.freeText !== option.freeText) problems.push(`${optionAt}.freeText differs`);
        if (otherOption?.exclusive !== option.exclusive) problems.push(`${optionAt}.exclusive differs`);
        if ((otherOption?.headingBefore === undefined) !== (option.headingBefore === undefined)) {
          problems.push(`${optionAt}.headingBefore present in one translation only`);
        }
      });
    });
  });
  return problems;
}

/** Parses the file registered as `version`/`locale` and checks it declares that version and language. */
export function parseRegisteredInstrument(json: unknown, version: string, locale: InstrumentLocale): Instrument {
  const instrument = parseInstrument(json);
  if (instrument.version !== version || instrument.locale !== locale) {
    throw new InstrumentError(`Instrument file registered as ${version}/${locale} declares ${instrument.version}/${instrument.locale}`);
  }
  return instrument;
}
