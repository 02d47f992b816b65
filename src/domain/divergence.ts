// Where the group should talk: the tool asks participants to look "where you agree and where you
// diverge". Reasons are returned as codes so the UI words them in the reader's language.
import { THEME_IDS, type ThemeId } from './model';
import { summariseAllScores, type ScoreSource, type ScoreSummary } from './scores';

/** Scores this far apart (e.g. 2 and 4) mean participants see the municipality differently. */
export const CONVERSATION_SPREAD = 2;
/**
 * A weet-niet cluster is at least this many people AND at least half of everyone who responded.
 * Why both: one person not knowing is already flagged as `weetNietAmongScores`; a cluster means the
 * group as a whole lacks the knowledge (a different conversation: who does know?). The "half" keeps
 * two out of twenty from being called a cluster; the "two" keeps a lone participant in a one- or
 * two-person session from being one.
 */
export const WEET_NIET_CLUSTER_MIN = 2;
export const WEET_NIET_CLUSTER_SHARE = 0.5;

export type DivergenceReason =
  /** spread ≥ CONVERSATION_SPREAD */
  | 'spread'
  /** some said weet niet while others gave a score */
  | 'weetNietAmongScores'
  /** many said weet niet (see WEET_NIET_CLUSTER_*) */
  | 'weetNietCluster';

export interface Divergence {
  theme: ThemeId;
  summary: ScoreSummary;
  reasons: DivergenceReason[];
  isConversationPoint: boolean;
}

export function isWeetNietCluster(summary: ScoreSummary): boolean {
  const responded = summary.answered + summary.weetNiet;
  return (
    summary.weetNiet >= WEET_NIET_CLUSTER_MIN && responded > 0 && summary.weetNiet / responded >= WEET_NIET_CLUSTER_SHARE
  );
}

export function divergenceOf(summary: ScoreSummary): Divergence {
  const reasons: DivergenceReason[] = [];
  if (summary.spread !== null && summary.spread >= CONVERSATION_SPREAD) reasons.push('spread');
  if (summary.weetNiet > 0 && summary.answered > 0) reasons.push('weetNietAmongScores');
  // A statement everyone answered with weet niet has no disagreement but is still worth the
  // conversation: nobody at the table knows, which is the finding.
  if (isWeetNietCluster(summary)) reasons.push('weetNietCluster');
  return { theme: summary.theme, summary, reasons, isConversationPoint: reasons.length > 0 };
}

function themeRank(theme: ThemeId): number {
  return THEME_IDS.indexOf(theme);
}

/**
 * Every statement, conversation points first; among them the largest disagreement first
 * (spread desc, then weet-niet count desc), ties in theme order A–F.
 */
export function conversationOrder(input: readonly ScoreSummary[] | readonly ScoreSource[]): Divergence[] {
  const summaries = isSummaryList(input) ? input : summariseAllScores(input);
  return summaries
    .map(divergenceOf)
    .sort(
      (a, b) =>
        Number(b.isConversationPoint) - Number(a.isConversationPoint) ||
        (b.summary.spread ?? -1) - (a.summary.spread ?? -1) ||
        b.summary.weetNiet - a.summary.weetNiet ||
        themeRank(a.theme) - themeRank(b.theme),
    );
}

export function conversationPoints(input: readonly ScoreSummary[] | readonly ScoreSource[]): Divergence[] {
  return conversationOrder(input).filter((d) => d.isConversationPoint);
}

function isSummaryList(input: readonly ScoreSummary[] | readonly ScoreSource[]): input is readonly ScoreSummary[] {
  const first = input[0];
  return first !== undefined && 'spread' in first && 'answered' in first;
}

/** How many conversation points the stage shows before "Meer tonen": the top few the group can discuss in one meeting. */
export const CONVERSATION_TOP = 3;

export interface ConversationRanking {
  /** The first `top` conversation points, in conversationOrder's ranking (largest disagreement first). */
  top: Divergence[];
  /** The other conversation points, same order, behind "Meer tonen". */
  more: Divergence[];
}

/**
 * The conversation points ranked, cut after the top few: with "2 apart" as the threshold most
 * statements can qualify, and a list of five says less about where to start than a top three.
 */
export function rankConversation(input: readonly ScoreSummary[] | readonly ScoreSource[], top: number = CONVERSATION_TOP): ConversationRanking {
  return topConversationPoints(conversationOrder(input), top);
}

/** The same cut of an order already made (conversationOrder's result). */
export function topConversationPoints(order: readonly Divergence[], top: number = CONVERSATION_TOP): ConversationRanking {
  const points = order.filter((d) => d.isConversationPoint);
  const cut = Math.max(0, Math.floor(top));
  return { top: points.slice(0, cut), more: points.slice(cut) };
}
