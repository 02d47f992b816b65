// A whole session the way a municipality runs it, in one meeting with one browser: the organiser
// (who facilitates) sets up the tab, three colleagues join from the poverty side, the health side and
// a partner organisation, everyone scores in private, the facilitator reveals, step 2 is filled in,
// the action agenda goes to Planner, and the tab and SharePoint hold the result. The Planner group is
// "Schuldhulp Overleg", so the GGD nurse and the health policy officer are not members of it: the
// task owned by the nurse must be created without an assignee and the stage must say so.
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { SEED, type SeedUser } from '../../dev/graph-emulator/seed';
import {
  addActionOnStage,
  configureTab,
  daysFromToday,
  facilitatorPresses,
  join,
  openTheme,
  optionBox,
  proposeAction,
  publishToPlanner,
  scoreStatements,
  shareToStage,
  SITE_URL_OF,
  tickOption,
  waitSaved,
  writeOptionText,
  type ActionDraft,
  type ScoreSheet,
} from './support/flows';
import { eventually, frameOf, meetingPerTestFile, screenshot, simulatorUrl, surfaces, type MeetingWorld } from './support/meeting';

jest.setTimeout(150_000);

const { facilitator, debtCounsellor, ggdNurse, healthPolicy } = SEED.users;
const group = SEED.groups.debtGroup;
const site = SEED.sites.team;
const participants = [debtCounsellor, ggdNurse, healthPolicy] as const;
const everyone: readonly SeedUser[] = [facilitator, ...participants];

// Spread per statement: A 1, B 4 (the largest disagreement), C 1 with one weet niet, D 2, E 1, F 0.
const SCORES = new Map<SeedUser, ScoreSheet>([
  [facilitator, { A: 3, B: 2, C: 3, D: 4, E: 4, F: 2 }],
  [debtCounsellor, { A: 3, B: 5, C: 'weetNiet', D: 4, E: 5, F: 2 }],
  [ggdNurse, { A: 4, B: 1, C: 3, D: 2, E: 4, F: 2 }],
  [healthPolicy, { A: 3, B: 2, C: 4, D: 3, E: 4, F: 2 }],
]);

const Q3 = {
  meetings: 'Onze gemeente organiseert periodiek bijeenkomsten met partners uit zorg, welzijn, sport en onderwijs.',
  neighbourhood: 'Onze gemeente haalt periodiek signalen op bij de wijkteams.',
  other: 'Anders namelijk…',
  dontKnow: 'Weet niet.',
};
const NOTE = 'Over B lopen de beelden het verst uiteen; C weet Sanne niet.';
const MEET_AGAIN = daysFromToday(100);
const ACCOUNTABILITY = 'Elke maand een kwartier in het teamoverleg: wie loopt achter, wat is er nodig?';
const FREE_TEXT = 'Via de GGD-monitor per wijk, twee keer per jaar';

const ACTIONS: readonly ActionDraft[] = [
  { theme: 'B', title: 'Schuldhulp en GGD delen één intakeformulier', owner: debtCounsellor, department: 'Armoede & Schulden', dueDate: daysFromToday(30) },
  { theme: 'B', title: 'GGD-huisbezoeken bij gezinnen in de schuldhulp', owner: ggdNurse, department: 'Publieke Gezondheid', dueDate: daysFromToday(45) },
  { theme: 'D', title: 'Gezondheidssignalen bespreken in elk schuldhulpgesprek', owner: facilitator, department: 'Armoede & Schulden', dueDate: daysFromToday(60) },
  { theme: 'E', title: 'Gezamenlijke monitor armoede en gezondheid opzetten', owner: facilitator, department: 'Publieke Gezondheid', dueDate: daysFromToday(90) },
];

const meeting = meetingPerTestFile();
/** Errors and warnings any frame wrote to the console: a person never sees them, a broken request shows up here first. */
const consoleProblems: string[] = [];

/** "23 december 2026" for 2026-12-23. */
function dutchDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Everything a person can read in a frame (visually hidden text included, as a screen reader reads it). */
async function textOf(frame: Frame): Promise<string> {
  return frame.evaluate(() => document.body.textContent ?? '');
}

async function sidePanelFrame(page: Page, user: SeedUser): Promise<Frame> {
  return frameOf(surfaces.sidePanelCard(page, user));
}

/** Reads Graph in the emulator as a seeded person (a token with the read scopes), as the app would. */
async function graph<T>(world: MeetingWorld, user: SeedUser, path: string): Promise<T> {
  const token = world.emulator.admin.issueToken({ upn: user.userPrincipalName, scopes: ['Sites.Read.All', 'Tasks.Read'] });
  const response = await fetch(`${world.emulator.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path} as ${user.userPrincipalName}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

interface ListItems {
  value: { fields: Record<string, unknown> }[];
}
const listItems = (world: MeetingWorld, title: string) =>
  graph<ListItems>(world, facilitator, `/sites/${encodeURIComponent(site.id)}/lists/${encodeURIComponent(title)}/items?expand=fields&$top=100`).then((r) => r.value.map((i) => i.fields));

describe('a whole session in the meeting: set up, score, reveal, deepen, agree on actions, publish', () => {
  test('the organiser sets up the tab and four people join from the poverty side, the health side and a partner organisation, one after stap 1 has started', async () => {
    const world = meeting();
    const { page } = world;
    page.on('console', (message) => {
      if (message.type() !== 'error' && message.type() !== 'warning') return;
      // The facilitator writes the session item from the side panel and from the stage; the loser of
      // such a race gets 412 and the store merges onto the fresh copy (writeWithMerge). The outcomes
      // asserted below (notes, follow-up, state) show nothing was lost; the browser logs the 412 anyway.
      if (/status of 412 /.test(message.text()) && message.location().url.includes('/lists/Gesprekstool%20sessies/items/')) return;
      consoleProblems.push(`${message.type()}: ${message.text()} @ ${message.location().url}`);
    });
    await page.goto(simulatorUrl(world, { users: everyone, organiser: facilitator }));
    await configureTab(page, {
      siteUrl: SITE_URL_OF(site),
      groupName: group.displayName,
      municipality: "'s-Hertogenbosch",
      title: 'Armoede en gezondheid, najaar',
      purpose: 'agendering',
    });
    await join(page, facilitator, 'Armoede en schulden');
    await join(page, debtCounsellor, 'Armoede en schulden');
    await join(page, ggdNurse, 'Partnerorganisatie', 'GGD Hart voor Brabant');
    await screenshot(surfaces.sidePanelCard(page, ggdNurse), 'session-01-sidepanel-joined');

    const stage = await shareToStage(page, facilitator);
    await facilitatorPresses(page, facilitator, 'Start stap 1');
    await stage.getByText('3 deelnemers, 0 klaar').waitFor({ timeout: 30_000 });
    // Anouk comes in late, after stap 1 has started.
    await join(page, healthPolicy, 'Gezondheid');
    await surfaces.sidePanel(page, healthPolicy).getByRole('radiogroup', { name: /^A\. / }).waitFor();
    await stage.getByText('4 deelnemers, 0 klaar').waitFor({ timeout: 30_000 });
  });

  test('in stap 1 everyone scores in private: before the reveal no side panel and not the stage shows anyone else’s scores', async () => {
    const { page } = meeting();
    for (const user of everyone) await scoreStatements(surfaces.sidePanel(page, user), SCORES.get(user) ?? {});
    const stage = surfaces.stage(page);
    // Sanne hesitates over B after saying she is done, then settles on her first answer again.
    const sanne = surfaces.sidePanel(page, debtCounsellor);
    await sanne.getByRole('button', { name: 'Toch nog aanpassen' }).click();
    await stage.getByText('4 deelnemers, 3 klaar').waitFor({ timeout: 30_000 });
    await scoreStatements(sanne, { B: 5 });
    await stage.getByText('4 deelnemers, 4 klaar').waitFor({ timeout: 30_000 });
    await screenshot(surfaces.stageCard(page), 'session-02-stage-before-reveal');
    await screenshot(surfaces.sidePanelCard(page, debtCounsellor), 'session-02-sidepanel-scored');

    for (const user of everyone) {
      const frame = await sidePanelFrame(page, user);
      const text = await textOf(frame);
      for (const other of everyone.filter((u) => u !== user)) expect({ user: user.displayName, shows: text.includes(other.displayName) ? other.displayName : null }).toEqual({ user: user.displayName, shows: null });
      expect(await frame.locator('table, svg[role="img"]').count()).toBe(0);
      for (const words of ['Gemiddelde', 'Spreiding', 'Gesprekspunt', 'punten uit elkaar']) expect({ user: user.displayName, words, shown: text.includes(words) }).toEqual({ user: user.displayName, words, shown: false });
      // The ticked radios are exactly this person's own sheet.
      const panel = surfaces.sidePanel(page, user);
      for (const [theme, answer] of Object.entries(SCORES.get(user) ?? {})) {
        const checked = panel.getByRole('radiogroup', { name: new RegExp(`^${theme}\\. `) }).getByRole('radio', { checked: true });
        expect(await checked.count()).toBe(1);
        expect(await checked.getAttribute('value')).toBe(answer === 'weetNiet' ? 'weetNiet' : String(answer));
      }
    }

    const stageFrame = await frameOf(surfaces.stageCard(page));
    const stageText = await textOf(stageFrame);
    expect(stageText).toContain('De scores blijven verborgen tot de gespreksleider ze onthult.');
    for (const words of ['mee eens', 'neutraal', 'weet niet', 'Gemiddelde', 'Gesprekspunt']) expect({ words, shown: stageText.includes(words) }).toEqual({ words, shown: false });
    expect(await stageFrame.locator('table, svg[role="img"]').count()).toBe(0);
  });

  test('the facilitator reveals: the stage shows the spider chart and the table, largest disagreement first and the weet niet called out', async () => {
    const world = meeting();
    const { page } = world;
    await facilitatorPresses(page, facilitator, 'Scores onthullen');
    const stage = surfaces.stage(page);
    await stage.getByRole('img', { name: /^Spindiagram: scores per stelling/ }).waitFor({ timeout: 30_000 });
    const table = stage.getByRole('table', { name: /^Scores per stelling/ });
    await table.waitFor();
    for (const user of everyone) await table.getByRole('columnheader', { name: user.displayName }).waitFor();

    // The conversation order: B (4 points apart), D (2), then C (one weet niet among scores).
    const order = stage.getByRole('region', { name: /^Waar praten we over\?/ }).getByRole('listitem');
    const items = await order.allTextContents();
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/^B\. Zicht op de lokale problematiek en kansen — scores liggen 4 punten uit elkaar$/);
    expect(items[1]).toMatch(/^D\. .* — scores liggen 2 punten uit elkaar$/);
    expect(items[2]).toMatch(/^C\. .* — 1 keer weet niet naast scores$/);

    // In the table: the divergent rows are marked in words, Sanne's weet niet stands in her column.
    const rowB = table.getByRole('row', { name: /^B\. / });
    await expect(rowB.textContent()).resolves.toContain('Gesprekspunt: scores liggen 4 punten uit elkaar');
    const rowC = table.getByRole('row', { name: /^C\. / });
    expect(await rowC.getByRole('cell').nth(1).textContent()).toBe('weet niet');
    expect(await table.locator('tr[data-conversation-point="true"]').count()).toBe(3);
    await screenshot(surfaces.stageCard(page), 'session-03-stage-revealed');
    await table.scrollIntoViewIfNeeded();
    await screenshot(surfaces.stageCard(page), 'session-03-stage-table');

    // What strikes the group, noted by the facilitator on the stage for everyone.
    const note = stage.getByRole('textbox', { name: 'Wat opvalt …' });
    await note.fill(NOTE);
    // It saves itself once typing pauses (no Opslaan), with the answers' indicator.
    await eventually(() => listItems(world, 'Gesprekstool sessies'), (items) => items[0]?.WatOpvalt === NOTE, 'the note in SharePoint');
    await note.locator('xpath=ancestor::section[1]').getByRole('status').filter({ hasText: /^Opgeslagen$/ }).waitFor({ timeout: 30_000 });

    // Each side panel still shows only its own scores; the group's are on the stage.
    for (const user of participants) {
      const panel = surfaces.sidePanel(page, user);
      await panel.getByText('De scores van iedereen staan nu op het gedeelde scherm.').waitFor({ timeout: 30_000 });
      const text = await textOf(await sidePanelFrame(page, user));
      for (const other of everyone.filter((u) => u !== user)) expect(text).not.toContain(other.displayName);
    }
    await surfaces.sidePanel(page, debtCounsellor).getByText('De scores van iedereen staan nu op het gedeelde scherm.').scrollIntoViewIfNeeded();
    await screenshot(surfaces.sidePanelCard(page, debtCounsellor), 'session-03-sidepanel-revealed');
  });

  test('in stap 2 an exclusive "Weet niet." clears the other ticks, a free text is written, and the stage shows counts and the text with its writer', async () => {
    const { page } = meeting();
    await facilitatorPresses(page, facilitator, 'Naar stap 2');

    const sanne = surfaces.sidePanel(page, debtCounsellor);
    await openTheme(sanne, /^B\. /);
    await tickOption(sanne, 3, Q3.meetings);
    await tickOption(sanne, 3, Q3.neighbourhood);
    await tickOption(sanne, 3, Q3.dontKnow);
    expect(await optionBox(sanne, 3, Q3.dontKnow).isChecked()).toBe(true);
    expect(await optionBox(sanne, 3, Q3.meetings).isChecked()).toBe(false);
    expect(await optionBox(sanne, 3, Q3.neighbourhood).isChecked()).toBe(false);
    await waitSaved(sanne);

    const lotte = surfaces.sidePanel(page, ggdNurse);
    await openTheme(lotte, /^B\. /);
    await tickOption(lotte, 3, Q3.meetings);
    await tickOption(lotte, 3, Q3.other);
    await writeOptionText(lotte, Q3.other, FREE_TEXT);
    await waitSaved(lotte);
    await screenshot(surfaces.sidePanelCard(page, ggdNurse), 'session-04-sidepanel-step2');

    // The facilitator opens theme B on the stage: everyone's stage shows that theme, the options
    // somebody chose with who chose them, the others folded away.
    const stage = surfaces.stage(page);
    await stage.getByRole('region', { name: 'Stap 2 per thema' }).getByRole('button', { name: /^B\. / }).click();
    const question = stage.getByRole('region', { name: /^3\. Hoe krijgen wij/ });
    await question.getByText('2 van 4 deelnemers beantwoordden deze vraag.').waitFor({ timeout: 30_000 });
    const chosenBy = async (option: string) => question.getByRole('listitem').filter({ has: stage.getByText(option, { exact: true }) }).first().innerText();
    expect(await chosenBy(Q3.meetings)).toContain(`Gekozen door ${ggdNurse.displayName}`);
    expect(await chosenBy(Q3.dontKnow)).toContain(`Gekozen door ${debtCounsellor.displayName}`);
    expect(await chosenBy(Q3.other)).toContain(`${ggdNurse.displayName}: ${FREE_TEXT}`);
    // Nobody chose the neighbourhood option: it is folded away, one press from view.
    expect(await question.getByText(Q3.neighbourhood, { exact: true }).isVisible()).toBe(false);
    const folded = question.getByRole('button', { name: /door niemand gekozen$/ });
    await folded.click();
    expect(await folded.getAttribute('aria-expanded')).toBe('true');
    await question.getByText(Q3.neighbourhood, { exact: true }).waitFor({ timeout: 10_000 });
    await question.scrollIntoViewIfNeeded();
    await screenshot(surfaces.stageCard(page), 'session-04-stage-step2');
  });

  test('in stap 3 participants propose actions, the facilitator adds one on the stage and publishes: Planner holds four tasks and the stage names the non-member', async () => {
    const world = meeting();
    const { page } = world;
    await facilitatorPresses(page, facilitator, 'Naar stap 3');
    const [first, second, third, fourth] = ACTIONS as [ActionDraft, ActionDraft, ActionDraft, ActionDraft];
    await proposeAction(surfaces.sidePanel(page, debtCounsellor), first);
    // Lotte adds one under the wrong theme, removes it, and adds it where it belongs.
    const lotte = surfaces.sidePanel(page, ggdNurse);
    await proposeAction(lotte, { ...second, theme: 'A' });
    await lotte.getByRole('button', { name: `Actie "${second.title}" verwijderen` }).click();
    await lotte.getByRole('listitem').filter({ hasText: second.title }).waitFor({ state: 'detached', timeout: 30_000 });
    await proposeAction(lotte, second);
    await proposeAction(surfaces.sidePanel(page, facilitator), third);
    const stage = surfaces.stage(page);
    for (const action of [first, second, third]) await stage.getByText(action.title, { exact: true }).waitFor({ timeout: 30_000 });
    await addActionOnStage(stage, fourth);
    // The agenda in every side panel follows the stage, dates written as people write them.
    const inPanel = surfaces.sidePanel(page, ggdNurse).getByRole('listitem').filter({ hasText: fourth.title });
    await inPanel.waitFor({ timeout: 30_000 });
    expect(await inPanel.textContent()).toContain(`${facilitator.displayName} · ${fourth.department} · klaar op ${dutchDate(fourth.dueDate)}`);
    await screenshot(surfaces.sidePanelCard(page, ggdNurse), 'session-05-sidepanel-agenda');

    const summary = await publishToPlanner(stage);
    expect(summary).toContain('Gepubliceerd: 4 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 mislukt.');
    const publish = stage.getByRole('region', { name: 'Naar Planner' });
    await publish.getByText(`${ggdNurse.displayName} is geen lid van de groep ${group.displayName}; de taak is zonder eigenaar aangemaakt.`).waitFor();
    expect(await publish.getByRole('link', { name: 'Taak in Planner' }).count()).toBe(4);
    // Anouk is not a member either, but owns no action: nobody needs to hear about her.
    expect(await publish.textContent()).not.toContain(healthPolicy.displayName);
    await publish.getByRole('link', { name: 'Open het plan in Planner' }).scrollIntoViewIfNeeded();
    await screenshot(surfaces.stageCard(page), 'session-05-stage-published');

    // In Planner, as Graph answers a member of the group.
    const plans = await graph<{ value: { id: string; title: string }[] }>(world, facilitator, `/groups/${group.id}/planner/plans`);
    expect(plans.value.map((p) => p.title)).toEqual(["Gesprekstool 's-Hertogenbosch"]);
    const planId = plans.value[0]?.id ?? '';
    const [tasks, buckets, details] = await Promise.all([
      graph<{ value: { title: string; bucketId: string; dueDateTime: string | null; assignments: Record<string, unknown>; appliedCategories: Record<string, boolean> }[] }>(world, facilitator, `/planner/plans/${planId}/tasks`),
      graph<{ value: { id: string; name: string }[] }>(world, facilitator, `/planner/plans/${planId}/buckets`),
      graph<{ categoryDescriptions: Record<string, string | null> }>(world, facilitator, `/planner/plans/${planId}/details`),
    ]);
    const bucketName = new Map(buckets.value.map((b) => [b.id, b.name]));
    expect(buckets.value.map((b) => b.name).sort()).toEqual(['Armoede & Schulden', 'Publieke Gezondheid']);
    const category = (theme: string) => `category${'ABCDEF'.indexOf(theme) + 1}`;
    const seen = tasks.value
      .map((t) => ({
        title: t.title,
        bucket: bucketName.get(t.bucketId),
        due: t.dueDateTime?.slice(0, 10) ?? null,
        assignees: Object.keys(t.assignments ?? {}),
        labels: Object.entries(t.appliedCategories ?? {}).filter(([, on]) => on).map(([k]) => k),
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
    const expected = ACTIONS.map((a) => ({
      title: a.title,
      bucket: a.department,
      due: a.dueDate,
      assignees: a.owner && a.owner !== ggdNurse ? [a.owner.id] : [],
      labels: [category(a.theme)],
    })).sort((a, b) => a.title.localeCompare(b.title));
    expect(seen).toEqual(expected);
    expect(details.categoryDescriptions.category2).toBe('B. Zicht op de lokale problematiek en kansen');
  });

  test('after the facilitator moves a due date on the stage, publishing again updates that one task and leaves the others', async () => {
    const world = meeting();
    const { page } = world;
    const stage = surfaces.stage(page);
    const moved = ACTIONS[2] as ActionDraft;
    const newDue = daysFromToday(75);
    await stage.getByRole('button', { name: `Wijzigen: ${moved.title}` }).click();
    const form = stage.getByRole('listitem').filter({ has: stage.locator('form') });
    await form.getByLabel('Wanneer klaar?').fill(newDue);
    await form.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await form.waitFor({ state: 'detached', timeout: 30_000 });

    expect(await publishToPlanner(stage)).toContain('Gepubliceerd: 0 nieuw, 1 bijgewerkt, 3 ongewijzigd, 0 mislukt.');
    const plans = await graph<{ value: { id: string }[] }>(world, facilitator, `/groups/${group.id}/planner/plans`);
    expect(plans.value).toHaveLength(1);
    const tasks = await graph<{ value: { title: string; dueDateTime: string | null }[] }>(world, facilitator, `/planner/plans/${plans.value[0]?.id ?? ''}/tasks`);
    expect(tasks.value).toHaveLength(4);
    expect(tasks.value.find((t) => t.title === moved.title)?.dueDateTime?.slice(0, 10)).toBe(newDue);
  });

  test('the facilitator records on the stage that the group meets again, when, and how they hold each other to the agreements', async () => {
    const world = meeting();
    const { page } = world;
    const followUp = surfaces.stage(page).getByRole('region', { name: 'Vervolgafspraken' });
    await followUp.getByRole('radio', { name: 'Ja, we komen in dezelfde samenstelling weer bij elkaar' }).check();
    await followUp.getByLabel('Datum van de volgende bijeenkomst').fill(MEET_AGAIN);
    await followUp.getByRole('textbox', { name: /^Hoe houden de deelnemers elkaar aan de afspraken/ }).fill(ACCOUNTABILITY);
    // Saved by itself once typing pauses (no Opslaan), before anyone moves on.
    await eventually(() => listItems(world, 'Gesprekstool sessies'), (items) => items[0]?.VervolgAfspraak === ACCOUNTABILITY, 'the follow-up in SharePoint');
    await followUp.getByRole('status').filter({ hasText: /^Opgeslagen$/ }).waitFor({ timeout: 30_000 });
  });

  test('the tab shows the results and the agenda with Planner links, and SharePoint holds the session, the answers and the actions', async () => {
    const world = meeting();
    const { page } = world;
    await facilitatorPresses(page, facilitator, 'Sessie afsluiten');
    await surfaces.sidePanel(page, ggdNurse).getByText(/^De sessie is afgesloten\./).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Tabblad', exact: true }).click();
    const tab: FrameLocator = surfaces.tab(page);
    await tab.getByRole('heading', { name: 'Resultaten', exact: true }).waitFor({ timeout: 30_000 });
    await tab.getByRole('table', { name: /^Scores per stelling/ }).waitFor();
    await tab.getByRole('img', { name: /^Spindiagram/ }).waitFor();
    const agenda = tab.getByRole('region', { name: 'Actieagenda' });
    for (const action of ACTIONS) await agenda.getByRole('listitem').filter({ hasText: action.title }).getByRole('link', { name: 'Taak in Planner' }).waitFor({ timeout: 30_000 });
    await tab.getByRole('link', { name: 'Plan in Planner' }).waitFor();
    await tab.getByText(NOTE, { exact: true }).waitFor();
    await tab.getByText('Afgesloten', { exact: true }).waitFor();
    const followUp = tab.getByRole('region', { name: 'Vervolgafspraken' });
    expect(await followUp.textContent()).toContain('Ja, we komen in dezelfde samenstelling weer bij elkaar');
    expect(await followUp.textContent()).toContain(ACCOUNTABILITY);
    await screenshot(surfaces.tabCard(page), 'session-06-tab');
    await agenda.scrollIntoViewIfNeeded();
    await screenshot(surfaces.tabCard(page), 'session-06-tab-agenda');

    const sessions = await listItems(world, 'Gesprekstool sessies');
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ Gemeente: "'s-Hertogenbosch", Title: 'Armoede en gezondheid, najaar', FacilitatorId: facilitator.id, PlannerGroepId: group.id, Onthuld: true, WatOpvalt: NOTE, Stap: 'Afgesloten', VervolgBijeenkomst: 'Ja', VervolgAfspraak: ACCOUNTABILITY });
    expect(String(sessions[0]?.VervolgDatum ?? '').slice(0, 10)).toBe(MEET_AGAIN);
    expect(String(sessions[0]?.PlannerPlanId ?? '')).not.toBe('');

    const answers = await listItems(world, 'Gesprekstool antwoorden');
    expect(answers.map((a) => a.Naam).sort()).toEqual(everyone.map((u) => u.displayName).sort());
    const sanne = answers.find((a) => a.DeelnemerId === debtCounsellor.id);
    expect(sanne).toMatchObject({ ScoreB: 5, WeetNiet: 'C' });
    expect(sanne?.ScoreC ?? null).toBeNull();
    const lotte = answers.find((a) => a.DeelnemerId === ggdNurse.id);
    expect(String(lotte?.Stap2Json ?? '')).toContain(FREE_TEXT);

    const actions = await listItems(world, 'Gesprekstool acties');
    expect(actions.map((a) => a.Actie).sort()).toEqual(ACTIONS.map((a) => a.title).sort());
    for (const action of actions) expect(String(action.PlannerTaskId ?? '')).not.toBe('');
    expect(world.pageErrors).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});
