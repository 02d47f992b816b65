// List items: GET with $expand=fields[($select=…)], $select, $filter on fields/X, $orderby, $top,
// @odata.nextLink paging; POST, GET one, PATCH fields (optional If-Match), DELETE.
import type * as MG from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import { graphUrl, isoNow, json, noContent, param, parseBody, queryOption, selectProperties, type Env, type Route, type RouteContext } from '../context';
import { invalidRequest, notFound, preconditionFailed } from '../errors';
import { filterPaths, parseFilter, type FilterNode, type Literal } from '../filter';
import { ALL_USERS } from '../seed';
import type { Store } from '../store';
import { indexValue, normaliseDateTime, normaliseFieldValue, type ColumnDef } from './columns';
import { identitySet, listColumns, listSecurity, listWebUrl, requireList, type ListRow } from './lists';
import { accessDeniedError } from './permissions';
import { requireSite } from './sites';

/** SharePoint's list view threshold: queries on non-indexed columns fail on lists larger than this. */
export const LIST_VIEW_THRESHOLD = 5000;
export const DEFAULT_PAGE_SIZE = 200;
export const MAX_PAGE_SIZE = 5000;
const HONOR_NON_INDEXED = 'honornonindexedquerieswarningmayfailrandomly';

export interface ItemRow {
  list_id: string;
  id: number;
  guid: string;
  version: number;
  created: string;
  modified: string;
  created_by: string;
  modified_by: string;
  fields: string;
}

type StoredFields = Record<string, string | number | boolean>;

const FieldsSchema = z.record(z.string(), z.unknown());
const CreateItemSchema = z.object({ fields: FieldsSchema.optional() });
const UpdateItemSchema = z.object({ fields: FieldsSchema });

export function itemEtag(row: Pick<ItemRow, 'guid' | 'version'>): string {
  return `"${row.guid},${row.version}"`;
}

/** Site-scoped user lookup ids, as in SharePoint's User Information List. */
export function lookupId(userId: string): string {
  const index = ALL_USERS.findIndex((u) => u.id === userId);
  return String(index < 0 ? 1073741823 : index + 7);
}

function stripMillis(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, 'Z');
}

function fieldsResource(row: ItemRow, select?: Set<string>): MG.FieldValueSet & Record<string, unknown> {
  const stored = JSON.parse(row.fields) as StoredFields;
  const all: Record<string, unknown> = {
    ...stored,
    id: String(row.id),
    ContentType: 'Item',
    Modified: stripMillis(row.modified),
    Created: stripMillis(row.created),
    AuthorLookupId: lookupId(row.created_by),
    EditorLookupId: lookupId(row.modified_by),
    _UIVersionString: `${row.version}.0`,
    Attachments: false,
    Edit: '',
    LinkTitleNoMenu: stored.Title ?? '',
    LinkTitle: stored.Title ?? '',
    ItemChildCount: '0',
    FolderChildCount: '0',
  };
  const out: Record<string, unknown> = { '@odata.etag': itemEtag(row) };
  for (const [k, v] of Object.entries(all)) if (!select || select.has(k)) out[k] = v;
  return out;
}

interface Expansion {
  fields: boolean;
  fieldSelect?: Set<string>;
}

function parseExpand(ctx: RouteContext): Expansion {
  const expand = queryOption(ctx.req, 'expand');
  if (!expand) return { fields: false };
  const m = /^\s*fields(?:\(\s*\$?select\s*=\s*([^)]*)\))?\s*$/i.exec(expand);
  if (!m) throw invalidRequest(`Parsing OData Select and Expand failed: Could not find a property named '${expand}' on type 'microsoft.graph.listItem'.`);
  const names = m[1]?.split(',').map((s) => s.trim()).filter(Boolean);
  return names ? { fields: true, fieldSelect: new Set(names) } : { fields: true };
}

function itemResource(ctx: RouteContext, list: ListRow, row: ItemRow, expansion: Expansion): MG.ListItem & Record<string, unknown> {
  const base: MG.ListItem & Record<string, unknown> = {
    '@odata.etag': itemEtag(row),
    createdDateTime: stripMillis(row.created),
    eTag: itemEtag(row),
    id: String(row.id),
    lastModifiedDateTime: stripMillis(row.modified),
    webUrl: `${listWebUrl(list)}/${row.id}_.000`,
    createdBy: identitySet(row.created_by),
    lastModifiedBy: identitySet(row.modified_by),
    parentReference: { id: list.id, siteId: list.site_id },
    contentType: { id: '0x0100', name: 'Item' },
  };
  const selected = selectProperties(base, queryOption(ctx.req, 'select'), ['id']) as MG.ListItem & Record<string, unknown>;
  if (expansion.fields) {
    selected['fields@odata.context'] = graphUrl(ctx, `/$metadata#sites('${list.site_id}')/lists('${list.id}')/items('${row.id}')/fields/$entity`);
    selected.fields = fieldsResource(row, expansion.fieldSelect);
  }
  return selected;
}

/** Validates written fields against the list's columns; unknown names are refused like Graph does. */
function normaliseWrite(byName: Map<string, ColumnDef>, input: Record<string, unknown>): Map<ColumnDef, string | number | boolean | null> {
  const out = new Map<ColumnDef, string | number | boolean | null>();
  for (const [name, value] of Object.entries(input)) {
    if (name.startsWith('@odata.')) continue;
    const column = byName.get(name);
    if (!column || column.readOnly) throw invalidRequest(`Field '${name}' is not recognized`);
    out.set(column, normaliseFieldValue(column, value));
  }
  return out;
}

function columnsByName(columns: ColumnDef[]): Map<string, ColumnDef> {
  return new Map(columns.map((c) => [c.name, c]));
}

function applyWrite(store: Store, list: ListRow, itemId: number, stored: StoredFields, changes: Map<ColumnDef, string | number | boolean | null>): StoredFields {
  const next: StoredFields = { ...stored };
  const upsert = store.stmt('INSERT OR REPLACE INTO item_values(list_id, col, item_id, value) VALUES (?, ?, ?, ?)');
  const remove = store.stmt('DELETE FROM item_values WHERE list_id = ? AND col = ? AND item_id = ?');
  for (const [column, value] of changes) {
    if (value === null) delete next[column.name];
    else next[column.name] = value;
    if (!column.indexed) continue;
    if (value === null) remove.run(list.id, column.name, itemId);
    else upsert.run(list.id, column.name, itemId, indexValue(value));
  }
  return next;
}

/** Inserts items with consecutive ids; ids and guids are reserved with one update each. */
export function insertItems(store: Store, env: Env, list: ListRow, columns: ColumnDef[], fieldsList: Record<string, unknown>[], userId: string): ItemRow[] {
  const byName = columnsByName(columns);
  const count = fieldsList.length;
  const reserved = store.stmt('UPDATE lists SET next_item_id = next_item_id + ? WHERE id = ? RETURNING next_item_id - ? AS id').get(count, list.id, count) as { id: number };
  const guids = store.newGuids(count);
  const now = isoNow(env);
  const insert = store.stmt(
    'INSERT INTO items(list_id, id, guid, version, created, modified, created_by, modified_by, fields) VALUES (@list_id, @id, @guid, @version, @created, @modified, @created_by, @modified_by, @fields)',
  );
  return fieldsList.map((fields, i) => {
    const id = reserved.id + i;
    const stored = applyWrite(store, list, id, {}, normaliseWrite(byName, fields));
    const row: ItemRow = { list_id: list.id, id, guid: guids[i] ?? '', version: 1, created: now, modified: now, created_by: userId, modified_by: userId, fields: JSON.stringify(stored) };
    insert.run(row);
    return row;
  });
}

function requireItem(store: Store, list: ListRow, id: string): ItemRow {
  const n = /^\d+$/.test(id) ? Number(id) : NaN;
  const row = Number.isNaN(n) ? undefined : (store.stmt('SELECT * FROM items WHERE list_id = ? AND id = ?').get(list.id, n) as ItemRow | undefined);
  if (!row) throw notFound('The specified list item was not found.');
  return row;
}

// ---- item-level permissions (ReadSecurity / WriteSecurity, sharepoint/permissions.ts) ---------------

/** The author the caller's reads are limited to under ReadSecurity 2, or undefined when they see every item. */
function readRestriction(ctx: RouteContext, list: ListRow): string | undefined {
  if (listSecurity(list).readSecurity !== 2) return undefined;
  return ctx.permissions.itemLevelApplies(requireSite(list.site_id), ctx.principal) ? ctx.user.id : undefined;
}

/**
 * An item the caller may read. Someone else's item under ReadSecurity 2 answers exactly as a missing one
 * does (404 itemNotFound), so neither its existence nor its id leaks; SharePoint itself tells such a
 * reader the item does not exist.
 */
function requireReadableItem(ctx: RouteContext, list: ListRow, id: string): ItemRow {
  const row = requireItem(ctx.store, list, id);
  const author = readRestriction(ctx, list);
  if (author !== undefined && row.created_by !== author) throw notFound('The specified list item was not found.');
  return row;
}

/** WriteSecurity 4: nobody but the list's administrators adds, edits or deletes; 2: only the author edits or deletes. */
function requireItemWrite(ctx: RouteContext, list: ListRow, row: ItemRow | undefined): void {
  const { writeSecurity } = listSecurity(list);
  if (writeSecurity === 1) return;
  if (!ctx.permissions.itemLevelApplies(requireSite(list.site_id), ctx.principal)) return;
  if (writeSecurity === 4 || (row !== undefined && row.created_by !== ctx.user.id)) throw accessDeniedError();
}

function normaliseEtag(value: string): string {
  return value.trim().replace(/^W\//, '').replace(/"/g, '');
}

/** If-Match is optional on list items; when sent it must match the current etag (listitem-update). */
function checkIfMatch(ctx: RouteContext, row: ItemRow): void {
  const ifMatch = ctx.req.headers['if-match'];
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  if (normaliseEtag(ifMatch) !== normaliseEtag(itemEtag(row))) throw preconditionFailed('The request ETag value does not match the object\'s ETag value');
}

function updateItem(ctx: RouteContext, list: ListRow, row: ItemRow, fields: Record<string, unknown>): ItemRow {
  checkIfMatch(ctx, row);
  const changes = normaliseWrite(columnsByName(listColumns(ctx.store, list.id)), fields);
  const stored = applyWrite(ctx.store, list, row.id, JSON.parse(row.fields) as StoredFields, changes);
  const updated: ItemRow = { ...row, version: row.version + 1, modified: isoNow(ctx), modified_by: ctx.user.id, fields: JSON.stringify(stored) };
  ctx.store.stmt('UPDATE items SET version = @version, modified = @modified, modified_by = @modified_by, fields = @fields WHERE list_id = @list_id AND id = @id').run(updated);
  return updated;
}

// ---- queries ------------------------------------------------------------------------------

interface CompiledQuery {
  where: string;
  params: unknown[];
}

function fieldColumn(path: string, byName: Map<string, ColumnDef>): ColumnDef {
  const m = /^fields\/(\w+)$/.exec(path);
  if (!m) throw invalidRequest(`Invalid filter clause: only fields/<column> can be filtered on list items, got '${path}'.`);
  const column = byName.get(m[1] ?? '');
  if (!column || column.readOnly) throw invalidRequest(`Column '${m[1]}' does not exist. It may have been deleted by another user.`);
  return column;
}

function literalFor(column: ColumnDef, value: Literal): string | number | null {
  if (value === null) return null;
  switch (column.type) {
    case 'number':
      if (typeof value !== 'number') throw invalidRequest(`Invalid filter clause: field '${column.name}' is a number, compared with '${String(value)}'.`);
      return value;
    case 'boolean':
      if (value === true || value === 1) return 1;
      if (value === false || value === 0) return 0;
      throw invalidRequest(`Invalid filter clause: field '${column.name}' is a boolean, compared with '${String(value)}'.`);
    case 'dateTime': {
      const iso = typeof value === 'string' ? normaliseDateTime(value) : null;
      if (iso === null) throw invalidRequest(`Invalid filter clause: field '${column.name}' is a date, compared with '${String(value)}'.`);
      return iso;
    }
    default:
      return typeof value === 'boolean' ? String(value) : typeof value === 'number' ? String(value) : value;
  }
}

const SQL_OPS = { eq: '=', ne: '<>', lt: '<', gt: '>', le: '<=', ge: '>=' } as const;

function valueExpr(column: ColumnDef, listId: string, params: unknown[]): string {
  if (column.indexed) {
    params.push(listId, column.name);
    return '(SELECT v.value FROM item_values v WHERE v.list_id = ? AND v.col = ? AND v.item_id = items.id)';
  }
  params.push(`$."${column.name}"`);
  return 'json_extract(items.fields, ?)';
}

function compile(node: FilterNode, byName: Map<string, ColumnDef>, listId: string, params: unknown[]): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${compile(node.left, byName, listId, params)} ${node.kind.toUpperCase()} ${compile(node.right, byName, listId, params)})`;
    case 'not':
      return `(NOT ${compile(node.operand, byName, listId, params)})`;
    case 'startswith': {
      const column = fieldColumn(node.path, byName);
      if (column.type !== 'text' && column.type !== 'choice') throw invalidRequest(`Invalid filter clause: startswith needs a text field, '${column.name}' is not.`);
      // A range on the prefix keeps the index usable; U+10FFFF sorts after every other character.
      const upper = `${node.value}\u{10FFFF}`;
      if (column.indexed) {
        params.push(listId, column.name, node.value, upper);
        return 'items.id IN (SELECT item_id FROM item_values WHERE list_id = ? AND col = ? AND value >= ? AND value < ?)';
      }
      const expr = valueExpr(column, listId, params);
      params.push(node.value);
      const expr2 = valueExpr(column, listId, params);
      params.push(upper);
      return `(${expr} >= ? AND ${expr2} < ?)`;
    }
    case 'cmp': {
      const column = fieldColumn(node.path, byName);
      const literal = literalFor(column, node.value);
      if (literal === null) {
        if (node.op !== 'eq' && node.op !== 'ne') throw invalidRequest('Invalid filter clause: null can only be compared with eq or ne.');
        const expr = valueExpr(column, listId, params);
        return `(${expr} IS ${node.op === 'eq' ? '' : 'NOT '}NULL)`;
      }
      if (column.indexed) {
        params.push(listId, column.name, literal);
        return `items.id IN (SELECT item_id FROM item_values WHERE list_id = ? AND col = ? AND value ${SQL_OPS[node.op]} ?)`;
      }
      const expr = valueExpr(column, listId, params);
      params.push(literal);
      return `(${expr} ${SQL_OPS[node.op]} ?)`;
    }
  }
}

function prefers(ctx: RouteContext, preference: string): boolean {
  const header = ctx.req.headers.prefer ?? '';
  return header
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .includes(preference);
}

/** `restricted`: the caller sees only their own items, so the message does not tell them how many there are. */
function thresholdRule(ctx: RouteContext, list: ListRow, columns: ColumnDef[], restricted: boolean): void {
  const nonIndexed = columns.find((c) => !c.indexed);
  if (!nonIndexed) return;
  if (!prefers(ctx, HONOR_NON_INDEXED)) {
    // Message as Graph returns it (microsoft-graph-docs issue #2279 and others).
    throw invalidRequest(
      `Field '${nonIndexed.name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
    );
  }
  const count = (ctx.store.stmt('SELECT COUNT(*) AS n FROM items WHERE list_id = ?').get(list.id) as { n: number }).n;
  if (count > LIST_VIEW_THRESHOLD) {
    throw invalidRequest(
      `The attempted operation is prohibited because it exceeds the list view threshold (${LIST_VIEW_THRESHOLD} items): field '${nonIndexed.name}' is not indexed and the list holds ${restricted ? `more than ${LIST_VIEW_THRESHOLD}` : count} items.`,
    );
  }
}

function encodeSkipToken(state: { afterId?: number; offset?: number }): string {
  const text = state.offset !== undefined ? `Paged=TRUE&p_Offset=${state.offset}` : `Paged=TRUE&p_ID=${state.afterId ?? 0}`;
  return Buffer.from(text, 'utf8').toString('base64');
}

function decodeSkipToken(token: string): { afterId?: number; offset?: number } {
  const text = Buffer.from(token, 'base64').toString('utf8');
  const id = /^Paged=TRUE&p_ID=(\d+)$/.exec(text);
  if (id) return { afterId: Number(id[1]) };
  const offset = /^Paged=TRUE&p_Offset=(\d+)$/.exec(text);
  if (offset) return { offset: Number(offset[1]) };
  throw invalidRequest('The $skiptoken is not valid.');
}

/** Absolute nextLink on the public Graph origin, query options written with a literal `$` as Graph does. */
function nextLink(ctx: RouteContext, list: ListRow, skipToken: string): string {
  const parts: string[] = [];
  for (const [key, value] of ctx.req.query) {
    if (key === '$skiptoken' || key === 'skiptoken') continue;
    parts.push(`${key}=${encodeURIComponent(value)}`);
  }
  parts.push(`$skiptoken=${encodeURIComponent(skipToken)}`);
  return `${graphUrl(ctx, `/sites/${list.site_id}/lists/${list.id}/items`)}?${parts.join('&')}`;
}

function listItems(ctx: RouteContext) {
  const list = requireList(ctx.store, param(ctx, 0), param(ctx, 1));
  const columns = listColumns(ctx.store, list.id);
  const byName = new Map(columns.map((c) => [c.name, c]));
  const expansion = parseExpand(ctx);
  const topText = queryOption(ctx.req, 'top');
  if (topText !== undefined && !/^\d+$/.test(topText)) throw invalidRequest(`Invalid $top value '${topText}'.`);
  const top = Math.min(topText === undefined ? DEFAULT_PAGE_SIZE : Math.max(1, Number(topText)), MAX_PAGE_SIZE);

  const query: CompiledQuery = { where: 'items.list_id = ?', params: [list.id] };
  // Items the caller may not read are not in the result at all, so paging runs over what they can see.
  const author = readRestriction(ctx, list);
  if (author !== undefined) {
    query.where += ' AND items.created_by = ?';
    query.params.push(author);
  }
  const referenced: ColumnDef[] = [];
  const filterText = queryOption(ctx.req, 'filter');
  if (filterText) {
    const ast = parseFilter(filterText);
    for (const path of filterPaths(ast)) referenced.push(fieldColumn(path, byName));
    const params: unknown[] = [];
    query.where += ` AND ${compile(ast, byName, list.id, params)}`;
    query.params.push(...params);
  }
  let order = 'items.id ASC';
  const orderText = queryOption(ctx.req, 'orderby');
  const orderParams: unknown[] = [];
  if (orderText) {
    const m = /^\s*(fields\/\w+)(?:\s+(asc|desc))?\s*$/i.exec(orderText);
    if (!m) throw invalidRequest(`Invalid $orderby clause '${orderText}': one fields/<column> [asc|desc] is supported.`);
    const column = fieldColumn(m[1] ?? '', byName);
    referenced.push(column);
    order = `${valueExpr(column, list.id, orderParams)} ${(m[2] ?? 'asc').toUpperCase()}, items.id ASC`;
  }
  thresholdRule(ctx, list, referenced, author !== undefined);

  const tokenText = queryOption(ctx.req, 'skiptoken');
  const token = tokenText ? decodeSkipToken(tokenText) : {};
  let sql = `SELECT * FROM items WHERE ${query.where}`;
  const params = [...query.params];
  if (!orderText && token.afterId !== undefined) {
    sql += ' AND items.id > ?';
    params.push(token.afterId);
  }
  sql += ` ORDER BY ${order} LIMIT ? OFFSET ?`;
  const offset = orderText ? (token.offset ?? 0) : 0;
  params.push(...orderParams, top + 1, offset);
  // Filters vary per request, so this statement is not cached.
  const rows = ctx.store.db.prepare(sql).all(...params) as ItemRow[];
  const page = rows.slice(0, top);
  const body: Record<string, unknown> = {
    '@odata.context': graphUrl(ctx, `/$metadata#sites('${list.site_id}')/lists('${list.id}')/items`),
    value: page.map((r) => itemResource(ctx, list, r, expansion)),
  };
  const last = page[page.length - 1];
  if (rows.length > top && last) {
    body['@odata.nextLink'] = nextLink(ctx, list, encodeSkipToken(orderText ? { offset: offset + top } : { afterId: last.id }));
  }
  return json(body);
}

export function itemRoutes(_env: Env): Route[] {
  const items = /^\/sites\/([^/]+)\/lists\/([^/]+)\/items$/;
  const item = /^\/sites\/([^/]+)\/lists\/([^/]+)\/items\/([^/]+)$/;
  const fields = /^\/sites\/([^/]+)\/lists\/([^/]+)\/items\/([^/]+)\/fields$/;
  return [
    { method: 'GET', pattern: items, handler: listItems },
    {
      method: 'POST',
      pattern: items,
      handler: (ctx) => {
        const list = requireList(ctx.store, param(ctx, 0), param(ctx, 1));
        const body = parseBody(CreateItemSchema, ctx.req.body);
        requireItemWrite(ctx, list, undefined);
        const [row] = insertItems(ctx.store, ctx, list, listColumns(ctx.store, list.id), [body.fields ?? {}], ctx.user.id);
        if (!row) throw new Error('item not inserted');
        return json(
          { '@odata.context': graphUrl(ctx, `/$metadata#sites('${list.site_id}')/lists('${list.id}')/items/$entity`), ...itemResource(ctx, list, row, { fields: true }) },
          201,
          { ETag: itemEtag(row), Location: graphUrl(ctx, `/sites/${list.site_id}/lists/${list.id}/items/${row.id}`) },
        );
      },
    },
    {
      method: 'GET',
      pattern: item,
      handler: (ctx) => {
        const list = requireList(ctx.store, param(ctx, 0), param(ctx, 1));
        const row = requireReadableItem(ctx, list, param(ctx, 2));
        const expansion = parseExpand(ctx);
        return json(
          { '@odata.context': graphUrl(ctx, `/$metadata#sites('${list.site_id}')/lists('${list.id}')/items/$entity`), ...itemResource(ctx, list, row, expansion) },
          200,
          { ETag: itemEtag(row) },
        );
      },
    },
    {
      method: 'GET',
      pattern: fields,
      handler: (ctx) => {
        const list = requireList(ctx.store, param(ctx, 0), param(ctx, 1));
        const row = requireReadableItem(ctx, list, param(ctx, 2));
        const select = queryOption(ctx.req, 'select');
        return json(fieldsResource(row, select ? new Set(select.split(',').map((s) => s.trim())) : undefined), 200, { ETag: itemEtag(row) });
      },
    },
    {
      method: 'PATCH',
      pattern: fields,
      handler: (ctx) => {
        const list = requireList(ctx.store, param(ctx, 0), param(ctx, 1));
        const row = requireReadableItem(ctx, list, param(ctx, 2));
        requireItemWrite(ctx, list, row);
        const updated = updateItem(ctx, list, row, parseBody(FieldsSchema, ctx.req.body));
        return json(
          { '@odata.context': graphUrl(ctx, `/$metadata#sites('${list.site_id}')/lists('${list.id}')/items('${row.id}')/fields/$entity`), ...fieldsResource(updated) },
          200,
          { ETag: itemEtag(updated) },
        );
      },
    },
    {
      method: 'PATCH',
      pattern: item,
      handler: (ctx) => {
        const list = requireList(ctx.store, param(ctx, 0), param(ctx, 1));
        const row = requireReadableItem(ctx, list, param(ctx, 2));
        requireItemWrite(ctx, list, row);
        const updated = updateItem(ctx, list, row, parseBody(UpdateItemSchema, ctx.req.body).fields);
        return json(itemResource(ctx, list, updated, { fields: true }), 200, { ETag: itemEtag(updated) });
      },
    },
    {
      method: 'DELETE',
      pattern: item,
      handler: (ctx) => {
        const list = requireList(ctx.store, param(ctx, 0), param(ctx, 1));
        const row = requireReadableItem(ctx, list, param(ctx, 2));
        requireItemWrite(ctx, list, row);
        checkIfMatch(ctx, row);
        ctx.store.stmt('DELETE FROM items WHERE list_id = ? AND id = ?').run(list.id, row.id);
        ctx.store.stmt('DELETE FROM item_values WHERE list_id = ? AND item_id = ?').run(list.id, row.id);
        return noContent();
      },
    },
  ];
}

/** Admin bulk insert for scale tests: one transaction, same validation as POST. */
export function bulkInsertItems(store: Store, env: Env, siteId: string, listId: string, items: Record<string, unknown>[], userId: string): number {
  const list = requireList(store, siteId, listId);
  const columns = listColumns(store, list.id);
  return insertItems(store, env, list, columns, items, userId).length;
}

