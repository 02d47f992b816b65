// Delegated Sites.Selected on the emulator: consent alone reaches nothing; an administrator assigns a
// site to the app (POST /sites/{id}/permissions, Sites.FullControl.All, an admin role); then the app
// reaches that site only, and there never more than both the assignment's role and the user's own
// site role allow (learn.microsoft.com/graph/permissions-selected-overview; site-post-permissions).
import { SEED } from '../../../dev/graph-emulator';
import { emulatorPerTestFile } from '../support/emulatorLifecycle';
import { rawGraph } from '../support/rawGraph';
import { sharePointRest } from '../support/sharePointRest';

const emulator = emulatorPerTestFile();
const app = SEED.apps.gesprekstool.clientId;
const team = SEED.sites.team;
const teamUrl = `https://${SEED.host}${team.path}`;
const selected = { scopes: ['Sites.Selected'] } as const;

function consentToSelected(): void {
  emulator().admin.grantAdminConsent(app, ['Sites.Selected']);
}

describe('Sites.Selected', () => {
  it('needs an administrator’s consent before any token carries it', async () => {
    const refused = await fetch(`${emulator().origin}/_emulator/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: SEED.users.facilitator.userPrincipalName, clientId: app, scopes: ['Sites.Selected'], resource: 'https://graph.microsoft.com' }),
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('consent_required');
  });

  it('reaches no site until one is assigned to the app, and then only that one', async () => {
    consentToSelected();
    const upn = SEED.users.facilitator.userPrincipalName;
    expect((await rawGraph(emulator().origin, 'GET', `/v1.0/sites/${team.id}`, { upn, ...selected })).status).toBe(403);
    emulator().admin.grantSiteToApp(team.id, app, 'read');
    expect((await rawGraph(emulator().origin, 'GET', `/v1.0/sites/${team.id}`, { upn, ...selected })).status).toBe(200);
    // The facilitator may read the debt group's site herself, but the app was not assigned to it.
    expect((await rawGraph(emulator().origin, 'GET', `/v1.0/sites/${SEED.sites.debtGroup.id}`, { upn, ...selected })).status).toBe(403);
  });

  it('allows no more than the assignment’s role: read cannot create a list, manage can', async () => {
    consentToSelected();
    const upn = SEED.users.facilitator.userPrincipalName;
    const list = { displayName: 'Proef', list: { template: 'genericList' } };
    emulator().admin.grantSiteToApp(team.id, app, 'write');
    expect((await rawGraph(emulator().origin, 'POST', `/v1.0/sites/${team.id}/lists`, { upn, ...selected, body: list })).status).toBe(403);
    emulator().admin.grantSiteToApp(team.id, app, 'manage');
    expect((await rawGraph(emulator().origin, 'POST', `/v1.0/sites/${team.id}/lists`, { upn, ...selected, body: list })).status).toBe(201);
  });

  it('allows no more than the user’s own role: a member cannot create lists even when the app may manage', async () => {
    consentToSelected();
    emulator().admin.grantSiteToApp(team.id, app, 'fullcontrol');
    const upn = SEED.users.debtCounsellor.userPrincipalName;
    expect((await rawGraph(emulator().origin, 'GET', `/v1.0/sites/${team.id}`, { upn, ...selected })).status).toBe(200);
    const create = await rawGraph(emulator().origin, 'POST', `/v1.0/sites/${team.id}/lists`, { upn, ...selected, body: { displayName: 'Proef', list: { template: 'genericList' } } });
    expect(create.status).toBe(403);
    // And an outsider reaches nothing, whatever the app's assignment.
    expect((await rawGraph(emulator().origin, 'GET', `/v1.0/sites/${team.id}`, { upn: SEED.users.outsider.userPrincipalName, ...selected })).status).toBe(403);
  });

  it('lets only an administrator assign a site, with Sites.FullControl.All, as Graph documents', async () => {
    const body = { roles: ['manage'], grantedToIdentities: [{ application: { id: app, displayName: 'Gesprekstool' } }] };
    emulator().admin.grantAdminConsent(app, ['Sites.FullControl.All']);
    const byOwner = await rawGraph(emulator().origin, 'POST', `/v1.0/sites/${team.id}/permissions`, { upn: SEED.users.facilitator.userPrincipalName, scopes: ['Sites.FullControl.All'], body });
    expect(byOwner.status).toBe(403);
    const byAdmin = await rawGraph(emulator().origin, 'POST', `/v1.0/sites/${team.id}/permissions`, { upn: SEED.users.siteAdmin.userPrincipalName, scopes: ['Sites.FullControl.All'], body });
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body).toMatchObject({ roles: ['manage'], grantedToIdentitiesV2: [{ application: { id: app } }] });
    const bad = await rawGraph(emulator().origin, 'POST', `/v1.0/sites/${team.id}/permissions`, { upn: SEED.users.siteAdmin.userPrincipalName, scopes: ['Sites.FullControl.All'], body: { roles: ['owner-ish'], grantedToIdentities: [] } });
    expect(bad.status).toBe(400);
    const listed = await rawGraph(emulator().origin, 'GET', `/v1.0/sites/${team.id}/permissions`, { upn: SEED.users.siteAdmin.userPrincipalName, scopes: ['Sites.FullControl.All'] });
    expect(listed.body).toMatchObject({ value: [{ roles: ['manage'] }] });
  });

  it('applies the same to SharePoint’s REST API with its own Sites.Selected', async () => {
    consentToSelected();
    emulator().admin.grantAdminConsent(app, ['Sites.Selected']);
    const upn = SEED.users.facilitator.userPrincipalName;
    const url = `${teamUrl}/_api/web/EffectiveBasePermissions`;
    expect((await sharePointRest(emulator().origin, 'GET', url, { upn, scopes: ['Sites.Selected'] })).status).toBe(403);
    emulator().admin.grantSiteToApp(team.id, app, 'read');
    expect((await sharePointRest(emulator().origin, 'GET', url, { upn, scopes: ['Sites.Selected'] })).status).toBe(200);
  });
});
