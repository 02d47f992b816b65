// Markup that people type stays text: a free text, a theme comment, an action title, a department
// and the session title carrying HTML, and a municipality edited straight into the SharePoint list,
// are shown literally on the side panel, the stage and the tab, never run or rendered as elements,
// and reach the Word report as escaped text inside its text runs.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { FrameLocator, Page } from 'playwright-core';
import { SEED } from '../../dev/graph-emulator/seed';
import { loadInstrument } from '../../src/domain/loadInstrument';
import { configureTab, daysFromToday, facilitatorPresses, join, openTheme, proposeAction, scoreStatements, shareToStage, SITE_URL_OF, waitSaved } from './support/flows';
import { editListItems } from './support/faults';
import { meetingPerTestFile, screenshot, simulatorUrl, surfaces, waitReady } from './support/meeting';

jest.setTimeout(120_000);

const { facilitator, debtCounsellor: participant } = SEED.users;
const meeting = meetingPerTestFile();
const instrument = loadInstrument('nl');

const IMG = '<img src=x onerror=alert(1)>';
const QUOTES = `'s-Hertogenbosch "quotes" & <b>bold</b>`;
const MUNICIPALITY = "'s-Hertogenbosch";
const TITLE = `Sessie ${QUOTES} ${IMG}`;
const FREE_TEXT = `${IMG} vrije tekst`;
const COMMENT = `Opmerking ${QUOTES} ${IMG}`;
const ACTION = `Actie ${IMG} & "quotes" <b>bold</b>`;
const DEPARTMENT = 'Publieke Gezondheid <i>GGD</i> & "jeugd"';
/** Written straight into the SharePoint list, where nothing validates it. */
const EDITED_MUNICIPALITY = `Gemeente ${IMG} & "Oss"`;
const ALL_TEXTS = [TITLE, FREE_TEXT, COMMENT, ACTION, DEPARTMENT, EDITED_MUNICIPALITY];
// Text is found by substring: no text may hide inside another, or finding one would prove nothing.
for (const a of ALL_TEXTS) for (const b of ALL_TEXTS) if (a !== b && b.toLowerCase().includes(a.toLowerCase())) throw new Error(`"${a}" is part of "${b}"`);

const q1 = instrument.themes[0]?.questions[0];
const q1Other = q1?.options.find((o) => o.freeText);
if (!q1 || !q1Other) throw new Error('the instrument has no free-text option in question 1');

/** Elements the markup would have made had it been parsed, in every frame of the meeting. */
async function injectedElements(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const frame of page.frames()) {
    const hits = await frame.evaluate(() =>
      [...document.querySelectorAll('img[src="x"], img[onerror], b, i')].filter((e) => e.tagName === 'IMG' || e.textContent === 'bold' || e.textContent === 'GGD').map((e) => e.outerHTML),
    );
    found.push(...hits.map((h) => `${frame.url()}: ${h}`));
  }
  return found;
}

async function expectLiteral(surface: FrameLocator, texts: readonly string[]): Promise<void> {
  for (const text of texts) await surface.getByText(text).first().waitFor({ timeout: 30_000 });
}

describe('markup typed by people is shown as text, everywhere', () => {
  test('the configuration refuses markup as a municipality and keeps it as typed; the title takes it as text', async () => {
    const world = meeting();
    const { page } = world;
    await page.goto(simulatorUrl(world, { users: [facilitator, participant], view: 'config' }));
    await waitReady(surfaces.configCard(page));
    const config = surfaces.config(page);
    const municipality = config.getByRole('textbox', { name: 'Gemeente' });
    await municipality.fill(IMG);
    await municipality.blur();
    await config.getByText('Gebruik alleen letters, spaties, koppeltekens en apostroffen').waitFor({ timeout: 10_000 });
    await expect(municipality.inputValue()).resolves.toBe(IMG);
    await expect(page.getByRole('button', { name: 'Opslaan', exact: true }).isDisabled()).resolves.toBe(true);

    await configureTab(page, { siteUrl: SITE_URL_OF(SEED.sites.team), groupName: SEED.groups.team.displayName, municipality: MUNICIPALITY, title: TITLE, purpose: 'agendering' });
    // Joining by hand: the department is typed here, and a department is text people type too.
    await waitReady(surfaces.sidePanelCard(page, participant));
    const panel = surfaces.sidePanel(page, participant);
    await panel.getByRole('button', { name: 'Meedoen' }).waitFor({ timeout: 30_000 });
    await panel.getByRole('radio', { name: 'Gezondheid' }).check();
    await panel.getByRole('textbox', { name: 'Afdeling' }).fill(DEPARTMENT);
    await panel.getByRole('button', { name: 'Meedoen' }).click();
    await waitSaved(panel);
    await panel.getByRole('heading', { name: TITLE, exact: true }).waitFor();
    await expectLiteral(panel, [MUNICIPALITY]);
  });

  test('a free text and a theme comment in stap 2 show as text in the side panel and on the stage', async () => {
    const { page } = meeting();
    await join(page, facilitator, 'Armoede en schulden');
    const panel = surfaces.sidePanel(page, participant);
    await facilitatorPresses(page, facilitator, 'Start stap 1');
    await scoreStatements(panel, { A: 3, B: 4, C: 2, D: 'weetNiet', E: 3, F: 5 });
    const stage = await shareToStage(page, facilitator);
    await facilitatorPresses(page, facilitator, 'Scores onthullen');
    await facilitatorPresses(page, facilitator, 'Naar stap 2');

    await openTheme(panel, /^A\. /);
    const question = panel.getByRole('group', { name: new RegExp(`^${q1.number}\\. `) });
    await question.getByRole('checkbox', { name: q1Other.text, exact: true }).check();
    await question.getByRole('textbox', { name: /^Toelichting bij: / }).fill(FREE_TEXT);
    await panel.getByRole('textbox', { name: 'Opmerkingenveld' }).fill(COMMENT);
    await waitSaved(panel);
    await expect(question.getByRole('textbox', { name: /^Toelichting bij: / }).inputValue()).resolves.toBe(FREE_TEXT);
    await expect(panel.getByRole('textbox', { name: 'Opmerkingenveld' }).inputValue()).resolves.toBe(COMMENT);

    // The facilitator opens theme A on the stage, where the text and the comment are shown.
    await stage.getByRole('region', { name: 'Stap 2 per thema' }).getByRole('button', { name: /^A\. / }).click();
    await expectLiteral(stage, [TITLE, MUNICIPALITY, FREE_TEXT, COMMENT]);
    await screenshot(surfaces.stageCard(page), 'markup-stage-step2');
    expect(await injectedElements(page)).toEqual([]);
  });

  test('an action title and department with markup show as text in the side panel and on the stage', async () => {
    const { page } = meeting();
    await facilitatorPresses(page, facilitator, 'Naar stap 3');
    const panel = surfaces.sidePanel(page, participant);
    await proposeAction(panel, { theme: 'A', title: ACTION, owner: participant, department: DEPARTMENT, dueDate: daysFromToday(21) });
    await expectLiteral(panel, [ACTION, DEPARTMENT]);
    await expectLiteral(surfaces.stage(page), [ACTION, DEPARTMENT]);
    await screenshot(surfaces.sidePanelCard(page, participant), 'markup-sidepanel-step3');
    expect(await injectedElements(page)).toEqual([]);
  });

  test('a municipality with markup edited straight into SharePoint shows as text in the side panel and on the stage', async () => {
    const world = meeting();
    const { page } = world;
    const edited = await editListItems(world, 'sessions', (fields) => fields.Gemeente === MUNICIPALITY, { Gemeente: EDITED_MUNICIPALITY }, facilitator);
    expect(edited).toBe(1);
    await expectLiteral(surfaces.sidePanel(page, participant), [EDITED_MUNICIPALITY]);
    await expectLiteral(surfaces.stage(page), [EDITED_MUNICIPALITY]);
    expect(await injectedElements(page)).toEqual([]);
  });

  test('the tab shows every text literally and its Word report carries them as escaped text runs only', async () => {
    const world = meeting();
    const { page } = world;
    await page.getByRole('button', { name: 'Tabblad', exact: true }).click();
    const card = surfaces.tabCard(page);
    await waitReady(card);
    const tab = surfaces.tab(page);
    await tab.getByRole('heading', { level: 1, name: TITLE, exact: true }).waitFor({ timeout: 30_000 });
    await expectLiteral(tab, ALL_TEXTS);
    await screenshot(card, 'markup-tab');
    expect(await injectedElements(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), tab.getByRole('button', { name: 'Exporteren naar Word' }).click()]);
    const file = await download.path();
    const zip = await JSZip.loadAsync(readFileSync(file));
    const xml = await zip.file('word/document.xml')?.async('string');
    if (xml === undefined) throw new Error('the export has no word/document.xml');

    const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    const runs = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? ''));
    const reportText = runs.join('\n');
    for (const text of ALL_TEXTS) expect({ text, inReport: reportText.includes(text) }).toEqual({ text, inReport: true });
    // Outside the text runs the XML has no trace of what people typed: no element, no attribute.
    const outsideRuns = xml.replace(/<w:t(?:\s[^>]*)?>[^<]*<\/w:t>/g, '');
    expect(outsideRuns).not.toMatch(/onerror|<img|<b>|src=x|quotes/);
    expect(xml).not.toMatch(/<img|<b>/);

    expect(world.dialogs).toEqual([]);
    expect(world.pageErrors).toEqual([]);
  });
});
