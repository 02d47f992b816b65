import { summariseAllScores, summariseScores } from '../../../src/domain/scores';
import { anna, participant, response, threeParticipantsOneWeetNiet, twentyParticipants } from './fixtures';

describe('summariseScores', () => {
  it('a weet-niet answer never counts in the mean, median, min or max', () => {
    const summary = summariseScores(threeParticipantsOneWeetNiet, 'A');
    expect(summary).toEqual({ theme: 'A', answered: 2, mean: 3, median: 3, min: 2, max: 4, spread: 2, weetNiet: 1, unanswered: 0 });
  });

  it('counts a participant who left the statement open as unanswered, not as weet niet', () => {
    const summary = summariseScores(threeParticipantsOneWeetNiet, 'D');
    expect(summary).toMatchObject({ answered: 1, weetNiet: 0, unanswered: 2, mean: 1, spread: 0 });
  });

  it('gives no numbers when everyone said weet niet', () => {
    const all = [response(anna, { F: 'weetNiet' }), response(participant('p-2'), { F: 'weetNiet' })];
    expect(summariseScores(all, 'F')).toEqual({
      theme: 'F', answered: 0, mean: null, median: null, min: null, max: null, spread: null, weetNiet: 2, unanswered: 0,
    });
  });

  it('gives no numbers and counts everyone unanswered when nobody scored', () => {
    expect(summariseScores(threeParticipantsOneWeetNiet, 'F')).toMatchObject({ answered: 0, mean: null, median: null, unanswered: 3 });
  });

  it('gives no numbers for an empty session', () => {
    expect(summariseScores([], 'A')).toMatchObject({ answered: 0, mean: null, spread: null, weetNiet: 0, unanswered: 0 });
  });

  it('with one participant, mean and median are their score and spread is zero', () => {
    expect(summariseScores([response(anna, { B: 5 })], 'B')).toMatchObject({ answered: 1, mean: 5, median: 5, min: 5, max: 5, spread: 0 });
  });

  it('takes the median of an even count as the average of the two middle scores', () => {
    const scores = [{ C: 1 }, { C: 2 }, { C: 4 }, { C: 5 }] as const;
    expect(summariseScores(scores, 'C')).toMatchObject({ median: 3, mean: 3, spread: 4 });
  });

  it('accepts bare score records as well as responses', () => {
    expect(summariseScores([{ A: 2 }, { A: 'weetNiet' }, {}], 'A')).toMatchObject({ answered: 1, weetNiet: 1, unanswered: 1 });
  });

  it('summarises twenty participants', () => {
    const a = summariseScores(twentyParticipants, 'A');
    expect(a).toMatchObject({ answered: 20, mean: 3, median: 3, min: 1, max: 5, spread: 4 });
    const c = summariseScores(twentyParticipants, 'C');
    expect(c).toMatchObject({ answered: 18, weetNiet: 2, mean: 4, spread: 0 });
  });

  it('summarises all six statements in theme order', () => {
    expect(summariseAllScores(threeParticipantsOneWeetNiet).map((s) => s.theme)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });
});
