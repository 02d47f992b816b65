// Step-1 statistics per statement. "Weet niet" is recorded and counted, but never enters a number:
// the paper codes it 6, and averaging that 6 in would pull every statement towards agreement.
import { THEME_IDS, WEET_NIET, type NumericScore, type Response, type Score, type Scores, type ThemeId } from './model';

export interface ScoreSummary {
  theme: ThemeId;
  /** Participants who gave 1–5. */
  answered: number;
  mean: number | null;
  median: number | null;
  min: NumericScore | null;
  max: NumericScore | null;
  /** max − min; 0 with one answer, null with none. */
  spread: number | null;
  weetNiet: number;
  /** Participants who gave nothing for this statement. */
  unanswered: number;
}

/** Either whole responses or bare score records; both are what callers naturally hold. */
export type ScoreSource = Pick<Response, 'scores'> | Scores;

function scoresOf(source: ScoreSource): Scores {
  return 'scores' in source ? source.scores : source;
}

export function isNumericScore(score: Score | undefined): score is NumericScore {
  return typeof score === 'number';
}

export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

export function summariseScores(sources: readonly ScoreSource[], theme: ThemeId): ScoreSummary {
  const numbers: NumericScore[] = [];
  let weetNiet = 0;
  let unanswered = 0;
  for (const source of sources) {
    const score = scoresOf(source)[theme];
    if (isNumericScore(score)) numbers.push(score);
    else if (score === WEET_NIET) weetNiet += 1;
    else unanswered += 1;
  }
  numbers.sort((a, b) => a - b);
  const min = numbers[0] ?? null;
  const max = numbers[numbers.length - 1] ?? null;
  return {
    theme,
    answered: numbers.length,
    mean: numbers.length === 0 ? null : numbers.reduce<number>((sum, n) => sum + n, 0) / numbers.length,
    median: median(numbers),
    min,
    max,
    spread: min === null || max === null ? null : max - min,
    weetNiet,
    unanswered,
  };
}

/** One summary per statement, in the instrument's theme order A–F. */
export function summariseAllScores(sources: readonly ScoreSource[]): ScoreSummary[] {
  return THEME_IDS.map((theme) => summariseScores(sources, theme));
}
