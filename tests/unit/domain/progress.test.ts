import { stepProgress } from '../../../src/domain/progress';
import { anna, bram, chris, response, threeParticipantsOneWeetNiet } from './fixtures';

describe('stepProgress', () => {
  it('counts everyone with a response as joined and those who said so as done', () => {
    const responses = [
      response(anna, { A: 2 }, { done: { step1: '2026-11-23T10:05:00Z' } }),
      response(bram, {}),
      response(chris, { A: 'weetNiet', B: 3 }, { done: { step2: '2026-11-23T10:30:00Z' } }),
    ];
    const progress = stepProgress(responses, 'step1');
    expect(progress).toMatchObject({ step: 'step1', joined: 3, done: 1 });
    expect(progress.participants).toEqual([
      { participantId: 'p-anna', name: 'Anna de Vries', answered: 1, done: true, doneAt: '2026-11-23T10:05:00Z' },
      { participantId: 'p-bram', name: 'Bram Jansen', answered: 0, done: false, doneAt: null },
      { participantId: 'p-chris', name: 'Chris Bakker', answered: 2, done: false, doneAt: null },
    ]);
  });

  it('counts a weet-niet answer as answered without saying what it was', () => {
    const progress = stepProgress(threeParticipantsOneWeetNiet, 'step1');
    expect(progress.participants.map((p) => p.answered)).toEqual([4, 4, 4]);
    expect(JSON.stringify(progress)).not.toMatch(/weetNiet/);
  });

  it('counts step-2 questions with at least one chosen option', () => {
    const answered = response(anna, {}, {
      step2: { questions: { q1: { selected: ['q1.a'], freeText: {} }, q2: { selected: [], freeText: {} } }, comments: {} },
    });
    expect(stepProgress([answered], 'step2').participants[0]?.answered).toBe(1);
  });

  it('reports nobody joined for an empty session', () => {
    expect(stepProgress([], 'step3')).toEqual({ step: 'step3', joined: 0, done: 0, participants: [] });
  });
});
