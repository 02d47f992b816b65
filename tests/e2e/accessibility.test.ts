// Every surface of the app, in each of Teams' three themes, checked by axe-core (WCAG 2.0/2.1 A and
// AA plus best practices) inside the simulator, with a screenshot per surface and theme in
// test-results/e2e/. One meeting runs through the whole file (configuration, stap 1 to 3, stage,
// tab) and themes change live as Teams changes them, so the browser starts once.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { SEED } from '../../dev/graph-emulator/seed';
import { auditSurface, switchTheme, THEMES, type SurfaceAudit } from './support/accessibility';
import { configureTab, daysFromToday, facilitatorPresses, join, openTheme, proposeAction, scoreStatements, shareToStage, SITE_URL_OF, waitSaved } from './support/flows';
import { frameOf, meetingPerTestFile, RESULTS_DIR, screenshot, simulatorUrl, surfaces, waitReady, type SimulatorTheme } from './support/meeting';

jest.setTimeout(120_000);

const { facilitator, debtCounsellor } = SEED.users;
const meeting = meetingPerTestFile();

// Every audit's findings, moderate and minor ones included, next to the screenshots for people to read.
const report: Record<string, SurfaceAudit> = {};
afterAll(() => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, 'accessibility-report.json'), `${JSON.stringify(report, null, 2)}\n`);
});

/** Audits `card` in every theme (switched live) and keeps a screenshot of each; returns the findings per theme. */
async function auditInEveryTheme(page: Page, card: Locator, name: string, alsoShowing: readonly Locator[] = []): Promise<Record<SimulatorTheme, SurfaceAudit>> {
  const findings = {} as Record<SimulatorTheme, SurfaceAudit>;
  for (const theme of THEMES) {
    await switchTheme(page, theme, [card, ...alsoShowing]);
    findings[theme] = await auditSurface(page, card);
    await screenshotWhole(card, `${name}-${theme}`);
    report[`${name}-${theme}`] = findings[theme];
  }
  await switchTheme(page, 'default', [card, ...alsoShowing]);
  return findings;
}

/** The surface's whole document, not just what fits in the simulator's frame, so nothing below the fold goes unseen. */
async function screenshotWhole(card: Locator, name: string): Promise<void> {
  const iframe = card.locator('iframe');
  const shown = await iframe.evaluate((element: HTMLIFrameElement) => {
    const before = element.style.height;
    const content = element.contentDocument?.documentElement.scrollHeight ?? 0;
    if (content > element.clientHeight) element.style.height = `${content}px`;
    return before;
  });
  try {
    await screenshot(card, name);
  } finally {
    await iframe.evaluate((element: HTMLIFrameElement, before: string) => {
      element.style.height = before;
    }, shown);
  }
}

function expectClean(findings: Record<SimulatorTheme, SurfaceAudit>): void {
  // All three themes in one comparison, so a failure shows every theme's violations at once.
  const blockingPerTheme = Object.fromEntries(THEMES.map((theme) => [theme, findings[theme].blocking]));
  expect(blockingPerTheme).toEqual(Object.fromEntries(THEMES.map((theme) => [theme, []])));
  for (const theme of THEMES) expect(findings[theme].checkedRules).toBeGreaterThan(0);
}

/** How far the document reaches past the frame's width (0 when nothing scrolls sideways). */
async function sidewaysOverflow(frame: Frame): Promise<number> {
  return frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Focus indicators drawn on an element and its three nearest ancestors: outlines and shadows, and
 * the bordered ::before/::after that Fluent draws around a control whose (invisible) native input
 * has the focus. An element with opacity 0 draws nothing, so its outline does not count.
 */
async function indicatorsAround(frame: Frame, marker: string): Promise<string[]> {
  return frame.evaluate((attribute) => {
    const found: string[] = [];
    let element: Element | null = document.querySelector(`[${attribute}]`);
    for (let depth = 0; element && depth < 4; depth++, element = element.parentElement) {
      if (getComputedStyle(element).opacity === '0') continue;
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(element, pseudo);
        if (pseudo && (style.content === 'none' || style.content === 'normal')) continue;
        const where = `${depth}${pseudo ?? ''}`;
        if (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') found.push(`${where} outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`);
        if (style.boxShadow !== 'none') found.push(`${where} box-shadow ${style.boxShadow}`);
        if (pseudo && style.borderTopStyle !== 'none' && style.borderTopWidth !== '0px') found.push(`${where} border ${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor}`);
      }
    }
    return found;
  }, marker);
}

describe('the app meets WCAG 2.1 AA in light, dark and high contrast on every surface', () => {
  test('the configuration page has no serious or critical violations', async () => {
    const world = meeting();
    await world.page.goto(simulatorUrl(world, { users: [facilitator, debtCounsellor], view: 'config' }));
    const card = surfaces.configCard(world.page);
    await waitReady(card);
    await surfaces.config(world.page).getByRole('heading', { name: 'Gesprekstool instellen' }).waitFor({ timeout: 30_000 });

    expectClean(await auditInEveryTheme(world.page, card, 'config'));

    await configureTab(world.page, {
      siteUrl: SITE_URL_OF(SEED.sites.team),
      groupName: SEED.groups.team.displayName,
      municipality: 'Tilburg',
      title: 'Toegankelijkheid in de praktijk',
      purpose: 'aanscherpen',
    });
  });

  test('the meeting tab before the meeting (preparation: the six statements to read ahead, the mode choice) has no serious or critical violations', async () => {
    const world = meeting();
    await world.page.getByRole('button', { name: 'Tabblad', exact: true }).click();
    const card = surfaces.tabCard(world.page);
    await waitReady(card);
    await surfaces.tab(world.page).getByRole('heading', { name: 'Voorbereiding' }).waitFor({ timeout: 30_000 });

    expectClean(await auditInEveryTheme(world.page, card, 'tab-preparation'));
    await world.page.getByRole('button', { name: 'Vergadering', exact: true }).click();
  });

  test('the side panel before joining (the join form) has no serious or critical violations and never scrolls sideways at 320 px', async () => {
    const { page } = meeting();
    const card = surfaces.sidePanelCard(page, facilitator);
    await waitReady(card);
    await surfaces.sidePanel(page, facilitator).getByRole('button', { name: 'Meedoen' }).waitFor({ timeout: 30_000 });

    expectClean(await auditInEveryTheme(page, card, 'sidepanel-join'));
    expect(await sidewaysOverflow(await frameOf(card))).toBeLessThanOrEqual(0);
  });

  test('the side panel in stap 1 has no serious or critical violations and never scrolls sideways at 320 px', async () => {
    const { page } = meeting();
    await join(page, facilitator, 'Armoede en schulden');
    await join(page, debtCounsellor, 'Armoede en schulden');
    await facilitatorPresses(page, facilitator, 'Start stap 1');
    const panel = surfaces.sidePanel(page, facilitator);
    await panel.getByRole('radiogroup', { name: /^A\. / }).waitFor({ timeout: 30_000 });
    const card = surfaces.sidePanelCard(page, facilitator);

    expectClean(await auditInEveryTheme(page, card, 'sidepanel-step1'));
    expect(await sidewaysOverflow(await frameOf(card))).toBeLessThanOrEqual(0);
  });

  test('in stap 1 Tab reaches the statement radio groups, arrow keys change the score, and focus is visible', async () => {
    const { page } = meeting();
    const card = surfaces.sidePanelCard(page, debtCounsellor);
    const panel = surfaces.sidePanel(page, debtCounsellor);
    const groupA = panel.getByRole('radiogroup', { name: /^A\. / });
    await groupA.waitFor({ timeout: 30_000 });
    const frame = await frameOf(card);

    // Start from the top of the panel as someone arriving in it would, then only use the keyboard.
    await panel.getByRole('heading', { level: 2 }).first().click();
    const inGroupA = () => frame.evaluate(() => document.activeElement?.closest('[role="radiogroup"]')?.getAttribute('aria-labelledby') ?? null);
    const groupALabelledBy = await groupA.getAttribute('aria-labelledby');
    let presses = 0;
    while ((await inGroupA()) !== groupALabelledBy && presses < 60) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await inGroupA()).toBe(groupALabelledBy);
    expect(await frame.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');

    await frame.evaluate(() => document.activeElement?.setAttribute('data-e2e-focused', ''));
    const focusedIndicators = await indicatorsAround(frame, 'data-e2e-focused');

    await page.keyboard.press('ArrowDown');
    const afterDown = await groupA.getByRole('radio', { checked: true }).getAttribute('value');
    expect(afterDown).not.toBeNull();
    await page.keyboard.press('ArrowDown');
    const afterSecondDown = await groupA.getByRole('radio', { checked: true }).getAttribute('value');
    expect(afterSecondDown).not.toBe(afterDown);
    // The checked radio is the focused one: the score followed the arrow keys.
    expect(await frame.evaluate(() => (document.activeElement as HTMLInputElement | null)?.checked)).toBe(true);
    await screenshot(card, 'sidepanel-step1-keyboard-focus');

    // Leaving the group takes the focus ring with it: the indicator seen above belongs to the focus.
    await page.keyboard.press('Tab');
    const unfocusedIndicators = await indicatorsAround(frame, 'data-e2e-focused');
    expect(focusedIndicators.length).toBeGreaterThan(0);
    expect(focusedIndicators).not.toEqual(unfocusedIndicators);
    await waitSaved(panel);
  });

  test('the stage after the reveal (chart and table) has no serious or critical violations', async () => {
    const { page } = meeting();
    await shareToStage(page, facilitator);
    await scoreStatements(surfaces.sidePanel(page, facilitator), { A: 4, B: 2, C: 'weetNiet', D: 3, E: 5, F: 1 });
    await scoreStatements(surfaces.sidePanel(page, debtCounsellor), { A: 2, B: 2, C: 3, D: 5, E: 4, F: 'weetNiet' });
    await facilitatorPresses(page, facilitator, 'Scores onthullen');
    const stage = surfaces.stage(page);
    await stage.getByRole('table').first().waitFor({ timeout: 30_000 });
    await stage.locator('svg').first().waitFor({ timeout: 30_000 });
    const card = surfaces.stageCard(page);

    expectClean(await auditInEveryTheme(page, card, 'stage-revealed'));
    // The simulator's stage is about 1090 px wide: with two people the table fits without a sideways scroll.
    const table = stage.getByRole('region', { name: /^Scores per stelling/ });
    expect(await table.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(0);
  });

  test('the side panel in stap 2 with a theme opened has no serious or critical violations', async () => {
    const { page } = meeting();
    await facilitatorPresses(page, facilitator, 'Naar stap 2');
    const panel = surfaces.sidePanel(page, facilitator);
    await openTheme(panel, /^A\. /);
    await panel.getByRole('group').first().waitFor({ timeout: 30_000 });
    const card = surfaces.sidePanelCard(page, facilitator);

    expectClean(await auditInEveryTheme(page, card, 'sidepanel-step2'));
    expect(await sidewaysOverflow(await frameOf(card))).toBeLessThanOrEqual(0);
  });

  test("stap 2's inspiration dialog in the side panel has no serious or critical violations", async () => {
    const { page } = meeting();
    const panel = surfaces.sidePanel(page, facilitator);
    await panel.getByRole('button', { name: /^Inspiratie uit de praktijk/ }).first().click();
    const dialog = panel.getByRole('dialog');
    await dialog.waitFor({ timeout: 10_000 });
    const card = surfaces.sidePanelCard(page, facilitator);

    try {
      expectClean(await auditInEveryTheme(page, card, 'sidepanel-step2-inspiration'));
    } finally {
      // The dialog is modal: left open it would block the facilitator's controls for the next steps.
      await dialog.getByRole('button', { name: 'Sluiten' }).click();
      await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    }
  });

  test('the side panel in stap 3 and the agenda editor on the stage have no serious or critical violations', async () => {
    const { page } = meeting();
    await facilitatorPresses(page, facilitator, 'Naar stap 3');
    const panel = surfaces.sidePanel(page, facilitator);
    await proposeAction(panel, { theme: 'B', title: 'Schuldhulp en GGD delen één intake', owner: debtCounsellor, department: 'Armoede & Schulden', dueDate: daysFromToday(30) });
    const panelCard = surfaces.sidePanelCard(page, facilitator);
    const stageCard = surfaces.stageCard(page);
    await surfaces.stage(page).getByText('Schuldhulp en GGD delen één intake').first().waitFor({ timeout: 30_000 });

    expectClean(await auditInEveryTheme(page, panelCard, 'sidepanel-step3', [stageCard]));
    expect(await sidewaysOverflow(await frameOf(panelCard))).toBeLessThanOrEqual(0);
    expectClean(await auditInEveryTheme(page, stageCard, 'stage-agenda', [panelCard]));
  });

  test('the meeting tab has no serious or critical violations', async () => {
    const world = meeting();
    await world.page.getByRole('button', { name: 'Tabblad', exact: true }).click();
    const card = surfaces.tabCard(world.page);
    await waitReady(card);
    await surfaces.tab(world.page).getByRole('heading').first().waitFor({ timeout: 30_000 });

    expectClean(await auditInEveryTheme(world.page, card, 'tab'));
    expect(world.pageErrors).toEqual([]);
  });
});

