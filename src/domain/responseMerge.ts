// One person, two devices (or a reload, or an offline edit): both copies of their answers item are
// theirs, so nothing is "someone else's change". Merged per answer: an answer changed on one side
// only keeps that change; an answer changed on both sides takes the newer edit; answers that
// differ on both sides in different places all stay.
import { StepIdSchema, THEME_IDS, type QuestionAnswer, type Response } from './model';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The value for one answer, given its base, this side's and the other side's copy. */
function pick<T>(base: T, mine: T, theirs: T, mineIsNewer: boolean): T {
  if (same(mine, theirs)) return mine;
  if (same(mine, base)) return theirs;
  if (same(theirs, base)) return mine;
  return mineIsNewer ? mine : theirs;
}

function setOrDelete<K extends string, V>(target: Partial<Record<K, V>>, key: K, value: V | undefined): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

/**
 * `base` is the copy both sides started from (the last one SharePoint confirmed to this device),
 * `mine` this device's edits, `theirs` what SharePoint holds now. Pure: the result is a new object.
 */
export function mergeResponses(base: Response, mine: Response, theirs: Response): Response {
  const mineIsNewer = Date.parse(mine.updatedAt) >= Date.parse(theirs.updatedAt);
  const scores = { ...theirs.scores };
  const comments = { ...theirs.step2.comments };
  for (const theme of THEME_IDS) {
    setOrDelete(scores, theme, pick(base.scores[theme], mine.scores[theme], theirs.scores[theme], mineIsNewer));
    setOrDelete(comments, theme, pick(base.step2.comments[theme], mine.step2.comments[theme], theirs.step2.comments[theme], mineIsNewer));
  }
  const questions: Record<string, QuestionAnswer> = {};
  const ids = new Set([...Object.keys(base.step2.questions), ...Object.keys(mine.step2.questions), ...Object.keys(theirs.step2.questions)]);
  for (const id of ids) {
    // A question is one answer: its ticks and free texts belong together (exclusive options).
    const value = pick(base.step2.questions[id], mine.step2.questions[id], theirs.step2.questions[id], mineIsNewer);
    if (value !== undefined) questions[id] = value;
  }
  const done = { ...theirs.done };
  for (const step of StepIdSchema.options) setOrDelete(done, step, pick(base.done[step], mine.done[step], theirs.done[step], mineIsNewer));
  return {
    sessionKey: theirs.sessionKey,
    participant: pick(base.participant, mine.participant, theirs.participant, mineIsNewer),
    scores,
    step2: { questions, comments },
    done,
    updatedAt: mineIsNewer ? mine.updatedAt : theirs.updatedAt,
  };
}
