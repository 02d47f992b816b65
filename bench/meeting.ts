// A whole meeting in the simulator, as Teams would run it: every participant's client with its own
// side panel (or, on a phone, the tab) and, once the facilitator shares, its own stage, all signed
// in as their own person and reading on their own. It is not a test: it prints figures.
//
//   npx webpack --mode production && npx tsx bench/meeting.ts
//   npx tsx bench/meeting.ts --people 20 --mobile 2 --minutes 10 --budget strict
//   npx tsx bench/meeting.ts --people 20 --idle --measure-seconds 120 --budget off
//
// By default the meeting is played for `--minutes` (10) of realistic activity: everyone joins, the
// facilitator starts stap 1, everyone scores and says they are done, the reveal, stap 2 (a few
// ticks each), stap 3 (proposals from the floor) and publishing to Planner; the rest of the time the
// meeting talks (nothing is clicked, the frames keep reading). It prints SharePoint's resource units
// per minute (mean and worst clock minute), 429s, requests per participant per minute, what the
// facilitator's client (which writes the group view) costs, and the time from a participant's save
// ("Opgeslagen" in their side panel) until another participant's stage shows it, p50 and p95.
// `--idle` measures `--measure-seconds` of a meeting in which nothing happens after the stage is shared.
//
// SharePoint's budget (dev/graph-emulator/budget.ts) is measured in resource units (RU) per minute:
// `--budget strict` (default) throttles as a tenant of up to 1,000 licences would (1,250 RU a
// minute), `--budget off` only measures, to see what the meeting asks for.
//
// Uses dist/ as the browser tests do. The people are the seed's enabled accounts in seed order
// (the facilitator organises); `--people` above the seed's 20 adds generated colleagues of the team.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../dev/graph-emulator';
import { ALL_USERS, SEED, type SeedUser } from '../dev/graph-emulator/seed';
import { configureTab, daysFromToday, facilitatorPresses, join, openTheme, proposeAction, publishToPlanner, scoreStatements, shareToStage, SITE_URL_OF, tickOption, waitSaved, type JoinDomain } from '../tests/e2e/support/flows';
import { launchChromium, type MeetingWorld, openClient, serveApp, simulatorUrl, surfaces } from '../tests/e2e/support/meeting';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'test-results', 'simulator');

function numberArg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number, got ${process.argv[index + 1]}`);
  return value;
}

function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

const seconds = (ms: number | null) => (ms === null ? null : Number((ms / 1000).toFixed(2)));

/** Waits until `read` gives true, polling every 50 ms; returns when (ms since epoch), or null after the timeout. */
async function when(read: () => Promise<boolean>, timeoutMs: number): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await read().catch(() => false)) return Date.now();
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

/**
 * The RU figure beside its target: SharePoint's per-app-per-tenant budget per minute for the tenant's
 * licence band (dev/graph-emulator/budget.ts, after "Avoid getting throttled or blocked in SharePoint
 * Online", https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online).
 * The emulator meters fixed clock minutes, so the worst clock minute is what meets the limit; a
 * meeting shares that budget with every other app call of the municipality's tenant, so no 429 is the
 * other half of the target.
 */
function ruTarget(worstMinuteRu: number, throttled: number, limitPerMinute: number, licences: number): string {
  const share = Math.round((100 * worstMinuteRu) / limitPerMinute);
  const inside = worstMinuteRu <= limitPerMinute && throttled === 0;
  return `worst clock minute ${worstMinuteRu} RU (${share} % of the budget), target ≤ ${limitPerMinute} RU a minute (per app per tenant, up to ${licences} licences) and 0 throttled: ${inside ? 'inside the budget' : 'OVER the budget'}`;
}

const DOMAINS: readonly JoinDomain[] = ['Armoede en schulden', 'Gezondheid', 'Partnerorganisatie'];
const progressText = (joined: number, done: number) => `${joined} deelnemers, ${done} klaar`;

interface ActivityFigures {
  /** Participant's save → another participant's stage shows it, ms. */
  scoreToStage: number[];
  proposalToStage: number[];
  missed: number;
  phases: Record<string, number>;
}

/** The meeting itself, as its people would click it; the rest of `minutes` the meeting talks. */
/** Fills `figures` as it goes, so a meeting stopped half-way still has what was measured until then. */
async function playMeeting(page: Page, users: readonly SeedUser[], mobile: readonly SeedUser[], canWrite: (u: SeedUser) => boolean, minutes: number, started: number, figures: ActivityFigures): Promise<void> {
  const { facilitator } = SEED.users;
  const mark = (phase: string) => {
    figures.phases[phase] = Number(((Date.now() - started) / 1000).toFixed(1));
  };
  const computers = users.filter((u) => !mobile.includes(u));
  // Phones have only the meeting tab (answering there is another issue), and someone who is no member
  // of the site (the outsider, the partner from another tenant) cannot answer; the others take part.
  const takingPart = computers.filter((u) => u !== facilitator && canWrite(u));
  const observerFor = (user: SeedUser): FrameLocator => surfaces.stage(page, takingPart.find((u) => u !== user) ?? facilitator);

  for (const [i, user] of takingPart.entries()) {
    await openClient(page, user);
    const domain = DOMAINS[i % DOMAINS.length] as JoinDomain;
    await join(page, user, domain, domain === 'Partnerorganisatie' ? 'GGD' : undefined);
  }
  mark('joined');
  const joined = takingPart.length + 1;
  await facilitatorPresses(page, facilitator, 'Start stap 1');
  await scoreStatements(surfaces.sidePanel(page, facilitator), { A: 3, B: 3, C: 3, D: 3, E: 3, F: 3 });
  let done = 1;
  for (const [i, user] of takingPart.entries()) {
    // People do not score in step with the frames' reads: a random pause keeps the samples from
    // locking onto the read interval (which would flatter or punish the latency alike).
    await page.waitForTimeout(Math.round(Math.random() * 3000));
    const panel = surfaces.sidePanel(page, user);
    const score = ((i % 5) + 1) as 1 | 2 | 3 | 4 | 5;
    await scoreStatements(panel, { A: score, B: ((score % 5) + 1) as 1 | 2 | 3 | 4 | 5, C: 3, D: score, E: 'weetNiet', F: 4 });
    const saved = Date.now();
    done += 1;
    const seen = await when(() => observerFor(user).getByText(progressText(joined, done), { exact: true }).isVisible(), 20_000);
    if (seen === null) figures.missed += 1;
    else figures.scoreToStage.push(seen - saved);
  }
  mark('scored');
  await facilitatorPresses(page, facilitator, 'Scores onthullen');
  await observerFor(facilitator).getByRole('table').first().waitFor({ timeout: 30_000 });
  mark('revealed');
  await page.waitForTimeout(30_000); // the group looks at the chart and talks
  await facilitatorPresses(page, facilitator, 'Naar stap 2');
  for (const user of takingPart) {
    const panel = surfaces.sidePanel(page, user);
    await openTheme(panel, /^A\. /);
    await tickOption(panel, 1, 'We bedienen onze inwoners beter met een (levens)brede aanpak van problemen.');
    await waitSaved(panel);
  }
  mark('stap 2');
  await page.waitForTimeout(30_000);
  await facilitatorPresses(page, facilitator, 'Naar stap 3');
  for (const [i, user] of takingPart.slice(0, 6).entries()) {
    await page.waitForTimeout(Math.round(Math.random() * 3000));
    const title = `Voorstel ${i + 1} van ${user.displayName}`;
    const proposed = Date.now();
    await proposeAction(surfaces.sidePanel(page, user), { theme: (['A', 'B', 'C', 'D', 'E', 'F'] as const)[i % 6] ?? 'A', title, owner: user, department: user.department ?? '', dueDate: daysFromToday(30 + i) });
    const seen = await when(() => observerFor(user).getByText(title, { exact: true }).isVisible(), 20_000);
    if (seen === null) figures.missed += 1;
    else figures.proposalToStage.push(seen - proposed);
  }
  mark('stap 3');
  await publishToPlanner(surfaces.stage(page, facilitator));
  mark('published');
  const rest = started + minutes * 60_000 - Date.now();
  if (rest > 0) await page.waitForTimeout(rest);
}

/**
 * A signal that stops the bench (Ctrl-C, `timeout`, a closing terminal or job runner). Playwright's own
 * handlers would close the browser and leave the bench waiting on a closed page ("Target page, context
 * or browser has been closed"), its figures lost; the bench closes the browser itself and prints the
 * figures of the time measured so far, marked as partial. A second signal ends it at once.
 */
let stoppedBy: { signal: NodeJS.Signals; at: number } | null = null;
const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const SIGNAL_NUMBER: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

async function main(): Promise<void> {
  const people = numberArg('people', 20);
  const phones = numberArg('mobile', 2);
  const idle = process.argv.includes('--idle');
  const measureSeconds = numberArg('measure-seconds', 60);
  const minutes = numberArg('minutes', 10);
  const themeArg = process.argv[process.argv.indexOf('--theme') + 1];
  const theme = process.argv.includes('--theme') ? themeArg : 'default';
  if (theme !== 'default' && theme !== 'dark' && theme !== 'contrast') throw new Error(`--theme takes default, dark or contrast, got ${themeArg}`);
  const name = (what: string) => path.join(OUT, `meeting-${people}${theme === 'default' ? '' : `-${theme}`}-${what}.png`);
  const enabled = ALL_USERS.filter((u) => u.accountEnabled);
  if (people < 1 || people > enabled.length) throw new Error(`--people must be 1–${enabled.length} (the seed's enabled accounts)`);
  const { facilitator, debtCounsellor, healthPolicy } = SEED.users;
  const users: SeedUser[] = [facilitator, ...enabled.filter((u) => u !== facilitator)].slice(0, people);
  // Phones from the end of the list: the facilitator and the first participants stay on a computer.
  const mobile = users.slice(Math.max(1, users.length - phones));

  const budgetArg = process.argv.includes('--budget') ? process.argv[process.argv.indexOf('--budget') + 1] : 'strict';
  if (budgetArg !== 'strict' && budgetArg !== 'off') throw new Error(`--budget takes strict or off, got ${budgetArg}`);
  const emulator: RunningEmulator = await startEmulator({ port: 0, dataDir: ':memory:', seed: 7, tenant: { budget: budgetArg } });
  const served = await serveApp(emulator.origin);
  const browser = await launchChromium({ playwrightHandlesSignals: false });
  const launched = Date.now();
  /** True once the bench closes the browser itself (done, or stopped by a signal). */
  let closing = false;
  const since = () => `${((Date.now() - launched) / 1000).toFixed(1)} s`;
  for (const signal of STOP_SIGNALS) {
    process.on(signal, () => {
      if (stoppedBy) process.exit(128 + (SIGNAL_NUMBER[signal] ?? 0));
      stoppedBy = { signal, at: Date.now() };
      console.error(`[bench] ${since()}: stopped by ${signal}; closing the browser and printing the figures measured so far`);
      closing = true;
      void browser.close();
    });
  }
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    // A meeting runs for minutes: when the browser or the page goes away, say when and how, so the
    // error is not only Playwright's "Target page, context or browser has been closed".
    const unexpected = (what: string) => () => {
      if (!closing) console.error(`[bench] ${since()}: ${what}`);
    };
    browser.on('disconnected', unexpected('the browser disconnected'));
    context.on('close', unexpected('the browser context closed'));
    page.on('crash', unexpected("the simulator page's renderer crashed"));
    page.on('close', unexpected('the simulator page closed'));
    context.on('page', (opened) => console.error(`[bench] ${since()}: a page opened: ${opened.url()}`));
    const world = { server: served.server } as MeetingWorld;
    mkdirSync(OUT, { recursive: true });
    const started = Date.now();
    await page.goto(
      simulatorUrl(world, {
        users,
        organiser: facilitator,
        view: 'config',
        theme,
        presenters: users.includes(debtCounsellor) ? [debtCounsellor] : [],
        coOrganisers: users.includes(healthPolicy) ? [healthPolicy] : [],
        mobile,
        open: [facilitator],
      }),
    );
    await configureTab(page, { siteUrl: SITE_URL_OF(SEED.sites.team), groupName: idle ? null : SEED.groups.team.displayName, municipality: 'Voorbeeld', title: 'Vergadering met iedereen', purpose: 'agendering' });
    const ready = page.locator('.frame-card[data-status="ready"] iframe');
    const waitForReady = async (count: number) => {
      const deadline = Date.now() + 240_000;
      while ((await ready.count()) < count && Date.now() < deadline) await page.waitForTimeout(500);
      return ready.count();
    };
    const panels = await waitForReady(people);
    const panelsReadyAfter = (Date.now() - started) / 1000;
    await join(page, facilitator, 'Armoede en schulden');
    await shareToStage(page, facilitator);
    const computers = people - mobile.length;
    const frames = await waitForReady(people + computers);
    const stagesReadyAfter = (Date.now() - started) / 1000;

    await emulator.admin.clearRequests();
    emulator.admin.clearUsage();
    const measureFrom = Date.now();
    const team = emulator.admin.siteRoles().sites.find((site) => site.siteId === SEED.sites.team.id);
    const writers = new Set([...(team?.owners ?? []), ...(team?.members ?? [])].map((who) => who.toLowerCase()));
    const canWrite = (u: SeedUser) => writers.has(u.id.toLowerCase()) || writers.has(u.userPrincipalName.toLowerCase());
    const activity: ActivityFigures | null = idle ? null : { scoreToStage: [], proposalToStage: [], missed: 0, phases: {} };
    try {
      if (activity) await playMeeting(page, users, mobile, canWrite, minutes, measureFrom, activity);
      else await page.waitForTimeout(measureSeconds * 1000);
    } catch (error) {
      if (!stoppedBy) throw error;
    }
    const stopped = stoppedBy as { signal: NodeJS.Signals; at: number } | null;
    const measuredMs = (stopped?.at ?? Date.now()) - measureFrom;
    if (!stopped) await page.screenshot({ path: name(idle ? 'collapsed' : 'after-activity'), fullPage: true });
    const summary = emulator.admin.requests();
    const usage = emulator.admin.usage({ minutes: Math.max(1, Math.ceil(measuredMs / 60_000) + 1) });

    const perMinute = (n: number) => Math.round((n * 60_000) / measuredMs);
    const participants = users.filter((u) => u !== facilitator);
    const perPerson = participants.map((u) => perMinute(usage.totals.byUser[u.userPrincipalName]?.requests ?? 0));
    const facilitatorUse = usage.totals.byUser[facilitator.userPrincipalName];
    const groupViewWrites = Object.entries(summary.counts)
      .filter(([key]) => key.startsWith('PATCH ') && /sessies\/items\/\d+\/fields$/i.test(decodeURIComponent(key)))
      .reduce((n, [, c]) => n + c, 0);
    // Whole clock minutes inside the window: the first and last are partial and would flatter the mean.
    const fullMinutes = usage.lastMinutes.filter((m) => m.requests > 0);
    console.log(
      JSON.stringify(
        {
          ...(stopped ? { stopped: `by ${stopped.signal} after ${Math.round(measuredMs / 1000)} s of the meeting: partial figures, up to then` } : {}),
          people,
          onPhone: mobile.length,
          appFramesRunning: frames,
          panelsAndTabsReadyAfterSeconds: Number(panelsReadyAfter.toFixed(1)),
          panelsReady: panels,
          stagesReadyAfterSeconds: Number(stagesReadyAfter.toFixed(1)),
          measuredSeconds: Math.round(measuredMs / 1000),
          activity: activity
            ? {
                phasesAtSeconds: activity.phases,
                scoreSavedToOtherStageSeconds: { samples: activity.scoreToStage.length, p50: seconds(percentile(activity.scoreToStage, 50)), p95: seconds(percentile(activity.scoreToStage, 95)), max: seconds(percentile(activity.scoreToStage, 100)) },
                proposalToOtherStageSeconds: { samples: activity.proposalToStage.length, p50: seconds(percentile(activity.proposalToStage, 50)), p95: seconds(percentile(activity.proposalToStage, 95)) },
                notSeenWithin20Seconds: activity.missed,
              }
            : 'idle',
          graphRoundTripsPerMinute: perMinute(summary.roundTrips),
          byStatus: summary.byStatus,
          refusedMostOften: Object.entries(
            summary.entries.filter((e) => e.status === 403 || e.status === 401).reduce<Record<string, number>>((acc, e) => ({ ...acc, [`${e.status} ${e.method} ${e.path.replace(/[0-9a-f-]{36}/g, '{id}')}`]: (acc[`${e.status} ${e.method} ${e.path.replace(/[0-9a-f-]{36}/g, '{id}')}`] ?? 0) + 1 }), {}),
          )
            .sort((a, b) => b[1] - a[1])
            .slice(0, 4),
          budget: `${usage.budget}, ${usage.limits.appRuPerMinute} RU a minute (${usage.licences} licences)`,
          ruPerMinuteMean: perMinute(usage.totals.ru),
          ruWorstMinute: usage.worstMinute?.ru ?? 0,
          ruPerClockMinute: fullMinutes.map((m) => m.ru),
          ruTarget: ruTarget(usage.worstMinute?.ru ?? 0, usage.totals.throttled, usage.limits.appRuPerMinute, usage.licences),
          throttled429PerMinute: perMinute(usage.totals.throttled),
          throttled429Total: usage.totals.throttled,
          sharePointRequestsPerParticipantPerMinute: { mean: Math.round(perPerson.reduce((a, b) => a + b, 0) / Math.max(1, perPerson.length)), max: Math.max(0, ...perPerson) },
          facilitatorsClient: { ruPerMinute: perMinute(facilitatorUse?.ru ?? 0), requestsPerMinute: perMinute(facilitatorUse?.requests ?? 0), groupViewWritesAndOtherSessionWrites: groupViewWrites },
          ruByKind: Object.fromEntries(Object.entries(usage.totals.byKind).map(([kind, c]) => [kind, perMinute(c.ru)])),
          screenshots: OUT,
        },
        null,
        2,
      ),
    );
    if (stopped) process.exitCode = 128 + (SIGNAL_NUMBER[stopped.signal] ?? 0);
  } finally {
    closing = true;
    await browser.close();
    await served.cleanup();
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  if (stoppedBy) console.error(`[bench] stopped by ${stoppedBy.signal} before the measurement began; no figures`);
  console.error(error);
  process.exitCode = 1;
});
