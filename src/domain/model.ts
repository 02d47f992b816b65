// The domain model every surface, list and task is a view of. Schemas are the contract: whatever
// crosses a boundary (SharePoint, Planner, local drafts, tab configuration) is parsed with these.
import * as z from './zod';
import { StageFocusSchema } from './stageFocusSchema';

export const THEME_IDS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const ThemeIdSchema = z.enum(THEME_IDS);
export type ThemeId = z.infer<typeof ThemeIdSchema>;

/** A step-1 answer: 1–5, or "weet niet" (the paper's 6), which is never a number in a calculation. */
export const WEET_NIET = 'weetNiet' as const;
export const ScoreSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(WEET_NIET)]);
export type Score = z.infer<typeof ScoreSchema>;
export type NumericScore = 1 | 2 | 3 | 4 | 5;
/** Scores per theme; a missing theme is unanswered. */
export const ScoresSchema = z.partialRecord(ThemeIdSchema, ScoreSchema);
export type Scores = z.infer<typeof ScoresSchema>;

/** Limits shared by the UI (counters), the domain rules and the store (SharePoint column sizes). */
export const LIMITS = {
  /** Free text behind an option ("Anders, namelijk…"). */
  optionFreeText: 1000,
  /** A theme's comment field, the "Wat opvalt…" note, the agenda explanation. */
  longText: 4000,
  /** Single line of text in SharePoint. */
  singleLine: 255,
  actionTitle: 255,
  name: 255,
  department: 120,
  maxAssignees: 20,
  maxParticipants: 50,
} as const;

export const QuestionAnswerSchema = z.object({
  /** Ids of the chosen options, in the instrument's order. */
  selected: z.array(z.string().check(z.minLength(1))),
  /** Free text per option id, only for chosen options that take free text. */
  freeText: z.record(z.string(), z.string().check(z.maxLength(LIMITS.optionFreeText))),
});
export type QuestionAnswer = z.infer<typeof QuestionAnswerSchema>;

export const Step2AnswersSchema = z.object({
  /** Keyed by question id. */
  questions: z.record(z.string(), QuestionAnswerSchema),
  /** A theme's "Opmerkingenveld". */
  comments: z.partialRecord(ThemeIdSchema, z.string().check(z.maxLength(LIMITS.longText))),
});
export type Step2Answers = z.infer<typeof Step2AnswersSchema>;
export const emptyStep2 = (): Step2Answers => ({ questions: {}, comments: {} });

export const DOMAINS = ['armoede', 'gezondheid', 'partner'] as const;
export const DomainSchema = z.enum(DOMAINS);
export type Domain = z.infer<typeof DomainSchema>;

/**
 * Who entered a participant's answers for them: the facilitator, for someone who cannot use the app
 * (a partner from another organisation's tenant, someone on the phone, someone without access to the
 * site), as the paper tool's columns were filled in by hand (src/domain/onBehalf.ts).
 */
export const EnteredBySchema = z.object({
  /** Entra object id of the facilitator who entered them. */
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.maxLength(LIMITS.name)),
});
export type EnteredBy = z.infer<typeof EnteredBySchema>;

export const ParticipantSchema = z.object({
  /**
   * Entra object id: the identity, from the token / GET /me, never from the Teams context. Someone
   * taking part through the facilitator has an id of their own, `namens:<random>` (onBehalf.ts).
   */
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1), z.maxLength(LIMITS.name)),
  domain: DomainSchema,
  /** For domain "partner": GGD, welzijn, wijkteam, zorgverzekeraar, … */
  partnerLabel: z.optional(z.string().check(z.maxLength(LIMITS.department))),
  department: z.string().check(z.maxLength(LIMITS.department)),
  /** Present only for someone whose answers the facilitator entered on their behalf. */
  enteredBy: z.optional(EnteredBySchema),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const StepIdSchema = z.enum(['step1', 'step2', 'step3']);
export type StepId = z.infer<typeof StepIdSchema>;

export const ResponseSchema = z.object({
  sessionKey: z.string().check(z.minLength(1)),
  participant: ParticipantSchema,
  scores: ScoresSchema,
  step2: Step2AnswersSchema,
  /** ISO timestamps of when the participant said they were done with a step. */
  done: z.partialRecord(StepIdSchema, z.string()),
  updatedAt: z.string(),
});
export type Response = z.infer<typeof ResponseSchema>;

export const ACTION_STATUSES = ['open', 'done'] as const;
export const ActionItemSchema = z.object({
  /** Stable id created by the client, so retries and re-publishing never duplicate. */
  id: z.string().check(z.minLength(1)),
  sessionKey: z.string().check(z.minLength(1)),
  theme: ThemeIdSchema,
  title: z.string().check(z.maxLength(LIMITS.actionTitle)),
  /** Entra object id of a participant, or null for an action without an owner. */
  ownerId: z.nullable(z.string()),
  ownerName: z.nullable(z.string().check(z.maxLength(LIMITS.name))),
  department: z.string().check(z.maxLength(LIMITS.department)),
  /** Calendar date YYYY-MM-DD, or null. */
  dueDate: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  status: z.enum(ACTION_STATUSES),
  /** Who proposed it (participant id). */
  proposedBy: z.nullable(z.string()),
  plannerTaskId: z.nullable(z.string()),
  plannerTaskUrl: z.nullable(z.string()),
});
export type ActionItem = z.infer<typeof ActionItemSchema>;

export const SESSION_STATES = ['setup', 'step1', 'revealed', 'step2', 'step3', 'closed'] as const;
export const SessionStateSchema = z.enum(SESSION_STATES);
export type SessionState = z.infer<typeof SessionStateSchema>;

/** The four uses of the tool ("Waarvoor kunt u de gesprekstool inzetten?"). */
export const PURPOSES = ['aanscherpen', 'agendering', 'betrekkenVeld', 'monitoring'] as const;
export const PurposeSchema = z.enum(PURPOSES);
export type Purpose = z.infer<typeof PurposeSchema>;

/** Step 2 filled in by everyone separately, or once together. */
export const ModeSchema = z.enum(['separate', 'joint']);
export type Mode = z.infer<typeof ModeSchema>;

export const FollowUpSchema = z.object({
  /** Does the group meet again in the same composition? null = not yet agreed. */
  meetAgain: z.nullable(z.boolean()),
  meetAgainDate: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  /** How participants hold each other to the agreements. */
  accountability: z.string().check(z.maxLength(LIMITS.longText)),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

/**
 * Who is publishing the agenda to Planner right now, until when. One publisher at a time per session;
 * a claim whose time has passed belonged to a publisher that stopped (closed tab, lost network).
 */
export const PublishClaimSchema = z.object({
  by: z.string().check(z.minLength(1)),
  /** ISO date-time. */
  until: z.string().check(z.minLength(1)),
  /**
   * Which publishing run holds it: one person on two devices is two runs, and a name and a time
   * alone cannot tell them apart (both may press Publiceer in the same millisecond).
   */
  run: z.optional(z.nullable(z.string().check(z.minLength(1)))),
});
export type PublishClaim = z.infer<typeof PublishClaimSchema>;

/** One person as the group sees them: progress always, answers only once the group may see them. */
export const GroupMemberSchema = z.object({
  participant: ParticipantSchema,
  /** Statements answered in step 1 (0–6) and questions answered in step 2: how far, never what. */
  answered: z.object({ step1: z.int().check(z.minimum(0), z.maximum(THEME_IDS.length)), step2: z.int().check(z.minimum(0)) }),
  done: z.partialRecord(StepIdSchema, z.string()),
  /** Step-1 scores as they were at the reveal; absent before it and for people who joined after it. */
  scores: z.optional(ScoresSchema),
  /** Step-2 answers, from the moment step 2 starts (frozen when the session moves on to step 3). */
  step2: z.optional(Step2AnswersSchema),
});
export type GroupMember = z.infer<typeof GroupMemberSchema>;

export const GroupActionSchema = z.object({ value: ActionItemSchema, itemId: z.string(), etag: z.string() });

export const GroupViewSchema = z.object({
  version: z.literal(1),
  /** In join order. */
  members: z.array(GroupMemberSchema),
  /** When the scores were frozen (the reveal), ISO; null before the reveal. */
  revealedAt: z.nullable(z.string()),
  /** The agenda, from step 3 on: read from the actions list by the facilitator's client. */
  actions: z.array(GroupActionSchema),
  /**
   * Stap 2 filled in together: the group's one answer, written by the facilitator on the stage
   * (src/domain/joint.ts). Beside the members, not one of them: it is not a person. Present from
   * stap 2 on, once written; absent in views from before it existed.
   */
  joint: z.optional(z.object({ step2: Step2AnswersSchema })),
});
export type GroupView = z.infer<typeof GroupViewSchema>;

/**
 * How the surfaces (stage, tab, Word report) show who gave which answer (src/domain/display.ts):
 * by name with their domain, one series per domain, or numbered per domain without names.
 */
export const DISPLAY_MODES = ['perPerson', 'perDomain', 'anonymous'] as const;
export const DisplayModeSchema = z.enum(DISPLAY_MODES);
export type DisplayMode = z.infer<typeof DisplayModeSchema>;

export const SessionSchema = z.object({
  key: z.string().check(z.minLength(1)),
  municipality: z.string().check(z.minLength(1), z.maxLength(LIMITS.singleLine)),
  title: z.string().check(z.minLength(1), z.maxLength(LIMITS.singleLine)),
  purpose: PurposeSchema,
  /** ISO date-time the session was created / held. */
  date: z.string(),
  meetingId: z.nullable(z.string()),
  facilitatorId: z.string().check(z.minLength(1)),
  facilitatorName: z.string().check(z.maxLength(LIMITS.name)),
  instrumentVersion: z.string().check(z.minLength(1)),
  state: SessionStateSchema,
  /** Input of the current step is closed for participants. */
  locked: z.boolean(),
  mode: ModeSchema,
  /** "Wat opvalt…" (shared note of step 1). */
  notes: z.string().check(z.maxLength(LIMITS.longText)),
  /** Step 3 "Ruimte voor toelichting". */
  explanation: z.string().check(z.maxLength(LIMITS.longText)),
  followUp: FollowUpSchema,
  plannerGroupId: z.nullable(z.string()),
  plannerPlanId: z.nullable(z.string()),
  /** Absent in sessions built before publishing claimed the session: the same as null. */
  publishClaim: z.optional(z.nullable(PublishClaimSchema)),
  /**
   * What the group may see (src/domain/groupView.ts), written by the facilitator's client: the only
   * one that reads every answer. Absent in sessions from before it existed, and until first written.
   */
  group: z.optional(z.nullable(GroupViewSchema)),
  /** The facilitator's choice of how people are shown; absent in older sessions, which is "perPerson". */
  display: z.optional(DisplayModeSchema),
  /** What the stage shows, chosen by the facilitator (src/domain/stageFocus.ts); absent: the overview, nothing discussed. */
  stageFocus: z.optional(z.nullable(StageFocusSchema)),
});
export type Session = z.infer<typeof SessionSchema>;

