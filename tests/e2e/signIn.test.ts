// Sign-in as in production, in the meeting simulator: MSAL's nested app auth through the simulator's
// bridge (tokens from the emulated tenant). Every Graph call's token says which scopes it carries: only
// those its feature asked for. Teams' authentication window, where a client offers no NAA: signInDialog.test.ts.
import { SEED } from '../../dev/graph-emulator/seed';
import { configureTab, join, SITE_URL_OF } from './support/flows';
import { meetingPerTestFile, simulatorUrl } from './support/meeting';
import { ASKED_SETS, recordCalls } from './support/tokens';

jest.setTimeout(240_000);

const world = meetingPerTestFile();
const { facilitator, debtCounsellor } = SEED.users;

describe('sign-in in the meeting', () => {
  it('through the nested app auth bridge: each Graph call carries only the scopes its feature asked for', async () => {
    const { page, emulator } = world();
    const calls = recordCalls(page, emulator.origin);
    await page.goto(simulatorUrl(world(), { users: [facilitator, debtCounsellor], view: 'config' }));
    await configureTab(page, { siteUrl: SITE_URL_OF(SEED.groups.team.site), groupName: null, municipality: 'Voorbeeldstad', title: 'Aanmelden via NAA', purpose: 'agendering' });
    const panel = await join(page, debtCounsellor, 'Armoede en schulden');
    await panel.getByRole('button', { name: 'Meedoen' }).waitFor({ state: 'detached' });

    const graphCalls = calls.filter((c) => c.path.startsWith('/v1.0/') && c.scp !== null);
    const mine = graphCalls.filter((c) => c.upn === debtCounsellor.userPrincipalName);
    expect(mine.length).toBeGreaterThan(0);
    // GET /me with User.Read alone; the session with Sites.ReadWrite.All alone.
    expect(mine.filter((c) => c.path === '/v1.0/me').map((c) => c.scp)).toContain('User.Read');
    expect(mine.some((c) => c.path.includes('/lists/') && c.scp === 'Sites.ReadWrite.All')).toBe(true);
    // No call anywhere carries a union of features' scopes: each token is one feature's set.
    const unasked = graphCalls.filter((c) => !ASKED_SETS.has(c.scp ?? ''));
    expect(unasked).toEqual([]);
    // Provisioning asked for Sites.Manage.All, only for the facilitator who configured the tab.
    expect(graphCalls.filter((c) => c.scp === 'Sites.Manage.All').every((c) => c.upn === facilitator.userPrincipalName)).toBe(true);
    // The app frames never ask the emulator's token endpoint: the host (the simulator page) does, for them.
    expect(calls.filter((c) => c.path === '/_emulator/token' && c.fromApp)).toEqual([]);
    expect(calls.some((c) => c.path === '/_emulator/token' && !c.fromApp)).toBe(true);
  });
});
