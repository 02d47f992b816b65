// One meeting per browser test file: a Graph emulator (in memory), the built app (dist/app, copied
// so this file's app-config.json points at this file's emulator), the meeting simulator, and a
// headless Debian Chromium. Everything listens on an ephemeral loopback port and is closed after the
// file. The production build must exist (`npx webpack --mode production`), as in `npm test`.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Frame, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../../../dev/graph-emulator';
import type { SeedUser } from '../../../dev/graph-emulator/seed';
import { startSimulatorServer, type SimulatorServer } from '../../../dev/teams-host/server';
import { emulatorTokenUrl, localAppConfig, registerSignInPage } from '../../../dev/teams-host/localSignIn';
import { loopbackCertificate } from '../../../dev/teams-host/tls';
import { SIGN_IN_PARAM, type SignInOffer } from '../../../dev/teams-host/meeting';

export const ROOT = path.resolve(__dirname, '../../..');
export const RESULTS_DIR = path.join(ROOT, 'test-results', 'e2e');

// Debian's Chromium runs headless as the full browser: every new window (each browser context) also
// built the omnibox popup's WebUI in its own renderer, which took about 4 s of one core's 4.8 s in a
// traced cold load of the side panel (bench/load.ts with BENCH_CDP_TRACE). No page of ours has an
// omnibox: those features are switched off, so tests and benches measure the app, not the browser's chrome.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup'];

export type SimulatorTheme = 'default' | 'dark' | 'contrast';

export interface MeetingWorld {
  emulator: RunningEmulator;
  server: SimulatorServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The copy of dist/app this file serves. */
  appDir: string;
  /** Uncaught errors and dialogs in any frame, for tests that must see none. */
  pageErrors: string[];
  dialogs: string[];
}

export interface MeetingSetup {
  /** The people in the meeting, organiser first unless `organiser` says otherwise. */
  users: readonly SeedUser[];
  organiser?: SeedUser;
  theme?: SimulatorTheme;
  /** Teams' language for every frame; Dutch when not given. */
  locale?: 'nl-NL' | 'en-US';
  view?: 'meeting' | 'config' | 'tab';
  /** Made presenter or co-organiser by the organiser; everyone else attends. */
  presenters?: readonly SeedUser[];
  coOrganisers?: readonly SeedUser[];
  /** Joined on a phone (Android): only the meeting tab, no side panel, no stage. */
  mobile?: readonly SeedUser[];
  /**
   * Whose client is open on the page; everyone's by default, so a test can click in any frame.
   * Collapsed clients keep running either way.
   */
  open?: 'all' | readonly SeedUser[];
  /** How every client offers sign-in: nested app auth (the default) or only Teams' authentication window. */
  signIn?: SignInOffer;
}

/**
 * Whether Playwright closes the browser itself on SIGINT, SIGTERM and SIGHUP (its default). It closes
 * it without ending the process, so a caller waiting on a page only sees "Target page, context or
 * browser has been closed"; a bench that wants to say it was stopped, and print what it measured so
 * far, handles the signals itself (playwright.dev/docs/api/class-browsertype#browser-type-launch).
 */
export interface LaunchSignals {
  playwrightHandlesSignals?: boolean;
}

export function launchChromium(options: LaunchSignals = {}): Promise<Browser> {
  if (!existsSync('/usr/bin/chromium')) throw new Error("Debian's chromium is missing: run scripts/ensure-chromium.sh");
  const handle = options.playwrightHandlesSignals ?? true;
  // playwright-core gives every launch its own temporary user-data-dir, removed on close.
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, handleSIGINT: handle, handleSIGTERM: handle, handleSIGHUP: handle });
}

/** A Chromium whose profile outlives it, so a test can kill it like a crash and start it again on the same disk. */
export interface PersistentChromium {
  context: BrowserContext;
  page: Page;
  /** SIGKILL of the browser process, as the operating system ends a hung or crashed browser; resolves once it is gone. */
  kill(): Promise<void>;
}

/** The browser process (not its renderers, which carry --type=) started on `userDataDir`. */
function browserProcessOn(userDataDir: string): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // ended while we looked
    }
    if (args.includes(`--user-data-dir=${userDataDir}`) && !args.some((a) => a.startsWith('--type='))) return Number(entry);
  }
  return null;
}

/**
 * Chromium on a profile directory the caller owns (chromium.launchPersistentContext): IndexedDB and
 * localStorage written by one launch are there for the next, as after a crash and a restart.
 * Playwright hands out no process for a persistent context, so kill() finds it by its unique
 * --user-data-dir (playwright-core passes the directory that way).
 */
export async function launchPersistentChromium(userDataDir: string): Promise<PersistentChromium> {
  if (!existsSync('/usr/bin/chromium')) throw new Error("Debian's chromium is missing: run scripts/ensure-chromium.sh");
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport: { width: 1800, height: 1100 } });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async kill() {
      const pid = browserProcessOn(userDataDir);
      if (pid === null) throw new Error(`no Chromium runs on ${userDataDir}`);
      const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
      process.kill(pid, 'SIGKILL');
      await closed;
      await eventually(async () => existsSync(`/proc/${pid}`), (alive) => !alive, `Chromium ${pid} to end`, 10_000);
    },
  };
}

/**
 * Serves a private copy of the production app whose runtime config points at `emulatorOrigin`. It signs
 * in as in production (dev/teams-host/localSignIn.ts): through the simulator's nested app auth bridge,
 * or Teams' authentication window where the simulator offers no NAA (`?signin=dialog`).
 */
export async function serveApp(emulatorOrigin: string, options: WorldOptions = {}): Promise<{ server: SimulatorServer; appDir: string; cleanup: () => Promise<void> }> {
  const built = path.join(ROOT, 'dist', 'app');
  const hostDir = path.join(ROOT, 'dist', 'host');
  if (!existsSync(path.join(built, 'index.html')) || !existsSync(path.join(hostDir, 'index.html'))) {
    throw new Error('dist/ is not built: run `npx webpack --mode production` first (npm test does)');
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'gesprekstool-e2e-'));
  const appDir = path.join(dir, 'app');
  cpSync(built, appDir, { recursive: true });
  const server = await startSimulatorServer({ port: 0, appDir, hostDir, stateFile: path.join(dir, 'simulator-state.json'), tokenUrl: emulatorTokenUrl(emulatorOrigin), ...(options.https ? { tls: loopbackCertificate() } : {}) });
  // The server reads files per request, so the config can name the origin it got.
  writeFileSync(path.join(appDir, 'app-config.json'), JSON.stringify(localAppConfig(emulatorOrigin, server.origin)));
  await registerSignInPage(emulatorOrigin, server.origin);
  return {
    server,
    appDir,
    cleanup: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface WorldOptions {
  /**
   * Serve the app and the simulator over https (a throwaway loopback certificate the browser is told to
   * accept), as Teams does: teams-js opens Teams' authentication window only for an https page.
   */
  https?: boolean;
}

/** Starts the world before this file's tests and closes it after; call the result inside tests. */
export function meetingPerTestFile(options: WorldOptions = {}): () => MeetingWorld {
  let world: MeetingWorld | undefined;
  let cleanupApp: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const emulator = await startEmulator({ port: 0, dataDir: ':memory:', seed: 7 });
    const served = await serveApp(emulator.origin, options);
    cleanupApp = served.cleanup;
    const browser = await launchChromium();
    // axe-core/playwright opens a helper page in the same context, which browser.newPage() does not allow.
    const context = await browser.newContext({ viewport: { width: 1800, height: 1100 }, acceptDownloads: true, ...(options.https ? { ignoreHTTPSErrors: true } : {}) });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    const dialogs: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    world = { emulator, server: served.server, browser, context, page, appDir: served.appDir, pageErrors, dialogs };
  });
  afterAll(async () => {
    await world?.browser.close();
    await cleanupApp?.();
    await world?.emulator.close();
  });
  return () => {
    if (!world) throw new Error('the meeting is not running yet: call this inside a test or hook');
    return world;
  };
}

export function simulatorUrl(world: Pick<MeetingWorld, 'server'>, setup: MeetingSetup): string {
  const params = new URLSearchParams();
  if (setup.view && setup.view !== 'meeting') params.set('view', setup.view);
  if (setup.theme && setup.theme !== 'default') params.set('theme', setup.theme);
  if (setup.locale && setup.locale !== 'nl-NL') params.set('locale', setup.locale);
  if (setup.signIn !== undefined && setup.signIn !== 'naa') params.set('signin', SIGN_IN_PARAM[setup.signIn]);
  params.set('users', setup.users.map((u) => u.id).join(','));
  params.set('organiser', (setup.organiser ?? setup.users[0])?.id ?? '');
  const ids = (users: readonly SeedUser[] | undefined) => (users ?? []).map((u) => u.id).join(',');
  if (setup.presenters?.length) params.set('presenters', ids(setup.presenters));
  if (setup.coOrganisers?.length) params.set('coorganisers', ids(setup.coOrganisers));
  if (setup.mobile?.length) params.set('mobile', ids(setup.mobile));
  params.set('open', setup.open === undefined || setup.open === 'all' ? 'all' : ids(setup.open));
  return `${world.server.url}?${params.toString()}`;
}

// ---- the surfaces, as the simulator frames them -------------------------------------------------

const cardOf = (kind: string, upn?: string) => `[data-frame-kind="${kind}"]${upn ? `[data-user-upn="${upn}"]` : ''}`;
/**
 * Every participant on a computer has a stage of their own while something is shared. Without a
 * user: the organiser's (the facilitator's in every test, who organises).
 */
const stageOf = (user?: SeedUser) => (user ? cardOf('meetingStage', user.userPrincipalName) : `[data-role="organiser"] ${cardOf('meetingStage')}`);
/** The Tabblad view's tab (the organiser's), or a phone participant's tab in their client. */
const tabOf = (user?: SeedUser) => cardOf('content', user?.userPrincipalName);

export const surfaces = {
  sidePanelCard: (page: Page, user: SeedUser): Locator => page.locator(cardOf('sidePanel', user.userPrincipalName)),
  sidePanel: (page: Page, user: SeedUser): FrameLocator => page.frameLocator(`${cardOf('sidePanel', user.userPrincipalName)} iframe`),
  stageCard: (page: Page, user?: SeedUser): Locator => page.locator(stageOf(user)),
  stage: (page: Page, user?: SeedUser): FrameLocator => page.frameLocator(`${stageOf(user)} iframe`),
  configCard: (page: Page): Locator => page.locator(cardOf('settings')),
  config: (page: Page): FrameLocator => page.frameLocator(`${cardOf('settings')} iframe`),
  tabCard: (page: Page, user?: SeedUser): Locator => page.locator(tabOf(user)),
  tab: (page: Page, user?: SeedUser): FrameLocator => page.frameLocator(`${tabOf(user)} iframe`),
  /** A participant's client on the simulator page (the strip and what it opens to). */
  client: (page: Page, user: SeedUser): Locator => page.locator(`[data-client-upn="${user.userPrincipalName}"]`),
};

/** Opens a participant's collapsed client on the simulator page (a no-op when it is open). */
export async function openClient(page: Page, user: SeedUser): Promise<void> {
  const toggle = surfaces.client(page, user).locator('.client-toggle');
  if ((await toggle.getAttribute('aria-expanded', { timeout: 20_000 })) !== 'true') await toggle.click();
}

/** The playwright Frame behind a card's iframe (for evaluate and text of the whole document). */
export async function frameOf(card: Locator): Promise<Frame> {
  const handle = await card.locator('iframe').elementHandle({ timeout: 20_000 });
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('the card has no app frame');
  return frame;
}

/**
 * Waits until the document holding `target` has played out its running animations, as a person
 * waits for a panel to finish opening before ticking a box in it. Fluent's motion (an accordion
 * panel's 200 ms collapse, a dialog's fade) runs on the Web Animations API, which no stylesheet
 * switches off: mid-way a panel is half transparent (axe then measures washed-out colours) and its
 * content still moves (a press that goes down on a box and up beside it ticks nothing). Endless
 * animations (a spinner) are not waited for.
 */
export async function motionSettled(target: Locator | Frame): Promise<void> {
  const element = 'childFrames' in target ? target.locator(':root') : target;
  await element.evaluate(async (node: Element) => {
    const playing = node.ownerDocument.getAnimations().filter((animation) => animation.playState === 'running' && Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)));
    await Promise.all(playing.map((animation) => animation.finished.catch(() => undefined)));
    await new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  });
}

/** Waits until the simulator says the app in the card called appInitialization.success. */
export async function waitReady(card: Locator, timeout = 30_000): Promise<void> {
  await card.and(card.page().locator('[data-status="ready"]')).waitFor({ timeout });
}

/** Screenshot of one surface (the iframe as the meeting shows it) into test-results/e2e/. */
export async function screenshot(target: Locator | Page, name: string): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  if ('locator' in target && 'goto' in target) await target.screenshot({ path: file, fullPage: true });
  else await (target as Locator).screenshot({ path: file });
}

/** Polls `read` until `accept` holds, then returns the value; on timeout throws with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown = null;
  for (;;) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}${lastError ? `; last error: ${String(lastError)}` : ''}`);
}

/**
 * The first session item's fields as SharePoint holds them, read with a token of `reader` (an owner of
 * the site, e.g. the facilitator): what a browser test checks the app wrote.
 */
export async function storedSession(world: Pick<MeetingWorld, 'emulator'>, siteId: string, reader: SeedUser): Promise<Record<string, unknown>> {
  const token = world.emulator.admin.issueToken({ upn: reader.userPrincipalName, scopes: ['Sites.Read.All'] });
  const path = `/sites/${encodeURIComponent(siteId)}/lists/${encodeURIComponent('Gesprekstool sessies')}/items?expand=fields&$top=10`;
  const response = await fetch(`${world.emulator.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  const items = ((await response.json()) as { value: { fields: Record<string, unknown> }[] }).value;
  return items[0]?.fields ?? {};
}
