// "Controleer de installatie" against the strict local tenant: each line is what the signed-in
// person's own token can really do on the site and in the group, so an owner, a member, a person
// without consent and an outsider each get a different, specific answer.
import type { CheckLine } from '../../../src/graph';
import { harnessPerFile, SEED } from './harness';

// Provisioning and a whole session against the emulator take seconds on a loaded two-core machine.
jest.setTimeout(30_000);

const h = harnessPerFile();
const byId = (lines: CheckLine[]) => Object.fromEntries(lines.map((l) => [l.id, `${l.outcome}${l.problem ? `:${l.problem}` : ''}`]));

describe('installation check', () => {
  it('tells the owner of a fresh team site that everything works and that Save creates the lists', async () => {
    const { location } = h();
    const lines = await h().services(SEED.users.facilitator.userPrincipalName).installation.check({ siteId: location.siteId, siteUrl: location.siteUrl, groupId: SEED.groups.team.id });
    expect(byId(lines)).toEqual({
      signIn: 'ok',
      site: 'ok',
      siteOwner: 'ok',
      provisioning: 'ok',
      lists: 'todo:listsMissing',
      itemLevel: 'todo:listsMissing',
      planner: 'ok',
      groupMembers: 'ok',
      teams: 'ok',
    });
  });

  it('after Save, the lists and their item-level permissions check out as well', async () => {
    const { location } = h();
    const services = h().services(SEED.users.facilitator.userPrincipalName);
    await services.store(location).provision();
    const lines = await services.installation.check({ siteId: location.siteId, siteUrl: location.siteUrl, groupId: SEED.groups.team.id });
    expect(lines.every((l) => l.outcome === 'ok')).toBe(true);
  });

  it('tells a member who is not an owner that they cannot set up the lists, and why the list setting stays open', async () => {
    const { location } = h();
    await h().services(SEED.users.facilitator.userPrincipalName).store(location).provision();
    // Lists made by hand without the item-level setting: only an owner can put it right.
    h().emulator.admin.setListSecurity(location.siteId, 'Gesprekstool antwoorden', { readSecurity: 1, writeSecurity: 1 });
    const lines = await h().services(SEED.users.debtCounsellor.userPrincipalName).installation.check({ siteId: location.siteId, siteUrl: location.siteUrl, groupId: SEED.groups.team.id });
    const found = byId(lines);
    expect(found.siteOwner).toBe('fail:notOwner');
    expect(found.lists).toBe('ok');
    expect(found.itemLevel).toBe('fail:notItemLevel');
    expect(found.groupMembers).toBe('ok');
  });

  it('names the permission nobody consented to, line by line, while the rest still works', async () => {
    const { location } = h();
    h().emulator.admin.revokeAdminConsent(SEED.apps.gesprekstool.clientId);
    const lines = await h().services(SEED.users.facilitator.userPrincipalName).installation.check({ siteId: location.siteId, siteUrl: location.siteUrl, groupId: SEED.groups.team.id });
    const found = byId(lines);
    expect(found.signIn).toBe('ok');
    expect(found.groupMembers).toBe('fail:consentRequired');
    expect(lines.find((l) => l.id === 'groupMembers')?.scopes).toEqual(['GroupMember.Read.All']);
  });

  it('refuses an outsider on the site and in the group, and skips the group lines without a group', async () => {
    const { location } = h();
    const lines = await h().services(SEED.users.outsider.userPrincipalName).installation.check({ siteId: location.siteId, siteUrl: location.siteUrl, groupId: null });
    const found = byId(lines);
    expect(found.signIn).toBe('ok');
    expect(found.site).toBe('fail:accessDenied');
    expect(found.planner).toBe('skipped:noGroup');
    expect(found.groupMembers).toBe('skipped:noGroup');
  });

  it('stops after a refused sign-in instead of repeating the refusal nine times', async () => {
    const { location } = h();
    const lines = await h().services(SEED.users.formerEmployee.userPrincipalName).installation.check({ siteId: location.siteId, siteUrl: location.siteUrl, groupId: SEED.groups.team.id });
    expect(byId(lines).signIn).toBe('fail:signInRefused');
    expect(lines.slice(1).every((l) => l.outcome === 'skipped')).toBe(true);
  });
});
