// A session in English Teams, done with the keyboard only: after the organiser set up the tab,
// Teams switches to English (the frames restart, as Teams does), and the facilitator and a GGD
// nurse join, score, reveal, deepen in stap 2 and propose an action without touching the mouse
// inside the app. Every surface then speaks English: no Dutch interface text is left, and each
// document says lang="en" so screen readers pronounce it right.
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { SEED, type SeedUser } from '../../dev/graph-emulator/seed';
import { configureTab, movesAsk, SITE_URL_OF } from './support/flows';
import { frameOf, meetingPerTestFile, screenshot, simulatorUrl, surfaces, waitReady } from './support/meeting';

jest.setTimeout(180_000);

const { facilitator, ggdNurse } = SEED.users;
const meeting = meetingPerTestFile();

/** Interface words from the Dutch catalogs that must not show in English (user input and the source's Dutch title aside). */
const DUTCH_UI = /\b(Opgeslagen|Opslaan|Meedoen|Gespreksleider|Stelling|[Dd]eelnemers?|[Ww]eet niet|Klaar met|Thema|Afdeling|[Ss]tap [1-3]|Actie|Wanneer)\b/g;

const savedIn = (panel: FrameLocator) => panel.getByRole('status').filter({ hasText: /^Saved$/ });

/**
 * Presses Tab until the keyboard focus is on `target` (or inside it), as someone finding their way
 * through the panel does; fails when Tab never gets there, i.e. the control is not in the tab order.
 */
async function tabTo(page: Page, frame: Frame, target: Locator, limit = 120): Promise<void> {
  const marker = `e2e-target-${Math.random().toString(36).slice(2)}`;
  await target.evaluate((el, m) => el.setAttribute('data-e2e', m), marker);
  const focused = () => frame.evaluate((m) => document.activeElement?.closest(`[data-e2e="${m}"]`) !== null && document.activeElement?.closest(`[data-e2e="${m}"]`) !== undefined, marker);
  for (let presses = 0; !(await focused()); presses++) {
    if (presses >= limit) throw new Error(`Tab did not reach ${String(target)} in ${limit} presses`);
    await page.keyboard.press('Tab');
  }
  await target.evaluate((el) => el.removeAttribute('data-e2e'));
}

/** Puts the keyboard focus at the top of a person's side panel, as Teams does when they open it. */
async function focusSidePanel(page: Page, user: SeedUser): Promise<Frame> {
  const card = surfaces.sidePanelCard(page, user);
  await card.locator('iframe').focus();
  return frameOf(card);
}

async function joinByKeyboard(page: Page, user: SeedUser, domain: 'Poverty and debt' | 'Health'): Promise<FrameLocator> {
  await waitReady(surfaces.sidePanelCard(page, user));
  const panel = surfaces.sidePanel(page, user);
  await panel.getByRole('button', { name: 'Join' }).waitFor({ timeout: 30_000 });
  const frame = await focusSidePanel(page, user);
  const domains = panel.getByRole('radiogroup', { name: 'Which domain do you take part from?' });
  await tabTo(page, frame, domains);
  // Nothing chosen yet: Space takes the first, an arrow moves on and chooses.
  await page.keyboard.press('Space');
  if (domain === 'Health') await page.keyboard.press('ArrowDown');
  expect(await domains.getByRole('radio', { name: domain }).isChecked()).toBe(true);
  await tabTo(page, frame, panel.getByRole('button', { name: 'Join' }));
  await page.keyboard.press('Enter');
  await savedIn(panel).waitFor({ timeout: 30_000 });
  return panel;
}

async function facilitatorPressesByKeyboard(page: Page, name: string): Promise<void> {
  const panel = surfaces.sidePanel(page, facilitator);
  const button = panel.getByRole('region', { name: 'Facilitator' }).getByRole('button', { name, exact: true });
  await button.and(panel.locator(':enabled')).waitFor({ timeout: 30_000 });
  const frame = await focusSidePanel(page, facilitator);
  await tabTo(page, frame, button);
  await page.keyboard.press('Enter');
  if (movesAsk(name)) {
    // Start, reveal and the way to step 2 ask first; the focus lands on the confirming move in the dialog.
    const confirm = panel.getByRole('dialog').getByRole('button', { name, exact: true });
    await confirm.waitFor({ timeout: 30_000 });
    await tabTo(page, frame, confirm);
    await page.keyboard.press('Enter');
  }
  await button.waitFor({ state: 'detached', timeout: 30_000 });
}

/** Stap 1 by keyboard: in each statement's radio group the arrows choose (1 = Space on the first, 6 = don't know). */
async function scoreByKeyboard(page: Page, user: SeedUser, scores: readonly number[]): Promise<void> {
  const panel = surfaces.sidePanel(page, user);
  await panel.getByRole('radiogroup', { name: /^A\. / }).waitFor({ timeout: 30_000 });
  const frame = await focusSidePanel(page, user);
  for (const [i, score] of scores.entries()) {
    const theme = 'ABCDEF'[i] as string;
    const group = panel.getByRole('radiogroup', { name: new RegExp(`^${theme}\\. `) });
    await tabTo(page, frame, group);
    await page.keyboard.press('Space');
    for (let step = 1; step < score; step++) await page.keyboard.press('ArrowDown');
    const chosen = group.getByRole('radio', { checked: true, name: score === 6 ? /^don't know$/ : new RegExp(`^${score} – `) });
    expect(await chosen.count()).toBe(1);
  }
  await tabTo(page, frame, panel.getByRole('button', { name: 'Done with step 1' }));
  await page.keyboard.press('Enter');
  await panel.getByText('You said you are done with step 1.').waitFor({ timeout: 30_000 });
  await savedIn(panel).waitFor({ timeout: 30_000 });
}

async function expectEnglish(frame: Frame, surface: string): Promise<void> {
  expect({ surface, lang: await frame.evaluate(() => document.documentElement.lang) }).toEqual({ surface, lang: 'en' });
  const text = await frame.evaluate(() => document.body.innerText);
  expect({ surface, dutch: [...new Set(text.match(DUTCH_UI) ?? [])] }).toEqual({ surface, dutch: [] });
}

describe('a session in English Teams, by keyboard only', () => {
  test('when Teams switches to English the side panels restart in English, and two people join by keyboard', async () => {
    const world = meeting();
    const { page } = world;
    await page.goto(simulatorUrl(world, { users: [facilitator, ggdNurse] }));
    await configureTab(page, { siteUrl: SITE_URL_OF(SEED.sites.team), groupName: SEED.groups.team.displayName, municipality: 'Tilburg', title: 'Poverty and health', purpose: 'monitoring' });
    await page.getByLabel('Taal').selectOption('en-US');

    await joinByKeyboard(page, facilitator, 'Poverty and debt');
    const lotte = await joinByKeyboard(page, ggdNurse, 'Health');
    await lotte.getByText(/You take part as Lotte van den Heuvel/).waitFor({ timeout: 30_000 });
    await expectEnglish(await frameOf(surfaces.sidePanelCard(page, ggdNurse)), 'side panel after joining');
  });

  test('stap 1 is scored with arrow keys, the facilitator reveals and shares by keyboard, and the stage shows the English chart and table', async () => {
    const { page } = meeting();
    await facilitatorPressesByKeyboard(page, 'Start step 1');
    await scoreByKeyboard(page, ggdNurse, [4, 2, 6, 3, 5, 1]);
    await scoreByKeyboard(page, facilitator, [2, 4, 3, 3, 5, 1]);
    await expectEnglish(await frameOf(surfaces.sidePanelCard(page, ggdNurse)), 'side panel in step 1');

    await facilitatorPressesByKeyboard(page, 'Reveal scores');
    const panel = surfaces.sidePanel(page, facilitator);
    const frame = await focusSidePanel(page, facilitator);
    await tabTo(page, frame, panel.getByRole('button', { name: 'Share to stage' }));
    await page.keyboard.press('Enter');
    await panel.getByText('The app is on the shared stage.').waitFor({ timeout: 20_000 });
    await waitReady(surfaces.stageCard(page));

    const stage = surfaces.stage(page);
    await stage.getByRole('heading', { name: 'What do we talk about? Largest difference first' }).waitFor({ timeout: 30_000 });
    await stage.getByRole('img', { name: /^Radar chart: scores per statement/ }).first().waitFor({ timeout: 30_000 });
    await stage.getByRole('columnheader', { name: 'Mean' }).first().waitFor({ timeout: 30_000 });
    // A and B lie two apart: both are conversation points; C has a don't know beside a score.
    const order = stage.getByRole('region', { name: 'What do we talk about? Largest difference first' });
    await order.getByText(/^A\. /).first().waitFor({ timeout: 30_000 });
    await expectEnglish(await frameOf(surfaces.stageCard(page)), 'stage after the reveal');
    await screenshot(surfaces.stageCard(page), 'english-stage-revealed');
  });

  test('in stap 2 a theme opens with Enter, an option is ticked with Space and its explanation typed', async () => {
    const { page } = meeting();
    await facilitatorPressesByKeyboard(page, 'Go to step 2');
    const lotte = surfaces.sidePanel(page, ggdNurse);
    const header = lotte.getByRole('button', { name: /^B\. Insight into local problems/ });
    await header.waitFor({ timeout: 30_000 });
    const frame = await focusSidePanel(page, ggdNurse);
    await tabTo(page, frame, header);
    await page.keyboard.press('Enter');
    expect(await header.getAttribute('aria-expanded')).toBe('true');

    const question = lotte.getByRole('group', { name: /^2\. / });
    const other = question.getByRole('checkbox', { name: 'Yes, insight into: other, namely…', exact: true });
    await other.waitFor({ timeout: 30_000 });
    await tabTo(page, frame, other);
    await page.keyboard.press('Space');
    expect(await other.isChecked()).toBe(true);
    // The explanation field appears right after its option: the next Tab is there.
    await page.keyboard.press('Tab');
    await page.keyboard.type('The GGD health monitor, per district');
    expect(await lotte.getByRole('textbox', { name: 'Explanation for: Yes, insight into: other, namely…' }).inputValue()).toBe('The GGD health monitor, per district');
    await savedIn(lotte).waitFor({ timeout: 30_000 });
    await expectEnglish(frame, 'side panel in step 2');
    await screenshot(surfaces.sidePanelCard(page, ggdNurse), 'english-sidepanel-step2');
  });

  test('in stap 3 an action is proposed by keyboard, and the tab afterwards is in English too', async () => {
    const { page } = meeting();
    await facilitatorPressesByKeyboard(page, 'Go to step 3');
    const lotte = surfaces.sidePanel(page, ggdNurse);
    const form = lotte.getByRole('form', { name: 'Propose an action' });
    const what = form.getByRole('textbox', { name: 'What are we going to do?' });
    await what.waitFor({ timeout: 30_000 });
    const frame = await focusSidePanel(page, ggdNurse);
    await tabTo(page, frame, what);
    await page.keyboard.type('Health check at the debt counselling desk');
    await tabTo(page, frame, form.getByRole('combobox', { name: 'Department' }));
    await page.keyboard.type('GGD Hart voor Brabant');
    await tabTo(page, frame, form.getByRole('button', { name: 'Add action' }));
    await page.keyboard.press('Enter');
    await form.getByRole('status').filter({ hasText: 'The action was added.' }).waitFor({ timeout: 30_000 });
    await lotte.getByRole('listitem').filter({ hasText: 'Health check at the debt counselling desk' }).first().waitFor({ timeout: 30_000 });
    await expectEnglish(frame, 'side panel in step 3');

    const stage = surfaces.stage(page);
    await stage.getByText('Health check at the debt counselling desk').first().waitFor({ timeout: 30_000 });
    await expectEnglish(await frameOf(surfaces.stageCard(page)), 'stage agenda');

    await page.getByRole('button', { name: 'Tabblad', exact: true }).click();
    await waitReady(surfaces.tabCard(page));
    await surfaces.tab(page).getByRole('heading', { name: 'About this session' }).waitFor({ timeout: 30_000 });
    await expectEnglish(await frameOf(surfaces.tabCard(page)), 'tab');
    await screenshot(surfaces.tabCard(page), 'english-tab');
  });
});
