import { SESSION_STATES, type SessionState } from '../../../src/domain/model';
import {
  canTransition,
  isEditable,
  nextState,
  scoresVisibleTo,
  setLocked,
  transition,
  type Editable,
} from '../../../src/domain/sessionState';
import { session } from './fixtures';

const FACILITATOR = 'p-fac';
const PARTICIPANT = 'p-anna';

const allowed: [SessionState, SessionState][] = [
  ['setup', 'step1'],
  ['step1', 'revealed'],
  ['revealed', 'step2'],
  ['step2', 'step3'],
  ['step3', 'closed'],
  ['step2', 'revealed'],
  ['step3', 'step2'],
  ['closed', 'step3'],
];
const allPairs = SESSION_STATES.flatMap((from) => SESSION_STATES.map((to) => [from, to] as [SessionState, SessionState]));
const refused = allPairs.filter(([from, to]) => from !== to && !allowed.some(([f, t]) => f === from && t === to));

describe('nextState', () => {
  it('walks setup → step1 → revealed → step2 → step3 → closed and stops', () => {
    expect(SESSION_STATES.map(nextState)).toEqual(['step1', 'revealed', 'step2', 'step3', 'closed', null]);
  });
});

describe('transitions', () => {
  it.each(allowed)('the facilitator may move %s → %s', (from, to) => {
    const result = transition(session({ state: from, locked: true }), FACILITATOR, to);
    expect(result).toEqual({ ok: true, session: session({ state: to, locked: false }) });
    expect(canTransition(session({ state: from }), FACILITATOR, to)).toBe(true);
  });

  it.each(allowed)('a participant may not move %s → %s', (from, to) => {
    expect(transition(session({ state: from }), PARTICIPANT, to)).toEqual({ ok: false, refusal: { code: 'notFacilitator' } });
    expect(canTransition(session({ state: from }), PARTICIPANT, to)).toBe(false);
  });

  it('nobody signed in may not move the session, and is told so', () => {
    expect(transition(session({ state: 'setup' }), null, 'step1')).toEqual({ ok: false, refusal: { code: 'signedOut' } });
  });

  it.each(refused)('even the facilitator may not jump %s → %s', (from, to) => {
    expect(transition(session({ state: from }), FACILITATOR, to)).toEqual({ ok: false, refusal: { code: 'notAllowed', from, to } });
  });

  it('moving to the current state is refused as such', () => {
    expect(transition(session({ state: 'step2' }), FACILITATOR, 'step2')).toEqual({ ok: false, refusal: { code: 'sameState', state: 'step2' } });
  });

  it('does not change the session it was given', () => {
    const before = session({ state: 'step1' });
    transition(before, FACILITATOR, 'revealed');
    expect(before.state).toBe('step1');
  });
});

describe('isEditable', () => {
  const editable = (what: Editable, actor: string | null, overrides: Parameters<typeof session>[0] = {}) =>
    SESSION_STATES.filter((state) => isEditable(session({ state, ...overrides }), what, actor));

  it('scores are editable in step 1 only, and not while locked', () => {
    expect(editable('scores', PARTICIPANT)).toEqual(['step1']);
    expect(editable('scores', FACILITATOR)).toEqual(['step1']);
    expect(editable('scores', PARTICIPANT, { locked: true })).toEqual([]);
  });

  it('step-2 answers are editable in step 2 only, and not while locked', () => {
    expect(editable('step2', PARTICIPANT)).toEqual(['step2']);
    expect(editable('step2', PARTICIPANT, { locked: true })).toEqual([]);
  });

  it('in joint mode only the facilitator fills in step 2', () => {
    expect(editable('step2', PARTICIPANT, { mode: 'joint' })).toEqual([]);
    expect(editable('step2', FACILITATOR, { mode: 'joint' })).toEqual(['step2']);
  });

  it('actions are proposed in step 3; a lock stops participants but not the facilitator', () => {
    expect(editable('actions', PARTICIPANT)).toEqual(['step3']);
    expect(editable('actions', PARTICIPANT, { locked: true })).toEqual([]);
    expect(editable('actions', FACILITATOR, { locked: true })).toEqual(['step3']);
  });

  it('notes are written by the facilitator from the reveal until closing', () => {
    expect(editable('notes', FACILITATOR)).toEqual(['revealed', 'step2', 'step3']);
    expect(editable('notes', PARTICIPANT)).toEqual([]);
  });

  it('the step-3 explanation is the facilitator’s, in step 3', () => {
    expect(editable('explanation', FACILITATOR)).toEqual(['step3']);
    expect(editable('explanation', PARTICIPANT)).toEqual([]);
  });

  it('anyone may fix their own profile until the session is closed', () => {
    expect(editable('profile', PARTICIPANT)).toEqual(['setup', 'step1', 'revealed', 'step2', 'step3']);
  });

  it('settings belong to the facilitator and are settled before step 2', () => {
    expect(editable('settings', FACILITATOR)).toEqual(['setup', 'step1', 'revealed']);
    expect(editable('settings', PARTICIPANT)).toEqual([]);
  });

  it('the stage edits nothing', () => {
    const whats: Editable[] = ['scores', 'step2', 'actions', 'notes', 'explanation', 'profile', 'settings', 'lock'];
    expect(whats.flatMap((what) => editable(what, null))).toEqual([]);
  });
});

describe('setLocked', () => {
  it('the facilitator locks the input of a step', () => {
    expect(setLocked(session({ state: 'step1' }), FACILITATOR, true)).toEqual({ ok: true, session: session({ state: 'step1', locked: true }) });
  });

  it('a participant cannot lock, and nothing is locked outside the steps', () => {
    expect(setLocked(session({ state: 'step1' }), PARTICIPANT, true).ok).toBe(false);
    expect(setLocked(session({ state: 'revealed' }), FACILITATOR, true).ok).toBe(false);
  });
});

describe('scoresVisibleTo', () => {
  it('before the reveal a participant sees only their own scores', () => {
    for (const state of ['setup', 'step1'] as const) {
      expect(scoresVisibleTo(session({ state }), PARTICIPANT, PARTICIPANT)).toBe(true);
      expect(scoresVisibleTo(session({ state }), PARTICIPANT, 'p-bram')).toBe(false);
    }
  });

  it('before the reveal the facilitator does not see other people’s scores either', () => {
    expect(scoresVisibleTo(session({ state: 'step1' }), FACILITATOR, PARTICIPANT)).toBe(false);
  });

  it('before the reveal the stage sees no scores', () => {
    expect(scoresVisibleTo(session({ state: 'step1' }), null, PARTICIPANT)).toBe(false);
  });

  it('from the reveal on everyone, the stage included, sees all scores', () => {
    for (const state of ['revealed', 'step2', 'step3', 'closed'] as const) {
      expect(scoresVisibleTo(session({ state }), null, PARTICIPANT)).toBe(true);
      expect(scoresVisibleTo(session({ state }), 'p-bram', PARTICIPANT)).toBe(true);
    }
  });
});
