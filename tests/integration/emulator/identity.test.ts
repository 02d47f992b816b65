// Contract tests for the emulator's identity rules: signed tokens, the token endpoint's consent, the
// least-privileged scope of each endpoint, and people of every kind (guest, partner tenant, disabled).
// Requests go through the real @microsoft/microsoft-graph-client wherever it can send them.
import { AuthenticationHandler, Client, HTTPMessageHandler, type GraphError } from '@microsoft/microsoft-graph-client';
import type * as MG from '@microsoft/microsoft-graph-types';
import { SEED, startEmulator } from '../../../dev/graph-emulator';
import { LoopbackRewriteHandler } from '../../../src/graph/loopbackRewrite';
import { createEmulatorClient, fetchToken } from '../support/emulatorClient';
import { emulatorPerTestFile } from '../support/emulatorLifecycle';
import { graphError } from '../support/graphError';
import { rawGraph } from '../support/rawGraph';

const emulator = emulatorPerTestFile();
const { users, groups, apps } = SEED;
const OTHER_APP = 'c0ffee00-1111-4222-8333-444455556666';

/** The real Graph client sending a token we hand it (forged, expired, for another audience …). */
function clientWithToken(token: string): Client {
  return Client.initWithMiddleware({
    middleware: [new AuthenticationHandler({ getAccessToken: () => Promise.resolve(token) }), new LoopbackRewriteHandler(emulator().origin), new HTTPMessageHandler()],
  });
}

async function tokenEndpoint(body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${emulator().origin}/_emulator/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

const sitePath = `/sites/${SEED.groups.team.site.id}`;

describe('access tokens', () => {
  it('say who, which tenant, which app, which scopes and for which resource, readable in the payload', async () => {
    const token = await fetchToken(emulator().url, users.debtCounsellor.userPrincipalName, { scopes: ['https://graph.microsoft.com/Sites.ReadWrite.All', 'User.Read', 'openid', 'profile'] });
    const [header, , signature] = token.split('.');
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8'))).toEqual({ typ: 'JWT', alg: 'HS256' });
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const claims = claimsOf(token);
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      iss: `https://sts.windows.net/${SEED.tenantId}/`,
      tid: SEED.tenantId,
      oid: users.debtCounsellor.id,
      upn: users.debtCounsellor.userPrincipalName,
      name: "Sanne van 't Hof",
      appid: apps.gesprekstool.clientId,
      scp: 'Sites.ReadWrite.All User.Read',
      idtyp: 'user',
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
  });

  it('refuses a forged token (scopes added to a real one) with Graph’s 401', async () => {
    const real = await fetchToken(emulator().url, users.outsider.userPrincipalName, { scopes: ['User.Read'] });
    const [header, payload, signature] = real.split('.');
    const claims = { ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')), scp: 'Sites.FullControl.All User.Read' };
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const error = await graphError(clientWithToken(forged).api(`${sitePath}/lists`).get());
    expect(error.statusCode).toBe(401);
    expect(error.code).toBe('InvalidAuthenticationToken');
    expect(error.message).toBe('Signature is invalid.');
  });

  it('refuses an unsigned token, a token from another emulator’s key, and something that is no JWT', async () => {
    const real = await fetchToken(emulator().url, users.facilitator.userPrincipalName, { scopes: ['User.Read'] });
    const unsigned = `${Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'none' })).toString('base64url')}.${real.split('.')[1]}.`;
    const other = await startEmulator({ port: 0, dataDir: ':memory:' });
    const foreign = other.admin.issueToken({ upn: users.facilitator.userPrincipalName, scopes: ['User.Read'] });
    await other.close();
    for (const token of [unsigned, foreign, `dev:${users.facilitator.userPrincipalName}`]) {
      const error = await graphError(clientWithToken(token).api('/me').get());
      expect({ status: error.statusCode, code: error.code }).toEqual({ status: 401, code: 'InvalidAuthenticationToken' });
    }
  });

  it('refuses an expired token with Graph’s lifetime message', async () => {
    const expired = emulator().admin.issueToken({ upn: users.facilitator.userPrincipalName, scopes: ['User.Read'], lifetimeSeconds: -60 });
    const error = await graphError(clientWithToken(expired).api('/me').get());
    expect(error.statusCode).toBe(401);
    expect(error.message).toBe('Lifetime validation failed, the token is expired.');
  });

  it('refuses a token issued for the SharePoint host at Graph (invalid audience)', async () => {
    const sharepoint = await fetchToken(emulator().url, users.facilitator.userPrincipalName, { scopes: ['AllSites.Manage'], resource: 'sharepoint' });
    expect(claimsOf(sharepoint)).toMatchObject({ aud: `https://${SEED.host}`, scp: 'AllSites.Manage' });
    const error = await graphError(clientWithToken(sharepoint).api('/me').get());
    expect(error.statusCode).toBe(401);
    expect(error.message).toBe('Access token validation failure. Invalid audience.');
  });

  it('refuses scopes of two resources in one request, and scopes the resource does not have', async () => {
    const mixed = await tokenEndpoint({ username: users.facilitator.userPrincipalName, clientId: apps.gesprekstool.clientId, scopes: ['User.Read', `https://${SEED.host}/AllSites.Read`] });
    expect(mixed).toMatchObject({ status: 400, body: { error: 'invalid_request', error_codes: [28000] } });
    const unknown = await tokenEndpoint({ username: users.facilitator.userPrincipalName, clientId: apps.gesprekstool.clientId, scopes: ['Sites.Everything'] });
    expect(unknown).toMatchObject({ status: 400, body: { error_codes: [650053] } });
    const invalid = await tokenEndpoint({ username: users.facilitator.userPrincipalName, scopes: [] });
    expect(invalid.status).toBe(400);
  });
});

describe('the least-privileged scope of each endpoint', () => {
  it('answers a missing SharePoint scope with 403 accessDenied naming it', async () => {
    const profileOnly = createEmulatorClient(emulator().url, users.facilitator.userPrincipalName, { scopes: ['User.Read'] });
    expect(((await profileOnly.api('/me').get()) as MG.User).id).toBe(users.facilitator.id);
    const error = await graphError(profileOnly.api(`${sitePath}/lists`).get());
    expect(error.statusCode).toBe(403);
    expect(error.code).toBe('accessDenied');
    expect(error.message).toContain('Sites.Read.All');
  });

  it('answers /me/joinedTeams without Team.ReadBasic.All with 403, naming the scope', async () => {
    const groupsOnly = createEmulatorClient(emulator().url, users.facilitator.userPrincipalName, { scopes: ['GroupMember.Read.All'] });
    const error = await graphError(groupsOnly.api('/me/joinedTeams').get());
    expect(error.statusCode).toBe(403);
    expect(error.message).toContain("API requires one of 'Team.ReadBasic.All'");
    const teams = createEmulatorClient(emulator().url, users.facilitator.userPrincipalName, { scopes: ['Team.ReadBasic.All'] });
    expect(((await teams.api('/me/joinedTeams').get()) as { value: MG.Team[] }).value.map((t) => t.id)).toEqual([groups.team.id]);
  });

  it('answers a missing directory scope with 403 Authorization_RequestDenied naming it', async () => {
    const client = createEmulatorClient(emulator().url, users.facilitator.userPrincipalName, { scopes: ['User.Read', 'Tasks.ReadWrite'] });
    const error = await graphError(client.api(`/groups/${groups.team.id}/members`).get());
    expect(error.statusCode).toBe(403);
    expect(error.code).toBe('Authorization_RequestDenied');
    expect(error.message).toContain('Insufficient privileges to complete the operation.');
    expect(error.message).toContain('GroupMember.Read.All');
  });

  it('lists memberOf with User.Read, but without names unless a scope reads groups', async () => {
    const profileOnly = createEmulatorClient(emulator().url, users.facilitator.userPrincipalName, { scopes: ['User.Read'] });
    const limited = (await profileOnly.api('/me/memberOf').get()) as { value: Record<string, unknown>[] };
    expect(limited.value.map((g) => g.id).sort()).toEqual([groups.team.id, groups.debtGroup.id].sort());
    expect(limited.value.every((g) => g.displayName === null && g['@odata.type'] === '#microsoft.graph.group')).toBe(true);
    const groupReader = createEmulatorClient(emulator().url, users.facilitator.userPrincipalName, { scopes: ['GroupMember.Read.All'] });
    const full = (await groupReader.api('/me/memberOf').get()) as { value: MG.Group[] };
    expect(full.value.map((g) => g.displayName).sort()).toEqual(['Armoede en Gezondheid', 'Schuldhulp Overleg']);
  });

  it('lets a higher scope stand in for a lower one, and not the other way round', async () => {
    const manage = createEmulatorClient(emulator().url, users.facilitator.userPrincipalName, { scopes: ['Sites.Manage.All'] });
    const created = (await manage.api(`${sitePath}/lists`).post({ displayName: 'Proef', list: { template: 'genericList' } })) as { id: string };
    await manage.api(`${sitePath}/lists/${created.id}/items`).post({ fields: { Title: 'een' } });
    expect(((await manage.api(`${sitePath}/lists/${created.id}/items`).get()) as { value: unknown[] }).value).toHaveLength(1);

    const write = createEmulatorClient(emulator().url, users.facilitator.userPrincipalName, { scopes: ['Sites.ReadWrite.All'] });
    await write.api(`${sitePath}/lists/${created.id}/items`).post({ fields: { Title: 'twee' } });
    const refused = await graphError(write.api(`${sitePath}/lists`).post({ displayName: 'Nog een', list: { template: 'genericList' } }));
    expect(refused.statusCode).toBe(403);
    expect(refused.message).toContain('Sites.Manage.All');

    const read = createEmulatorClient(emulator().url, users.facilitator.userPrincipalName, { scopes: ['Sites.Read.All'] });
    const cannotWrite = await graphError(read.api(`${sitePath}/lists/${created.id}/items`).post({ fields: { Title: 'drie' } }));
    expect(cannotWrite.statusCode).toBe(403);
    expect(cannotWrite.message).toContain('Sites.ReadWrite.All');
  });

  it('reads Planner with Tasks.Read and writes it only with Tasks.ReadWrite', async () => {
    const read = createEmulatorClient(emulator().url, users.facilitator.userPrincipalName, { scopes: ['Tasks.Read'] });
    expect(((await read.api(`/groups/${groups.team.id}/planner/plans`).get()) as { value: unknown[] }).value).toEqual([]);
    const error = await graphError(read.api('/planner/plans').post({ container: { url: `https://graph.microsoft.com/v1.0/groups/${groups.team.id}` }, title: 'Actieagenda' }));
    expect(error.statusCode).toBe(403);
    expect(error.code).toBe('accessDenied');
    expect(error.message).toContain('Tasks.ReadWrite');
  });

  it('checks each $batch sub-request on its own, with the batch’s token', async () => {
    const token = await fetchToken(emulator().url, users.facilitator.userPrincipalName, { scopes: ['User.Read'] });
    const res = await rawGraph(emulator().origin, 'POST', '/v1.0/$batch', {
      token,
      body: { requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '2', method: 'GET', url: `${sitePath}/lists` }] },
    });
    expect(res.status).toBe(200);
    const responses = (res.body as { responses: { id: string; status: number }[] }).responses;
    expect(responses.map((r) => [r.id, r.status]).sort()).toEqual([['1', 200], ['2', 403]]);
  });
});

describe('consent', () => {
  it('refuses an admin-only scope nobody consented to, as MSAL reports it, and gives it after an administrator consents', async () => {
    const ask = { username: users.debtCounsellor.userPrincipalName, clientId: OTHER_APP, scopes: ['GroupMember.Read.All'] };
    const refused = await tokenEndpoint(ask);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'invalid_grant', error_codes: [65001], suberror: 'consent_required' });
    expect(String(refused.body.error_description)).toMatch(/^AADSTS65001: The user or administrator has not consented/);

    // A user-consentable scope needs nobody's help.
    expect((await tokenEndpoint({ ...ask, scopes: ['Sites.ReadWrite.All'] })).status).toBe(200);

    // Only an administrator can consent for the organisation.
    const notAdmin = await rawGraph(emulator().origin, 'POST', '/_emulator/consent/grants', { body: { clientId: OTHER_APP, scopes: ['GroupMember.Read.All'], grantedBy: users.facilitator.userPrincipalName } });
    expect(notAdmin.status).toBe(403);
    const granted = await rawGraph(emulator().origin, 'POST', '/_emulator/consent/grants', { body: { clientId: OTHER_APP, scopes: ['GroupMember.Read.All'], grantedBy: users.siteAdmin.userPrincipalName } });
    expect(granted.status).toBe(200);

    const allowed = await tokenEndpoint(ask);
    expect(allowed.status).toBe(200);
    const client = createEmulatorClient(emulator().url, users.debtCounsellor.userPrincipalName, { clientId: OTHER_APP, scopes: ['GroupMember.Read.All'] });
    const members = (await client.api(`/groups/${groups.team.id}/members`).get()) as { value: MG.User[] };
    expect(members.value.map((m) => m.id)).toContain(users.debtCounsellor.id);
  });

  it('follows the tenant setting: a tenant that lets users consent to nothing but User.Read needs an admin for Sites', async () => {
    const put = await rawGraph(emulator().origin, 'PUT', '/_emulator/consent', { body: { userConsentScopes: ['User.Read'] } });
    expect(put.status).toBe(200);
    const refused = await tokenEndpoint({ username: users.facilitator.userPrincipalName, clientId: OTHER_APP, scopes: ['Sites.ReadWrite.All'] });
    expect(refused.body).toMatchObject({ error: 'invalid_grant', suberror: 'consent_required' });
    // The app the administrator consented to at installation is not affected.
    expect((await tokenEndpoint({ username: users.facilitator.userPrincipalName, clientId: apps.gesprekstool.clientId, scopes: ['Sites.ReadWrite.All'] })).status).toBe(200);
  });

  it('lets a tenant administrator consent for themselves to an admin-only scope', async () => {
    const res = await tokenEndpoint({ username: users.siteAdmin.userPrincipalName, clientId: OTHER_APP, scopes: ['GroupMember.Read.All'] });
    expect(res.status).toBe(200);
  });
});

describe('people of every kind', () => {
  it('gives a guest a token in this tenant; /me says userType Guest', async () => {
    const guest = createEmulatorClient(emulator().url, users.ggdGuest.userPrincipalName);
    const me = (await guest.api('/me').select('id,displayName,userPrincipalName,userType,accountEnabled').get()) as MG.User;
    expect(me).toMatchObject({ id: users.ggdGuest.id, displayName: 'Femke de Wit', userType: 'Guest', accountEnabled: true });
    expect(me.userPrincipalName).toContain('#EXT#');
    expect(claimsOf(await fetchToken(emulator().url, users.ggdGuest.userPrincipalName)).tid).toBe(SEED.tenantId);
  });

  it('lets members read a guest by id, and refuses a guest the list of all users', async () => {
    const member = createEmulatorClient(emulator().url, users.facilitator.userPrincipalName, { scopes: ['User.ReadBasic.All'] });
    const guest = (await member.api(`/users/${users.ggdGuest.id}`).select('id,userType').get()) as MG.User;
    expect(guest.userType).toBe('Guest');
    expect(((await member.api('/users').get()) as { value: unknown[] }).value.length).toBeGreaterThan(5);

    const asGuest = createEmulatorClient(emulator().url, users.ggdGuest.userPrincipalName, { scopes: ['User.ReadBasic.All'] });
    const error = await graphError(asGuest.api('/users').get());
    expect({ status: error.statusCode, code: error.code }).toEqual({ status: 403, code: 'Authorization_RequestDenied' });
    expect(((await asGuest.api(`/users/${users.facilitator.id}`).get()) as MG.User).displayName).toBe('Marieke de Vries');
  });

  it('answers a partner tenant’s token with their own profile at /me and refuses this tenant’s site', async () => {
    const token = await fetchToken(emulator().url, users.externalPartner.userPrincipalName, { scopes: ['User.Read', 'Sites.Read.All'] });
    expect(claimsOf(token).tid).toBe(SEED.partnerTenantId);
    const partner = clientWithToken(token);
    expect(((await partner.api('/me').get()) as MG.User).displayName).toBe('Pieter Mulder');
    const error: GraphError = await graphError(partner.api('/sites/root').get());
    expect(error.statusCode).toBe(403);
    expect(error.code).toBe('accessDenied');
    expect(error.message).toContain(SEED.partnerTenantId);
  });

  it('refuses a partner tenant’s token this tenant’s people and groups, and gives the partner no admin-only scope', async () => {
    const token = emulator().admin.issueToken({ upn: users.externalPartner.userPrincipalName, scopes: ['User.ReadBasic.All', 'GroupMember.Read.All'] });
    const partner = clientWithToken(token);
    for (const path of [`/users/${users.facilitator.id}`, `/groups/${groups.team.id}/members`]) {
      const error = await graphError(partner.api(path).get());
      expect({ status: error.statusCode, code: error.code }).toEqual({ status: 403, code: 'Authorization_RequestDenied' });
    }
    const refused = await tokenEndpoint({ username: users.externalPartner.userPrincipalName, clientId: apps.gesprekstool.clientId, scopes: ['GroupMember.Read.All'] });
    expect(refused.body).toMatchObject({ suberror: 'consent_required' });
  });

  it('gives a disabled account no token (AADSTS50057)', async () => {
    const res = await tokenEndpoint({ username: users.formerEmployee.userPrincipalName, clientId: apps.gesprekstool.clientId, scopes: ['User.Read'] });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_grant', error_codes: [50057] });
  });

  it('stops honouring the token of someone whose account is disabled after it was issued', async () => {
    const client = createEmulatorClient(emulator().url, users.incomeConsultant.userPrincipalName, { scopes: ['User.Read'] });
    expect(((await client.api('/me').get()) as MG.User).id).toBe(users.incomeConsultant.id);
    const disable = await rawGraph(emulator().origin, 'PUT', `/_emulator/users/${users.incomeConsultant.userPrincipalName}/account`, { body: { accountEnabled: false } });
    expect(disable.status).toBe(204);
    const error = await graphError(client.api('/me').get());
    expect({ status: error.statusCode, code: error.code }).toEqual({ status: 401, code: 'InvalidAuthenticationToken' });
    const member = createEmulatorClient(emulator().url, users.facilitator.userPrincipalName, { scopes: ['User.ReadBasic.All'] });
    expect(((await member.api(`/users/${users.incomeConsultant.id}`).select('accountEnabled').get()) as MG.User).accountEnabled).toBe(false);
  });
});

describe('$batch', () => {
  it('refuses the whole batch once when its token is expired, instead of each sub-request', async () => {
    const expired = emulator().admin.issueToken({ upn: users.facilitator.userPrincipalName, scopes: ['User.Read'], lifetimeSeconds: -1 });
    const res = await rawGraph(emulator().origin, 'POST', '/v1.0/$batch', { token: expired, body: { requests: [{ id: '1', method: 'GET', url: '/me' }] } });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'InvalidAuthenticationToken', message: 'Lifetime validation failed, the token is expired.' } });
  });
});
