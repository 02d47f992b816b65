// What a person types in a session picker ("12-03-2026", "maart 2026", "12 maart", "2026-03",
// "Begroting"), read as what SharePoint can be asked for: title prefixes, and ranges of calendar days
// that become ranges on the indexed SessionKey (which starts with the session's creation day,
// ./sessionKey.ts). A date without a year ("12 maart", "12-03", "maart") means that day or month in each
// of the last YEARS_WITHOUT_YEAR years, none before the instrument's. Pure: no clock, no time zone of its
// own; the caller says which year it is and which day a session was held.

/** Fewer characters than this ask SharePoint nothing: too many sessions would match. */
export const MIN_SEARCH_LENGTH = 2;
/** SharePoint's single line of text holds 255 characters; a longer prefix matches nothing. */
const MAX_PREFIX_LENGTH = 255;
/** No session is older than the instrument (2018): a date without a year is not looked for before. */
export const FIRST_SESSION_YEAR = 2018;
/** A date without a year is looked for in this many years up to this one: the request stays short. */
export const YEARS_WITHOUT_YEAR = 10;

export interface DayRange {
  /** First day, inclusive, YYYY-MM-DD. */
  from: string;
  /** Last day, inclusive, YYYY-MM-DD. */
  to: string;
}

export interface SessionQuery {
  /** The text, spaces collapsed, and with a capital first letter when that differs: titles are prefixed by these. */
  titlePrefixes: string[];
  /** The calendar days the text names, oldest first; empty when it names none. */
  days: DayRange[];
  /**
   * SessionKey bounds for those days, one per range: `from` inclusive, `to` exclusive, widened by a day
   * either side because the key holds the UTC day and the picker shows the day where the person is.
   */
  keyRanges: { from: string; to: string }[];
}

const MONTHS: ReadonlyArray<readonly string[]> = [
  ['januari', 'january', 'jan'],
  ['februari', 'february', 'feb'],
  ['maart', 'march', 'mrt', 'mar'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['augustus', 'august', 'aug'],
  ['september', 'sept', 'sep'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  const index = MONTHS.findIndex((names) => names.includes(w));
  return index < 0 ? null : index + 1;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Days since 1970-01-01 of a real calendar day, or null (31 February, month 13). */
function dayNumber(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return t / 86_400_000;
}

function isoOf(day: number): string {
  const date = new Date(day * 86_400_000);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** First and last day (as day numbers) of each range the text names; [] for none. */
function dayRanges(text: string, thisYear: number | undefined): [number, number][] {
  const t = text.toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  const single = (y: number, m: number, d: number): [number, number] | null => {
    const n = dayNumber(y, m, d);
    return n === null ? null : [n, n];
  };
  const month = (y: number, m: number): [number, number] | null => {
    const first = dayNumber(y, m, 1);
    return first === null ? null : [first, first + lastDayOfMonth(y, m) - 1];
  };
  const one = (range: [number, number] | null) => (range ? [range] : []);
  // The same day or month in each of the last years (29 February only in leap years).
  const everyYear = (of: (y: number) => [number, number] | null): [number, number][] => {
    if (thisYear === undefined) return [];
    const years = Array.from({ length: YEARS_WITHOUT_YEAR }, (_, i) => thisYear - YEARS_WITHOUT_YEAR + 1 + i).filter((y) => y >= FIRST_SESSION_YEAR);
    return years.map(of).filter((r): r is [number, number] => r !== null);
  };
  let r: RegExpExecArray | null;
  // 12-03-2026, 12/3/2026, 12.03.2026 (day first, as Dutch and British dates are written)
  if ((r = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t))) return one(single(Number(r[3]), Number(r[2]), Number(r[1])));
  // 2026-03-12
  if ((r = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) return one(single(Number(r[1]), Number(r[2]), Number(r[3])));
  // 2026-03
  if ((r = /^(\d{4})-(\d{1,2})$/.exec(t))) return one(month(Number(r[1]), Number(r[2])));
  // 03-2026, 3/2026
  if ((r = /^(\d{1,2})[-/](\d{4})$/.exec(t))) return one(month(Number(r[2]), Number(r[1])));
  // 2026
  if ((r = /^(\d{4})$/.exec(t))) {
    const y = Number(r[1]);
    const first = dayNumber(y, 1, 1);
    const last = dayNumber(y, 12, 31);
    return first === null || last === null ? [] : [[first, last]];
  }
  // 12 maart 2026, 12 mrt. 2026, 12 March 2026 (the picker's own nl-NL and en-GB long dates)
  if ((r = /^(\d{1,2}) ([a-z]+\.?) (\d{4})$/.exec(t))) {
    const m = monthOf(r[2] ?? '');
    return m === null ? [] : one(single(Number(r[3]), m, Number(r[1])));
  }
  // March 12 2026 (as US English writes it)
  if ((r = /^([a-z]+\.?) (\d{1,2}) (\d{4})$/.exec(t))) {
    const m = monthOf(r[1] ?? '');
    return m === null ? [] : one(single(Number(r[3]), m, Number(r[2])));
  }
  // maart 2026
  if ((r = /^([a-z]+\.?) (\d{4})$/.exec(t))) {
    const m = monthOf(r[1] ?? '');
    return m === null ? [] : one(month(Number(r[2]), m));
  }
  // Without a year. 12-03, 12/3, 12.03 (day first)
  if ((r = /^(\d{1,2})[-/.](\d{1,2})$/.exec(t))) {
    const [d, m] = [Number(r[1]), Number(r[2])];
    return everyYear((y) => single(y, m, d));
  }
  // 12 maart, 12 mrt.
  if ((r = /^(\d{1,2}) ([a-z]+\.?)$/.exec(t))) {
    const [d, m] = [Number(r[1]), monthOf(r[2] ?? '')];
    return m === null ? [] : everyYear((y) => single(y, m, d));
  }
  // March 12
  if ((r = /^([a-z]+\.?) (\d{1,2})$/.exec(t))) {
    const [m, d] = [monthOf(r[1] ?? ''), Number(r[2])];
    return m === null ? [] : everyYear((y) => single(y, m, d));
  }
  // maart
  if ((r = /^([a-z]+\.?)$/.exec(t))) {
    const m = monthOf(r[1] ?? '');
    return m === null ? [] : everyYear((y) => month(y, m));
  }
  return [];
}

const keyDay = (day: number) => isoOf(day).replace(/-/g, '');

/**
 * What to ask SharePoint for `text`; null when it is too short to search. `thisYear` (where the person
 * is) lets a date without a year name days; without it such a date names none.
 */
export function parseSessionQuery(text: string, thisYear?: number): SessionQuery | null {
  const typed = text.replace(/\s+/g, ' ').trim();
  if (typed.length < MIN_SEARCH_LENGTH) return null;
  const prefix = typed.slice(0, MAX_PREFIX_LENGTH);
  const capital = prefix.charAt(0).toLocaleUpperCase('nl-NL') + prefix.slice(1);
  const titlePrefixes = capital === prefix ? [prefix] : [prefix, capital];
  const ranges = dayRanges(typed, thisYear);
  return {
    titlePrefixes,
    days: ranges.map(([first, last]) => ({ from: isoOf(first), to: isoOf(last) })),
    keyRanges: ranges.map(([first, last]) => ({ from: keyDay(first - 1), to: keyDay(last + 2) })),
  };
}

/**
 * Whether a session found in SharePoint answers the query as the person meant it: its title starts
 * with what they typed (in any case), or the day it was held where they are (`day`, YYYY-MM-DD) is
 * one of the days they named. SharePoint's answer is wider (a day of slack, a capital letter).
 */
export function matchesSessionQuery(query: SessionQuery, session: { title: string; day: string }): boolean {
  const title = session.title.replace(/\s+/g, ' ').trim().toLocaleLowerCase('nl-NL');
  if (query.titlePrefixes.some((p) => title.startsWith(p.toLocaleLowerCase('nl-NL')))) return true;
  return query.days.some((range) => session.day >= range.from && session.day <= range.to);
}
