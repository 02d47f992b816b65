import { compareSessions, MunicipalityMismatchError, orderSessionsOverTime, plannerTaskStatus, roundShown, type SessionSnapshot } from '../../../src/domain/comparison';
import { action, session } from './fixtures';

const snapshot = (overrides: Partial<SessionSnapshot> & { municipality?: string; key?: string; date?: string } = {}): SessionSnapshot => ({
  session: session({
    key: overrides.key ?? '20251120-aaaaaaaa',
    municipality: overrides.municipality ?? 'Zwolle',
    date: overrides.date ?? '2025-11-20T09:00:00Z',
  }),
  responses: overrides.responses ?? [],
  actions: overrides.actions ?? [],
});

describe('compareSessions', () => {
  const earlier = snapshot({
    responses: [{ scores: { A: 2, B: 3, C: 'weetNiet' } }, { scores: { A: 4, B: 'weetNiet', C: 'weetNiet' } }],
    actions: [action({ id: 'e1', theme: 'A', title: 'Visie opstellen' }), action({ id: 'e2', theme: 'B', title: 'Data delen' })],
  });
  const later = snapshot({
    key: '20261123-bbbbbbbb',
    municipality: ' zwolle ',
    date: '2026-11-23T09:00:00Z',
    responses: [{ scores: { A: 4, B: 3, C: 3, D: 2 } }, { scores: { A: 4, B: 4, C: 'weetNiet' } }, { scores: { A: 5 } }],
    actions: [
      action({ id: 'l1', theme: 'A', title: '  visie   opstellen ', status: 'done' }),
      action({ id: 'l2', theme: 'C', title: 'Visie opstellen' }),
      action({ id: 'l3', theme: 'B', title: 'Wijkteams trainen', status: 'done' }),
    ],
  });

  it('gives the change in mean and spread per statement', () => {
    const a = compareSessions(earlier, later).statements.find((s) => s.theme === 'A');
    // 4,3 (13/3 shown with one decimal) − 3: the change of the shown figures.
    expect(a?.meanChange).toBe(1.3);
    expect(a?.spreadChange).toBe(1 - 2);
  });

  it('gives the change in weet-niet count', () => {
    const statements = compareSessions(earlier, later).statements;
    expect(statements.find((s) => s.theme === 'B')?.weetNietChange).toBe(-1);
    expect(statements.find((s) => s.theme === 'C')?.weetNietChange).toBe(-1);
  });

  it('gives no mean change where one session has only weet niet for a statement', () => {
    const c = compareSessions(earlier, later).statements.find((s) => s.theme === 'C');
    expect(c).toMatchObject({ meanChange: null, spreadChange: null });
    expect(c?.later.mean).toBe(3);
  });

  it('gives no changes for a statement missing from one session', () => {
    const d = compareSessions(earlier, later).statements.find((s) => s.theme === 'D');
    expect(d).toMatchObject({ meanChange: null, spreadChange: null, weetNietChange: null });
    expect(d?.earlier.answered).toBe(0);
  });

  it('lists actions that are new by theme and title, ignoring case and spacing', () => {
    expect(compareSessions(earlier, later).added.map((a) => a.id)).toEqual(['l2', 'l3']);
  });

  it('lists actions that are done in the later session', () => {
    expect(compareSessions(earlier, later).done.map((a) => a.id)).toEqual(['l1', 'l3']);
  });

  it('compares two sessions without any scores or actions', () => {
    const result = compareSessions(snapshot(), snapshot({ key: 'k2' }));
    expect(result.statements.every((s) => s.meanChange === null && s.weetNietChange === null)).toBe(true);
    expect(result).toMatchObject({ added: [], done: [], earlierKey: '20251120-aaaaaaaa', laterKey: 'k2' });
  });

  it('refuses sessions of different municipalities with a typed error', () => {
    expect(() => compareSessions(earlier, snapshot({ municipality: 'Deventer' }))).toThrow(MunicipalityMismatchError);
    let refusal: unknown;
    try {
      compareSessions(earlier, snapshot({ municipality: 'Deventer' }));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ name: 'MunicipalityMismatchError', earlier: 'Zwolle', later: 'Deventer' });
  });
});

describe('orderSessionsOverTime', () => {
  it('puts the oldest first, ties by key, unreadable dates last', () => {
    const sessions = [
      { key: 'c', date: '2026-11-23T09:00:00Z' },
      { key: 'x', date: 'onbekend' },
      { key: 'b', date: '2025-01-01' },
      { key: 'a', date: '2026-11-23T09:00:00Z' },
    ];
    expect(orderSessionsOverTime(sessions).map((s) => s.key)).toEqual(['b', 'a', 'c', 'x']);
  });
});

describe('changes computed from the figures as shown', () => {
  it('2,8 → 3 changes by +0,2, never by the +0,3 of the unrounded means (2.75 → 3)', () => {
    const before = snapshot({ responses: [{ scores: { A: 2 } }, { scores: { A: 3 } }, { scores: { A: 3 } }, { scores: { A: 3 } }] });
    const after = snapshot({ key: '20261123-bbbbbbbb', date: '2026-11-23T09:00:00Z', responses: [{ scores: { A: 3 } }, { scores: { A: 3 } }] });
    const a = compareSessions(before, after).statements.find((s) => s.theme === 'A');
    expect(a?.earlier.mean).toBe(2.75);
    expect(roundShown(a?.earlier.mean ?? 0)).toBe(2.8);
    expect(a?.meanChange).toBe(0.2);
  });

  it('a change adds up without floating-point noise (1,1 → 1,4 is +0,3, not 0.29999999999999993)', () => {
    const before = snapshot({ responses: [...Array(9).fill({ scores: { A: 1 } }), { scores: { A: 2 } }] });
    const after = snapshot({ key: '20261123-bbbbbbbb', date: '2026-11-23T09:00:00Z', responses: [...Array(6).fill({ scores: { A: 1 } }), ...Array(4).fill({ scores: { A: 2 } })] });
    expect(compareSessions(before, after).statements.find((s) => s.theme === 'A')?.meanChange).toBe(0.3);
  });

  it('rounds halves away from zero as the number formatter does, 2.85 included', () => {
    expect([2.75, 2.85, 2.849, 3.04, 1.05, 0, -0.25].map(roundShown)).toEqual([2.8, 2.9, 2.8, 3, 1.1, 0, -0.3]);
  });
});

describe('plannerTaskStatus', () => {
  const now = new Date('2027-03-01T10:00:00Z');
  it('is done at 100 % complete, whatever the due date', () => {
    expect(plannerTaskStatus({ percentComplete: 100, dueDateTime: '2027-01-15T12:00:00Z' }, now)).toBe('done');
  });
  it('is late when the due date-time has passed and the task is not complete (in progress too)', () => {
    expect(plannerTaskStatus({ percentComplete: 0, dueDateTime: '2027-02-28T12:00:00Z' }, now)).toBe('late');
    expect(plannerTaskStatus({ percentComplete: 50, dueDateTime: '2027-03-01T09:59:59Z' }, now)).toBe('late');
  });
  it('is open before its due date-time, without one, or with one that cannot be read', () => {
    expect(plannerTaskStatus({ percentComplete: 50, dueDateTime: '2027-03-01T12:00:00Z' }, now)).toBe('open');
    expect(plannerTaskStatus({ percentComplete: 0, dueDateTime: null }, now)).toBe('open');
    expect(plannerTaskStatus({ percentComplete: 0, dueDateTime: 'morgen' }, now)).toBe('open');
  });
  it('depends on the injected clock: the same task turns late once the clock passes its due date', () => {
    const task = { percentComplete: 0, dueDateTime: '2027-03-01T12:00:00Z' };
    expect(plannerTaskStatus(task, new Date('2027-03-01T11:59:00Z'))).toBe('open');
    expect(plannerTaskStatus(task, new Date('2027-03-01T12:01:00Z'))).toBe('late');
  });
  it('is missing when the stored task id finds no task', () => {
    expect(plannerTaskStatus(null, now)).toBe('missing');
  });
});
