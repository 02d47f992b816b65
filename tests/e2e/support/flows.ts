// What people do in the meeting, step by step, through roles and labels as a screen reader would
// find them: the organiser sets up the tab, participants join and answer, the facilitator moves on.
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { SEED, type SeedUser } from '../../../dev/graph-emulator/seed';
import type { Purpose } from '../../../src/domain/model';
import { type SignInOffer, WINDOW_REFUSED_SIGNAL } from '../../../dev/teams-host/meeting';
import { type MeetingWorld, motionSettled, simulatorUrl, surfaces, waitReady } from './meeting';

export const SITE_URL_OF = (site: { path: string }) => `https://${SEED.host}${site.path}`;

export interface TabSetup {
  /** A SharePoint site address, or null for the organisation's root site. */
  siteUrl: string | null;
  /** The Planner group's display name, or null for none. */
  groupName: string | null;
  municipality: string;
  title: string;
  purpose: Purpose;
}

const PURPOSE_LABEL: Record<Purpose, RegExp> = {
  aanscherpen: /^Aanscherpen van gemeentelijk beleid/,
  agendering: /^Agendering:/,
  betrekkenVeld: /^Intensiever betrekken van het veld/,
  monitoring: /^Monitoring van aanpakken/,
};

/** On the configuration page (the simulator opens it for a meeting without the app): fill in and press Opslaan. */
export async function configureTab(page: Page, setup: TabSetup): Promise<void> {
  const config = surfaces.config(page);
  await config.getByRole('heading', { name: 'Gesprekstool instellen' }).waitFor({ timeout: 30_000 });
  const group = config.getByRole('combobox', { name: 'Microsoft 365-groep voor Planner (actieagenda)' });
  // The page has finished loading once its groups are in (where the client has no nested app auth,
  // they come with the page's first sign-in window); a person starts there too.
  await group.locator('option', { hasText: 'Groepen laden…' }).waitFor({ state: 'detached', timeout: 30_000 });
  if (setup.siteUrl) {
    await config.getByRole('radio', { name: 'Een andere site (adres)' }).check();
    await config.getByRole('textbox', { name: 'Adres van de SharePoint-site' }).fill(setup.siteUrl);
  } else {
    await config.getByRole('radio', { name: 'De hoofdsite van de organisatie' }).check();
  }
  if (setup.groupName) {
    await group.locator('option', { hasText: setup.groupName }).waitFor({ state: 'attached', timeout: 20_000 });
    await group.selectOption({ label: setup.groupName });
  }
  await config.getByRole('textbox', { name: 'Gemeente' }).fill(setup.municipality);
  await config.getByRole('textbox', { name: 'Titel van de sessie' }).fill(setup.title);
  await config.getByRole('radio', { name: PURPOSE_LABEL[setup.purpose] }).check();
  const save = page.getByRole('button', { name: 'Opslaan', exact: true });
  await save.and(page.locator(':enabled')).waitFor({ timeout: 10_000 });
  await save.click();
  // After a successful save the simulator shows the meeting with the app in every side panel.
  await page.locator('[data-frame-kind="sidePanel"] iframe').first().waitFor({ timeout: 60_000 });
}

export type JoinDomain = 'Armoede en schulden' | 'Gezondheid' | 'Partnerorganisatie';

/** In a person's side panel: join the session from a domain (name and department from the profile). */
export async function join(page: Page, user: SeedUser, domain: JoinDomain, partnerLabel?: string): Promise<FrameLocator> {
  await waitReady(surfaces.sidePanelCard(page, user));
  const panel = surfaces.sidePanel(page, user);
  await panel.getByRole('button', { name: 'Meedoen' }).waitFor({ timeout: 30_000 });
  await panel.getByRole('radio', { name: domain }).check();
  if (partnerLabel) await panel.getByRole('textbox', { name: 'Welke organisatie?' }).fill(partnerLabel);
  await panel.getByRole('button', { name: 'Meedoen' }).click();
  await panel.getByRole('status').filter({ hasText: /^Opgeslagen$/ }).waitFor({ timeout: 30_000 });
  return panel;
}

/**
 * A meeting whose clients offer sign-in as `signIn`: the organiser (the first of `users`) sets up a new
 * tab on the team's site, then `joiner` joins from `domain`; resolves once the join form is gone. For
 * the sign-in tests, which ask afterwards how each token was obtained.
 */
export async function setUpAndJoin(world: MeetingWorld, setup: { signIn: SignInOffer; users: readonly SeedUser[]; title: string; joiner: SeedUser; domain: JoinDomain }): Promise<void> {
  const { page } = world;
  const windowRefused = setup.signIn === 'naa' ? null : page.waitForEvent('console', { predicate: (message) => message.text() === WINDOW_REFUSED_SIGNAL, timeout: 90_000 });
  await page.goto(simulatorUrl(world, { users: setup.users, view: 'config', signIn: setup.signIn }));
  if (windowRefused) {
    // Teams' sign-in window opens only in answer to a press, and nobody has pressed anything yet
    // (awaited without looking at the page: each of Playwright's evaluations counts as a press).
    await windowRefused;
    const config = surfaces.config(page);
    await config.getByText('U bent nog niet aangemeld: het aanmeldvenster van Teams ging niet open of werd gesloten.').waitFor({ timeout: 30_000 });
    await config.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  }
  await configureTab(page, { siteUrl: SITE_URL_OF(SEED.groups.team.site), groupName: null, municipality: 'Voorbeeldstad', title: setup.title, purpose: 'agendering' });
  await waitReady(surfaces.sidePanelCard(page, setup.joiner), 90_000);
  if (windowRefused) {
    // The side panel starts without a press of its own: its window opens when a press came moments
    // before (the organiser's Opslaan, or Playwright looking), else the person presses Aanmelden.
    const sidePanel = surfaces.sidePanel(page, setup.joiner);
    const signIn = sidePanel.getByRole('button', { name: 'Aanmelden', exact: true });
    await signIn.or(sidePanel.getByRole('button', { name: 'Meedoen' })).first().waitFor({ timeout: 60_000 });
    if (await signIn.isVisible()) await signIn.click();
  }
  const panel = await join(page, setup.joiner, setup.domain);
  await panel.getByRole('button', { name: 'Meedoen' }).waitFor({ state: 'detached' });
}

/**
 * Moves that ask first (src/ui/facilitator/FacilitatorMoves.tsx): start and reveal cannot be undone,
 * and the way to stap 2 asks "ieder apart of samen?". The dialog's confirming button has the move's name.
 */
const ASKING_MOVES: ReadonlySet<string> = new Set(['Start stap 1', 'Scores onthullen', 'Naar stap 2', 'Start step 1', 'Reveal scores', 'Go to step 2']);
export const movesAsk = (name: string): boolean => ASKING_MOVES.has(name);

export interface MoveOptions {
  /** Stap 2's way of filling in, chosen in the dialog on the way there; the session's current mode when not given. */
  mode?: 'separate' | 'joint';
}

/** Presses a move in `surface`'s "Gespreksleider" region and confirms its dialog when it asks; waits until the move is done. */
async function pressMove(surface: FrameLocator, name: string, options: MoveOptions): Promise<void> {
  const controls = surface.getByRole('region', { name: 'Gespreksleider' });
  const button = controls.getByRole('button', { name, exact: true });
  await button.and(surface.locator(':enabled')).waitFor({ timeout: 30_000 });
  await button.click();
  if (movesAsk(name)) {
    const dialog = surface.getByRole('dialog');
    // The dialog grows into place (Fluent's scale motion): a press while it moves can miss its button.
    await dialog.waitFor({ timeout: 30_000 });
    await motionSettled(dialog);
    if (options.mode) await dialog.getByRole('radio', { name: options.mode === 'joint' ? /^Samen/ : /^Ieder apart/ }).check({ timeout: 30_000 });
    await dialog.getByRole('button', { name, exact: true }).click({ timeout: 30_000 });
  }
  await button.waitFor({ state: 'detached', timeout: 30_000 });
}

/** The facilitator's control in their side panel ("Start stap 1", "Scores onthullen", …), confirmed where it asks. */
export async function facilitatorPresses(page: Page, facilitator: SeedUser, name: string, options: MoveOptions = {}): Promise<void> {
  await pressMove(surfaces.sidePanel(page, facilitator), name, options);
}

/** The same move on the bar at the top of the facilitator's own stage. */
export async function facilitatorPressesOnStage(stage: FrameLocator, name: string, options: MoveOptions = {}): Promise<void> {
  await pressMove(stage, name, options);
}

/**
 * The facilitator puts the app on the stage from their side panel; returns the facilitator's own
 * stage (every participant on a computer gets one: `surfaces.stage(page, user)`).
 */
export async function shareToStage(page: Page, facilitator: SeedUser): Promise<FrameLocator> {
  const panel = surfaces.sidePanel(page, facilitator);
  await panel.getByRole('button', { name: 'Delen naar stage' }).click();
  await panel.getByText('De app staat op het gedeelde scherm.').waitFor({ timeout: 20_000 });
  await waitReady(surfaces.stageCard(page, facilitator));
  return surfaces.stage(page, facilitator);
}

export type Answer = 1 | 2 | 3 | 4 | 5 | 'weetNiet';
export type ScoreSheet = Partial<Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', Answer>>;

const SCALE: Record<Exclude<Answer, 'weetNiet'>, string> = {
  1: '1 – helemaal niet mee eens',
  2: '2 – niet mee eens',
  3: '3 – neutraal',
  4: '4 – mee eens',
  5: '5 – helemaal mee eens',
};

export const radioLabel = (answer: Answer) => (answer === 'weetNiet' ? 'weet niet' : SCALE[answer]);

/** Stap 1 in a side panel: one radio per statement, then "Klaar met stap 1" when `done`. */
export async function scoreStatements(panel: FrameLocator, sheet: ScoreSheet, done = true): Promise<void> {
  for (const [theme, answer] of Object.entries(sheet) as [keyof ScoreSheet, Answer][]) {
    const group = panel.getByRole('radiogroup', { name: new RegExp(`^${theme}\\. `) });
    await group.getByRole('radio', { name: radioLabel(answer), exact: true }).check({ timeout: 30_000 });
  }
  if (done) await panel.getByRole('button', { name: 'Klaar met stap 1' }).click();
  await waitSaved(panel);
}

/** The sync indicator says "Opgeslagen" (the local draft reached SharePoint). */
export async function waitSaved(panel: FrameLocator, timeout = 30_000): Promise<void> {
  await panel.getByRole('status').filter({ hasText: /^Opgeslagen$/ }).waitFor({ timeout });
}

/** Stap 2: open a theme's section of the accordion (a no-op when it is open). */
export async function openTheme(panel: FrameLocator | Locator, themeHeading: RegExp): Promise<void> {
  const header = panel.getByRole('button', { name: themeHeading });
  if ((await header.getAttribute('aria-expanded')) === 'true') return;
  await header.click();
  await motionSettled(header);
}

export interface ActionDraft {
  theme: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
  title: string;
  owner: SeedUser | null;
  department: string;
  /** YYYY-MM-DD */
  dueDate: string;
}

/** Stap 3 in a side panel: "Actie voorstellen", then wait until it is on the agenda. */
export async function proposeAction(panel: FrameLocator, action: ActionDraft): Promise<void> {
  const form = panel.getByRole('form', { name: 'Actie voorstellen' });
  await form.getByRole('combobox', { name: 'Thema' }).selectOption({ value: action.theme });
  await form.getByRole('textbox', { name: 'Wat gaan we doen?' }).fill(action.title);
  await form.getByRole('combobox', { name: 'Wie pakt het op?' }).selectOption(action.owner ? { label: action.owner.displayName } : { value: '' });
  await form.getByRole('combobox', { name: 'Afdeling' }).fill(action.department);
  await form.getByLabel('Wanneer klaar?').fill(action.dueDate);
  await form.getByRole('button', { name: 'Actie toevoegen' }).click();
  await form.getByRole('status').filter({ hasText: 'De actie is toegevoegd.' }).waitFor({ timeout: 30_000 });
  await panel.getByRole('listitem').filter({ hasText: action.title }).first().waitFor({ timeout: 30_000 });
}

/** Stap 2 in a side panel: the checkbox of one option in the question whose legend starts with `questionNumber.`. */
export function optionBox(panel: FrameLocator | Locator, questionNumber: number, optionText: string) {
  const question = panel.getByRole('group', { name: new RegExp(`^${questionNumber}\\. `) });
  return question.getByRole('checkbox', { name: optionText, exact: true });
}

/** Stap 2: tick an option (no-op when ticked). */
export async function tickOption(panel: FrameLocator, questionNumber: number, optionText: string): Promise<void> {
  await optionBox(panel, questionNumber, optionText).check({ timeout: 30_000 });
}

/** Stap 2: the words for a ticked "Anders, namelijk…" option. */
export async function writeOptionText(panel: FrameLocator, optionText: string, text: string): Promise<void> {
  await panel.getByRole('textbox', { name: `Toelichting bij: ${optionText}` }).fill(text);
}

/** On the stage (facilitator's client): "Actie toevoegen bij <theme>", fill in, Opslaan, wait until it is listed. */
export async function addActionOnStage(stage: FrameLocator, action: ActionDraft): Promise<void> {
  await stage.getByRole('button', { name: `Actie toevoegen bij ${action.theme}`, exact: true }).click();
  const theme = stage.getByRole('region', { name: new RegExp(`^${action.theme}\\. `) });
  const form = theme.locator('form');
  await form.getByRole('textbox', { name: 'Wat gaan we doen?' }).fill(action.title);
  await form.getByRole('combobox', { name: 'Wie pakt het op?' }).selectOption(action.owner ? { label: action.owner.displayName } : { value: '' });
  await form.getByRole('combobox', { name: 'Afdeling' }).fill(action.department);
  await form.getByLabel('Wanneer klaar?').fill(action.dueDate);
  await form.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await form.waitFor({ state: 'detached', timeout: 30_000 });
  await theme.getByRole('listitem').filter({ hasText: action.title }).waitFor({ timeout: 30_000 });
}

/** On the stage: "Publiceer naar Planner", then wait for the summary ("Gepubliceerd: …"); returns it. */
export async function publishToPlanner(stage: FrameLocator): Promise<string> {
  const panel = stage.getByRole('region', { name: 'Naar Planner' });
  await panel.getByRole('button', { name: 'Publiceer naar Planner' }).click();
  const summary = panel.getByRole('status').filter({ hasText: /Gepubliceerd:/ });
  await summary.waitFor({ timeout: 60_000 });
  return (await summary.textContent()) ?? '';
}

/** A calendar date `days` from today, as the date input wants it. */
export function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
