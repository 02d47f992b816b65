import { may, visibleTo, isRevealed, mayReadScoresOf, type Command } from '../../../src/domain/authorization';
import { SESSION_STATES, type SessionState } from '../../../src/domain/model';
import { session } from './fixtures';

const FACILITATOR = { id: 'p-fac' };
const ANNA = { id: 'p-anna' };
const NOBODY = { id: null };

const facilitatorOnly: Command[] = [
  { kind: 'transition', to: 'revealed' },
  { kind: 'lock', locked: true },
  { kind: 'notes' },
  { kind: 'explanation' },
  { kind: 'followUp' },
  { kind: 'mode', mode: 'joint' },
  { kind: 'display', display: 'anonymous' },
  { kind: 'publish' },
  { kind: 'stageFocus', part: 'theme' },
  { kind: 'stageFocus', part: 'note' },
];

describe('may: the facilitator is in charge', () => {
  it.each(facilitatorOnly)('a participant is refused %j as not the facilitator, in every state', (command) => {
    for (const state of SESSION_STATES) {
      expect(may(ANNA, command, session({ state }))).toEqual({ ok: false, refusal: { code: 'notFacilitator' } });
    }
  });

  it('a participant who wrote their own id nowhere but the session still cannot reveal: only facilitatorId counts', () => {
    expect(may(ANNA, { kind: 'transition', to: 'revealed' }, session({ state: 'step1', facilitatorId: 'p-fac' })).ok).toBe(false);
    expect(may(FACILITATOR, { kind: 'transition', to: 'revealed' }, session({ state: 'step1', facilitatorId: 'p-fac' })).ok).toBe(true);
  });

  it('nobody signed in may do nothing at all', () => {
    for (const command of [...facilitatorOnly, { kind: 'answer', part: 'scores', ownerId: 'p-anna' } as Command]) {
      expect(may(NOBODY, command, session({ state: 'step1' }))).toEqual({ ok: false, refusal: { code: 'signedOut' } });
    }
  });

  it('the facilitator chooses how people are shown in every state, the closed session included (before exporting)', () => {
    const allowedIn = SESSION_STATES.filter((state) => may(FACILITATOR, { kind: 'display', display: 'perDomain' }, session({ state })).ok);
    expect(allowedIn).toEqual([...SESSION_STATES]);
  });

  it('the facilitator publishes in step 3 and after closing, not before', () => {
    const allowedIn = SESSION_STATES.filter((state) => may(FACILITATOR, { kind: 'publish' }, session({ state })).ok);
    expect(allowedIn).toEqual(['step3', 'closed']);
  });

  it('the mode is settled before step 2 starts', () => {
    expect(may(FACILITATOR, { kind: 'mode', mode: 'joint' }, session({ state: 'step2' }))).toEqual({ ok: false, refusal: { code: 'wrongStep', state: 'step2' } });
  });

  it('"Wat opvalt" is written from the reveal until step 3, not after closing', () => {
    const allowedIn = SESSION_STATES.filter((state) => may(FACILITATOR, { kind: 'notes' }, session({ state })).ok);
    expect(allowedIn).toEqual(['revealed', 'step2', 'step3']);
  });
});

describe('may: answers are one person\'s own', () => {
  it('a participant scores their own statements in step 1 while it is open', () => {
    expect(may(ANNA, { kind: 'answer', part: 'scores', ownerId: 'p-anna' }, session({ state: 'step1' }))).toEqual({ ok: true });
  });

  it('changing someone else\'s answers is refused, also for the facilitator unless entering on their behalf', () => {
    expect(may(ANNA, { kind: 'answer', part: 'scores', ownerId: 'p-bram' }, session({ state: 'step1' }))).toEqual({ ok: false, refusal: { code: 'notOwnAnswer' } });
    expect(may(FACILITATOR, { kind: 'answer', part: 'scores', ownerId: 'p-bram' }, session({ state: 'step1' }))).toEqual({ ok: false, refusal: { code: 'notOwnAnswer' } });
    expect(may(FACILITATOR, { kind: 'answer', part: 'scores', ownerId: 'p-bram', onBehalf: true }, session({ state: 'step1' }))).toEqual({ ok: true });
    expect(may(ANNA, { kind: 'answer', part: 'scores', ownerId: 'p-bram', onBehalf: true }, session({ state: 'step1' })).ok).toBe(false);
  });

  it.each<SessionState>(['setup', 'revealed', 'step2', 'step3', 'closed'])('a score given in %s (after the reveal, offline, late) is refused', (state) => {
    expect(may(ANNA, { kind: 'answer', part: 'scores', ownerId: 'p-anna' }, session({ state }))).toEqual({ ok: false, refusal: { code: 'wrongStep', state } });
  });

  it('a locked step takes no answers', () => {
    expect(may(ANNA, { kind: 'answer', part: 'scores', ownerId: 'p-anna' }, session({ state: 'step1', locked: true }))).toEqual({ ok: false, refusal: { code: 'locked' } });
  });

  it('in joint mode only the facilitator holds the pen in step 2', () => {
    expect(may(ANNA, { kind: 'answer', part: 'step2', ownerId: 'p-anna' }, session({ state: 'step2', mode: 'joint' }))).toEqual({ ok: false, refusal: { code: 'jointMode' } });
    expect(may(FACILITATOR, { kind: 'answer', part: 'step2', ownerId: 'p-fac' }, session({ state: 'step2', mode: 'joint' }))).toEqual({ ok: true });
  });
});

describe('may: the agenda', () => {
  const step3 = session({ state: 'step3' });

  it('anyone proposes in step 3; a proposer edits and removes only their own proposals', () => {
    expect(may(ANNA, { kind: 'saveAction', action: null }, step3)).toEqual({ ok: true });
    expect(may(ANNA, { kind: 'saveAction', action: { proposedBy: 'p-anna' } }, step3)).toEqual({ ok: true });
    expect(may(ANNA, { kind: 'saveAction', action: { proposedBy: 'p-bram' } }, step3)).toEqual({ ok: false, refusal: { code: 'notProposer' } });
    expect(may(ANNA, { kind: 'deleteAction', action: { proposedBy: 'p-bram' } }, step3)).toEqual({ ok: false, refusal: { code: 'notProposer' } });
  });

  it('the facilitator curates every proposal, also after locking proposals from the floor', () => {
    const locked = session({ state: 'step3', locked: true });
    expect(may(FACILITATOR, { kind: 'deleteAction', action: { proposedBy: 'p-bram' } }, locked)).toEqual({ ok: true });
    expect(may(ANNA, { kind: 'saveAction', action: null }, locked)).toEqual({ ok: false, refusal: { code: 'locked' } });
  });

  it('outside step 3 the agenda is read-only for everyone', () => {
    expect(may(FACILITATOR, { kind: 'saveAction', action: null }, session({ state: 'step2' }))).toEqual({ ok: false, refusal: { code: 'wrongStep', state: 'step2' } });
  });
});

describe('visibleTo', () => {
  it('before the reveal nobody sees anyone else\'s scores, the facilitator included; from the reveal on everyone does', () => {
    for (const state of SESSION_STATES) {
      const expected = isRevealed(state);
      expect(visibleTo(ANNA, session({ state })).othersScores).toBe(expected);
      expect(visibleTo(FACILITATOR, session({ state })).othersScores).toBe(expected);
      expect(visibleTo(NOBODY, session({ state })).othersScores).toBe(expected);
    }
    expect(SESSION_STATES.filter(isRevealed)).toEqual(['revealed', 'step2', 'step3', 'closed']);
  });

  it('one\'s own scores are always one\'s own to read', () => {
    expect(mayReadScoresOf(ANNA, session({ state: 'step1' }), 'p-anna')).toBe(true);
    expect(mayReadScoresOf(ANNA, session({ state: 'step1' }), 'p-bram')).toBe(false);
    expect(mayReadScoresOf(NOBODY, session({ state: 'step1' }), 'p-bram')).toBe(false);
  });

  it('only the facilitator gets the facilitator\'s controls', () => {
    expect(visibleTo(FACILITATOR, session({ state: 'step1' })).facilitatorControls).toBe(true);
    expect(visibleTo(ANNA, session({ state: 'step1' })).facilitatorControls).toBe(false);
  });
});
