// SharePoint list items ⇄ domain types. Every read goes through zod here; an item someone edited by
// hand into a shape the app cannot use is reported (list, item, field) instead of breaking the session.
import * as z from '../domain/zod';
import {
  ActionItemSchema,
  GroupViewSchema,
  LIMITS,
  ResponseSchema,
  SessionSchema,
  Step2AnswersSchema,
  THEME_IDS,
  WEET_NIET,
  type ActionItem,
  type GroupView,
  type Participant,
  type Response,
  type Scores,
  type Session,
  type Step2Answers,
  type ThemeId,
} from '../domain/model';
import { isRevealed } from '../domain/authorization';
import { onBehalfWhom } from '../domain/onBehalf';
import { isCalendarDate } from '../domain/calendarDate';
import { stripControlCharacters } from '../domain/freeText';
import type { InvalidItem, SessionSummary, Versioned } from './contracts';
import { TextTooLongError } from './errors';
import { isPlannerTaskUrl } from './plannerLinks';
import { stageFocusFields, stageFocusOf } from './stageFocusColumn';
import {
  COLUMNS,
  DISPLAY_LABELS,
  DOMAIN_LABELS,
  GROUP_VIEW_COLUMNS,
  LIST_TITLES,
  MEET_AGAIN_LABELS,
  MODE_LABELS,
  MULTI_LINE_MAX,
  PURPOSE_LABELS,
  SINGLE_LINE_MAX,
  STATE_LABELS,
  STATUS_LABELS,
  type ListKind,
} from './lists';

export const ListItemSchema = z.object({
  id: z.string(),
  /** Who created the item (listItem's createdBy identitySet): SharePoint's word, not a column anyone can edit. */
  createdBy: z.nullish(z.looseObject({ user: z.nullish(z.looseObject({ id: z.nullish(z.string()) })) })),
  '@odata.etag': z.optional(z.string()),
  eTag: z.optional(z.string()),
  webUrl: z.optional(z.string()),
  fields: z.record(z.string(), z.unknown()),
});
export type ListItem = z.infer<typeof ListItemSchema>;

export type Fields = Record<string, string | number | boolean | null>;

export type ReadResult<T> = { ok: true; value: Versioned<T> } | { ok: false; invalid: InvalidItem };

export function etagOf(item: ListItem): string {
  const tag = item['@odata.etag'] ?? item.eTag ?? item.fields['@odata.etag'];
  return typeof tag === 'string' ? tag : '';
}

class FieldProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function reverse<K extends string>(labels: Record<K, string>): Map<string, K> {
  return new Map(Object.entries(labels).map(([k, v]) => [v as string, k as K]));
}
const STATE_BY_LABEL = reverse(STATE_LABELS);
const PURPOSE_BY_LABEL = reverse(PURPOSE_LABELS);
const MODE_BY_LABEL = reverse(MODE_LABELS);
const DOMAIN_BY_LABEL = reverse(DOMAIN_LABELS);
const DISPLAY_BY_LABEL = reverse(DISPLAY_LABELS);
const STATUS_BY_LABEL = reverse(STATUS_LABELS);

/** Reads one column; SharePoint leaves empty columns out of `fields`, so absent means empty. */
class FieldReader {
  constructor(private readonly fields: Record<string, unknown>) {}

  text(name: string, options: { required?: boolean; max?: number } = {}): string {
    const value = this.fields[name];
    if (value === undefined || value === null || value === '') {
      if (options.required) throw new FieldProblem(name, 'is leeg');
      return '';
    }
    if (typeof value !== 'string') throw new FieldProblem(name, 'is geen tekst');
    if (options.max !== undefined && value.length > options.max) throw new FieldProblem(name, `is langer dan ${options.max} tekens`);
    return value;
  }

  optionalText(name: string, max?: number): string | null {
    const value = this.text(name, max === undefined ? {} : { max });
    return value === '' ? null : value;
  }

  label<K extends string>(name: string, byLabel: Map<string, K>): K {
    const value = this.text(name, { required: true });
    const key = byLabel.get(value);
    if (!key) throw new FieldProblem(name, `onbekende keuze "${value}"`);
    return key;
  }

  bool(name: string): boolean {
    const value = this.fields[name];
    if (value === undefined || value === null) return false;
    if (typeof value !== 'boolean') throw new FieldProblem(name, 'is geen ja/nee');
    return value;
  }

  /** Date-only columns are written at 12:00 UTC so any site time zone within ±11 h keeps the day. */
  date(name: string): string | null {
    const value = this.optionalText(name);
    if (value === null) return null;
    const match = /^(\d{4}-\d{2}-\d{2})/.exec(value);
    // Date.parse rolls 2031-02-29 over to 1 March instead of refusing it.
    if (!match || Number.isNaN(Date.parse(value)) || !isCalendarDate(match[1] as string)) throw new FieldProblem(name, 'is geen datum');
    return match[1] as string;
  }

  dateTime(name: string): string {
    const value = this.text(name, { required: true });
    if (Number.isNaN(Date.parse(value))) throw new FieldProblem(name, 'is geen datum');
    return value;
  }

  score(name: string): 1 | 2 | 3 | 4 | 5 | null {
    const value = this.fields[name];
    if (value === undefined || value === null || value === '') return null;
    const n = typeof value === 'string' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 5) throw new FieldProblem(name, `score ${String(value)} ligt niet tussen 1 en 5`);
    return n as 1 | 2 | 3 | 4 | 5;
  }
}

/** Whom a broken item belongs to, read as plain text so it can be named even when the rest is invalid. */
function whoseItem(list: ListKind, item: ListItem): string | null {
  const raw = item.fields[list === 'answers' ? 'Naam' : 'Title'];
  return typeof raw === 'string' && raw.trim() !== '' ? stripControlCharacters(raw.trim()).slice(0, LIMITS.name) : null;
}

function finish<T>(list: ListKind, item: ListItem, build: (r: FieldReader) => T, schema: z.ZodMiniType<T>): ReadResult<T> {
  const invalid = (field: string, message: string): ReadResult<T> => ({
    ok: false,
    invalid: { list, listDisplayName: LIST_TITLES[list], itemId: item.id, field, message, who: whoseItem(list, item) },
  });
  try {
    // Control characters are removed from what was stored (a hand-edited column) and from what the
    // JSON column decodes to (where they were stored as \u0001-style escapes): see domain/freeText.ts.
    const parsed = schema.safeParse(stripControlCharacters(build(new FieldReader(stripControlCharacters(item.fields)))));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return invalid(issue ? issue.path.map(String).join('.') : '?', issue?.message ?? 'ongeldig');
    }
    return { ok: true, value: { value: parsed.data, itemId: item.id, etag: etagOf(item) } };
  } catch (err) {
    if (err instanceof FieldProblem) return invalid(err.field, err.message);
    throw err;
  }
}

// ---- sessions ----------------------------------------------------------------------------------

const MEET_AGAIN_BY_LABEL = reverse(MEET_AGAIN_LABELS);

export function readSession(item: ListItem): ReadResult<Session> {
  return finish(
    'sessions',
    item,
    (r): Session => {
      const meetAgain = r.optionalText('VervolgBijeenkomst');
      const meetAgainKey = meetAgain === null ? 'unknown' : MEET_AGAIN_BY_LABEL.get(meetAgain);
      if (!meetAgainKey) throw new FieldProblem('VervolgBijeenkomst', `onbekende keuze "${meetAgain}"`);
      const datum = r.dateTime('Datum');
      return {
        key: r.text('SessionKey', { required: true }),
        municipality: r.text('Gemeente', { required: true, max: LIMITS.singleLine }),
        title: r.text('Title', { required: true, max: LIMITS.singleLine }),
        purpose: r.label('Doel', PURPOSE_BY_LABEL),
        date: datum,
        meetingId: r.optionalText('MeetingId'),
        facilitatorId: r.text('FacilitatorId', { required: true }),
        facilitatorName: r.text('Facilitator', { max: LIMITS.name }),
        instrumentVersion: r.text('InstrumentVersie', { required: true }),
        state: r.label('Stap', STATE_BY_LABEL),
        locked: r.bool('Vergrendeld'),
        mode: r.label('Modus', MODE_BY_LABEL),
        notes: r.text('WatOpvalt', { max: LIMITS.longText }),
        explanation: r.text('Toelichting', { max: LIMITS.longText }),
        followUp: {
          meetAgain: meetAgainKey === 'unknown' ? null : meetAgainKey === 'yes',
          meetAgainDate: r.date('VervolgDatum'),
          accountability: r.text('VervolgAfspraak', { max: LIMITS.longText }),
        },
        plannerGroupId: r.optionalText('PlannerGroepId'),
        plannerPlanId: r.optionalText('PlannerPlanId'),
        publishClaim: publishClaimOf(r),
        group: groupViewOf(item.fields),
        // Empty in sessions from before the setting (and lists without the column): per person.
        ...(r.optionalText('Weergave') === null ? {} : { display: r.label('Weergave', DISPLAY_BY_LABEL) }),
        ...stageFocusOf(item.fields),
      };
    },
    SessionSchema,
  );
}

/**
 * The group view from its columns. An unreadable one (edited by hand, cut short) counts as not
 * written yet: the facilitator's client writes it again on its next read, and nobody is locked out.
 */
function groupViewOf(fields: Record<string, unknown>): GroupView | null {
  const json = GROUP_VIEW_COLUMNS.map((name) => (typeof fields[name] === 'string' ? fields[name] : '')).join('');
  if (json === '') return null;
  try {
    const parsed = GroupViewSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The group view as column values: JSON cut into pieces that fit a note column, unused columns cleared. */
function groupViewFields(view: GroupView | null | undefined): Fields {
  const json = view ? JSON.stringify(view) : '';
  if (json.length > GROUP_VIEW_COLUMNS.length * MULTI_LINE_MAX) throw new TextTooLongError(GROUP_VIEW_COLUMNS[0], GROUP_VIEW_COLUMNS.length * MULTI_LINE_MAX, json.length);
  const out: Fields = {};
  GROUP_VIEW_COLUMNS.forEach((name, i) => {
    const piece = json.slice(i * MULTI_LINE_MAX, (i + 1) * MULTI_LINE_MAX);
    out[name] = piece === '' ? null : piece;
  });
  return out;
}

/** A claim with an unreadable time is treated as expired (it cannot block anyone), never as invalid. */
function publishClaimOf(r: FieldReader): Session['publishClaim'] {
  const by = r.optionalText('PublishClaimBy');
  if (by === null) return null;
  const until = r.optionalText('PublishClaimUntil');
  return { by, until: until !== null && !Number.isNaN(Date.parse(until)) ? until : new Date(0).toISOString(), run: r.optionalText('PublishClaimRun') };
}

/** The columns a session summary reads: a history page asks Graph for these and no others. */
export const SESSION_SUMMARY_COLUMNS = ['Title', 'SessionKey', 'Gemeente', 'Datum', 'Stap', 'MeetingId'] as const;

/**
 * Sessions newest first without an index on Datum: the key starts with the creation day
 * (src/domain/sessionKey.ts) and SessionKey is indexed, so SharePoint sorts on it in a list of any size.
 */
export const NEWEST_FIRST = 'fields/SessionKey desc';

const SessionSummarySchema = z.pick(SessionSchema, { key: true, title: true, municipality: true, date: true, state: true, meetingId: true });

export function readSessionSummary(item: ListItem): ReadResult<SessionSummary> {
  return finish(
    'sessions',
    item,
    (r): SessionSummary => ({
      key: r.text('SessionKey', { required: true }),
      municipality: r.text('Gemeente', { required: true, max: LIMITS.singleLine }),
      title: r.text('Title', { required: true, max: LIMITS.singleLine }),
      date: r.dateTime('Datum'),
      state: r.label('Stap', STATE_BY_LABEL),
      meetingId: r.optionalText('MeetingId'),
    }),
    SessionSummarySchema,
  );
}

/** The summaries of a page of session items (history, picker search); an item that cannot be read is left out. */
export function readSessionSummaries(items: readonly ListItem[]): SessionSummary[] {
  const sessions: SessionSummary[] = [];
  for (const item of items) {
    const read = readSessionSummary(item);
    if (read.ok) sessions.push(read.value.value);
  }
  return sessions;
}

/** Calendar date → a dateOnly column value that keeps its day in any site time zone (see FieldReader.date). */
function dateOnly(date: string | null): string | null {
  return date === null ? null : `${date}T12:00:00Z`;
}

export function sessionFields(session: Session): Fields {
  const s = stripControlCharacters(session);
  return checkLengths('sessions', {
    Title: s.title,
    SessionKey: s.key,
    Gemeente: s.municipality,
    Datum: s.date,
    Stap: STATE_LABELS[s.state],
    Onthuld: isRevealed(s.state),
    Vergrendeld: s.locked,
    Modus: MODE_LABELS[s.mode],
    Doel: PURPOSE_LABELS[s.purpose],
    MeetingId: s.meetingId,
    Facilitator: s.facilitatorName,
    FacilitatorId: s.facilitatorId,
    InstrumentVersie: s.instrumentVersion,
    WatOpvalt: s.notes,
    Toelichting: s.explanation,
    VervolgBijeenkomst: MEET_AGAIN_LABELS[s.followUp.meetAgain === null ? 'unknown' : s.followUp.meetAgain ? 'yes' : 'no'],
    VervolgDatum: dateOnly(s.followUp.meetAgainDate),
    VervolgAfspraak: s.followUp.accountability,
    PlannerGroepId: s.plannerGroupId,
    PlannerPlanId: s.plannerPlanId,
    // Written only when there is a claim: a list provisioned before these columns existed still takes
    // every other write (the publisher adds the columns when it first claims; src/graph/lists.ts).
    ...(s.publishClaim ? { PublishClaimBy: s.publishClaim.by, PublishClaimUntil: s.publishClaim.until, PublishClaimRun: s.publishClaim.run ?? null } : {}),
    // Likewise only once there is a group view: an older list without these columns takes every other write.
    ...(s.group ? groupViewFields(s.group) : {}),
    // Likewise only once the facilitator chose how people are shown.
    ...(s.display ? { Weergave: DISPLAY_LABELS[s.display] } : {}),
    ...stageFocusFields(s.stageFocus),
  });
}

// ---- answers -----------------------------------------------------------------------------------

/** Themes answered "weet niet", as a person reads them in a list view: "B, E". */
export function weetNietText(scores: Scores): string {
  return THEME_IDS.filter((t) => scores[t] === WEET_NIET).join(', ');
}

function parseWeetNiet(text: string): ThemeId[] {
  if (text.trim() === '') return [];
  const themes = text.split(/[,;\s]+/).filter(Boolean);
  for (const t of themes) if (!(THEME_IDS as readonly string[]).includes(t)) throw new FieldProblem('WeetNiet', `"${t}" is geen thema A–F`);
  return themes as ThemeId[];
}

export interface OptionDescriber {
  question(questionId: string): { number: number } | undefined;
  option(optionId: string): string | undefined;
}

/** Step 2 as readable Dutch for the list view ("Vraag 2: Ja, inzicht in …; Anders: …"); the JSON column stays authoritative. */
export function step2Summary(step2: Step2Answers, describe?: OptionDescriber): string {
  const questionNumber = (id: string) => describe?.question(id)?.number ?? Number(id.replace(/\D/g, ''));
  const lines = Object.entries(step2.questions)
    .filter(([, a]) => a.selected.length > 0)
    .sort(([a], [b]) => questionNumber(a) - questionNumber(b))
    .map(([questionId, answer]) => {
      const parts = answer.selected.map((optionId) => {
        const label = describe?.option(optionId) ?? optionId;
        const free = answer.freeText[optionId]?.trim();
        return free ? `${label} ${free}` : label;
      });
      return `Vraag ${questionNumber(questionId)}: ${parts.join('; ')}`;
    });
  for (const theme of THEME_IDS) {
    const comment = step2.comments[theme]?.trim();
    if (comment) lines.push(`Opmerking thema ${theme}: ${comment}`);
  }
  const text = lines.join('\n');
  return text.length > MULTI_LINE_MAX ? `${text.slice(0, MULTI_LINE_MAX - 1)}…` : text;
}

export function readResponse(item: ListItem): ReadResult<Response> {
  return finish(
    'answers',
    item,
    (r): Response => {
      const scores: Scores = {};
      for (const theme of THEME_IDS) {
        const score = r.score(`Score${theme}`);
        if (score !== null) scores[theme] = score;
      }
      for (const theme of parseWeetNiet(r.text('WeetNiet'))) {
        if (scores[theme] !== undefined) throw new FieldProblem('WeetNiet', `thema ${theme} heeft ook een score`);
        scores[theme] = WEET_NIET;
      }
      const rawJson = r.text('Stap2Json');
      let step2: Step2Answers = { questions: {}, comments: {} };
      if (rawJson !== '') {
        let json: unknown;
        try {
          json = JSON.parse(rawJson);
        } catch {
          throw new FieldProblem('Stap2Json', 'is geen geldige JSON');
        }
        const parsed = Step2AnswersSchema.safeParse(json);
        if (!parsed.success) throw new FieldProblem('Stap2Json', parsed.error.issues[0]?.message ?? 'ongeldig');
        step2 = parsed.data;
      }
      const done: Response['done'] = {};
      const d1 = r.optionalText('KlaarStap1');
      const d2 = r.optionalText('KlaarStap2');
      const d3 = r.optionalText('KlaarStap3');
      if (d1) done.step1 = d1;
      if (d2) done.step2 = d2;
      if (d3) done.step3 = d3;
      const domain = r.label('Domein', DOMAIN_BY_LABEL);
      const partnerLabel = r.optionalText('Partner', LIMITS.department);
      const enteredBy = enteredByOf(r, item);
      return {
        sessionKey: r.text('SessionKey', { required: true }),
        participant: {
          id: r.text('DeelnemerId', { required: true }),
          name: r.text('Naam', { required: true, max: LIMITS.name }),
          domain,
          ...(partnerLabel ? { partnerLabel } : {}),
          department: r.text('Afdeling', { max: LIMITS.department }),
          ...(enteredBy ? { enteredBy } : {}),
        },
        scores,
        step2,
        done,
        updatedAt: r.text('BijgewerktOp') || (typeof item.fields.Modified === 'string' ? item.fields.Modified : ''),
      };
    },
    ResponseSchema,
  );
}

/**
 * Who entered the answers on the participant's behalf, or null for one's own answers. The column is
 * believed only when SharePoint says the same person created the item: a hand-written IngevuldDoorId
 * in someone's own item does not make it the facilitator's entry.
 */
function enteredByOf(r: FieldReader, item: ListItem): Participant['enteredBy'] | null {
  const id = r.optionalText('IngevuldDoorId');
  if (id === null) return null;
  const author = item.createdBy?.user?.id ?? null;
  if (author !== null && author !== id) throw new FieldProblem('IngevuldDoorId', 'is niet wie het item heeft gemaakt');
  return { id, name: r.text('IngevuldDoor', { max: LIMITS.name }) };
}

/** The item's title as a person browsing the list reads it: the name, and for an entry on someone's behalf who entered it. */
function answersTitle(participant: Participant): string {
  if (!participant.enteredBy) return participant.name;
  const title = `${onBehalfWhom(participant)} (ingevuld door ${participant.enteredBy.name})`;
  return title.length > SINGLE_LINE_MAX ? `${title.slice(0, SINGLE_LINE_MAX - 1)}…` : title;
}

/** Which columns hold a part of the response that zod refused (its path's first segment). */
const RESPONSE_PART_COLUMNS: Record<string, readonly string[]> = {
  scores: [...THEME_IDS.map((t) => `Score${t}`), 'WeetNiet'],
  step2: ['Stap2Json'],
  done: ['KlaarStap1', 'KlaarStap2', 'KlaarStap3'],
  updatedAt: ['BijgewerktOp'],
};

/**
 * A person's own answers item that cannot be read as stored (edited by hand), made readable again
 * when they join again: who it is comes from the person re-entering, a "weet niet" mark beside a
 * score or naming no theme is dropped (the score stays), and any other column that cannot be read
 * is cleared, one at a time, so every answer that can be read is kept. Returns the restored answers
 * and the columns it changed, or null when nothing readable is left to restore.
 */
export function restoreResponse(item: ListItem, sessionKey: string, participant: Participant): { value: Response; cleared: string[] } | null {
  const fields: Record<string, unknown> = {
    ...item.fields,
    SessionKey: sessionKey,
    DeelnemerId: participant.id,
    Naam: participant.name,
    Domein: DOMAIN_LABELS[participant.domain],
    Partner: participant.partnerLabel ?? null,
    Afdeling: participant.department,
  };
  const cleared: string[] = [];
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const read = readResponse({ ...item, fields });
    if (read.ok) return { value: read.value.value, cleared };
    const field = read.invalid.field;
    if (field === 'WeetNiet') {
      const raw = typeof fields.WeetNiet === 'string' ? fields.WeetNiet : '';
      const kept = raw.split(/[,;\s]+/).filter((t) => (THEME_IDS as readonly string[]).includes(t) && (fields[`Score${t}`] === undefined || fields[`Score${t}`] === null || fields[`Score${t}`] === ''));
      fields.WeetNiet = kept.join(', ');
      if (kept.join(', ') === raw) return null;
      if (!cleared.includes('WeetNiet')) cleared.push('WeetNiet');
    } else {
      const columns = field in fields ? [field] : (RESPONSE_PART_COLUMNS[field.split('.')[0] ?? ''] ?? []).filter((c) => fields[c] !== undefined && fields[c] !== null);
      const column = columns[0];
      if (column === undefined) return null;
      fields[column] = null;
      if (!cleared.includes(column)) cleared.push(column);
    }
  }
  return null;
}

export function responseFields(typed: Response, describe?: OptionDescriber): Fields {
  const response = stripControlCharacters(typed);
  const scores: Fields = {};
  for (const theme of THEME_IDS) {
    const s = response.scores[theme];
    scores[`Score${theme}`] = typeof s === 'number' ? s : null;
  }
  return checkLengths('answers', {
    Title: answersTitle(response.participant),
    SessionKey: response.sessionKey,
    DeelnemerId: response.participant.id,
    Naam: response.participant.name,
    Domein: DOMAIN_LABELS[response.participant.domain],
    Partner: response.participant.partnerLabel ?? null,
    Afdeling: response.participant.department,
    ...scores,
    WeetNiet: weetNietText(response.scores),
    Stap2Samenvatting: step2Summary(response.step2, describe),
    Stap2Json: JSON.stringify(response.step2),
    KlaarStap1: response.done.step1 ?? null,
    KlaarStap2: response.done.step2 ?? null,
    KlaarStap3: response.done.step3 ?? null,
    BijgewerktOp: response.updatedAt,
    // Written only for an entry on someone's behalf: a list provisioned before these columns existed
    // still takes everyone's own answers (adding someone on another's behalf adds the columns first).
    ...(response.participant.enteredBy ? { IngevuldDoor: response.participant.enteredBy.name, IngevuldDoorId: response.participant.enteredBy.id } : {}),
  });
}

// ---- actions -----------------------------------------------------------------------------------

export function readAction(item: ListItem): ReadResult<ActionItem> {
  return finish(
    'actions',
    item,
    (r): ActionItem => ({
      id: r.text('ActieId', { required: true }),
      sessionKey: r.text('SessionKey', { required: true }),
      theme: r.label('Thema', new Map(THEME_IDS.map((t) => [t, t]))),
      title: r.text('Actie', { max: LIMITS.actionTitle }) || r.text('Title', { max: LIMITS.actionTitle }),
      ownerId: r.optionalText('EigenaarId'),
      ownerName: r.optionalText('Eigenaar', LIMITS.name),
      department: r.text('Afdeling', { max: LIMITS.department }),
      dueDate: r.date('Deadline'),
      status: r.label('Status', STATUS_BY_LABEL),
      proposedBy: r.optionalText('VoorgesteldDoor'),
      plannerTaskId: r.optionalText('PlannerTaskId'),
      plannerTaskUrl: plannerTaskAddress(r.optionalText('PlannerTaskUrl')),
    }),
    ActionItemSchema,
  );
}

/**
 * A PlannerTaskUrl the app can offer as "Taak in Planner": only Planner's own task address. Anything
 * else (hand-edited to another site) is dropped, so it is never shown as a link; the next publish
 * writes the task's real address back, as it does for a task whose address changed.
 */
function plannerTaskAddress(stored: string | null): string | null {
  return stored !== null && isPlannerTaskUrl(stored) ? stored : null;
}

export function actionFields(action: ActionItem): Fields {
  const a = stripControlCharacters(action);
  return checkLengths('actions', {
    Title: a.title.trim() === '' ? `Actie thema ${a.theme}` : a.title,
    SessionKey: a.sessionKey,
    ActieId: a.id,
    Thema: a.theme,
    Actie: a.title,
    Eigenaar: a.ownerName,
    EigenaarId: a.ownerId,
    Afdeling: a.department,
    Deadline: dateOnly(a.dueDate),
    Status: STATUS_LABELS[a.status],
    PlannerTaskId: a.plannerTaskId,
    PlannerTaskUrl: a.plannerTaskUrl,
    VoorgesteldDoor: a.proposedBy,
  });
}

// ---- lengths -----------------------------------------------------------------------------------

const NOTE_COLUMNS: Record<ListKind, ReadonlySet<string>> = {
  sessions: new Set(COLUMNS.sessions.filter((c) => c.kind === 'note').map((c) => c.name)),
  answers: new Set(COLUMNS.answers.filter((c) => c.kind === 'note').map((c) => c.name)),
  actions: new Set(COLUMNS.actions.filter((c) => c.kind === 'note').map((c) => c.name)),
};

/** SharePoint refuses text past the column size with a bare 400; saying which field is useful. */
export function checkLengths(list: ListKind, fields: Fields): Fields {
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== 'string') continue;
    const limit = NOTE_COLUMNS[list].has(name) ? MULTI_LINE_MAX : SINGLE_LINE_MAX;
    if (value.length > limit) throw new TextTooLongError(name, limit, value.length);
  }
  return fields;
}
