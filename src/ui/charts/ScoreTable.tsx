// The table alternative to the spider chart, and the place to read exact numbers. A conversation
// point is marked with words and a symbol as well as a background, so it survives greyscale,
// high contrast and a screen reader.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { divergenceOf, summariseAllScores, THEME_IDS, WEET_NIET, type Instrument, type ThemeId } from '../../domain';
import { useLocale, useT } from '../i18n';
import { divergenceReasonsText } from './divergenceText';
import { chartMessages } from './messages';
import { formatNumber } from './numberFormat';
import type { ChartParticipant } from './SpiderChart';
import { visuallyHidden } from './visuallyHidden';

const useStyles = makeStyles({
  wrapper: { overflowX: 'auto', maxWidth: '100%', marginTop: tokens.spacingVerticalL },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: 'inherit' },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalS },
  cell: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    textAlign: 'center',
    verticalAlign: 'top',
  },
  // 12em keeps the statement readable and lets the six number columns fit a 1000 px stage without scrolling.
  statement: { textAlign: 'start', minWidth: '12em' },
  divergent: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    outline: `2px solid ${tokens.colorPaletteYellowBorderActive}`,
    outlineOffset: '-2px',
  },
  marker: { display: 'block', fontWeight: tokens.fontWeightBold, marginTop: tokens.spacingVerticalXS },
  weetNiet: { fontStyle: 'italic' },
});

export interface ScoreTableProps {
  instrument: Pick<Instrument, 'themes' | 'step1'>;
  participants: readonly ChartParticipant[];
  /** The person columns, labelled by the display setting; none when shown per domain. Default: everyone. */
  columns?: readonly ChartParticipant[];
  /** A mean per domain, next to the group mean (src/domain/display.ts domainMeans). */
  domainMeans?: readonly { id: string; name: string; means: Record<ThemeId, number | null> }[];
}

export function ScoreTable({ instrument, participants, columns = participants, domainMeans = [] }: ScoreTableProps) {
  const t = useT(chartMessages);
  const locale = useLocale();
  const styles = useStyles();
  const summaries = summariseAllScores(participants);
  const number = (value: number | null) => (value === null ? t('notApplicable') : formatNumber(value, locale));
  const captionId = useId();

  return (
    // A wide table scrolls sideways inside this box; focusable and named so keyboard users can scroll
    // it too (WCAG 2.1.1, axe scrollable-region-focusable).
    <div className={styles.wrapper} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table}>
        <caption id={captionId} className={styles.caption}>
          {t('tableCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.cell, styles.statement)}>
              {t('statement')}
            </th>
            {columns.map((p) => (
              <th key={p.id} scope="col" className={styles.cell}>
                {p.name}
              </th>
            ))}
            <th scope="col" className={styles.cell}>{t('mean')}</th>
            {domainMeans.map((d) => (
              <th key={d.id} scope="col" className={styles.cell}>
                {t('domainMeanColumn', { domain: d.name })}
              </th>
            ))}
            <th scope="col" className={styles.cell}>{t('median')}</th>
            <th scope="col" className={styles.cell}>{t('spread')}</th>
            <th scope="col" className={styles.cell}>{t('weetNietCount')}</th>
          </tr>
        </thead>
        <tbody>
          {THEME_IDS.map((themeId, index) => {
            const summary = summaries[index];
            const theme = instrument.themes.find((th) => th.id === themeId);
            if (!summary || !theme) return null;
            const divergence = divergenceOf(summary);
            return (
              <tr key={themeId} className={divergence.isConversationPoint ? styles.divergent : undefined} data-conversation-point={divergence.isConversationPoint}>
                <th scope="row" className={mergeClasses(styles.cell, styles.statement)}>
                  <strong>{theme.id}.</strong> {theme.statement}
                  {divergence.isConversationPoint && (
                    <span className={styles.marker}>
                      <span aria-hidden="true">▲ </span>
                      {t('conversationPoint')}: {divergenceReasonsText(divergence, t)}
                    </span>
                  )}
                </th>
                {columns.map((p) => {
                  const score = p.scores[themeId];
                  return (
                    <td key={p.id} className={styles.cell}>
                      {score === undefined ? (
                        <>
                          <span aria-hidden="true">–</span>
                          <span style={visuallyHidden}>{t('noAnswer')}</span>
                        </>
                      ) : score === WEET_NIET ? (
                        <span className={styles.weetNiet}>{instrument.step1.weetNiet.label}</span>
                      ) : (
                        score
                      )}
                    </td>
                  );
                })}
                <td className={styles.cell}>{number(summary.mean)}</td>
                {domainMeans.map((d) => (
                  <td key={d.id} className={styles.cell}>
                    {number(d.means[themeId])}
                  </td>
                ))}
                <td className={styles.cell}>{number(summary.median)}</td>
                <td className={styles.cell}>{number(summary.spread)}</td>
                <td className={styles.cell}>{summary.weetNiet}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
