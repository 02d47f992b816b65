// How heavy and how fast the side panel is on a cold start, the way a participant's Teams client
// loads it: the meeting has the app on the stage, so the stage and the side panel start together in
// one page. Prints the JavaScript the side panel's browser must fetch (raw and gzip -9) in three
// sets — render-blocking (the <script>s of index.html), the side panel's own total before it is
// interactive, and that total with MSAL (which nested app auth inside Teams loads before the first
// Graph call; the simulator answers its bridge here as Teams does), beside the facilitator's panel,
// the stage, the meeting tab and the configuration page (one extra cold load each; most people in a
// meeting are participants, whose set is the target) — and the time until the side panel is
// usable over cold loads of the meeting simulator in headless Chromium, at each Graph latency asked
// for (the emulator's faults.latencyMs). Every figure is printed beside its target. It is not a test.
//
//   npm run bench:load                     builds the app into a private temp dir first (dist/ untouched,
//                                          so it does not race other builds or the browser tests)
//   npm run bench:load -- --dist           measures the existing dist/ build instead
//   npm run bench:load -- --dist /tmp/old  measures the build in /tmp/old/app + /tmp/old/host (e.g. an older commit's)
//   npm run bench:load -- --runs 9 --graph-latency 0,50,150
//   npm run bench:load -- --no-stage       nothing on the stage: what the stage loading beside the side panel costs (no verdict)
//   npm run bench:load -- --cpu-slowdown 2 the page's CPU slowed down 2× (DevTools' CPU throttling): a slower
//                                          computer than this one, e.g. a municipality's laptop (no verdict)
//
// Beside each cold load it prints when the stage, loading in the same page, showed its heading (the
// session's title): the stage lets the side panel start first (src/app/startTurn.ts), and this is
// what that costs the stage.
//
// "Interactive" means: inside the side panel's iframe the join form's "Meedoen" button is rendered,
// visible and enabled and its domain radio group has its radios. The time is measured in the
// browser: a MutationObserver in the app frame notes the first moment that holds, on the same
// epoch clock (performance.timeOrigin + now) as the simulator page's navigation start. The wall
// clock of Playwright's goto + waitFor is printed beside it as a cross-check (it adds the polling
// and the DevTools round trips).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { SEED, startEmulator, type RunningEmulator } from '../dev/graph-emulator';
import type { SeedUser } from '../dev/graph-emulator/seed';
import { startSimulatorServer, type SimulatorServer } from '../dev/teams-host/server';
import { emulatorTokenUrl, localAppConfig } from '../dev/teams-host/localSignIn';
import { loopbackCertificate } from '../dev/teams-host/tls';
import { configureTab, join, shareToStage, SITE_URL_OF } from '../tests/e2e/support/flows';
import { launchChromium } from '../tests/e2e/support/meeting';

const ROOT = path.resolve(__dirname, '..');
const VIEWPORT = { width: 1280, height: 900 };
const INTERACTIVE_TIMEOUT_MS = 60_000;
/** The session the bench's meeting holds (configureMeeting). */
const MEETING_TITLE = 'Meetsessie laadtijd';

// The budget of issue 15 (a side panel inside Teams' budget); each figure is printed beside it.
const TARGET = {
  renderBlockingGzip: 160 * 1024,
  withMsalGzip: 300 * 1024,
  /** Frame start → side panel interactive, median, by Graph latency. */
  frameToInteractiveMs: (latencyMs: number) => (latencyMs === 0 ? 500 : latencyMs <= 150 ? 1000 : null),
};

interface Options {
  /** null: build into a temp dir; otherwise a directory holding app/ and host/. */
  distDir: string | null;
  runs: number;
  graphLatenciesMs: number[];
  /** Serve the app over plain HTTP/1.1 instead of https with HTTP/2, to see what the protocol costs. */
  http1: boolean;
  /** false (--no-stage): the meeting's stage stays empty, to see what the stage loading beside the side panel costs. Not the measure of the target. */
  stage: boolean;
  /**
   * --floor [dir]: measure bench/floor/main.ts built as the app (in dir, or built now) instead of the
   * app, with no stage: the required libraries doing a side panel's start with none of the app's code.
   * The app still configures the meeting first. Not the measure of the target.
   */
  floor: { distDir: string | null } | null;
  /**
   * --cpu-slowdown <n>: every cold load's renderer runs n× slower (CDP Emulation.setCPUThrottlingRate,
   * https://chromedevtools.github.io/devtools-protocol/tot/Emulation/#method-setCPUThrottlingRate), so
   * the figure shows what a slower computer than the bench's sees. 1 = as fast as this machine. The
   * targets are this machine's: a slowed run is printed without a verdict.
   */
  cpuSlowdown: number;
}

const USAGE = 'npm run bench:load [-- --dist [dir]] [--runs <n>] [--graph-latency <ms>[,<ms>…]] [--http1] [--no-stage] [--floor [dir]] [--cpu-slowdown <n>]';

/** A mistake on the command line: answered with its sentence and USAGE, without a stack trace. */
class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const options: Options = { distDir: null, runs: 5, graphLatenciesMs: [0, 150], http1: false, stage: true, floor: null, cpuSlowdown: 1 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const number = (text: string | undefined) => {
      const value = Number(text);
      if (text === undefined || text === '' || !Number.isFinite(value) || value < 0) throw new UsageError(`${arg} needs a non-negative number.`);
      return value;
    };
    if (arg === '--dist') {
      const dir = argv[i + 1];
      options.distDir = dir !== undefined && !dir.startsWith('--') ? path.resolve(argv[++i] as string) : path.join(ROOT, 'dist');
    } else if (arg === '--runs') options.runs = Math.max(1, Math.round(number(argv[++i])));
    else if (arg === '--http1') options.http1 = true;
    else if (arg === '--no-stage') options.stage = false;
    else if (arg === '--floor') {
      const dir = argv[i + 1];
      options.floor = { distDir: dir !== undefined && !dir.startsWith('--') ? path.resolve(argv[++i] as string) : null };
    }
    else if (arg === '--cpu-slowdown') {
      options.cpuSlowdown = number(argv[++i]);
      if (options.cpuSlowdown < 1) throw new UsageError('--cpu-slowdown needs a factor of 1 or more.');
    } else if (arg === '--graph-latency') options.graphLatenciesMs = (argv[++i] ?? '').split(',').map(number);
    else throw new UsageError(`Unknown option ${arg}.`);
  }
  // The floor is the side panel alone: its stage would start without the app's turn-taking.
  if (options.floor) options.stage = false;
  return options;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

function table(rows: string[][], rightAligned: number[] = []): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (rightAligned.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

interface Built {
  appDir: string;
  hostDir: string;
  /** Removes what this run built; a no-op for dist/. */
  remove: () => void;
}

function productionBuild(distDir: string | null, floor = false): Built {
  if (distDir !== null) {
    const appDir = path.join(distDir, 'app');
    const hostDir = path.join(distDir, 'host');
    if (!existsSync(path.join(appDir, 'index.html')) || !existsSync(path.join(hostDir, 'index.html'))) {
      throw new Error(`${distDir} is not built: run \`npx webpack --mode production\`, or leave out --dist`);
    }
    return { appDir, hostDir, remove: () => undefined };
  }
  const outDir = mkdtempSync(path.join(tmpdir(), 'gesprekstool-bench-load-'));
  const started = performance.now();
  process.stdout.write(`building the production app into ${outDir} … `);
  const entry = floor ? ['--env', 'appEntry=bench/floor/main.ts'] : [];
  const result = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--env', `outDir=${outDir}`, ...entry], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`webpack failed:\n${result.stdout}${result.stderr}`);
  }
  console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { appDir: path.join(outDir, 'app'), hostDir: path.join(outDir, 'host'), remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

interface FileSize {
  raw: number;
  gzip: number;
}

const sizeCache = new Map<string, FileSize>();
function sizeOf(file: string): FileSize {
  let size = sizeCache.get(file);
  if (!size) {
    const bytes = readFileSync(file);
    size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    sizeCache.set(file, size);
  }
  return size;
}

const sum = (sizes: FileSize[]): FileSize => sizes.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });

/** What one cold load saw, in ms from the simulator page's navigation start (browser clock). */
interface Run {
  interactive: number;
  /** Playwright's goto + waitFor, node's clock. */
  wallClock: number;
  /** When the side panel's iframe started navigating to the app. */
  frameStart: number;
  /** When the scripts index.html names had arrived (the first wave, before any app code ran). */
  indexScriptsIn: number;
  /** When the last app script the side panel needed had arrived (incl. chunks loaded on demand). */
  scriptsIn: number;
  /** App scripts the side panel requested before it was interactive, by file name. */
  scripts: string[];
  /** Requests the side panel made to the Graph emulator before it was interactive. */
  graphRequests: number;
  /** App scripts the stage frame (loading beside the side panel) had requested once its page settled. */
  stageScripts: string[];
  /** Stage frame start → the stage shows its heading (NaN without a stage): what the side panel's head start costs the stage. */
  stageShows: number;
  /**
   * Frame start → interactive when the side panel opens again while the stage runs (the frame
   * reloaded once the page settled): how a participant meets it in Teams, where the app is on the
   * stage first and the side panel opens on a click. The browser's cache holds the scripts then.
   */
  reopened: number;
}

// Runs in every frame of every page of the context (Playwright injects it before the page's own
// scripts). Only an app frame inside the simulator watches; it stores the first interactive moment.
// A string, not a function: tsx's transform adds helpers (__name) that do not exist in the page.
const WATCH_FOR_INTERACTIVE = `(() => {
  if (window === window.top || location.pathname.startsWith('/teams-host/')) return;
  const isVisible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const interactive = () => {
    const join = Array.from(document.querySelectorAll('button')).find((b) => (b.textContent || '').trim() === 'Meedoen');
    if (!join || join.disabled || join.getAttribute('aria-disabled') === 'true' || !isVisible(join)) return false;
    const radios = Array.from(document.querySelectorAll('[role="radiogroup"] input[type="radio"]'));
    return radios.length > 0 && radios.every((r) => !r.disabled);
  };
  let done;
  window.__benchInteractive = new Promise((resolve) => { done = resolve; });
  // The stage's own start: the first moment its page shows a visible heading (the session's title).
  const shows = () => Array.from(document.querySelectorAll('h1')).some(isVisible);
  const observer = new MutationObserver(() => {
    if (window.__benchShowsAt === undefined && shows()) window.__benchShowsAt = performance.timeOrigin + performance.now();
    if (!interactive()) return;
    window.__benchInteractiveAt = performance.timeOrigin + performance.now();
    observer.disconnect();
    done();
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

/** The app frame inside the first simulator card matching `card` (a CSS selector), once it is there. */
async function appFrame(page: Page, card: string): Promise<Frame> {
  const handle = await page.locator(`${card} iframe`).first().elementHandle({ timeout: INTERACTIVE_TIMEOUT_MS });
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`no app frame in ${card}`);
  return frame;
}

const sidePanelCard = (user: SeedUser) => `[data-frame-kind="sidePanel"][data-user-upn="${user.userPrincipalName}"]`;

async function sidePanelFrame(page: Page, user: SeedUser): Promise<Frame> {
  return appFrame(page, sidePanelCard(user));
}

/**
 * Waits in the frame for the watcher's promise (WATCH_FOR_INTERACTIVE): one awaited evaluation, since
 * polling a locator would run Playwright's selector engine on the main thread of the load it measures.
 */
async function untilInteractive(frame: Frame, what: string): Promise<void> {
  await frame.evaluate(
    ({ timeout, message }) =>
      Promise.race([(window as unknown as { __benchInteractive: Promise<void> }).__benchInteractive, new Promise((_, reject) => setTimeout(() => reject(new Error(message)), timeout))]),
    { timeout: INTERACTIVE_TIMEOUT_MS, message: `${what} did not become interactive` },
  );
}

async function coldLoad(browser: Browser, url: string, user: SeedUser, appOrigin: string, emulatorOrigin: string, fromIndex: string[], withStage: boolean, cpuSlowdown: number): Promise<Run> {
  // A new context is a new profile in memory: empty HTTP cache, no service worker, no storage.
  const context: BrowserContext = await browser.newContext({ viewport: VIEWPORT, ignoreHTTPSErrors: true });
  try {
    await context.addInitScript({ content: WATCH_FOR_INTERACTIVE });
    const page = await context.newPage();
    // The app frames are same-origin with the simulator page here, so they run in its renderer: its throttling is theirs.
    if (cpuSlowdown !== 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    const requested = recordAppScripts(page, appOrigin);
    // BENCH_CDP_TRACE=<file>: a Chromium performance trace of this cold load (open it in DevTools' Performance panel).
    const tracePath = process.env.BENCH_CDP_TRACE;
    if (tracePath) await browser.startTracing(page, { path: tracePath, screenshots: false, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing', 'loading', 'netlog'] });
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    const frame = await sidePanelFrame(page, user);
    await frame.waitForURL((target) => target.pathname.startsWith('/') && target.searchParams.has('session'), { timeout: INTERACTIVE_TIMEOUT_MS });
    await untilInteractive(frame, 'the side panel');
    const wallClock = performance.now() - t0;
    if (tracePath) await browser.stopTracing();
    await frame.waitForFunction(() => (window as unknown as { __benchInteractiveAt?: number }).__benchInteractiveAt !== undefined, undefined, { timeout: 5_000 });
    const topOrigin = await page.evaluate(() => performance.timeOrigin);
    const seen = await frame.evaluate((graphOrigin) => {
      const interactiveAt = (window as unknown as { __benchInteractiveAt: number }).__benchInteractiveAt;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const before = resources.filter((r) => performance.timeOrigin + r.startTime <= interactiveAt);
      return {
        interactiveAt,
        frameOrigin: performance.timeOrigin,
        // A script preloaded by index.html's <link rel="preload"> counts as much as one a <script> asked for.
        scripts: before.filter((r) => (r.initiatorType === 'script' || (r.initiatorType === 'link' && new URL(r.name).pathname.endsWith('.js'))) && new URL(r.name).origin === location.origin).map((r) => ({ name: r.name, start: r.startTime, end: r.responseEnd })),
        graph: before.filter((r) => new URL(r.name).origin === graphOrigin && r.initiatorType !== 'other').length,
      };
    }, emulatorOrigin);
    const toTop = (frameTime: number) => seen.frameOrigin + frameTime - topOrigin;
    const fileName = (url: string) => path.posix.basename(new URL(url).pathname);
    const lastEnd = (entries: { end: number }[]) => (entries.length ? toTop(Math.max(...entries.map((e) => e.end))) : Number.NaN);
    // The frame's own resource timing knows what it fetched before it was interactive; Playwright's
    // responses say it was a script response for that frame (not the simulator's own bundle).
    const inFrame = new Set(requested.filter((r) => r.frame === frame).map((r) => r.file));
    const scripts = seen.scripts.map((s) => fileName(s.name)).filter((f) => inFrame.has(f));
    // The stage loaded beside the side panel (what made the start slower than a side panel alone);
    // its own set is read once its page has settled, for the per-surface sizes.
    const stageFrame = withStage ? await (await page.locator('[data-frame-kind="meetingStage"] iframe').elementHandle({ timeout: INTERACTIVE_TIMEOUT_MS }))?.contentFrame() : null;
    if (stageFrame) await stageFrame.waitForLoadState('load');
    await page.waitForTimeout(1_500);
    const stageShows = stageFrame
      ? await stageFrame.evaluate(() => {
          const at = (window as unknown as { __benchShowsAt?: number }).__benchShowsAt;
          return at === undefined ? Number.NaN : at - performance.timeOrigin;
        })
      : Number.NaN;
    const stageScripts = stageFrame ? [...new Set(requested.filter((r) => r.frame === stageFrame).map((r) => r.file))] : [];
    // The side panel closed and opened again with the stage running: a new document in the same frame.
    await frame.goto(frame.url(), { waitUntil: 'commit' });
    await frame.waitForFunction(() => (window as unknown as { __benchInteractive?: Promise<void> }).__benchInteractive !== undefined, undefined, { timeout: INTERACTIVE_TIMEOUT_MS });
    await untilInteractive(frame, 'the reopened side panel');
    const reopened = await frame.evaluate(() => (window as unknown as { __benchInteractiveAt: number }).__benchInteractiveAt - performance.timeOrigin);
    if (process.env.BENCH_TRACE) {
      for (const script of seen.scripts) console.log(`  ${fileName(script.name).padEnd(26)} requested ${ms(toTop(script.start)).padStart(8)}  in ${ms(toTop(script.end)).padStart(8)}`);
    }
    return {
      interactive: seen.interactiveAt - topOrigin,
      wallClock,
      frameStart: seen.frameOrigin - topOrigin,
      indexScriptsIn: lastEnd(seen.scripts.filter((s) => fromIndex.includes(fileName(s.name)))),
      scriptsIn: lastEnd(seen.scripts),
      scripts: [...new Set(scripts)],
      graphRequests: seen.graph,
      stageScripts,
      stageShows,
      reopened,
    };
  } finally {
    await context.close();
  }
}

/** Every script of the app (not the simulator's) the page's frames fetch, with the frame that asked. */
function recordAppScripts(page: Page, appOrigin: string): { file: string; frame: Frame }[] {
  const requested: { file: string; frame: Frame }[] = [];
  page.on('response', (response) => {
    const request = response.request();
    const target = new URL(request.url());
    if (request.resourceType() !== 'script' || target.origin !== appOrigin || target.pathname.startsWith('/teams-host/')) return;
    requested.push({ file: path.posix.basename(target.pathname), frame: request.frame() });
  });
  return requested;
}

/**
 * A surface other than the participant's side panel, for the size table only (its time is not a
 * target): one cold load of `url`, and the app scripts the frame of `card` fetched until `ready` holds
 * in it and the page has settled (what loads after the first render, such as the facilitator's moves).
 */
async function surfaceScripts(browser: Browser, url: string, appOrigin: string, card: string, ready: (frame: Frame) => Promise<void>): Promise<string[]> {
  const context = await browser.newContext({ viewport: VIEWPORT, ignoreHTTPSErrors: true });
  try {
    const page = await context.newPage();
    const requested = recordAppScripts(page, appOrigin);
    await page.goto(url, { waitUntil: 'commit' });
    const frame = await appFrame(page, card);
    await ready(frame);
    await page.waitForTimeout(1_500);
    return [...new Set(requested.filter((r) => r.frame === frame).map((r) => r.file))];
  } finally {
    await context.close();
  }
}

/** The sets measured beside the participant's side panel: the facilitator's panel, the meeting tab, the configuration page. */
async function otherSurfaces(browser: Browser, server: SimulatorServer, facilitator: SeedUser): Promise<{ facilitator: string[]; tab: string[]; config: string[] }> {
  const meeting = `${server.url}?users=${facilitator.id}&organiser=${facilitator.id}`;
  const timeout = INTERACTIVE_TIMEOUT_MS;
  return {
    // The organiser, joined: the moves, their confirmation dialog and the on-behalf forms.
    facilitator: await surfaceScripts(browser, meeting, server.origin, sidePanelCard(facilitator), (frame) =>
      frame.getByRole('heading', { name: 'Gespreksleider' }).waitFor({ timeout }),
    ),
    // The meeting's tab on a computer: the review page (a phone's tab shows the side panel's steps instead).
    tab: await surfaceScripts(browser, `${meeting}&view=tab`, server.origin, '[data-frame-kind="content"]', (frame) =>
      frame.getByRole('heading', { name: MEETING_TITLE }).first().waitFor({ timeout }),
    ),
    // The configuration page (here the configured tab's settings), until its groups are in.
    config: await surfaceScripts(browser, `${meeting}&view=config`, server.origin, '[data-frame-kind="settings"]', async (frame) => {
      await frame.getByRole('heading', { name: /^(Gesprekstool instellen|Instellingen van de sessie)$/ }).waitFor({ timeout });
      await frame.locator('option', { hasText: 'Groepen laden…' }).waitFor({ state: 'detached', timeout });
    }),
  };
}

/**
 * Seeds the meeting the way an organiser does: the configuration page, once, with a fresh session;
 * then the organiser joins and shares the app to the stage, so every later client loads the stage
 * beside its side panel, as Teams does for someone who joins a meeting with the app on the stage.
 */
async function configureMeeting(browser: Browser, server: SimulatorServer, organiser: SeedUser, share: boolean): Promise<void> {
  const context = await browser.newContext({ viewport: VIEWPORT, ignoreHTTPSErrors: true });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}?users=${organiser.id}&organiser=${organiser.id}`);
    await configureTab(page, {
      siteUrl: SITE_URL_OF(SEED.sites.team),
      groupName: SEED.groups.team.displayName,
      municipality: 'Voorbeeld',
      title: MEETING_TITLE,
      purpose: 'monitoring',
    });
    await page.goto(`${server.url}?users=${organiser.id}&organiser=${organiser.id}`);
    await join(page, organiser, 'Armoede en schulden');
    if (share) await shareToStage(page, organiser);
  } finally {
    await context.close();
  }
}

const verdict = (value: number, target: number | null) => (target === null ? '' : value <= target ? 'ok' : 'OVER');

function sizeSetRows(label: string, files: string[], fileOf: (f: string) => string, fromIndex: string[]): { rows: string[][]; total: FileSize } {
  const rows: string[][] = [];
  for (const f of files) {
    const s = sizeOf(fileOf(f));
    rows.push([`  ${f}`, fromIndex.includes(f) ? 'index.html' : 'chunk, on demand', kb(s.raw), kb(s.gzip), '', '']);
  }
  const total = sum(files.map((f) => sizeOf(fileOf(f))));
  return { rows: [[`${label} (${files.length} files)`, '', kb(total.raw), kb(total.gzip), '', ''], ...rows], total };
}

async function measureAt(browser: Browser, emulator: RunningEmulator, server: SimulatorServer, options: Options, latencyMs: number, fromIndex: string[]): Promise<Run[]> {
  emulator.admin.setFaults({ latencyMs });
  const { debtCounsellor } = SEED.users;
  // A participant (not the facilitator) joins a meeting whose stage shows the app: one side panel and the stage.
  const url = `${server.url}?users=${debtCounsellor.id}&organiser=${debtCounsellor.id}`;
  const runs: Run[] = [];
  for (let i = 0; i < options.runs; i += 1) {
    const run = await coldLoad(browser, url, debtCounsellor, server.origin, emulator.origin, fromIndex, options.stage, options.cpuSlowdown);
    runs.push(run);
    console.log(`Graph latency ${latencyMs} ms, cold load ${i + 1}/${options.runs}: frame → interactive ${ms(run.interactive - run.frameStart)}; opened again${options.stage ? ' beside the running stage' : ''} ${ms(run.reopened)}`);
  }
  return runs;
}

/** The target holds for the meeting as Teams loads it, with the stage; --no-stage runs are printed without a verdict. */
function printTimes(runs: Run[], latencyMs: number, withStage: boolean, cpuSlowdown: number): { median: number; target: number | null } {
  const columns: [string, (r: Run) => number, (v: number) => string][] = [
    ['interactive', (r) => r.interactive, ms],
    ['wall clock', (r) => r.wallClock, ms],
    ['app frame starts', (r) => r.frameStart, ms],
    ['index.html JS in', (r) => r.indexScriptsIn, ms],
    ['all app JS in', (r) => r.scriptsIn, ms],
    ['frame → interactive', (r) => r.interactive - r.frameStart, ms],
    ['JS share', (r) => (100 * (r.scriptsIn - r.frameStart)) / (r.interactive - r.frameStart), (v) => `${v.toFixed(0)} %`],
    ['Graph requests', (r) => r.graphRequests, (v) => String(v)],
    [withStage ? 'opened beside running stage' : 'opened again', (r) => r.reopened, ms],
    ...(withStage ? [['stage frame → shows', (r: Run) => r.stageShows, ms] as [string, (r: Run) => number, (v: number) => string]] : []),
  ];
  const timeRows = [['run', ...columns.map(([title]) => title)]];
  runs.forEach((r, i) => timeRows.push([String(i + 1), ...columns.map(([, value, format]) => format(value(r)))]));
  timeRows.push(['median', ...columns.map(([, value, format]) => format(median(runs.map(value))))]);
  timeRows.push(['max', ...columns.map(([, value, format]) => format(Math.max(...runs.map(value))))]);
  console.log(`\n-- Graph emulator latency ${latencyMs} ms (CORS preflights included)${cpuSlowdown === 1 ? '' : `, CPU ${cpuSlowdown}× slower (no verdict)`}, ${runs.length} cold loads --`);
  console.log(table(timeRows, columns.map((_, i) => i + 1)));
  return { median: median(runs.map((r) => r.interactive - r.frameStart)), target: withStage && cpuSlowdown === 1 ? TARGET.frameToInteractiveMs(latencyMs) : null };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const built = productionBuild(options.distDir);
  const floor = options.floor ? productionBuild(options.floor.distDir, true) : null;
  const workDir = mkdtempSync(path.join(tmpdir(), 'gesprekstool-bench-serve-'));
  let emulator: RunningEmulator | undefined;
  let server: SimulatorServer | undefined;
  let browser: Browser | undefined;
  try {
    emulator = await startEmulator({ port: 0, dataDir: ':memory:', seed: 11 });
    // A private copy of the app, so its app-config.json can name this run's emulator.
    const appDir = path.join(workDir, 'app');
    cpSync(built.appDir, appDir, { recursive: true });
    // Signed in as inside Teams: MSAL's nested app auth through the simulator's bridge (dev/teams-host/localSignIn.ts).
    // Over https, which Teams requires of an app, and so HTTP/2 as the hosts an app is deployed to speak
    // it: over HTTP/1.1 the stage's and the side panel's scripts queue for the browser's 6 connections
    // to one origin (--http1 measures that).
    server = await startSimulatorServer({ port: 0, appDir, hostDir: built.hostDir, stateFile: path.join(workDir, 'simulator-state.json'), tokenUrl: emulatorTokenUrl(emulator.origin), ...(options.http1 ? {} : { tls: loopbackCertificate() }) });
    writeFileSync(path.join(appDir, 'app-config.json'), JSON.stringify(localAppConfig(emulator.origin, server.origin)));

    browser = await launchChromium();
    await configureMeeting(browser, server, SEED.users.facilitator, options.stage);
    // The floor takes the app's place once the app has configured the meeting (its config stays).
    if (floor) cpSync(floor.appDir, appDir, { recursive: true, filter: (source) => path.basename(source) !== 'app-config.json' });

    // What the frames load: the floor's files once it took the app's place, else the app's.
    const measuredDir = floor ? floor.appDir : built.appDir;
    const fileOf = (name: string) => path.join(measuredDir, name);
    const indexHtml = readFileSync(fileOf('index.html'), 'utf8');
    const fromIndex = [...indexHtml.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => path.posix.basename(m[1]!));

    const { facilitator } = SEED.users;
    // The floor has no facilitator's controls to wait for.
    const others = options.floor ? null : await otherSurfaces(browser, server, facilitator);
    const facilitatorSet = others?.facilitator ?? [];
    const byLatency: { latencyMs: number; runs: Run[] }[] = [];
    for (const latencyMs of options.graphLatenciesMs) byLatency.push({ latencyMs, runs: await measureAt(browser, emulator, server, options, latencyMs, fromIndex) });
    const runs = byLatency.flatMap((b) => b.runs);

    // ---- sizes -------------------------------------------------------------------------------
    // The side panel's set = requested before interactive in every run (a chunk seen in only some runs is listed apart).
    const everyRun = runs.map((r) => new Set(r.scripts));
    const union = [...new Set(runs.flatMap((r) => r.scripts))];
    const order = (f: string) => (fromIndex.includes(f) ? fromIndex.indexOf(f) : fromIndex.length);
    const bySize = (a: string, b: string) => order(a) - order(b) || sizeOf(fileOf(b)).raw - sizeOf(fileOf(a)).raw;
    const initial = union.filter((f) => everyRun.every((s) => s.has(f))).sort(bySize);
    const sometimes = union.filter((f) => !initial.includes(f));
    const stage = [...new Set(runs.flatMap((r) => r.stageScripts))].sort(bySize);
    const allJs = readdirSync(measuredDir).filter((f) => f.endsWith('.js') && statSync(fileOf(f)).isFile());
    const msal = allJs.filter((f) => f.startsWith('msal.') || f.startsWith('msal-'));

    const blocking = sizeSetRows('render-blocking: the <script>s of index.html', fromIndex, fileOf, fromIndex);
    const surface = sizeSetRows('side panel: all JS before interactive', initial, fileOf, fromIndex);
    const withMsal = sum([surface.total, ...msal.filter((f) => !initial.includes(f)).map((f) => sizeOf(fileOf(f)))]);
    // The facilitator's panel: what the participant's needs, plus the facilitator's own chunk(s).
    const facilitatorExtra = facilitatorSet.filter((f) => !initial.includes(f) && !msal.includes(f)).sort(bySize);
    const facilitatorTotal = sum([withMsal, ...facilitatorExtra.map((f) => sizeOf(fileOf(f)))]);
    const stageSet = sizeSetRows('stage: all JS once settled', stage, fileOf, fromIndex);
    const sizeRows = [['JavaScript set', 'how it loads', 'raw', 'gzip -9', 'target gzip', '']];
    sizeRows.push(...blocking.rows);
    sizeRows[1]![4] = `≤ ${kb(TARGET.renderBlockingGzip)}`;
    sizeRows[1]![5] = verdict(blocking.total.gzip, TARGET.renderBlockingGzip);
    sizeRows.push(...surface.rows);
    sizeRows.push([`side panel inside Teams: + ${msal.join(', ') || '(no msal chunk found)'}`, 'nested app auth, before the first Graph call', kb(withMsal.raw), kb(withMsal.gzip), `≤ ${kb(TARGET.withMsalGzip)}`, verdict(withMsal.gzip, TARGET.withMsalGzip)]);
    sizeRows.push([`facilitator's side panel inside Teams: the above + ${facilitatorExtra.length} files`, 'once the moves show', kb(facilitatorTotal.raw), kb(facilitatorTotal.gzip), '', '']);
    for (const f of facilitatorExtra) sizeRows.push([`  ${f}`, 'chunk, on demand', kb(sizeOf(fileOf(f)).raw), kb(sizeOf(fileOf(f)).gzip), '', '']);
    sizeRows.push(...stageSet.rows);
    if (others) {
      sizeRows.push(...sizeSetRows('meeting tab on a computer (the review page): all JS once settled', [...others.tab].sort(bySize), fileOf, fromIndex).rows);
      sizeRows.push(...sizeSetRows('configuration page: all JS once its groups are in', [...others.config].sort(bySize), fileOf, fromIndex).rows);
    }
    const allSize = sum(allJs.map((f) => sizeOf(fileOf(f))));
    sizeRows.push([`all of app/ (${allJs.length} .js files)`, 'for context', kb(allSize.raw), kb(allSize.gzip), '', '']);
    console.log(`\n${table(sizeRows, [2, 3])}`);
    if (sometimes.length) console.log(`requested by the side panel before interactive in some runs only: ${sometimes.join(', ')}`);

    // ---- times -------------------------------------------------------------------------------
    console.log(
      `\n${options.floor ? 'LIBRARY FLOOR (--floor: bench/floor/main.ts as the app, none of its code; a diagnosis, not the measure of the target). ' : ''}Side panel of ${SEED.users.debtCounsellor.displayName} ${options.stage ? 'with the app on the stage beside it' : 'with nothing on the stage (--no-stage: a diagnosis, not the measure of the target)'}, cold loads (new browser context each: empty cache), headless Chromium, ` +
        'loopback (no network throttling).\n' +
        'Times from the simulator page\'s navigation start (browser clock) until the join form\'s "Meedoen" button and domain radios are visible and enabled;\n' +
        '"app frame starts" = the side panel iframe begins loading the app; "index.html JS in" = its <script> files have arrived; "all app JS in" = the last app script it needed\n' +
        '(incl. chunks imported on demand) has arrived; "frame → interactive" = the app\'s own part (the rest is the simulator page); "JS share" = the part of\n' +
        '"frame → interactive" before all app JS was in (BENCH_TRACE=1 prints each script\'s request and arrival); Graph requests = the frame\'s fetches to the emulator before interactive.',
    );
    const summary = [['figure', 'measured', 'target', '']];
    summary.push(['render-blocking JS (gzip -9)', kb(blocking.total.gzip), `≤ ${kb(TARGET.renderBlockingGzip)}`, verdict(blocking.total.gzip, TARGET.renderBlockingGzip)]);
    summary.push(['side panel JS (gzip -9)', kb(surface.total.gzip), '', '']);
    summary.push(['side panel JS + MSAL (gzip -9)', kb(withMsal.gzip), `≤ ${kb(TARGET.withMsalGzip)}`, verdict(withMsal.gzip, TARGET.withMsalGzip)]);
    summary.push(["facilitator's side panel JS + MSAL (gzip -9)", kb(facilitatorTotal.gzip), '', '']);
    for (const { latencyMs, runs: atLatency } of byLatency) {
      const { median: value, target } = printTimes(atLatency, latencyMs, options.stage, options.cpuSlowdown);
      summary.push([`frame → ${options.floor ? 'library floor' : 'side panel'} interactive, median at ${latencyMs} ms Graph latency${options.stage ? '' : ', no stage'}${options.cpuSlowdown === 1 ? '' : `, CPU ${options.cpuSlowdown}× slower`}`, ms(value), target === null ? '' : `≤ ${ms(target)}`, verdict(value, target)]);
      summary.push([`  the same, opened again${options.stage ? ' beside the running stage' : ''} (scripts cached)`, ms(median(atLatency.map((r) => r.reopened))), '', '']);
      if (options.stage) summary.push(['  the stage beside it: its frame → its heading shown', ms(median(atLatency.map((r) => r.stageShows))), '', '']);
    }
    console.log(`\n${table(summary, [1])}`);
  } finally {
    await browser?.close();
    await server?.close();
    await emulator?.close();
    rmSync(workDir, { recursive: true, force: true });
    built.remove();
    floor?.remove();
  }
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) {
    console.error(`${err.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  console.error(err);
  process.exitCode = 1;
});
