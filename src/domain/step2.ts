// Step-2 rules: the paper's multiple choice with its two special kinds of option. "Nee." or
// "Weet niet." rule out every other answer (exclusive), and "Anders, namelijk…" asks for words
// (free text). Free text is kept exactly as typed — markup included — and rendered as text by the UI.
import { capStoredJson, storedJsonLength } from './freeText';
import type { InstrumentQuestion } from './instrument';
import { LIMITS, THEME_IDS, type Participant, type QuestionAnswer, type Response, type ThemeId } from './model';

export type QuestionRules = Pick<InstrumentQuestion, 'id' | 'options'>;
export interface ThemeQuestions {
  id: ThemeId;
  questions: readonly QuestionRules[];
}

export const emptyAnswer = (): QuestionAnswer => ({ selected: [], freeText: {} });

function inInstrumentOrder(question: QuestionRules, ids: ReadonlySet<string>): string[] {
  return question.options.filter((o) => ids.has(o.id)).map((o) => o.id);
}

function keepFreeText(answer: QuestionAnswer, selected: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(answer.freeText).filter(([id]) => selected.includes(id)));
}

/**
 * Choose or un-choose an option. Choosing an exclusive option clears the others; choosing any
 * other clears the exclusive ones. Un-chosen options lose their free text, so nothing hidden is
 * saved. An id the question does not have leaves the answer as it was.
 */
export function toggleOption(question: QuestionRules, answer: QuestionAnswer, optionId: string): QuestionAnswer {
  const option = question.options.find((o) => o.id === optionId);
  if (!option) return answer;
  const chosen = new Set(answer.selected);
  if (chosen.has(optionId)) {
    chosen.delete(optionId);
  } else if (option.exclusive) {
    chosen.clear();
    chosen.add(optionId);
  } else {
    for (const other of question.options) if (other.exclusive) chosen.delete(other.id);
    chosen.add(optionId);
  }
  // Ids this instrument does not know (written by a newer version, or by hand) stay as they were,
  // with their text, unless an exclusive option rules out everything else.
  const known = new Set(question.options.map((o) => o.id));
  const unknown = answer.selected.filter((id) => !known.has(id) && chosen.has(id));
  const selected = [...inInstrumentOrder(question, chosen), ...unknown];
  return { selected, freeText: keepFreeText(answer, selected) };
}

/** Per question, chosen option ids the instrument does not have: kept in SharePoint, not shown as a choice. */
export function unknownOptions(themes: readonly ThemeQuestions[], step2: Pick<Response['step2'], 'questions'>): { questionId: string; optionIds: string[] }[] {
  const found: { questionId: string; optionIds: string[] }[] = [];
  for (const theme of themes) {
    for (const question of theme.questions) {
      const answer = step2.questions[question.id];
      if (!answer) continue;
      const known = new Set(question.options.map((o) => o.id));
      const optionIds = answer.selected.filter((id) => !known.has(id));
      if (optionIds.length > 0) found.push({ questionId: question.id, optionIds });
    }
  }
  return found;
}

/**
 * Free text for a chosen free-text option, capped at LIMITS.optionFreeText as counted in the
 * Stap2Json column (storedJsonLength, src/domain/freeText.ts) and never inside an emoji. Text for an
 * option that is not chosen or takes no text is refused (the answer comes back unchanged).
 */
export function setFreeText(question: QuestionRules, answer: QuestionAnswer, optionId: string, text: string): QuestionAnswer {
  const option = question.options.find((o) => o.id === optionId);
  if (!option?.freeText || !answer.selected.includes(optionId)) return answer;
  return { selected: answer.selected, freeText: { ...answer.freeText, [optionId]: capStoredJson(text, LIMITS.optionFreeText) } };
}

/** A theme's comment, capped at LIMITS.longText as counted in the Stap2Json column. */
export function capComment(text: string): string {
  return capStoredJson(text, LIMITS.longText);
}

export type AnswerProblem =
  | { code: 'unknownOption'; optionId: string }
  | { code: 'freeTextRequired'; optionId: string }
  | { code: 'freeTextTooLong'; optionId: string; limit: number }
  | { code: 'freeTextWithoutChoice'; optionId: string }
  | { code: 'exclusiveWithOthers'; optionId: string };

/** Problems with an answer, e.g. one read back from SharePoint or about to be marked done. */
export function validateAnswer(question: QuestionRules, answer: QuestionAnswer): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const byId = new Map(question.options.map((o) => [o.id, o]));
  for (const id of answer.selected) {
    const option = byId.get(id);
    if (!option) {
      problems.push({ code: 'unknownOption', optionId: id });
      continue;
    }
    if (option.exclusive && answer.selected.length > 1) problems.push({ code: 'exclusiveWithOthers', optionId: id });
    if (option.freeText && (answer.freeText[id] ?? '').trim() === '') problems.push({ code: 'freeTextRequired', optionId: id });
  }
  for (const [id, text] of Object.entries(answer.freeText)) {
    const option = byId.get(id);
    if (!option) {
      if (!answer.selected.includes(id)) problems.push({ code: 'unknownOption', optionId: id });
      continue;
    }
    if (!option.freeText || !answer.selected.includes(id)) problems.push({ code: 'freeTextWithoutChoice', optionId: id });
    if (storedJsonLength(text) > LIMITS.optionFreeText) problems.push({ code: 'freeTextTooLong', optionId: id, limit: LIMITS.optionFreeText });
  }
  return problems;
}

export interface Authored {
  participantId: string;
  name: string;
  text: string;
}

export interface OptionTally {
  optionId: string;
  count: number;
  freeTexts: Authored[];
}

export interface QuestionTally {
  questionId: string;
  /** Participants who chose at least one option of this question. */
  respondents: number;
  options: OptionTally[];
}

export interface Step2Aggregate {
  questions: QuestionTally[];
  /** Non-blank theme comments with their authors, in response order. */
  comments: Record<ThemeId, Authored[]>;
}

function authored(participant: Participant, text: string): Authored {
  return { participantId: participant.id, name: participant.name, text };
}

/**
 * What the group answered, for the stage. Ids the instrument does not know (an answer saved under
 * an older instrument version) are left out rather than shown as raw ids.
 */
export function aggregateStep2(themes: readonly ThemeQuestions[], responses: readonly Pick<Response, 'participant' | 'step2'>[]): Step2Aggregate {
  const questions = themes.flatMap((theme) =>
    theme.questions.map((question): QuestionTally => {
      const options = question.options.map((o): OptionTally => ({ optionId: o.id, count: 0, freeTexts: [] }));
      let respondents = 0;
      for (const response of responses) {
        const answer = response.step2.questions[question.id];
        if (!answer) continue;
        let answeredAny = false;
        for (const tally of options) {
          if (!answer.selected.includes(tally.optionId)) continue;
          answeredAny = true;
          tally.count += 1;
          const text = answer.freeText[tally.optionId];
          if (text !== undefined && text.trim() !== '') tally.freeTexts.push(authored(response.participant, text));
        }
        if (answeredAny) respondents += 1;
      }
      return { questionId: question.id, respondents, options };
    }),
  );
  const comments = Object.fromEntries(THEME_IDS.map((id) => [id, [] as Authored[]])) as Record<ThemeId, Authored[]>;
  for (const response of responses) {
    for (const theme of THEME_IDS) {
      const text = response.step2.comments[theme];
      if (text !== undefined && text.trim() !== '') comments[theme].push(authored(response.participant, text));
    }
  }
  return { questions, comments };
}
