/** @jest-environment jsdom */
// The meeting simulator's answers (dev/teams-host/protocol.ts) against the real adapter and the
// real teams-js: what a developer sees in the simulator is what the app would see in Teams.
import { SEED } from '../../../dev/graph-emulator/seed';
import {
  type ClientType,
  defaultMeeting,
  type FrameIdentity,
  type FrameKind,
  legacyContext,
  mayPresent,
  type MeetingSettings,
  roleOf,
  type TabConfig,
} from '../../../dev/teams-host/meeting';
import { answer, type MeetingSide } from '../../../dev/teams-host/protocol';
import type { Host } from '../../../src/teams';
import { FakeTeamsParent, installOfflineFetch, until } from './fakeTeamsParent';

type TeamsJs = typeof import('@microsoft/teams-js');

let parent: FakeTeamsParent;
let teamsJs: TeamsJs | null = null;

interface SimulatedMeeting {
  side: MeetingSide;
  shared: string[];
  proposed: TabConfig[];
  saved: ('ok' | string)[];
  ready: ('ok' | string)[];
}

function simulatedMeeting(settings: MeetingSettings): SimulatedMeeting {
  const record: SimulatedMeeting = { shared: [], proposed: [], saved: [], ready: [], side: null as unknown as MeetingSide };
  record.side = {
    context: (frame) => legacyContext(frame, settings, null),
    mayShareToStage: (frame) => mayPresent(roleOf(settings, frame.user.id)),
    isSharingToStage: () => record.shared.length > 0,
    shareToStage: (_frame, url) => (url.startsWith(window.location.origin) ? (record.shared.push(url), null) : 'buiten validDomains'),
    stopSharingToStage: () => undefined,
    setValidity: () => undefined,
    proposeTabConfig: (_frame, config) => (record.proposed.push(config), null),
    savedTabConfig: () => null,
    saveFinished: (_frame, outcome) => record.saved.push(outcome.ok ? 'ok' : outcome.reason),
    appReady: (_frame, outcome) => record.ready.push(outcome.ok ? 'ok' : outcome.reason),
    openLink: () => undefined,
    registeredHandler: () => undefined,
  };
  return record;
}

async function frameOf(kind: FrameKind, userId: string, settings: MeetingSettings, client: ClientType = 'web'): Promise<{ host: Host; meeting: SimulatedMeeting }> {
  const frame: FrameIdentity = { kind, user: Object.values(SEED.users).find((u) => u.id === userId)!, client };
  const meeting = simulatedMeeting(settings);
  parent = new FakeTeamsParent(window);
  parent.answerOthers((func, args) => answer(frame, { id: 0, func, args }, meeting.side));
  const { createHost } = await import('../../../src/teams');
  teamsJs = await import('@microsoft/teams-js');
  return { host: await createHost(), meeting };
}

beforeEach(() => {
  jest.resetModules();
  installOfflineFetch();
});

afterEach(() => {
  teamsJs?.app._uninitialize();
  teamsJs = null;
  parent.restore();
});

const { facilitator, debtCounsellor, ggdGuest, externalPartner } = SEED.users;

it('a participant side panel knows who is there, in which meeting, in which tenant', async () => {
  const { host } = await frameOf('sidePanel', debtCounsellor.id, defaultMeeting());
  expect(host.context()).toMatchObject({
    surface: 'sidePanel',
    locale: 'nl-NL',
    theme: 'light',
    user: { id: debtCounsellor.id, userPrincipalName: debtCounsellor.userPrincipalName, displayName: "Sanne van 't Hof", tenantId: SEED.tenantId },
    team: null,
  });
  expect(host.context().meetingId).toEqual(expect.any(String));
  expect(host.context().chatId).toMatch(/^19:meeting_.*@thread\.v2$/);
});

it('the organiser may share the app to the stage; the URL must be the app’s own', async () => {
  const { host, meeting } = await frameOf('sidePanel', facilitator.id, defaultMeeting());
  expect(await host.stage.canShare()).toBe(true);
  await host.stage.share(`${window.location.origin}/?podium`);
  expect(meeting.shared).toEqual([`${window.location.origin}/?podium`]);
  expect(await host.stage.isSharing()).toBe(true);
  await expect(host.stage.share('https://elders.example/')).rejects.toMatchObject({ code: 4000 });
});

it.each(['presenter', 'coOrganiser'] as const)('a %s may share like the organiser', async (role) => {
  const { host, meeting } = await frameOf('sidePanel', debtCounsellor.id, { ...defaultMeeting(), roles: { [debtCounsellor.id]: role } });
  expect(await host.stage.canShare()).toBe(true);
  await host.stage.share(`${window.location.origin}/?podium`);
  expect(meeting.shared).toEqual([`${window.location.origin}/?podium`]);
});

it('a phone participant’s tab reports the phone as its client type', async () => {
  const { host } = await frameOf('content', debtCounsellor.id, { ...defaultMeeting(), clients: { [debtCounsellor.id]: 'android' } }, 'android');
  expect(host.context()).toMatchObject({ surface: 'tab', hostClientType: 'android' });
});

const withPartners = () => ({ ...defaultMeeting(), participantIds: [facilitator.id, ggdGuest.id, externalPartner.id] });

it('a guest is in the municipality’s tenant, with the #EXT# UPN of its directory', async () => {
  const { host } = await frameOf('sidePanel', ggdGuest.id, withPartners());
  expect(host.context().user).toEqual({ id: ggdGuest.id, userPrincipalName: ggdGuest.userPrincipalName, displayName: 'Femke de Wit', tenantId: SEED.tenantId });
  expect(host.context().user.userPrincipalName).toMatch(/#EXT#@/);
});

it('an external partner is in their own organisation’s tenant, in the side panel and on the stage', async () => {
  for (const kind of ['sidePanel', 'meetingStage'] as const) {
    const context = legacyContext({ kind, user: externalPartner, client: 'web' }, withPartners(), null);
    expect(context).toMatchObject({ tid: SEED.partnerTenantId, userPrincipalName: externalPartner.userPrincipalName, loginHint: externalPartner.userPrincipalName });
  }
  const { host } = await frameOf('sidePanel', externalPartner.id, withPartners());
  expect(host.context().user).toMatchObject({ userPrincipalName: externalPartner.userPrincipalName, tenantId: SEED.partnerTenantId });
});

it('an attendee (who does not organise or present) may not share', async () => {
  const { host, meeting } = await frameOf('sidePanel', debtCounsellor.id, defaultMeeting());
  expect(await host.stage.canShare()).toBe(false);
  await expect(host.stage.share(`${window.location.origin}/`)).rejects.toMatchObject({ code: 1000 });
  expect(meeting.shared).toEqual([]);
});

it('a participant’s stage frame is the stage surface, as that participant, in the meeting’s theme and language', async () => {
  const { host } = await frameOf('meetingStage', debtCounsellor.id, { ...defaultMeeting(), theme: 'contrast', locale: 'en-US' });
  expect(host.context()).toMatchObject({ surface: 'stage', theme: 'contrast', locale: 'en-US', user: { userPrincipalName: debtCounsellor.userPrincipalName } });
});

it('a channel meeting names the team group and its SharePoint site', async () => {
  const { host } = await frameOf('sidePanel', facilitator.id, { ...defaultMeeting(), channelMeeting: true });
  expect(host.context().team).toEqual({
    groupId: SEED.groups.team.id,
    displayName: SEED.groups.team.displayName,
    siteUrl: 'https://gemeente-voorbeeld.sharepoint.com/sites/ArmoedeenGezondheid',
  });
  expect(host.context().chatId).toBeNull();
});

it('Save on the configuration page takes the app’s tab configuration and finishes with success', async () => {
  const { host, meeting } = await frameOf('settings', facilitator.id, defaultMeeting());
  const config = { entityId: 'sessie-1', contentUrl: `${window.location.origin}/`, websiteUrl: `${window.location.origin}/`, suggestedDisplayName: 'Gesprekstool' };
  host.config.onSave(async () => config);
  parent.emit('settings.save', [{}]);
  await until(() => meeting.saved.length === 1);
  expect(meeting.proposed).toEqual([config]);
  expect(meeting.saved).toEqual(['ok']);
});

it('the app’s loading outcome reaches the simulator', async () => {
  const { host, meeting } = await frameOf('sidePanel', facilitator.id, defaultMeeting());
  host.notifyFailure('Geen verbinding met SharePoint.');
  await until(() => meeting.ready.length === 1);
  expect(meeting.ready).toEqual(['Other: Geen verbinding met SharePoint.']);
});
