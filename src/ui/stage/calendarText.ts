// Due dates are calendar days (YYYY-MM-DD): shown and compared as days, never shifted by a time zone.
import { UNREADABLE_DATE } from '../../domain';
import type { Locale } from '../i18n';

/** The person's own calendar date: "today" is a day where the user is, not in UTC. */
export function localCalendarDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function formatCalendarDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined || [y, m, d].some(Number.isNaN)) return date;
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A session date (ISO date-time) as the day it was held. */
export function formatSessionDate(iso: string, locale: Locale): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' }).format(new Date(time));
}

/**
 * The due date a date field stands for when the form is submitted: `value` (what its change events
 * gave), or UNREADABLE_DATE when the browser could not read what was typed (a half-typed date, 29
 * February of a common year). The field's value is then '' as for an empty field and only
 * validity.badInput tells the two apart (HTML, the input element's value sanitization algorithm), and
 * since '' → '' is no change React reports none: so it is asked at submit, not on change.
 */
export function dueDateOfField(input: HTMLInputElement | null, value: string | null): string | null {
  return input?.validity?.badInput ? UNREADABLE_DATE : value;
}
