import type { Client } from '@microsoft/microsoft-graph-client';
import type * as MG from '@microsoft/microsoft-graph-types';
import { SEED } from '../../../dev/graph-emulator';
import { createEmulatorClient } from '../support/emulatorClient';
import { graphError } from '../support/graphError';
import { emulatorPerTestFile } from '../support/emulatorLifecycle';
import { rawGraph } from '../support/rawGraph';

const emulator = emulatorPerTestFile();
let emu: ReturnType<typeof emulator>;
let facilitator: Client;

beforeAll(() => {
  emu = emulator();
  facilitator = createEmulatorClient(emu.url, SEED.users.facilitator.userPrincipalName);
});

describe('authentication with access tokens', () => {
  it('answers a request without a token with 401 InvalidAuthenticationToken in Graph error shape', async () => {
    const res = await rawGraph(emu.origin, 'GET', '/v1.0/me');
    expect(res.status).toBe(401);
    const body = res.body as { error: { code: string; message: string; innerError: Record<string, string> } };
    expect(body.error.code).toBe('InvalidAuthenticationToken');
    expect(body.error.innerError['request-id']).toBe(res.headers.get('request-id'));
    expect(body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  });

  it('gives no token to a user the tenant does not know, as Entra ID refuses them (AADSTS50034)', async () => {
    const res = await fetch(`${emu.origin}/_emulator/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'nobody@gemeente-voorbeeld.nl', clientId: SEED.apps.gesprekstool.clientId, scopes: ['User.Read'] }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant', error_codes: [50034] });
  });

  it('echoes the client-request-id it was sent', async () => {
    const res = await rawGraph(emu.origin, 'GET', '/v1.0/me', { upn: SEED.users.facilitator.userPrincipalName, headers: { 'client-request-id': 'abc-123' } });
    expect(res.headers.get('client-request-id')).toBe('abc-123');
    expect(res.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('directory', () => {
  it('GET /me returns the signed-in user with job title and department', async () => {
    const me = (await facilitator.api('/me').get()) as MG.User;
    expect(me).toMatchObject({ id: SEED.users.facilitator.id, displayName: 'Marieke de Vries', department: 'Armoede & Schulden', jobTitle: expect.any(String) });
  });

  it('GET /me follows the token, so another user sees themselves', async () => {
    const sanne = createEmulatorClient(emu.url, SEED.users.debtCounsellor.userPrincipalName);
    const me = (await sanne.api('/me').get()) as MG.User;
    expect(me.displayName).toBe("Sanne van 't Hof");
  });

  it('honours $select on users', async () => {
    // Reading another person's profile needs User.ReadBasic.All (user-get), which the app never asks for.
    const reader = createEmulatorClient(emu.url, SEED.users.facilitator.userPrincipalName, { scopes: ['User.ReadBasic.All'] });
    const user = (await reader.api(`/users/${SEED.users.ggdNurse.userPrincipalName}`).select('id,officeLocation').get()) as Record<string, unknown>;
    expect(user.officeLocation).toBe("'s-Hertogenbosch");
    expect(user.displayName).toBeUndefined();
    expect(user.id).toBe(SEED.users.ggdNurse.id);
  });

  it('answers an unknown user with 404 itemNotFound', async () => {
    const reader = createEmulatorClient(emu.url, SEED.users.facilitator.userPrincipalName, { scopes: ['User.ReadBasic.All'] });
    const error = await graphError(reader.api('/users/00000000-0000-4000-8000-000000000000').get());
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe('itemNotFound');
  });

  it('lists the groups a user is a member of, typed as groups', async () => {
    const res = (await facilitator.api('/me/memberOf').get()) as { value: (MG.Group & { '@odata.type': string })[] };
    expect(res.value.map((g) => g.displayName).sort()).toEqual(['Armoede en Gezondheid', 'Schuldhulp Overleg']);
    expect(res.value.every((g) => g['@odata.type'] === '#microsoft.graph.group')).toBe(true);
  });

  it('gives the user outside both groups no groups and no teams', async () => {
    const outsider = createEmulatorClient(emu.url, SEED.users.outsider.userPrincipalName);
    expect(((await outsider.api('/me/memberOf').get()) as { value: unknown[] }).value).toEqual([]);
    expect(((await outsider.api('/me/joinedTeams').get()) as { value: unknown[] }).value).toEqual([]);
  });

  it('answers the /microsoft.graph.group cast and another user\'s memberOf the same way', async () => {
    const cast = (await facilitator.api('/me/memberOf/microsoft.graph.group').select('id').get()) as { value: MG.Group[] };
    expect(cast.value.map((g) => g.id).sort()).toEqual([SEED.groups.team.id, SEED.groups.debtGroup.id].sort());
    // Another person's memberships need User.Read.All (user-list-transitivememberof), an admin-only scope.
    emu.admin.grantAdminConsent(SEED.apps.gesprekstool.clientId, ['User.Read.All']);
    const admin = createEmulatorClient(emu.url, SEED.users.facilitator.userPrincipalName, { scopes: ['User.Read.All'] });
    const teamLead = (await admin.api(`/users/${SEED.users.teamLead.id}/memberOf`).get()) as { value: MG.Group[] };
    expect(teamLead.value.map((g) => g.id)).toEqual([SEED.groups.debtGroup.id]);
  });

  it('lists group owners apart from members: the team lead owns the team but is no member', async () => {
    const owners = (await facilitator.api(`/groups/${SEED.groups.team.id}/owners`).get()) as { value: MG.User[] };
    expect(owners.value.map((o) => o.id)).toContain(SEED.users.teamLead.id);
    const members = (await facilitator.api(`/groups/${SEED.groups.team.id}/members`).get()) as { value: MG.User[] };
    expect(members.value.map((m) => m.id)).not.toContain(SEED.users.teamLead.id);
  });

  it('lists only teams under joinedTeams', async () => {
    const res = (await facilitator.api('/me/joinedTeams').get()) as { value: MG.Team[] };
    expect(res.value.map((t) => t.id)).toEqual([SEED.groups.team.id]);
  });

  it('reads a group and its members with $select', async () => {
    const group = (await facilitator.api(`/groups/${SEED.groups.debtGroup.id}`).select('displayName').get()) as Record<string, unknown>;
    expect(group).toMatchObject({ id: SEED.groups.debtGroup.id, displayName: 'Schuldhulp Overleg' });
    expect(group.resourceProvisioningOptions).toBeUndefined();
    const members = (await facilitator.api(`/groups/${SEED.groups.team.id}/members`).select('id,displayName').get()) as { value: MG.User[] };
    expect(members.value.map((m) => m.id)).toEqual(SEED.groups.team.members);
    expect(members.value.map((m) => m.id)).not.toContain(SEED.users.outsider.id);
  });
});

describe('CORS for the browser app on another loopback origin', () => {
  it('answers a preflight allowing Authorization, If-Match and Prefer', async () => {
    const res = await rawGraph(emu.origin, 'OPTIONS', '/v1.0/me', {
      headers: { Origin: 'http://127.0.0.1:5173', 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'authorization,if-match,prefer,content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['authorization', 'if-match', 'prefer', 'content-type']) expect(allowed).toContain(h);
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
  });

  it('exposes Retry-After and ETag to scripts', async () => {
    const res = await rawGraph(emu.origin, 'GET', '/v1.0/me', { upn: SEED.users.facilitator.userPrincipalName, headers: { Origin: 'http://127.0.0.1:5173' } });
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    expect(exposed).toContain('retry-after');
    expect(exposed).toContain('etag');
  });
});
