import { mergeResponses } from '../../../src/domain/responseMerge';
import { anna, response } from './fixtures';

const at = (iso: string) => ({ updatedAt: iso });
const base = response(anna, { A: 2 }, at('2026-11-23T10:00:00.000Z'));

describe('mergeResponses: one person, two devices', () => {
  it('keeps different answers from both devices', () => {
    const laptop = response(anna, { A: 2, B: 4 }, at('2026-11-23T10:01:00.000Z'));
    const phone = response(anna, { A: 2, C: 'weetNiet' }, at('2026-11-23T10:02:00.000Z'));
    expect(mergeResponses(base, laptop, phone).scores).toEqual({ A: 2, B: 4, C: 'weetNiet' });
  });

  it('the newer edit of the same answer wins, whichever side it is on', () => {
    const older = response(anna, { A: 3 }, at('2026-11-23T10:01:00.000Z'));
    const newer = response(anna, { A: 5 }, at('2026-11-23T10:02:00.000Z'));
    expect(mergeResponses(base, older, newer).scores.A).toBe(5);
    expect(mergeResponses(base, newer, older).scores.A).toBe(5);
  });

  it('an answer cleared on one device and untouched on the other stays cleared', () => {
    const cleared = response(anna, {}, at('2026-11-23T10:01:00.000Z'));
    const untouched = response(anna, { A: 2, D: 1 }, at('2026-11-23T10:02:00.000Z'));
    expect(mergeResponses(base, cleared, untouched).scores).toEqual({ D: 1 });
  });

  it('merges step 2 per question and per theme comment, and done marks per step', () => {
    const laptop = response(anna, { A: 2 }, {
      ...at('2026-11-23T10:01:00.000Z'),
      step2: { questions: { q1: { selected: ['q1.a'], freeText: {} } }, comments: { A: 'van de laptop' } },
      done: { step1: '2026-11-23T10:01:00.000Z' },
    });
    const phone = response(anna, { A: 2 }, {
      ...at('2026-11-23T10:02:00.000Z'),
      step2: { questions: { q2: { selected: ['q2.b'], freeText: {} } }, comments: { B: 'van de telefoon' } },
    });
    const merged = mergeResponses(base, laptop, phone);
    expect(merged.step2.questions).toEqual({ q1: { selected: ['q1.a'], freeText: {} }, q2: { selected: ['q2.b'], freeText: {} } });
    expect(merged.step2.comments).toEqual({ A: 'van de laptop', B: 'van de telefoon' });
    expect(merged.done).toEqual({ step1: '2026-11-23T10:01:00.000Z' });
    expect(merged.updatedAt).toBe('2026-11-23T10:02:00.000Z');
  });

  it('does not change the copies it was given', () => {
    const laptop = response(anna, { A: 2, B: 4 }, at('2026-11-23T10:01:00.000Z'));
    const phone = response(anna, { C: 1 }, at('2026-11-23T10:02:00.000Z'));
    const before = JSON.stringify([base, laptop, phone]);
    mergeResponses(base, laptop, phone);
    expect(JSON.stringify([base, laptop, phone])).toBe(before);
  });
});
