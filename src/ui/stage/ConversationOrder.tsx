// The order of the conversation: the statements where the group differs most come first, and a
// statement where many do not know is called out as its own kind of finding. Only the top few are
// shown (src/domain/divergence.ts topConversationPoints), the rest behind "Meer tonen"; in the
// facilitator's own client each entry puts that statement on everyone's stage, and statements the
// group has discussed are marked.
import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { topConversationPoints, type Divergence, type Instrument, type ThemeId } from '../../domain';
import { chartMessages, divergenceReasonsText } from '../charts';
import { useT } from '../i18n';
import { focusMessages } from './focusMessages';
import { stageMessages } from './messages';

const useStyles = makeStyles({
  list: { paddingLeft: '1.5em', margin: 0 },
  item: { marginBottom: tokens.spacingVerticalM },
  callout: { display: 'block', fontStyle: 'italic', marginTop: tokens.spacingVerticalXS },
  open: { display: 'block', fontSize: 'inherit', fontWeight: tokens.fontWeightSemibold, textAlign: 'start' },
  mark: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
});

export interface ConversationOrderProps {
  instrument: Pick<Instrument, 'themes'>;
  /** conversationOrder's result: conversation points first, largest disagreement first. */
  divergences: readonly Divergence[];
  /** Statements marked "besproken" in stap 1. */
  discussed?: readonly ThemeId[];
  /** The facilitator's own client: put the statement on the stage. */
  onOpen?: (theme: ThemeId) => unknown;
}

export function ConversationOrder({ instrument, divergences, discussed = [], onOpen }: ConversationOrderProps) {
  const t = useT(stageMessages);
  const tf = useT(focusMessages);
  const tc = useT(chartMessages);
  const styles = useStyles();
  const moreId = useId();
  const [showMore, setShowMore] = useState(false);
  const { top, more } = topConversationPoints(divergences);
  const entry = (d: Divergence) => {
    const theme = instrument.themes.find((th) => th.id === d.theme);
    const title = `${d.theme}. ${theme?.title ?? ''}`;
    return (
      <li key={d.theme} className={styles.item}>
        {onOpen ? (
          // A link-styled button (it acts on this page: puts the statement on the stage). A block, so the list's number
          // stands at its first line (a button is laid out as an inline block, whose baseline is its last line).
          <Link as="button" className={styles.open} onClick={() => void onOpen(d.theme)}>
            {title}
          </Link>
        ) : (
          <strong>{title}</strong>
        )}
        {' — '}
        {divergenceReasonsText(d, tc)}
        {discussed.includes(d.theme) ? <span className={styles.mark}> · {tf('discussedMark')}</span> : null}
        {d.reasons.includes('weetNietCluster') && <span className={styles.callout}>{t('clusterCallout')}</span>}
      </li>
    );
  };
  return (
    <section aria-labelledby="conversation-order-title">
      <h2 id="conversation-order-title">{t('conversationTitle')}</h2>
      {top.length === 0 ? (
        <p>{t('conversationNone')}</p>
      ) : (
        <>
          <ol className={styles.list}>{top.map(entry)}</ol>
          {more.length > 0 ? (
            <>
              {showMore ? (
                <ol id={moreId} className={styles.list} start={top.length + 1}>
                  {more.map(entry)}
                </ol>
              ) : null}
              <Button appearance="secondary" aria-expanded={showMore} aria-controls={showMore ? moreId : undefined} onClick={() => setShowMore((v) => !v)}>
                {showMore ? tf('moreHide') : tf('moreShow', { count: more.length })}
              </Button>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
