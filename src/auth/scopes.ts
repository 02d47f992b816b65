// Delegated scopes, asked per call so a person consents to what the app actually does: reading the
// profile is not writing lists, and creating lists (Sites.Manage.All) happens once, at provisioning.
export const SCOPES = {
  profile: ['User.Read'],
  sites: ['Sites.ReadWrite.All'],
  /** Creating lists and columns: Sites.ReadWrite.All is not enough (REFERENCE.md). */
  provisioning: ['Sites.Manage.All'],
  planner: ['Tasks.ReadWrite'],
  /** Listing the groups a person can pick for Planner, and checking who is a member. */
  groups: ['GroupMember.Read.All'],
} as const satisfies Record<string, readonly string[]>;

export type ScopeSet = keyof typeof SCOPES;
