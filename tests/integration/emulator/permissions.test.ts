// Contract tests for who may do what in the emulated SharePoint: site roles (Owners, Members,
// Visitors), item-level permissions (ReadSecurity / WriteSecurity), SharePoint's REST endpoints for
// them, and the tenant switches. Graph calls go through the real Graph client; SharePoint REST through
// plain fetch with a token for the SharePoint resource.
import type { Client } from '@microsoft/microsoft-graph-client';
import type * as MG from '@microsoft/microsoft-graph-types';
import { SEED, startEmulator } from '../../../dev/graph-emulator';
import { createEmulatorClient } from '../support/emulatorClient';
import { emulatorPerTestFile } from '../support/emulatorLifecycle';
import { graphError } from '../support/graphError';
import { rawGraph } from '../support/rawGraph';
import { sharePointRest } from '../support/sharePointRest';

const emulator = emulatorPerTestFile();
const { users, sites } = SEED;
const team = sites.team;
const teamUrl = `https://${SEED.host}${team.path}`;
const LIST = 'Gesprekstool antwoorden';

function client(upn: string): Client {
  return createEmulatorClient(emulator().url, upn, { maxRetries: 0 });
}

const owner = () => client(users.facilitator.userPrincipalName);
const memberA = () => client(users.debtCounsellor.userPrincipalName);
const memberB = () => client(users.incomeConsultant.userPrincipalName);

async function createList(c: Client, siteId: string, displayName = LIST): Promise<string> {
  const list = (await c.api(`/sites/${siteId}/lists`).post({ displayName, list: { template: 'genericList' }, columns: [{ name: 'SessionKey', text: {}, indexed: true }] })) as MG.List;
  return list.id ?? '';
}

async function addItem(c: Client, siteId: string, listId: string, title: string): Promise<string> {
  const item = (await c.api(`/sites/${siteId}/lists/${listId}/items`).post({ fields: { Title: title, SessionKey: 's1' } })) as MG.ListItem;
  return item.id ?? '';
}

async function titles(c: Client, url: string): Promise<string[]> {
  const page = (await c.api(url).get()) as { value: MG.ListItem[] };
  return page.value.map((i) => String((i.fields as Record<string, unknown> | undefined)?.Title)).sort();
}

function setSecurity(siteId: string, listId: string, security: { readSecurity?: 1 | 2; writeSecurity?: 1 | 2 | 4 }) {
  emulator().admin.setListSecurity(siteId, listId, security);
}

describe('site roles', () => {
  it('a Visitor of the root site reads its lists but cannot add an item: 403 accessDenied "Access denied"', async () => {
    const listId = await createList(client(users.siteAdmin.userPrincipalName), sites.root.id, 'Intranet nieuws');
    const visitor = client(users.outsider.userPrincipalName);
    await expect(visitor.api(`/sites/${sites.root.id}/lists/${listId}/items`).get()).resolves.toMatchObject({ value: [] });
    const error = await graphError(visitor.api(`/sites/${sites.root.id}/lists/${listId}/items`).post({ fields: { Title: 'x' } }));
    expect(error.statusCode).toBe(403);
    expect(error.code).toBe('accessDenied');
    expect(error.message).toBe('Access denied');
  });

  it("a Member of the team's site adds items but cannot create a list or add a column", async () => {
    const listId = await createList(owner(), team.id);
    expect(await addItem(memberA(), team.id, listId, 'van Sanne')).toBe('1');
    expect((await graphError(createList(memberA(), team.id, 'Eigen lijst'))).statusCode).toBe(403);
    const column = await graphError(memberA().api(`/sites/${team.id}/lists/${listId}/columns`).post({ name: 'Extra', text: {} }));
    expect([column.statusCode, column.code]).toEqual([403, 'accessDenied']);
  });

  it("an Owner of the team's site (a group owner) creates lists and columns", async () => {
    const listId = await createList(owner(), team.id);
    const column = (await owner().api(`/sites/${team.id}/lists/${listId}/columns`).post({ name: 'Extra', text: {} })) as MG.ColumnDefinition;
    expect(column.name).toBe('Extra');
  });

  it('the root site has two named Owners who create lists there, and ordinary employees are only Visitors', async () => {
    await expect(createList(client(users.siteAdmin.userPrincipalName), sites.root.id, 'Beheer')).resolves.toMatch(/.+/);
    await expect(createList(client(users.teamLead.userPrincipalName), sites.root.id, 'Teamleiders')).resolves.toMatch(/.+/);
    expect((await graphError(createList(owner(), sites.root.id, 'Sessies'))).statusCode).toBe(403);
  });

  it('someone with no role on a site cannot even read the site: 403 accessDenied', async () => {
    const error = await graphError(client(users.outsider.userPrincipalName).api(`/sites/${team.id}`).get());
    expect([error.statusCode, error.code]).toEqual([403, 'accessDenied']);
    const byPath = await graphError(client(users.outsider.userPrincipalName).api(`/sites/${SEED.host}:${team.path}:/lists`).get());
    expect(byPath.statusCode).toBe(403);
  });

  it("a person from another organisation's tenant gets nothing on any site, not even the intranet", async () => {
    // Their own tenant consented to nothing for this app: they hold only what a user may consent to.
    const partner = createEmulatorClient(emulator().url, users.externalPartner.userPrincipalName, { maxRetries: 0, scopes: ['User.Read', 'Sites.ReadWrite.All'] });
    for (const url of ['/sites/root', `/sites/${team.id}`, `/sites/${team.id}/lists`, `/groups/${SEED.groups.team.id}/sites/root`]) {
      expect((await graphError(partner.api(url).get())).statusCode).toBe(403);
    }
    const rest = await sharePointRest(emulator().origin, 'GET', `${teamUrl}/_api/web/currentuser`, { upn: users.externalPartner.userPrincipalName });
    expect(rest.status).toBe(403);
  });

  it("the GGD guest, added to the team site's Members on the site, writes items there but has no role on the intranet", async () => {
    const listId = await createList(owner(), team.id);
    const guest = client(users.ggdGuest.userPrincipalName);
    expect(await addItem(guest, team.id, listId, 'van Femke')).toMatch(/^\d+$/);
    expect((await graphError(guest.api('/sites/root').get())).statusCode).toBe(403);
    // She is a member of the site, not of the Microsoft 365 group.
    const groupMembers = (await owner().api(`/groups/${SEED.groups.team.id}/members`).get()) as { value: MG.User[] };
    expect(groupMembers.value.map((u) => u.id)).not.toContain(users.ggdGuest.id);
  });

  it("adding someone to a site's Members through the admin API lets them write; removing them takes it away", async () => {
    const listId = await createList(owner(), team.id);
    const outsider = client(users.outsider.userPrincipalName);
    const added = await rawGraph(emulator().origin, 'PUT', `/_emulator/sites/${team.id}/members/${users.outsider.userPrincipalName}`);
    expect(added.status).toBe(204);
    expect(await addItem(outsider, team.id, listId, 'van Bram')).toBe('1');
    await rawGraph(emulator().origin, 'DELETE', `/_emulator/sites/${team.id}/members/${users.outsider.userPrincipalName}`);
    expect((await graphError(addItem(outsider, team.id, listId, 'nog eens'))).statusCode).toBe(403);
  });

  it('$batch sub-requests are checked one by one with the caller\'s role', async () => {
    const listId = await createList(owner(), team.id);
    const res = await rawGraph(emulator().origin, 'POST', '/v1.0/$batch', {
      upn: users.outsider.userPrincipalName,
      body: {
        requests: [
          { id: '1', method: 'POST', url: `/sites/${team.id}/lists/${listId}/items`, headers: { 'Content-Type': 'application/json' }, body: { fields: { Title: 'x' } } },
          { id: '2', method: 'GET', url: '/me' },
        ],
      },
    });
    const responses = (res.body as { responses: { id: string; status: number; body?: { error?: { code: string } } }[] }).responses;
    expect(responses.find((r) => r.id === '1')).toMatchObject({ status: 403, body: { error: { code: 'accessDenied' } } });
    expect(responses.find((r) => r.id === '2')?.status).toBe(200);
  });
});

describe('item-level permissions', () => {
  let listId: string;
  let itemsUrl: string;
  let ids: { a: string[]; b: string[] };

  beforeEach(async () => {
    listId = await createList(owner(), team.id);
    itemsUrl = `/sites/${team.id}/lists/${listId}/items`;
    ids = { a: [], b: [] };
    // Interleaved, so a reader's page boundaries fall between other people's ids.
    for (let i = 1; i <= 3; i++) {
      ids.a.push(await addItem(memberA(), team.id, listId, `A${i}`));
      ids.b.push(await addItem(memberB(), team.id, listId, `B${i}`));
    }
  });

  it("under ReadSecurity 2 a Member's query returns only their own items, with $filter as well", async () => {
    setSecurity(team.id, listId, { readSecurity: 2 });
    expect(await titles(memberA(), `${itemsUrl}?$expand=fields`)).toEqual(['A1', 'A2', 'A3']);
    expect(await titles(memberB(), `${itemsUrl}?$expand=fields&$filter=fields/SessionKey eq 's1'`)).toEqual(['B1', 'B2', 'B3']);
  });

  it('under ReadSecurity 2 paging runs over the visible items only: no page leaks another id, and the last page has no nextLink', async () => {
    setSecurity(team.id, listId, { readSecurity: 2 });
    const seen: string[] = [];
    let url: string | undefined = `${itemsUrl}?$top=2`;
    let pages = 0;
    while (url) {
      const page = (await memberA().api(url).get()) as { value: MG.ListItem[]; '@odata.nextLink'?: string };
      seen.push(...page.value.map((i) => i.id ?? ''));
      url = page['@odata.nextLink'];
      pages++;
    }
    expect(seen).toEqual(ids.a);
    expect(pages).toBe(2);
  });

  it("under ReadSecurity 2 a Member's direct read of another's item is 404 itemNotFound, like an item that does not exist", async () => {
    setSecurity(team.id, listId, { readSecurity: 2 });
    const other = await graphError(memberA().api(`${itemsUrl}/${ids.b[0]}`).get());
    const missing = await graphError(memberA().api(`${itemsUrl}/999`).get());
    expect([other.statusCode, other.code, other.message]).toEqual([missing.statusCode, missing.code, missing.message]);
    expect([other.statusCode, other.code]).toEqual([404, 'itemNotFound']);
    expect((await graphError(memberA().api(`${itemsUrl}/${ids.b[0]}/fields`).get())).statusCode).toBe(404);
    await expect(memberA().api(`${itemsUrl}/${ids.a[0]}`).get()).resolves.toMatchObject({ id: ids.a[0] });
  });

  it('under ReadSecurity 2 an Owner sees every item', async () => {
    setSecurity(team.id, listId, { readSecurity: 2 });
    expect(await titles(owner(), `${itemsUrl}?$expand=fields`)).toEqual(['A1', 'A2', 'A3', 'B1', 'B2', 'B3']);
    await expect(owner().api(`${itemsUrl}/${ids.b[0]}`).get()).resolves.toMatchObject({ id: ids.b[0] });
  });

  it("under WriteSecurity 2 a Member cannot PATCH or DELETE another's item (403) but changes their own; an Owner changes anyone's", async () => {
    setSecurity(team.id, listId, { writeSecurity: 2 });
    const patch = await graphError(memberA().api(`${itemsUrl}/${ids.b[0]}/fields`).patch({ Title: 'overschreven' }));
    expect([patch.statusCode, patch.code]).toEqual([403, 'accessDenied']);
    expect((await graphError(memberA().api(`${itemsUrl}/${ids.b[0]}`).patch({ fields: { Title: 'x' } }))).statusCode).toBe(403);
    expect((await graphError(memberA().api(`${itemsUrl}/${ids.b[0]}`).delete())).statusCode).toBe(403);
    await expect(memberA().api(`${itemsUrl}/${ids.a[0]}/fields`).patch({ Title: 'A1 bis' })).resolves.toMatchObject({ Title: 'A1 bis' });
    await expect(owner().api(`${itemsUrl}/${ids.b[0]}/fields`).patch({ Title: 'door de gespreksleider' })).resolves.toMatchObject({ Title: 'door de gespreksleider' });
    // Creating stays allowed under "only their own".
    expect(await addItem(memberA(), team.id, listId, 'A4')).toMatch(/^\d+$/);
    const b0 = (await owner().api(`${itemsUrl}/${ids.b[0]}/fields`).get()) as { Title: string };
    expect(b0.Title).toBe('door de gespreksleider');
  });

  it('under WriteSecurity 4 a Member cannot create, edit or delete anything; an Owner still can', async () => {
    setSecurity(team.id, listId, { writeSecurity: 4 });
    expect((await graphError(addItem(memberA(), team.id, listId, 'A4'))).statusCode).toBe(403);
    expect((await graphError(memberA().api(`${itemsUrl}/${ids.a[0]}/fields`).patch({ Title: 'x' }))).statusCode).toBe(403);
    expect((await graphError(memberA().api(`${itemsUrl}/${ids.a[0]}`).delete())).statusCode).toBe(403);
    expect(await addItem(owner(), team.id, listId, 'O1')).toMatch(/^\d+$/);
  });

  it("under ReadSecurity 2 a write to an item the caller cannot see is 404, not 403 (its existence does not leak)", async () => {
    setSecurity(team.id, listId, { readSecurity: 2, writeSecurity: 2 });
    expect((await graphError(memberA().api(`${itemsUrl}/${ids.b[0]}/fields`).patch({ Title: 'x' }))).statusCode).toBe(404);
    expect((await graphError(memberA().api(`${itemsUrl}/${ids.b[0]}`).delete())).statusCode).toBe(404);
  });

  it('the tolerant tenant switch lets every Member read and change every item again, and reset restores the strict tenant', async () => {
    setSecurity(team.id, listId, { readSecurity: 2, writeSecurity: 2 });
    const put = await rawGraph(emulator().origin, 'PUT', '/_emulator/tenant', { body: { enforceItemLevelPermissions: false } });
    expect(put).toMatchObject({ status: 200, body: { enforceItemLevelPermissions: false, enforceSiteRoles: true } });
    expect(await titles(memberA(), `${itemsUrl}?$expand=fields`)).toEqual(['A1', 'A2', 'A3', 'B1', 'B2', 'B3']);
    await expect(memberA().api(`${itemsUrl}/${ids.b[0]}/fields`).patch({ Title: 'B1 bis' })).resolves.toMatchObject({ Title: 'B1 bis' });
    // Site roles still hold.
    expect((await graphError(createList(memberA(), team.id, 'Eigen lijst'))).statusCode).toBe(403);
    emulator().admin.reset();
    expect(emulator().admin.tenant()).toEqual({ enforceItemLevelPermissions: true, enforceSiteRoles: true });
  });

  it('switching site roles off lets a Visitor create lists as before', async () => {
    emulator().admin.setTenant({ enforceSiteRoles: false });
    await expect(createList(client(users.outsider.userPrincipalName), sites.root.id, 'Vrij')).resolves.toMatch(/.+/);
  });
});

describe('a tenant started tolerant', () => {
  it('startEmulator({ tenant }) starts with item-level permissions off, and reset keeps the start-up switches', async () => {
    const tolerant = await startEmulator({ port: 0, dataDir: ':memory:', tenant: { enforceItemLevelPermissions: false } });
    try {
      const ownerClient = createEmulatorClient(tolerant.url, users.facilitator.userPrincipalName, { maxRetries: 0 });
      const listId = await createList(ownerClient, team.id);
      await addItem(createEmulatorClient(tolerant.url, users.incomeConsultant.userPrincipalName, { maxRetries: 0 }), team.id, listId, 'B1');
      tolerant.admin.setListSecurity(team.id, listId, { readSecurity: 2 });
      const reader = createEmulatorClient(tolerant.url, users.debtCounsellor.userPrincipalName, { maxRetries: 0 });
      expect(await titles(reader, `/sites/${team.id}/lists/${listId}/items?$expand=fields`)).toEqual(['B1']);
      tolerant.admin.reset();
      expect((await rawGraph(tolerant.origin, 'GET', '/_emulator/tenant')).body).toEqual({ enforceSiteRoles: true, enforceItemLevelPermissions: false });
    } finally {
      await tolerant.close();
    }
  });
});

describe('SharePoint REST for list settings', () => {
  let listId: string;
  const listUrl = (title = LIST) => `${teamUrl}/_api/web/lists/GetByTitle('${title}')`;

  beforeEach(async () => {
    listId = await createList(owner(), team.id);
  });

  it('reads ReadSecurity and WriteSecurity with $select, in nometadata and in verbose', async () => {
    const light = await sharePointRest(emulator().origin, 'GET', `${listUrl()}?$select=ReadSecurity,WriteSecurity,Title,Id`, { upn: users.debtCounsellor.userPrincipalName });
    expect(light.status).toBe(200);
    expect(light.body).toEqual({ Id: listId, Title: LIST, ReadSecurity: 1, WriteSecurity: 1 });
    const verbose = await sharePointRest(emulator().origin, 'GET', `${listUrl()}?$select=ReadSecurity,WriteSecurity`, { upn: users.debtCounsellor.userPrincipalName, odata: 'verbose' });
    expect(verbose.body).toMatchObject({ d: { __metadata: { type: 'SP.List' }, ReadSecurity: 1, WriteSecurity: 1 } });
  });

  it('an Owner sets ReadSecurity 2 and WriteSecurity 2 with MERGE (verbose body and nometadata body) → 204, and Graph enforces it', async () => {
    const verbose = await sharePointRest(emulator().origin, 'POST', listUrl(), {
      upn: users.facilitator.userPrincipalName,
      odata: 'verbose',
      headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*', 'Content-Type': 'application/json;odata=verbose' },
      body: { __metadata: { type: 'SP.List' }, ReadSecurity: 2 },
    });
    expect(verbose.status).toBe(204);
    const light = await sharePointRest(emulator().origin, 'POST', listUrl(), {
      upn: users.facilitator.userPrincipalName,
      headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
      body: { WriteSecurity: 2 },
    });
    expect(light.status).toBe(204);
    expect(emulator().admin.listSecurity(team.id, listId)).toEqual({ readSecurity: 2, writeSecurity: 2 });
    await addItem(memberB(), team.id, listId, 'B1');
    expect(await titles(memberA(), `/sites/${team.id}/lists/${listId}/items?$expand=fields`)).toEqual([]);
  });

  it("a Member's MERGE gets SharePoint's 403 body and changes nothing", async () => {
    const res = await sharePointRest(emulator().origin, 'POST', listUrl(), {
      upn: users.debtCounsellor.userPrincipalName,
      headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
      body: { ReadSecurity: 2, WriteSecurity: 2 },
    });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      'odata.error': { code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value: 'Access denied. You do not have permission to perform this action or access this resource.' } },
    });
    expect(emulator().admin.listSecurity(team.id, listId)).toEqual({ readSecurity: 1, writeSecurity: 1 });
  });

  it('refuses values SharePoint does not define, unknown properties and a stale IF-MATCH', async () => {
    const send = (body: unknown, ifMatch = '*') =>
      sharePointRest(emulator().origin, 'POST', listUrl(), { upn: users.facilitator.userPrincipalName, headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': ifMatch }, body });
    expect((await send({ ReadSecurity: 4 })).status).toBe(400);
    expect((await send({ WriteSecurity: 3 })).status).toBe(400);
    expect((await send({ Hidden: true })).status).toBe(400);
    expect((await send({ ReadSecurity: 2 }, '"999"')).status).toBe(412);
    expect(emulator().admin.listSecurity(team.id, listId)).toEqual({ readSecurity: 1, writeSecurity: 1 });
  });

  it("an unknown list title is 404 with SharePoint's error body", async () => {
    const res = await sharePointRest(emulator().origin, 'GET', listUrl('Bestaat niet'), { upn: users.facilitator.userPrincipalName });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ 'odata.error': { code: '-1, System.ArgumentException', message: { lang: 'en-US' } } });
  });

  it('refuses a Graph token (wrong audience) with 401', async () => {
    const res = await sharePointRest(emulator().origin, 'GET', listUrl(), { upn: users.facilitator.userPrincipalName, graphToken: true });
    expect(res.status).toBe(401);
  });

  it('EffectiveBasePermissions: Full Control for an Owner, Contribute without Manage Lists for a Member, Read for a Visitor', async () => {
    const mask = async (upn: string, url: string) => {
      const res = await sharePointRest(emulator().origin, 'GET', url, { upn });
      expect(res.status).toBe(200);
      const { High, Low } = res.body as { High: string; Low: string };
      return (BigInt(High) << 32n) | BigInt(Low);
    };
    const has = (m: bigint, kind: number) => (m & (1n << BigInt(kind - 1))) !== 0n;
    const [viewListItems, addListItems, editListItems, deleteListItems, cancelCheckout, manageLists] = [1, 2, 3, 4, 9, 12];
    const ownerMask = await mask(users.facilitator.userPrincipalName, `${teamUrl}/_api/web/effectiveBasePermissions`);
    expect(ownerMask).toBe(0x7fffffffffffffffn);
    const memberMask = await mask(users.debtCounsellor.userPrincipalName, `${listUrl()}/EffectiveBasePermissions`);
    expect([viewListItems, addListItems, editListItems, deleteListItems].every((k) => has(memberMask, k))).toBe(true);
    expect(has(memberMask, manageLists) || has(memberMask, cancelCheckout)).toBe(false);
    const visitorMask = await mask(users.outsider.userPrincipalName, `https://${SEED.host}/_api/web/effectiveBasePermissions`);
    expect(has(visitorMask, viewListItems)).toBe(true);
    expect(has(visitorMask, addListItems)).toBe(false);
    const verbose = await sharePointRest(emulator().origin, 'GET', `${teamUrl}/_api/web/effectiveBasePermissions`, { upn: users.debtCounsellor.userPrincipalName, odata: 'verbose' });
    expect(verbose.body).toMatchObject({ d: { EffectiveBasePermissions: { __metadata: { type: 'SP.BasePermissions' }, High: expect.any(String), Low: expect.any(String) } } });
  });

  it('currentuser names the caller and says whether they administer the site', async () => {
    const ownerRes = await sharePointRest(emulator().origin, 'GET', `${teamUrl}/_api/web/currentuser`, { upn: users.facilitator.userPrincipalName });
    expect(ownerRes.body).toMatchObject({ Title: 'Marieke de Vries', Email: users.facilitator.mail, IsSiteAdmin: true, LoginName: `i:0#.f|membership|${users.facilitator.userPrincipalName}` });
    expect(typeof (ownerRes.body as { Id: unknown }).Id).toBe('number');
    const memberRes = await sharePointRest(emulator().origin, 'GET', `${teamUrl}/_api/web/currentuser`, { upn: users.debtCounsellor.userPrincipalName });
    expect(memberRes.body).toMatchObject({ Title: "Sanne van 't Hof", IsSiteAdmin: false });
    // The same number as AuthorLookupId on the items this person creates, so "mine" can be told apart.
    const listId2 = await createList(owner(), team.id, 'Eigen');
    await addItem(memberA(), team.id, listId2, 'A1');
    const fields = (await memberA().api(`/sites/${team.id}/lists/${listId2}/items/1/fields`).get()) as { AuthorLookupId: string };
    expect(Number(fields.AuthorLookupId)).toBe((memberRes.body as { Id: number }).Id);
    const stranger = await sharePointRest(emulator().origin, 'GET', `${teamUrl}/_api/web/currentuser`, { upn: users.outsider.userPrincipalName });
    expect(stranger.status).toBe(403);
  });

  it('the state dump carries each site\'s roles and each list\'s security', async () => {
    emulator().admin.setListSecurity(team.id, listId, { readSecurity: 2 });
    const state = (await rawGraph(emulator().origin, 'GET', '/_emulator/state')).body as {
      tenantSettings: unknown;
      siteRoles: { sites: { siteId: string; owners: string[]; members: string[]; visitors: string[] }[] };
      lists: { id: string; security: unknown }[];
    };
    expect(state.tenantSettings).toEqual({ enforceSiteRoles: true, enforceItemLevelPermissions: true });
    const teamRoles = state.siteRoles.sites.find((s) => s.siteId === team.id);
    expect(teamRoles?.owners).toEqual(expect.arrayContaining([users.facilitator.userPrincipalName, users.teamLead.userPrincipalName]));
    expect(teamRoles?.members).toEqual(expect.arrayContaining([users.debtCounsellor.userPrincipalName, users.ggdGuest.userPrincipalName]));
    const rootRoles = state.siteRoles.sites.find((s) => s.siteId === sites.root.id);
    expect(rootRoles?.visitors).toContain(users.outsider.userPrincipalName);
    expect(rootRoles?.visitors).not.toContain(users.ggdGuest.userPrincipalName);
    expect(rootRoles?.visitors).not.toContain(users.externalPartner.userPrincipalName);
    expect(state.lists.find((l) => l.id === listId)?.security).toEqual({ readSecurity: 2, writeSecurity: 1 });
  });
});
