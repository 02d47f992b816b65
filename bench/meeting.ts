// A whole meeting in the simulator, as Teams would run it: every participant's client with its own
// side panel (or, on a phone, the tab) and, once the facilitator shares, its own stage, all signed
// in as their own person and polling on their own. Prints how many app frames run, how long they
// took to be ready and how many Graph requests the meeting makes per minute; saves screenshots of
// the simulator page under test-results/simulator/. It is not a test.
//
//   npx webpack --mode production && npx tsx bench/meeting.ts
//   npx tsx bench/meeting.ts --people 20 --mobile 2 --measure-seconds 60 --theme dark --budget off
//
// SharePoint's budget (dev/graph-emulator/budget.ts) is measured in resource units (RU) per minute:
// `--budget strict` (default) throttles as a tenant of up to 1,000 licences would (1,250 RU a
// minute), `--budget off` only measures, to see what the meeting asks for.
//
// Uses dist/ as the browser tests do. The people are the seed's enabled accounts in seed order
// (the facilitator organises), so 20 is everyone the seed has.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startEmulator } from '../dev/graph-emulator';
import { ALL_USERS, SEED, type SeedUser } from '../dev/graph-emulator/seed';
import { configureTab, join, shareToStage, SITE_URL_OF } from '../tests/e2e/support/flows';
import { launchChromium, type MeetingWorld, serveApp, simulatorUrl } from '../tests/e2e/support/meeting';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'test-results', 'simulator');

function numberArg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number, got ${process.argv[index + 1]}`);
  return value;
}

async function main(): Promise<void> {
  const people = numberArg('people', 20);
  const phones = numberArg('mobile', 2);
  const measureSeconds = numberArg('measure-seconds', 60);
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
  const emulator = await startEmulator({ port: 0, dataDir: ':memory:', seed: 7, tenant: { budget: budgetArg } });
  const served = await serveApp(emulator.origin);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
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
    await configureTab(page, { siteUrl: SITE_URL_OF(SEED.sites.team), groupName: null, municipality: 'Voorbeeld', title: 'Vergadering met iedereen', purpose: 'agendering' });
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
    await page.screenshot({ path: name('collapsed'), fullPage: true });

    await emulator.admin.clearRequests();
    emulator.admin.clearUsage();
    await page.waitForTimeout(measureSeconds * 1000);
    const summary = emulator.admin.requests();
    const usage = emulator.admin.usage({ minutes: Math.max(1, Math.ceil(measureSeconds / 60)) });

    // Opening a participant's client shows what it showed all along: here a phone and the partner.
    for (const user of [mobile[0], SEED.users.externalPartner].filter((u): u is SeedUser => u !== undefined && users.includes(u))) {
      const toggle = page.locator(`[data-client-upn="${user.userPrincipalName}"] .client-toggle`);
      await toggle.click();
    }
    await page.waitForTimeout(3000);
    await page.screenshot({ path: name('opened'), fullPage: true });
    await page.screenshot({ path: name('viewport') });

    const perMinute = (n: number) => Math.round((n * 60) / measureSeconds);
    console.log(
      JSON.stringify(
        {
          people,
          onPhone: mobile.length,
          appFramesRunning: frames,
          panelsAndTabsReadyAfterSeconds: Number(panelsReadyAfter.toFixed(1)),
          panelsReady: panels,
          stagesReadyAfterSeconds: Number(stagesReadyAfter.toFixed(1)),
          measuredSeconds: measureSeconds,
          graphRoundTripsPerMinute: perMinute(summary.roundTrips),
          graphRequestsPerMinute: perMinute(summary.roundTrips - Object.entries(summary.counts).filter(([k]) => k.endsWith('/$batch')).reduce((n, [, c]) => n + c, 0) + summary.batchedRequests),
          byStatus: summary.byStatus,
          budget: `${usage.budget}, ${usage.limits.appRuPerMinute} RU a minute (${usage.licences} licences)`,
          ruPerMinuteMean: perMinute(usage.totals.ru),
          ruWorstMinute: usage.worstMinute?.ru ?? 0,
          throttledPerMinute: perMinute(usage.totals.throttled),
          ruByKind: Object.fromEntries(Object.entries(usage.totals.byKind).map(([kind, c]) => [kind, perMinute(c.ru)])),
          screenshots: OUT,
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    await served.cleanup();
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
