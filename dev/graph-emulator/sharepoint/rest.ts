// SharePoint's own REST API (`/_api/...`), for what Graph v1.0 cannot do: reading and setting a list's
// item-level permissions, and asking what the caller may do. Served on the emulator's origin under
// `/_sharepoint/{hostname}{site path}/_api/...`, i.e. the real URL with `https://` replaced by
// `http://127.0.0.1:PORT/_sharepoint/` (see sharePointLoopbackUrl).
//
// Sources: "Complete basic operations using SharePoint REST endpoints" (X-HTTP-Method: MERGE on a POST) and
// "Working with lists and list items with REST" (learn.microsoft.com/sharepoint/dev/sp-add-ins/
// working-with-lists-and-list-items-with-rest: GetByTitle, POST with X-HTTP-Method: MERGE and IF-MATCH,
// body with __metadata type SP.List, 204 on success); SP.List ReadSecurity / WriteSecurity and
// EffectiveBasePermissions; SP.Web.currentUser; JSON formats odata=verbose / nometadata
// ("JSON Light support in REST SharePoint API", learn.microsoft.com). The 403 body is the one SharePoint
// Online answers (Microsoft Q&A 131535: code "-2147024891, System.UnauthorizedAccessException").
import { z } from 'zod';
import { rateLimitHeaders } from '../budget';
import { hasScope, selectedInstead } from '../scopes';
import type { EmuResponse, Env, Principal } from '../context';
import { GraphHttpError, zodMessage } from '../errors';
import { ALL_SITES, SHAREPOINT_HOST, type SeedSite } from '../seed';
import { lookupId } from './items';
import { findList, findListByTitle, listCreated, listSecurity, setListSecurity, type ListRow } from './lists';
import { basePermissions, hasPermission, type BasePermissions } from './permissions';
import { siteWebUrl } from './sites';

/** Path prefix of SharePoint REST on the emulator's origin. */
export const SHAREPOINT_REST_PREFIX = '/_sharepoint';

/**
 * Maps a real SharePoint URL (`https://gemeente-voorbeeld.sharepoint.com/sites/X/_api/...`) to the
 * emulator's loopback URL (`http://127.0.0.1:PORT/_sharepoint/gemeente-voorbeeld.sharepoint.com/sites/X/_api/...`).
 */
export function sharePointLoopbackUrl(origin: string, sharePointUrl: string): string {
  const real = new URL(sharePointUrl);
  return `${new URL(origin).origin}${SHAREPOINT_REST_PREFIX}/${real.host}${real.pathname}${real.search}`;
}

export interface RestRequest {
  method: string;
  /** Percent-decoded path after SHAREPOINT_REST_PREFIX, e.g. `/host/sites/X/_api/web/currentuser`. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

type Format = 'verbose' | 'nometadata' | 'minimalmetadata';

class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const ACCESS_DENIED = 'Access denied. You do not have permission to perform this action or access this resource.';
const accessDenied = () => new RestError(403, '-2147024891, System.UnauthorizedAccessException', ACCESS_DENIED);
const argumentError = (message = 'Value does not fall within the expected range.') => new RestError(400, '-2147024809, System.ArgumentException', message);

function formatOf(headers: Record<string, string>): Format {
  const accept = (headers.accept ?? '').toLowerCase();
  if (accept.includes('odata=verbose')) return 'verbose';
  if (accept.includes('odata=nometadata')) return 'nometadata';
  return 'minimalmetadata';
}

function contentType(format: Format): string {
  return `application/json;odata=${format};streaming=true;charset=utf-8`;
}

function errorResponse(format: Format, status: number, code: string, message: string): EmuResponse {
  const error = { code, message: { lang: 'en-US', value: message } };
  return { status, headers: { 'Content-Type': contentType(format) }, body: format === 'verbose' ? { error } : { 'odata.error': error } };
}

function ok(format: Format, body: Record<string, unknown>, headers: Record<string, string> = {}): EmuResponse {
  return { status: 200, headers: { 'Content-Type': contentType(format), ...headers }, body };
}

/** `/host/sites/X/_api/rest` → the site and `rest`. */
function locate(path: string): { site: SeedSite; api: string } {
  const m = /^\/([^/]+)(\/.*?)?\/_api(?:\/(.*))?$/i.exec(path);
  if (!m) throw new RestError(404, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'The request URL is not a SharePoint REST URL (…/_api/…).');
  const host = (m[1] ?? '').toLowerCase();
  const sitePath = (m[2] ?? '').replace(/\/+$/, '') || '/';
  const site = host === SHAREPOINT_HOST ? ALL_SITES.find((s) => s.path.toLowerCase() === sitePath.toLowerCase()) : undefined;
  if (!site) throw new RestError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
  return { site, api: m[3] ?? '' };
}

function selected(query: URLSearchParams): Set<string> | undefined {
  const select = query.get('$select') ?? query.get('select');
  if (!select) return undefined;
  return new Set(select.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
}

function pick(props: Record<string, unknown>, select: Set<string> | undefined): Record<string, unknown> {
  if (!select) return props;
  return Object.fromEntries(Object.entries(props).filter(([k]) => select.has(k.toLowerCase())));
}

function entity(format: Format, type: string, uri: string, props: Record<string, unknown>, etag?: string): Record<string, unknown> {
  if (format === 'verbose') return { d: { __metadata: { id: uri, uri, ...(etag ? { etag } : {}), type }, ...props } };
  if (format === 'nometadata') return props;
  return { 'odata.metadata': `${uri.replace(/\/_api\/.*$/, '')}/_api/$metadata#${type}`, 'odata.type': type, 'odata.id': uri, ...(etag ? { 'odata.etag': etag } : {}), ...props };
}

function permissionsBody(format: Format, mask: BasePermissions, uri: string): Record<string, unknown> {
  if (format === 'verbose') return { d: { EffectiveBasePermissions: { __metadata: { type: 'SP.BasePermissions' }, ...mask } } };
  if (format === 'nometadata') return { ...mask };
  return { 'odata.metadata': `${uri.replace(/\/_api\/.*$/, '')}/_api/$metadata#Edm.BasePermissions`, ...mask };
}

function listEtag(row: ListRow): string {
  return `"${row.version}"`;
}

function listProps(env: Env, row: ListRow): Record<string, unknown> {
  const created = listCreated(row);
  const security = listSecurity(row);
  const itemCount = (env.store.stmt('SELECT COUNT(*) AS n FROM items WHERE list_id = ?').get(row.id) as { n: number }).n;
  return {
    Id: row.id,
    Title: row.display_name,
    Description: created.description,
    BaseTemplate: 100,
    BaseType: 0,
    Hidden: false,
    Created: created.created,
    LastItemModifiedDate: created.modified,
    ItemCount: itemCount,
    EntityTypeName: `${row.name}List`,
    ListItemEntityTypeFullName: `SP.Data.${row.name}ListItem`,
    ReadSecurity: security.readSecurity,
    WriteSecurity: security.writeSecurity,
  };
}

/** MERGE body: nometadata without `__metadata`, verbose with `{ type: 'SP.List' }`. Only item-level permissions are writable here. */
const ListMergeSchema = z
  .object({
    __metadata: z.object({ type: z.literal('SP.List') }).strict().optional(),
    ReadSecurity: z.number().int().optional(),
    WriteSecurity: z.number().int().optional(),
  })
  .strict();

function parseMerge(body: unknown): { readSecurity?: 1 | 2; writeSecurity?: 1 | 2 | 4 } {
  if (body === undefined || body === null) throw argumentError('The request body is empty: send the list properties to change.');
  if (typeof body === 'object' && !Array.isArray(body)) {
    const unknownKey = Object.keys(body).find((k) => !['__metadata', 'ReadSecurity', 'WriteSecurity'].includes(k));
    if (unknownKey !== undefined) {
      throw new RestError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `The property '${unknownKey}' does not exist on type 'SP.List'. Make sure to only use property names that are defined by the type.`);
    }
  }
  const parsed = ListMergeSchema.safeParse(body);
  if (!parsed.success) throw new RestError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `Invalid request body: ${zodMessage(parsed.error)}`);
  const out: { readSecurity?: 1 | 2; writeSecurity?: 1 | 2 | 4 } = {};
  const { ReadSecurity: read, WriteSecurity: write } = parsed.data;
  if (read !== undefined) {
    if (read !== 1 && read !== 2) throw argumentError();
    out.readSecurity = read;
  }
  if (write !== undefined) {
    if (write !== 1 && write !== 2 && write !== 4) throw argumentError();
    out.writeSecurity = write;
  }
  return out;
}

function requireListByTitle(env: Env, site: SeedSite, title: string): ListRow {
  const row = findListByTitle(env.store, site.id, title);
  if (!row) throw new RestError(404, '-1, System.ArgumentException', `List '${title}' does not exist at site with URL '${siteWebUrl(site)}'.`);
  return row;
}

function requireListById(env: Env, site: SeedSite, id: string): ListRow {
  const row = findList(env.store, site.id, id);
  if (!row || row.id !== id.toLowerCase()) throw new RestError(404, '-1, System.ArgumentException', 'List does not exist.\n\nThe page you selected contains a list that does not exist.  It may have been deleted by another user.');
  return row;
}

function isMerge(req: RestRequest): boolean {
  const override = (req.headers['x-http-method'] ?? '').toUpperCase();
  return (req.method === 'POST' && (override === 'MERGE' || override === 'PATCH')) || req.method === 'PATCH' || req.method === 'MERGE';
}

function checkIfMatch(req: RestRequest, row: ListRow): void {
  const ifMatch = req.headers['if-match'];
  // SharePoint's examples always send IF-MATCH ('*' or the etag); a request without it is taken as '*'.
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  if (ifMatch.trim().replace(/^W\//, '') !== listEtag(row)) {
    throw new RestError(412, '-1, Microsoft.SharePoint.Client.ClientServiceException', `The request ETag value '${ifMatch}' does not match the object's ETag value '${listEtag(row)}'.`);
  }
}

function route(env: Env, req: RestRequest, principal: Principal, site: SeedSite, api: string, format: Format, selectedApp: boolean): EmuResponse {
  const webUrl = siteWebUrl(site);
  // Under Sites.Selected "the minimal intersection of application and user permissions is used".
  const role = selectedApp ? env.permissions.appCappedRole(site, principal) : env.permissions.roleFor(site, principal);
  // Every endpoint here is on the web: someone who cannot read the site gets SharePoint's access denied.
  if (!hasPermission(role, 'ViewListItems')) throw accessDenied();
  const apiPath = api.replace(/\/+$/, '');

  if (/^web\/currentuser$/i.test(apiPath) && req.method === 'GET') {
    const u = principal.user;
    const real = env.permissions.roleOf(site, u);
    const props = {
      Id: Number(lookupId(u.id)),
      IsHiddenInUI: false,
      LoginName: `i:0#.f|membership|${u.userPrincipalName.toLowerCase()}`,
      Title: u.displayName,
      PrincipalType: 1,
      Email: u.mail,
      // Owners of a group's site are its site collection administrators (group connection article); so are
      // the root site's named owners here.
      IsSiteAdmin: real === 'Owner',
      UserPrincipalName: u.userPrincipalName,
    };
    return ok(format, entity(format, 'SP.User', `${webUrl}/_api/Web/GetUserById(${props.Id})`, pick(props, selected(req.query))));
  }

  if (/^web\/effectivebasepermissions$/i.test(apiPath) && req.method === 'GET') {
    return ok(format, permissionsBody(format, basePermissions(role), `${webUrl}/_api/web/EffectiveBasePermissions`));
  }

  const byTitle = /^web\/lists\/getbytitle\('((?:[^']|'')*)'\)(\/effectivebasepermissions)?$/i.exec(apiPath);
  const byId = /^web\/lists\(guid'([0-9a-f-]{36})'\)(\/effectivebasepermissions)?$/i.exec(apiPath);
  const listMatch = byTitle ?? byId;
  if (listMatch) {
    const row = byTitle ? requireListByTitle(env, site, (byTitle[1] ?? '').replace(/''/g, "'")) : requireListById(env, site, byId?.[1] ?? '');
    const uri = `${webUrl}/_api/Web/Lists(guid'${row.id}')`;
    if (listMatch[2]) {
      if (req.method !== 'GET') throw new RestError(405, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'The HTTP method is not allowed on EffectiveBasePermissions.');
      // Lists here inherit the site's permissions; item-level settings are not part of this mask.
      return ok(format, permissionsBody(format, basePermissions(role), `${uri}/EffectiveBasePermissions`));
    }
    if (isMerge(req)) {
      // Changing list settings is Manage Lists: Owners (Full Control) have it, Members (Contribute) do not.
      if (!hasPermission(role, 'ManageLists')) throw accessDenied();
      checkIfMatch(req, row);
      const change = parseMerge(req.body);
      setListSecurity(env.store, row, change, env.now().toISOString());
      return { status: 204, headers: {} };
    }
    if (req.method === 'GET') return ok(format, entity(format, 'SP.List', uri, pick(listProps(env, row), selected(req.query)), listEtag(row)), { ETag: listEtag(row) });
    throw new RestError(405, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `The HTTP method '${req.method}' is not allowed on SP.List.`);
  }
  throw new RestError(404, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `Cannot find resource for the request ${api}.`);
}

/** One SharePoint REST request: site from the URL, a token for the SharePoint resource, then the endpoint. */
export function handleSharePointRest(env: Env, req: RestRequest, authenticate: (req: { headers: Record<string, string> }) => Principal): EmuResponse {
  const format = formatOf(req.headers);
  try {
    const { site, api } = locate(req.path);
    let principal: Principal;
    try {
      principal = authenticate(req);
    } catch (error) {
      if (error instanceof GraphHttpError && error.status === 401) throw new RestError(401, '-2147024891, System.UnauthorizedAccessException', error.message);
      throw error;
    }
    // A Graph token is not accepted by SharePoint (its audience is https://graph.microsoft.com).
    if (principal.audience !== 'sharepoint') throw new RestError(401, '-2147024891, System.UnauthorizedAccessException', 'Invalid audience: the token was not issued for the SharePoint resource.');
    // SharePoint's delegated scopes: reading needs AllSites.Read, changing a list's settings AllSites.Manage.
    // With Sites.Selected instead, the app must be assigned to this site with a role that covers it.
    const neededScope = req.method === 'GET' ? 'AllSites.Read' : 'AllSites.Manage';
    let selectedApp = false;
    if (!hasScope(principal, neededScope)) {
      const selected = selectedInstead(principal, neededScope);
      if (!selected) throw new RestError(403, '-2147024891, System.UnauthorizedAccessException', `Access denied. The token lacks the scope ${neededScope}.`);
      if (!env.permissions.appCovers(site, principal.appId, selected)) throw accessDenied();
      selectedApp = true;
    }
    // The same RU budget as Graph's SharePoint calls: changing a list's permissions is a permission
    // operation, every read here one object (budget.ts; REST "usually consumes more", so this is a floor).
    const charge = env.budget.charge(principal, req.method === 'GET' ? 'singleItem' : 'permission');
    if (charge.throttled) {
      const throttled = errorResponse(format, 429, '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', 'The request has been throttled.');
      return { ...throttled, headers: { ...throttled.headers, ...rateLimitHeaders(charge), 'Retry-After': String(charge.throttled.retryAfterSeconds) }, charge };
    }
    const response = env.store.transaction(() => route(env, req, principal, site, api, format, selectedApp));
    return { ...response, headers: { ...rateLimitHeaders(charge), ...response.headers }, charge };
  } catch (error) {
    if (error instanceof RestError) return errorResponse(format, error.status, error.code, error.message);
    console.error('[graph-emulator] unexpected error in SharePoint REST', error);
    return errorResponse(format, 500, '-1, System.InvalidOperationException', 'An unexpected error occurred in the emulator.');
  }
}
