// The stage's stap 2, one theme at a time (issue 14: "Stap 2: theme by theme; options nobody chose
// folded away; contradictions flagged"). Per question: the options somebody chose, with who chose them
// as the display setting names people (src/domain/display.ts), the group's joint answer as "Samen" when
// the session fills stap 2 in together (src/domain/joint.ts), free texts as text, and the options nobody
// chose behind one disclosure. Which theme is shown is a prop: the facilitator's focus drives it.
// The disclosure follows the WAI-ARIA disclosure pattern: https://www.w3.org/WAI/ARIA/apg/patterns/disclosure/
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { contradictionOf, type Contradiction } from '../../domain/contradictions';
import { hasJointAnswers } from '../../domain/joint';
import type { Instrument, InstrumentOption, InstrumentQuestion } from '../../domain/instrument';
import type { DisplayMode, Mode, Response, Step2Answers, ThemeId } from '../../domain/model';
import { displayedResponses } from '../charts/displayText';
import { ContradictionNote } from '../common/ContradictionNote';
import { countedNames, listText } from '../common/contradictionText';
import { OnBehalfNote, useMarkedName } from '../common/OnBehalf';
import { useLocale, useT } from '../i18n';
import { AuthoredList, hasStep2Answers, type AuthoredItem } from './AuthoredList';
import { jointMessages } from './jointMessages';
import { stageMessages } from './messages';
import { ThemeNav } from './ThemeNav';
import { themeMessages } from './themeMessages';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  heading: { margin: 0, overflowWrap: 'anywhere' },
  question: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  questionHeading: { margin: 0, overflowWrap: 'anywhere' },
  meta: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingInlineStart: '1.25em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  optionText: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  chosenBy: { display: 'block', overflowWrap: 'anywhere' },
  subheading: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: 'inherit', fontStyle: 'italic', fontWeight: tokens.fontWeightRegular },
  disclosure: { alignSelf: 'flex-start', fontSize: 'inherit', textAlign: 'start', height: 'auto' },
  folded: { color: tokens.colorNeutralForeground2 },
});

export interface Step2ThemeProps {
  instrument: Pick<Instrument, 'themes'>;
  /** The theme to show (the facilitator's focus). */
  theme: ThemeId;
  /** How the session fills stap 2 in: separately, or together (the joint answer as "Samen"). */
  mode: Mode;
  /** The session's display setting (Session.display; an older session without it is per persoon). */
  display: DisplayMode | undefined;
  /** Filled in together: the group's one answer (src/domain/joint.ts visibleJoint). */
  joint?: Step2Answers | null | undefined;
  /** What the group may see (visibleResponses), in join order, with names as stored: the display setting is applied here. */
  responses: readonly Pick<Response, 'participant' | 'step2'>[];
  /** The facilitator's client: the theme letters become buttons that ask for another theme. */
  onThemeChange?: ((theme: ThemeId) => void) | undefined;
  /** Show the row of theme letters (read-only without onThemeChange). Default true. */
  showNavigation?: boolean;
}

type Question = InstrumentQuestion;

/** The options in the paper's groups: a sub-heading ("Wij hebben verder:", question 14) starts a new group. */
function optionGroups(options: readonly InstrumentOption[]): { heading: string | undefined; options: InstrumentOption[] }[] {
  const groups: { heading: string | undefined; options: InstrumentOption[] }[] = [];
  for (const option of options) {
    const last = groups.at(-1);
    if (last === undefined || option.headingBefore !== undefined) groups.push({ heading: option.headingBefore, options: [option] });
    else last.options.push(option);
  }
  return groups;
}

interface Chooser {
  id: string;
  name: string;
  answers: Step2Answers;
}

function FoldedOptions({ question, unchosen }: { question: Question; unchosen: ReadonlySet<string> }) {
  const t = useT(themeMessages);
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const groups = optionGroups(question.options)
    .map((g) => ({ ...g, options: g.options.filter((o) => unchosen.has(o.id)) }))
    .filter((g) => g.options.length > 0);
  return (
    <>
      <Button className={styles.disclosure} appearance="subtle" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{open ? '▾' : '▸'}&nbsp;</span>
        {t('folded', { count: unchosen.size })}
      </Button>
      <div id={regionId} hidden={!open} className={styles.folded}>
        {groups.map((g, i) => (
          <div key={g.options[0]?.id ?? i}>
            {g.heading !== undefined && <h4 className={styles.subheading}>{g.heading}</h4>}
            <ul className={styles.list}>
              {g.options.map((o) => (
                <li key={o.id}>{o.text}</li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </>
  );
}

function QuestionView({ question, choosers, respondentsTotal, contradiction, nameOf }: { question: Question; choosers: readonly Chooser[]; respondentsTotal: number | null; contradiction: Contradiction | null; nameOf: (participantId: string) => string }) {
  const t = useT(themeMessages);
  const ts = useT(stageMessages);
  const locale = useLocale();
  const styles = useStyles();
  const headingId = useId();
  const chosenBy = (optionId: string) => choosers.filter((c) => c.answers.questions[question.id]?.selected.includes(optionId));
  const unchosen = new Set(question.options.filter((o) => chosenBy(o.id).length === 0).map((o) => o.id));
  const groups = optionGroups(question.options)
    .map((g) => ({ ...g, options: g.options.filter((o) => !unchosen.has(o.id)) }))
    .filter((g) => g.options.length > 0);
  const respondents = choosers.filter((c) => question.options.some((o) => c.answers.questions[question.id]?.selected.includes(o.id))).length;
  return (
    <section className={styles.question} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.questionHeading}>
        {question.number}. {question.text}
      </h3>
      {respondentsTotal !== null && <p className={styles.meta}>{ts('step2Respondents', { count: respondents, total: respondentsTotal })}</p>}
      <ContradictionNote question={question} contradiction={contradiction} nameOf={nameOf} />
      {groups.length === 0 ? (
        <p className={styles.meta}>{t('nobodyChose')}</p>
      ) : (
        groups.map((g, i) => (
          <div key={g.options[0]?.id ?? i}>
            {g.heading !== undefined && <h4 className={styles.subheading}>{g.heading}</h4>}
            <ul className={styles.list}>
              {g.options.map((option) => {
                const who = chosenBy(option.id);
                const texts: AuthoredItem[] = who
                  .map((c) => ({ participantId: c.id, name: c.name, text: c.answers.questions[question.id]?.freeText[option.id] ?? '' }))
                  .filter((item) => item.text.trim() !== '');
                return (
                  <li key={option.id}>
                    <span className={styles.optionText}>{option.text}</span>
                    <span className={styles.chosenBy}>{t('chosenBy', { names: listText(countedNames(who.map((c) => c.name), locale), locale, 'conjunction') })}</span>
                    {texts.length > 0 && <AuthoredList items={texts} label={t('explanations')} />}
                  </li>
                );
              })}
            </ul>
          </div>
        ))
      )}
      {unchosen.size > 0 && <FoldedOptions question={question} unchosen={unchosen} />}
    </section>
  );
}

/** The joint answer's key among the choosers; no participant id starts like this. */
const JOINT_KEY = '#samen';

export function Step2Theme({ instrument, theme, mode, display, joint = null, responses, onThemeChange, showNavigation = true }: Step2ThemeProps) {
  const t = useT(themeMessages);
  const ts = useT(stageMessages);
  const tj = useT(jointMessages);
  const locale = useLocale();
  const styles = useStyles();
  const headingId = useId();
  const marked = useMarkedName();
  // Named as the display setting says, and "(namens)" where someone else entered the answers.
  const shown = displayedResponses(responses, display ?? 'perPerson', locale).map((r) => ({ ...r, participant: { ...r.participant, name: marked(r.participant) } }));
  const definition = instrument.themes.find((th) => th.id === theme);
  if (!definition) return null;

  const together = mode === 'joint';
  // Filled in together: "Samen" first, then anyone who still answered on their own (never merged into it).
  const individuals = together ? shown.filter((r) => hasStep2Answers(r.step2)) : shown;
  const choosers: Chooser[] = [
    ...(together && joint ? [{ id: JOINT_KEY, name: tj('jointName'), answers: joint }] : []),
    ...individuals.map((r) => ({ id: r.participant.id, name: r.participant.name, answers: r.step2 })),
  ];
  const names = new Map(individuals.map((r) => [r.participant.id, r.participant.name]));
  const nameOf = (id: string) => names.get(id) ?? '—';
  const jointComment = together ? (joint?.comments[theme]?.trim() ?? '') : '';
  const comments: AuthoredItem[] = [
    ...(jointComment !== '' ? [{ participantId: JOINT_KEY, name: tj('jointName'), text: jointComment }] : []),
    ...individuals.flatMap((r) => {
      const text = r.step2.comments[theme]?.trim() ?? '';
      return text === '' ? [] : [{ participantId: r.participant.id, name: r.participant.name, text }];
    }),
  ];

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.header}>
        <h2 id={headingId} className={styles.heading}>
          {t('step2Heading', { id: definition.id, title: definition.title })}
          {together ? ` — ${tj('jointHeading')}` : ''}
        </h2>
        {showNavigation && <ThemeNav instrument={instrument} theme={theme} onThemeChange={onThemeChange} />}
      </div>
      {together && !hasJointAnswers(joint) && <p className={styles.meta}>{tj('jointNone')}</p>}
      {definition.questions.map((question) => (
        <QuestionView
          key={question.id}
          question={question}
          choosers={choosers}
          respondentsTotal={together ? null : shown.length}
          contradiction={contradictionOf(question, individuals)}
          nameOf={nameOf}
        />
      ))}
      {comments.length > 0 && (
        <section aria-labelledby={`${headingId}-comments`}>
          <h3 id={`${headingId}-comments`} className={styles.questionHeading}>
            {ts('step2Comments')}
          </h3>
          <AuthoredList items={comments} />
        </section>
      )}
      <OnBehalfNote participants={individuals.map((r) => r.participant)} />
    </section>
  );
}
