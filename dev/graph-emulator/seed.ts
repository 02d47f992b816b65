// The emulated tenant: a Dutch municipality with people from the poverty and the health domain.
// Ids are fixed so tests and the meeting simulator can name people without looking them up.

export const TENANT_ID = '7d3a5c1e-2b4f-4e8a-9c6d-0f1e2a3b4c5d';
export const SHAREPOINT_HOST = 'gemeente-voorbeeld.sharepoint.com';
export const MAIL_DOMAIN = 'gemeente-voorbeeld.nl';
/** The municipality's initial domain, where guests' `#EXT#` user principal names live. */
export const INITIAL_DOMAIN = 'gemeentevoorbeeld.onmicrosoft.com';
/** Another organisation's tenant (a welfare foundation): its people sign in there, not here. */
export const PARTNER_TENANT_ID = 'c9e8d7f6-a5b4-4c3d-8e2f-1a0b9c8d7e6f';
export const PARTNER_MAIL_DOMAIN = 'welzijn-voorbeeld.nl';

/** Member: an employee of the tenant; Guest: invited from outside (B2B), `#EXT#` in the UPN. */
export type UserType = 'Member' | 'Guest';

export interface SeedUser {
  id: string;
  /** Tenant whose directory holds this account: the municipality's, or the partner's for an external person. */
  homeTenantId: string;
  userType: UserType;
  /** false: the account was disabled (someone who left); sign-in and tokens are refused. */
  accountEnabled: boolean;
  /** Organisation the person works for, as shown next to their name (partners). */
  organisation: string;
  displayName: string;
  givenName: string;
  surname: string;
  userPrincipalName: string;
  mail: string;
  jobTitle: string;
  department: string;
  officeLocation: string;
  preferredLanguage: string;
}

export interface SeedSite {
  /** `hostname,siteCollectionId,webId`, as Graph composes site ids. */
  id: string;
  siteCollectionId: string;
  webId: string;
  /** Server-relative path, `/` for the root site. */
  path: string;
  name: string;
  displayName: string;
  description: string;
}

export interface SeedGroup {
  id: string;
  displayName: string;
  description: string;
  mailNickname: string;
  isTeam: boolean;
  members: string[];
  owners: string[];
  site: SeedSite;
}

function user(id: string, givenName: string, surname: string, login: string, jobTitle: string, department: string, officeLocation = 'Stadskantoor'): SeedUser {
  return {
    id,
    homeTenantId: TENANT_ID,
    userType: 'Member',
    accountEnabled: true,
    organisation: 'Gemeente Voorbeeld',
    displayName: `${givenName} ${surname}`,
    givenName,
    surname,
    userPrincipalName: `${login}@${MAIL_DOMAIN}`,
    mail: `${login}@${MAIL_DOMAIN}`,
    jobTitle,
    department,
    officeLocation,
    preferredLanguage: 'nl-NL',
  };
}

function site(siteCollectionId: string, webId: string, path: string, displayName: string, description: string): SeedSite {
  const name = path === '/' ? '' : (path.split('/').pop() ?? '');
  return { id: `${SHAREPOINT_HOST},${siteCollectionId},${webId}`, siteCollectionId, webId, path, name, displayName, description };
}

const users = {
  /** Gespreksleider; member of both groups. */
  facilitator: user('0b1c2d3e-4f50-4617-8829-3a4b5c6d7e81', 'Marieke', 'de Vries', 'marieke.devries', 'Beleidsadviseur armoede en schulden', 'Armoede & Schulden'),
  /** Name with an apostrophe: escaping test for OData literals and UI text. */
  debtCounsellor: user('1c2d3e4f-5061-4728-993a-4b5c6d7e8f92', 'Sanne', "van 't Hof", 'sanne.vanthof', 'Schuldhulpverlener', 'Armoede & Schulden'),
  incomeConsultant: user('2d3e4f50-6172-4839-aa4b-5c6d7e8f90a3', 'Joost', 'Verbeek', 'joost.verbeek', 'Klantmanager', 'Werk en Inkomen'),
  healthPolicy: user('3e4f5061-7283-494a-bb5c-6d7e8f90a1b4', 'Anouk', 'Jansen', 'anouk.jansen', 'Beleidsmedewerker publieke gezondheid', 'Publieke Gezondheid'),
  /** GGD partner from 's-Hertogenbosch. */
  ggdNurse: user('4f506172-8394-4a5b-8c6d-7e8f90a1b2c5', 'Lotte', 'van den Heuvel', 'lotte.vandenheuvel', 'Sociaal verpleegkundige', 'GGD Hart voor Brabant', "'s-Hertogenbosch"),
  healthPromotion: user('506172a3-94a5-4b6c-9d7e-8f90a1b2c3d6', 'Eva', 'Smit', 'eva.smit', 'Gezondheidsbevorderaar', 'Publieke Gezondheid'),
  neighbourhoodTeam: user('6172a3b4-a5b6-4c7d-8e8f-90a1b2c3d4e7', 'Youssef', 'Amrani', 'youssef.amrani', 'Wijkteammedewerker', 'Sociaal Wijkteam'),
  /** Owner of the team's group but not a member: Planner refuses owners who are not members. */
  teamLead: user('72a3b4c5-b6c7-4d8e-9f90-a1b2c3d4e5f8', 'Ruud', 'Hendriks', 'ruud.hendriks', 'Teamleider', 'Werk en Inkomen'),
  /** Member of neither group. */
  outsider: user('83b4c5d6-c7d8-4e9f-a0a1-b2c3d4e5f6a9', 'Bram', 'de Groot', 'bram.degroot', 'Medewerker burgerzaken', 'Publiekszaken'),
  /** Functioneel beheerder: one of the two owners of the tenant's root site; a tenant administrator (grants admin consent). */
  siteAdmin: user('94c5d6e7-d8e9-4fa0-b1b2-c3d4e5f6a7b0', 'Wim', 'Bos', 'wim.bos', 'Functioneel beheerder Microsoft 365', 'Informatievoorziening'),
  /** GGD nurse with a guest account in the municipality's tenant (B2B): userType Guest, `#EXT#` UPN. */
  ggdGuest: {
    ...user('a5d6e7f8-e9fa-4b0b-82c3-d4e5f6a7b8c1', 'Femke', 'de Wit', 'femke.dewit', 'Jeugdverpleegkundige', 'GGD West-Brabant', 'Breda'),
    userType: 'Guest',
    organisation: 'GGD West-Brabant',
    userPrincipalName: `femke.dewit_ggdwestbrabant.nl#EXT#@${INITIAL_DOMAIN}`,
    mail: 'femke.dewit@ggdwestbrabant.nl',
  },
  /** Partner from another organisation's tenant (federated Teams): their token's tid is the partner's. */
  externalPartner: {
    ...user('b6e7f8a9-fa0b-4c1c-93d4-e5f6a7b8c9d2', 'Pieter', 'Mulder', 'pieter.mulder', 'Opbouwwerker', 'Welzijn Voorbeeld'),
    homeTenantId: PARTNER_TENANT_ID,
    organisation: 'Stichting Welzijn Voorbeeld',
    userPrincipalName: `pieter.mulder@${PARTNER_MAIL_DOMAIN}`,
    mail: `pieter.mulder@${PARTNER_MAIL_DOMAIN}`,
    officeLocation: 'Wijkcentrum De Schakel',
  },
  /** Left the municipality: the account is disabled, sign-in refused. */
  formerEmployee: { ...user('c7f8a9b0-0b1c-4d2d-a4e5-f6a7b8c9d0e3', 'Kees', 'van Dam', 'kees.vandam', 'Beleidsmedewerker (uit dienst)', 'Armoede & Schulden'), accountEnabled: false },
  // Eight more colleagues from the team, so the meeting simulator can hold the 20-person meeting
  // that issue 10 measures (every enabled person above plus these). Appended last: earlier people
  // keep their SharePoint lookup ids.
  incomePolicy: user('2011fbaa-cb2a-48fd-ab86-34b73063ab80', 'Fatima', 'Bouzid', 'fatima.bouzid', 'Beleidsadviseur minimaregelingen', 'Werk en Inkomen'),
  youthConsultant: user('b000714e-5d6d-4665-afe4-945371611b9d', 'Daan', 'Bakker', 'daan.bakker', 'Jeugdconsulent', 'Sociaal Wijkteam'),
  budgetCoach: user('289bda30-6f3d-4251-adca-f5ab1481cd5f', 'Sophie', 'Visser', 'sophie.visser', 'Budgetcoach', 'Armoede & Schulden'),
  carePolicy: user('53a4cc72-d425-4776-ae02-40f912840ba2', 'Thomas', 'Peters', 'thomas.peters', 'Beleidsmedewerker Wmo', 'Zorg en Welzijn'),
  jobCoach: user('c4a1394a-71c6-4f4d-a5f0-1936bcdf0ab5', 'Ilse', 'Mertens', 'ilse.mertens', 'Werkcoach', 'Werk en Inkomen'),
  neighbourhoodCoach: user('cafe93c9-8d4c-4066-ad4d-713ce649b59e', 'Mehmet', 'Kaya', 'mehmet.kaya', 'Wijkcoach', 'Sociaal Wijkteam'),
  epidemiologist: user('4f5d97bc-2f71-4379-a684-6c5641522a18', 'Noor', 'de Boer', 'noor.deboer', 'Epidemioloog', 'Publieke Gezondheid'),
  dataAnalyst: user('f585a230-3fef-433d-adee-f3d721b36dfd', 'Johan', 'Willems', 'johan.willems', 'Data-analist sociaal domein', 'Informatievoorziening'),
} satisfies Record<string, SeedUser>;

/**
 * Twenty-four more colleagues of the team, generated, for meetings larger than the named people
 * above (the 40-person meeting of `npm run bench:meeting -- --people 40`). Members of the team, so
 * of its site; appended after every named person, whose SharePoint lookup ids stay as they were.
 */
const CROWD_GIVEN = ['Bas', 'Lieke', 'Ruben', 'Iris', 'Milan', 'Sara', 'Jesse', 'Fleur', 'Thijs', 'Nina', 'Lars', 'Roos'] as const;
const CROWD_SURNAMES = ['Dekker', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peeters', 'Hendriks', 'Dijkstra', 'Smits', 'Brouwer', 'Kok', 'Jacobs'] as const;
const CROWD_DEPARTMENTS = ['Armoede & Schulden', 'Publieke Gezondheid', 'Werk en Inkomen', 'Sociaal Wijkteam'] as const;
export const CROWD: readonly SeedUser[] = Array.from({ length: 24 }, (_, i) => {
  const given = CROWD_GIVEN[i % CROWD_GIVEN.length] as string;
  const surname = CROWD_SURNAMES[(i * 5) % CROWD_SURNAMES.length] as string;
  const login = `${given}.${surname}${i + 1}`.toLowerCase();
  return user(`c0ffee00-0000-4000-8000-${String(i + 1).padStart(12, '0')}`, given, surname, login, 'Beleidsmedewerker', CROWD_DEPARTMENTS[i % CROWD_DEPARTMENTS.length] as string);
});

const sites = {
  root: site('9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', '/', 'Gemeente Voorbeeld', 'Intranet van de gemeente Voorbeeld'),
  team: site('b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e', 'c3d4e5f6-a7b8-4c9d-8e1f-2a3b4c5d6e7f', '/sites/ArmoedeenGezondheid', 'Armoede en Gezondheid', 'Team armoede- en gezondheidsbeleid'),
  debtGroup: site('d4e5f6a7-b8c9-4d0e-9f2a-3b4c5d6e7f80', 'e5f6a7b8-c9d0-4e1f-8a3b-4c5d6e7f8091', '/sites/SchuldhulpOverleg', 'Schuldhulp Overleg', 'Overleg schuldhulpverlening en inkomen'),
} satisfies Record<string, SeedSite>;

const groups = {
  team: {
    id: 'f6a7b8c9-d0e1-4f2a-9b4c-5d6e7f8091a2',
    displayName: 'Armoede en Gezondheid',
    description: 'Samenwerking armoede- en gezondheidsbeleid',
    mailNickname: 'ArmoedeenGezondheid',
    isTeam: true,
    members: [
      users.facilitator.id,
      users.debtCounsellor.id,
      users.incomeConsultant.id,
      users.healthPolicy.id,
      users.ggdNurse.id,
      users.healthPromotion.id,
      users.neighbourhoodTeam.id,
      users.incomePolicy.id,
      users.youthConsultant.id,
      users.budgetCoach.id,
      users.carePolicy.id,
      users.jobCoach.id,
      users.neighbourhoodCoach.id,
      users.epidemiologist.id,
      users.dataAnalyst.id,
      ...CROWD.map((u) => u.id),
    ],
    owners: [users.facilitator.id, users.teamLead.id],
    site: sites.team,
  },
  debtGroup: {
    id: 'a7b8c9d0-e1f2-4a3b-8c5d-6e7f8091a2b3',
    displayName: 'Schuldhulp Overleg',
    description: 'Overleg schuldhulpverlening en inkomen',
    mailNickname: 'SchuldhulpOverleg',
    isTeam: false,
    members: [users.facilitator.id, users.debtCounsellor.id, users.incomeConsultant.id, users.teamLead.id],
    owners: [users.teamLead.id],
    site: sites.debtGroup,
  },
} satisfies Record<string, SeedGroup>;

/**
 * App registrations in the tenant. Gesprekstool is registered as the install guide (README.md) says,
 * and the administrator granted tenant-wide consent for the delegated permissions it lists.
 */
const apps = {
  gesprekstool: {
    clientId: '3f6a9c2e-7b1d-4e5a-8c3f-2d9e0a1b4c6d',
    displayName: 'Gesprekstool',
    adminConsent: ['User.Read', 'Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Tasks.ReadWrite', 'GroupMember.Read.All', 'Team.ReadBasic.All'],
  },
} as const;

/** People with an administrator role in the tenant: they may grant admin consent (and consent for themselves). */
export const TENANT_ADMINS: readonly string[] = [users.siteAdmin.id];

export const SEED = { tenantId: TENANT_ID, partnerTenantId: PARTNER_TENANT_ID, host: SHAREPOINT_HOST, users, sites, groups, apps } as const;

export const ALL_USERS: readonly SeedUser[] = [...Object.values(users), ...CROWD];
export const ALL_SITES: readonly SeedSite[] = Object.values(sites);
export const ALL_GROUPS: readonly SeedGroup[] = Object.values(groups);

/** People whose account lives in the municipality's directory (members and guests, enabled or not). */
export function isTenantUser(u: SeedUser): boolean {
  return u.homeTenantId === TENANT_ID;
}

export function findUser(idOrUpn: string): SeedUser | undefined {
  const key = idOrUpn.toLowerCase();
  return ALL_USERS.find((u) => u.id === key || u.userPrincipalName.toLowerCase() === key);
}

export function findGroup(id: string): SeedGroup | undefined {
  return ALL_GROUPS.find((g) => g.id === id.toLowerCase());
}

export function isMember(groupId: string, userId: string): boolean {
  return findGroup(groupId)?.members.includes(userId) ?? false;
}
