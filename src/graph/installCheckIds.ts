// The lines of "Controleer de installatie" (src/graph/installCheck.ts), in the order they are shown. A
// module of their own so src/graph/index.ts can export them without bringing the check itself into
// start-up's scripts (the check is loaded when the configuration page runs it).
export const CHECK_IDS = ['signIn', 'site', 'siteOwner', 'provisioning', 'lists', 'itemLevel', 'planner', 'groupMembers', 'teams'] as const;
export type CheckId = (typeof CHECK_IDS)[number];
