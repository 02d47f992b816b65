// Site roles and permission masks of the emulated SharePoint, without HTTP: who holds which role on
// which seeded site, and the { High, Low } masks SharePoint REST reports for them.
import { PermissionKind, basePermissions, sharePointLoopbackUrl } from '../../../dev/graph-emulator';
import type { Principal } from '../../../dev/graph-emulator/context';
import { SEED, type SeedUser } from '../../../dev/graph-emulator/seed';
import { findList, listSecurity, setListSecurity } from '../../../dev/graph-emulator/sharepoint/lists';
import { SitePermissions } from '../../../dev/graph-emulator/sharepoint/permissions';
import { Store } from '../../../dev/graph-emulator/store';

const { users, sites } = SEED;
let store: Store;
let permissions: SitePermissions;

beforeEach(() => {
  store = new Store(':memory:', 1);
  permissions = new SitePermissions(store);
});
afterEach(() => store.close());

function principal(user: SeedUser, tenantId = user.homeTenantId): Principal {
  return { user, tenantId, appId: 'test', scopes: new Set(), audience: 'graph' };
}

function bits(mask: { High: string; Low: string }): bigint {
  return (BigInt(mask.High) << 32n) | BigInt(mask.Low);
}

const has = (mask: { High: string; Low: string }, kind: number) => (bits(mask) & (1n << BigInt(kind - 1))) !== 0n;

describe('site roles', () => {
  it("gives a group's owners the Owner role and its members the Member role on the group's site", () => {
    expect(permissions.roleOf(sites.team, users.facilitator)).toBe('Owner');
    expect(permissions.roleOf(sites.team, users.teamLead)).toBe('Owner');
    expect(permissions.roleOf(sites.team, users.debtCounsellor)).toBe('Member');
    expect(permissions.roleOf(sites.team, users.outsider)).toBeUndefined();
    expect(permissions.roleOf(sites.debtGroup, users.facilitator)).toBe('Member');
  });

  it("makes the tenant's members Visitors of the root site and its two named owners Owners; guests get nothing there", () => {
    expect(permissions.roleOf(sites.root, users.outsider)).toBe('Visitor');
    expect(permissions.roleOf(sites.root, users.facilitator)).toBe('Visitor');
    expect(permissions.roleOf(sites.root, users.siteAdmin)).toBe('Owner');
    expect(permissions.roleOf(sites.root, users.teamLead)).toBe('Owner');
    expect(permissions.roleOf(sites.root, users.ggdGuest)).toBeUndefined();
  });

  it("seeds the GGD guest as a Member of the team's site only", () => {
    expect(permissions.roleOf(sites.team, users.ggdGuest)).toBe('Member');
    expect(permissions.roleOf(sites.debtGroup, users.ggdGuest)).toBeUndefined();
  });

  it('gives people of another tenant and disabled accounts no role, whatever their token says', () => {
    expect(permissions.roleOf(sites.root, users.externalPartner)).toBeUndefined();
    expect(permissions.roleOf(sites.root, users.formerEmployee)).toBeUndefined();
    expect(permissions.roleFor(sites.team, principal(users.facilitator, SEED.partnerTenantId))).toBeUndefined();
  });

  it('keeps the highest role when someone is added to a site beyond the group, and reset restores the seed', () => {
    permissions.addGrant({ siteId: sites.team.id, userId: users.debtCounsellor.id, role: 'Owner' });
    permissions.addGrant({ siteId: sites.team.id, userId: users.outsider.id, role: 'Visitor' });
    expect(permissions.roleOf(sites.team, users.debtCounsellor)).toBe('Owner');
    expect(permissions.roleOf(sites.team, users.outsider)).toBe('Visitor');
    permissions.reset();
    expect(permissions.roleOf(sites.team, users.debtCounsellor)).toBe('Member');
    expect(permissions.roleOf(sites.team, users.outsider)).toBeUndefined();
    expect(permissions.roleOf(sites.team, users.ggdGuest)).toBe('Member');
  });

  it('treats everyone as an Owner when site roles are off, but keeps item-level rules for non-owners', () => {
    permissions.setTenant({ enforceSiteRoles: false });
    expect(permissions.roleFor(sites.team, principal(users.outsider))).toBe('Owner');
    expect(permissions.itemLevelApplies(sites.team, principal(users.outsider))).toBe(true);
    expect(permissions.itemLevelApplies(sites.team, principal(users.facilitator))).toBe(false);
    permissions.setTenant({ enforceItemLevelPermissions: false });
    expect(permissions.itemLevelApplies(sites.team, principal(users.outsider))).toBe(false);
  });

  it('refuses a right the role does not cover with accessDenied', () => {
    expect(() => permissions.require(sites.team, principal(users.debtCounsellor), 'manageLists')).toThrow(expect.objectContaining({ status: 403, code: 'accessDenied' }));
    expect(permissions.require(sites.team, principal(users.debtCounsellor), 'contribute')).toBe('Member');
    expect(() => permissions.require(sites.root, principal(users.outsider), 'contribute')).toThrow(expect.objectContaining({ status: 403 }));
  });
});

describe('permission masks', () => {
  it('writes Full Control as High 2147483647 and Low 4294967295', () => {
    expect(basePermissions('Owner')).toEqual({ High: '2147483647', Low: '4294967295' });
  });

  it('gives Read view rights only, and Contribute add, edit and delete but neither Manage Lists nor Override List Behaviors', () => {
    const read = basePermissions('Visitor');
    expect(has(read, PermissionKind.ViewListItems) && has(read, PermissionKind.Open)).toBe(true);
    expect(has(read, PermissionKind.AddListItems)).toBe(false);
    const contribute = basePermissions('Member');
    for (const kind of [PermissionKind.ViewListItems, PermissionKind.AddListItems, PermissionKind.EditListItems, PermissionKind.DeleteListItems]) expect(has(contribute, kind)).toBe(true);
    expect(has(contribute, PermissionKind.ManageLists)).toBe(false);
    expect(has(contribute, PermissionKind.CancelCheckout)).toBe(false);
    expect(basePermissions(undefined)).toEqual({ High: '0', Low: '0' });
  });
});

describe('list security in the stored list', () => {
  it('reads a list stored before item-level permissions existed as ReadSecurity 1 / WriteSecurity 1, and keeps what is set', () => {
    const oldDoc = { description: '', created: '2024-01-01T00:00:00Z', modified: '2024-01-01T00:00:00Z', createdBy: users.facilitator.id, template: 'genericList', hidden: false };
    store.db.prepare('INSERT INTO lists(id, site_id, display_name, name, version, next_item_id, doc) VALUES (?, ?, ?, ?, 1, 1, ?)').run('0d0d0d0d-0000-4000-8000-000000000001', sites.team.id, 'Oud', 'Oud', JSON.stringify(oldDoc));
    const row = findList(store, sites.team.id, 'Oud');
    if (!row) throw new Error('list not stored');
    expect(listSecurity(row)).toEqual({ readSecurity: 1, writeSecurity: 1 });
    setListSecurity(store, row, { writeSecurity: 4 }, '2024-02-01T00:00:00Z');
    const updated = findList(store, sites.team.id, 'Oud');
    expect(updated && listSecurity(updated)).toEqual({ readSecurity: 1, writeSecurity: 4 });
    expect(updated?.version).toBe(2);
  });
});

describe('sharePointLoopbackUrl', () => {
  it('puts the SharePoint host and path under /_sharepoint on the emulator origin, query included', () => {
    expect(sharePointLoopbackUrl('http://127.0.0.1:4000/v1.0', "https://gemeente-voorbeeld.sharepoint.com/sites/ArmoedeenGezondheid/_api/web/lists/GetByTitle('Gesprekstool%20antwoorden')?$select=Id")).toBe(
      "http://127.0.0.1:4000/_sharepoint/gemeente-voorbeeld.sharepoint.com/sites/ArmoedeenGezondheid/_api/web/lists/GetByTitle('Gesprekstool%20antwoorden')?$select=Id",
    );
  });
});
