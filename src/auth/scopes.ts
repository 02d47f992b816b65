// Delegated scopes, asked per call so a person consents to what the app actually does: reading the
// profile is not writing lists, and creating lists (Sites.Manage.All) happens once, at provisioning.
// Each set is the least-privileged scope of the endpoints that use it (the "Permissions" table of each
// Graph API page; dev/graph-emulator/README.md lists them per endpoint).
export const SCOPES = {
  /** GET /me (user-get). */
  profile: ['User.Read'],
  /** Finding a site by group, URL or as the root site (site-get): reading only. */
  siteLookup: ['Sites.Read.All'],
  /** The session, answers and actions list items: read and written in the same flows (listitem-create/update). */
  sites: ['Sites.ReadWrite.All'],
  /** Creating lists and columns: Sites.ReadWrite.All is not enough (list-create). */
  provisioning: ['Sites.Manage.All'],
  planner: ['Tasks.ReadWrite'],
  /**
   * The groups a person is a member of with their names (user-list-memberof: with only User.Read,
   * groups come back without displayName), and who is a member of the Planner group (group-list-members).
   */
  groups: ['GroupMember.Read.All'],
  /** Which of those groups are teams: GET /me/joinedTeams needs Team.ReadBasic.All (user-list-joinedteams). */
  teams: ['Team.ReadBasic.All'],
} as const satisfies Record<string, readonly string[]>;

export type ScopeSet = keyof typeof SCOPES;

/** Every scope the app may ask for: what the app registration lists and an administrator consents to. */
export const ALL_APP_SCOPES: readonly string[] = [...new Set(Object.values(SCOPES).flat())];

/**
 * What start-up's first calls need: GET /me and, beside it, the frame's session in the SharePoint
 * lists (src/app/bootstrap.ts). The manifest asks Teams to prefetch the session's token
 * (scripts/appPackage.ts, webApplicationInfo.nestedAppAuthInfo); start-up asks for /me's at once.
 */
export const FIRST_CALL_SCOPES: readonly string[] = [...SCOPES.profile, ...SCOPES.sites];

/**
 * Where Teams offers no nested app auth, each new set of scopes needs Teams' sign-in window, and a
 * browser opens one only in answer to a press: the configuration page's first window therefore also
 * asks what the page reads at once without a press (the groups for the Planner picker, which of them
 * are teams, the site to check), so the organiser's one press on "Aanmelden" covers the page.
 */
export function firstScopesFor(surface: string): readonly string[] {
  return surface === 'settings' ? [...FIRST_CALL_SCOPES, ...SCOPES.siteLookup, ...SCOPES.groups, ...SCOPES.teams] : FIRST_CALL_SCOPES;
}
