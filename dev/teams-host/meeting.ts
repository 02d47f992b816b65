// What the simulated Teams client knows about the meeting it shows: who is in it, who organises it,
// everyone's meeting role and the device they joined on, the theme and language, and whether it is
// a channel meeting. From that it answers `getContext` the way Teams does: a flat legacy context per
// frame (teams-js maps it to `app.Context`).
import { z } from 'zod';
import { ALL_USERS, SEED, SHAREPOINT_HOST, type SeedUser, TENANT_ID } from '../graph-emulator/seed';

/** Teams' frame contexts for the surfaces the app declares in its manifest. */
export type FrameKind = 'settings' | 'content' | 'sidePanel' | 'meetingStage' | 'authentication';
export type TeamsTheme = 'default' | 'dark' | 'contrast';
export type TeamsLocale = 'nl-NL' | 'en-US';

/** Version of the Teams client API the simulator speaks; teams-js checks it for older calls only. */
export const SIMULATED_CLIENT_SDK_VERSION = '2.58.0';

// A scheduled (private) meeting's chat thread; Teams' meetingId is base64 of "0#<thread>#0".
const MEETING_THREAD = '19:meeting_R2VzcHJla3N0b29sU2ltdWxhdG9y@thread.v2';
export const MEETING = {
  chatId: MEETING_THREAD,
  id: btoa(`0#${MEETING_THREAD}#0`),
  title: 'Gesprekstool armoede en gezondheid',
} as const;

// A channel meeting belongs to a team: its chat is the channel's thread and the team's group owns it.
const CHANNEL = {
  id: '19:4a1b2c3d5e6f47a8b9c0d1e2f3a4b5c6@thread.tacv2',
  name: 'Algemeen',
  teamInternalId: '19:8f7e6d5c4b3a42918070f6e5d4c3b2a1@thread.tacv2',
} as const;

export const TabConfigSchema = z.object({
  entityId: z.string().min(1),
  contentUrl: z.string().url(),
  websiteUrl: z.string().url().optional(),
  suggestedDisplayName: z.string().optional(),
  removeUrl: z.string().url().optional(),
});
export type TabConfig = z.infer<typeof TabConfigSchema>;

/** What the simulator remembers between runs (server side, under `.data/`, wiped by `--reset`). */
/** What survives a reload of the simulator page, as Teams keeps it for the meeting: the tab and what is shared to the stage. */
export const SimulatorStateSchema = z.object({
  tab: TabConfigSchema.nullable(),
  stageUrl: z.string().url().nullable().default(null),
  /** Who shared it, and how: Collaborative (every client runs the app itself) or ScreenShare (the sharer's view, streamed). */
  stageSharer: z.string().nullable().default(null),
  stageProtocol: z.enum(['Collaborative', 'ScreenShare']).default('Collaborative'),
});
export type SimulatorState = z.infer<typeof SimulatorStateSchema>;

/**
 * Meeting roles as Teams names them (support.microsoft.com "Roles in Microsoft Teams meetings"):
 * the organiser, co-organisers and presenters may share content, attendees may not. There is one
 * organiser; the others are attendees unless the organiser made them more, as in a meeting whose
 * "Who can present?" option is "Only organizers and co-organizers".
 */
export type MeetingRole = 'organiser' | 'coOrganiser' | 'presenter' | 'attendee';
/** Roles the organiser can hand out (the organiser role itself moves with the Organisator picker). */
export type GrantedRole = Exclude<MeetingRole, 'organiser'>;
export const GRANTED_ROLES: readonly GrantedRole[] = ['coOrganiser', 'presenter', 'attendee'];

/**
 * The Teams client someone joined with: `web` (a browser or desktop window with side panel and
 * stage) or a phone (`android`/`ios`: teams-js HostClientType), where Teams shows no side panel
 * and no stage, only the meeting's tab.
 */
export type ClientType = 'web' | 'android' | 'ios';
export const CLIENT_TYPES: readonly ClientType[] = ['web', 'android', 'ios'];

/**
 * Whose directory the account is in, from the seed: a member of the municipality, a guest in it
 * (B2B, `#EXT#` UPN) or someone from another organisation's tenant (federated Teams). The emulator
 * decides what a token may do from the account, so the simulator shows this and does not change it.
 */
export type AccountKind = 'member' | 'guest' | 'external';

export function accountKindOf(user: SeedUser): AccountKind {
  if (user.homeTenantId !== TENANT_ID) return 'external';
  return user.userType === 'Guest' ? 'guest' : 'member';
}

export function isPhone(client: ClientType): boolean {
  return client !== 'web';
}

export interface MeetingSettings {
  theme: TeamsTheme;
  locale: TeamsLocale;
  channelMeeting: boolean;
  organiserId: string;
  participantIds: string[];
  /** Roles other than attendee, by user id; the organiser's entry is ignored (organiserId decides). */
  roles: Record<string, GrantedRole>;
  /** Client types other than web, by user id. */
  clients: Record<string, ClientType>;
}

/** A stage and three participants; the facilitator (gespreksleider) organises. */
export function defaultMeeting(): MeetingSettings {
  const { facilitator, debtCounsellor, ggdNurse } = SEED.users;
  return {
    theme: 'default',
    locale: 'nl-NL',
    channelMeeting: false,
    organiserId: facilitator.id,
    participantIds: [facilitator.id, debtCounsellor.id, ggdNurse.id],
    roles: {},
    clients: {},
  };
}

export function roleOf(settings: MeetingSettings, userId: string): MeetingRole {
  if (userId === settings.organiserId) return 'organiser';
  return settings.roles[userId] ?? 'attendee';
}

export function clientOf(settings: MeetingSettings, userId: string): ClientType {
  return settings.clients[userId] ?? 'web';
}

/** Organisers, co-organisers and presenters may share content (and stop sharing); attendees may not. */
export function mayPresent(role: MeetingRole): boolean {
  return role !== 'attendee';
}

export function userById(id: string): SeedUser {
  const user = ALL_USERS.find((u) => u.id === id);
  if (!user) throw new Error(`Unknown seeded user ${id}`);
  return user;
}

export function usersNotInMeeting(settings: MeetingSettings): SeedUser[] {
  return ALL_USERS.filter((u) => !settings.participantIds.includes(u.id));
}

/**
 * How the simulated client offers sign-in. `naa` (the default): nested app authentication, recommended
 * (runtime `isNAAChannelRecommended` and `supports.nestedAppAuth`), answered with the emulator's tokens
 * (naaBridge.ts). `dialog`: a client without NAA, as older or other Microsoft 365 hosts are; the app
 * then signs in through Teams' authentication window (`authentication.authenticate`).
 * `naaWithoutBridge`: NAA recommended, but the runtime does not list `supports.nestedAppAuth`, so
 * teams-js installs no `window.nestedAppAuthBridge` (as it also does not in an app frame nested in
 * another frame: tryPolyfillWithNestedAppAuthBridge); the app must find another way to sign in.
 */
export type SignInOffer = 'naa' | 'dialog' | 'naaWithoutBridge';

/** The `?signin=` values of the simulator's address, by offer (`naa` is the address without one). */
export const SIGN_IN_PARAM: Record<Exclude<SignInOffer, 'naa'>, string> = { dialog: 'dialog', naaWithoutBridge: 'naa-without-bridge' };

/**
 * What the simulator writes to the console when it refuses to open a sign-in window because nobody
 * pressed anything: browser tests wait for it without touching the page (each of Playwright's own
 * evaluations counts as a press, so looking at the page would let the window open).
 */
export const WINDOW_REFUSED_SIGNAL = 'Teams-simulator: aanmeldvenster niet geopend, er is nergens op gedrukt';

/** The capabilities this host offers. teams-js refuses calls for capabilities missing here (`pages.config.setConfig` needs `pages.config`). */
export function runtimeConfig(signIn: SignInOffer = 'naa'): string {
  return JSON.stringify({
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isNAAChannelRecommended: signIn !== 'dialog',
    isLegacyTeams: false,
    supports: {
      app: {},
      appInstallDialog: {},
      authentication: {},
      interactive: {},
      meeting: {},
      ...(signIn === 'naa' ? { nestedAppAuth: {} } : {}),
      pages: { appButton: {}, tabs: {}, config: {}, backStack: {} },
      teamsCore: {},
    },
  });
}

export interface FrameIdentity {
  kind: FrameKind;
  user: SeedUser;
  /** The Teams client the frame runs in (a phone only ever has `content` frames). */
  client: ClientType;
}

/** The flat context Teams sends in answer to `getContext`. */
export function legacyContext(frame: FrameIdentity, settings: MeetingSettings, tab: TabConfig | null): Record<string, unknown> {
  const { user } = frame;
  const team = SEED.groups.team;
  const context: Record<string, unknown> = {
    locale: settings.locale,
    theme: settings.theme,
    frameContext: frame.kind,
    hostClientType: frame.client,
    hostName: 'Teams',
    entityId: tab?.entityId ?? '',
    userObjectId: user.id,
    // A guest's is the `#EXT#` one of the municipality's directory ("may be an externally-authenticated
    // UPN (e.g., guest users)", teams-js app.UserInfo.userPrincipalName); the login hint is what the
    // app signs in with, so each frame signs in as its own person.
    userPrincipalName: user.userPrincipalName,
    loginHint: user.userPrincipalName,
    userDisplayName: user.displayName,
    // teams-js app.UserInfo.licenseType has no value for guests or externals ("Unknown", "Free",
    // "Anonymous", …): Teams tells them apart only by tenant and UPN, so the simulator does too.
    userLicenseType: 'Unknown',
    // The tenant the person's Teams is signed in to: a guest's is the municipality's (they switched
    // into it), an external partner's is their own organisation's (teams-js app.TenantInfo.id).
    tid: user.homeTenantId,
    tenantSKU: 'enterprise',
    appSessionId: `${user.id}:${frame.kind}`,
    sessionId: 'gesprekstool-simulator',
    ringId: 'general',
    isFullScreen: false,
    isMultiWindow: frame.kind === 'meetingStage',
  };
  if (settings.channelMeeting) {
    Object.assign(context, {
      meetingId: btoa(`0#${CHANNEL.id}#0`),
      channelId: CHANNEL.id,
      channelName: CHANNEL.name,
      channelType: 'Regular',
      teamId: CHANNEL.teamInternalId,
      teamName: team.displayName,
      teamType: 0,
      groupId: team.id,
      // teams-js UserTeamRole: 0 Admin (owner), 1 User, 2 Guest.
      userTeamRole: team.owners.includes(user.id) ? 0 : accountKindOf(user) === 'guest' ? 2 : 1,
      teamSiteUrl: `https://${SHAREPOINT_HOST}${team.site.path}`,
      teamSiteDomain: SHAREPOINT_HOST,
      teamSitePath: team.site.path,
    });
  } else {
    Object.assign(context, { chatId: MEETING.chatId, meetingId: MEETING.id });
  }
  return context;
}
