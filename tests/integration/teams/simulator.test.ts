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
  user: { userPrincipalName: string | null };
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
const stage = () => page.frameLocator('[data-frame-kind="meetingStage"] iframe');

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

const { facilitator, debtCounsellor, ggdNurse, healthPolicy } = SEED.users;

it('a meeting without the app opens the configuration page; Save there puts the app in a stage and three side panels', async () => {
  await page.goto(server.url);
  const settings = await contextIn(page.frameLocator('[data-frame-kind="settings"] iframe'));
  expect(settings).toMatchObject({ kind: 'teams', surface: 'settings', entityId: null, user: { userPrincipalName: facilitator.userPrincipalName } });
  // The toolbar names who is organiser before the meeting view was ever shown.
  expect(await page.locator('#organiser option:checked').textContent()).toBe(facilitator.displayName);

  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.waitForSelector('[data-frame-kind="sidePanel"] iframe');
  expect(await sidePanels().count()).toBe(3);
  const people = await Promise.all([facilitator, debtCounsellor, ggdNurse].map((user) => contextIn(sidePanelOf(user.userPrincipalName))));
  expect(people.map((p) => [p.surface, p.user.userPrincipalName, p.entityId])).toEqual([
    ['sidePanel', facilitator.userPrincipalName, 'sessie-probe'],
    ['sidePanel', debtCounsellor.userPrincipalName, 'sessie-probe'],
    ['sidePanel', ggdNurse.userPrincipalName, 'sessie-probe'],
  ]);
  expect(people.map((p) => p.canShare)).toEqual([true, false, false]);
  await expect(page.getByText('Nog niets gedeeld op het podium.').isVisible()).resolves.toBe(true);
});

it('only the organiser can share; sharing opens the app on the stage and leaves the side panels running', async () => {
  const participant = sidePanelOf(debtCounsellor.userPrincipalName);
  await participant.locator('#share').click();
  await expect(participant.locator('#share[data-result]').getAttribute('data-result')).resolves.toMatch(/^refused: Alleen de organisator/);

  const organiser = sidePanelOf(facilitator.userPrincipalName);
  await organiser.locator('#share').click();
  await expect(organiser.locator('#share[data-result]').getAttribute('data-result')).resolves.toBe('shared');
  expect(await contextIn(stage())).toMatchObject({ surface: 'stage', user: { userPrincipalName: facilitator.userPrincipalName } });
  // The participant's earlier refusal is still on screen: sharing did not reload the side panels.
  await expect(participant.locator('#share').getAttribute('data-result')).resolves.toMatch(/^refused/);
});

it('a theme switch reaches every running frame; a language switch restarts them in that language', async () => {
  await page.selectOption('#theme', 'contrast');
  await eventually(async () => (await contextIn(stage())).theme, 'contrast');
  await eventually(async () => (await contextIn(sidePanelOf(ggdNurse.userPrincipalName))).theme, 'contrast');

  await page.selectOption('#locale', 'en-US');
  await eventually(async () => (await contextIn(sidePanelOf(ggdNurse.userPrincipalName))).locale, 'en-US');
  await page.selectOption('#theme', 'default');
  await page.selectOption('#locale', 'nl-NL');
});

it('what the organiser shared stays on the stage when the meeting is opened again (a reload), as Teams keeps it for late joiners', async () => {
  await page.reload();
  expect(await contextIn(stage())).toMatchObject({ surface: 'stage', user: { userPrincipalName: facilitator.userPrincipalName } });
});

it('the organiser can stop sharing, which empties the stage, also after a reload', async () => {
  await page.getByRole('button', { name: 'Delen stoppen' }).click();
  await eventually(() => page.getByText('Nog niets gedeeld op het podium.').isVisible(), true);
  expect(await page.locator('[data-frame-kind="meetingStage"] iframe').count()).toBe(0);
  await page.reload();
  await page.waitForSelector('[data-frame-kind="sidePanel"] iframe');
  await expect(page.getByText('Nog niets gedeeld op het podium.').isVisible()).resolves.toBe(true);
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
