import { PageIterator, type Client, type PageCollection } from '@microsoft/microsoft-graph-client';
import type * as MG from '@microsoft/microsoft-graph-types';
import { SEED, startEmulator, type RunningEmulator } from '../../../dev/graph-emulator';
import { createEmulatorClient } from '../support/emulatorClient';
import { graphError } from '../support/graphError';

let emu: RunningEmulator;
let client: Client;
const teamSiteId = SEED.groups.team.site.id;

beforeAll(async () => {
  emu = await startEmulator({ dataDir: ':memory:', seed: 7 });
  client = createEmulatorClient(emu.url, SEED.users.facilitator.userPrincipalName);
});
afterAll(() => emu.close());
beforeEach(() => emu.admin.reset());

const sessionColumns = [
  { name: 'SessionKey', text: { maxLength: 64 }, indexed: true },
  { name: 'Gemeente', text: {} },
  { name: 'WatOpvalt', text: { allowMultipleLines: true } },
  { name: 'ScoreA', number: {} },
  { name: 'Status', choice: { choices: ['voorbereiding', 'stap1', 'afgerond'] }, indexed: true },
  { name: 'Datum', dateTime: {} },
  { name: 'Onthuld', boolean: {}, indexed: true },
];

async function createSessionsList(siteId = teamSiteId): Promise<MG.List> {
  return (await client.api(`/sites/${siteId}/lists`).post({ displayName: 'Gesprekstool sessies', list: { template: 'genericList' }, columns: sessionColumns })) as MG.List;
}

function itemsPath(list: MG.List): string {
  return `/sites/${teamSiteId}/lists/${list.id}/items`;
}

describe('sites', () => {
  it('finds the root site and the same site by hostname', async () => {
    const root = (await client.api('/sites/root').get()) as MG.Site;
    expect(root.id).toBe(SEED.sites.root.id);
    expect(root.webUrl).toBe('https://gemeente-voorbeeld.sharepoint.com');
    const byHost = (await client.api('/sites/gemeente-voorbeeld.sharepoint.com').get()) as MG.Site;
    expect(byHost.id).toBe(root.id);
  });

  it('addresses a site by server-relative path, with and without the closing colon', async () => {
    const a = (await client.api('/sites/gemeente-voorbeeld.sharepoint.com:/sites/ArmoedeenGezondheid').get()) as MG.Site;
    const b = (await client.api('/sites/gemeente-voorbeeld.sharepoint.com:/sites/ArmoedeenGezondheid:').get()) as MG.Site;
    expect(a.id).toBe(teamSiteId);
    expect(b.id).toBe(teamSiteId);
    expect(a.id?.split(',')).toHaveLength(3);
  });

  it("finds a group's site and reads a site by its composite id", async () => {
    const site = (await client.api(`/groups/${SEED.groups.team.id}/sites/root`).get()) as MG.Site;
    expect(site.displayName).toBe('Armoede en Gezondheid');
    const again = (await client.api(`/sites/${site.id}`).get()) as MG.Site;
    expect(again.webUrl).toBe('https://gemeente-voorbeeld.sharepoint.com/sites/ArmoedeenGezondheid');
  });

  it('answers an unknown site path with 404 itemNotFound', async () => {
    const error = await graphError(client.api('/sites/gemeente-voorbeeld.sharepoint.com:/sites/Bestaatniet').get());
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe('itemNotFound');
  });
});

describe('lists and columns', () => {
  it('creates a list with typed columns and answers 201', async () => {
    const response = (await client.api(`/sites/${teamSiteId}/lists`).responseType('raw' as never).post({ displayName: 'Gesprekstool sessies', list: { template: 'genericList' }, columns: sessionColumns })) as Response;
    expect(response.status).toBe(201);
    const list = (await response.json()) as MG.List;
    expect(list.displayName).toBe('Gesprekstool sessies');
    expect(list.list?.template).toBe('genericList');
    const columns = (await client.api(`/sites/${teamSiteId}/lists/${list.id}/columns`).get()) as { value: MG.ColumnDefinition[] };
    const byName = new Map(columns.value.map((c) => [c.name, c]));
    expect(byName.get('SessionKey')).toMatchObject({ indexed: true, text: { maxLength: 64, allowMultipleLines: false } });
    expect(byName.get('WatOpvalt')?.text?.allowMultipleLines).toBe(true);
    expect(byName.get('Status')?.choice?.choices).toEqual(['voorbereiding', 'stap1', 'afgerond']);
    expect(byName.get('Title')).toBeDefined();
  });

  it('refuses a second list with the same display name with 409', async () => {
    await createSessionsList();
    const error = await graphError(createSessionsList());
    expect(error.statusCode).toBe(409);
    expect(error.code).toBe('nameAlreadyExists');
  });

  it('finds a list by $filter on displayName, by id and by display name', async () => {
    const list = await createSessionsList();
    const found = (await client.api(`/sites/${teamSiteId}/lists`).filter("displayName eq 'Gesprekstool sessies'").get()) as { value: MG.List[] };
    expect(found.value.map((l) => l.id)).toEqual([list.id]);
    const none = (await client.api(`/sites/${teamSiteId}/lists`).filter("displayName eq 'Gesprekstool acties'").get()) as { value: MG.List[] };
    expect(none.value).toEqual([]);
    expect(((await client.api(`/sites/${teamSiteId}/lists/${list.id}`).get()) as MG.List).id).toBe(list.id);
    expect(((await client.api(`/sites/${teamSiteId}/lists/Gesprekstool sessies`).get()) as MG.List).id).toBe(list.id);
  });

  it('keeps lists apart per site', async () => {
    await createSessionsList();
    const other = (await client.api(`/sites/${SEED.sites.root.id}/lists`).get()) as { value: MG.List[] };
    expect(other.value).toEqual([]);
  });

  it('adds a column to an existing list, indexing values already there', async () => {
    const list = await createSessionsList();
    await client.api(itemsPath(list)).post({ fields: { Title: 'a', SessionKey: 'k1' } });
    const column = (await client.api(`/sites/${teamSiteId}/lists/${list.id}/columns`).post({ name: 'MeetingId', text: {}, indexed: true })) as MG.ColumnDefinition;
    expect(column.indexed).toBe(true);
    await client.api(`${itemsPath(list)}/1/fields`).patch({ MeetingId: 'meeting-1' });
    const res = (await client.api(itemsPath(list)).filter("fields/MeetingId eq 'meeting-1'").expand('fields').get()) as { value: MG.ListItem[] };
    expect(res.value.map((i) => i.id)).toEqual(['1']);
  });

  it('indexes an existing column on PATCH …/columns/{id} (columndefinition-update), so a filter on it runs without the Prefer header', async () => {
    const list = await createSessionsList();
    await client.api(itemsPath(list)).post({ fields: { Title: 'Begroting 2026', SessionKey: 'k1' } });
    await client.api(itemsPath(list)).post({ fields: { Title: 'Jaarplan', SessionKey: 'k2' } });
    const titleFilter = "startswith(fields/Title,'Begr')";
    expect((await graphError(client.api(itemsPath(list)).filter(titleFilter).expand('fields').get())).message).toContain("Field 'Title' cannot be referenced in filter or orderby as it is not indexed");
    const columns = (await client.api(`/sites/${teamSiteId}/lists/${list.id}/columns`).get()) as { value: MG.ColumnDefinition[] };
    const title = columns.value.find((c) => c.name === 'Title');
    expect(title?.indexed).toBe(false);
    const updated = (await client.api(`/sites/${teamSiteId}/lists/${list.id}/columns/${title?.id ?? ''}`).patch({ indexed: true })) as MG.ColumnDefinition;
    expect(updated).toMatchObject({ name: 'Title', indexed: true });
    // Items already in the list are found through the new index.
    const res = (await client.api(itemsPath(list)).filter(titleFilter).expand('fields').get()) as { value: MG.ListItem[] };
    expect(res.value.map((i) => i.id)).toEqual(['1']);
  });

  it('refuses to index a multi-line column or an unknown column id on PATCH, and properties it does not model', async () => {
    const list = (await client.api(`/sites/${teamSiteId}/lists`).post({ displayName: 'Notities', columns: [{ name: 'Lang', text: { allowMultipleLines: true } }] })) as MG.List;
    const columns = (await client.api(`/sites/${teamSiteId}/lists/${list.id}/columns`).get()) as { value: MG.ColumnDefinition[] };
    const lang = columns.value.find((c) => c.name === 'Lang');
    expect((await graphError(client.api(`/sites/${teamSiteId}/lists/${list.id}/columns/${lang?.id ?? ''}`).patch({ indexed: true }))).statusCode).toBe(400);
    expect((await graphError(client.api(`/sites/${teamSiteId}/lists/${list.id}/columns/00000000-0000-0000-0000-000000000000`).patch({ indexed: true }))).statusCode).toBe(404);
    expect((await graphError(client.api(`/sites/${teamSiteId}/lists/${list.id}/columns/${lang?.id ?? ''}`).patch({ id: 'x' }))).statusCode).toBe(400);
  });

  it('refuses to index a multi-line column', async () => {
    const error = await graphError(client.api(`/sites/${teamSiteId}/lists`).post({ displayName: 'X', columns: [{ name: 'Lang', text: { allowMultipleLines: true }, indexed: true }] }));
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('invalidRequest');
  });

  it('refuses more than 20 indexed columns on a list', async () => {
    const columns = Array.from({ length: 21 }, (_, i) => ({ name: `Key${i}`, text: {}, indexed: true }));
    expect((await graphError(client.api(`/sites/${teamSiteId}/lists`).post({ displayName: 'Te veel', columns }))).statusCode).toBe(400);
    const list = (await client.api(`/sites/${teamSiteId}/lists`).post({ displayName: 'Net genoeg', columns: columns.slice(0, 20) })) as MG.List;
    expect((await graphError(client.api(`/sites/${teamSiteId}/lists/${list.id}/columns`).post({ name: 'Extra', text: {}, indexed: true }))).statusCode).toBe(400);
  });

  it('refuses a list body that fails validation with a specific message', async () => {
    const error = await graphError(client.api(`/sites/${teamSiteId}/lists`).post({ displayName: '', columns: [{ name: 'A' }] }));
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('invalidRequest');
    expect(error.message).toMatch(/displayName/);
  });
});

describe('list items', () => {
  let list: MG.List;
  beforeEach(async () => {
    list = await createSessionsList();
  });

  it('creates an item (201) and returns its fields, etag and id', async () => {
    const item = (await client.api(itemsPath(list)).post({ fields: { Title: 'Sessie 1', SessionKey: 'k1', ScoreA: 3, Onthuld: false, Datum: '2026-03-01T09:30:00.000Z', Status: 'stap1' } })) as MG.ListItem & {
      fields: Record<string, unknown>;
    };
    expect(item.id).toBe('1');
    expect(item.eTag).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(item.fields).toMatchObject({ Title: 'Sessie 1', SessionKey: 'k1', ScoreA: 3, Onthuld: false, Datum: '2026-03-01T09:30:00Z', Status: 'stap1', id: '1' });
    expect(item.fields['@odata.etag']).toBe(item.eTag);
  });

  it('changes the etag on every write and refuses a stale If-Match with 412 preconditionFailed', async () => {
    const created = (await client.api(itemsPath(list)).post({ fields: { SessionKey: 'k1' } })) as MG.ListItem;
    const updated = (await client.api(`${itemsPath(list)}/1/fields`).header('If-Match', created.eTag ?? '').patch({ ScoreA: 4 })) as Record<string, unknown>;
    expect(updated.ScoreA).toBe(4);
    expect(updated['@odata.etag']).not.toBe(created.eTag);
    const error = await graphError(client.api(`${itemsPath(list)}/1/fields`).header('If-Match', created.eTag ?? '').patch({ ScoreA: 5 }));
    expect(error.statusCode).toBe(412);
    expect(error.code).toBe('preconditionFailed');
    const again = (await client.api(`${itemsPath(list)}/1`).expand('fields').get()) as MG.ListItem & { fields: Record<string, unknown> };
    expect(again.fields.ScoreA).toBe(4);
    expect(again.eTag).toBe(updated['@odata.etag']);
  });

  it('applies a PATCH without If-Match (last writer wins, as SharePoint allows)', async () => {
    await client.api(itemsPath(list)).post({ fields: { SessionKey: 'k1' } });
    const updated = (await client.api(`${itemsPath(list)}/1/fields`).patch({ Gemeente: "'s-Hertogenbosch" })) as Record<string, unknown>;
    expect(updated.Gemeente).toBe("'s-Hertogenbosch");
  });

  it('clears a field written as null and leaves it out of fields', async () => {
    await client.api(itemsPath(list)).post({ fields: { SessionKey: 'k1', Gemeente: 'Utrecht' } });
    const updated = (await client.api(`${itemsPath(list)}/1/fields`).patch({ Gemeente: null })) as Record<string, unknown>;
    expect(updated).not.toHaveProperty('Gemeente');
  });

  it("refuses an unknown field name with 400 \"Field 'X' is not recognized\"", async () => {
    const error = await graphError(client.api(itemsPath(list)).post({ fields: { SessionKey: 'k1', Bestaatniet: 1 } }));
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('invalidRequest');
    expect(error.message).toContain("Field 'Bestaatniet' is not recognized");
  });

  it('refuses a string for a number column and a number for a text column', async () => {
    const a = await graphError(client.api(itemsPath(list)).post({ fields: { ScoreA: '3' } }));
    expect(a.statusCode).toBe(400);
    expect(a.message).toContain('Edm.Double');
    const b = await graphError(client.api(itemsPath(list)).post({ fields: { Gemeente: 12 } }));
    expect(b.statusCode).toBe(400);
  });

  it('enforces 255 characters for single-line text and 63,999 for multiple lines', async () => {
    await client.api(itemsPath(list)).post({ fields: { Gemeente: 'x'.repeat(255), WatOpvalt: 'y'.repeat(63_999) } });
    expect((await graphError(client.api(itemsPath(list)).post({ fields: { Gemeente: 'x'.repeat(256) } }))).statusCode).toBe(400);
    expect((await graphError(client.api(itemsPath(list)).post({ fields: { WatOpvalt: 'y'.repeat(64_000) } }))).statusCode).toBe(400);
  });

  it('refuses a choice that is not one of the choices', async () => {
    const error = await graphError(client.api(itemsPath(list)).post({ fields: { Status: 'onbekend' } }));
    expect(error.statusCode).toBe(400);
  });

  it('deletes an item (204) and then answers 404 for it', async () => {
    await client.api(itemsPath(list)).post({ fields: { SessionKey: 'k1' } });
    const response = (await client.api(`${itemsPath(list)}/1`).responseType('raw' as never).delete()) as Response;
    expect(response.status).toBe(204);
    const error = await graphError(client.api(`${itemsPath(list)}/1`).get());
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe('itemNotFound');
  });

  it('returns only the selected fields with $expand=fields($select=…)', async () => {
    await client.api(itemsPath(list)).post({ fields: { Title: 't', SessionKey: 'k1', Gemeente: 'Lelystad', ScoreA: 2 } });
    const res = (await client.api(itemsPath(list)).expand('fields($select=SessionKey,ScoreA)').select('id,eTag').get()) as { value: (MG.ListItem & { fields: Record<string, unknown> })[] };
    const item = res.value[0];
    expect(item?.fields).toEqual({ '@odata.etag': item?.eTag, SessionKey: 'k1', ScoreA: 2 });
    expect(item?.createdDateTime).toBeUndefined();
  });

  it('leaves fields out unless they are expanded', async () => {
    await client.api(itemsPath(list)).post({ fields: { SessionKey: 'k1' } });
    const res = (await client.api(itemsPath(list)).get()) as { value: MG.ListItem[] };
    expect(res.value[0]?.fields).toBeUndefined();
  });
});

describe('$filter on list items', () => {
  let list: MG.List;
  beforeEach(async () => {
    list = await createSessionsList();
    const rows = [
      { SessionKey: "van 't Hof", Status: 'stap1', Onthuld: true, ScoreA: 1, Gemeente: 'Utrecht' },
      { SessionKey: 'b-2', Status: 'stap1', Onthuld: false, ScoreA: 2, Gemeente: 'Lelystad' },
      { SessionKey: 'b-3', Status: 'afgerond', Onthuld: true, ScoreA: 3, Gemeente: 'Leeuwarden' },
      { SessionKey: 'c-4', Status: 'voorbereiding', Onthuld: false, ScoreA: 4, Gemeente: 'Rotterdam' },
    ];
    for (const fields of rows) await client.api(itemsPath(list)).post({ fields });
  });

  async function keys(filter: string, prefer?: string): Promise<string[]> {
    let request = client.api(itemsPath(list)).expand('fields').filter(filter);
    if (prefer) request = request.header('Prefer', prefer);
    const res = (await request.get()) as { value: { fields: { SessionKey: string } }[] };
    return res.value.map((i) => i.fields.SessionKey);
  }

  it("matches string literals with '' escaping", async () => {
    expect(await keys("fields/SessionKey eq 'van ''t Hof'")).toEqual(["van 't Hof"]);
  });

  it('combines comparisons with and, or, not and parentheses', async () => {
    expect(await keys("fields/Status eq 'stap1' and fields/Onthuld eq true")).toEqual(["van 't Hof"]);
    expect(await keys("(fields/SessionKey eq 'b-2' or fields/SessionKey eq 'c-4') and fields/Onthuld eq false")).toEqual(['b-2', 'c-4']);
    expect(await keys("fields/SessionKey ne 'b-2' and not (fields/Status eq 'afgerond')")).toEqual(["van 't Hof", 'c-4']);
  });

  it('supports ranges and startswith on an indexed column', async () => {
    expect(await keys("startswith(fields/SessionKey,'b-')")).toEqual(['b-2', 'b-3']);
    expect(await keys("fields/SessionKey ge 'b-3' and fields/SessionKey lt 'c-9'")).toEqual(['b-3', 'c-4']);
  });

  it('refuses a filter on a non-indexed column without the Prefer header, naming the header', async () => {
    const error = await graphError(keys('fields/ScoreA gt 2'));
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('invalidRequest');
    expect(error.message).toContain("Field 'ScoreA' cannot be referenced in filter or orderby as it is not indexed");
    expect(error.message).toContain('HonorNonIndexedQueriesWarningMayFailRandomly');
  });

  it('runs a non-indexed filter on a small list with Prefer: HonorNonIndexedQueriesWarningMayFailRandomly', async () => {
    const prefer = 'HonorNonIndexedQueriesWarningMayFailRandomly';
    expect(await keys('fields/ScoreA gt 2', prefer)).toEqual(['b-3', 'c-4']);
    expect(await keys('fields/ScoreA le 2.5', prefer)).toEqual(["van 't Hof", 'b-2']);
    expect(await keys("startswith(fields/Gemeente,'Lee') or fields/Gemeente eq 'Utrecht'", prefer)).toEqual(["van 't Hof", 'b-3']);
  });

  it('answers malformed filters and unknown columns with 400', async () => {
    expect((await graphError(keys("fields/SessionKey eq 'open"))).statusCode).toBe(400);
    expect((await graphError(keys("fields/SessionKey like 'x'"))).statusCode).toBe(400);
    const unknown = await graphError(keys("fields/Onbekend eq 'x'"));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.message).toContain('Onbekend');
  });

  it('orders by an indexed column when asked', async () => {
    const res = (await client.api(itemsPath(list)).expand('fields').orderby('fields/SessionKey desc').get()) as { value: { fields: { SessionKey: string } }[] };
    expect(res.value.map((i) => i.fields.SessionKey)).toEqual(["van 't Hof", 'c-4', 'b-3', 'b-2']);
  });
});

describe('paging', () => {
  it('pages with $top and an absolute https nextLink that the SDK PageIterator follows', async () => {
    const list = await createSessionsList();
    emu.admin.bulkInsertItems(teamSiteId, list.id ?? '', Array.from({ length: 25 }, (_, i) => ({ SessionKey: i % 2 === 0 ? 'even' : 'odd', ScoreA: i })));
    const first = (await client.api(itemsPath(list)).expand('fields').filter("fields/SessionKey eq 'even'").top(5).get()) as PageCollection;
    expect(first.value).toHaveLength(5);
    expect(first['@odata.nextLink']).toMatch(/^https:\/\/graph\.microsoft\.com\/v1\.0\/sites\/.+\$skiptoken=/);
    const seen: number[] = [];
    const iterator = new PageIterator(client, first, (item: { fields: { ScoreA: number } }) => {
      seen.push(item.fields.ScoreA);
      return true;
    });
    await iterator.iterate();
    expect(seen).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24]);
    expect(iterator.isComplete()).toBe(true);
  });
});
