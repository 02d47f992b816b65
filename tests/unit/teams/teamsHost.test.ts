/** @jest-environment jsdom */
// The adapter inside a host frame, driven through real teams-js messages: a fake parent window
// answers `initialize`, `getContext`, … as Teams would, and the tests read what the app sees.
import type { Host } from '../../../src/teams';
import { FakeTeamsParent, installOfflineFetch, legacyContext, until } from './fakeTeamsParent';

type TeamsJs = typeof import('@microsoft/teams-js');

let parent: FakeTeamsParent;
let teamsJs: TeamsJs | null = null;

async function hostIn(context: Record<string, unknown>): Promise<Host> {
  parent = new FakeTeamsParent(window, context);
  const { createHost } = await import('../../../src/teams');
  teamsJs = await import('@microsoft/teams-js');
  return createHost();
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

describe('surface routing', () => {
  it.each([
    ['settings', 'settings'],
    ['sidePanel', 'sidePanel'],
    ['meetingStage', 'stage'],
    ['content', 'tab'],
    // A tab opened in stage view outside a meeting is still the tab, not the meeting stage.
    ['stage', 'tab'],
    ['remove', 'remove'],
  ])('a %s frame shows the %s surface', async (frameContext, surface) => {
    const host = await hostIn(legacyContext({ frameContext }));
    expect(host.kind).toBe('teams');
    expect(host.context().surface).toBe(surface);
    expect(host.context().frameContext).toBe(frameContext);
  });
});

describe('context', () => {
  it('carries the user, tenant, meeting and saved entity id the host reported', async () => {
    const host = await hostIn(legacyContext({ frameContext: 'sidePanel', locale: 'en-US' }));
    expect(host.context()).toMatchObject({
      locale: 'en-US',
      user: {
        id: '0b1c2d3e-4f50-4617-8829-3a4b5c6d7e81',
        userPrincipalName: 'marieke.devries@gemeente-voorbeeld.nl',
        displayName: 'Marieke de Vries',
        tenantId: '7d3a5c1e-2b4f-4e8a-9c6d-0f1e2a3b4c5d',
      },
      meetingId: 'MCMxOTptZWV0aW5nX2FiY0B0aHJlYWQudjIjMA==',
      chatId: '19:meeting_abc@thread.v2',
      entityId: 'sessie-2026-11-23',
      team: null,
      hostClientType: 'web',
    });
  });

  it('names the team group and its SharePoint site in a channel meeting', async () => {
    const host = await hostIn(
      legacyContext({
        chatId: undefined,
        teamId: '19:team@thread.tacv2',
        teamName: 'Armoede en Gezondheid',
        groupId: 'f6a7b8c9-d0e1-4f2a-9b4c-5d6e7f8091a2',
        teamSiteUrl: 'https://gemeente-voorbeeld.sharepoint.com/sites/ArmoedeenGezondheid',
      }),
    );
    expect(host.context().team).toEqual({
      groupId: 'f6a7b8c9-d0e1-4f2a-9b4c-5d6e7f8091a2',
      displayName: 'Armoede en Gezondheid',
      siteUrl: 'https://gemeente-voorbeeld.sharepoint.com/sites/ArmoedeenGezondheid',
    });
  });

  it('an unconfigured tab has no entity id rather than an empty one', async () => {
    const host = await hostIn(legacyContext({ frameContext: 'settings', entityId: '' }));
    expect(host.context().entityId).toBeNull();
  });

  it('resolves only after the host answered initialize, and initialises once for every caller', async () => {
    parent = new FakeTeamsParent(window, legacyContext());
    const answerInitialize = parent.hold('initialize');
    const { createHost, whenHostReady } = await import('../../../src/teams');
    teamsJs = await import('@microsoft/teams-js');
    let settled = false;
    const first = createHost().then((host) => {
      settled = true;
      return host;
    });
    await until(() => parent.callsTo('initialize').length === 1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(settled).toBe(false);

    answerInitialize();
    const host = await first;
    expect(await whenHostReady()).toBe(host);
    expect(await createHost()).toBe(host);
    expect(parent.callsTo('initialize')).toHaveLength(1);
  });
});

describe('theme', () => {
  it.each([
    ['default', 'light'],
    ['dark', 'dark'],
    ['contrast', 'contrast'],
    ['glass', 'light'],
  ])('Teams theme %s renders as %s', async (teamsTheme, theme) => {
    const host = await hostIn(legacyContext({ theme: teamsTheme }));
    expect(host.context().theme).toBe(theme);
  });

  it('follows a theme change from the host and stops telling a listener that unsubscribed', async () => {
    const host = await hostIn(legacyContext({ theme: 'default' }));
    const seen: string[] = [];
    const stop = host.onThemeChange((theme) => seen.push(theme));
    parent.emit('themeChange', ['dark']);
    await until(() => seen.length === 1);
    expect(seen).toEqual(['dark']);
    expect(host.context().theme).toBe('dark');

    stop();
    parent.emit('themeChange', ['contrast']);
    await until(() => host.context().theme === 'contrast');
    expect(seen).toEqual(['dark']);
  });
});

describe('sharing to the meeting stage', () => {
  it('asks the host to share the given URL collaboratively and resolves when it agrees', async () => {
    const host = await hostIn(legacyContext({ frameContext: 'sidePanel' }));
    parent.answer('meeting.shareAppContentToStage', () => [null, true]);
    await host.stage.share('http://localhost/?sessie=1');
    expect(parent.callsTo('meeting.shareAppContentToStage')).toEqual([
      { func: 'meeting.shareAppContentToStage', args: ['http://localhost/?sessie=1', { sharingProtocol: 'Collaborative' }] },
    ]);
  });

  it('asks for a screen share when the app should reach people who cannot run it themselves', async () => {
    const host = await hostIn(legacyContext({ frameContext: 'sidePanel' }));
    parent.answer('meeting.shareAppContentToStage', () => [null, true]);
    await host.stage.share('http://localhost/?sessie=1', { screenShare: true });
    expect(parent.callsTo('meeting.shareAppContentToStage')).toEqual([
      { func: 'meeting.shareAppContentToStage', args: ['http://localhost/?sessie=1', { sharingProtocol: 'ScreenShare' }] },
    ]);
  });

  it('rejects with the host error when the user may not share', async () => {
    const host = await hostIn(legacyContext({ frameContext: 'sidePanel' }));
    parent.answer('meeting.shareAppContentToStage', () => [{ errorCode: 1000, message: 'Alleen de organisator' }, null]);
    await expect(host.stage.share('http://localhost/')).rejects.toMatchObject({
      name: 'HostRequestError',
      request: 'meeting.shareAppContentToStage',
      code: 1000,
    });
  });

  it('reports whether the host lets this user share and whether the app is on the stage', async () => {
    const host = await hostIn(legacyContext({ frameContext: 'sidePanel' }));
    parent.answer('meeting.getAppContentStageSharingCapabilities', () => [null, { doesAppHaveSharePermission: true }]);
    parent.answer('meeting.getAppContentStageSharingState', () => [null, { isAppSharing: false }]);
    expect(await host.stage.canShare()).toBe(true);
    expect(await host.stage.isSharing()).toBe(false);
    parent.answer('meeting.getAppContentStageSharingCapabilities', () => [null, { doesAppHaveSharePermission: false }]);
    expect(await host.stage.canShare()).toBe(false);
  });

  it('a tab outside the meeting cannot share and does not ask the host', async () => {
    const host = await hostIn(legacyContext({ frameContext: 'content' }));
    expect(await host.stage.canShare()).toBe(false);
    await expect(host.stage.share('http://localhost/')).rejects.toMatchObject({ name: 'HostRequestError' });
    expect(parent.calls.filter((call) => call.func.startsWith('meeting.'))).toEqual([]);
  });
});

describe('configuration page', () => {
  const tabConfig = {
    entityId: 'sessie-2026-11-23',
    contentUrl: 'http://localhost/',
    websiteUrl: 'http://localhost/',
    suggestedDisplayName: 'Gesprekstool',
  };

  it('tells the host when Save may be pressed', async () => {
    const host = await hostIn(legacyContext({ frameContext: 'settings' }));
    host.config.setValid(true);
    host.config.setValid(false);
    await until(() => parent.callsTo('settings.setValidityState').length === 2);
    expect(parent.callsTo('settings.setValidityState').map((call) => call.args)).toEqual([[true], [false]]);
  });

  it('on Save hands the tab configuration to the host, then reports success', async () => {
    const host = await hostIn(legacyContext({ frameContext: 'settings', entityId: '' }));
    parent.answer('settings.setSettings', () => [true]);
    host.config.onSave(async () => tabConfig);
    await until(() => parent.callsTo('registerHandler').some((call) => call.args[0] === 'save'));

    parent.emit('settings.save', [{}]);
    await until(() => parent.callsTo('settings.save.success').length === 1);
    expect(parent.callsTo('settings.setSettings')).toEqual([{ func: 'settings.setSettings', args: [tabConfig] }]);
    expect(parent.callsTo('settings.save.failure')).toEqual([]);
  });

  it('reopened on a configured tab, reads the saved configuration from the host (pages.getConfig)', async () => {
    const host = await hostIn(legacyContext({ frameContext: 'settings', entityId: tabConfig.entityId }));
    parent.answer('settings.getSettings', () => [tabConfig]);
    expect(await host.config.current()).toEqual(tabConfig);
  });

  it('on a tab being added there is no saved configuration', async () => {
    const host = await hostIn(legacyContext({ frameContext: 'settings', entityId: '' }));
    parent.answer('settings.getSettings', () => [{}]);
    expect(await host.config.current()).toBeNull();
  });

  it('reports the reason to the host when the app cannot save', async () => {
    const host = await hostIn(legacyContext({ frameContext: 'settings' }));
    host.config.onSave(async () => {
      throw new Error('Kies eerst een SharePoint-site.');
    });
    parent.emit('settings.save', [{}]);
    await until(() => parent.callsTo('settings.save.failure').length === 1);
    expect(parent.callsTo('settings.save.failure')[0]?.args).toEqual(['Kies eerst een SharePoint-site.']);
    expect(parent.callsTo('settings.setSettings')).toEqual([]);
  });

  it('reports failure when the host refuses the configuration', async () => {
    const host = await hostIn(legacyContext({ frameContext: 'settings' }));
    parent.answer('settings.setSettings', () => [false, 'contentUrl is not in validDomains']);
    host.config.onSave(async () => tabConfig);
    parent.emit('settings.save', [{}]);
    await until(() => parent.callsTo('settings.save.failure').length === 1);
    expect(parent.callsTo('settings.save.failure')[0]?.args).toEqual(['contentUrl is not in validDomains']);
    expect(parent.callsTo('settings.save.success')).toEqual([]);
  });

  it('on the removal page validity still reaches the host, and registering a save handler is harmless', async () => {
    const host = await hostIn(legacyContext({ frameContext: 'remove' }));
    host.config.onSave(async () => tabConfig);
    host.config.setValid(true);
    await until(() => parent.callsTo('settings.setValidityState').length === 1);
    expect(parent.callsTo('registerHandler').filter((call) => call.args[0] === 'save')).toEqual([]);
  });

  it('outside the configuration page validity and save are not sent to the host', async () => {
    const host = await hostIn(legacyContext({ frameContext: 'sidePanel' }));
    host.config.setValid(true);
    host.config.onSave(async () => tabConfig);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(parent.callsTo('settings.setValidityState')).toEqual([]);
    expect(parent.callsTo('registerHandler').filter((call) => call.args[0] === 'save')).toEqual([]);
  });
});

describe('loading outcome', () => {
  it('tells the host the app loaded', async () => {
    const host = await hostIn(legacyContext());
    host.notifySuccess();
    await until(() => parent.callsTo('appInitialization.success').length === 1);
  });

  it('tells the host why the app failed', async () => {
    const host = await hostIn(legacyContext());
    host.notifyFailure('De sessie kon niet worden geladen.');
    await until(() => parent.callsTo('appInitialization.failure').length === 1);
    expect(parent.callsTo('appInitialization.failure')[0]?.args.slice(0, 2)).toEqual(['Other', 'De sessie kon niet worden geladen.']);
  });
});
