import { startHarness, SEED, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('directory', () => {
  it('takes the signed-in user from GET /me', async () => {
    const me = await h.services(SEED.users.debtCounsellor.userPrincipalName).directory.me();
    expect(me).toEqual({ id: SEED.users.debtCounsellor.id, displayName: "Sanne van 't Hof", userPrincipalName: SEED.users.debtCounsellor.userPrincipalName, department: 'Armoede & Schulden', jobTitle: 'Schuldhulpverlener' });
  });

  it('lists the groups a person can publish to and says which are teams', async () => {
    const groups = await h.services(SEED.users.facilitator.userPrincipalName).directory.myGroups();
    expect(groups).toEqual([
      { id: SEED.groups.team.id, displayName: 'Armoede en Gezondheid', isTeam: true },
      { id: SEED.groups.debtGroup.id, displayName: 'Schuldhulp Overleg', isTeam: false },
    ]);
  });

  it('finds a site by its group, its URL and as the root site', async () => {
    const directory = h.services(SEED.users.facilitator.userPrincipalName).directory;
    const byGroup = await directory.groupSite(SEED.groups.team.id);
    expect(byGroup.id).toBe(SEED.sites.team.id);
    const byUrl = await directory.siteByUrl(`https://${SEED.host}${SEED.sites.team.path}`);
    expect(byUrl.id).toBe(SEED.sites.team.id);
    expect((await directory.rootSite()).id).toBe(SEED.sites.root.id);
  });
});
