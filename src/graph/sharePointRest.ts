// SharePoint's own REST API, for the one thing Graph v1.0 cannot do: a list's item-level permissions
// (ReadSecurity / WriteSecurity, SharePoint schema "Security element"), set with a MERGE on
// `_api/web/lists/GetByTitle('…')` ("Working with lists and list items with REST"). It needs a token
// for the SharePoint resource, not Graph's: the scope is written with the site's host
// (`https://{tenant}.sharepoint.com/AllSites.Manage`), as MSAL asks for another resource's scope.
// Local mode differs only by configuration: requests to the SharePoint host go to the emulator's
// loopback origin under /_sharepoint/{host} (dev/graph-emulator/README.md, "SharePoint REST").
import * as z from '../domain/zod';
import type { TokenProvider } from './contracts';
import { errorFromStatus, parseRetryAfterMs, toGraphLayerError } from './errors';

/** ReadSecurity 1: all items, 2: only their own. WriteSecurity 1: all, 2: only their own, 4: none. */
export interface ListSecurity {
  readSecurity: 1 | 2;
  writeSecurity: 1 | 2 | 4;
}

/** What the signed-in person may do on a site (SP.PermissionKind bits of the web's EffectiveBasePermissions). */
export interface SiteRights {
  viewListItems: boolean;
  addListItems: boolean;
  /** Create lists and change their settings (item-level permissions): the site's owners. */
  manageLists: boolean;
}

export interface SharePointRest {
  /** The caller's rights on the site, from `_api/web/EffectiveBasePermissions`. */
  siteRights(siteUrl: string): Promise<SiteRights>;
  listSecurity(siteUrl: string, listTitle: string): Promise<ListSecurity>;
  setListSecurity(siteUrl: string, listTitle: string, security: ListSecurity): Promise<void>;
}

export interface SharePointRestOptions {
  tokens: TokenProvider;
  /** Local mode: the emulator's origin; the SharePoint host is kept in the path. Null in production. */
  loopbackOrigin: string | null;
  fetch?: typeof fetch;
}

const BasePermissionsSchema = z.object({ High: z.union([z.string(), z.number()]), Low: z.union([z.string(), z.number()]) });

/**
 * SP.PermissionKind values (learn.microsoft.com/previous-versions/office/sharepoint-server/ee556747(v=office.15)):
 * bit `kind - 1` of the 64-bit mask, Low holding bits 0–31.
 */
const PERMISSION_KIND = { viewListItems: 1, addListItems: 2, manageLists: 12 } as const;

function hasKind(mask: { High: string | number; Low: string | number }, kind: number): boolean {
  const bits = (BigInt(mask.High) << 32n) | BigInt(mask.Low);
  return (bits & (1n << BigInt(kind - 1))) !== 0n;
}

const ListSecuritySchema = z.object({ ReadSecurity: z.union([z.literal(1), z.literal(2)]), WriteSecurity: z.union([z.literal(1), z.literal(2), z.literal(4)]) });
const ODataErrorSchema = z.partial(z.object({ 'odata.error': z.object({ code: z.optional(z.string()), message: z.optional(z.partial(z.object({ value: z.string() }))) }) }));

/** Owners' scope on the SharePoint resource: reading and changing a list's settings (AllSites.Manage covers reading). */
export function sharePointScopes(siteUrl: string): string[] {
  return [`${new URL(siteUrl).origin}/AllSites.Manage`];
}

/** A list title inside `GetByTitle('…')`: a quote is doubled, as in any OData string literal. */
function titleLiteral(title: string): string {
  return encodeURIComponent(title.replace(/'/g, "''"));
}

export function createSharePointRest(options: SharePointRestOptions): SharePointRest {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  const address = (siteUrl: string, listTitle: string | null): string => {
    const web = `${siteUrl.replace(/\/+$/, '')}/_api/web`;
    const url = listTitle === null ? `${web}/EffectiveBasePermissions` : `${web}/lists/GetByTitle('${titleLiteral(listTitle)}')`;
    if (!options.loopbackOrigin) return url;
    const real = new URL(url);
    return `${new URL(options.loopbackOrigin).origin}/_sharepoint/${real.host}${real.pathname}${real.search}`;
  };

  async function send(siteUrl: string, listTitle: string | null, init: RequestInit, query = ''): Promise<unknown> {
    const token = await options.tokens.getToken(sharePointScopes(siteUrl));
    let response: globalThis.Response;
    try {
      response = await doFetch(`${address(siteUrl, listTitle)}${query}`, {
        ...init,
        headers: { Accept: 'application/json;odata=nometadata', Authorization: `Bearer ${token}`, ...(init.headers as Record<string, string> | undefined) },
      });
    } catch (err) {
      throw toGraphLayerError(err);
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const parsed = ODataErrorSchema.safeParse(body);
      const error = parsed.success ? parsed.data['odata.error'] : undefined;
      throw errorFromStatus(response.status, error?.code ?? null, error?.message?.value ?? `SharePoint answered ${response.status}`, parseRetryAfterMs(response.headers.get('Retry-After')));
    }
    return body;
  }

  return {
    async siteRights(siteUrl) {
      const mask = BasePermissionsSchema.parse(await send(siteUrl, null, { method: 'GET' }));
      return { viewListItems: hasKind(mask, PERMISSION_KIND.viewListItems), addListItems: hasKind(mask, PERMISSION_KIND.addListItems), manageLists: hasKind(mask, PERMISSION_KIND.manageLists) };
    },
    async listSecurity(siteUrl, listTitle) {
      const body = ListSecuritySchema.parse(await send(siteUrl, listTitle, { method: 'GET' }, '?$select=ReadSecurity,WriteSecurity'));
      return { readSecurity: body.ReadSecurity, writeSecurity: body.WriteSecurity };
    },
    async setListSecurity(siteUrl, listTitle, security) {
      await send(siteUrl, listTitle, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
        body: JSON.stringify({ ReadSecurity: security.readSecurity, WriteSecurity: security.writeSecurity }),
      });
    },
  };
}
