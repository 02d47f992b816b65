import { conversationOrder, conversationPoints, divergenceOf, isWeetNietCluster } from '../../../src/domain/divergence';
import { summariseScores } from '../../../src/domain/scores';
import { anna, response, threeParticipantsOneWeetNiet, twentyParticipants } from './fixtures';

describe('divergenceOf', () => {
  it('makes scores two apart a conversation point', () => {
    const d = divergenceOf(summariseScores([{ A: 2 }, { A: 4 }], 'A'));
    expect(d).toMatchObject({ isConversationPoint: true, reasons: ['spread'] });
  });

  it('does not make scores one apart a conversation point', () => {
    const d = divergenceOf(summariseScores([{ A: 3 }, { A: 4 }, { A: 4 }], 'A'));
    expect(d).toMatchObject({ isConversationPoint: false, reasons: [] });
  });

  it('makes a weet niet among scores a conversation point even when the scores agree', () => {
    const d = divergenceOf(summariseScores([{ B: 3 }, { B: 3 }, { B: 'weetNiet' }], 'B'));
    expect(d.reasons).toEqual(['weetNietAmongScores']);
  });

  it('calls out a cluster when at least two and at least half said weet niet', () => {
    const d = divergenceOf(summariseScores([{ E: 3 }, { E: 'weetNiet' }, { E: 'weetNiet' }], 'E'));
    expect(d.reasons).toEqual(['weetNietAmongScores', 'weetNietCluster']);
  });

  it('does not call two weet niet out of twenty a cluster', () => {
    expect(isWeetNietCluster(summariseScores(twentyParticipants, 'C'))).toBe(false);
    expect(divergenceOf(summariseScores(twentyParticipants, 'C')).reasons).toEqual(['weetNietAmongScores']);
  });

  it('does not call a single participant saying weet niet a cluster', () => {
    expect(divergenceOf(summariseScores([response(anna, { A: 'weetNiet' })], 'A'))).toMatchObject({ reasons: [], isConversationPoint: false });
  });

  it('makes a statement everyone answered with weet niet a conversation point', () => {
    const d = divergenceOf(summariseScores([{ F: 'weetNiet' }, { F: 'weetNiet' }, { F: 'weetNiet' }], 'F'));
    expect(d).toMatchObject({ isConversationPoint: true, reasons: ['weetNietCluster'] });
  });

  it('does not make an unanswered statement a conversation point', () => {
    expect(divergenceOf(summariseScores([{}, {}], 'D')).isConversationPoint).toBe(false);
  });
});

describe('conversationOrder', () => {
  it('puts the largest disagreement first, then more weet niet, then theme order', () => {
    const responses = [
      { A: 1, B: 3, C: 2, D: 3, E: 3, F: 4 },
      { A: 3, B: 3, C: 5, D: 'weetNiet', E: 'weetNiet', F: 4 },
      { A: 3, B: 3, C: 2, D: 'weetNiet', E: 3, F: 4 },
    ] as const;
    const order = conversationOrder(responses);
    expect(order.map((d) => d.theme)).toEqual(['C', 'A', 'D', 'E', 'B', 'F']);
    expect(order.map((d) => d.isConversationPoint)).toEqual([true, true, true, true, false, false]);
  });

  it('lists only statements worth discussing as conversation points', () => {
    expect(conversationPoints(threeParticipantsOneWeetNiet).map((d) => d.theme)).toEqual(['A', 'E']);
  });

  it('orders given summaries without recomputing them', () => {
    const summaries = [summariseScores([{ B: 1 }, { B: 5 }], 'B'), summariseScores([{ A: 1 }, { A: 3 }], 'A')];
    expect(conversationOrder(summaries).map((d) => [d.theme, d.summary.spread])).toEqual([['B', 4], ['A', 2]]);
  });
});
