// What the stage shows, chosen by the facilitator and followed by everyone's stage: the overview, or
// one statement (stap 1) or theme (stap 2, 3) at a time; which ones the group has "besproken"; per
// statement a note of what was said; and an optional timer. It lives on the session item (every
// participant's client renders the stage itself from that item), so these rules return the next
// value and the session store writes it; only the facilitator may (authorization.ts, 'stageFocus').
// Time comes from the caller (the app's injected clock), never from Date.now here.
import { THEME_IDS, type Session, type SessionState, type StepId, type ThemeId } from './model';
import { displayPeople, type DisplayLabel, type Scored } from './display';
import { isNumericScore } from './scores';
import type { DisplayMode, NumericScore } from './model';
import { FOCUS_NOTE_MAX, TIMER_MAX_MINUTES, TIMER_MIN_MINUTES, type StageFocus, type StageTimer } from './stageFocusSchema';

export { StageFocusSchema, StageTimerSchema, FOCUS_NOTE_MAX, TIMER_MAX_MINUTES, TIMER_MIN_MINUTES, type StageFocus, type StageTimer } from './stageFocusSchema';

type FocusFacts = Pick<Session, 'state'> & { stageFocus?: StageFocus | null | undefined };

/** The step whose statements or themes the stage can focus on: stap 1 only after the reveal. */
export function focusStepOf(state: SessionState): StepId | null {
  switch (state) {
    case 'revealed':
      return 'step1';
    case 'step2':
      return 'step2';
    case 'step3':
      return 'step3';
    default:
      return null;
  }
}

/** The overview with nothing discussed: what an absent or unreadable column reads as. */
export function emptyFocus(step: StepId): StageFocus {
  return { step, theme: null, discussed: {}, notes: {}, timer: null };
}

/** What the stage shows now. A focus chosen in another step is the overview here (the focus resets when the step changes). */
export interface CurrentFocus {
  step: StepId | null;
  theme: ThemeId | null;
  timer: StageTimer | null;
  /** Marked "besproken" in this step. */
  discussed: readonly ThemeId[];
  /** Stap 1's notes per statement (kept when the step changes: the report and a return to stap 1 read them). */
  notes: Partial<Record<ThemeId, string>>;
}

export function currentFocus(session: FocusFacts): CurrentFocus {
  const step = focusStepOf(session.state);
  const focus = session.stageFocus ?? null;
  const here = focus !== null && step !== null && focus.step === step;
  return {
    step,
    theme: here ? focus.theme : null,
    timer: here ? focus.timer : null,
    discussed: step !== null ? (focus?.discussed[step] ?? []) : [],
    notes: focus?.notes ?? {},
  };
}

/** The stored focus carried into the current step: another step's theme and timer are dropped. */
function base(session: FocusFacts): StageFocus {
  const step = focusStepOf(session.state);
  if (step === null) throw new RangeError(`no stage focus in state ${session.state}`);
  const focus = session.stageFocus ?? null;
  if (focus === null) return emptyFocus(step);
  return focus.step === step ? focus : { ...focus, step, theme: null, timer: null };
}

/** Shows `theme` (null: the overview). A timer belongs to the statement it was started for, so it stops when the focus moves. */
export function focusOn(session: FocusFacts, theme: ThemeId | null): StageFocus {
  const focus = base(session);
  return focus.theme === theme ? focus : { ...focus, theme, timer: null };
}

/**
 * The neighbour of `theme` in `order` (A–F unless given): from the overview "next" is the first and
 * "previous" the last; past either end there is none (null), and the overview stays one move away.
 */
export function adjacentTheme(theme: ThemeId | null, direction: 'next' | 'previous', order: readonly ThemeId[] = THEME_IDS): ThemeId | null {
  if (order.length === 0) return null;
  if (theme === null) return (direction === 'next' ? order[0] : order[order.length - 1]) ?? null;
  const at = order.indexOf(theme);
  if (at < 0) return (direction === 'next' ? order[0] : order[order.length - 1]) ?? null;
  return order[at + (direction === 'next' ? 1 : -1)] ?? null;
}

export function markDiscussed(session: FocusFacts, theme: ThemeId, discussed: boolean): StageFocus {
  const focus = base(session);
  const list = focus.discussed[focus.step] ?? [];
  const next = discussed ? (list.includes(theme) ? list : [...list, theme]) : list.filter((t) => t !== theme);
  return { ...focus, discussed: { ...focus.discussed, [focus.step]: next } };
}

/** Stap 1's note for one statement; an empty note is removed. Longer than the limit is refused (the field stops at it). */
export function withStatementNote(session: FocusFacts, theme: ThemeId, text: string): StageFocus {
  const focus = base(session);
  if (focus.step !== 'step1') throw new RangeError('statement notes belong to stap 1');
  if (text.length > FOCUS_NOTE_MAX) throw new RangeError(`note longer than ${FOCUS_NOTE_MAX}`);
  const { [theme]: _old, ...others } = focus.notes;
  return { ...focus, notes: text.trim() === '' ? others : { ...others, [theme]: text } };
}

export function isTimerMinutes(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes >= TIMER_MIN_MINUTES && minutes <= TIMER_MAX_MINUTES;
}

/** Starts (or restarts) the timer for the focused statement or theme; `now` is the app's clock. */
export function startTimer(session: FocusFacts, minutes: number, now: Date): StageFocus {
  if (!isTimerMinutes(minutes)) throw new RangeError(`timer of ${minutes} minutes`);
  const focus = base(session);
  return { ...focus, timer: { startedAt: now.toISOString(), minutes } };
}

export function stopTimer(session: FocusFacts): StageFocus {
  return { ...base(session), timer: null };
}

export interface TimerReading {
  /** Whole seconds left, 0 once the time is up (a clock behind the starter's never shows more than the duration). */
  secondsLeft: number;
  over: boolean;
}

export function readTimer(timer: StageTimer, now: Date): TimerReading {
  const total = timer.minutes * 60;
  const elapsed = Math.floor((now.getTime() - Date.parse(timer.startedAt)) / 1000);
  const secondsLeft = Math.min(total, Math.max(0, total - elapsed));
  return { secondsLeft, over: secondsLeft === 0 };
}

/** "04:05"; minutes beyond 99 are not reached (the timer's maximum is an hour). */
export function mmss(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** A move to another step: the stage starts at the overview there, without a running timer; marks and notes stay. */
export function leaveStep(focus: StageFocus | null | undefined): StageFocus | null | undefined {
  return focus ? { ...focus, theme: null, timer: null } : focus;
}

export interface ExtremeSide {
  score: NumericScore;
  /** Who gave it, as the display setting names people: by name, numbered per domain, or by domain (each domain once). */
  labels: DisplayLabel[];
}

/**
 * The lowest and highest score on one statement and who gave them ("Lotte 1 ↔ Sanne 5"); null when
 * fewer than two people gave a number or everyone gave the same. "Weet niet" is never an extreme.
 * `sources` in join order, so numbered labels match the chart's.
 */
export function extremesOf(sources: readonly Scored[], theme: ThemeId, mode: DisplayMode): { low: ExtremeSide; high: ExtremeSide } | null {
  const people = displayPeople(
    sources.map((s) => s.participant),
    mode,
  );
  const scored = sources.flatMap((s, i) => {
    const score = s.scores[theme];
    const person = people[i];
    return isNumericScore(score) && person ? [{ score, label: person.label }] : [];
  });
  if (scored.length < 2) return null;
  const low = Math.min(...scored.map((s) => s.score)) as NumericScore;
  const high = Math.max(...scored.map((s) => s.score)) as NumericScore;
  if (low === high) return null;
  const side = (score: NumericScore): ExtremeSide => {
    const labels = scored.filter((s) => s.score === score).map((s) => s.label);
    if (mode !== 'perDomain') return { score, labels };
    // Per domein a person is named by their domain: each domain once.
    const seen = new Set<string>();
    return { score, labels: labels.filter((l) => (seen.has(JSON.stringify(l)) ? false : (seen.add(JSON.stringify(l)), true))) };
  };
  return { low: side(low), high: side(high) };
}
