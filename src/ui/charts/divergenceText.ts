// The domain names why a statement is a conversation point in codes; people read sentences.
import type { Divergence } from '../../domain';
import type { ChartMessageKey, Translate } from './messages';

export function divergenceReasonsText(divergence: Divergence, t: Translate<ChartMessageKey>): string {
  const { summary } = divergence;
  return divergence.reasons
    .map((reason) => {
      switch (reason) {
        case 'spread':
          return t('reasonSpread', { spread: summary.spread ?? 0 });
        case 'weetNietAmongScores':
          return t('reasonWeetNietAmongScores', { count: summary.weetNiet });
        case 'weetNietCluster':
          return t('reasonWeetNietCluster', { count: summary.weetNiet });
      }
    })
    .join(t('reasonsJoin'));
}
