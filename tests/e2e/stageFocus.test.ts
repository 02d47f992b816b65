// The stage statement by statement (issue 14) in the Teams meeting simulator: after the reveal the
// facilitator moves to a statement from the bar on their stage, types what was said and marks it
// "besproken"; a participant's own stage (Teams renders it as her, from the session item) shows the
// same statement, note and mark. axe audits both stages in light, dark and high contrast.
import { SEED } from '../../dev/graph-emulator/seed';
import { auditSurface, switchTheme, THEMES } from './support/accessibility';
import { configureTab, facilitatorPressesOnStage, join, scoreStatements, shareToStage, SITE_URL_OF } from './support/flows';
import { eventually, meetingPerTestFile, screenshot, simulatorUrl, surfaces, type MeetingWorld, storedSession } from './support/meeting';

jest.setTimeout(240_000);

const { facilitator, debtCounsellor } = SEED.users;
const site = SEED.sites.team;
const meeting = meetingPerTestFile();
const NOTE = 'De schuldhulp ziet veel meer schulden dan de gemeente denkt.';

/** The session item's "Gespreksverloop" as SharePoint holds it, read as the facilitator (an owner of the site). */
async function storedFocus(world: MeetingWorld): Promise<Record<string, unknown> | null> {
  const fields = await storedSession(world, site.id, facilitator);
  return typeof fields.Gespreksverloop === 'string' ? (JSON.parse(fields.Gespreksverloop) as Record<string, unknown>) : null;
}

describe('the stage follows the facilitator statement by statement', () => {
  test('the facilitator puts statement B on the stage, notes it and marks it besproken; Sanne’s stage shows the same', async () => {
    const world = meeting();
    const { page } = world;
    await page.goto(simulatorUrl(world, { users: [facilitator, debtCounsellor], organiser: facilitator }));
    await configureTab(page, { siteUrl: SITE_URL_OF(site), groupName: SEED.groups.team.displayName, municipality: 'Tilburg', title: 'Stelling voor stelling', purpose: 'aanscherpen' });
    await join(page, facilitator, 'Armoede en schulden');
    await join(page, debtCounsellor, 'Armoede en schulden');
    const stage = await shareToStage(page, facilitator);
    await facilitatorPressesOnStage(stage, 'Start stap 1');
    await scoreStatements(surfaces.sidePanel(page, facilitator), { A: 4, B: 1, C: 3, D: 3, E: 'weetNiet', F: 5 });
    await scoreStatements(surfaces.sidePanel(page, debtCounsellor), { A: 2, B: 5, C: 3, D: 1, E: 4, F: 5 });
    await stage.getByText('2 deelnemers, 2 klaar').waitFor({ timeout: 30_000 });
    await facilitatorPressesOnStage(stage, 'Scores onthullen');

    // From the bar, by keyboard: "Volgende stelling" twice is B.
    const bar = stage.getByRole('region', { name: 'Gespreksleider' });
    const next = bar.getByRole('button', { name: 'Volgende stelling', exact: true });
    await next.waitFor({ timeout: 30_000 });
    await next.focus();
    await page.keyboard.press('Enter');
    await bar.getByRole('status').filter({ hasText: 'Op het scherm: stelling A' }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await bar.getByRole('status').filter({ hasText: 'Op het scherm: stelling B' }).waitFor({ timeout: 30_000 });
    await stage.getByRole('heading', { level: 2, name: /^Stelling B van 6/ }).waitFor({ timeout: 30_000 });
    expect(await stage.getByText(/ 1 ↔ .* 5$/).count()).toBe(1);

    await stage.getByRole('textbox', { name: 'Wat is er gezegd over stelling B?' }).fill(NOTE);
    await stage.getByRole('checkbox', { name: 'Markeer als besproken' }).check();
    await eventually(() => storedFocus(world), (focus) => focus !== null && focus.theme === 'B' && JSON.stringify(focus.discussed) === '{"step1":["B"]}' && JSON.stringify(focus.notes) === JSON.stringify({ B: NOTE }), 'statement B with its note and mark in SharePoint');

    // Sanne's own stage follows through its poll of the session item: same statement, note and mark, read-only.
    const hers = surfaces.stage(page, debtCounsellor);
    await hers.getByRole('heading', { level: 2, name: /^Stelling B van 6/ }).waitFor({ timeout: 30_000 });
    await hers.getByText(NOTE).waitFor({ timeout: 30_000 });
    await hers.getByText('✓ besproken').waitFor({ timeout: 30_000 });
    expect(await hers.getByRole('textbox').count()).toBe(0);
    expect(await hers.getByRole('checkbox').count()).toBe(0);
    expect(await hers.getByRole('region', { name: 'Gespreksleider' }).count()).toBe(0);
    await screenshot(surfaces.stageCard(page, debtCounsellor), 'stagefocus-participant-statement-B');
    await screenshot(surfaces.stageCard(page, facilitator), 'stagefocus-facilitator-statement-B');
  });

  test('both stages on statement B have no serious or critical axe violations in light, dark and high contrast', async () => {
    const { page } = meeting();
    for (const user of [facilitator, debtCounsellor]) {
      const card = surfaces.stageCard(page, user);
      for (const theme of THEMES) {
        await switchTheme(page, theme, [card]);
        const audit = await auditSurface(page, card);
        expect({ user: user.userPrincipalName, theme, blocking: audit.blocking }).toEqual({ user: user.userPrincipalName, theme, blocking: [] });
        expect(audit.checkedRules).toBeGreaterThan(0);
      }
      await switchTheme(page, 'default', [card]);
    }
  });

  test('back to the overview: the conversation order marks B besproken, opens its rest with "Meer tonen", and is axe clean', async () => {
    const { page } = meeting();
    const stage = surfaces.stage(page, facilitator);
    await stage.getByRole('region', { name: 'Gespreksleider' }).getByRole('button', { name: 'Naar overzicht', exact: true }).click();
    const order = stage.getByRole('region', { name: /^Waar praten we over\?/ });
    await order.waitFor({ timeout: 30_000 });
    // Sanne's stage returns to the overview too.
    await surfaces.stage(page, debtCounsellor).getByRole('region', { name: /^Waar praten we over\?/ }).waitFor({ timeout: 30_000 });
    const first = order.getByRole('listitem').first();
    expect(await first.textContent()).toMatch(/^B\. .*✓ besproken/);
    const more = order.getByRole('button', { name: /^Meer tonen/ });
    if ((await more.count()) > 0) await more.click();
    const card = surfaces.stageCard(page, facilitator);
    for (const theme of THEMES) {
      await switchTheme(page, theme, [card]);
      const audit = await auditSurface(page, card);
      expect({ theme, blocking: audit.blocking }).toEqual({ theme, blocking: [] });
    }
    await switchTheme(page, 'default', [card]);
    await screenshot(card, 'stagefocus-overview-discussed');
  });
});
