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
