// What the group answered in Stap 2. Filled in separately: the count per option and everyone's
// choices side by side; filled in jointly: the one answer the facilitator wrote down. Free texts
// are shown with who wrote them, always as text (React escapes them; never as markup).
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { aggregateStep2, type Instrument, type Mode, type Response } from '../../domain';
import { visuallyHidden } from '../charts';
import { useT } from '../i18n';
import { OnBehalfNote, useMarkedName } from '../common/OnBehalf';
import { stageMessages } from './messages';
import { Fragment } from 'react';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', marginBottom: tokens.spacingVerticalM },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, textAlign: 'center', verticalAlign: 'top' },
  optionCell: { textAlign: 'start' },
  chosenRow: { fontWeight: tokens.fontWeightSemibold },
  // A row header is bold by the browser's own style sheet, which would make every option look
  // chosen; it takes the row's weight so only the chosen options stand out.
  optionRowHeader: { fontWeight: 'inherit' },
  wrapper: { overflowX: 'auto' },
  freeText: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  theme: { marginBottom: tokens.spacingVerticalXXL },
});

export interface Step2OverviewProps {
  instrument: Pick<Instrument, 'themes'>;
  mode: Mode;
  facilitatorId: string;
  responses: readonly Pick<Response, 'participant' | 'step2'>[];
  /**
   * For reading back afterwards (the tab): a question nobody answered shows no table of zeros, and a
   * step 2 nobody filled in is one sentence. The stage shows every table, as answers come in live.
   */
  compact?: boolean;
}

function hasAnswers(step2: Pick<Response, 'step2'>['step2']): boolean {
  return Object.values(step2.questions).some((a) => a.selected.length > 0) || Object.values(step2.comments).some((c) => c !== undefined && c.trim() !== '');
}

function AuthoredList({ items }: { items: readonly { participantId: string; name: string; text: string }[] }) {
  const t = useT(stageMessages);
  const styles = useStyles();
  return (
    <ul>
      {items.map((item, i) => (
        <li key={`${item.participantId}-${i}`} className={styles.freeText}>
          <strong>{t('wroteBy', { name: item.name })}</strong> {item.text}
        </li>
      ))}
    </ul>
  );
}

function JointAnswers({ instrument, response }: { instrument: Step2OverviewProps['instrument']; response: Pick<Response, 'step2'> | undefined }) {
  const t = useT(stageMessages);
  const styles = useStyles();
  return (
    <>
      {instrument.themes.map((theme) => {
        const comment = response?.step2.comments[theme.id];
        return (
          <section key={theme.id} className={styles.theme}>
            <h3>
              {theme.id}. {theme.title}
            </h3>
            {theme.questions.map((question) => {
              const answer = response?.step2.questions[question.id];
              const chosen = question.options.filter((o) => answer?.selected.includes(o.id));
              return (
                <div key={question.id}>
                  <h4>
                    {question.number}. {question.text}
                  </h4>
                  {chosen.length === 0 ? (
                    <p>{t('step2JointNone')}</p>
                  ) : (
                    <ul>
                      {chosen.map((option) => {
                        const text = answer?.freeText[option.id];
                        const subheading = subheadingOf(question, option.id);
                        return (
                          <li key={option.id} className={styles.freeText}>
                            {subheading ? `${subheading} ` : ''}
                            {option.text}
                            {text ? ` ${text}` : ''}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </div>
              );
            })}
            {comment && comment.trim() !== '' && (
              <>
                <h4>{t('step2Comments')}</h4>
                <p className={styles.freeText}>{comment}</p>
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

/**
 * The paper's sub-heading an option stands under (q14: "Wij hebben verder:" before the second group
 * of options; src/content/README.md `headingBefore`), or undefined before the first sub-heading.
 */
function subheadingOf(question: Question, optionId: string): string | undefined {
  let heading: string | undefined;
  for (const option of question.options) {
    if (option.headingBefore) heading = option.headingBefore;
    if (option.id === optionId) return heading;
  }
  return undefined;
}

/** Per option of one question: how many chose it, and each person's choice in a column. */
function OptionTable({ question, tally, responses }: { question: Question; tally: Tally | undefined; responses: Step2OverviewProps['responses'] }) {
  const t = useT(stageMessages);
  const styles = useStyles();
  return (
    <div className={styles.wrapper}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.cell, styles.optionCell)}>{t('step2Option')}</th>
            <th scope="col" className={styles.cell}>{t('step2Count')}</th>
            {responses.map((r) => (
              <th key={r.participant.id} scope="col" className={styles.cell}>{r.participant.name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {question.options.map((option) => {
            const count = tally?.options.find((o) => o.optionId === option.id)?.count ?? 0;
            return (
              <Fragment key={option.id}>
              {option.headingBefore ? (
                <tr>
                  <th scope="rowgroup" colSpan={2 + responses.length} className={mergeClasses(styles.cell, styles.optionCell, styles.optionRowHeader)}>
                    {option.headingBefore}
                  </th>
                </tr>
              ) : null}
              <tr className={count > 0 ? styles.chosenRow : undefined}>
                <th scope="row" className={mergeClasses(styles.cell, styles.optionCell, styles.optionRowHeader)}>{option.text}</th>
                <td className={styles.cell}>{count}</td>
                {responses.map((r) =>
                  r.step2.questions[question.id]?.selected.includes(option.id) ? (
                    <td key={r.participant.id} className={styles.cell}>
                      <span aria-hidden="true">✓</span>
                      <span style={visuallyHidden}>{t('step2Chosen')}</span>
                    </td>
                  ) : (
                    <td key={r.participant.id} className={styles.cell}>
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
                {compact && (tally?.respondents ?? 0) === 0 ? null : <OptionTable question={question} tally={tally} responses={responses} />}
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

export function Step2Overview({ instrument, mode, facilitatorId, responses: given, compact = false }: Step2OverviewProps) {
  const t = useT(stageMessages);
  // Answers someone else entered carry their name marked "(namens)" in every column and quote.
  const marked = useMarkedName();
  const responses = given.map((r) => (r.participant.enteredBy ? { ...r, participant: { ...r.participant, name: marked(r.participant) } } : r));
  const joint = responses.find((r) => r.participant.id === facilitatorId);
  const nothing = mode === 'joint' ? !joint || !hasAnswers(joint.step2) : !responses.some((r) => hasAnswers(r.step2));
  return (
    <section aria-labelledby="step2-overview-title">
      <h2 id="step2-overview-title">
        {t('step2Title')}
        {mode === 'joint' ? ` — ${t('step2JointAnswer')}` : ''}
      </h2>
      {compact && nothing ? (
        <p>{t('step2Nothing')}</p>
      ) : mode === 'joint' ? (
        <JointAnswers instrument={instrument} response={joint} />
      ) : (
        <SeparateAnswers instrument={instrument} responses={responses} compact={compact} />
      )}
      {mode === 'joint' ? null : <OnBehalfNote participants={given.map((r) => r.participant)} />}
    </section>
  );
}
