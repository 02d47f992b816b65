// Free text as the app stores and shows it: newline and tab are the only control characters a person
// types on purpose. The rest (NUL, the C0 range, DEL, the C1 range, and the CR of a Windows line
// break) arrive by pasting from other programs or by hand-editing a list item; SharePoint keeps them,
// JSON escapes them into \u0000-style sequences that count against a column's size, and some break
// the XML a Word report is made of. So they are removed wherever text crosses into or out of storage.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNWANTED_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** `text` without control characters other than newline (U+000A) and tab (U+0009); CRLF becomes LF. */
export function withoutControlCharacters(text: string): string {
  return text.replace(UNWANTED_CONTROL, '');
}

/**
 * Every string in a plain JSON-like value (objects, arrays) without unwanted control characters,
 * keys included; the value is copied only where something changes, so clean data stays identical.
 */
export function stripControlCharacters<T>(value: T): T {
  if (typeof value === 'string') return withoutControlCharacters(value) as T;
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => stripControlCharacters(item));
    return (items.some((item, i) => item !== value[i]) ? items : value) as T;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value).map(([key, item]) => [withoutControlCharacters(key), stripControlCharacters(item)] as const);
    const changed = entries.some(([key, item], i) => {
      const [originalKey, originalItem] = Object.entries(value)[i]!;
      return key !== originalKey || item !== originalItem;
    });
    return (changed ? Object.fromEntries(entries) : value) as T;
  }
  return value;
}

// ---- texts stored inside JSON --------------------------------------------------------------------
// Stap 2's option texts and theme comments are stored together as JSON in one note column
// (Stap2Json, src/graph/mapping.ts), where a quote, backslash, newline or tab takes two characters
// and a lone surrogate six (\ud800; JSON.stringify escapes them: https://tc39.es/ecma262/#sec-quotejsonstring).
// Counted as typed, a stap 2 within every counter could pass the column's 63,999 characters and then
// no later change of that person would save. So these texts count what they take in the column.

const ONE_UNWANTED_CONTROL = new RegExp(UNWANTED_CONTROL.source);

/**
 * The length `text` counts against its limit when it is stored inside JSON: its JSON-escaped length
 * (quote, backslash, newline, tab: 2; lone surrogate: 6; an emoji: 2, as in `length`). Control
 * characters that are removed before storing count 1, so the count is never below `text.length`.
 */
export function storedJsonLength(text: string): number {
  const stored = withoutControlCharacters(text);
  return JSON.stringify(stored).length - 2 + (text.length - stored.length);
}

/** `text` cut to the longest beginning whose storedJsonLength is within `limit`, never inside a surrogate pair. */
export function capStoredJson(text: string, limit: number): string {
  if (storedJsonLength(text) <= limit) return text;
  let used = 0;
  let end = 0;
  for (const ch of text) {
    const cost = ONE_UNWANTED_CONTROL.test(ch) ? 1 : JSON.stringify(ch).length - 2;
    if (used + cost > limit) break;
    used += cost;
    end += ch.length;
  }
  return text.slice(0, end);
}
