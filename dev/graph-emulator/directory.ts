// Users and groups: /me, /users/{id|upn}, /me/memberOf, /me/joinedTeams, /groups/{id}, /groups/{id}/members.
import type * as MG from '@microsoft/microsoft-graph-types';
import { graphUrl, json, param, queryOption, selectProperties, type Env, type Route, type RouteContext } from './context';
import { notFound } from './errors';
import { ALL_GROUPS, findGroup, findUser, type SeedGroup, type SeedUser } from './seed';

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
  const u = findUser(idOrUpn);
  if (!u) throw notFound(`Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`);
  return u;
}

function memberOf(user: SeedUser): SeedGroup[] {
  return ALL_GROUPS.filter((g) => g.members.includes(user.id));
}

export function directoryRoutes(_env: Env): Route[] {
  return [
    { method: 'GET', pattern: /^\/me$/, handler: (ctx) => one(ctx, userResource(ctx.user), 'users/$entity') },
    { method: 'GET', pattern: /^\/users\/([^/]+)$/, handler: (ctx) => one(ctx, userResource(requireUser(param(ctx, 0))), 'users/$entity') },
    // The groups are direct memberships, so memberOf and transitiveMemberOf agree; the cast segment
    // `/microsoft.graph.group` only filters to groups, which is all this tenant has.
    {
      method: 'GET',
      pattern: /^\/(?:me|users\/([^/]+))\/(?:memberOf|transitiveMemberOf)(?:\/microsoft\.graph\.group)?$/,
      handler: (ctx) => {
        const who = ctx.params[0] !== undefined ? requireUser(ctx.params[0]) : ctx.user;
        return collection(ctx, memberOf(who).map(groupResource), 'directoryObjects');
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
        return collection(ctx, members.map((u) => ({ '@odata.type': '#microsoft.graph.user', ...userResource(u) })), 'directoryObjects');
      },
    },
  ];
}
