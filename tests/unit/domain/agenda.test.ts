import {
  groupActionsByTheme,
  newActionId,
  orderActions,
  suggestDepartments,
  taskAssignees,
  validateAction,
  type ActionDraft,
} from '../../../src/domain/agenda';
import { LIMITS } from '../../../src/domain/model';
import { addYears, latestDueDate, UNREADABLE_DATE } from '../../../src/domain/calendarDate';
import { action, anna, bram, countingBytes, participant } from './fixtures';

const context = { participants: [anna, bram], today: '2026-11-23' };
const draft = (overrides: Partial<ActionDraft> = {}): ActionDraft => ({
  title: 'Gezamenlijke visie schrijven',
  ownerId: anna.id,
  department: 'Sociaal Domein',
  dueDate: '2027-03-01',
  ...overrides,
});

describe('validateAction', () => {
  it('accepts a complete action', () => {
    expect(validateAction(draft(), context)).toEqual([]);
  });

  it('requires a title that is more than spaces', () => {
    expect(validateAction(draft({ title: '   ' }), context)).toEqual([{ code: 'titleRequired' }]);
  });

  it('refuses a title longer than the limit, measured after trimming', () => {
    expect(validateAction(draft({ title: `  ${'t'.repeat(LIMITS.actionTitle)}  ` }), context)).toEqual([]);
    expect(validateAction(draft({ title: 't'.repeat(LIMITS.actionTitle + 1) }), context)).toEqual([
      { code: 'titleTooLong', limit: LIMITS.actionTitle },
    ]);
  });

  it('accepts an action without an owner', () => {
    expect(validateAction(draft({ ownerId: null }), context)).toEqual([]);
    expect(validateAction(draft({ ownerId: '' }), context)).toEqual([]);
  });

  it('refuses an owner who is not a participant', () => {
    expect(validateAction(draft({ ownerId: 'p-stranger' }), context)).toEqual([{ code: 'ownerNotParticipant', ownerId: 'p-stranger' }]);
  });

  it('refuses a department longer than the limit', () => {
    expect(validateAction(draft({ department: 'd'.repeat(LIMITS.department + 1) }), context)).toEqual([
      { code: 'departmentTooLong', limit: LIMITS.department },
    ]);
  });

  it('accepts no due date, and today as the due date', () => {
    expect(validateAction(draft({ dueDate: null }), context)).toEqual([]);
    expect(validateAction(draft({ dueDate: '2026-11-23' }), context)).toEqual([]);
  });

  it('refuses a due date in the past', () => {
    expect(validateAction(draft({ dueDate: '2026-11-22' }), context)).toEqual([{ code: 'dueDateInPast', today: '2026-11-23' }]);
  });

  it('refuses a due date that is not a calendar date', () => {
    expect(validateAction(draft({ dueDate: '2027-02-30' }), context)).toEqual([{ code: 'dueDateInvalid' }]);
    expect(validateAction(draft({ dueDate: '1-3-2027' }), context)).toEqual([{ code: 'dueDateInvalid' }]);
  });

  it('refuses 29 February of a common year, which the date field reports as unreadable', () => {
    expect(validateAction(draft({ dueDate: '2031-02-29' }), context)).toEqual([{ code: 'dueDateInvalid' }]);
    expect(validateAction(draft({ dueDate: UNREADABLE_DATE }), context)).toEqual([{ code: 'dueDateInvalid' }]);
    expect(validateAction(draft({ dueDate: '2028-02-29' }), context)).toEqual([]);
  });

  it('accepts a due date up to five years ahead and refuses one a day later, naming the last day allowed', () => {
    expect(validateAction(draft({ dueDate: '2031-11-23' }), context)).toEqual([]);
    expect(validateAction(draft({ dueDate: '2031-11-24' }), context)).toEqual([{ code: 'dueDateTooFar', latest: '2031-11-23' }]);
    expect(validateAction(draft({ dueDate: '9999-12-31' }), context)).toEqual([{ code: 'dueDateTooFar', latest: '2031-11-23' }]);
  });

  it('counts the five years from the day it is given, not from the machine clock', () => {
    expect(validateAction(draft({ dueDate: '2040-01-01' }), { ...context, today: '2036-01-01' })).toEqual([]);
    expect(validateAction(draft({ dueDate: '2030-01-01' }), { ...context, today: '2024-12-31' })).toEqual([{ code: 'dueDateTooFar', latest: '2029-12-31' }]);
  });

  it('refuses to judge a due date against a today that is not a calendar date', () => {
    expect(() => validateAction(draft({ dueDate: '2026-11-23' }), { ...context, today: '2026-11-23T10:00:00Z' })).toThrow(RangeError);
  });

  it('reports every problem at once', () => {
    expect(validateAction(draft({ title: '', ownerId: 'x', dueDate: '2020-01-01' }), context).map((p) => p.code)).toEqual([
      'titleRequired',
      'ownerNotParticipant',
      'dueDateInPast',
    ]);
  });
});

describe('taskAssignees', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `p-${i + 1}`);

  it('accepts twenty assignees', () => {
    expect(taskAssignees(ids(20))).toEqual({ assignees: ids(20), problems: [] });
  });

  it('reports twenty-one assignees instead of dropping one', () => {
    expect(taskAssignees(ids(21))).toEqual({ assignees: ids(21), problems: [{ code: 'tooManyAssignees', limit: 20, count: 21 }] });
  });

  it('drops duplicates and empty owners before counting', () => {
    expect(taskAssignees(['p-1', null, 'p-1', '', 'p-2']).assignees).toEqual(['p-1', 'p-2']);
  });
});

describe('suggestDepartments', () => {
  it('lists distinct departments sorted, ignoring case, spacing and empty ones', () => {
    const participants = [participant('1', 'A', 'Sociaal domein'), participant('2', 'B', ''), participant('3', 'C', 'GGD')];
    const actions = [action({ department: 'sociaal  Domein' }), action({ department: ' Financiën ' }), action({ department: 'ggd' })];
    expect(suggestDepartments(participants, actions)).toEqual(['Financiën', 'GGD', 'Sociaal domein']);
  });

  it('gives nothing when nobody named a department', () => {
    expect(suggestDepartments([participant('1')], [])).toEqual([]);
  });
});

describe('ordering and grouping', () => {
  it('orders by due date, soonest first, undated last, then by title', () => {
    const ordered = orderActions([
      action({ id: '1', title: 'zonder datum', dueDate: null }),
      action({ id: '2', title: 'later', dueDate: '2027-05-01' }),
      action({ id: '3', title: 'b eerst', dueDate: '2027-01-01' }),
      action({ id: '4', title: 'a eerst', dueDate: '2027-01-01' }),
    ]);
    expect(ordered.map((a) => a.id)).toEqual(['4', '3', '2', '1']);
  });

  it('groups actions by theme with every theme present', () => {
    const groups = groupActionsByTheme([action({ id: '1', theme: 'C' }), action({ id: '2', theme: 'A' }), action({ id: '3', theme: 'C' })]);
    expect(Object.keys(groups)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(groups.C.map((a) => a.id)).toEqual(['1', '3']);
    expect(groups.B).toEqual([]);
  });
});

describe('newActionId', () => {
  it('derives the id from the injected randomness only', () => {
    expect(newActionId(countingBytes(0))).toBe('a-0123456789abcdef');
    expect(newActionId(countingBytes(0))).toBe(newActionId(countingBytes(0)));
    expect(newActionId(countingBytes(16))).not.toBe(newActionId(countingBytes(0)));
  });
});

describe('calendar years ahead', () => {
  it('moves a date by whole years and keeps the day', () => {
    expect(addYears('2026-11-23', 5)).toBe('2031-11-23');
    expect(latestDueDate('2026-03-10')).toBe('2031-03-10');
  });

  it('turns 29 February into 28 February when the target year is a common year', () => {
    expect(addYears('2028-02-29', 5)).toBe('2033-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => addYears('2031-02-29', 1)).toThrow(RangeError);
  });
});
