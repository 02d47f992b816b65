// The facilitator leads from the stage: once the app is shared, the bar at the top of their own
// stage starts stap 1, reveals, goes to stap 2 (asking "ieder apart of samen?") and to stap 3, with
// irreversible moves confirmed by keyboard, "Wat opvalt" typed just before a move saved first, and
// the same moves sticky at the top of the side panel. axe in three themes, screenshots at 1280 px.
import type { Frame, Locator, Page } from 'playwright-core';
import { SEED } from '../../dev/graph-emulator/seed';
import { auditSurface, lookAtWidth, switchTheme, THEMES } from './support/accessibility';
import { configureTab, facilitatorPressesOnStage, join, scoreStatements, shareToStage, SITE_URL_OF } from './support/flows';
import { eventually, frameOf, meetingPerTestFile, screenshot, simulatorUrl, surfaces, type MeetingWorld, type SimulatorTheme, storedSession } from './support/meeting';

jest.setTimeout(180_000);

const { facilitator, debtCounsellor } = SEED.users;
const site = SEED.sites.team;
const meeting = meetingPerTestFile();
const NOTE = 'B loopt ver uiteen: de schuldhulp ziet het anders dan de GGD';

/** The session item as SharePoint holds it, read as the facilitator (an owner of the site). */
const sessionItem = (world: MeetingWorld) => storedSession(world, site.id, facilitator);

/** The stage as a 1280 px wide screen shows it, in `theme`, into test-results/e2e/. */
async function stageAt1280(page: Page, card: Locator, name: string, theme: SimulatorTheme): Promise<void> {
  await lookAtWidth(page, card, name, theme, 1280, 800);
}

const focusedText = (frame: Frame) => frame.evaluate(() => document.activeElement?.textContent ?? '');

describe('the facilitator runs stap 1 to stap 3 from the bar on the stage', () => {
  test('the bar is on the facilitator’s stage only, and starts stap 1 by keyboard after confirming', async () => {
    const world = meeting();
    const { page } = world;
    await page.goto(simulatorUrl(world, { users: [facilitator, debtCounsellor], organiser: facilitator }));
    await configureTab(page, { siteUrl: SITE_URL_OF(site), groupName: SEED.groups.team.displayName, municipality: 'Tilburg', title: 'Leiden vanaf het gedeelde scherm', purpose: 'aanscherpen' });
    await join(page, facilitator, 'Armoede en schulden');
    await join(page, debtCounsellor, 'Armoede en schulden');
    const stage = await shareToStage(page, facilitator);

    const bar = stage.getByRole('region', { name: 'Gespreksleider' });
    await bar.getByRole('button', { name: 'Start stap 1', exact: true }).waitFor({ timeout: 30_000 });
    // Sanne's own stage (Teams renders it as her) has no bar.
    await surfaces.stage(page, debtCounsellor).getByRole('heading', { level: 1 }).waitFor({ timeout: 30_000 });
    expect(await surfaces.stage(page, debtCounsellor).getByRole('region', { name: 'Gespreksleider' }).count()).toBe(0);

    // By keyboard: Enter on the move opens the confirmation with the focus on its confirming move.
    const frame = await frameOf(surfaces.stageCard(page, facilitator));
    await bar.getByRole('button', { name: 'Start stap 1', exact: true }).focus();
    await page.keyboard.press('Enter');
    const dialog = stage.getByRole('dialog', { name: 'Stap 1 starten?' });
    await dialog.waitFor({ timeout: 30_000 });
    await eventually(() => focusedText(frame), (text) => text === 'Start stap 1', 'the focus on the dialog’s move');
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await sessionItem(world)).toMatchObject({ Stap: 'Voorbereiding' });
    await bar.getByRole('button', { name: 'Start stap 1', exact: true }).focus();
    await page.keyboard.press('Enter');
    await eventually(() => focusedText(frame), (text) => text === 'Start stap 1', 'the focus on the dialog’s move');
    await page.keyboard.press('Enter');
    await bar.getByRole('button', { name: 'Scores onthullen', exact: true }).waitFor({ timeout: 30_000 });
  });

  test('reveal, then "Wat opvalt" typed just before "Naar stap 2" is in SharePoint, and the stage starts at the top of stap 2', async () => {
    const world = meeting();
    const { page } = world;
    const stage = surfaces.stage(page, facilitator);
    await scoreStatements(surfaces.sidePanel(page, facilitator), { A: 4, B: 2, C: 3, D: 3, E: 'weetNiet', F: 5 });
    await scoreStatements(surfaces.sidePanel(page, debtCounsellor), { A: 2, B: 5, C: 3, D: 1, E: 4, F: 5 });
    await stage.getByText('2 deelnemers, 2 klaar').waitFor({ timeout: 30_000 });
    await facilitatorPressesOnStage(stage, 'Scores onthullen');
    await stage.getByRole('img', { name: /Spindiagram/ }).waitFor({ timeout: 30_000 });

    const card = surfaces.stageCard(page, facilitator);
    for (const theme of ['default', 'dark'] as const) await stageAt1280(page, card, 'stagebar-revealed', theme);
    await switchTheme(page, 'default', [card]);

    // Typed, and the move pressed at once: the move waits for the note.
    await stage.getByRole('textbox', { name: 'Wat opvalt …' }).fill(NOTE);
    await facilitatorPressesOnStage(stage, 'Naar stap 2', { mode: 'separate' });
    const item = await eventually(() => sessionItem(world), (fields) => fields.Stap === 'Stap 2', 'the session in stap 2');
    expect(item.WatOpvalt).toBe(NOTE);

    const frame = await frameOf(card);
    await eventually(() => frame.evaluate(() => ({ y: window.scrollY, focus: document.activeElement?.tagName ?? '' })), (at) => at.y === 0 && at.focus === 'H1', 'the top of stap 2 with the focus on its heading');
  });

  test('the stage with its bar has no serious or critical axe violations in light, dark and high contrast', async () => {
    const { page } = meeting();
    const card = surfaces.stageCard(page, facilitator);
    for (const theme of THEMES) {
      await switchTheme(page, theme, [card]);
      const audit = await auditSurface(page, card);
      expect({ theme, blocking: audit.blocking }).toEqual({ theme, blocking: [] });
      expect(audit.checkedRules).toBeGreaterThan(0);
    }
    await switchTheme(page, 'default', [card]);
    for (const theme of ['default', 'dark'] as const) await stageAt1280(page, card, 'stagebar-step2', theme);
    await switchTheme(page, 'default', [card]);
  });

  test('stap 3 from the bar; far down the side panel its moves stay at the top', async () => {
    const { page } = meeting();
    const stage = surfaces.stage(page, facilitator);
    await facilitatorPressesOnStage(stage, 'Naar stap 3');
    const bar = stage.getByRole('region', { name: 'Gespreksleider' });
    await bar.getByRole('button', { name: 'Sessie afsluiten', exact: true }).waitFor({ timeout: 30_000 });
    await bar.getByRole('button', { name: 'Publiceren naar Planner', exact: true }).click();
    await eventually(() => frameOf(surfaces.stageCard(page, facilitator)).then((f) => f.evaluate(() => document.activeElement?.textContent ?? '')), (text) => text === 'Naar Planner', 'the focus on the publish panel');
    const card = surfaces.stageCard(page, facilitator);
    for (const theme of ['default', 'dark'] as const) await stageAt1280(page, card, 'stagebar-step3-publish', theme);
    await switchTheme(page, 'default', [card]);

    const panelFrame = await frameOf(surfaces.sidePanelCard(page, facilitator));
    const top = await panelFrame.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      const region = document.querySelector('[aria-labelledby="facilitator-heading"]');
      return { scrolled: window.scrollY, top: region?.getBoundingClientRect().top ?? -1 };
    });
    expect(top.scrolled).toBeGreaterThan(0);
    expect(top.top).toBe(0);
    await screenshot(surfaces.sidePanelCard(page, facilitator), 'stagebar-sidepanel-step3-scrolled');
  });

  test('text typed on the stage a moment before "Sessie afsluiten" is pressed in the side panel is saved before the session closes', async () => {
    const world = meeting();
    const { page } = world;
    const stage = surfaces.stage(page, facilitator);
    const field = stage.getByRole('textbox', { name: 'Ruimte voor toelichting' });
    await field.fill('Wethouder vraagt om een voorstel');
    // The last words are typed just before the move: the stage's autosave is still waiting for a pause.
    await field.pressSequentially(' voor de zomer', { delay: 0 });
    await surfaces.sidePanel(page, facilitator).getByRole('region', { name: 'Gespreksleider' }).getByRole('button', { name: 'Sessie afsluiten', exact: true }).click();
    const item = await eventually(() => sessionItem(world), (fields) => fields.Stap === 'Afgesloten', 'the session closed');
    expect(item.Toelichting).toBe('Wethouder vraagt om een voorstel voor de zomer');
  });
});
