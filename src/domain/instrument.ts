// The instrument (the 2018 gesprekstool) as data. The JSON files in src/content are parsed with this
// schema at load; a broken file fails loudly and names the bad entry.
import * as z from './zod';
import { PURPOSES, THEME_IDS, ThemeIdSchema } from './model';

const text = z.string().check(z.trim(), z.minLength(1));

export const OptionSchema = z.object({
  /** Stable id, independent of the text: `q<number>.<letter>` e.g. "q2.d". */
  id: z.string().check(z.regex(/^q\d{1,2}\.[a-z]$/)),
  text,
  /** The option takes free text ("Anders, namelijk…", "Nee, want…", "Ja, namelijk…"). */
  freeText: z.boolean(),
  /** Choosing it clears every other option of the question, and choosing another clears it. */
  exclusive: z.boolean(),
  /** A sub-heading printed above this option in the paper tool (question 14: "Wij hebben verder:"). */
  headingBefore: z.optional(text),
});
export type InstrumentOption = z.infer<typeof OptionSchema>;

export const QuestionSchema = z.object({
  /** Stable id: `q<number>`. */
  id: z.string().check(z.regex(/^q\d{1,2}$/)),
  number: z.int().check(z.minimum(1)),
  text,
  options: z.array(OptionSchema).check(z.minLength(1)),
});
export type InstrumentQuestion = z.infer<typeof QuestionSchema>;

export const ThemeSchema = z.object({
  id: ThemeIdSchema,
  /** e.g. "Visie op armoede, schulden en gezondheid". */
  title: text,
  /** The step-1 statement ("Onze gemeente heeft …"). */
  statement: text,
  questions: z.array(QuestionSchema).check(z.minLength(1)),
  /** Label of the theme's comment field ("Opmerkingenveld"). */
  commentLabel: text,
});
export type InstrumentTheme = z.infer<typeof ThemeSchema>;

export const InstrumentSchema = z.object({
  /** e.g. "gesprekstool-2018.1"; sessions record it so old sessions stay readable. */
  version: z.string().check(z.regex(/^[a-z0-9-]+-\d{4}\.\d+$/)),
  locale: z.enum(['nl', 'en']),
  title: text,
  subtitle: text,
  attribution: z.object({
    /** One line shown wherever the instrument is. */
    text,
    authors: z.array(text).check(z.minLength(1)),
    publishers: z.array(text).check(z.minLength(1)),
    year: z.int(),
  }),
  purposes: z.array(z.object({ id: z.enum(PURPOSES), label: text, description: text })).check(z.length(PURPOSES.length)),
  step1: z.object({
    title: text,
    intro: text,
    question: text,
    scale: z
      .array(z.object({ value: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]), label: text }))
      .check(z.length(5)),
    /** The paper's 6: recorded, never counted. */
    weetNiet: z.object({ label: text, paperCode: z.literal(6) }),
    notesLabel: text,
  }),
  step2: z.object({ title: text, intro: text }),
  step3: z.object({
    title: text,
    question: text,
    intro: text,
    actionsLabel: text,
    participantLabel: text,
    departmentLabel: text,
    explanationLabel: text,
    meetAgainQuestion: text,
    accountabilityQuestion: text,
  }),
  themes: z.array(ThemeSchema).check(z.length(THEME_IDS.length)),
});
export type Instrument = z.infer<typeof InstrumentSchema>;
