// The facilitator's focus on the stage, as stored on the session item (one JSON note column,
// src/graph/stageFocusColumn.ts). A leaf module: model.ts embeds this schema in the session, so it
// must not import model.ts at run time (a cycle would leave the schemas undefined while loading).
import * as z from './zod';
import type { StepId, ThemeId } from './model';

/** Themes A–F, the same as model.ts's THEME_IDS (tests/unit/domain/stageFocus.test.ts holds them equal). */
export const FOCUS_THEMES = ['A', 'B', 'C', 'D', 'E', 'F'] as const satisfies readonly ThemeId[];
export const FOCUS_STEPS = ['step1', 'step2', 'step3'] as const satisfies readonly StepId[];
/** A note per statement holds as much as "Wat opvalt" (LIMITS.longText in model.ts; the test holds them equal). */
export const FOCUS_NOTE_MAX = 4000;
/** The timer's choices stay within a meeting: 1 to 60 minutes. */
export const TIMER_MIN_MINUTES = 1;
export const TIMER_MAX_MINUTES = 60;

const Theme = z.enum(FOCUS_THEMES);
const Step = z.enum(FOCUS_STEPS);

export const StageTimerSchema = z.object({
  /** ISO date-time the facilitator started it (from the app's injected clock). */
  startedAt: z.iso.datetime({ offset: true }),
  minutes: z.int().check(z.minimum(TIMER_MIN_MINUTES), z.maximum(TIMER_MAX_MINUTES)),
});
export type StageTimer = z.infer<typeof StageTimerSchema>;

export const StageFocusSchema = z.object({
  /** The step `theme` and `timer` belong to: in any other step the stage shows the overview. */
  step: Step,
  /** The statement (stap 1) or theme (stap 2, 3) on the stage; null is the overview. */
  theme: z.nullable(Theme),
  /** Themes marked "besproken", per step, in the order they were marked. */
  discussed: z.partialRecord(Step, z.array(Theme)),
  /** Stap 1: what was said per statement. */
  notes: z.partialRecord(Theme, z.string().check(z.maxLength(FOCUS_NOTE_MAX))),
  timer: z.nullable(StageTimerSchema),
});
export type StageFocus = z.infer<typeof StageFocusSchema>;
