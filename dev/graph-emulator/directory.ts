// Users and groups: /me, /users, /users/{id|upn}, /me/memberOf, /me/joinedTeams, /groups/{id},
// /groups/{id}/members.
import type * as MG from '@microsoft/microsoft-graph-types';
import { graphUrl, json, param, queryOption, selectProperties, type Env, type Route, type RouteContext } from './context';
import { GraphHttpError, notFound } from './errors';
import { hasScope } from './scopes';
import { ALL_GROUPS, ALL_USERS, findGroup, findUser, isTenantUser, type SeedGroup, type SeedUser } from './seed';

/** Graph's default user properties (user-get: "a default set of properties"); `$select` reaches the rest. */
export function userResource(u: SeedUser): MG.User {
  return {
    id: u.id,
    displayName: u.displayName,
    givenName: u.givenName,
    surname: u.surname,
    userPrincipalName: u.userPrincipalName,
    mail: u.mail,
    jobTitle: u.jobTitle,
    department: u.department,
    officeLocation: u.officeLocation,
    preferredLanguage: u.preferredLanguage,
    businessPhones: [],
    mobilePhone: null,
  };
}

export function groupResource(g: SeedGroup): MG.Group & Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.group',
    id: g.id,
    displayName: g.displayName,
    description: g.description,
    mailNickname: g.mailNickname,
    mail: `${g.mailNickname}@gemeente-voorbeeld.nl`,
    mailEnabled: true,
    securityEnabled: false,
    groupTypes: ['Unified'],
    visibility: 'Private',
    resourceProvisioningOptions: g.isTeam ? ['Team'] : [],
  };
}

/** Properties only `$select` returns (user resource type: userType, accountEnabled are not in the default set). */
function selectableUser(u: SeedUser, enabled: boolean): MG.User {
  return { ...userResource(u), userType: u.userType, accountEnabled: enabled, companyName: u.organisation };
}

function userFor(ctx: RouteContext, u: SeedUser): MG.User {
  return queryOption(ctx.req, 'select') ? selectableUser(u, ctx.identity.isEnabled(u)) : userResource(u);
}

/**
 * Without a scope that reads groups, memberOf lists each group with only its id and type, the other
 * properties null ("Limited information returned for inaccessible member objects", permissions-overview).
 */
function limitedGroup(g: SeedGroup): Record<string, unknown> {
  const full = groupResource(g);
  return Object.fromEntries(Object.entries(full).map(([k, v]) => [k, k === 'id' || k === '@odata.type' ? v : null]));
}

function teamResource(g: SeedGroup): MG.Team {
  return { id: g.id, displayName: g.displayName, description: g.description, isArchived: false };
}

function one(ctx: RouteContext, value: object, context: string) {
  return json({ '@odata.context': graphUrl(ctx, `/$metadata#${context}`), ...selectProperties(value, queryOption(ctx.req, 'select'), ['id']) });
}

function collection(ctx: RouteContext, values: object[], context: string) {
  const select = queryOption(ctx.req, 'select');
  return json({ '@odata.context': graphUrl(ctx, `/$metadata#${context}`), value: values.map((v) => selectProperties(v, select, ['id'])) });
}

export function requireGroup(id: string): SeedGroup {
  const g = findGroup(id);
  if (!g) throw notFound(`Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
  return g;
}

function requireUser(idOrUpn: string): SeedUser {
  const found = findUser(idOrUpn);
  // People of another organisation's tenant are not in this directory.
  const u = found && isTenantUser(found) ? found : undefined;
  if (!u) throw notFound(`Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`);
  return u;
}

function memberOf(user: SeedUser): SeedGroup[] {
  return ALL_GROUPS.filter((g) => g.members.includes(user.id));
}

export function directoryRoutes(_env: Env): Route[] {
  return [
    { method: 'GET', pattern: /^\/me$/, handler: (ctx) => one(ctx, userFor(ctx, ctx.user), 'users/$entity') },
    {
      method: 'GET',
      pattern: /^\/users$/,
      handler: (ctx) => {
        // Guests cannot enumerate the directory (permissions reference: "User and group search
        // limitations for guest users in organizations"); reading one user by id still works.
        if (ctx.user.userType === 'Guest') throw new GraphHttpError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
        return collection(ctx, ALL_USERS.filter(isTenantUser).map((u) => userFor(ctx, u)), 'users');
      },
    },
    { method: 'GET', pattern: /^\/users\/([^/]+)$/, handler: (ctx) => one(ctx, userFor(ctx, requireUser(param(ctx, 0))), 'users/$entity') },
    // The groups are direct memberships, so memberOf and transitiveMemberOf agree; the cast segment
    // `/microsoft.graph.group` only filters to groups, which is all this tenant has.
    {
      method: 'GET',
      pattern: /^\/(?:me|users\/([^/]+))\/(?:memberOf|transitiveMemberOf)(?:\/microsoft\.graph\.group)?$/,
      handler: (ctx) => {
        const who = ctx.params[0] !== undefined ? requireUser(ctx.params[0]) : ctx.user;
        const readsGroups = hasScope(ctx.principal, 'GroupMember.Read.All');
        return collection(ctx, memberOf(who).map((g) => (readsGroups ? groupResource(g) : limitedGroup(g))), 'directoryObjects');
      },
    },
    {
      method: 'GET',
      pattern: /^\/me\/joinedTeams$/,
      handler: (ctx) => collection(ctx, memberOf(ctx.user).filter((g) => g.isTeam).map(teamResource), 'teams'),
    },
    { method: 'GET', pattern: /^\/groups\/([^/]+)$/, handler: (ctx) => one(ctx, groupResource(requireGroup(param(ctx, 0))), 'groups/$entity') },
    {
      method: 'GET',
      pattern: /^\/groups\/([^/]+)\/(members|owners)$/,
      handler: (ctx) => {
        const g = requireGroup(param(ctx, 0));
        const members = (param(ctx, 1) === 'owners' ? g.owners : g.members).map((id) => findUser(id)).filter((u): u is SeedUser => u !== undefined);
        return collection(ctx, members.map((u) => ({ '@odata.type': '#microsoft.graph.user', ...userFor(ctx, u) })), 'directoryObjects');
      },
    },
  ];
}
