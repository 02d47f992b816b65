// Monitoring over time: per statement how the mean and the spread moved between two sessions of
// the same municipality, and what happened to the agenda. Changes carry a sign in text (+0,5 / −1)
// so direction does not depend on colour.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { roundShown, type Instrument, type SessionComparison } from '../../domain';
import { formatChange, formatNumber, SpiderChart } from '../charts';
import { useLocale, useT } from '../i18n';
import { tabMessages } from './messages';

const useStyles = makeStyles({
  wrapper: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', width: '100%' },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalS },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, textAlign: 'center' },
  statement: { textAlign: 'start' },
});

export interface ComparisonTableProps {
  instrument: Pick<Instrument, 'themes'>;
  comparison: SessionComparison;
  earlierLabel: string;
  laterLabel: string;
}

export function ComparisonTable({ instrument, comparison, earlierLabel, laterLabel }: ComparisonTableProps) {
  const t = useT(tabMessages);
  const locale = useLocale();
  const styles = useStyles();
  const value = (n: number | null) => (n === null ? t('notComparable') : formatNumber(roundShown(n), locale));
  const change = (n: number | null) => (n === null ? t('notComparable') : formatChange(n, locale));
  // One chart, before and after overlaid, with the shown (rounded) means: the table below is its text alternative.
  const shownMeans = (side: 'earlier' | 'later') => comparison.statements.map((s) => (s[side].mean === null ? null : roundShown(s[side].mean)));
  return (
    <>
      <SpiderChart
        instrument={instrument}
        participants={[]}
        maxWidth={640}
        overlay={{
          title: t('comparisonChartTitle', { earlier: earlierLabel, later: laterLabel }),
          description: t('comparisonChartDescription'),
          series: [
            { id: 'earlier', name: earlierLabel, values: shownMeans('earlier') },
            { id: 'later', name: laterLabel, values: shownMeans('later') },
          ],
        }}
      />
      <p>{t('roundingNote')}</p>
      <div className={styles.wrapper}>
        <table className={styles.table}>
          <caption className={styles.caption}>{t('comparisonCaption', { earlier: earlierLabel, later: laterLabel })}</caption>
          <thead>
            <tr>
              {(['statement', 'meanEarlier', 'meanLater', 'meanChange', 'spreadEarlier', 'spreadLater', 'spreadChange', 'weetNietChange'] as const).map((key) => (
                <th key={key} scope="col" className={mergeClasses(styles.cell, key === 'statement' ? styles.statement : undefined)}>
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.statements.map((s) => {
              const theme = instrument.themes.find((th) => th.id === s.theme);
              return (
                <tr key={s.theme}>
                  <th scope="row" className={mergeClasses(styles.cell, styles.statement)}>
                    {s.theme}. {theme?.title}
                  </th>
                  <td className={styles.cell}>{value(s.earlier.mean)}</td>
                  <td className={styles.cell}>{value(s.later.mean)}</td>
                  <td className={styles.cell}>{change(s.meanChange)}</td>
                  <td className={styles.cell}>{value(s.earlier.spread)}</td>
                  <td className={styles.cell}>{value(s.later.spread)}</td>
                  <td className={styles.cell}>{change(s.spreadChange)}</td>
                  <td className={styles.cell}>{change(s.weetNietChange)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h4>{t('actionsAdded')}</h4>
      {comparison.added.length === 0 ? <p>{t('none')}</p> : <ul>{comparison.added.map((a) => <li key={a.id}>{`${a.theme}. ${a.title}`}</li>)}</ul>}
      <h4>{t('actionsDone')}</h4>
      {comparison.done.length === 0 ? <p>{t('none')}</p> : <ul>{comparison.done.map((a) => <li key={a.id}>{`${a.theme}. ${a.title}`}</li>)}</ul>}
    </>
  );
}
