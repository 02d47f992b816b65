// The session pickers' search against the strict emulator: a municipality with 5,000 earlier sessions
// in a sessions list past SharePoint's 5,000-item threshold, so a filter on a column without an index
// is refused. A session far beyond the history's first page is found by the start of its title and
// by its day, each in one request of a few KB.
import { HTTPMessageHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { harnessPerFile, SEED } from './harness';
import { HISTORY_PAGE_SIZE } from '../../../src/graph/sessionStore';
import { SEARCH_LIMIT } from '../../../src/graph/sessionSearch';
import { BadRequestError } from '../../../src/graph/errors';
import { fetchToken } from '../support/emulatorClient';

const { users } = SEED;
const harness = harnessPerFile();

/** The real transport, recording each request's URL and the size of the answer's body. */
class MeasuringTransport implements Middleware {
  readonly seen: { url: string; bytes: number }[] = [];
  private readonly inner = new HTTPMessageHandler();
  async execute(context: Context): Promise<void> {
    await this.inner.execute(context);
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const bytes = context.response ? (await context.response.clone().arrayBuffer()).byteLength : 0;
    this.seen.push({ url, bytes });
  }
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const keyText = (n: number) => Array.from({ length: 8 }, (_, i) => ALPHABET[Math.floor(n / 32 ** i) % 32]).join('');
const day = (i: number) => new Date(Date.UTC(2012, 5, 1) + i * 86_400_000).toISOString().slice(0, 10);
const COUNT = 5000;
/** The sought session: the 100th of 5,000, far beyond the first page of 50. */
const SOUGHT = 100;

async function seed() {
  const h = harness();
  const store = h.services(users.facilitator.userPrincipalName).store(h.location);
  await store.provision();
  const list = (h.emulator.admin.state() as { lists: { id: string; display_name: string }[] }).lists.find((l) => l.display_name === 'Gesprekstool sessies');
  const item = (i: number, municipality: string, title: string) => ({
    Title: title,
    SessionKey: `${day(i).replace(/-/g, '')}-${keyText(i + (municipality === 'Zoekdorp' ? 0 : 1_000_000))}`,
    Gemeente: municipality,
    Datum: `${day(i)}T10:00:00Z`,
    Stap: 'Afgesloten',
  });
  const items = Array.from({ length: COUNT }, (_, i) => item(i, 'Zoekdorp', i === SOUGHT ? 'Begroting en armoede' : `Sessie ${i}`));
  // Another municipality's session with the same title and day: never offered.
  items.push(item(SOUGHT, 'Elders', 'Begroting en armoede'));
  // More than 5,000 items in the list: SharePoint now refuses filters on columns without an index.
  for (let i = 0; i < 200; i += 1) items.push(item(i, 'Elders', `Elders ${i}`));
  h.emulator.admin.bulkInsertItems(h.location.siteId, list?.id ?? '', items, users.facilitator.id);
  return { h, key: items[SOUGHT]?.SessionKey ?? '' };
}

describe('searching the history for the session pickers', () => {
  it('finds a session beyond the first page by the start of its title and by its day, in one small request each', async () => {
    const { h, key } = await seed();
    const transport = new MeasuringTransport();
    const store = h.services(users.facilitator.userPrincipalName, { transport }).store(h.location);

    const first = await store.findSessionPage({ municipality: 'Zoekdorp' });
    expect(first.sessions).toHaveLength(HISTORY_PAGE_SIZE);
    expect(first.sessions.map((s) => s.key)).not.toContain(key);
    const pageBytes = transport.seen.at(-1)?.bytes ?? 0;

    for (const text of ['begr', 'Begroting en', `${day(SOUGHT).split('-').reverse().join('-')}`]) {
      transport.seen.length = 0;
      h.emulator.admin.clearRequests();
      const found = await store.searchSessions({ municipality: 'Zoekdorp', text });
      expect({ text, found: found.filter((s) => s.key === key).map((s) => [s.title, s.municipality]) }).toEqual({ text, found: [['Begroting en armoede', 'Zoekdorp']] });
      expect(found.every((s) => s.municipality === 'Zoekdorp')).toBe(true);
      expect(found.length).toBeLessThanOrEqual(SEARCH_LIMIT);
      expect(h.emulator.admin.requests().roundTrips).toBe(1);
      expect(h.emulator.admin.requests().byStatus).toEqual({ '200': 1 });
      const [request] = transport.seen;
      expect(request?.url).toMatch(/\/lists\/Gesprekstool%20sessies\/items\?\$expand=fields\(\$select=Title,SessionKey,Gemeente,Datum,Stap,MeetingId\)&\$filter=.+&\$top=20&\$orderby=/);
      expect(request?.bytes).toBeLessThan(20_000);
      // For the report: what one search costs next to the history's first page.
      process.stdout.write(`search '${text}': ${found.length} sessions, ${request?.bytes ?? 0} bytes (history page: ${pageBytes} bytes)\n${decodeURIComponent(request?.url ?? '')}\n`);
    }
  });

  it("quotes in the municipality and in what is typed ('s-Hertogenbosch) are sent as text, not as OData", async () => {
    const h = harness();
    const store = h.services(users.facilitator.userPrincipalName).store(h.location);
    await store.provision();
    const list = (h.emulator.admin.state() as { lists: { id: string; display_name: string }[] }).lists.find((l) => l.display_name === 'Gesprekstool sessies');
    const item = (i: number, title: string) => ({ Title: title, SessionKey: `${day(i).replace(/-/g, '')}-${keyText(i)}`, Gemeente: "'s-Hertogenbosch", Datum: `${day(i)}T10:00:00Z`, Stap: 'Afgesloten' });
    h.emulator.admin.bulkInsertItems(h.location.siteId, list?.id ?? '', [item(1, "'s-Hertogenbosch en de GGD"), item(2, 'Sessie 2'), item(3, "Den Bosch' or 1 eq 1")], users.facilitator.id);
    const found = await store.searchSessions({ municipality: "'s-Hertogenbosch", text: "'s-Hert" });
    expect(found.map((s) => s.title)).toEqual(["'s-Hertogenbosch en de GGD"]);
    // A typed quote that tries to close the string and add a condition finds only the title that starts with it.
    const injected = await store.searchSessions({ municipality: "'s-Hertogenbosch", text: "Den Bosch' or 1 eq 1" });
    expect(injected.map((s) => s.title)).toEqual(["Den Bosch' or 1 eq 1"]);
  });

  it('a month asks for its days (a day of slack either side), newest first, at most 20; too short or unknown text finds nothing', async () => {
    const { h } = await seed();
    const store = h.services(users.facilitator.userPrincipalName).store(h.location);
    const inMonth = await store.searchSessions({ municipality: 'Zoekdorp', text: 'september 2012' });
    const keys = inMonth.map((s) => s.key);
    expect(keys).toHaveLength(SEARCH_LIMIT);
    expect(keys).toEqual([...keys].sort().reverse());
    expect(keys.every((k) => k >= '20120831' && k < '20121002')).toBe(true);
    expect(inMonth.every((s) => s.municipality === 'Zoekdorp')).toBe(true);
    expect(await store.searchSessions({ municipality: 'Zoekdorp', text: 'b' })).toEqual([]);
    expect(await store.searchSessions({ municipality: 'Zoekdorp', text: 'Geen zo titel' })).toEqual([]);
  });

  it('a day without a year asks for that day in each year since 2018, in one request whose URL stays short', async () => {
    const { h } = await seed();
    const transport = new MeasuringTransport();
    const store = h.services(users.facilitator.userPrincipalName, { transport }).store(h.location);
    h.emulator.admin.clearRequests();
    // The seeded sessions run one a day from June 2012 to February 2026.
    const found = await store.searchSessions({ municipality: 'Zoekdorp', text: '18 augustus', thisYear: 2026 });
    expect(h.emulator.admin.requests().roundTrips).toBe(1);
    const days = found.map((s) => s.key.slice(0, 8));
    // 17, 18 and 19 August (a day of slack either side) of 2018–2025, newest first, at most 20.
    expect(days).toHaveLength(SEARCH_LIMIT);
    expect(days.slice(0, 3)).toEqual(['20250819', '20250818', '20250817']);
    expect(days.every((d) => d.slice(0, 4) >= '2018' && ['0817', '0818', '0819'].includes(d.slice(4)))).toBe(true);
    const url = transport.seen[0]?.url ?? '';
    process.stdout.write(`search '18 augustus': ${found.length} sessions, ${transport.seen[0]?.bytes ?? 0} bytes, URL ${url.length} characters\n`);
    // Ten ranges at most keep the request short, however many years the municipality has used the tool.
    expect(url.length).toBeLessThan(2_048);
    // Without the year it is, only titles that start with the text are asked for.
    expect(await store.searchSessions({ municipality: 'Zoekdorp', text: '18 augustus' })).toEqual([]);
  });

  it('on a sessions list from before Title was indexed, a day is still found and a title is refused as SharePoint refuses it', async () => {
    const { h, key } = await seed();
    const lists = `${h.emulator.url}/sites/${encodeURIComponent(h.location.siteId)}/lists/${encodeURIComponent('Gesprekstool sessies')}`;
    const headers = { Authorization: `Bearer ${await fetchToken(h.emulator.url, users.facilitator.userPrincipalName)}`, 'Content-Type': 'application/json' };
    const columns = (await (await fetch(`${lists}/columns`, { headers })).json()) as { value: { id: string; name: string }[] };
    const title = columns.value.find((c) => c.name === 'Title');
    expect((await fetch(`${lists}/columns/${title?.id ?? ''}`, { method: 'PATCH', headers, body: JSON.stringify({ indexed: false }) })).status).toBe(200);
    const store = h.services(users.facilitator.userPrincipalName).store(h.location);
    await expect(store.searchSessions({ municipality: 'Zoekdorp', text: 'Begroting' })).rejects.toBeInstanceOf(BadRequestError);
    const byDay = await store.searchSessions({ municipality: 'Zoekdorp', text: day(SOUGHT) });
    expect(byDay.map((s) => s.key)).toContain(key);
    // Provisioning again indexes it, and the title is found.
    expect((await store.provision()).addedColumns).toEqual(['Gesprekstool sessies: Title (index)']);
    expect((await store.searchSessions({ municipality: 'Zoekdorp', text: 'Begroting' })).map((s) => s.key)).toEqual([key]);
  });
});
