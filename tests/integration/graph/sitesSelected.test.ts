// The app packaged with `--sites selected`: every site call asks for Sites.Selected instead of a
// Sites.*.All scope, for Graph and for SharePoint's REST API alike, and works on the site an
// administrator assigned to the app, and nowhere else.
import { AppConfigSchema } from '../../../src/app/config';
import { createGraphServices } from '../../../src/graph';
import { selectedScope } from '../../../src/graph/siteAccess';
import { appTokenProvider, tokenUrl } from '../support/emulatorClient';
import { fastBatch, harnessPerFile, SEED } from './harness';

// Provisioning and a whole session against the emulator take seconds on a loaded two-core machine.
jest.setTimeout(30_000);

const h = harnessPerFile();
const app = SEED.apps.gesprekstool.clientId;

function selectedServices(upn: string) {
  const origin = h().emulator.origin;
  const config = AppConfigSchema.parse({ auth: { mode: 'dev', tokenUrl: tokenUrl(origin), clientId: app }, graph: { loopbackOrigin: origin, siteAccess: 'selected' }, appOrigin: 'https://localhost:4210' });
  const asked: string[][] = [];
  const tokens = appTokenProvider(origin, upn);
  const recording = { getToken: (scopes: readonly string[]) => (asked.push([...scopes]), tokens.getToken(scopes)) };
  return { services: createGraphServices(config, recording, { batch: fastBatch }), asked };
}

describe('the app with Sites.Selected', () => {
  beforeEach(() => {
    // The administrator's consent to the selected scope only: the Sites.*.All grants are withdrawn.
    h().emulator.admin.revokeAdminConsent(app);
    h().emulator.admin.setConsent({ userConsentScopes: ['User.Read'] });
    h().emulator.admin.grantAdminConsent(app, ['User.Read', 'Sites.Selected', 'Tasks.ReadWrite', 'GroupMember.Read.All', 'Team.ReadBasic.All']);
  });

  it('maps only site scopes, for Graph and for SharePoint', () => {
    expect(selectedScope('Sites.Manage.All')).toBe('Sites.Selected');
    expect(selectedScope('https://contoso.sharepoint.com/AllSites.Manage')).toBe('https://contoso.sharepoint.com/Sites.Selected');
    expect(selectedScope('Tasks.ReadWrite')).toBe('Tasks.ReadWrite');
  });

  it('sets up and runs a session on the assigned site, asking for no Sites.*.All scope', async () => {
    h().emulator.admin.grantSiteToApp(h().location.siteId, app, 'manage');
    const { services, asked } = selectedServices(SEED.users.facilitator.userPrincipalName);
    const store = services.store(h().location);
    const provisioned = await store.provision();
    expect(provisioned.createdLists).toHaveLength(3);
    expect(provisioned.securedLists).toHaveLength(3);
    const created = await store.createSession({ municipality: "'s-Hertogenbosch", title: 'Sites.Selected', purpose: 'agendering', meetingId: null, plannerGroupId: null, facilitator: { id: SEED.users.facilitator.id, name: 'Marieke de Vries' } });
    expect((await store.openSession(created.session.value.key)).session.value.title).toBe('Sites.Selected');
    expect(asked.flat().filter((s) => /Sites\.\w+\.All|AllSites\./.test(s))).toEqual([]);
    expect(asked.flat()).toContain('Sites.Selected');

    const lines = await services.installation.check({ siteId: h().location.siteId, siteUrl: h().location.siteUrl, groupId: SEED.groups.team.id });
    expect(lines.filter((l) => l.outcome !== 'ok')).toEqual([]);
  });

  it('is refused on a site the administrator did not assign, and the installation check says so', async () => {
    h().emulator.admin.grantSiteToApp(h().location.siteId, app, 'manage');
    const { services } = selectedServices(SEED.users.facilitator.userPrincipalName);
    const other = await services.directory.groupSite(SEED.groups.debtGroup.id).catch((e: unknown) => e);
    expect(other).toMatchObject({ code: 'accessDenied' });
    const debt = { siteId: SEED.sites.debtGroup.id, siteUrl: `https://${SEED.host}${SEED.sites.debtGroup.path}`, groupId: SEED.groups.debtGroup.id };
    const lines = await services.installation.check(debt);
    expect(lines.find((l) => l.id === 'site')).toMatchObject({ outcome: 'fail', problem: 'accessDenied' });
  });

  it('an assignment with write only lets participants work but not set the lists up', async () => {
    h().emulator.admin.grantSiteToApp(h().location.siteId, app, 'write');
    const { services } = selectedServices(SEED.users.facilitator.userPrincipalName);
    await expect(services.store(h().location).provision()).rejects.toMatchObject({ code: 'notSiteOwner' });
  });
});
