// Lists and their columns. Creating a list needs Sites.Manage.All in real Graph (list-create).
import type * as MG from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import { graphUrl, isoNow, json, param, parseBody, queryOption, selectProperties, type Env, type Route, type RouteContext } from '../context';
import { GraphHttpError, invalidRequest, notFound } from '../errors';
import { parseFilter, matches } from '../filter';
import { findUser, type SeedUser } from '../seed';
import type { Store } from '../store';
import { ColumnInputSchema, columnFromInput, columnResource, indexValue, normaliseFieldValue, titleColumn, type ColumnDef } from './columns';
import { DEFAULT_LIST_SECURITY, type ListSecurity, type ReadSecurity, type WriteSecurity } from './permissions';
import { requireSite, siteWebUrl } from './sites';

export interface ListRow {
  id: string;
  site_id: string;
  display_name: string;
  name: string;
  version: number;
  next_item_id: number;
  doc: string;
}

interface ListDoc {
  description: string;
  created: string;
  modified: string;
  createdBy: string;
  template: string;
  hidden: boolean;
  /** Item-level permissions (sharepoint/permissions.ts); absent in databases written before them: 1 / 1. */
  readSecurity?: ReadSecurity;
  writeSecurity?: WriteSecurity;
}

const CreateListSchema = z.object({
  displayName: z.string().min(1).max(255),
  description: z.string().max(1000).optional(),
  list: z.object({ template: z.enum(['genericList']).optional(), hidden: z.boolean().optional(), contentTypesEnabled: z.boolean().optional() }).optional(),
  columns: z.array(ColumnInputSchema).max(200).optional(),
});

export function identitySet(userId: string): MG.IdentitySet {
  const u = findUser(userId);
  return { user: { id: userId, displayName: u?.displayName ?? null, email: u?.mail } as MG.Identity & { email?: string } };
}

export function findList(store: Store, siteId: string, idOrName: string): ListRow | undefined {
  return store.db
    .prepare('SELECT * FROM lists WHERE site_id = ? AND (id = ? OR display_name = ? COLLATE NOCASE) ORDER BY id = ? DESC LIMIT 1')
    .get(siteId, idOrName.toLowerCase(), idOrName, idOrName.toLowerCase()) as ListRow | undefined;
}

export function requireList(store: Store, siteId: string, idOrName: string): ListRow {
  requireSite(siteId);
  const row = findList(store, siteId, idOrName);
  if (!row) throw notFound('List does not exist.');
  return row;
}

export function listColumns(store: Store, listId: string): ColumnDef[] {
  const rows = store.stmt('SELECT doc FROM columns WHERE list_id = ? ORDER BY position').all(listId) as { doc: string }[];
  return rows.map((r) => JSON.parse(r.doc) as ColumnDef);
}

function listDoc(row: ListRow): ListDoc {
  return JSON.parse(row.doc) as ListDoc;
}

/** A list's item-level permissions (ReadSecurity / WriteSecurity). */
export function listSecurity(row: ListRow): ListSecurity {
  const doc = listDoc(row);
  return { readSecurity: doc.readSecurity ?? DEFAULT_LIST_SECURITY.readSecurity, writeSecurity: doc.writeSecurity ?? DEFAULT_LIST_SECURITY.writeSecurity };
}

/** Stores new item-level permissions in the list's document; the list's version (etag) moves on. */
export function setListSecurity(store: Store, row: ListRow, security: Partial<ListSecurity>, now: string): ListSecurity {
  const current = listSecurity(row);
  const next: ListSecurity = { readSecurity: security.readSecurity ?? current.readSecurity, writeSecurity: security.writeSecurity ?? current.writeSecurity };
  const doc: ListDoc = { ...listDoc(row), ...next, modified: now };
  store.stmt('UPDATE lists SET version = version + 1, doc = ? WHERE id = ?').run(JSON.stringify(doc), row.id);
  return next;
}

/** SharePoint's GetByTitle: the list's title, compared without regard to case. */
export function findListByTitle(store: Store, siteId: string, title: string): ListRow | undefined {
  return store.stmt('SELECT * FROM lists WHERE site_id = ? AND display_name = ? COLLATE NOCASE LIMIT 1').get(siteId, title) as ListRow | undefined;
}

export function listCreated(row: ListRow): { created: string; modified: string; description: string } {
  const doc = listDoc(row);
  return { created: doc.created, modified: doc.modified, description: doc.description };
}

export function listEtag(row: ListRow): string {
  return `"${row.id},${row.version}"`;
}

export function listWebUrl(row: ListRow): string {
  return `${siteWebUrl(requireSite(row.site_id))}/Lists/${row.name}`;
}

function listResource(row: ListRow, columns?: ColumnDef[]): MG.List & Record<string, unknown> {
  const doc = listDoc(row);
  return {
    '@odata.etag': listEtag(row),
    id: row.id,
    createdDateTime: doc.created,
    description: doc.description,
    displayName: row.display_name,
    eTag: listEtag(row),
    lastModifiedDateTime: doc.modified,
    name: row.name,
    webUrl: listWebUrl(row),
    createdBy: identitySet(doc.createdBy),
    parentReference: { siteId: row.site_id },
    list: { contentTypesEnabled: false, hidden: doc.hidden, template: doc.template },
    ...(columns ? { columns: columns.map(columnResource) } : {}),
  };
}

function expandsColumns(ctx: RouteContext): boolean {
  const expand = queryOption(ctx.req, 'expand');
  return expand !== undefined && expand.split(',').some((e) => e.trim() === 'columns');
}

function insertColumn(store: Store, listId: string, column: ColumnDef): void {
  const position = (store.stmt('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM columns WHERE list_id = ?').get(listId) as { p: number }).p;
  store.stmt('INSERT INTO columns(list_id, name, position, doc) VALUES (?, ?, ?, ?)').run(listId, column.name, position, JSON.stringify(column));
}

/** SharePoint allows at most 20 column indexes per list. */
export const MAX_INDEXED_COLUMNS = 20;

function checkIndexLimit(columns: { indexed?: boolean | undefined }[]): void {
  if (columns.filter((c) => c.indexed).length > MAX_INDEXED_COLUMNS) {
    throw invalidRequest(`A list can have at most ${MAX_INDEXED_COLUMNS} indexed columns.`);
  }
}

function touchList(ctx: RouteContext, row: ListRow): void {
  const doc = { ...listDoc(row), modified: isoNow(ctx) };
  ctx.store.stmt('UPDATE lists SET version = version + 1, doc = ? WHERE id = ?').run(JSON.stringify(doc), row.id);
}

/** Copies existing values of a column into the index side table when the column becomes indexed. */
function backfillIndex(store: Store, listId: string, column: ColumnDef): void {
  const rows = store.stmt('SELECT id, fields FROM items WHERE list_id = ?').all(listId) as { id: number; fields: string }[];
  const insert = store.stmt('INSERT OR REPLACE INTO item_values(list_id, col, item_id, value) VALUES (?, ?, ?, ?)');
  for (const r of rows) {
    const value = (JSON.parse(r.fields) as Record<string, string | number | boolean>)[column.name];
    if (value !== undefined && value !== null) insert.run(listId, column.name, r.id, indexValue(normaliseFieldValue(column, value) ?? ''));
  }
}

function createList(ctx: RouteContext, siteId: string, user: SeedUser) {
  const site = requireSite(siteId);
  const body = parseBody(CreateListSchema, ctx.req.body);
  if (findList(ctx.store, site.id, body.displayName)) {
    throw new GraphHttpError(409, 'nameAlreadyExists', `A list, survey, discussion board, or document library with the specified title already exists in this Web site.`);
  }
  const names = new Set<string>(['title']);
  for (const c of body.columns ?? []) {
    if (names.has(c.name.toLowerCase())) throw invalidRequest(`A duplicate field name "${c.name}" was found.`);
    names.add(c.name.toLowerCase());
  }
  checkIndexLimit(body.columns ?? []);
  const id = ctx.store.newGuid();
  const now = isoNow(ctx);
  const doc: ListDoc = { description: body.description ?? '', created: now, modified: now, createdBy: user.id, template: body.list?.template ?? 'genericList', hidden: body.list?.hidden ?? false };
  const urlName = body.displayName.replace(/[^A-Za-z0-9]/g, '') || id;
  ctx.store.stmt('INSERT INTO lists(id, site_id, display_name, name, version, next_item_id, doc) VALUES (?, ?, ?, ?, 1, 1, ?)').run(id, site.id, body.displayName, urlName, JSON.stringify(doc));
  insertColumn(ctx.store, id, titleColumn(ctx.store.newGuid()));
  for (const c of body.columns ?? []) insertColumn(ctx.store, id, columnFromInput(ctx.store.newGuid(), c));
  const row = requireList(ctx.store, site.id, id);
  return json(
    { '@odata.context': graphUrl(ctx, `/$metadata#sites('${site.id}')/lists/$entity`), ...listResource(row) },
    201,
    { ETag: listEtag(row), Location: graphUrl(ctx, `/sites/${site.id}/lists/${id}`) },
  );
}

function addColumn(ctx: RouteContext) {
  const list = requireList(ctx.store, param(ctx, 0), param(ctx, 1));
  const input = parseBody(ColumnInputSchema, ctx.req.body);
  if (listColumns(ctx.store, list.id).some((c) => c.name.toLowerCase() === input.name.toLowerCase())) {
    throw invalidRequest(`A duplicate field name "${input.name}" was found.`);
  }
  const column = columnFromInput(ctx.store.newGuid(), input);
  checkIndexLimit([...listColumns(ctx.store, list.id), column]);
  insertColumn(ctx.store, list.id, column);
  if (column.indexed) backfillIndex(ctx.store, list.id, column);
  touchList(ctx, list);
  return json({ '@odata.context': graphUrl(ctx, `/$metadata#sites('${list.site_id}')/lists('${list.id}')/columns/$entity`), ...columnResource(column) }, 201);
}

/**
 * PATCH …/lists/{list}/columns/{column-id}: "For columns in site or list, you can update any property of
 * columnDefinition other than the id property" (https://learn.microsoft.com/en-us/graph/api/columndefinition-update).
 * The emulator models what changes how the list answers: `indexed` (with the 20-index limit and no
 * index on multiple lines of text), and the display name and description. The column is addressed by
 * its id, as the documented request is.
 */
const UpdateColumnSchema = z.strictObject({ indexed: z.boolean().optional(), displayName: z.string().min(1).max(255).optional(), description: z.string().max(1000).optional() });

function updateColumn(ctx: RouteContext) {
  const list = requireList(ctx.store, param(ctx, 0), param(ctx, 1));
  const input = parseBody(UpdateColumnSchema, ctx.req.body);
  const columns = listColumns(ctx.store, list.id);
  const existing = columns.find((c) => c.id === param(ctx, 2).toLowerCase());
  if (!existing) throw notFound('Column not found.');
  const column: ColumnDef = { ...existing, ...input };
  if (input.indexed && !existing.indexed) {
    if (column.multiLine) throw invalidRequest(`Column '${column.name}' of type multiple lines of text cannot be indexed.`);
    checkIndexLimit([...columns.filter((c) => c.id !== existing.id), column]);
  }
  ctx.store.stmt('UPDATE columns SET doc = ? WHERE list_id = ? AND name = ?').run(JSON.stringify(column), list.id, column.name);
  if (column.indexed && !existing.indexed) backfillIndex(ctx.store, list.id, column);
  if (!column.indexed && existing.indexed) ctx.store.stmt('DELETE FROM item_values WHERE list_id = ? AND col = ?').run(list.id, column.name);
  touchList(ctx, list);
  return json({ '@odata.context': graphUrl(ctx, `/$metadata#sites('${list.site_id}')/lists('${list.id}')/columns/$entity`), ...columnResource(column) });
}

const READ_ONLY_COLUMNS: ColumnDef[] = [
  { ...columnFromInput('03e45e84-1992-4d42-9116-26f756012634', { name: 'ContentType', text: {} }), displayName: 'Content Type', readOnly: true },
  { ...columnFromInput('28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', { name: 'Modified', dateTime: {} }), readOnly: true },
  { ...columnFromInput('8c06beca-0777-48f7-91c7-6da68bc07b69', { name: 'Created', dateTime: {} }), readOnly: true },
];

export function listRoutes(_env: Env): Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/sites\/([^/]+)\/lists$/,
      handler: (ctx) => {
        const site = requireSite(param(ctx, 0));
        const rows = ctx.store.stmt('SELECT * FROM lists WHERE site_id = ? ORDER BY display_name').all(site.id) as ListRow[];
        const filterText = queryOption(ctx.req, 'filter');
        const filter = filterText ? parseFilter(filterText) : undefined;
        const withColumns = expandsColumns(ctx);
        const select = queryOption(ctx.req, 'select');
        const values = rows
          .map((r) => listResource(r, withColumns ? listColumns(ctx.store, r.id) : undefined))
          .filter((l) => !filter || matches(filter, l))
          .map((l) => selectProperties(l, select, ['id']));
        return json({ '@odata.context': graphUrl(ctx, `/$metadata#sites('${site.id}')/lists`), value: values });
      },
    },
    { method: 'POST', pattern: /^\/sites\/([^/]+)\/lists$/, handler: (ctx) => createList(ctx, param(ctx, 0), ctx.user) },
    {
      method: 'GET',
      pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)$/,
      handler: (ctx) => {
        const row = requireList(ctx.store, param(ctx, 0), param(ctx, 1));
        const resource = listResource(row, expandsColumns(ctx) ? listColumns(ctx.store, row.id) : undefined);
        return json({ '@odata.context': graphUrl(ctx, `/$metadata#sites('${row.site_id}')/lists/$entity`), ...selectProperties(resource, queryOption(ctx.req, 'select'), ['id']) }, 200, {
          ETag: listEtag(row),
        });
      },
    },
    {
      method: 'GET',
      pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)\/columns$/,
      handler: (ctx) => {
        const row = requireList(ctx.store, param(ctx, 0), param(ctx, 1));
        const columns = [...listColumns(ctx.store, row.id), ...READ_ONLY_COLUMNS].map(columnResource);
        const select = queryOption(ctx.req, 'select');
        return json({
          '@odata.context': graphUrl(ctx, `/$metadata#sites('${row.site_id}')/lists('${row.id}')/columns`),
          value: columns.map((c) => selectProperties(c, select, ['id'])),
        });
      },
    },
    { method: 'POST', pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)\/columns$/, handler: addColumn },
    { method: 'PATCH', pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)\/columns\/([^/]+)$/, handler: updateColumn },
  ];
}
