// Every test that runs in a tenant more tolerant than a real Microsoft 365 tenant, and why. The
// emulator is strict by default (scopes, site roles, item-level permissions, the RU budget); a test
// that needs a tolerance names it here, with the issue whose redesign removes it, so tolerances are
// removed one by one and never added silently. tests/unit/strictTenant.test.ts fails when a test file
// switches a rule off without an entry here.
//
// Measured when the strict tenant arrived: no browser or integration test of the app needed a
// tolerance. The app's lists carry "edit only their own" (WriteSecurity 2) and still "read all items"
// (ReadSecurity 1); when the answers list reads "only their own", every reader of others' answers
// must go through the group-visible snapshot, with no tolerance added here.

export interface Allowance {
  /** Test file, relative to the repository root. */
  file: string;
  /** The tenant switches the file turns off. */
  tolerates: ('siteRoles' | 'itemLevelPermissions' | 'budget')[];
  why: string;
  /** The issue whose work removes the allowance, or 'none' for tests of the switch itself. */
  removedBy: string;
}

export const ALLOWANCES: readonly Allowance[] = [
  {
    file: 'tests/integration/emulator/permissions.test.ts',
    tolerates: ['siteRoles', 'itemLevelPermissions'],
    why: 'contract test of the tolerant switch itself: with it off, the old behaviour comes through',
    removedBy: 'none',
  },
  {
    file: 'tests/unit/emulator/sitePermissions.test.ts',
    tolerates: ['siteRoles', 'itemLevelPermissions'],
    why: 'unit test of the tolerant switch itself',
    removedBy: 'none',
  },
  {
    file: 'tests/integration/emulator/budget.test.ts',
    tolerates: ['budget'],
    why: 'contract test of `budget: off`: it measures every resource unit and never throttles',
    removedBy: 'none',
  },
];
