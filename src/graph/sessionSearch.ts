// The session pickers' search: sessions of one municipality whose title starts with what a person typed,
// or that were held on the day, month or year they typed, asked of SharePoint in one small request.
//
// What SharePoint list items allow through Graph decides the shape: $filter on `fields/<Column>` with
// eq/ge/lt and startswith, on indexed columns only (past 5,000 items a filter or $orderby on a column
// without an index is refused, https://learn.microsoft.com/en-us/graph/api/listitem-list). There is no
// `contains` on a text field, so a title is found by its start, not by a word in its middle.
// - Gemeente and SessionKey are indexed columns (src/graph/lists.ts), Title is indexed by provisioning.
// - The day is searched on SessionKey, which starts with the creation day (src/domain/sessionKey.ts);
//   Datum has no index. A date without a year is one range per year (src/domain/sessionSearch.ts).
import { parseSessionQuery } from '../domain/sessionSearch';
import * as z from '../domain/zod';
import type { GraphApi } from './client';
import type { SessionSummary } from './contracts';
import { BadRequestError } from './errors';
import { listPath } from './lists';
import { ListItemSchema, NEWEST_FIRST, readSessionSummaries, SESSION_SUMMARY_COLUMNS } from './mapping';
import { allOf, anyOf, fieldEquals, itemsQuery, odataString } from './odata';

/** At most this many sessions per search: a picker shows a short list, and the answer stays a few KB. */
export const SEARCH_LIMIT = 20;

const PageSchema = z.object({ value: z.array(ListItemSchema) });

export interface SearchSessionsOptions {
  api: GraphApi;
  siteId: string;
  scopes: readonly string[];
}

/**
 * Sessions of `municipality` matching `text`, newest first, summary columns only; [] for text too short
 * to search. A sessions list from before Title was indexed refuses the title part (400): the search is
 * then asked again on the day alone when the text names one.
 */
export async function searchSessions(options: SearchSessionsOptions, filter: { municipality: string; text: string; thisYear?: number; limit?: number }): Promise<SessionSummary[]> {
  const query = parseSessionQuery(filter.text, filter.thisYear);
  if (!query) return [];
  const limit = Math.max(1, Math.min(filter.limit ?? SEARCH_LIMIT, SEARCH_LIMIT));
  const municipality = fieldEquals('Gemeente', filter.municipality.trim());
  const titles = query.titlePrefixes.map((p) => `startswith(fields/Title,${odataString(p)})`);
  const days = query.keyRanges.map((range) => `(fields/SessionKey ge ${odataString(range.from)} and fields/SessionKey lt ${odataString(range.to)})`);
  const ask = async (clauses: string[]): Promise<SessionSummary[]> => {
    const url = `${listPath(options.siteId, 'sessions')}/items${itemsQuery({ filter: allOf(municipality, anyOf(...clauses)), top: limit, select: [...SESSION_SUMMARY_COLUMNS], orderBy: NEWEST_FIRST })}`;
    const body = PageSchema.parse(await options.api.call('GET', url, { scopes: options.scopes }));
    return readSessionSummaries(body.value);
  };
  try {
    return await ask([...titles, ...days]);
  } catch (err) {
    if (err instanceof BadRequestError && days.length > 0) return ask(days);
    throw err;
  }
}
