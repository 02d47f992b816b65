// The order of the conversation: the statements where the group differs most come first, and a
// statement where many do not know is called out as its own kind of finding.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Divergence, Instrument } from '../../domain';
import { chartMessages, divergenceReasonsText } from '../charts';
import { useT } from '../i18n';
import { stageMessages } from './messages';

const useStyles = makeStyles({
  list: { paddingLeft: '1.5em', margin: 0 },
  item: { marginBottom: tokens.spacingVerticalM },
  callout: { display: 'block', fontStyle: 'italic', marginTop: tokens.spacingVerticalXS },
});

export function ConversationOrder({ instrument, divergences }: { instrument: Pick<Instrument, 'themes'>; divergences: readonly Divergence[] }) {
  const t = useT(stageMessages);
  const tc = useT(chartMessages);
  const styles = useStyles();
  const points = divergences.filter((d) => d.isConversationPoint);
  return (
    <section aria-labelledby="conversation-order-title">
      <h2 id="conversation-order-title">{t('conversationTitle')}</h2>
      {points.length === 0 ? (
        <p>{t('conversationNone')}</p>
      ) : (
        <ol className={styles.list}>
          {points.map((d) => {
            const theme = instrument.themes.find((th) => th.id === d.theme);
            return (
              <li key={d.theme} className={styles.item}>
                <strong>
                  {d.theme}. {theme?.title}
                </strong>
                {' — '}
                {divergenceReasonsText(d, tc)}
                {d.reasons.includes('weetNietCluster') && <span className={styles.callout}>{t('clusterCallout')}</span>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
