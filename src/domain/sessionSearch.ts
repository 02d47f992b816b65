// What a person types in a session picker ("12-03-2026", "maart 2026", "2026-03", "Begroting"),
// read as what SharePoint can be asked for: title prefixes, and a range of calendar days that becomes
// a range on the indexed SessionKey (which starts with the session's creation day, ./sessionKey.ts).
// Pure: no clock, no time zone of its own; the caller says which day a session was held.

/** Fewer characters than this ask SharePoint nothing: too many sessions would match. */
export const MIN_SEARCH_LENGTH = 2;
/** SharePoint's single line of text holds 255 characters; a longer prefix matches nothing. */
const MAX_PREFIX_LENGTH = 255;

export interface SessionQuery {
  /** The text, spaces collapsed, and with a capital first letter when that differs: titles are prefixed by these. */
  titlePrefixes: string[];
  /** The calendar days the text names (inclusive, YYYY-MM-DD), or null when it names none. */
  days: { from: string; to: string } | null;
  /**
   * SessionKey bounds for those days: `from` inclusive, `to` exclusive, widened by a day either side
   * because the key holds the UTC day and the picker shows the day where the person is.
   */
  keyRange: { from: string; to: string } | null;
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

/** First and last day (as day numbers) the text names, or null. */
function dayRange(text: string): [number, number] | null {
  const t = text.toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  const single = (y: number, m: number, d: number): [number, number] | null => {
    const n = dayNumber(y, m, d);
    return n === null ? null : [n, n];
  };
  const month = (y: number, m: number): [number, number] | null => {
    const first = dayNumber(y, m, 1);
    return first === null ? null : [first, first + lastDayOfMonth(y, m) - 1];
  };
  let r: RegExpExecArray | null;
  // 12-03-2026, 12/3/2026, 12.03.2026 (day first, as Dutch and British dates are written)
  if ((r = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t))) return single(Number(r[3]), Number(r[2]), Number(r[1]));
  // 2026-03-12
  if ((r = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) return single(Number(r[1]), Number(r[2]), Number(r[3]));
  // 2026-03
  if ((r = /^(\d{4})-(\d{1,2})$/.exec(t))) return month(Number(r[1]), Number(r[2]));
  // 03-2026, 3/2026
  if ((r = /^(\d{1,2})[-/](\d{4})$/.exec(t))) return month(Number(r[2]), Number(r[1]));
  // 2026
  if ((r = /^(\d{4})$/.exec(t))) {
    const y = Number(r[1]);
    const first = dayNumber(y, 1, 1);
    const last = dayNumber(y, 12, 31);
    return first === null || last === null ? null : [first, last];
  }
  // 12 maart 2026, 12 mrt. 2026, 12 March 2026 (the picker's own nl-NL and en-GB long dates)
  if ((r = /^(\d{1,2}) ([a-z]+\.?) (\d{4})$/.exec(t))) {
    const m = monthOf(r[2] ?? '');
    return m === null ? null : single(Number(r[3]), m, Number(r[1]));
  }
  // March 12 2026 (as US English writes it)
  if ((r = /^([a-z]+\.?) (\d{1,2}) (\d{4})$/.exec(t))) {
    const m = monthOf(r[1] ?? '');
    return m === null ? null : single(Number(r[3]), m, Number(r[2]));
  }
  // maart 2026
  if ((r = /^([a-z]+\.?) (\d{4})$/.exec(t))) {
    const m = monthOf(r[1] ?? '');
    return m === null ? null : month(Number(r[2]), m);
  }
  return null;
}

const keyDay = (day: number) => isoOf(day).replace(/-/g, '');

/** What to ask SharePoint for `text`; null when it is too short to search. */
export function parseSessionQuery(text: string): SessionQuery | null {
  const typed = text.replace(/\s+/g, ' ').trim();
  if (typed.length < MIN_SEARCH_LENGTH) return null;
  const prefix = typed.slice(0, MAX_PREFIX_LENGTH);
  const capital = prefix.charAt(0).toLocaleUpperCase('nl-NL') + prefix.slice(1);
  const titlePrefixes = capital === prefix ? [prefix] : [prefix, capital];
  const range = dayRange(typed);
  if (!range) return { titlePrefixes, days: null, keyRange: null };
  const [first, last] = range;
  return {
    titlePrefixes,
    days: { from: isoOf(first), to: isoOf(last) },
    keyRange: { from: keyDay(first - 1), to: keyDay(last + 2) },
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
  return query.days !== null && session.day >= query.days.from && session.day <= query.days.to;
}
