// OData query text for SharePoint list items. The Graph SDK puts query values into the URL as given
// (GraphRequest.createQueryString does no encoding), so encoding happens here, once.

/** An OData string literal: single quotes doubled ('s-Hertogenbosch → '''s-Hertogenbosch'). */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `fields/Name eq 'value'`; only used on indexed columns (SharePoint refuses others past 5,000 items). */
export function fieldEquals(field: string, value: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new RangeError(`not a column name: ${field}`);
  return `fields/${field} eq ${odataString(value)}`;
}

export function allOf(...clauses: string[]): string {
  return clauses.join(' and ');
}

/** Clauses joined by `or`, in parentheses when there are several, so an `allOf` around it keeps its meaning. */
export function anyOf(...clauses: string[]): string {
  return clauses.length === 1 ? (clauses[0] ?? '') : `(${clauses.join(' or ')})`;
}

/**
 * A query string for list items. Values are percent-encoded so `&`, `#`, `%` and `+` inside a literal
 * survive the URL; `$` and `,` in option names stay readable.
 */
export function itemsQuery(options: { filter?: string; top?: number; expandFields?: boolean; select?: string[]; orderBy?: string }): string {
  const parts: string[] = [];
  if (options.expandFields !== false) {
    parts.push(options.select ? `$expand=fields($select=${options.select.join(',')})` : '$expand=fields');
  }
  if (options.filter) parts.push(`$filter=${encodeURIComponent(options.filter)}`);
  if (options.top !== undefined) parts.push(`$top=${options.top}`);
  if (options.orderBy) parts.push(`$orderby=${encodeURIComponent(options.orderBy)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** One path segment (a list title, a hostname, an id), percent-encoded. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
