// A participant on a phone takes part from the meeting tab, the only surface Teams gives a phone:
// in the simulator their client is the tab alone, 360 px wide. They join, score stap 1, see the
// group's scores after the facilitator's reveal, answer stap 2 and propose an action in stap 3 —
// with axe clean in light, dark and high contrast, nothing scrolling sideways, and touch targets of
// at least 44 × 44 px. One meeting runs through the file; screenshots go to test-results/e2e/phone-*.png.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { SEED } from '../../dev/graph-emulator/seed';
import { listItems } from './support/faults';
import { auditFrame, switchTheme, THEMES, type SurfaceAudit } from './support/accessibility';
import { configureTab, daysFromToday, facilitatorPresses, join, openTheme, proposeAction, scoreStatements, SITE_URL_OF, tickOption, waitSaved } from './support/flows';
import { eventually, frameOf, RESULTS_DIR, meetingPerTestFile, screenshot, simulatorUrl, surfaces, waitReady, type SimulatorTheme } from './support/meeting';

jest.setTimeout(180_000);

const { facilitator, ggdNurse } = SEED.users;
const meeting = meetingPerTestFile();

// Every audit's findings, moderate and minor ones included, next to the screenshots for people to read.
const report: Record<string, SurfaceAudit> = {};
afterAll(() => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, 'phone-accessibility-report.json'), `${JSON.stringify(report, null, 2)}\n`);
});
const ACTION = 'Spreekuur van de GGD bij de schuldhulp';
const Q3_MEETINGS = 'Onze gemeente organiseert periodiek bijeenkomsten met partners uit zorg, welzijn, sport en onderwijs.';

/** axe in each theme, switched live as Teams does, with a screenshot of the whole document each time. */
async function auditInEveryTheme(page: Page, card: Locator, name: string): Promise<Record<SimulatorTheme, SurfaceAudit>> {
  const findings = {} as Record<SimulatorTheme, SurfaceAudit>;
  for (const theme of THEMES) {
    await switchTheme(page, theme, [card]);
    findings[theme] = await auditFrame(await frameOf(card));
    report[`${name}-${theme}`] = findings[theme];
    await screenshotWhole(card, `${name}-${theme}`);
  }
  await switchTheme(page, 'default', [card]);
  return findings;
}

function expectClean(findings: Record<SimulatorTheme, SurfaceAudit>): void {
  expect(Object.fromEntries(THEMES.map((theme) => [theme, findings[theme].blocking]))).toEqual(Object.fromEntries(THEMES.map((theme) => [theme, []])));
  for (const theme of THEMES) expect(findings[theme].checkedRules).toBeGreaterThan(0);
}

/** The surface's whole document, not just the phone's first screen. */
async function screenshotWhole(card: Locator, name: string): Promise<void> {
  const iframe = card.locator('iframe');
  const before = await iframe.evaluate((element: HTMLIFrameElement) => {
    const height = element.style.height;
    const content = element.contentDocument?.documentElement.scrollHeight ?? 0;
    if (content > element.clientHeight) element.style.height = `${content}px`;
    return height;
  });
  try {
    await screenshot(card, name);
  } finally {
    await iframe.evaluate((element: HTMLIFrameElement, height: string) => {
      element.style.height = height;
    }, before);
  }
}

/** The frame's width and how far its document reaches past it (0 when nothing scrolls sideways). */
async function widthAndOverflow(frame: Frame): Promise<{ width: number; overflow: number }> {
  return frame.evaluate(() => ({ width: document.documentElement.clientWidth, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth }));
}

/**
 * Every control in the tab smaller than 44 × 44 CSS px, as "name: width×height". A radio's or a
 * checkbox's target is its row (the hidden input and its label both select it); a link inside a
 * sentence is exempt (WCAG 2.5.5, "Inline").
 */
async function smallTargets(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const small: string[] = [];
    const seen = new Set<Element>();
    for (const element of Array.from(document.querySelectorAll('button, [role="tab"], summary, input, select, textarea, a[href]'))) {
      const target = element.closest('.fui-Radio, .fui-Checkbox') ?? element;
      if (seen.has(target)) continue;
      seen.add(target);
      if (element instanceof HTMLInputElement && element.type === 'hidden') continue;
      if (element.closest('[aria-hidden="true"]') || element.hasAttribute('data-tabster-dummy')) continue;
      if (element.tagName === 'A' && element.parentElement && element.parentElement.textContent !== element.textContent) continue;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.width < 44 || box.height < 44) {
        const name = element.getAttribute('aria-label') ?? (element.closest('.fui-Radio, .fui-Checkbox, button, [role="tab"]')?.textContent || element.getAttribute('name') || element.tagName);
        small.push(`${name.trim().slice(0, 40)}: ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  });
}

/** The checks every step of the phone's tab gets: 360 px, no sideways scroll, touch targets, axe in three themes. */
async function checkPhoneTab(page: Page, name: string): Promise<void> {
  const card = surfaces.tabCard(page, ggdNurse);
  const frame = await frameOf(card);
  expect(await widthAndOverflow(frame)).toEqual({ width: 360, overflow: 0 });
  expect(await smallTargets(frame)).toEqual([]);
  expectClean(await auditInEveryTheme(page, card, name));
}

const phoneTab = (page: Page): FrameLocator => surfaces.tab(page, ggdNurse);

/** Every script any frame on the page requested, with the frame that asked. */
const scripts: { file: string; frame: Frame }[] = [];
/** The app's script files the phone's tab has requested so far (content hashes dropped). */
async function scriptsOfPhoneTab(page: Page): Promise<string[]> {
  const frame = await frameOf(surfaces.tabCard(page, ggdNurse));
  return scripts.filter((s) => s.frame === frame).map((s) => s.file.replace(/\.[0-9a-f]{8}\.js$/, ''));
}

describe('a participant on a phone answers stap 1 to 3 from the meeting tab at 360 px', () => {
  test('the organiser sets up the meeting; the phone shows the tab, on Meedoen, with the join form', async () => {
    const world = meeting();
    const { page } = world;
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push({ file: new URL(request.url()).pathname.split('/').pop() ?? '', frame: request.frame() });
    });
    await page.goto(simulatorUrl(world, { users: [facilitator, ggdNurse], mobile: [ggdNurse], view: 'config' }));
    await configureTab(page, { siteUrl: SITE_URL_OF(SEED.sites.team), groupName: SEED.groups.team.displayName, municipality: 'Tilburg', title: 'Armoede en gezondheid op de telefoon', purpose: 'betrekkenVeld' });
    // A phone has no side panel and no stage: only the tab.
    expect(await surfaces.sidePanelCard(page, ggdNurse).count()).toBe(0);
    await waitReady(surfaces.tabCard(page, ggdNurse));
    const tab = phoneTab(page);
    expect(await tab.getByRole('tab', { name: 'Meedoen' }).getAttribute('aria-selected', { timeout: 30_000 })).toBe('true');
    await tab.getByRole('button', { name: 'Meedoen' }).waitFor({ timeout: 30_000 });
    // Answering loads the side panel's own chunk; never the review page's (charts, report export).
    const loaded = await scriptsOfPhoneTab(page);
    expect(loaded).toEqual(expect.arrayContaining(['tab', 'sidepanel']));
    expect(loaded.filter((f) => /^(tab-review|export|docx|stage)$/.test(f))).toEqual([]);
    await checkPhoneTab(page, 'phone-join');
  });

  test('joins from the tab and scores stap 1, saved as in the side panel', async () => {
    const { page } = meeting();
    await join(page, facilitator, 'Armoede en schulden');
    const tab = phoneTab(page);
    await tab.getByRole('radio', { name: 'Gezondheid' }).check();
    await tab.getByRole('button', { name: 'Meedoen' }).click();
    await waitSaved(tab);
    await tab.getByText(/^U doet mee als Lotte van den Heuvel\./).waitFor({ timeout: 30_000 });
    await facilitatorPresses(page, facilitator, 'Start stap 1');
    await tab.getByRole('radiogroup', { name: /^A\. / }).waitFor({ timeout: 30_000 });
    await checkPhoneTab(page, 'phone-step1');
    await scoreStatements(tab, { A: 2, B: 4, C: 'weetNiet', D: 3, E: 5, F: 1 });
    // In SharePoint, in her own answers item, as from a side panel.
    await eventually(
      async () => (await listItems(meeting(), 'answers')).find((a) => a.DeelnemerId === ggdNurse.id),
      (item) => item?.ScoreA === 2 && item.ScoreB === 4 && item.WeetNiet === 'C' && typeof item.KlaarStap1 === 'string',
      "the phone's scores in SharePoint",
    );
    await scoreStatements(surfaces.sidePanel(page, facilitator), { A: 4, B: 2, C: 3, D: 3, E: 4, F: 2 });
    // The facilitator's control counts the phone's "Klaar" like anyone's.
    await surfaces.sidePanel(page, facilitator).getByText(/2 van 2/).first().waitFor({ timeout: 30_000 });
  });

  test("after the facilitator's reveal the phone shows its own scores, and the group's under Overzicht", async () => {
    const { page } = meeting();
    await facilitatorPresses(page, facilitator, 'Scores onthullen');
    const tab = phoneTab(page);
    await tab.getByText('De scores van de groep staan onder ‘Overzicht’.').waitFor({ timeout: 30_000 });
    await screenshotWhole(surfaces.tabCard(page, ggdNurse), 'phone-revealed');
    await tab.getByRole('tab', { name: 'Overzicht' }).click();
    await tab.getByRole('heading', { name: 'Resultaten' }).waitFor({ timeout: 30_000 });
    expect(await scriptsOfPhoneTab(page)).toContain('tab-review');
    await tab.getByRole('table', { name: /^Scores per stelling/ }).waitFor();
    // The group's scores, both people's, as the stage shows them.
    const rowB = tab.getByRole('table', { name: /^Scores per stelling/ }).getByRole('row', { name: /^B\. / });
    expect(await rowB.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining(['2', '4']));
    await checkPhoneTab(page, 'phone-revealed-overzicht');
    await tab.getByRole('tab', { name: 'Meedoen' }).click();
    await tab.getByRole('radiogroup', { name: /^A\. / }).waitFor({ timeout: 30_000 });
  });

  test('answers stap 2 from the tab', async () => {
    const { page } = meeting();
    await facilitatorPresses(page, facilitator, 'Naar stap 2');
    const tab = phoneTab(page);
    await openTheme(tab, /^B\. /);
    await tickOption(tab, 3, Q3_MEETINGS);
    await waitSaved(tab);
    await checkPhoneTab(page, 'phone-step2');
  });

  test('proposes an action in stap 3 from the tab, and the facilitator sees it on the agenda', async () => {
    const { page } = meeting();
    await facilitatorPresses(page, facilitator, 'Naar stap 3');
    const tab = phoneTab(page);
    await proposeAction(tab, { theme: 'B', title: ACTION, owner: null, department: 'GGD', dueDate: daysFromToday(30) });
    await surfaces.sidePanel(page, facilitator).getByRole('listitem').filter({ hasText: ACTION }).first().waitFor({ timeout: 30_000 });
    await checkPhoneTab(page, 'phone-step3');
  });

  test('SharePoint holds what the phone entered in its own answers item, and its proposal on the agenda', async () => {
    const world = meeting();
    const answers = await listItems(world, 'answers');
    const lotte = answers.find((a) => a.DeelnemerId === ggdNurse.id);
    expect(lotte).toMatchObject({ ScoreA: 2, ScoreB: 4, WeetNiet: 'C', ScoreE: 5 });
    expect(String(lotte?.Stap2Json ?? '')).not.toBe('');
    const actions = await listItems(world, 'actions');
    expect(actions.map((a) => a.Actie)).toContain(ACTION);
    expect(world.pageErrors).toEqual([]);
  });
});
