// Everyone in the meeting takes part: the GGD guest (a guest account the team's site is shared with)
// joins and scores like anyone, and a partner from another organisation's tenant, who cannot reach
// the municipality's site, has their scores entered by the facilitator. After the reveal every
// stage shows those scores marked "(namens)" and says who entered them for whom; before it, no one
// else's browser received them.
import type { Page } from 'playwright-core';
import { SEED, type SeedUser } from '../../dev/graph-emulator/seed';
import { configureTab, facilitatorPresses, join, scoreStatements, shareToStage, SITE_URL_OF, waitSaved, type ScoreSheet } from './support/flows';
import { meetingPerTestFile, screenshot, simulatorUrl, surfaces, type MeetingWorld } from './support/meeting';

jest.setTimeout(180_000);

const { facilitator, debtCounsellor: sanne, ggdGuest: femke, externalPartner: pieter } = SEED.users;
const site = SEED.sites.team;
const everyone: readonly SeedUser[] = [facilitator, sanne, femke];
const PIETER: ScoreSheet = { A: 5, B: 1, C: 'weetNiet', D: 2, E: 4, F: 3 };

const meeting = meetingPerTestFile();

/** Bodies Sanne's frames received from the emulator, to look for Pieter's scores before the reveal. */
const sanneSaw: string[] = [];
function record(page: Page, world: MeetingWorld): void {
  page.on('response', (response) => {
    const auth = response.request().headers()['authorization'];
    if (!auth?.startsWith('Bearer ') || !response.url().startsWith(world.emulator.url.replace(/\/v1\.0.*$/, ''))) return;
    const payload = JSON.parse(Buffer.from(auth.slice(7).split('.')[1] ?? '', 'base64url').toString('utf8') || '{}') as { upn?: string };
    if (payload.upn !== sanne.userPrincipalName) return;
    response.text().then(
      (body) => sanneSaw.push(body),
      () => undefined,
    );
  });
}

describe('a guest takes part, and a partner from another organisation through the facilitator', () => {
  test('the GGD guest, a member of the site, joins and scores like anyone else', async () => {
    const world = meeting();
    const { page } = world;
    record(page, world);
    await page.goto(simulatorUrl(world, { users: everyone, organiser: facilitator }));
    await configureTab(page, { siteUrl: SITE_URL_OF(site), groupName: null, municipality: 'Voorbeeld', title: 'Het veld betrekken', purpose: 'betrekkenVeld' });
    await join(page, facilitator, 'Armoede en schulden');
    await join(page, sanne, 'Armoede en schulden');
    await join(page, femke, 'Partnerorganisatie', 'GGD West-Brabant');
    await shareToStage(page, facilitator);
    await facilitatorPresses(page, facilitator, 'Start stap 1');
    await scoreStatements(surfaces.sidePanel(page, femke), { A: 2, B: 2, C: 3, D: 4, E: 1, F: 2 });
    await scoreStatements(surfaces.sidePanel(page, sanne), { A: 3, B: 2, C: 3, D: 3, E: 3, F: 3 });
  });

  test('the facilitator adds the external partner and enters his scores on his behalf', async () => {
    const { page } = meeting();
    const panel = surfaces.sidePanel(page, facilitator);
    await scoreStatements(panel, { A: 4, B: 4, C: 4, D: 4, E: 4, F: 4 });
    await panel.getByRole('button', { name: 'Iemand toevoegen die niet zelf kan invullen' }).click();
    const form = panel.getByRole('form', { name: 'Iemand toevoegen die niet zelf kan invullen' });
    await form.getByRole('textbox', { name: 'Naam' }).fill(pieter.displayName);
    await form.getByRole('textbox', { name: 'Organisatie' }).fill('Welzijn Voorbeeld');
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    await panel.getByText(`U vult nu in namens ${pieter.displayName}, Welzijn Voorbeeld.`, { exact: false }).waitFor({ timeout: 30_000 });
    await scoreStatements(panel, PIETER);
    await waitSaved(panel);
    // Everyone's stage counts him in, done, and shows no score yet.
    const stage = surfaces.stage(page, sanne);
    await stage.getByText('4 deelnemers, 4 klaar').waitFor({ timeout: 30_000 });
    expect(await stage.getByRole('table').count()).toBe(0);
    await screenshot(surfaces.sidePanelCard(page, facilitator), 'onbehalf-sidepanel');
  });

  test('before the reveal nothing Sanne’s browser received holds his scores', async () => {
    const { page } = meeting();
    await page.waitForTimeout(5000);
    expect(sanneSaw.length).toBeGreaterThan(3);
    const leaks = sanneSaw.filter((body) => body.includes('IngevuldDoor') || /\\?"scores\\?":\{\\?"A\\?":5/.test(body));
    expect(leaks).toEqual([]);
  });

  test('after the reveal Sanne’s stage shows his scores marked “(namens)” and who entered them', async () => {
    const { page } = meeting();
    await facilitatorPresses(page, facilitator, 'Scores onthullen');
    const stage = surfaces.stage(page, sanne);
    await stage.getByText(`Ingevuld door ${facilitator.displayName} namens ${pieter.displayName}, Welzijn Voorbeeld`).waitFor({ timeout: 30_000 });
    const table = stage.getByRole('table').first();
    // Shown per person (the default): name, then organisation or domain, then "(namens)" for his.
    await expect(table.getByText(`${pieter.displayName} (Welzijn Voorbeeld) (namens)`).count()).resolves.toBeGreaterThan(0);
    // Femke, the guest, is in the table as herself, not marked as entered by someone else.
    await expect(table.getByText(new RegExp(`^${femke.displayName} \\([^)]+\\)$`)).count()).resolves.toBeGreaterThan(0);
    await screenshot(surfaces.stageCard(page, sanne), 'onbehalf-stage');
  });
});
