// What the report for the wethouder says, as plain data: built from the domain's decisions
// (summaries, conversation order, step-2 aggregate, agenda order) and worded in the reader's
// language. Every text from participants stays a plain string; the document builder writes it as
// a text run, so markup in a free text is never interpreted.
import {
  aggregateStep2,
  conversationOrder,
  groupActionsByTheme,
  summariseAllScores,
  WEET_NIET,
  type ActionItem,
  type Instrument,
  type Response,
  type Session,
} from '../../domain';
import { chartMessages, divergenceReasonsText, formatNumber, type ChartMessageKey } from '../charts';
import { format, type Locale } from '../i18n';
import { formatCalendarDate, formatSessionDate } from '../stage/calendarText';
import { stageMessages, type StageMessageKey } from '../stage/messages';
import { markedName, onBehalfMessages, onBehalfSentence } from '../common/OnBehalf';
import { exportMessages, type ExportMessageKey } from './messages';

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
}

export interface ReportTheme {
  heading: string;
  questions: ReportQuestion[];
  comments: ReportLine[];
}

export interface ReportModel {
  title: string;
  facts: ReportLine[];
  attribution: string;
  participants: string[];
  scores: { header: string[]; rows: string[][] };
  conversationPoints: string[];
  notes: string;
  step2: ReportTheme[];
  agenda: { theme: string; header: string[]; rows: string[][] }[];
  followUp: ReportLine[];
  explanation: string;
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

export function buildReportModel({ instrument, session, responses: given, actions, locale }: ReportInput): ReportModel {
  const ob = (key: 'marked' | 'sentence', params: Record<string, string>) => format(onBehalfMessages[locale][key], params);
  // Answers someone else entered carry the name marked "(namens)" in every table and quote.
  const responses = given.map((r) => (r.participant.enteredBy ? { ...r, participant: { ...r.participant, name: markedName(ob, r.participant) } } : r));
  const w = (key: ExportMessageKey, params?: Record<string, string | number>) => format(exportMessages[locale][key], params);
  const tc = (key: ChartMessageKey, params?: Record<string, string | number>) => format(chartMessages[locale][key], params);
  const ts = (key: StageMessageKey, params?: Record<string, string | number>) => format(stageMessages[locale][key], params);
  const number = (value: number | null) => (value === null ? tc('notApplicable') : formatNumber(value, locale));
  const words = Object.fromEntries(Object.keys(exportMessages[locale]).map((k) => [k, w(k as ExportMessageKey)])) as Record<ExportMessageKey, string>;
  const purpose = instrument.purposes.find((p) => p.id === session.purpose)?.label ?? session.purpose;

  const summaries = summariseAllScores(responses);
  const scoreRows = instrument.themes.map((theme, i) => {
    const summary = summaries[i];
    return [
      `${theme.id}. ${theme.statement}`,
      ...responses.map((r) => {
        const score = r.scores[theme.id];
        return score === undefined ? '–' : score === WEET_NIET ? instrument.step1.weetNiet.label : String(score);
      }),
      number(summary?.mean ?? null),
      number(summary?.median ?? null),
      number(summary?.spread ?? null),
      String(summary?.weetNiet ?? 0),
    ];
  });

  const conversationPoints = conversationOrder(responses)
    .filter((d) => d.isConversationPoint)
    .map((d) => {
      const theme = instrument.themes.find((th) => th.id === d.theme);
      return `${d.theme}. ${theme?.title ?? ''}: ${divergenceReasonsText(d, tc)}`;
    });

  const aggregate = aggregateStep2(instrument.themes, responses);
  const tallies = new Map(aggregate.questions.map((q) => [q.questionId, q]));
  const joint = session.mode === 'joint' ? responses.find((r) => r.participant.id === session.facilitatorId) : undefined;
  const step2: ReportTheme[] = instrument.themes.map((theme) => ({
    heading: `${theme.id}. ${theme.title}`,
    questions: theme.questions.map((question) => {
      const textOf = (optionId: string) => question.options.find((o) => o.id === optionId)?.text ?? optionId;
      if (session.mode === 'joint') {
        const answer = joint?.step2.questions[question.id];
        return {
          heading: `${question.number}. ${question.text}`,
          answers: (answer?.selected ?? []).map((id) => ({ text: answer?.freeText[id] ? `${textOf(id)} ${answer.freeText[id]}` : textOf(id) })),
          freeTexts: [],
        };
      }
      const tally = tallies.get(question.id);
      return {
        heading: `${question.number}. ${question.text}`,
        answers: (tally?.options ?? []).filter((o) => o.count > 0).map((o) => ({ label: w('step2Count', { count: o.count }), text: textOf(o.optionId) })),
        freeTexts: (tally?.options ?? []).flatMap((o) => o.freeTexts.map((f) => ({ label: `${f.name}:`, text: `${textOf(o.optionId)} ${f.text}` }))),
      };
    }),
    comments:
      session.mode === 'joint'
        ? joint?.step2.comments[theme.id]?.trim()
          ? [{ text: joint.step2.comments[theme.id] ?? '' }]
          : []
        : aggregate.comments[theme.id].map((c) => ({ label: `${c.name}:`, text: c.text })),
  }));

  const grouped = groupActionsByTheme(actions);
  const agenda = instrument.themes.map((theme) => ({
    theme: `${theme.id}. ${theme.title}`,
    header: [ts('actionTitle'), ts('owner'), ts('department'), ts('dueDate'), ts('status')],
    rows: grouped[theme.id].map((a) => [
      a.title,
      a.ownerName ?? ts('ownerNone'),
      a.department,
      a.dueDate ? formatCalendarDate(a.dueDate, locale) : ts('dueDateNone'),
      a.status === 'done' ? ts('statusDone') : ts('statusOpen'),
    ]),
  }));

  const { followUp } = session;
  const meetAgain = followUp.meetAgain === null ? w('meetAgainUnknown') : followUp.meetAgain ? w('meetAgainYes') : w('meetAgainNo');
  return {
    title: session.title,
    facts: [
      { label: `${w('municipality')}:`, text: session.municipality },
      { label: `${w('date')}:`, text: formatSessionDate(session.date, locale) },
      { label: `${w('purpose')}:`, text: purpose },
      { label: `${w('facilitator')}:`, text: session.facilitatorName },
    ],
    attribution: instrument.attribution.text,
    participants: given.map((r) => {
      const name = r.participant.department ? `${r.participant.name} (${r.participant.department})` : r.participant.name;
      const onBehalf = onBehalfSentence(ob, r.participant);
      return onBehalf === null ? name : `${name} — ${onBehalf}`;
    }),
    scores: {
      header: [tc('statement'), ...responses.map((r) => r.participant.name), tc('mean'), tc('median'), tc('spread'), tc('weetNietCount')],
      rows: scoreRows,
    },
    conversationPoints,
    notes: session.notes,
    step2,
    agenda,
    followUp: [
      { label: instrument.step3.meetAgainQuestion, text: followUp.meetAgain && followUp.meetAgainDate ? `${meetAgain} (${formatCalendarDate(followUp.meetAgainDate, locale)})` : meetAgain },
      { label: instrument.step3.accountabilityQuestion, text: followUp.accountability },
    ],
    explanation: session.explanation,
    words,
  };
}
