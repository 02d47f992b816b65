import { AccessDeniedError, SignInError } from '../../../src/graph/errors';
import { describeError } from '../../../src/ui/common/errors';
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

  it('asks for each call’s own scope: the group picker needs consent the app lacks, and says so in words a person can act on', async () => {
    h.emulator.admin.revokeAdminConsent(SEED.apps.gesprekstool.clientId);
    try {
      const directory = h.services(SEED.users.facilitator.userPrincipalName).directory;
      // User.Read and Sites.Read.All are scopes a person may consent to on their own.
      expect((await directory.me()).id).toBe(SEED.users.facilitator.id);
      expect((await directory.rootSite()).id).toBe(SEED.sites.root.id);
      const err = await directory.myGroups().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SignInError);
      expect(err).toMatchObject({ code: 'consentRequired', transient: false });
      expect(describeError(err, 'nl').next).toContain('beheerder');
    } finally {
      h.emulator.admin.reset();
    }
  });

  it('signs in a partner from another tenant, who sees their own profile but not this tenant’s sites or groups', async () => {
    const directory = h.services(SEED.users.externalPartner.userPrincipalName).directory;
    expect((await directory.me()).displayName).toBe('Pieter Mulder');
    await expect(directory.rootSite()).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(directory.myGroups()).rejects.toMatchObject({ code: 'consentRequired' });
  });

  it('refuses a disabled account at sign-in with its own explanation', async () => {
    const err = await h.services(SEED.users.formerEmployee.userPrincipalName).directory.me().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'signInRefused' });
    expect(describeError(err, 'en').problem).toContain('disabled');
  });
});
