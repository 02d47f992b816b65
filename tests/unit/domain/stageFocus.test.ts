// The facilitator's focus on the stage: which statement or theme everyone's stage shows, what was
// marked "besproken", stap 1's notes per statement and the timer (src/domain/stageFocus.ts).
import {
  adjacentTheme,
  currentFocus,
  extremesOf,
  focusOn,
  leaveStep,
  markDiscussed,
  may,
  mmss,
  rankConversation,
  readTimer,
  SESSION_STATES,
  SessionSchema,
  startTimer,
  stopTimer,
  THEME_IDS,
  LIMITS,
  transition,
  withStatementNote,
  type Session,
} from '../../../src/domain';
import { FOCUS_NOTE_MAX, FOCUS_THEMES } from '../../../src/domain/stageFocusSchema';
import { anna, bram, chris, participant, response, session } from './fixtures';

const revealed = (overrides: Partial<Session> = {}) => session({ state: 'revealed', ...overrides });
const NOW = new Date('2026-11-23T10:00:00.000Z');

describe('the stage focus', () => {
  it('uses the model’s themes and the long-text limit (the schema file cannot import them)', () => {
    expect([...FOCUS_THEMES]).toEqual([...THEME_IDS]);
    expect(FOCUS_NOTE_MAX).toBe(LIMITS.longText);
  });

  it('an older session without a focus shows the overview with nothing discussed', () => {
    expect(currentFocus(revealed())).toEqual({ step: 'step1', theme: null, timer: null, discussed: [], notes: {} });
    expect(currentFocus(session({ state: 'step1' })).step).toBeNull();
  });

  it('focuses a statement, and back to the overview', () => {
    const onC = focusOn(revealed(), 'C');
    expect(currentFocus(revealed({ stageFocus: onC })).theme).toBe('C');
    expect(currentFocus(revealed({ stageFocus: focusOn(revealed({ stageFocus: onC }), null) })).theme).toBeNull();
  });

  it('next and previous walk A–F; from the overview next is A and previous is F; past the ends there is none', () => {
    expect(adjacentTheme(null, 'next')).toBe('A');
    expect(adjacentTheme(null, 'previous')).toBe('F');
    expect(adjacentTheme('B', 'next')).toBe('C');
    expect(adjacentTheme('B', 'previous')).toBe('A');
    expect(adjacentTheme('F', 'next')).toBeNull();
    expect(adjacentTheme('A', 'previous')).toBeNull();
    expect(adjacentTheme('D', 'next', ['D', 'A'])).toBe('A');
  });

  it('resets to the overview when the step changes, keeping marks and notes, and a focus of another step never shows', () => {
    let s = revealed();
    s = { ...s, stageFocus: focusOn(s, 'B') };
    s = { ...s, stageFocus: markDiscussed(s, 'B', true) };
    s = { ...s, stageFocus: withStatementNote(s, 'B', 'Armoede ziet meer schulden') };
    s = { ...s, stageFocus: startTimer(s, 5, NOW) };
    const moved = transition(s, 'p-fac', 'step2');
    if (!moved.ok) throw new Error('refused');
    expect(currentFocus(moved.session)).toEqual({ step: 'step2', theme: null, timer: null, discussed: [], notes: { B: 'Armoede ziet meer schulden' } });
    const back = transition(moved.session, 'p-fac', 'revealed');
    if (!back.ok) throw new Error('refused');
    expect(currentFocus(back.session)).toMatchObject({ theme: null, timer: null, discussed: ['B'] });
    // A focus written for stap 1 by a client that did not reset it still reads as the overview in stap 2.
    expect(currentFocus({ state: 'step2', stageFocus: s.stageFocus }).theme).toBeNull();
    expect(leaveStep(undefined)).toBeUndefined();
  });

  it('marks and unmarks "besproken" per step, each theme once', () => {
    let s = revealed();
    s = { ...s, stageFocus: markDiscussed(s, 'A', true) };
    s = { ...s, stageFocus: markDiscussed(s, 'A', true) };
    s = { ...s, stageFocus: markDiscussed(s, 'D', true) };
    expect(currentFocus(s).discussed).toEqual(['A', 'D']);
    s = { ...s, stageFocus: markDiscussed(s, 'A', false) };
    expect(currentFocus(s).discussed).toEqual(['D']);
    const step2 = { ...s, state: 'step2' as const };
    expect(currentFocus(step2).discussed).toEqual([]);
    expect(markDiscussed(step2, 'F', true).discussed).toEqual({ step1: ['D'], step2: ['F'] });
  });

  it('notes belong to stap 1 and stop at the long-text limit; an emptied note goes', () => {
    const s = revealed();
    expect(withStatementNote(s, 'A', 'x'.repeat(LIMITS.longText)).notes.A).toHaveLength(LIMITS.longText);
    expect(() => withStatementNote(s, 'A', 'x'.repeat(LIMITS.longText + 1))).toThrow(RangeError);
    expect(() => withStatementNote({ ...s, state: 'step2' }, 'A', 'x')).toThrow(RangeError);
    const noted = { ...s, stageFocus: withStatementNote(s, 'A', 'gezegd') };
    expect(withStatementNote(noted, 'A', '  ').notes).toEqual({});
    expect(SessionSchema.safeParse({ ...s, stageFocus: { ...withStatementNote(s, 'A', 'x'), notes: { A: 'x'.repeat(LIMITS.longText + 1) } } }).success).toBe(false);
  });

  it('the timer counts down from the chosen minutes on the injected clock, says when time is up, and stops when the focus moves', () => {
    const s = { ...revealed(), stageFocus: focusOn(revealed(), 'A') };
    const timed = { ...s, stageFocus: startTimer(s, 5, NOW) };
    const timer = currentFocus(timed).timer;
    if (!timer) throw new Error('no timer');
    expect(readTimer(timer, NOW)).toEqual({ secondsLeft: 300, over: false });
    expect(readTimer(timer, new Date(NOW.getTime() + 55_500))).toEqual({ secondsLeft: 245, over: false });
    expect(mmss(245)).toBe('04:05');
    expect(readTimer(timer, new Date(NOW.getTime() + 300_000))).toEqual({ secondsLeft: 0, over: true });
    expect(readTimer(timer, new Date(NOW.getTime() - 60_000)).secondsLeft).toBe(300);
    expect(() => startTimer(s, 0, NOW)).toThrow(RangeError);
    expect(() => startTimer(s, 61, NOW)).toThrow(RangeError);
    expect(() => startTimer(s, 2.5, NOW)).toThrow(RangeError);
    expect(currentFocus({ ...timed, stageFocus: focusOn(timed, 'B') }).timer).toBeNull();
    expect(currentFocus({ ...timed, stageFocus: stopTimer(timed) }).timer).toBeNull();
  });

  it('cannot be set before the reveal (there is no step to focus on)', () => {
    expect(() => focusOn(session({ state: 'step1' }), 'A')).toThrow(RangeError);
  });
});

describe('who may change the focus', () => {
  it('only the facilitator, from the reveal to stap 3; notes only in stap 1', () => {
    const allowed = (part: 'theme' | 'note', id: string) => SESSION_STATES.filter((state) => may({ id }, { kind: 'stageFocus', part }, session({ state })).ok);
    expect(allowed('theme', 'p-fac')).toEqual(['revealed', 'step2', 'step3']);
    expect(allowed('note', 'p-fac')).toEqual(['revealed']);
    expect(allowed('theme', 'p-anna')).toEqual([]);
    expect(may({ id: 'p-anna' }, { kind: 'stageFocus', part: 'discussed' }, revealed())).toEqual({ ok: false, refusal: { code: 'notFacilitator' } });
  });
});

describe('the extremes of a statement', () => {
  const lotte = { ...participant('p-lotte', 'Lotte', '', 'gezondheid') };
  const sanne = { ...participant('p-sanne', 'Sanne', '', 'armoede') };
  const sources = [response(sanne, { A: 5, B: 3 }), response(lotte, { A: 1, B: 3 }), response(anna, { A: 5, B: 'weetNiet' }), response(chris, { A: 3 })];

  it('names who gave the lowest and the highest score, per person', () => {
    expect(extremesOf(sources, 'A', 'perPerson')).toEqual({
      low: { score: 1, labels: [{ kind: 'person', name: 'Lotte', domain: 'gezondheid', organisation: null }] },
      high: {
        score: 5,
        labels: [
          { kind: 'person', name: 'Sanne', domain: 'armoede', organisation: null },
          { kind: 'person', name: 'Anna de Vries', domain: 'armoede', organisation: null },
        ],
      },
    });
  });

  it('anonymously by number within the domain, and per domain each domain once, never a name', () => {
    const anonymous = extremesOf(sources, 'A', 'anonymous');
    expect(anonymous?.high.labels).toEqual([
      { kind: 'numbered', number: 1, domain: 'armoede' },
      { kind: 'numbered', number: 2, domain: 'armoede' },
    ]);
    expect(JSON.stringify(anonymous)).not.toMatch(/Sanne|Lotte|Anna/);
    const perDomain = extremesOf(sources, 'A', 'perDomain');
    expect(perDomain?.high.labels).toEqual([{ kind: 'domain', domain: 'armoede', organisations: [], count: 1 }]);
    expect(perDomain?.low.labels).toEqual([{ kind: 'domain', domain: 'gezondheid', organisations: [], count: 1 }]);
  });

  it('none when everyone agrees, fewer than two gave a number, or only weet niet differs', () => {
    expect(extremesOf(sources, 'B', 'perPerson')).toBeNull();
    expect(extremesOf(sources, 'C', 'perPerson')).toBeNull();
    expect(extremesOf([response(bram, { D: 2 })], 'D', 'perPerson')).toBeNull();
  });
});

describe('the conversation order ranked', () => {
  it('shows the top three conversation points, largest disagreement first, and the rest behind "meer"', () => {
    const sources = [
      response(anna, { A: 1, B: 2, C: 1, D: 3, E: 1, F: 3 }),
      response(bram, { A: 5, B: 4, C: 4, D: 5, E: 3, F: 3 }),
    ];
    const ranked = rankConversation(sources);
    expect(ranked.top.map((d) => d.theme)).toEqual(['A', 'C', 'B']);
    expect(ranked.more.map((d) => d.theme)).toEqual(['D', 'E']);
    expect(rankConversation(sources, 10).more).toEqual([]);
    expect(rankConversation([response(anna, { A: 3 }), response(bram, { A: 3 })]).top).toEqual([]);
  });
});
