// Who may do what in SharePoint: site roles (Owners, Members, Visitors), the permission masks they
// stand for, list item-level permissions (ReadSecurity / WriteSecurity) and the tenant switches that
// turn enforcement off for tests that need the old, permissive behaviour.
//
// Sources:
// - Site roles of a group's site: "Site permissions after Microsoft 365 group connection"
//   (learn.microsoft.com/sharepoint/dev/transform/modernize-connect-to-office365-group-permissions):
//   group owners become site collection administrators and the site's Owners, group members the Members.
// - Permission kinds and their bit positions: PermissionKind enumeration (CSOM,
//   learn.microsoft.com/dotnet/api/microsoft.sharepoint.client.permissionkind): kind N is bit N-1 of the
//   64-bit mask that REST returns as { High, Low }.
// - What Read and Contribute contain: SPPermissionGroup64 / RoleType (Reader, Contributor: "cannot create
//   new lists"); WebDesigner adds ManageLists and CancelCheckout ("Override List Behaviors").
// - Item-level permissions: Security element of the list schema
//   (learn.microsoft.com/sharepoint/dev/schema/security-element) and [MS-WSSCAML] 2.3.2.11.3: ReadSecurity
//   2 "visible only to the item's author and list administrators", WriteSecurity 2 "changed only by the
//   item's author and list administrators", 4 "changed only by the list administrators".
import { z } from 'zod';
import type { Principal } from '../context';
import { GraphHttpError } from '../errors';
import { ALL_GROUPS, ALL_SITES, SEED, TENANT_ID, type SeedSite, type SeedUser } from '../seed';
import type { Store } from '../store';
import { APP_SITE_ROLES, type AppSiteRole } from '../scopes';

export type SiteRole = 'Owner' | 'Member' | 'Visitor';
const ROLE_RANK: Record<SiteRole, number> = { Visitor: 1, Member: 2, Owner: 3 };
export const SITE_ROLES: readonly SiteRole[] = ['Owner', 'Member', 'Visitor'];

/** What a request needs on the site: Read (Visitor), Contribute (Member), Manage Lists (Owner). */
export type SiteRight = 'read' | 'contribute' | 'manageLists';
const RIGHT_NEEDS: Record<SiteRight, SiteRole> = { read: 'Visitor', contribute: 'Member', manageLists: 'Owner' };

// ---- permission masks ------------------------------------------------------------------------

/** PermissionKind values (CSOM); kind N is bit N-1 of the mask. */
export const PermissionKind = {
  ViewListItems: 1,
  AddListItems: 2,
  EditListItems: 3,
  DeleteListItems: 4,
  ApproveItems: 5,
  OpenItems: 6,
  ViewVersions: 7,
  DeleteVersions: 8,
  CancelCheckout: 9,
  ManagePersonalViews: 10,
  ManageLists: 12,
  ViewFormPages: 13,
  Open: 17,
  ViewPages: 18,
  CreateSSCSite: 23,
  BrowseDirectories: 27,
  BrowseUserInfo: 28,
  AddDelPrivateWebParts: 29,
  UpdatePersonalWebParts: 30,
  UseClientIntegration: 37,
  UseRemoteAPIs: 38,
  CreateAlerts: 40,
  EditMyUserInfo: 41,
} as const;
type Kind = keyof typeof PermissionKind;

/** REST writes the 64-bit mask as two unsigned 32-bit halves, as strings (Edm.Int64). */
export interface BasePermissions {
  High: string;
  Low: string;
}

function mask(kinds: readonly Kind[]): bigint {
  return kinds.reduce((m, k) => m | (1n << BigInt(PermissionKind[k] - 1)), 0n);
}

const READ_KINDS: readonly Kind[] = [
  'ViewListItems',
  'OpenItems',
  'ViewVersions',
  'ViewFormPages',
  'Open',
  'ViewPages',
  'CreateSSCSite',
  'BrowseUserInfo',
  'UseClientIntegration',
  'UseRemoteAPIs',
  'CreateAlerts',
];
const CONTRIBUTE_KINDS: readonly Kind[] = [
  ...READ_KINDS,
  'AddListItems',
  'EditListItems',
  'DeleteListItems',
  'DeleteVersions',
  'ManagePersonalViews',
  'BrowseDirectories',
  'AddDelPrivateWebParts',
  'UpdatePersonalWebParts',
  'EditMyUserInfo',
];
/** Full Control: every bit SharePoint defines (FullMask), High 0x7FFFFFFF and Low 0xFFFFFFFF. */
const FULL_MASK = 0x7fffffffffffffffn;

const ROLE_MASK: Record<SiteRole, bigint> = { Visitor: mask(READ_KINDS), Member: mask(CONTRIBUTE_KINDS), Owner: FULL_MASK };

export function basePermissions(role: SiteRole | undefined): BasePermissions {
  const m = role ? ROLE_MASK[role] : 0n;
  return { High: String(m >> 32n), Low: String(m & 0xffffffffn) };
}

export function hasPermission(role: SiteRole | undefined, kind: Kind): boolean {
  return role !== undefined && (ROLE_MASK[role] & (1n << BigInt(PermissionKind[kind] - 1))) !== 0n;
}

// ---- tenant switches -------------------------------------------------------------------------

export const TenantSettingsSchema = z
  .object({
    /** false: every signed-in person acts as an Owner of every site (the emulator before site roles). */
    enforceSiteRoles: z.boolean(),
    /** false: ReadSecurity / WriteSecurity are stored and reported but not applied to Graph item requests. */
    enforceItemLevelPermissions: z.boolean(),
  })
  .strict();
export type TenantSettings = z.infer<typeof TenantSettingsSchema>;
export const TenantSettingsInputSchema = TenantSettingsSchema.partial();
export type TenantSettingsInput = z.infer<typeof TenantSettingsInputSchema>;
export const STRICT_TENANT: TenantSettings = { enforceSiteRoles: true, enforceItemLevelPermissions: true };

// ---- list security ---------------------------------------------------------------------------

export type ReadSecurity = 1 | 2;
export type WriteSecurity = 1 | 2 | 4;
export interface ListSecurity {
  readSecurity: ReadSecurity;
  writeSecurity: WriteSecurity;
}
export const ListSecurityInputSchema = z
  .object({ readSecurity: z.union([z.literal(1), z.literal(2)]).optional(), writeSecurity: z.union([z.literal(1), z.literal(2), z.literal(4)]).optional() })
  .strict();
/** Lists written before item-level permissions existed carry neither value: SharePoint's default, 1 / 1. */
export const DEFAULT_LIST_SECURITY: ListSecurity = { readSecurity: 1, writeSecurity: 1 };

// ---- site membership -------------------------------------------------------------------------

export interface SiteGrant {
  siteId: string;
  userId: string;
  role: SiteRole;
}

/**
 * Additions to a site's SharePoint groups beyond what the Microsoft 365 group gives. Femke de Wit (GGD
 * guest) is added to the team site's Members directly, not to the team's group: sharing a site with a
 * guest this way is what a site owner does in SharePoint, and it keeps the group (Planner, memberOf,
 * joinedTeams) as the seed describes it.
 */
export const SEEDED_SITE_GRANTS: readonly SiteGrant[] = [{ siteId: SEED.sites.team.id, userId: SEED.users.ggdGuest.id, role: 'Member' }];

/** The root site's named owners: the functioneel beheerder and the team lead. */
export const ROOT_SITE_OWNERS: readonly string[] = [SEED.users.siteAdmin.id, SEED.users.teamLead.id];

const GRANTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS site_grants (
  site_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  role TEXT NOT NULL,
  PRIMARY KEY (site_id, user_id, role)
);`;

// ---- sites assigned to apps (Sites.Selected) ----------------------------------------------------

/** An app's assignment to a site (POST /sites/{id}/permissions with an application identity). */
export interface AppSiteGrant {
  /** The permission's id, as Graph returns it. */
  id: string;
  siteId: string;
  appId: string;
  displayName: string;
  role: AppSiteRole;
}

const APP_GRANTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS app_site_grants (
  id TEXT NOT NULL,
  site_id TEXT NOT NULL,
  app_id TEXT NOT NULL,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  PRIMARY KEY (site_id, app_id)
);`;

function higher(a: SiteRole | undefined, b: SiteRole | undefined): SiteRole | undefined {
  if (!a) return b;
  if (!b) return a;
  return ROLE_RANK[a] >= ROLE_RANK[b] ? a : b;
}

export function accessDeniedError(): GraphHttpError {
  // The body Graph answers for a site or list the caller has no access to (SharePoint/sp-dev-docs #8858,
  // microsoftgraph/microsoft-graph-docs #8599, #13152).
  return new GraphHttpError(403, 'accessDenied', 'Access denied');
}

/** Site roles, the tenant switches and the per-site additions (stored in SQLite, so they survive restarts). */
export class SitePermissions {
  private settings: TenantSettings;

  constructor(
    private readonly store: Store,
    private readonly startSettings: TenantSettings = STRICT_TENANT,
  ) {
    this.settings = { ...startSettings };
    store.db.exec(GRANTS_SCHEMA);
    store.db.exec(APP_GRANTS_SCHEMA);
    if (store.getMeta('siteGrantsSeeded') === undefined) this.reseed();
  }

  tenant(): TenantSettings {
    return { ...this.settings };
  }

  setTenant(input: TenantSettingsInput): TenantSettings {
    this.settings = { ...this.settings, ...input };
    return this.tenant();
  }

  /** Back to the start-up switches and the seeded site memberships. */
  reset(): void {
    this.settings = { ...this.startSettings };
    this.reseed();
  }

  private reseed(): void {
    this.store.transaction(() => {
      this.store.db.exec('DELETE FROM site_grants');
      this.store.db.exec('DELETE FROM app_site_grants');
      for (const g of SEEDED_SITE_GRANTS) this.addGrant(g);
      this.store.setMeta('siteGrantsSeeded', '1');
    });
  }

  addGrant(grant: SiteGrant): void {
    this.store.stmt('INSERT OR IGNORE INTO site_grants(site_id, user_id, role) VALUES (?, ?, ?)').run(grant.siteId, grant.userId, grant.role);
  }

  removeGrant(grant: SiteGrant): void {
    this.store.stmt('DELETE FROM site_grants WHERE site_id = ? AND user_id = ? AND role = ?').run(grant.siteId, grant.userId, grant.role);
  }

  grants(): SiteGrant[] {
    return (this.store.stmt('SELECT site_id, user_id, role FROM site_grants ORDER BY site_id, role, user_id').all() as { site_id: string; user_id: string; role: SiteRole }[]).map((r) => ({
      siteId: r.site_id,
      userId: r.user_id,
      role: r.role,
    }));
  }

  /** Assigns the site to an app (a second assignment replaces the first, as PATCH on the permission would). */
  grantApp(grant: Omit<AppSiteGrant, 'id'> & { id?: string }): AppSiteGrant {
    const id = grant.id ?? Buffer.from(`${grant.siteId}|${grant.appId}`).toString('base64url');
    this.store.stmt('INSERT OR REPLACE INTO app_site_grants(id, site_id, app_id, display_name, role) VALUES (?, ?, ?, ?, ?)').run(id, grant.siteId, grant.appId, grant.displayName, grant.role);
    return { ...grant, id };
  }

  appGrants(siteId: string): AppSiteGrant[] {
    const rows = this.store.stmt('SELECT id, site_id, app_id, display_name, role FROM app_site_grants WHERE site_id = ? ORDER BY app_id').all(siteId) as { id: string; site_id: string; app_id: string; display_name: string; role: AppSiteRole }[];
    return rows.map((r) => ({ id: r.id, siteId: r.site_id, appId: r.app_id, displayName: r.display_name, role: r.role }));
  }

  /** Whether the app's assignment to the site (if any) covers the role: read < write < manage < fullcontrol. */
  appCovers(site: SeedSite, appId: string, role: AppSiteRole): boolean {
    const grant = this.appGrants(site.id).find((g) => g.appId === appId);
    return grant !== undefined && APP_SITE_ROLES.indexOf(grant.role) >= APP_SITE_ROLES.indexOf(role);
  }

  /**
   * The caller's role as far as the app's assignment reaches (Sites.Selected): read is a Visitor's,
   * write a Member's, manage and fullcontrol an Owner's; never more than the person's own role.
   */
  appCappedRole(site: SeedSite, principal: Principal): SiteRole | undefined {
    const own = this.roleFor(site, principal);
    const grant = this.appGrants(site.id).find((g) => g.appId === principal.appId);
    if (!own || !grant) return undefined;
    const cap: SiteRole = grant.role === 'read' ? 'Visitor' : grant.role === 'write' ? 'Member' : 'Owner';
    return ROLE_RANK[own] <= ROLE_RANK[cap] ? own : cap;
  }

  /** The role a person holds on a site by membership, whatever the tenant switches say. */
  roleOf(site: SeedSite, user: SeedUser): SiteRole | undefined {
    // People of another organisation's tenant hold nothing here, and a disabled account holds nothing.
    if (user.homeTenantId !== TENANT_ID || !user.accountEnabled) return undefined;
    let role: SiteRole | undefined;
    const group = ALL_GROUPS.find((g) => g.site.id === site.id);
    if (group?.owners.includes(user.id)) role = higher(role, 'Owner');
    if (group?.members.includes(user.id)) role = higher(role, 'Member');
    if (site.path === '/') {
      if (ROOT_SITE_OWNERS.includes(user.id)) role = higher(role, 'Owner');
      // "Everyone except external users" reads the intranet: employees are Visitors, guests are not.
      if (user.userType === 'Member') role = higher(role, 'Visitor');
    }
    const rows = this.store.stmt('SELECT role FROM site_grants WHERE site_id = ? AND user_id = ?').all(site.id, user.id) as { role: SiteRole }[];
    for (const r of rows) role = higher(role, r.role);
    return role;
  }

  /** The caller's role on the site: none for a token from another tenant; Owner everywhere when roles are off. */
  roleFor(site: SeedSite, principal: Principal): SiteRole | undefined {
    if (principal.tenantId !== TENANT_ID) return undefined;
    if (!this.settings.enforceSiteRoles) return 'Owner';
    return this.roleOf(site, principal.user);
  }

  /** Throws Graph's 403 accessDenied unless the caller's role on the site covers the right. */
  require(site: SeedSite, principal: Principal, right: SiteRight): SiteRole {
    const role = this.roleFor(site, principal);
    if (!role || ROLE_RANK[role] < ROLE_RANK[RIGHT_NEEDS[right]]) throw accessDeniedError();
    return role;
  }

  /**
   * Whether item-level restrictions apply to this caller on this site: not for those who may override
   * list behaviours (Owners, by their real membership), and not when the tenant switch is off.
   */
  itemLevelApplies(site: SeedSite, principal: Principal): boolean {
    if (!this.settings.enforceItemLevelPermissions) return false;
    const real = principal.tenantId === TENANT_ID ? this.roleOf(site, principal.user) : undefined;
    return !hasPermission(real, 'CancelCheckout');
  }

  /** Every site with its Owners, Members and Visitors by name of role (Visitors of the root: tenant members). */
  describe(allUsers: readonly SeedUser[]): { siteId: string; path: string; owners: string[]; members: string[]; visitors: string[] }[] {
    return ALL_SITES.map((site) => {
      const by: Record<SiteRole, string[]> = { Owner: [], Member: [], Visitor: [] };
      for (const u of allUsers) {
        const role = this.roleOf(site, u);
        if (role) by[role].push(u.userPrincipalName);
      }
      return { siteId: site.id, path: site.path, owners: by.Owner, members: by.Member, visitors: by.Visitor };
    });
  }
}

/** Parses SiteRole names from the admin API ("Owners", "members", "Visitor" …). */
export function parseRole(text: string): SiteRole | undefined {
  const t = text.toLowerCase().replace(/s$/, '');
  return SITE_ROLES.find((r) => r.toLowerCase() === t);
}
