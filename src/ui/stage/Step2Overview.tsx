// What the group answered in Stap 2. Filled in separately: the count per option and everyone's
// choices side by side; filled in jointly: the group's one answer as its own column, "Samen"
// (src/domain/joint.ts), beside anyone who still answered on their own. Free texts
// are shown with who wrote them, always as text (React escapes them; never as markup).
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { aggregateStep2, emptyStep2, hasJointAnswers, type Instrument, type Mode, type Response, type Step2Answers } from '../../domain';
import { visuallyHidden } from '../charts';
import { useT } from '../i18n';
import { contradictionOf } from '../../domain/contradictions';
import { ContradictionNote } from '../common/ContradictionNote';
import { OnBehalfNote, useMarkedName } from '../common/OnBehalf';
import { jointMessages } from './jointMessages';
import { stageMessages } from './messages';
import { Fragment } from 'react';
import { AuthoredList, hasStep2Answers } from './AuthoredList';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', marginBottom: tokens.spacingVerticalM },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, textAlign: 'center', verticalAlign: 'top' },
  optionCell: { textAlign: 'start' },
  chosenRow: { fontWeight: tokens.fontWeightSemibold },
  // A row header is bold by the browser's own style sheet, which would make every option look
  // chosen; it takes the row's weight so only the chosen options stand out.
  optionRowHeader: { fontWeight: 'inherit' },
  wrapper: { overflowX: 'auto' },
  theme: { marginBottom: tokens.spacingVerticalXXL },
});

export interface Step2OverviewProps {
  instrument: Pick<Instrument, 'themes'>;
  mode: Mode;
  /** Filled in together: the group's one answer (src/domain/joint.ts visibleJoint), its own column "Samen". */
  joint?: Step2Answers | null;
  responses: readonly Pick<Response, 'participant' | 'step2'>[];
  /**
   * For reading back afterwards (the tab): a question nobody answered shows no table of zeros, and a
   * step 2 nobody filled in is one sentence. The stage shows every table, as answers come in live.
   */
  compact?: boolean;
}

/**
 * Filled in together: the group's answer as its own column, "Samen", and beside it anyone who still
 * answered on their own (never merged into it). A question nobody answered is left out when compact.
 */
function JointAnswers({ instrument, joint, responses, compact }: { instrument: Step2OverviewProps['instrument']; joint: Step2Answers | null; responses: Step2OverviewProps['responses']; compact: boolean }) {
  const t = useT(stageMessages);
  const tj = useT(jointMessages);
  const styles = useStyles();
  const together = tj('jointName');
  const own = responses.filter((r) => hasStep2Answers(r.step2));
  const columns: Column[] = [{ id: JOINT_COLUMN, name: together, step2: joint ?? emptyStep2() }, ...own.map((r) => ({ id: r.participant.id, name: r.participant.name, step2: r.step2 }))];
  const aggregate = aggregateStep2(instrument.themes, own);
  const tallies = new Map(aggregate.questions.map((q) => [q.questionId, q]));
  return (
    <>
      {!hasJointAnswers(joint) && <p>{tj('jointNone')}</p>}
      {instrument.themes.map((theme) => {
        const comment = joint?.comments[theme.id]?.trim() ?? '';
        const comments = [...(comment !== '' ? [{ participantId: JOINT_COLUMN, name: together, text: comment }] : []), ...aggregate.comments[theme.id]];
        return (
          <section key={theme.id} className={styles.theme}>
            <h3>
              {theme.id}. {theme.title}
            </h3>
            {theme.questions.map((question) => {
              const answer = joint?.questions[question.id];
              const answered = (answer?.selected.length ?? 0) > 0 || (tallies.get(question.id)?.respondents ?? 0) > 0;
              if (compact && !answered) return null;
              const texts = [
                ...(answer?.selected ?? []).filter((id) => (answer?.freeText[id] ?? '').trim() !== '').map((id) => ({ optionId: id, author: { participantId: JOINT_COLUMN, name: together, text: answer?.freeText[id] ?? '' } })),
                ...(tallies.get(question.id)?.options ?? []).flatMap((o) => o.freeTexts.map((f) => ({ optionId: o.optionId, author: f }))),
              ];
              return (
                <div key={question.id}>
                  <h4>
                    {question.number}. {question.text}
                  </h4>
                  <OptionTable question={question} columns={columns} />
                  {texts.length > 0 && (
                    <>
                      <h5>{t('step2FreeTexts')}</h5>
                      <AuthoredList items={texts.map((x) => ({ ...x.author, text: `${question.options.find((o) => o.id === x.optionId)?.text ?? ''} ${x.author.text}` }))} />
                    </>
                  )}
                </div>
              );
            })}
            {comments.length > 0 && (
              <>
                <h4>{t('step2Comments')}</h4>
                <AuthoredList items={comments} />
              </>
            )}
          </section>
        );
      })}
    </>
  );
}

type Tally = ReturnType<typeof aggregateStep2>['questions'][number];
type Question = Instrument['themes'][number]['questions'][number];

/** One column of ticks: a person, or the joint answer ("Samen"). */
interface Column {
  id: string;
  name: string;
  step2: Step2Answers;
}

/** The joint answer's column key; no participant id starts like this (ids are Entra ids or `namens:…`). */
const JOINT_COLUMN = '#samen';

/** Per option of one question: how many chose it (when `tally` is given), and each column's choice. */
function OptionTable({ question, tally, columns }: { question: Question; tally?: Tally | undefined; columns: readonly Column[] }) {
  const t = useT(stageMessages);
  const styles = useStyles();
  const counted = tally !== undefined;
  return (
    <div className={styles.wrapper}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.cell, styles.optionCell)}>{t('step2Option')}</th>
            {counted ? <th scope="col" className={styles.cell}>{t('step2Count')}</th> : null}
            {columns.map((c) => (
              <th key={c.id} scope="col" className={styles.cell}>{c.name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {question.options.map((option) => {
            const chosenBy = columns.filter((c) => c.step2.questions[question.id]?.selected.includes(option.id)).length;
            const count = tally?.options.find((o) => o.optionId === option.id)?.count ?? 0;
            return (
              <Fragment key={option.id}>
              {option.headingBefore ? (
                <tr>
                  <th scope="rowgroup" colSpan={(counted ? 2 : 1) + columns.length} className={mergeClasses(styles.cell, styles.optionCell, styles.optionRowHeader)}>
                    {option.headingBefore}
                  </th>
                </tr>
              ) : null}
              <tr className={(counted ? count : chosenBy) > 0 ? styles.chosenRow : undefined}>
                <th scope="row" className={mergeClasses(styles.cell, styles.optionCell, styles.optionRowHeader)}>{option.text}</th>
                {counted ? <td className={styles.cell}>{count}</td> : null}
                {columns.map((c) =>
                  c.step2.questions[question.id]?.selected.includes(option.id) ? (
                    <td key={c.id} className={styles.cell}>
                      <span aria-hidden="true">✓</span>
                      <span style={visuallyHidden}>{t('step2Chosen')}</span>
                    </td>
                  ) : (
                    <td key={c.id} className={styles.cell}>
                      <span style={visuallyHidden}>{t('step2NotChosen')}</span>
                    </td>
                  ),
                )}
              </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function SeparateAnswers({ instrument, responses, compact }: Pick<Step2OverviewProps, 'instrument' | 'responses' | 'compact'>) {
  const t = useT(stageMessages);
  const styles = useStyles();
  const aggregate = aggregateStep2(instrument.themes, responses);
  const tallies = new Map(aggregate.questions.map((q) => [q.questionId, q]));
  // The names as this page shows them (the display setting and "(namens)" are applied by the caller).
  const nameOf = (id: string) => responses.find((r) => r.participant.id === id)?.participant.name ?? '—';
  return (
    <>
      {instrument.themes.map((theme) => (
        <section key={theme.id} className={styles.theme}>
          <h3>
            {theme.id}. {theme.title}
          </h3>
          {theme.questions.map((question) => {
            const tally = tallies.get(question.id);
            const withText = tally?.options.filter((o) => o.freeTexts.length > 0) ?? [];
            return (
              <div key={question.id}>
                <h4>
                  {question.number}. {question.text}
                </h4>
                <p>{t('step2Respondents', { count: tally?.respondents ?? 0, total: responses.length })}</p>
                <ContradictionNote question={question} contradiction={contradictionOf(question, responses)} nameOf={nameOf} />
                {compact && (tally?.respondents ?? 0) === 0 ? null : <OptionTable question={question} tally={tally ?? { questionId: question.id, respondents: 0, options: [] }} columns={responses.map((r) => ({ id: r.participant.id, name: r.participant.name, step2: r.step2 }))} />}
                {withText.length > 0 && (
                  <>
                    <h5>{t('step2FreeTexts')}</h5>
                    {withText.map((o) => (
                      <div key={o.optionId}>
                        <p>{question.options.find((opt) => opt.id === o.optionId)?.text}</p>
                        <AuthoredList items={o.freeTexts} />
                      </div>
                    ))}
                  </>
                )}
              </div>
            );
          })}
          {aggregate.comments[theme.id].length > 0 && (
            <>
              <h4>{t('step2Comments')}</h4>
              <AuthoredList items={aggregate.comments[theme.id]} />
            </>
          )}
        </section>
      ))}
    </>
  );
}

export function Step2Overview({ instrument, mode, joint = null, responses: given, compact = false }: Step2OverviewProps) {
  const t = useT(stageMessages);
  const tj = useT(jointMessages);
  // Answers someone else entered carry their name marked "(namens)" in every column and quote.
  const marked = useMarkedName();
  const responses = given.map((r) => (r.participant.enteredBy ? { ...r, participant: { ...r.participant, name: marked(r.participant) } } : r));
  const nothing = !responses.some((r) => hasStep2Answers(r.step2)) && (mode !== 'joint' || !hasJointAnswers(joint));
  return (
    <section aria-labelledby="step2-overview-title">
      <h2 id="step2-overview-title">
        {t('step2Title')}
        {mode === 'joint' ? ` — ${tj('jointHeading')}` : ''}
      </h2>
      {compact && nothing ? (
        <p>{t('step2Nothing')}</p>
      ) : mode === 'joint' ? (
        <JointAnswers instrument={instrument} joint={joint} responses={responses} compact={compact} />
      ) : (
        <SeparateAnswers instrument={instrument} responses={responses} compact={compact} />
      )}
      <OnBehalfNote participants={(mode === 'joint' ? given.filter((r) => hasStep2Answers(r.step2)) : given).map((r) => r.participant)} />
    </section>
  );
}
