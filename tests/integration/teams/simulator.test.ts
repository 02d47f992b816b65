// The meeting simulator in headless Chromium, with a probe app that uses the real host adapter and
// the real teams-js: what a developer sees after `npm start`, minus the Graph emulator.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type FrameLocator, type Page } from 'playwright-core';
import { SEED } from '../../../dev/graph-emulator/seed';
import { type SimulatorServer, startSimulatorServer } from '../../../dev/teams-host/server';

jest.setTimeout(90_000);

const root = path.resolve(__dirname, '../../..');
const PORT = 4320;

let out: string;
let server: SimulatorServer;
let browser: Browser;
let page: Page;
/** Requests for anything but the simulator's own origin, and who answered them. */
const offMachine: { url: string; answeredBy: 'service worker' | 'network' | 'nobody' }[] = [];

interface ProbeContext {
  kind: string;
  surface: string;
  theme: string;
  locale: string;
  hostClientType: string;
  user: { userPrincipalName: string | null; tenantId: string | null };
  entityId: string | null;
  canShare: boolean;
}

async function contextIn(frame: FrameLocator): Promise<ProbeContext> {
  return JSON.parse((await frame.locator('#context').textContent({ timeout: 15_000 })) ?? 'null') as ProbeContext;
}

/** Polls until `read` gives `expected` (deep equality), then asserts it, so a failure shows the last value. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await read().catch(() => undefined);
  while (!isDeepStrictEqual(last, expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read().catch(() => undefined);
  }
  expect(last).toEqual(expected);
}

const sidePanels = () => page.locator('[data-frame-kind="sidePanel"]');
const sidePanelOf = (upn: string) => page.frameLocator(`[data-frame-kind="sidePanel"][data-user-upn="${upn}"] iframe`);
const stageCardOf = (upn: string) => page.locator(`[data-frame-kind="meetingStage"][data-user-upn="${upn}"]`);
const stageOf = (upn: string) => page.frameLocator(`[data-frame-kind="meetingStage"][data-user-upn="${upn}"] iframe`);
const tabOf = (upn: string) => page.frameLocator(`[data-frame-kind="content"][data-user-upn="${upn}"] iframe`);
const clientOf = (upn: string) => page.locator(`[data-client-upn="${upn}"]`);
const toggleOf = (upn: string) => clientOf(upn).locator('.client-toggle');

/** Opens a participant's collapsed client on the page (their frames run either way). */
async function openClient(upn: string): Promise<void> {
  if ((await toggleOf(upn).getAttribute('aria-expanded')) !== 'true') await toggleOf(upn).click();
}

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'simulator-'));
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--env', 'appEntry=tests/integration/teams/probe-app.ts', '--env', `outDir=${out}`],
    { cwd: root, stdio: 'pipe' },
  );
  server = await startSimulatorServer({ port: PORT, appDir: path.join(out, 'app'), hostDir: path.join(out, 'host'), stateFile: path.join(out, 'state.json') });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  // axe-core/playwright opens a helper page in the same context, which browser.newPage() does not allow.
  const context = await browser.newContext({ viewport: { width: 1800, height: 1000 } });
  page = await context.newPage();
  const external = (url: string) => !url.startsWith(server.origin) && !url.startsWith('data:');
  page.on('response', (response) => {
    if (external(response.url())) offMachine.push({ url: response.url(), answeredBy: response.fromServiceWorker() ? 'service worker' : 'network' });
  });
  page.on('requestfailed', (request) => {
    // A frame closed mid-request (a reload, another view) aborts it; that is not the network failing.
    if (external(request.url()) && request.failure()?.errorText !== 'net::ERR_ABORTED') offMachine.push({ url: request.url(), answeredBy: 'nobody' });
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

const { facilitator, debtCounsellor, ggdNurse, healthPolicy, ggdGuest, externalPartner } = SEED.users;

it('a meeting without the app opens the configuration page; Save there gives every participant a client with a side panel, the organiser’s open', async () => {
  await page.goto(server.url);
  const settings = await contextIn(page.frameLocator('[data-frame-kind="settings"] iframe'));
  expect(settings).toMatchObject({ kind: 'teams', surface: 'settings', entityId: null, user: { userPrincipalName: facilitator.userPrincipalName } });
  // The toolbar names who is organiser before the meeting view was ever shown.
  expect(await page.locator('#organiser option:checked').textContent()).toBe(facilitator.displayName);

  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.waitForSelector('[data-frame-kind="sidePanel"] iframe');
  expect(await sidePanels().count()).toBe(3);
  // Collapsed clients run too: every side panel answers as its own person.
  const people = await Promise.all([facilitator, debtCounsellor, ggdNurse].map((user) => contextIn(sidePanelOf(user.userPrincipalName))));
  expect(people.map((p) => [p.surface, p.user.userPrincipalName, p.entityId])).toEqual([
    ['sidePanel', facilitator.userPrincipalName, 'sessie-probe'],
    ['sidePanel', debtCounsellor.userPrincipalName, 'sessie-probe'],
    ['sidePanel', ggdNurse.userPrincipalName, 'sessie-probe'],
  ]);
  expect(people.map((p) => p.canShare)).toEqual([true, false, false]);
  expect(await Promise.all([facilitator, debtCounsellor, ggdNurse].map((u) => toggleOf(u.userPrincipalName).getAttribute('aria-expanded')))).toEqual(['true', 'false', 'false']);
  await expect(toggleOf(facilitator.userPrincipalName).textContent()).resolves.toContain('organisator');
  await expect(stageCardOf(facilitator.userPrincipalName).getByText('Nog niets gedeeld op het podium.').isVisible()).resolves.toBe(true);
});

it('a collapsed client keeps running as a visible Teams window: its frame is ready and reports visibilityState visible', async () => {
  const card = page.locator(`[data-frame-kind="sidePanel"][data-user-upn="${ggdNurse.userPrincipalName}"]`);
  await card.and(page.locator('[data-status="ready"]')).waitFor({ state: 'attached', timeout: 15_000 });
  await expect(card.isVisible()).resolves.toBe(false);
  const frame = await (await card.locator('iframe').elementHandle())?.contentFrame();
  expect(await frame?.evaluate(() => [document.visibilityState, window.innerWidth])).toEqual(['visible', 320]);
});

it('an attendee may not share; the organiser may, and then every participant’s client shows the stage as that person', async () => {
  await openClient(debtCounsellor.userPrincipalName);
  const participant = sidePanelOf(debtCounsellor.userPrincipalName);
  await participant.locator('#share').click();
  await expect(participant.locator('#share[data-result]').getAttribute('data-result')).resolves.toMatch(/^refused: Alleen organisatoren en presentatoren/);

  const organiser = sidePanelOf(facilitator.userPrincipalName);
  await organiser.locator('#share').click();
  await expect(organiser.locator('#share[data-result]').getAttribute('data-result')).resolves.toBe('shared');
  const stages = await Promise.all([facilitator, debtCounsellor, ggdNurse].map((user) => contextIn(stageOf(user.userPrincipalName))));
  expect(stages.map((s) => [s.surface, s.user.userPrincipalName])).toEqual([
    ['stage', facilitator.userPrincipalName],
    ['stage', debtCounsellor.userPrincipalName],
    ['stage', ggdNurse.userPrincipalName],
  ]);
  // The participant's earlier refusal is still on screen: sharing did not reload the side panels.
  await expect(participant.locator('#share').getAttribute('data-result')).resolves.toMatch(/^refused/);
});

it('the organiser can make an attendee a presenter, shown in their client; the presenter may then share', async () => {
  await page.getByRole('combobox', { name: `Rol van ${debtCounsellor.displayName}` }).selectOption('presenter');
  await eventually(() => clientOf(debtCounsellor.userPrincipalName).getAttribute('data-role'), 'presenter');
  await expect(toggleOf(debtCounsellor.userPrincipalName).textContent()).resolves.toContain('presentator');
  const presenter = sidePanelOf(debtCounsellor.userPrincipalName);
  await eventually(async () => (await contextIn(presenter)).canShare, true);
  await presenter.locator('#share').click();
  await expect(presenter.locator('#share[data-result]').getAttribute('data-result')).resolves.toBe('shared');
  expect(new URL(page.url()).searchParams.get('presenters')).toBe(debtCounsellor.id);

  await page.getByRole('combobox', { name: `Rol van ${debtCounsellor.displayName}` }).selectOption('attendee');
  await eventually(async () => (await contextIn(sidePanelOf(debtCounsellor.userPrincipalName))).canShare, false);
});

it('a theme switch reaches every running frame; a language switch restarts them in that language', async () => {
  await page.selectOption('#theme', 'contrast');
  await eventually(async () => (await contextIn(stageOf(facilitator.userPrincipalName))).theme, 'contrast');
  await eventually(async () => (await contextIn(stageOf(ggdNurse.userPrincipalName))).theme, 'contrast');
  await eventually(async () => (await contextIn(sidePanelOf(ggdNurse.userPrincipalName))).theme, 'contrast');

  await page.selectOption('#locale', 'en-US');
  await eventually(async () => (await contextIn(sidePanelOf(ggdNurse.userPrincipalName))).locale, 'en-US');
  await page.selectOption('#theme', 'default');
  await page.selectOption('#locale', 'nl-NL');
});

it('what was shared stays on every stage when the meeting is opened again (a reload), as Teams keeps it for late joiners', async () => {
  await page.reload();
  expect(await contextIn(stageOf(facilitator.userPrincipalName))).toMatchObject({ surface: 'stage', user: { userPrincipalName: facilitator.userPrincipalName } });
  expect(await contextIn(stageOf(ggdNurse.userPrincipalName))).toMatchObject({ surface: 'stage', user: { userPrincipalName: ggdNurse.userPrincipalName } });
});

it('stopping the share empties every stage, also after a reload', async () => {
  await page.getByRole('button', { name: 'Delen stoppen' }).click();
  await eventually(() => stageCardOf(facilitator.userPrincipalName).getByText('Nog niets gedeeld op het podium.').isVisible(), true);
  expect(await page.locator('[data-frame-kind="meetingStage"] iframe').count()).toBe(0);
  await page.reload();
  await page.waitForSelector('[data-frame-kind="sidePanel"] iframe');
  await expect(stageCardOf(facilitator.userPrincipalName).getByText('Nog niets gedeeld op het podium.').isVisible()).resolves.toBe(true);
  expect(await page.locator('[data-frame-kind="meetingStage"] iframe').count()).toBe(0);
});

it('participants can join and leave, and the organiser can hand over', async () => {
  await page.selectOption('#add-user', healthPolicy.id);
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await eventually(() => sidePanels().count(), 4);
  expect((await contextIn(sidePanelOf(healthPolicy.userPrincipalName))).canShare).toBe(false);

  await page.selectOption('#organiser', healthPolicy.id);
  await eventually(async () => (await contextIn(sidePanelOf(healthPolicy.userPrincipalName))).canShare, true);
  expect((await contextIn(sidePanelOf(facilitator.userPrincipalName))).canShare).toBe(false);

  await page.getByRole('button', { name: `${healthPolicy.displayName} verwijderen` }).click();
  await eventually(() => sidePanels().count(), 3);
});

it('a participant on a phone has only the meeting tab, 360 px wide, with a phone client type and no stage', async () => {
  await page.getByRole('combobox', { name: `Apparaat van ${ggdNurse.displayName}` }).selectOption('android');
  await openClient(ggdNurse.userPrincipalName);
  expect(await contextIn(tabOf(ggdNurse.userPrincipalName))).toMatchObject({
    surface: 'tab',
    hostClientType: 'android',
    entityId: 'sessie-probe',
    user: { userPrincipalName: ggdNurse.userPrincipalName },
  });
  expect(await clientOf(ggdNurse.userPrincipalName).locator('[data-frame-kind]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-frame-kind')))).toEqual(['content']);
  expect((await clientOf(ggdNurse.userPrincipalName).locator('iframe').boundingBox())?.width).toBe(360);

  // Sharing gives everyone on a computer a stage, and the phone none.
  await sidePanelOf(facilitator.userPrincipalName).locator('#share').click();
  await eventually(() => page.locator('[data-frame-kind="meetingStage"] iframe').count(), 2);
  expect(await clientOf(ggdNurse.userPrincipalName).locator('[data-frame-kind="meetingStage"]').count()).toBe(0);
  expect(new URL(page.url()).searchParams.get('mobile')).toBe(ggdNurse.id);
});

it('the GGD guest and the external partner join as themselves: the guest in the municipality’s tenant, the partner in their own, each with a stage', async () => {
  for (const user of [ggdGuest, externalPartner]) {
    await page.selectOption('#add-user', user.id);
    await page.getByRole('button', { name: 'Toevoegen' }).click();
  }
  await eventually(() => clientOf(externalPartner.userPrincipalName).getAttribute('data-account'), 'external');
  expect(await clientOf(ggdGuest.userPrincipalName).getAttribute('data-account')).toBe('guest');
  await expect(toggleOf(externalPartner.userPrincipalName).textContent()).resolves.toContain('extern, Stichting Welzijn Voorbeeld');
  await expect(toggleOf(ggdGuest.userPrincipalName).textContent()).resolves.toContain('gast, GGD West-Brabant');

  const guest = await contextIn(sidePanelOf(ggdGuest.userPrincipalName));
  expect(guest.user).toMatchObject({ userPrincipalName: ggdGuest.userPrincipalName, tenantId: SEED.tenantId });
  const partnerPanel = await contextIn(sidePanelOf(externalPartner.userPrincipalName));
  const partnerStage = await contextIn(stageOf(externalPartner.userPrincipalName));
  expect([partnerPanel.user, partnerStage.user]).toEqual([
    expect.objectContaining({ userPrincipalName: externalPartner.userPrincipalName, tenantId: SEED.partnerTenantId }),
    expect.objectContaining({ userPrincipalName: externalPartner.userPrincipalName, tenantId: SEED.partnerTenantId }),
  ]);
});

it('shared as a screen share, only the sharer’s client runs the stage; everyone else, the external partner included, sees the sharer’s view and cannot act in it', async () => {
  const organiser = sidePanelOf(facilitator.userPrincipalName);
  await organiser.locator('#share-screen').click();
  await expect(organiser.locator('#share-screen[data-result]').getAttribute('data-result')).resolves.toBe('shared');
  await eventually(() => stageCardOf(externalPartner.userPrincipalName).getAttribute('data-screen-share-of'), facilitator.userPrincipalName);
  expect(await stageCardOf(facilitator.userPrincipalName).getAttribute('data-screen-share-of')).toBeNull();
  // What the partner sees is the facilitator's stage (their context, their sign-in), not a client of their own.
  const seen = await contextIn(stageOf(externalPartner.userPrincipalName));
  expect(seen.user.userPrincipalName).toBe(facilitator.userPrincipalName);
  expect(await stageCardOf(externalPartner.userPrincipalName).locator('iframe').evaluate((frame) => (frame as HTMLIFrameElement).inert)).toBe(true);
  // Back to sharing the app itself: every client runs its own stage again.
  await organiser.locator('#share').click();
  await eventually(() => stageCardOf(externalPartner.userPrincipalName).getAttribute('data-screen-share-of'), null);
  expect((await contextIn(stageOf(externalPartner.userPrincipalName))).user.userPrincipalName).toBe(externalPartner.userPrincipalName);
});

it('roles, phones and open clients come from the address bar, like the participants', async () => {
  const url = new URL(server.url);
  url.search = new URLSearchParams({
    users: [facilitator.id, debtCounsellor.id, ggdNurse.id, externalPartner.id].join(','),
    organiser: facilitator.id,
    coorganisers: debtCounsellor.id,
    presenters: externalPartner.id,
    ios: ggdNurse.id,
    open: 'all',
  }).toString();
  await page.goto(url.toString());
  await page.waitForSelector('[data-frame-kind="sidePanel"] iframe');
  const facts = await page.locator('[data-client-upn]').evaluateAll((items) => items.map((i) => [i.getAttribute('data-role'), i.getAttribute('data-client'), i.querySelector('.client-toggle')?.getAttribute('aria-expanded')]));
  expect(facts).toEqual([
    ['organiser', 'web', 'true'],
    ['coOrganiser', 'web', 'true'],
    ['attendee', 'ios', 'true'],
    ['presenter', 'web', 'true'],
  ]);
  expect((await contextIn(sidePanelOf(externalPartner.userPrincipalName))).canShare).toBe(true);
  expect((await contextIn(tabOf(ggdNurse.userPrincipalName))).hostClientType).toBe('ios');
  await page.getByRole('button', { name: 'Delen stoppen' }).click();
  await page.goto(server.url);
});

it('remembers the configured tab: a reload goes straight to the meeting, and the tab shows the app', async () => {
  await page.reload();
  await page.waitForSelector('[data-frame-kind="sidePanel"] iframe');
  await page.getByRole('button', { name: 'Tabblad' }).click();
  expect(await contextIn(page.frameLocator('[data-frame-kind="content"] iframe'))).toMatchObject({ surface: 'tab', entityId: 'sessie-probe' });
});

it('the simulator page itself passes axe (WCAG 2.1 AA) in every theme', async () => {
  for (const theme of ['default', 'dark', 'contrast']) {
    await page.selectOption('#theme', theme);
    // The app frames are the app's business (its own browser tests); this checks the page around them.
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('iframe').analyze();
    expect(results.violations.map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.selectOption('#theme', 'default');
});

it('teams-js’s request for its CDN origin list is answered locally, so nothing fails or leaves the machine', () => {
  expect(offMachine.length).toBeGreaterThan(0);
  expect(offMachine.filter((request) => request.answeredBy !== 'service worker')).toEqual([]);
  expect(new Set(offMachine.map((request) => request.url))).toEqual(new Set(['https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json']));
});
