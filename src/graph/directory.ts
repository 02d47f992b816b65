// Who is signed in (GET /me: the token decides, never the Teams context), which groups they can
// publish to, and which SharePoint site a session lives on.
import * as z from '../domain/zod';
import { SCOPES } from '../auth/scopes';
import type { Directory, GroupChoice, SignedInUser, SiteChoice } from './contracts';
import type { GraphApi } from './client';
import { segment } from './odata';

const MeSchema = z.object({
  id: z.string().check(z.minLength(1)),
  displayName: z.nullish(z.string()),
  userPrincipalName: z.string().check(z.minLength(1)),
  department: z.nullish(z.string()),
  jobTitle: z.nullish(z.string()),
});

const DirectoryObjectSchema = z.object({ '@odata.type': z.optional(z.string()), id: z.string(), displayName: z.nullish(z.string()), groupTypes: z.nullish(z.array(z.string())) });
const TeamSchema = z.object({ id: z.string() });
const SiteSchema = z.object({ id: z.string().check(z.minLength(1)), displayName: z.nullish(z.string()), name: z.nullish(z.string()), webUrl: z.string() });

function toSite(body: unknown): SiteChoice {
  const site = SiteSchema.parse(body);
  return { id: site.id, displayName: site.displayName ?? site.name ?? site.webUrl, webUrl: site.webUrl };
}

export function createDirectory(api: GraphApi): Directory {
  return {
    async me(): Promise<SignedInUser> {
      const me = MeSchema.parse(await api.call('GET', '/me?$select=id,displayName,userPrincipalName,department,jobTitle', { scopes: SCOPES.profile }));
      return { id: me.id, displayName: me.displayName ?? me.userPrincipalName, userPrincipalName: me.userPrincipalName, department: me.department ?? null, jobTitle: me.jobTitle ?? null };
    },

    async myGroups(): Promise<GroupChoice[]> {
      const [memberOf, teams] = await Promise.all([
        api.getAll('/me/memberOf?$select=id,displayName,groupTypes', { scopes: SCOPES.groups }),
        api.getAll('/me/joinedTeams?$select=id', { scopes: SCOPES.teams }),
      ]);
      const teamIds = new Set(teams.map((t) => TeamSchema.parse(t).id));
      return memberOf
        .map((o) => DirectoryObjectSchema.parse(o))
        // memberOf also lists directory roles, security and distribution groups; only a Microsoft 365
        // group (groupTypes "Unified") can hold a plan (planner-overview), so only those are offered.
        .filter((o) => (o['@odata.type'] === undefined || o['@odata.type'] === '#microsoft.graph.group') && (o.groupTypes ?? []).includes('Unified'))
        .map((g) => ({ id: g.id, displayName: g.displayName ?? g.id, isTeam: teamIds.has(g.id) }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'));
    },

    async groupSite(groupId: string): Promise<SiteChoice> {
      return toSite(await api.call('GET', `/groups/${segment(groupId)}/sites/root?$select=id,displayName,name,webUrl`, { scopes: SCOPES.siteLookup }));
    },

    async siteByUrl(url: string): Promise<SiteChoice> {
      const parsed = new URL(url);
      const path = parsed.pathname.replace(/\/+$/, '');
      const address = path === '' ? `/sites/${segment(parsed.hostname)}` : `/sites/${segment(parsed.hostname)}:${path.split('/').map(segment).join('/')}`;
      return toSite(await api.call('GET', `${address}?$select=id,displayName,name,webUrl`, { scopes: SCOPES.siteLookup }));
    },

    async rootSite(): Promise<SiteChoice> {
      return toSite(await api.call('GET', '/sites/root?$select=id,displayName,name,webUrl', { scopes: SCOPES.siteLookup }));
    },
  };
}
