// No loss: a participant's own answers survive SharePoint throttling and outages (half the requests
// answered 429 or 503), a reload of their side panel in the middle of typing, and a dropped
// connection. The proof is twofold: what the side panel shows after yet another reload, and what
// the emulated SharePoint list item holds.
import type { FrameLocator } from 'playwright-core';
import { SEED } from '../../dev/graph-emulator/seed';
import { loadInstrument } from '../../src/domain/loadInstrument';
import type { Step2Answers } from '../../src/domain/model';
import { faultedRequestsOn, noFaults, reloadFrame, setFaults, storedAnswersOf } from './support/faults';
import { configureTab, facilitatorPresses, join, scoreStatements, SITE_URL_OF, waitSaved } from './support/flows';
import { eventually, meetingPerTestFile, screenshot, simulatorUrl, surfaces } from './support/meeting';

jest.setTimeout(120_000);

const { facilitator, debtCounsellor: participant } = SEED.users;
const meeting = meetingPerTestFile();
const instrument = loadInstrument('nl');

function question(id: string) {
  for (const theme of instrument.themes) {
    const found = theme.questions.find((q) => q.id === id);
    if (found) return { ...found, theme: theme.id };
  }
  throw new Error(`no question ${id}`);
}

function optionText(questionId: string, optionId: string): string {
  const option = question(questionId).options.find((o) => o.id === optionId);
  if (!option) throw new Error(`no option ${optionId}`);
  return option.text;
}

const group = (panel: FrameLocator, questionId: string) => panel.getByRole('group', { name: new RegExp(`^${question(questionId).number}\\. `) });
const checkbox = (panel: FrameLocator, questionId: string, optionId: string) => group(panel, questionId).getByRole('checkbox', { name: optionText(questionId, optionId), exact: true });
const freeText = (panel: FrameLocator, questionId: string) => group(panel, questionId).getByRole('textbox', { name: /^Toelichting bij: / });
const comment = (panel: FrameLocator) => panel.getByRole('textbox', { name: 'Opmerkingenveld' });

/** Stap 2 shows one theme open at a time here, so "Opmerkingenveld" names one field. */
async function showOnlyTheme(panel: FrameLocator, themeId: string): Promise<void> {
  await panel.getByRole('heading', { name: instrument.step2.title }).waitFor({ timeout: 30_000 });
  for (const theme of instrument.themes) {
    const header = panel.getByRole('button', { name: new RegExp(`^${theme.id}\\. `) });
    const open = (await header.getAttribute('aria-expanded')) === 'true';
    if (open !== (theme.id === themeId)) await header.click();
  }
  await panel.getByRole('button', { name: new RegExp(`^${themeId}\\. `) }).and(panel.locator('[aria-expanded="true"]')).waitFor();
  // A closing section stays in the document while it animates shut.
  await eventually(() => comment(panel).count(), (n) => n === 1, 'one open theme section');
}

async function tick(panel: FrameLocator, questionId: string, optionId: string): Promise<void> {
  await checkbox(panel, questionId, optionId).check();
}

/** What the participant gave, kept alongside so the checks below compare against one truth. */
const given: Step2Answers = { questions: {}, comments: {} };
function remember(questionId: string, selected: string[], text?: [string, string]): void {
  given.questions[questionId] = { selected, freeText: text ? { [text[0]]: text[1] } : {} };
}

/** Every given answer of the themes in `themes` is visible in the side panel. */
async function expectShown(panel: FrameLocator, themes: readonly string[]): Promise<void> {
  for (const themeId of themes) {
    await showOnlyTheme(panel, themeId);
    for (const [questionId, answer] of Object.entries(given.questions)) {
      const q = question(questionId);
      if (q.theme !== themeId) continue;
      for (const option of q.options) {
        expect({ option: option.id, checked: await checkbox(panel, questionId, option.id).isChecked() }).toEqual({ option: option.id, checked: answer.selected.includes(option.id) });
      }
      for (const text of Object.values(answer.freeText)) expect({ questionId, freeText: await freeText(panel, questionId).inputValue() }).toEqual({ questionId, freeText: text });
    }
    expect({ themeId, comment: await comment(panel).inputValue() }).toEqual({ themeId, comment: given.comments[themeId as 'A'] ?? '' });
  }
}

const normalise = (answers: Step2Answers) => ({
  comments: answers.comments,
  questions: Object.fromEntries(Object.entries(answers.questions).filter(([, a]) => a.selected.length > 0).map(([id, a]) => [id, { selected: [...a.selected].sort(), freeText: a.freeText }])),
});

/** Stap 1 as scored before any fault: a restored draft must never bring back anything older. */
const SCORES = { A: 4, B: 2, C: 'weetNiet', D: 3, E: 5, F: 1 } as const;
const STORED_SCORES = { A: 4, B: 2, C: null, D: 3, E: 5, F: 1 };

async function expectStored(): Promise<void> {
  const world = meeting();
  const stored = await eventually(
    () => storedAnswersOf(world, participant.id),
    (s) => s !== null && JSON.stringify(normalise(s.step2)) === JSON.stringify(normalise(given)),
    `the answers item in SharePoint to hold ${JSON.stringify(normalise(given))}`,
    15_000,
  );
  expect({ scores: stored?.scores, weetNiet: stored?.weetNiet }).toEqual({ scores: STORED_SCORES, weetNiet: 'C' });
}

const syncStatus = (panel: FrameLocator) => panel.getByRole('status').filter({ hasText: /^(Opgeslagen|Opslaan…|Geen verbinding|Niet opgeslagen)/ });

describe("a participant's answers are never lost", () => {
  test('the participant scores stap 1 and starts stap 2, and both reach SharePoint', async () => {
    const world = meeting();
    const { page } = world;
    await page.goto(simulatorUrl(world, { users: [facilitator, participant], view: 'config' }));
    await configureTab(page, { siteUrl: SITE_URL_OF(SEED.sites.team), groupName: SEED.groups.team.displayName, municipality: 'Tilburg', title: 'Niets kwijt', purpose: 'aanscherpen' });
    await join(page, facilitator, 'Gezondheid');
    const panel = await join(page, participant, 'Armoede en schulden');
    await facilitatorPresses(page, facilitator, 'Start stap 1');
    await scoreStatements(panel, SCORES);
    await facilitatorPresses(page, facilitator, 'Scores onthullen');
    await facilitatorPresses(page, facilitator, 'Naar stap 2');

    await showOnlyTheme(panel, 'A');
    await tick(panel, 'q1', 'q1.a');
    await tick(panel, 'q1', 'q1.f');
    await freeText(panel, 'q1').fill('Wijkteams zien het eerst');
    remember('q1', ['q1.a', 'q1.f'], ['q1.f', 'Wijkteams zien het eerst']);
    await comment(panel).fill('Eerste indruk: veel overlap');
    given.comments.A = 'Eerste indruk: veel overlap';
    await waitSaved(panel);

    await expectStored();
  });

  test('with half of the SharePoint requests throttled or failing, edits made just before two reloads all arrive', async () => {
    const world = meeting();
    const { page } = world;
    const card = surfaces.sidePanelCard(page, participant);
    const panel = surfaces.sidePanel(page, participant);
    await setFaults(world, { rate429: 0.25, rate503: 0.25, retryAfterSeconds: 0.2, seed: 6, pathPattern: '/sites/*' });
    world.emulator.admin.clearRequests();

    await showOnlyTheme(panel, 'B');
    await tick(panel, 'q2', 'q2.a');
    await tick(panel, 'q2', 'q2.d');
    await freeText(panel, 'q2').fill('wijkcijfers van de GGD');
    remember('q2', ['q2.a', 'q2.d'], ['q2.d', 'wijkcijfers van de GGD']);
    await tick(panel, 'q3', 'q3.b');
    await tick(panel, 'q3', 'q3.c');
    remember('q3', ['q3.b', 'q3.c']);
    await comment(panel).fill('Data koppelen kan beter');
    given.comments.B = 'Data koppelen kan beter';
    // Mid-edit: the last change is still inside the debounce, known only to this browser.
    expect((await storedAnswersOf(world, participant.id))?.step2.comments.B).toBeUndefined();
    await reloadFrame(card);
    await expectShown(panel, ['B', 'A']);

    await tick(panel, 'q1', 'q1.b');
    remember('q1', ['q1.a', 'q1.b', 'q1.f'], ['q1.f', 'Wijkteams zien het eerst']);
    await comment(panel).fill('Eerste indruk: veel overlap, ook in de wijk');
    given.comments.A = 'Eerste indruk: veel overlap, ook in de wijk';
    expect((await storedAnswersOf(world, participant.id))?.step2.comments.A).not.toBe(given.comments.A);
    await reloadFrame(card);
    await expectShown(panel, ['A']);

    // The faults must really hit the answers list, on reading it and on writing to it. Which
    // requests draw a fault depends on how the frames' requests interleave, so keep editing (each
    // edit is one more save) until a save has met one, and reload (a participant's frame reads its
    // own answers item when it opens, and otherwise only now and then) until a read has.
    await showOnlyTheme(panel, 'B');
    const hit = async () => {
      const f = await faultedRequestsOn(world, 'answers');
      return { read: (f.GET ?? 0) > 0, written: (f.PATCH ?? 0) > 0 };
    };
    for (let edits = 1; edits <= 12; edits++) {
      const { read, written } = await hit();
      if (read && written) break;
      given.comments.B = `Data koppelen kan beter (${edits})`;
      await comment(panel).fill(given.comments.B);
      await eventually(() => syncStatus(panel).innerText(), (text) => text !== 'Opslaan…', 'the save to finish or fail', 20_000);
      if (!read) {
        await reloadFrame(card);
        await expectShown(panel, ['B']);
      }
    }
    const faulted = await faultedRequestsOn(world, 'answers');
    expect(faulted.GET).toBeGreaterThan(0);
    expect(faulted.PATCH).toBeGreaterThan(0);

    await noFaults(world);
    await waitSaved(panel);
    await reloadFrame(card);
    await expectShown(panel, ['A', 'B']);
    await expectStored();
  });

  test('offline, the indicator counts the waiting changes; back online they are saved', async () => {
    const world = meeting();
    const { page, context } = world;
    const panel = surfaces.sidePanel(page, participant);
    await showOnlyTheme(panel, 'C');
    await waitSaved(panel);

    await context.setOffline(true);
    await tick(panel, 'q4', 'q4.c');
    await tick(panel, 'q4', 'q4.d');
    remember('q4', ['q4.c', 'q4.d']);
    // Typed key by key as a person does: one comment is one waiting change, not one per letter.
    await comment(panel).pressSequentially('Twee nota’s, één wethouder');
    given.comments.C = 'Twee nota’s, één wethouder';
    const offlineText = await eventually(() => syncStatus(panel).innerText(), (text) => text.startsWith('Geen verbinding'), 'the offline state', 20_000);
    expect(offlineText).toBe('Geen verbinding: 3 wijzigingen wachten en worden later verstuurd');
    await syncStatus(panel).scrollIntoViewIfNeeded();
    await screenshot(surfaces.sidePanelCard(page, participant), 'resilience-sidepanel-offline');
    expect((await storedAnswersOf(world, participant.id))?.step2.questions.q4).toBeUndefined();

    await panel.getByText('De sessie kon even niet worden bijgewerkt').waitFor({ timeout: 10_000 });
    await context.setOffline(false);
    await waitSaved(panel);
    // The session is read again on reconnecting, not after the poll's backoff.
    await panel.getByText('De sessie kon even niet worden bijgewerkt').waitFor({ state: 'detached', timeout: 2_000 });
    await expectStored();
    await reloadFrame(surfaces.sidePanelCard(page, participant));
    await expectShown(panel, ['C', 'B', 'A']);
  });

  test('reloaded while SharePoint cannot be reached, the panel says so and, without anyone pressing a button, saves the waiting changes once it can', async () => {
    const world = meeting();
    const { page, context } = world;
    const card = surfaces.sidePanelCard(page, participant);
    const panel = surfaces.sidePanel(page, participant);
    await showOnlyTheme(panel, 'D');
    await waitSaved(panel);

    // The app itself still loads (its host is reachable); only Microsoft 365 is not.
    const unreachable = `${world.emulator.origin}/**`;
    await context.route(unreachable, (route) => route.abort('internetdisconnected'));
    await tick(panel, 'q7', 'q7.a');
    await tick(panel, 'q7', 'q7.d');
    await freeText(panel, 'q7').fill('Schuldhulp in het gezondheidscentrum');
    remember('q7', ['q7.a', 'q7.d'], ['q7.d', 'Schuldhulp in het gezondheidscentrum']);
    await reloadFrame(card);
    await panel.getByRole('alert').filter({ hasText: 'Er is geen verbinding met Microsoft 365.' }).waitFor({ timeout: 30_000 });
    await screenshot(card, 'resilience-sidepanel-unreachable');

    // Nobody presses "Opnieuw proberen": the panel starts again by itself, as it promises.
    await context.unroute(unreachable);
    await expectShown(panel, ['D']);
    await waitSaved(panel);
    await expectStored();
    expect(world.pageErrors).toEqual([]);
  });
});
