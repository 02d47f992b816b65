// Delegated permissions: which scope each endpoint needs (Microsoft's per-API permission tables),
// which scope covers which, and which a user may consent to without an administrator (the "Admin
// consent required" column of the permissions reference). The same table is in README.md with the
// source page per row.
import type { Principal } from './context';
import { GraphHttpError } from './errors';

const API = 'https://learn.microsoft.com/graph/api';

/** The delegated selected scope, the same name on Graph and on SharePoint. */
export const SITES_SELECTED = 'Sites.Selected';

/** Who answers a refusal: the directory (Entra ID), Teams, SharePoint or Planner, each in its own words. */
export type ScopeArea = 'directory' | 'teams' | 'sharepoint' | 'planner';

export interface ScopeRow {
  method: string;
  /** On the canonical path (site addresses already rewritten to `/sites/{id}`, as the router sees them). */
  pattern: RegExp;
  /** As written in the README. */
  endpoint: string;
  /** Least-privileged delegated scope; any scope that covers it (see SCOPE_COVERS) also passes. */
  least: string;
  /** When the path's first parameter is the caller (id or UPN), this scope is enough instead. */
  selfLeast?: string;
  /** Scopes the page lists as "higher privileged" that do not cover `least` in general (e.g. GroupMember.Read.All for memberOf). */
  higher?: readonly string[];
  area: ScopeArea;
  /** Microsoft's page with the permission table. */
  source: string;
  /** Answered from the caller's own directory, so a token from another tenant may call it (only /me). */
  homeTenant?: true;
}

const SITE = '/sites/[^/]+';
const LIST = `${SITE}/lists/[^/]+`;
const ITEM = `${LIST}/items/[^/]+`;
const re = (s: string) => new RegExp(`^${s}$`);

export const SCOPE_TABLE: readonly ScopeRow[] = [
  { method: 'GET', pattern: /^\/me$/, endpoint: 'GET /me', least: 'User.Read', area: 'directory', source: `${API}/user-get`, homeTenant: true },
  { method: 'GET', pattern: /^\/users$/, endpoint: 'GET /users', least: 'User.ReadBasic.All', area: 'directory', source: `${API}/user-list` },
  { method: 'GET', pattern: /^\/users\/([^/]+)$/, endpoint: 'GET /users/{id | upn}', least: 'User.ReadBasic.All', selfLeast: 'User.Read', area: 'directory', source: `${API}/user-get` },
  {
    method: 'GET',
    pattern: /^\/me\/(?:memberOf|transitiveMemberOf)(?:\/microsoft\.graph\.group)?$/,
    endpoint: 'GET /me/memberOf, /me/transitiveMemberOf',
    least: 'User.Read',
    higher: ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All'],
    area: 'directory',
    source: `${API}/user-list-memberof`,
  },
  {
    method: 'GET',
    pattern: /^\/users\/([^/]+)\/(?:memberOf|transitiveMemberOf)(?:\/microsoft\.graph\.group)?$/,
    endpoint: 'GET /users/{id}/memberOf, …/transitiveMemberOf',
    least: 'User.Read.All',
    selfLeast: 'User.Read',
    higher: ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All'],
    area: 'directory',
    source: `${API}/user-list-transitivememberof`,
  },
  { method: 'GET', pattern: /^\/me\/joinedTeams$/, endpoint: 'GET /me/joinedTeams', least: 'Team.ReadBasic.All', area: 'teams', source: `${API}/user-list-joinedteams` },
  { method: 'GET', pattern: /^\/groups\/([^/]+)$/, endpoint: 'GET /groups/{id}', least: 'GroupMember.Read.All', area: 'directory', source: `${API}/group-get` },
  { method: 'GET', pattern: /^\/groups\/([^/]+)\/members$/, endpoint: 'GET /groups/{id}/members', least: 'GroupMember.Read.All', area: 'directory', source: `${API}/group-list-members` },
  { method: 'GET', pattern: /^\/groups\/([^/]+)\/owners$/, endpoint: 'GET /groups/{id}/owners', least: 'GroupMember.Read.All', area: 'directory', source: `${API}/group-list-owners` },
  { method: 'GET', pattern: re(SITE), endpoint: 'GET /sites/{site}', least: 'Sites.Read.All', area: 'sharepoint', source: `${API}/site-get` },
  // Assigning a site to an app (Sites.Selected): only with Sites.FullControl.All, and in delegated use only by an administrator.
  { method: 'GET', pattern: re(`${SITE}/permissions`), endpoint: 'GET /sites/{site}/permissions', least: 'Sites.FullControl.All', area: 'sharepoint', source: `${API}/site-list-permissions` },
  { method: 'POST', pattern: re(`${SITE}/permissions`), endpoint: 'POST /sites/{site}/permissions', least: 'Sites.FullControl.All', area: 'sharepoint', source: `${API}/site-post-permissions` },
  { method: 'GET', pattern: re(`${SITE}/lists`), endpoint: 'GET /sites/{site}/lists', least: 'Sites.Read.All', area: 'sharepoint', source: `${API}/list-list` },
  { method: 'POST', pattern: re(`${SITE}/lists`), endpoint: 'POST /sites/{site}/lists', least: 'Sites.Manage.All', area: 'sharepoint', source: `${API}/list-create` },
  { method: 'GET', pattern: re(LIST), endpoint: 'GET /sites/{site}/lists/{list}', least: 'Sites.Read.All', area: 'sharepoint', source: `${API}/list-get` },
  { method: 'GET', pattern: re(`${LIST}/columns`), endpoint: 'GET …/lists/{list}/columns', least: 'Sites.Read.All', area: 'sharepoint', source: `${API}/list-list-columns` },
  { method: 'POST', pattern: re(`${LIST}/columns`), endpoint: 'POST …/lists/{list}/columns', least: 'Sites.Manage.All', area: 'sharepoint', source: `${API}/list-post-columns` },
  { method: 'PATCH', pattern: re(`${LIST}/columns/[^/]+`), endpoint: 'PATCH …/lists/{list}/columns/{column}', least: 'Sites.Manage.All', area: 'sharepoint', source: `${API}/columndefinition-update` },
  { method: 'GET', pattern: re(`${LIST}/items`), endpoint: 'GET …/items', least: 'Sites.Read.All', area: 'sharepoint', source: `${API}/listitem-list` },
  { method: 'POST', pattern: re(`${LIST}/items`), endpoint: 'POST …/items', least: 'Sites.ReadWrite.All', area: 'sharepoint', source: `${API}/listitem-create` },
  { method: 'GET', pattern: re(`${ITEM}(?:/fields)?`), endpoint: 'GET …/items/{id}[/fields]', least: 'Sites.Read.All', area: 'sharepoint', source: `${API}/listitem-get` },
  { method: 'PATCH', pattern: re(`${ITEM}(?:/fields)?`), endpoint: 'PATCH …/items/{id}[/fields]', least: 'Sites.ReadWrite.All', area: 'sharepoint', source: `${API}/listitem-update` },
  { method: 'DELETE', pattern: re(ITEM), endpoint: 'DELETE …/items/{id}', least: 'Sites.ReadWrite.All', area: 'sharepoint', source: `${API}/listitem-delete` },
  { method: 'POST', pattern: /^\/planner\/plans$/, endpoint: 'POST /planner/plans', least: 'Tasks.ReadWrite', area: 'planner', source: `${API}/planner-post-plans` },
  { method: 'GET', pattern: /^\/groups\/[^/]+\/planner\/plans$/, endpoint: 'GET /groups/{id}/planner/plans', least: 'Tasks.Read', area: 'planner', source: `${API}/plannergroup-list-plans` },
  { method: 'GET', pattern: /^\/planner\/plans\/[^/]+$/, endpoint: 'GET /planner/plans/{id}', least: 'Tasks.Read', area: 'planner', source: `${API}/plannerplan-get` },
  { method: 'PATCH', pattern: /^\/planner\/plans\/[^/]+$/, endpoint: 'PATCH /planner/plans/{id}', least: 'Tasks.ReadWrite', area: 'planner', source: `${API}/plannerplan-update` },
  { method: 'DELETE', pattern: /^\/planner\/plans\/[^/]+$/, endpoint: 'DELETE /planner/plans/{id}', least: 'Tasks.ReadWrite', area: 'planner', source: `${API}/plannerplan-delete` },
  { method: 'GET', pattern: /^\/planner\/plans\/[^/]+\/details$/, endpoint: 'GET /planner/plans/{id}/details', least: 'Tasks.Read', area: 'planner', source: `${API}/plannerplandetails-get` },
  { method: 'PATCH', pattern: /^\/planner\/plans\/[^/]+\/details$/, endpoint: 'PATCH /planner/plans/{id}/details', least: 'Tasks.ReadWrite', area: 'planner', source: `${API}/plannerplandetails-update` },
  { method: 'GET', pattern: /^\/planner\/plans\/[^/]+\/buckets$/, endpoint: 'GET /planner/plans/{id}/buckets', least: 'Tasks.Read', area: 'planner', source: `${API}/plannerplan-list-buckets` },
  { method: 'GET', pattern: /^\/planner\/plans\/[^/]+\/tasks$/, endpoint: 'GET /planner/plans/{id}/tasks', least: 'Tasks.Read', area: 'planner', source: `${API}/plannerplan-list-tasks` },
  { method: 'POST', pattern: /^\/planner\/buckets$/, endpoint: 'POST /planner/buckets', least: 'Tasks.ReadWrite', area: 'planner', source: `${API}/planner-post-buckets` },
  { method: 'GET', pattern: /^\/planner\/buckets\/[^/]+$/, endpoint: 'GET /planner/buckets/{id}', least: 'Tasks.Read', area: 'planner', source: `${API}/plannerbucket-get` },
  { method: 'PATCH', pattern: /^\/planner\/buckets\/[^/]+$/, endpoint: 'PATCH /planner/buckets/{id}', least: 'Tasks.ReadWrite', area: 'planner', source: `${API}/plannerbucket-update` },
  { method: 'DELETE', pattern: /^\/planner\/buckets\/[^/]+$/, endpoint: 'DELETE /planner/buckets/{id}', least: 'Tasks.ReadWrite', area: 'planner', source: `${API}/plannerbucket-delete` },
  { method: 'GET', pattern: /^\/planner\/buckets\/[^/]+\/tasks$/, endpoint: 'GET /planner/buckets/{id}/tasks', least: 'Tasks.Read', area: 'planner', source: `${API}/plannerbucket-list-tasks` },
  { method: 'POST', pattern: /^\/planner\/tasks$/, endpoint: 'POST /planner/tasks', least: 'Tasks.ReadWrite', area: 'planner', source: `${API}/planner-post-tasks` },
  { method: 'GET', pattern: /^\/planner\/tasks\/[^/]+$/, endpoint: 'GET /planner/tasks/{id}', least: 'Tasks.Read', area: 'planner', source: `${API}/plannertask-get` },
  { method: 'PATCH', pattern: /^\/planner\/tasks\/[^/]+$/, endpoint: 'PATCH /planner/tasks/{id}', least: 'Tasks.ReadWrite', area: 'planner', source: `${API}/plannertask-update` },
  { method: 'DELETE', pattern: /^\/planner\/tasks\/[^/]+$/, endpoint: 'DELETE /planner/tasks/{id}', least: 'Tasks.ReadWrite', area: 'planner', source: `${API}/plannertask-delete` },
  { method: 'GET', pattern: /^\/planner\/tasks\/[^/]+\/details$/, endpoint: 'GET /planner/tasks/{id}/details', least: 'Tasks.Read', area: 'planner', source: `${API}/plannertaskdetails-get` },
  { method: 'PATCH', pattern: /^\/planner\/tasks\/[^/]+\/details$/, endpoint: 'PATCH /planner/tasks/{id}/details', least: 'Tasks.ReadWrite', area: 'planner', source: `${API}/plannertaskdetails-update` },
];

/**
 * Which scopes a scope directly covers: each API page lists the higher-privileged scopes that also
 * work (Sites: Read < ReadWrite < Manage < FullControl; Planner pages list Group.Read(Write).All;
 * joinedTeams lists TeamSettings.*, User.Read.All and Directory.*; memberOf lists Directory.*).
 * SharePoint's own scopes (AllSites.*) follow the same ladder.
 */
const DIRECT_COVERS: Record<string, readonly string[]> = {
  'Sites.FullControl.All': ['Sites.Manage.All'],
  'Sites.Manage.All': ['Sites.ReadWrite.All'],
  'Sites.ReadWrite.All': ['Sites.Read.All'],
  'AllSites.FullControl': ['AllSites.Manage'],
  'AllSites.Manage': ['AllSites.Write'],
  'AllSites.Write': ['AllSites.Read'],
  'Tasks.ReadWrite': ['Tasks.Read'],
  'Group.ReadWrite.All': ['Group.Read.All', 'Tasks.ReadWrite', 'GroupMember.ReadWrite.All'],
  'Group.Read.All': ['GroupMember.Read.All', 'Tasks.Read'],
  'GroupMember.ReadWrite.All': ['GroupMember.Read.All'],
  'Directory.ReadWrite.All': ['Directory.Read.All', 'User.ReadWrite.All'],
  'Directory.Read.All': ['GroupMember.Read.All', 'User.Read.All', 'Team.ReadBasic.All'],
  'User.ReadWrite.All': ['User.Read.All', 'User.ReadWrite'],
  'User.Read.All': ['User.ReadBasic.All', 'Team.ReadBasic.All'],
  'User.ReadBasic.All': ['User.Read'],
  'User.ReadWrite': ['User.Read'],
  'TeamSettings.ReadWrite.All': ['TeamSettings.Read.All'],
  'TeamSettings.Read.All': ['Team.ReadBasic.All'],
};

/** Every scope the emulator knows, Graph's and SharePoint's. */
export const GRAPH_SCOPES: ReadonlySet<string> = new Set(
  [...Object.keys(DIRECT_COVERS), ...Object.values(DIRECT_COVERS).flat(), 'Tasks.Read', SITES_SELECTED].filter((s) => !s.startsWith('AllSites.')),
);
export const SHAREPOINT_SCOPES: ReadonlySet<string> = new Set(['AllSites.Read', 'AllSites.Write', 'AllSites.Manage', 'AllSites.FullControl', SITES_SELECTED]);

/**
 * What an app assigned to a site may do there under `Sites.Selected` ("read", "write", "manage": adds
 * Manage Lists, "fullcontrol"; Microsoft 365 Developer Blog, "SharePoint now supports delegated
 * Sites.Selected authentication", and learn.microsoft.com/graph/permissions-selected-overview).
 * The role a site scope corresponds to, Graph's and SharePoint's alike.
 */
export const APP_SITE_ROLES = ['read', 'write', 'manage', 'fullcontrol'] as const;
export type AppSiteRole = (typeof APP_SITE_ROLES)[number];
export const SELECTED_EQUIVALENT: Readonly<Record<string, AppSiteRole>> = {
  'Sites.Read.All': 'read',
  'Sites.ReadWrite.All': 'write',
  'Sites.Manage.All': 'manage',
  'Sites.FullControl.All': 'fullcontrol',
  'AllSites.Read': 'read',
  'AllSites.Write': 'write',
  'AllSites.Manage': 'manage',
  'AllSites.FullControl': 'fullcontrol',
};

/**
 * A site scope the token lacks, but `Sites.Selected` stands in for it: the request then needs the app's
 * assignment to that very site (checked where the site is known), intersected with the user's own rights.
 */
export function selectedInstead(principal: Pick<Principal, 'scopes'>, needed: string): AppSiteRole | null {
  const role = SELECTED_EQUIVALENT[needed];
  return role && principal.scopes.has(SITES_SELECTED) ? role : null;
}

/** True when `held` is `needed` or (transitively) covers it. */
export function covers(held: string, needed: string): boolean {
  if (held === needed) return true;
  return (DIRECT_COVERS[held] ?? []).some((s) => covers(s, needed));
}

/** The row's scope, or one of its page's higher-privileged alternatives. */
export function rowSatisfied(row: ScopeRow, principal: Pick<Principal, 'scopes'>, needed: string): boolean {
  return hasScope(principal, needed) || (row.higher ?? []).some((h) => hasScope(principal, h));
}

export function hasScope(principal: Pick<Principal, 'scopes'>, needed: string): boolean {
  for (const s of principal.scopes) if (covers(s, needed)) return true;
  return false;
}

/**
 * Delegated scopes a user may consent to on their own: "Admin consent required: No" in the Microsoft
 * Graph permissions reference (learn.microsoft.com/graph/permissions-reference) for Sites.Read.All,
 * Sites.ReadWrite.All, Sites.Manage.All, Tasks.Read(Write), User.Read(Write), User.ReadBasic.All and
 * Team.ReadBasic.All; SharePoint's AllSites.Read/Write/Manage likewise. GroupMember.Read.All,
 * Group.*, Directory.*, User.Read.All, Sites.FullControl.All and AllSites.FullControl need an admin.
 */
export const DEFAULT_USER_CONSENT_SCOPES: readonly string[] = [
  'User.Read',
  'User.ReadWrite',
  'User.ReadBasic.All',
  'Sites.Read.All',
  'Sites.ReadWrite.All',
  'Sites.Manage.All',
  'Tasks.Read',
  'Tasks.ReadWrite',
  'Team.ReadBasic.All',
  'AllSites.Read',
  'AllSites.Write',
  'AllSites.Manage',
];

export function scopeRow(method: string, path: string): ScopeRow | undefined {
  return SCOPE_TABLE.find((r) => r.method === method && r.pattern.test(path));
}

function isSelf(principal: Principal, segment: string | undefined): boolean {
  if (segment === undefined) return false;
  const key = segment.toLowerCase();
  return key === principal.user.id || key === principal.user.userPrincipalName.toLowerCase();
}

/** The scope this request needs from this caller (a row's selfLeast when the path names the caller). */
export function neededScope(row: ScopeRow, principal: Principal, path: string): string {
  if (row.selfLeast && isSelf(principal, row.pattern.exec(path)?.[1])) return row.selfLeast;
  return row.least;
}

/**
 * The 403 each workload answers when the token lacks the scope. The directory and SharePoint answer
 * in their usual words (Authorization_RequestDenied "Insufficient privileges…", accessDenied); the
 * emulator adds which scope was missing, which real Graph does not always say. Teams names it itself.
 */
export function missingScopeError(area: ScopeArea, needed: string, principal: Principal): GraphHttpError {
  const held = [...principal.scopes].sort().join(' ') || '(none)';
  switch (area) {
    case 'directory':
      return new GraphHttpError(403, 'Authorization_RequestDenied', `Insufficient privileges to complete the operation. The token's scp claim needs ${needed} (or a scope that covers it); it has '${held}'.`);
    case 'teams':
      return new GraphHttpError(403, 'Forbidden', `Missing scope permissions on the request. API requires one of '${needed}'. Scopes on the request '${held}'`);
    case 'sharepoint':
    case 'planner':
      return new GraphHttpError(403, 'accessDenied', `Access denied. The token's scp claim needs ${needed} (or a scope that covers it); it has '${held}'.`);
  }
}

/**
 * A token from another organisation's tenant reaches only that person's own directory entry; this
 * tenant's sites, lists, groups, plans and people are refused. Graph documents no single answer
 * (it routes by the token's tid); the emulator's choice is a 403 in the workload's words, naming both
 * tenants, so the app treats it like any refusal.
 */
export function foreignTenantError(area: ScopeArea, principal: Principal, resourceTenant: string): GraphHttpError {
  const message = `Access denied. The token was issued by tenant ${principal.tenantId}; this resource belongs to tenant ${resourceTenant}.`;
  return area === 'directory' || area === 'teams'
    ? new GraphHttpError(403, 'Authorization_RequestDenied', `Insufficient privileges to complete the operation. ${message}`)
    : new GraphHttpError(403, 'accessDenied', message);
}

/** For resource servers other than Graph (the SharePoint REST endpoints): refuse a token issued for another audience. */
export function requireAudience(principal: Principal, audience: Principal['audience']): void {
  if (principal.audience !== audience) throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
}

/** For the SharePoint REST endpoints: `AllSites.Read`, `AllSites.Write`, `AllSites.Manage` or `AllSites.FullControl` (higher covers lower). */
export function requireSharePointScope(principal: Principal, needed: 'AllSites.Read' | 'AllSites.Write' | 'AllSites.Manage' | 'AllSites.FullControl'): AppSiteRole | null {
  if (hasScope(principal, needed)) return null;
  const selected = selectedInstead(principal, needed);
  if (selected) return selected;
  throw missingScopeError('sharepoint', needed, principal);
}
