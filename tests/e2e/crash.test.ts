// A crash takes no answer with it (issue 13, item 4): an answer given offline is killed with the
// browser one second later (SIGKILL, no chance to write anything on the way out), the browser starts
// again on the same profile, and the answer is shown again and reaches SharePoint. Until SharePoint
// has it, the indicator does not say "Opgeslagen": the save of the restored answer is held back at
// the network while the panel is read, and every "Opgeslagen" seen is checked against the emulator.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FrameLocator, Route } from 'playwright-core';
import { SEED, startEmulator, type RunningEmulator } from '../../dev/graph-emulator';
import type { SimulatorServer } from '../../dev/teams-host/server';
import { storedAnswersOf } from './support/faults';
import { configureTab, facilitatorPresses, join, radioLabel, scoreStatements, SITE_URL_OF, waitSaved, type Answer } from './support/flows';
import { eventually, launchPersistentChromium, serveApp, simulatorUrl, surfaces, waitReady, type PersistentChromium } from './support/meeting';

jest.setTimeout(180_000);

const { facilitator, debtCounsellor: participant } = SEED.users;

let world: { emulator: RunningEmulator; server: SimulatorServer } | undefined;
let cleanupApp: (() => Promise<void>) | undefined;
let profile = '';
let chromium: PersistentChromium | undefined;

beforeAll(async () => {
  const emulator = await startEmulator({ port: 0, dataDir: ':memory:', seed: 7 });
  const served = await serveApp(emulator.origin);
  world = { emulator, server: served.server };
  cleanupApp = served.cleanup;
  profile = mkdtempSync(path.join(tmpdir(), 'gesprekstool-profile-'));
});

afterAll(async () => {
  await chromium?.context.close().catch(() => undefined);
  await cleanupApp?.();
  await world?.emulator.close();
  if (profile !== '') rmSync(profile, { recursive: true, force: true });
});

const statusOf = (panel: FrameLocator) => panel.getByRole('status').filter({ hasText: /^(Opgeslagen|Opslaan…|Geen verbinding|Niet opgeslagen)/ });
const scoreRadio = (panel: FrameLocator, theme: string, answer: Answer) =>
  panel.getByRole('radiogroup', { name: new RegExp(`^${theme}\\. `) }).getByRole('radio', { name: radioLabel(answer), exact: true });
const storedScores = async () => (await storedAnswersOf(world!, participant.id))?.scores ?? null;

test('an answer given offline survives a SIGKILL of the browser one second later and is saved after the restart, and "Opgeslagen" is never said before SharePoint has it', async () => {
  const w = world!;
  chromium = await launchPersistentChromium(profile);
  let page = chromium.page;
  await page.goto(simulatorUrl(w, { users: [facilitator, participant], view: 'config' }));
  await configureTab(page, { siteUrl: SITE_URL_OF(SEED.sites.team), groupName: null, municipality: 'Breda', title: 'Stroom uit', purpose: 'monitoring' });
  await join(page, facilitator, 'Gezondheid');
  const panel = await join(page, participant, 'Armoede en schulden');
  await facilitatorPresses(page, facilitator, 'Start stap 1');
  await scoreStatements(panel, { A: 4 }, false);
  expect(await storedScores()).toMatchObject({ A: 4, B: null });

  // A quiet spell first, as when someone pauses before the next answer: localStorage writes reach
  // disk in batches, and a batch started by an earlier write could otherwise carry this edit along.
  await new Promise((resolve) => setTimeout(resolve, 6000));
  await chromium.context.setOffline(true);
  await scoreRadio(panel, 'B', 2).check();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const beforeKill = await statusOf(panel).innerText();
  await chromium.kill();
  expect(beforeKill).not.toBe('Opgeslagen');
  expect(await storedScores()).toMatchObject({ A: 4, B: null });

  chromium = await launchPersistentChromium(profile);
  page = chromium.page;
  // Hold back the restored answer's save, so the panel can be read while SharePoint does not have it.
  let holding = true;
  const held: Route[] = [];
  await chromium.context.route(`${w.emulator.origin}/**`, (route) => {
    const request = route.request();
    if (holding && request.method() !== 'GET' && (request.postData() ?? '').includes('"ScoreB"')) held.push(route);
    else void route.continue();
  });
  await page.goto(simulatorUrl(w, { users: [facilitator, participant] }));
  await waitReady(surfaces.sidePanelCard(page, participant));
  const restarted = surfaces.sidePanel(page, participant);

  // Every status shown from here on; each "Opgeslagen" is checked against SharePoint at once.
  const seen: { text: string; storedB: unknown }[] = [];
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      const text = await statusOf(restarted)
        .innerText({ timeout: 500 })
        .catch(() => null);
      if (text !== null && seen.at(-1)?.text !== text) seen.push({ text, storedB: text === 'Opgeslagen' ? (await storedScores())?.B : undefined });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();

  try {
    await statusOf(restarted).waitFor({ timeout: 30_000 });
    expect({ restored: await scoreRadio(restarted, 'B', 2).isChecked(), status: await statusOf(restarted).innerText() }).toEqual({ restored: true, status: 'Opslaan…' });
    await eventually(async () => held.length, (n) => n > 0, 'the restored answer to be sent to SharePoint', 20_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await statusOf(restarted).innerText()).toBe('Opslaan…');
    expect(await storedScores()).toMatchObject({ A: 4, B: null });

    holding = false;
    for (const route of held.splice(0)) await route.continue();
    await waitSaved(restarted);
    await eventually(async () => seen.at(-1)?.text, (text) => text === 'Opgeslagen', 'the watcher to see "Opgeslagen" too', 5_000);
  } finally {
    watching = false;
    await watcher;
  }
  expect(await storedScores()).toMatchObject({ A: 4, B: 2 });
  expect(seen.filter((s) => s.text === 'Opgeslagen' && s.storedB !== 2)).toEqual([]);
  expect(seen.map((s) => s.text)).toEqual(['Opslaan…', 'Opgeslagen']);
});
