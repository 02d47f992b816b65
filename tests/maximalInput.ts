// Maximal inputs for the limit tests (issue 13, item 3): every free text at the most its field lets a
// person enter, built from what JSON escapes (quotes, backslashes, line breaks, tabs, lone
// surrogates), emoji and control characters, by the same domain functions the forms use.
// Used by tests/unit/graph/storedLimits.test.ts and tests/integration/graph/limits.test.ts.
import { rng } from '../dev/graph-emulator/faults';
import { loadInstrument } from '../src/domain/loadInstrument';
import { LIMITS, THEME_IDS, type ActionItem, type Response, type Session, type Step2Answers } from '../src/domain/model';
import { capComment, emptyAnswer, setFreeText, toggleOption } from '../src/domain/step2';

/** The emulator's seeded generator (mulberry32): enough to pick characters reproducibly. */
export const seeded = rng;

/** What people paste and what JSON escapes: every piece costs at least one character in a column. */
export const PIECES = ['"', '\\', '\n', '\t', '\r\n', '\u0000', '\u0001', '\u0008', '\u000c', '\u001f', '\u007f', '\u0085', '\u009f', '😀', '👩‍⚕️', '\ud800', '\udfff', '\u2028', 'é', '’', 'a', ' ', '<', '&', '/'];

/** A text starting with a letter (names and titles may not end up empty) and at least `length` UTF-16 units long. */
export function wild(random: () => number, length: number, pieces: readonly string[] = PIECES): string {
  let text = 'a';
  while (text.length < length) text += pieces[Math.floor(random() * pieces.length)];
  return text;
}

/** Worst cases one character at a time: each piece repeated. */
export const uniform = (piece: string) => (length: number) => `a${piece.repeat(length)}`;

export type Source = (length: number) => string;

/**
 * A single-line field as the input's maxlength leaves it: the first `limit` UTF-16 code units
 * (https://developer.mozilla.org/docs/Web/HTML/Attributes/maxlength).
 */
const typedLine = (source: Source, limit: number) => source(limit + 20).slice(0, limit);

export const instrument = loadInstrument('nl');

/** Stap 2 as full as the form lets it be: every option that can be chosen together, every text at its cap. */
export function maximalStep2(source: Source): Step2Answers {
  const step2: Step2Answers = { questions: {}, comments: {} };
  for (const theme of instrument.themes) {
    for (const question of theme.questions) {
      let answer = emptyAnswer();
      for (const option of question.options) if (!option.exclusive) answer = toggleOption(question, answer, option.id);
      for (const option of question.options) if (option.freeText) answer = setFreeText(question, answer, option.id, source(LIMITS.optionFreeText + 20));
      step2.questions[question.id] = answer;
    }
    step2.comments[theme.id] = capComment(source(LIMITS.longText + 20));
  }
  return step2;
}

export function maximalResponse(source: Source): Response {
  return {
    sessionKey: '20261123-abcdefgh',
    participant: { id: 'u-sanne', name: typedLine(source, LIMITS.name), domain: 'partner', partnerLabel: typedLine(source, LIMITS.department), department: typedLine(source, LIMITS.department) },
    scores: { A: 4, B: 'weetNiet' },
    step2: maximalStep2(source),
    done: { step2: '2026-11-23T10:30:00.000Z' },
    updatedAt: '2026-11-23T10:31:00.000Z',
  };
}

export function maximalAction(source: Source): ActionItem {
  return {
    id: 'a-1',
    sessionKey: '20261123-abcdefgh',
    theme: 'C',
    title: typedLine(source, LIMITS.actionTitle),
    ownerId: 'u-lotte',
    ownerName: typedLine(source, LIMITS.name),
    department: typedLine(source, LIMITS.department),
    dueDate: '2027-02-01',
    status: 'open',
    proposedBy: 'u-sanne',
    plannerTaskId: null,
    plannerTaskUrl: null,
  };
}

export function maximalSession(source: Source): Session {
  return {
    key: '20261123-abcdefgh',
    municipality: typedLine(source, LIMITS.singleLine),
    title: typedLine(source, LIMITS.singleLine),
    purpose: 'agendering',
    date: '2026-11-23T10:00:00Z',
    meetingId: null,
    facilitatorId: 'u-marieke',
    facilitatorName: typedLine(source, LIMITS.name),
    instrumentVersion: instrument.version,
    state: 'step2',
    locked: false,
    mode: 'separate',
    notes: source(LIMITS.longText + 20).slice(0, LIMITS.longText),
    explanation: source(LIMITS.longText + 20).slice(0, LIMITS.longText),
    followUp: { meetAgain: null, meetAgainDate: null, accountability: source(LIMITS.longText + 20).slice(0, LIMITS.longText) },
    plannerGroupId: null,
    plannerPlanId: null,
    publishClaim: null,
    group: null,
    // The stage focus (src/domain/stageFocus.ts) at its largest: six notes at the long-text limit, every mark.
    stageFocus: {
      step: 'step2',
      theme: 'C',
      discussed: { step1: [...THEME_IDS], step2: [...THEME_IDS].reverse() },
      notes: Object.fromEntries(THEME_IDS.map((theme) => [theme, source(LIMITS.longText + 20).slice(0, LIMITS.longText)])),
      timer: { startedAt: '2026-11-23T10:05:00.000Z', minutes: 60 },
    },
  };
}
