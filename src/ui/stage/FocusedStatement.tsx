// Stap 1 on the stage, one statement at a time (issue 14): the statement the facilitator put on the
// stage, its scores by person and by domain as the display setting allows (src/domain/display.ts: no
// names when anonymous), who is furthest apart ("Lotte 1 ↔ Sanne 5"), a note of what was said
// (autosaved like "Wat opvalt"), the "besproken" mark and the optional timer. Everyone's stage shows
// the same, read from the session item; only the facilitator's own client can change it.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { displaySeries, domainMeans, extremesOf, summariseScores, WEET_NIET, type CurrentFocus, type DisplayMode, type ExtremeSide, type Instrument, type Response, type Session, type ThemeId } from '../../domain';
import { displayLabelText, formatNumber } from '../charts';
import { useLocale, useT } from '../i18n';
import { DiscussedMark, StageTimerPanel } from './FocusTools';
import { focusMessages } from './focusMessages';
import { TextNote } from './TextNote';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  statement: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, margin: 0 },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(24rem, 1fr))', gap: tokens.spacingHorizontalXXL, alignItems: 'start' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: 'inherit' },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalS },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, textAlign: 'start' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  extremes: { fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

export interface FocusedStatementProps {
  instrument: Pick<Instrument, 'themes'>;
  session: Pick<Session, 'display'>;
  /** Everyone whose scores the stage may show, in join order. */
  responses: readonly Pick<Response, 'participant' | 'scores'>[];
  theme: ThemeId;
  focus: CurrentFocus;
  now: () => Date;
  /** The facilitator's own client only: the note, the mark and the timer can be changed. */
  onNote?: (text: string) => Promise<boolean>;
  onDiscussed?: (discussed: boolean) => unknown;
  onStartTimer?: (minutes: number) => unknown;
  onStopTimer?: () => unknown;
}

export function FocusedStatement({ instrument, session, responses, theme, focus, now, onNote, onDiscussed, onStartTimer, onStopTimer }: FocusedStatementProps) {
  const t = useT(focusMessages);
  const locale = useLocale();
  const styles = useStyles();
  const headingId = useId();
  const mode: DisplayMode = session.display ?? 'perPerson';
  const statement = instrument.themes.find((th) => th.id === theme);
  const people = mode === 'perDomain' ? [] : displaySeries(responses, mode).filter((s) => s.kind === 'person');
  const perDomain = domainMeans(responses);
  const group = summariseScores(responses, theme);
  const extremes = extremesOf(responses, theme, mode);
  const sideText = (side: ExtremeSide) => t('extremeSide', { labels: side.labels.map((l) => displayLabelText(l, locale)).join(t('and')), score: side.score });
  const scoreText = (score: Response['scores'][ThemeId]) => (score === undefined ? t('noAnswer') : score === WEET_NIET ? t('weetNiet') : String(score));
  const meanText = (mean: number | null) => (mean === null ? '—' : formatNumber(mean, locale));

  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <h2 id={headingId}>
        {t('statementOf', { theme, total: instrument.themes.length })}: {statement?.title ?? theme}
      </h2>
      {statement ? <p className={styles.statement}>{statement.statement}</p> : null}
      <DiscussedMark discussed={focus.discussed.includes(theme)} onChange={onDiscussed} />
      <h3>{t('extremesTitle')}</h3>
      <p className={styles.extremes}>{extremes ? t('extremes', { low: sideText(extremes.low), high: sideText(extremes.high) }) : t('noExtremes')}</p>
      <div className={styles.columns}>
        {people.length > 0 ? (
          <table className={styles.table}>
            <caption className={styles.caption}>{t('byPersonCaption', { theme })}</caption>
            <thead>
              <tr>
                <th scope="col" className={styles.cell}>
                  {t('who')}
                </th>
                <th scope="col" className={`${styles.cell} ${styles.number}`}>
                  {t('score')}
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.key}>
                  <th scope="row" className={styles.cell}>
                    {displayLabelText(p.label, locale)}
                  </th>
                  <td className={`${styles.cell} ${styles.number}`}>{scoreText(p.scores?.[theme])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <table className={styles.table}>
          <caption className={styles.caption}>{t('byDomainCaption', { theme })}</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.cell}>
                {t('domain')}
              </th>
              <th scope="col" className={`${styles.cell} ${styles.number}`}>
                {t('mean')}
              </th>
              <th scope="col" className={`${styles.cell} ${styles.number}`}>
                {t('people')}
              </th>
            </tr>
          </thead>
          <tbody>
            {perDomain.map((d) => (
              <tr key={d.domain}>
                <th scope="row" className={styles.cell}>
                  {/* Anonymous: a partner's organisation would name the person (as in ScoresSection). */}
                  {displayLabelText({ kind: 'domain', domain: d.domain, organisations: mode === 'anonymous' ? [] : d.organisations, count: d.count }, locale)}
                </th>
                <td className={`${styles.cell} ${styles.number}`}>{meanText(d.means[theme])}</td>
                <td className={`${styles.cell} ${styles.number}`}>{d.count}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" className={styles.cell}>
                {t('groupMean')}
              </th>
              <td className={`${styles.cell} ${styles.number}`}>{meanText(group.mean)}</td>
              <td className={`${styles.cell} ${styles.number}`}>{responses.length}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {/* One field per statement: moving to another remounts it, after it saved what was typed (useAutosave). */}
      <TextNote key={theme} label={t('noteLabel', { theme })} text={focus.notes[theme] ?? ''} emptyText={t('noteEmpty')} editable={onNote !== undefined} onSave={onNote} />
      <StageTimerPanel timer={focus.timer} now={now} onStart={onStartTimer} onStop={onStopTimer} />
    </section>
  );
}
