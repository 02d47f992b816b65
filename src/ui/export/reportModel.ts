// What the report for the wethouder says, as plain data: built from the domain's decisions
// (summaries, conversation order, step-2 aggregate, agenda order) and worded in the reader's
// language. Page one is a summary someone can read without the rest; the detail follows, stap 2 as
// an appendix. Every text from participants stays a plain string; the document builder writes it as
// a text run, so markup in a free text is never interpreted. Every name goes through reportNames.
import {
  aggregateStep2,
  conversationOrder,
  displayModeOf,
  DOMAINS,
  domainMeans,
  groupActionsByTheme,
  orderActions,
  summariseAllScores,
  visibleJoint,
  WEET_NIET,
  type ActionItem,
  type Divergence,
  type Instrument,
  type Response,
  type Session,
} from '../../domain';
import { chartMessages, divergenceReasonsText, formatNumber, type ChartMessageKey } from '../charts';
import { contradictionOf } from '../../domain/contradictions';
import { contradictionText } from '../common/contradictionText';
import { format, type Locale } from '../i18n';
import { formatCalendarDate, formatSessionDate } from '../stage/calendarText';
import { jointMessages } from '../stage/jointMessages';
import { stageMessages, type StageMessageKey } from '../stage/messages';
import { exportMessages, type ExportMessageKey } from './messages';
import { displayLabelText } from '../charts/displayText';
import { personName, reportNames } from './reportNames';

export interface ReportLine {
  /** Bold lead-in, e.g. an author's name. */
  label?: string;
  text: string;
}

export interface ReportQuestion {
  heading: string;
  /** "3× Option text", or the joint answer's options. */
  answers: ReportLine[];
  freeTexts: ReportLine[];
  /** "Tegenstrijdig: … kruisten ‘Ja…’ aan, … ‘Nee, omdat…’." as on the stage (src/domain/contradictions.ts); null when the answers agree. */
  contradiction: string | null;
}

export interface ReportTheme {
  heading: string;
  questions: ReportQuestion[];
  comments: ReportLine[];
}

/** A short bold title with its detail: a conversation point, an action. */
export interface ReportItem {
  title: string;
  detail: string;
}

export interface ReportScoreRow {
  /** "B. Zicht op de lokale problematiek en kansen" */
  title: string;
  statement: string;
  /** One per participant, then the mean and the spread. */
  cells: string[];
  conversationPoint: boolean;
}

export interface ReportAgendaRow {
  cells: string[];
  /** The task in Planner, when the action was published. */
  planner: string | null;
}

export interface ReportModel {
  locale: Locale;
  title: string;
  /** "Gemeente Lelystad · 1 maart 2026" */
  subtitle: string;
  facilitator: string;
  summary: {
    purpose: ReportItem;
    /** For "Agendering": what the conversation found and what is asked of the college, in sentences. */
    forExecutive: { found: string[]; ask: string[] } | null;
    /** Who took part, grouped by domain in the instrument's order. */
    participants: { heading: string; people: string[] }[];
    /** "Ingevuld door … namens …" once per person whose answers someone else entered. */
    onBehalf: string[];
    points: ReportItem[];
    notes: string;
    keyActions: ReportItem[];
    moreActions: string | null;
    nextMeeting: string[];
  };
  chart: {
    /** The series in the order the chart draws them: each participant, then the group mean. */
    legend: string[];
    alt: string;
  };
  step1: {
    /** Column heads: the statement, each participant (name and domain), the mean and the spread. */
    header: ReportItem[];
    rows: ReportScoreRow[];
    /** Every conversation point with its reasons, largest difference first. */
    allPoints: ReportLine[];
    /** What was said per statement, noted on the stage when it was discussed (src/domain/stageFocus.ts), in the instrument's order. */
    statementNotes: ReportLine[];
  };
  agenda: { header: string[]; rows: ReportAgendaRow[] };
  followUp: ReportLine[];
  explanation: string;
  /** Only themes and questions someone answered. */
  step2: ReportTheme[];
  attribution: string;
  footer: string;
  /** Headings and fixed words of the document in the reader's language. */
  words: Record<ExportMessageKey, string>;
}

export interface ReportInput {
  instrument: Instrument;
  session: Session;
  responses: readonly Response[];
  actions: readonly ActionItem[];
  locale: Locale;
}

/** The summary names this many conversation points and actions; the detail has all of them. */
export const SUMMARY_POINTS = 3;
export const SUMMARY_ACTIONS = 5;
/** A side of the extremes names at most this many people, then "and n others". */
const EXTREME_NAMES = 2;

export function buildReportModel({ instrument, session, responses, actions, locale }: ReportInput): ReportModel {
  // "Toon per persoon / per domein / anoniem": every name below goes through these names.
  const display = displayModeOf(session);
  const names = reportNames(
    responses.map((r) => r.participant),
    locale,
    display,
  );
  const w = (key: ExportMessageKey, params?: Record<string, string | number>) => format(exportMessages[locale][key], params);
  const tc = (key: ChartMessageKey, params?: Record<string, string | number>) => format(chartMessages[locale][key], params);
  const ts = (key: StageMessageKey, params?: Record<string, string | number>) => format(stageMessages[locale][key], params);
  const number = (value: number | null) => (value === null ? tc('notApplicable') : formatNumber(value, locale));
  const words = Object.fromEntries(Object.keys(exportMessages[locale]).map((k) => [k, w(k as ExportMessageKey)])) as Record<ExportMessageKey, string>;
  const list = (items: readonly string[]) => listText(items, locale);
  const themeOf = (id: string) => instrument.themes.find((t) => t.id === id);
  const themeTitle = (id: string) => `${id}. ${themeOf(id)?.title ?? ''}`;
  const sessionDate = formatSessionDate(session.date, locale);
  const purpose = instrument.purposes.find((p) => p.id === session.purpose);

  const summaries = summariseAllScores(responses);
  const order = conversationOrder(responses);
  const points = order.filter((d) => d.isConversationPoint);

  /** "Bram Jansen 1 ↔ Sanne Visser 5": who gave the lowest and the highest score. */
  const extremes = (d: Divergence): string | null => {
    const { min, max } = d.summary;
    if (min === null || max === null || min === max) return null;
    const side = (score: number) => {
      const who = responses.filter((r) => r.scores[d.theme] === score).map((r) => names.name(r.participant));
      // "a, b en 2 anderen": one more name is shorter than "1 andere".
      const shown = who.length > EXTREME_NAMES + 1 ? list([...who.slice(0, EXTREME_NAMES), w('others', { count: who.length - EXTREME_NAMES })]) : list(who);
      return w('extremeSide', { names: shown, score });
    };
    return w('extremes', { low: side(min), high: side(max) });
  };
  // Who scored lowest and highest says the spread already; the other reasons (weet niet) follow it.
  const pointItem = (d: Divergence): ReportItem => {
    const ends = extremes(d);
    const reasons = ends ? { ...d, reasons: d.reasons.filter((r) => r !== 'spread') } : d;
    return { title: themeTitle(d.theme), detail: [...(ends ? [ends] : []), ...(reasons.reasons.length ? [divergenceReasonsText(reasons, tc)] : [])].join(tc('reasonsJoin')) };
  };

  // Who took part, by domain: the paper's columns were "Deelnemer 1 (Armoede) / Deelnemer 2 (Gezondheid)".
  // Per domein: how many; anoniem: the labels, without departments (a small department names a person).
  const participants = DOMAINS.map((domain) => ({
    heading: names.domainHeading(domain),
    people: responses
      .filter((r) => r.participant.domain === domain)
      .flatMap(({ participant: p }, i, all) => {
        if (display === 'perDomain') return i === 0 ? [w('peopleCount', { count: all.length })] : [];
        if (display === 'anonymous') return [names.name(p)];
        const organisation = domain === 'partner' ? p.partnerLabel?.trim() || p.department.trim() : p.department.trim();
        return [organisation ? w('withDepartment', { name: names.name(p), department: organisation }) : names.name(p)];
      }),
  })).filter((group) => group.people.length > 0);
  const onBehalf = responses.map((r) => names.onBehalf(r.participant)).filter((line): line is string => line !== null);

  const ordered = orderActions(actions);
  const ownerOf = (a: ActionItem) => names.byId(a.ownerId, a.ownerName) ?? ts('ownerNone');
  const keyActions = ordered.slice(0, SUMMARY_ACTIONS).map((a) => ({
    title: a.title,
    detail: a.dueDate ? w('keyAction', { owner: ownerOf(a), date: formatCalendarDate(a.dueDate, locale) }) : w('keyActionNoDate', { owner: ownerOf(a) }),
  }));
  const more = ordered.length - keyActions.length;

  const { followUp } = session;
  const nextDate = followUp.meetAgain && followUp.meetAgainDate ? formatCalendarDate(followUp.meetAgainDate, locale) : null;
  const meetAgain =
    followUp.meetAgain === null ? w('meetAgainUnknown') : !followUp.meetAgain ? w('meetAgainNo') : nextDate ? w('meetAgainOn', { date: nextDate }) : w('meetAgainYes');
  const nextMeeting = [meetAgain, ...(followUp.accountability.trim() ? [w('accountability', { text: followUp.accountability.trim() })] : [])];

  const forExecutive = session.purpose === 'agendering' ? executiveSummary() : null;
  function executiveSummary(): { found: string[]; ask: string[] } {
    const withMean = summaries.filter((s) => s.mean !== null);
    const rounded = (v: number) => Math.round(v * 10) / 10;
    const lowest = withMean.length ? Math.min(...withMean.map((s) => rounded(s.mean ?? 0))) : null;
    const highest = withMean.length ? Math.max(...withMean.map((s) => rounded(s.mean ?? 0))) : null;
    // Two statements are named in full; more (a tie) by their letters, or the sentence runs on.
    const at = (value: number | null) => {
      const themes = withMean.filter((s) => value !== null && rounded(s.mean ?? 0) === value).map((s) => s.theme);
      return themes.length <= 2 ? list(themes.map(themeTitle)) : w('themesByLetter', { letters: list(themes) });
    };
    const domains = [...new Set(responses.map((r) => r.participant.domain))].map((d) => names.domainHeading(d).toLowerCase());
    const found = [w('foundIntro', { date: sessionDate, count: responses.length, domains: list(domains), municipality: session.municipality })];
    if (lowest !== null) found.push(w('foundLowest', { themes: at(lowest), mean: formatNumber(lowest, locale) }));
    if (highest !== null && highest !== lowest) found.push(w('foundHighest', { themes: at(highest), mean: formatNumber(highest, locale) }));
    const top = points.slice(0, SUMMARY_POINTS).map((d) => themeTitle(d.theme));
    if (top.length > 0) found.push(w('foundDiverge', { themes: list(top) }));
    else if (withMean.length > 0) found.push(w('foundAgree'));
    const ask = [w('askNote')];
    if (actions.length > 0) ask.push(w('askActions', { count: actions.length }));
    if (lowest !== null) ask.push(w('askAgenda', { themes: at(lowest) }));
    if (nextDate) ask.push(w('askMeeting', { date: nextDate }));
    return { found, ask };
  }

  // Stap 1 in detail: one row per statement, the conversation points marked.
  const pointThemes = new Set(points.map((d) => d.theme));
  const scoreText = (value: Response['scores'][keyof Response['scores']]) =>
    value === undefined ? w('noScore') : value === WEET_NIET ? w('weetNietShort') : String(value);
  // Per domein the columns are the domains' means, as on the stage; otherwise one per person.
  const byDomain = domainMeans(responses).map((d) => ({ ...d, label: displayLabelText({ kind: 'domain', domain: d.domain, organisations: d.organisations, count: d.count }, locale) }));
  const rows: ReportScoreRow[] = instrument.themes.map((theme, i) => ({
    title: `${theme.id}. ${theme.title}`,
    statement: theme.statement,
    cells: [
      ...(display === 'perDomain' ? byDomain.map((d) => number(d.means[theme.id])) : responses.map((r) => scoreText(r.scores[theme.id]))),
      number(summaries[i]?.mean ?? null),
      number(summaries[i]?.spread ?? null),
    ],
    conversationPoint: pointThemes.has(theme.id),
  }));
  const legend = [...(display === 'perDomain' ? byDomain.map((d) => d.label) : responses.map((r) => names.withDomain(r.participant))), tc('groupMean')];

  // Stap 2 as an appendix: only what someone answered.
  const aggregate = aggregateStep2(instrument.themes, responses);
  const tallies = new Map(aggregate.questions.map((q) => [q.questionId, q]));
  // Filled in together: the group's own record (src/domain/joint.ts), labelled "Samen", never a person's answers.
  const joint = visibleJoint(session, responses);
  const together = `${format(jointMessages[locale].jointName)}:`;
  const byParticipantId = new Map(responses.map((r) => [r.participant.id, r.participant]));
  const authorName = (author: { participantId: string; name: string }): string => {
    const participant = byParticipantId.get(author.participantId);
    return participant ? names.name(participant) : personName({ id: author.participantId, name: author.name });
  };
  const contradictionIn = (question: Instrument['themes'][number]['questions'][number]): string | null => {
    const found = contradictionOf(question, responses);
    return found ? contradictionText(question, found, (id) => authorName({ participantId: id, name: '' }), locale) : null;
  };
  const step2: ReportTheme[] = instrument.themes
    .map((theme) => ({
      heading: `${theme.id}. ${theme.title}`,
      questions: theme.questions
        .map((question): ReportQuestion => {
          const textOf = (optionId: string) => question.options.find((o) => o.id === optionId)?.text ?? optionId;
          const heading = `${question.number}. ${question.text}`;
          if (session.mode === 'joint') {
            const answer = joint?.questions[question.id];
            return {
              heading,
              answers: (answer?.selected ?? []).map((id) => ({ label: together, text: answer?.freeText[id] ? `${textOf(id)} ${answer.freeText[id]}` : textOf(id) })),
              freeTexts: [],
              contradiction: null,
            };
          }
          const tally = tallies.get(question.id);
          return {
            heading,
            answers: (tally?.options ?? []).filter((o) => o.count > 0).map((o) => ({ label: w('step2Count', { count: o.count }), text: textOf(o.optionId) })),
            freeTexts: (tally?.options ?? []).flatMap((o) => o.freeTexts.map((f) => ({ label: `${authorName(f)}:`, text: `${textOf(o.optionId)} ${f.text}` }))),
            contradiction: contradictionIn(question),
          };
        })
        .filter((q) => q.answers.length > 0 || q.freeTexts.length > 0),
      comments:
        session.mode === 'joint'
          ? joint?.comments[theme.id]?.trim()
            ? [{ label: together, text: joint.comments[theme.id] ?? '' }]
            : []
          : aggregate.comments[theme.id].map((c) => ({ label: `${authorName(c)}:`, text: c.text })),
    }))
    .filter((theme) => theme.questions.length > 0 || theme.comments.length > 0);

  // The agenda as one table, in the stage's order: by theme, then by date.
  const grouped = groupActionsByTheme(actions);
  const agendaRows: ReportAgendaRow[] = instrument.themes.flatMap((theme) =>
    grouped[theme.id].map((a) => ({
      cells: [
        `${theme.id}. ${theme.title}`,
        a.title,
        ownerOf(a),
        a.department,
        a.dueDate ? formatCalendarDate(a.dueDate, locale) : ts('dueDateNone'),
        a.status === 'done' ? ts('statusDone') : ts('statusOpen'),
      ],
      planner: a.plannerTaskUrl && /^https:\/\//.test(a.plannerTaskUrl) ? a.plannerTaskUrl : null,
    })),
  );

  const attribution = instrument.attribution;
  return {
    locale,
    title: session.title,
    subtitle: w('subtitle', { municipality: session.municipality, date: sessionDate }),
    facilitator: w('facilitatorLine', { name: names.byId(session.facilitatorId, session.facilitatorName) ?? session.facilitatorName }),
    summary: {
      purpose: { title: purpose?.label ?? session.purpose, detail: purpose?.description ?? '' },
      forExecutive,
      participants,
      onBehalf,
      points: points.slice(0, SUMMARY_POINTS).map(pointItem),
      notes: session.notes,
      keyActions,
      moreActions: more > 0 ? w('moreActions', { count: more }) : null,
      nextMeeting,
    },
    chart: { legend, alt: w('chartAlt', { series: legend.join('; ') }) },
    step1: {
      header: [
        { title: w('statementColumn'), detail: '' },
        ...(display === 'perDomain'
          ? byDomain.map((d) => ({ title: d.label, detail: w('peopleCount', { count: d.count }) }))
          : responses.map((r) => ({ title: names.name(r.participant), detail: names.domainLabel(r.participant) }))),
        { title: w('meanColumn'), detail: '' },
        { title: w('spreadColumn'), detail: '' },
      ],
      rows,
      allPoints: points.map((d) => {
        const item = pointItem(d);
        return { label: `${item.title}:`, text: item.detail };
      }),
      statementNotes: instrument.themes
        .map((theme) => ({ label: `${theme.id}. ${theme.title}:`, text: session.stageFocus?.notes[theme.id]?.trim() ?? '' }))
        .filter((line) => line.text !== ''),
    },
    agenda: {
      header: [w('themeColumn'), ts('actionTitle'), ts('owner'), ts('department'), ts('dueDate'), ts('status'), w('plannerColumn')],
      rows: agendaRows,
    },
    followUp: [
      { label: instrument.step3.meetAgainQuestion, text: meetAgain },
      ...(followUp.accountability.trim() ? [{ label: instrument.step3.accountabilityQuestion, text: followUp.accountability }] : []),
    ],
    explanation: session.explanation,
    step2,
    attribution: attribution.text,
    footer: w('footer', { publishers: attribution.publishers.join(w('publishersJoin')), year: attribution.year }),
    words,
  };
}

/** "a, b en c" / "a, b and c". */
function listText(items: readonly string[], locale: Locale): string {
  if (items.length <= 1) return items[0] ?? '';
  return new Intl.ListFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { style: 'long', type: 'conjunction' }).format(items);
}

