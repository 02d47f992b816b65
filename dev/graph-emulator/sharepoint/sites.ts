// Site addressing: /sites/root, /sites/{hostname}:/{path}[:], /sites/{hostname}, /sites/{id},
// /groups/{id}/sites/root. The router rewrites every form to /sites/{canonical id}{rest}.
import type * as MG from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import { graphUrl, json, param, parseBody, queryOption, selectProperties, type Env, type Route, type RouteContext } from '../context';
import { GraphHttpError, notFound } from '../errors';
import { APP_SITE_ROLES } from '../scopes';
import { ALL_GROUPS, ALL_SITES, SHAREPOINT_HOST, TENANT_ADMINS, type SeedSite } from '../seed';
import type { AppSiteGrant } from './permissions';

const SITE_CREATED = '2024-01-15T09:00:00Z';

function siteNotFound(): Error {
  return notFound('Requested site could not be found');
}

export function findSite(id: string): SeedSite | undefined {
  const key = id.toLowerCase();
  return ALL_SITES.find((s) => s.id.toLowerCase() === key || s.siteCollectionId === key);
}

export function requireSite(id: string): SeedSite {
  const s = findSite(id);
  if (!s) throw siteNotFound();
  return s;
}

function siteByPath(hostname: string, path: string): SeedSite {
  const wanted = (path === '' ? '/' : path).replace(/\/+$/, '') || '/';
  const s = hostname.toLowerCase() === SHAREPOINT_HOST ? ALL_SITES.find((x) => x.path.toLowerCase() === wanted.toLowerCase()) : undefined;
  if (!s) throw siteNotFound();
  return s;
}

/** Returns the path with the site segment in canonical form, or the path unchanged when it is not a site path. */
export function canonicalSitePath(path: string): string {
  let m = /^\/groups\/([^/]+)\/sites\/root(\/.*)?$/i.exec(path);
  if (m) {
    const group = ALL_GROUPS.find((g) => g.id === m?.[1]?.toLowerCase());
    if (!group) throw notFound(`Resource '${m[1]}' does not exist or one of its queried reference-property objects are not present.`);
    return `/sites/${group.site.id}${m[2] ?? ''}`;
  }
  m = /^\/sites\/root(\/.*)?$/i.exec(path);
  if (m) return `/sites/${siteByPath(SHAREPOINT_HOST, '/').id}${m[1] ?? ''}`;
  // /sites/{hostname}:/{server-relative-path}  with an optional ':' closing the path before sub-resources.
  m = /^\/sites\/([^/:,]+\.[^/:,]+):(\/[^:]*)?(?::(\/.*)?)?$/.exec(path);
  if (m) return `/sites/${siteByPath(m[1] ?? '', m[2] ?? '/').id}${m[3] ?? ''}`;
  m = /^\/sites\/([^/,:]+\.[^/,:]+)(\/.*)?$/.exec(path);
  if (m && !m[1]?.includes(',')) return `/sites/${siteByPath(m[1] ?? '', '/').id}${m[2] ?? ''}`;
  m = /^\/sites\/([^/]+)(\/.*)?$/.exec(path);
  if (m && m[1] !== undefined) return `/sites/${requireSite(m[1]).id}${m[2] ?? ''}`;
  return path;
}

export function siteWebUrl(s: SeedSite): string {
  return `https://${SHAREPOINT_HOST}${s.path === '/' ? '' : s.path}`;
}

export function siteResource(s: SeedSite): MG.Site & { '@odata.type'?: string } {
  return {
    id: s.id,
    createdDateTime: SITE_CREATED,
    description: s.description,
    displayName: s.displayName,
    lastModifiedDateTime: SITE_CREATED,
    name: s.name,
    webUrl: siteWebUrl(s),
    siteCollection: { hostname: SHAREPOINT_HOST },
    ...(s.path === '/' ? { root: {} } : {}),
  };
}

/** POST /sites/{id}/permissions: an application identity and its role (site-post-permissions). */
const AppPermissionInputSchema = z.object({
  roles: z.array(z.enum(APP_SITE_ROLES)).length(1, 'exactly one role'),
  grantedToIdentities: z.array(z.object({ application: z.object({ id: z.string().uuid(), displayName: z.string().max(255).optional() }) })).length(1, 'exactly one application'),
});

function appPermissionResource(grant: AppSiteGrant): Record<string, unknown> {
  const application = { id: grant.appId, displayName: grant.displayName };
  return { id: grant.id, roles: [grant.role], grantedToIdentitiesV2: [{ application }], grantedToIdentities: [{ application }] };
}

/** "In delegated workflows, the user must have an administrator role, such as SharePoint Administrator or higher." */
function requireAdministrator(ctx: RouteContext): void {
  if (!TENANT_ADMINS.includes(ctx.user.id)) throw new GraphHttpError(403, 'accessDenied', 'Access denied. Assigning a site to an application needs a SharePoint Administrator (or higher).');
}

export function siteRoutes(env: Env): Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/sites\/([^/]+)\/permissions$/,
      handler: (ctx) => {
        requireAdministrator(ctx);
        const site = requireSite(param(ctx, 0));
        return json({ '@odata.context': graphUrl(ctx, `/$metadata#sites('${site.id}')/permissions`), value: env.permissions.appGrants(site.id).map(appPermissionResource) });
      },
    },
    {
      method: 'POST',
      pattern: /^\/sites\/([^/]+)\/permissions$/,
      handler: (ctx) => {
        requireAdministrator(ctx);
        const site = requireSite(param(ctx, 0));
        const input = parseBody(AppPermissionInputSchema, ctx.req.body);
        const app = input.grantedToIdentities[0]?.application;
        const role = input.roles[0];
        if (!app || !role) throw new GraphHttpError(400, 'invalidRequest', 'Invalid request body.');
        const grant = env.permissions.grantApp({ siteId: site.id, appId: app.id, displayName: app.displayName ?? app.id, role });
        return json({ '@odata.context': graphUrl(ctx, `/$metadata#sites('${site.id}')/permissions/$entity`), ...appPermissionResource(grant) }, 201);
      },
    },
    {
      method: 'GET',
      pattern: /^\/sites\/([^/]+)$/,
      handler: (ctx) => {
        const s = requireSite(param(ctx, 0));
        return json({ '@odata.context': graphUrl(ctx, '/$metadata#sites/$entity'), ...selectProperties(siteResource(s), queryOption(ctx.req, 'select'), ['id']) });
      },
    },
  ];
}
