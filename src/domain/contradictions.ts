// Stap 2's contradictions: on one question somebody ticked a "Ja…" answer and somebody else "Nee,
// omdat…". The group then does not agree on a fact about its own municipality ("Hebben wij inzicht…?"),
// which is worth saying out loud on the stage (issue 14: "contradictions flagged").
//
// Read from the instrument's data, not from question numbers: a question can contradict itself only
// when it has a "no" answer, an option that rules out every other (`exclusive`, src/domain/instrument.ts)
// and whose words start with "Nee" (Dutch instrument) or "No" (English instrument). Every option of
// that question that is not exclusive is then a "yes": in the 2018 instrument those are the "Ja, …"
// options (q2, q5, q11, q12), the ways of working together of q9 (its "Nee, onze gemeente zet hier
// niet actief op in" against "Door kennisdeling…") and the chances of q13 (against "Nee, want…").
// Other exclusive answers — "Weet niet.", "Niet van toepassing.", "Wij zien geen reden." — say no
// "nee" to a "ja" and are on neither side.
import type { InstrumentOption, InstrumentQuestion } from './instrument';
import { isJoint } from './joint';
import type { Participant, Response, ThemeId } from './model';

/** "Nee.", "Nee, omdat…", "Nee, want…", "No, because…"; not "Niet van toepassing", "Not applicable". */
const NEGATION = /^(nee|no)\b/i;

type Question = Pick<InstrumentQuestion, 'id' | 'options'>;
type Option = Pick<InstrumentOption, 'id' | 'text' | 'exclusive'>;

/** Whether choosing this option answers the question "no". */
export function isNoOption(option: Option): boolean {
  return option.exclusive && NEGATION.test(option.text.trim());
}

/** The question's "no" options and its "yes" options; both empty when the question has no "no". */
export function sidesOf(question: Pick<Question, 'options'>): { yes: string[]; no: string[] } {
  const no = question.options.filter(isNoOption).map((o) => o.id);
  if (no.length === 0) return { yes: [], no: [] };
  return { yes: question.options.filter((o) => !o.exclusive).map((o) => o.id), no };
}

/** One person on one side, with the options of that side they ticked (instrument order). */
export interface SideChoice {
  participantId: string;
  optionIds: string[];
}

export interface Contradiction {
  questionId: string;
  /** Who ticked a "yes" option, in the order of `responses` (join order). */
  yes: SideChoice[];
  /** Who ticked a "no" option, in the order of `responses`. */
  no: SideChoice[];
}

type Answers = Pick<Response, 'step2'> & { participant: Pick<Participant, 'id'> };

/**
 * The question's contradiction, or null: at least one person on each side, and not only one person
 * on both (an answer saved with "Nee" and "Ja" together is that person's problem, src/domain/step2.ts
 * validateAnswer, not the group's disagreement). The joint answer ("Samen") is one answer, not a
 * person, and is left out.
 */
export function contradictionOf(question: Question, responses: readonly Answers[]): Contradiction | null {
  const sides = sidesOf(question);
  if (sides.no.length === 0) return null;
  const yes: SideChoice[] = [];
  const no: SideChoice[] = [];
  for (const response of responses) {
    if (isJoint(response.participant)) continue;
    const selected = response.step2.questions[question.id]?.selected ?? [];
    const yesIds = sides.yes.filter((id) => selected.includes(id));
    const noIds = sides.no.filter((id) => selected.includes(id));
    if (yesIds.length > 0) yes.push({ participantId: response.participant.id, optionIds: yesIds });
    if (noIds.length > 0) no.push({ participantId: response.participant.id, optionIds: noIds });
  }
  if (yes.length === 0 || no.length === 0) return null;
  const people = new Set([...yes, ...no].map((c) => c.participantId));
  if (people.size < 2) return null;
  return { questionId: question.id, yes, no };
}

/** Every contradiction among the questions given (a theme's, or all), in instrument order. */
export function contradictions(questions: readonly Question[], responses: readonly Answers[]): Contradiction[] {
  return questions.map((q) => contradictionOf(q, responses)).filter((c): c is Contradiction => c !== null);
}

/** The contradictions of one theme of the instrument. */
export function themeContradictions(themes: readonly { id: ThemeId; questions: readonly Question[] }[], theme: ThemeId, responses: readonly Answers[]): Contradiction[] {
  return contradictions(themes.find((t) => t.id === theme)?.questions ?? [], responses);
}
