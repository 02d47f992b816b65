// Every endpoint the emulator serves has its least-privileged scope in scopes.ts: a route added
// without an example here, or without a row there, fails this test instead of being refused at run time.
import type { Env } from '../../../dev/graph-emulator/context';
import { graphRoutes } from '../../../dev/graph-emulator/router';
import { covers, DEFAULT_USER_CONSENT_SCOPES, SCOPE_TABLE, scopeRow } from '../../../dev/graph-emulator/scopes';

const SITE = '/sites/gemeente-voorbeeld.sharepoint.com,b2c3,c3d4';
const LIST = `${SITE}/lists/l1`;

/** One request per route, on the canonical path the router matches. */
const EXAMPLES: [string, string][] = [
  ['GET', '/me'],
  ['GET', '/users'],
  ['GET', '/users/u1'],
  ['GET', '/me/memberOf'],
  ['GET', '/me/transitiveMemberOf/microsoft.graph.group'],
  ['GET', '/users/u1/memberOf'],
  ['GET', '/me/joinedTeams'],
  ['GET', '/groups/g1'],
  ['GET', '/groups/g1/members'],
  ['GET', '/sites/s1/permissions'],
  ['POST', '/sites/s1/permissions'],
  ['GET', '/groups/g1/owners'],
  ['GET', SITE],
  ['GET', `${SITE}/lists`],
  ['POST', `${SITE}/lists`],
  ['GET', LIST],
  ['GET', `${LIST}/columns`],
  ['POST', `${LIST}/columns`],
  ['PATCH', `${LIST}/columns/3f6a9b1c-0000-4000-8000-000000000001`],
  ['GET', `${LIST}/items`],
  ['POST', `${LIST}/items`],
  ['GET', `${LIST}/items/1`],
  ['GET', `${LIST}/items/1/fields`],
  ['PATCH', `${LIST}/items/1`],
  ['PATCH', `${LIST}/items/1/fields`],
  ['DELETE', `${LIST}/items/1`],
  ['POST', '/planner/plans'],
  ['GET', '/groups/g1/planner/plans'],
  ['GET', '/planner/plans/p1'],
  ['PATCH', '/planner/plans/p1'],
  ['DELETE', '/planner/plans/p1'],
  ['GET', '/planner/plans/p1/details'],
  ['PATCH', '/planner/plans/p1/details'],
  ['GET', '/planner/plans/p1/buckets'],
  ['GET', '/planner/plans/p1/tasks'],
  ['POST', '/planner/buckets'],
  ['GET', '/planner/buckets/b1'],
  ['PATCH', '/planner/buckets/b1'],
  ['DELETE', '/planner/buckets/b1'],
  ['GET', '/planner/buckets/b1/tasks'],
  ['POST', '/planner/tasks'],
  ['GET', '/planner/tasks/t1'],
  ['PATCH', '/planner/tasks/t1'],
  ['DELETE', '/planner/tasks/t1'],
  ['GET', '/planner/tasks/t1/details'],
  ['PATCH', '/planner/tasks/t1/details'],
];

describe('the scope table', () => {
  const routes = graphRoutes({} as Env);

  it('has an example request for every route the emulator serves', () => {
    const uncovered = routes.filter((r) => !EXAMPLES.some(([method, path]) => method === r.method && r.pattern.test(path)));
    expect(uncovered.map((r) => `${r.method} ${r.pattern.source}`)).toEqual([]);
  });

  it('names a least-privileged scope for every example, and each example is a route', () => {
    const missing = EXAMPLES.filter(([method, path]) => !scopeRow(method, path)).map(([m, p]) => `${m} ${p}`);
    expect(missing).toEqual([]);
    const notRoutes = EXAMPLES.filter(([method, path]) => !routes.some((r) => r.method === method && r.pattern.test(path))).map(([m, p]) => `${m} ${p}`);
    expect(notRoutes).toEqual([]);
  });

  it('cites a Microsoft Graph page for every row', () => {
    expect(SCOPE_TABLE.filter((r) => !r.source.startsWith('https://learn.microsoft.com/graph/api/')).map((r) => r.endpoint)).toEqual([]);
  });

  it('lets a higher scope cover a lower one, never the other way round', () => {
    expect(covers('Sites.FullControl.All', 'Sites.Read.All')).toBe(true);
    expect(covers('Sites.Manage.All', 'Sites.ReadWrite.All')).toBe(true);
    expect(covers('Sites.ReadWrite.All', 'Sites.Manage.All')).toBe(false);
    expect(covers('Tasks.ReadWrite', 'Tasks.Read')).toBe(true);
    expect(covers('Group.Read.All', 'GroupMember.Read.All')).toBe(true);
    expect(covers('GroupMember.Read.All', 'User.Read')).toBe(false);
    expect(covers('AllSites.FullControl', 'AllSites.Read')).toBe(true);
  });

  it('lets users consent to none of the scopes the permissions reference marks admin-only', () => {
    for (const adminOnly of ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All', 'User.Read.All', 'Sites.FullControl.All', 'AllSites.FullControl']) {
      expect(DEFAULT_USER_CONSENT_SCOPES).not.toContain(adminOnly);
    }
  });
});
