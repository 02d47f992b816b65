// Calendar dates as 'YYYY-MM-DD' strings: due dates are days, not instants, so they are compared as
// text and never pass through a time zone.
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Negative when a is earlier than b; both must be calendar dates. */
export function compareCalendarDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How far ahead a due date may lie: an action agenda plans the coming years, not the next millennium. */
export const DUE_DATE_YEARS_AHEAD = 5;

/**
 * What an editor passes as the date when its date field holds something the browser could not read
 * as a date (a half-typed date, or 29 February of a common year: `<input type="date">` then reports
 * `validity.badInput` with an empty value). Never a calendar date, so validateAction refuses it.
 */
export const UNREADABLE_DATE = 'unreadable';

/**
 * The same day `years` later; 29 February becomes 28 February in a common year. Throws RangeError
 * when `date` is not a calendar date.
 */
export function addYears(date: string, years: number): string {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date YYYY-MM-DD: ${date}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = year + years;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(target, 4)}-${pad(month, 2)}-${pad(Math.min(day, lastDay), 2)}`;
}

/** The last due date an action may have when planned on `today`. */
export function latestDueDate(today: string): string {
  return addYears(today, DUE_DATE_YEARS_AHEAD);
}
