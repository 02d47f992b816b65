// Sign-in as in production, in the meeting simulator: MSAL's nested app auth through the simulator's
// bridge (tokens from the emulated tenant), and, where a client offers no NAA, Teams' authentication
// window with our sign-in page (MSAL's redirect flow against the emulator's /authorize and /token).
// Every Graph call's token says which scopes it carries: only those its feature asked for.
import type { Page, Request } from 'playwright-core';
import { SEED } from '../../dev/graph-emulator/seed';
import { SCOPES } from '../../src/auth/scopes';
import { configureTab, join, SITE_URL_OF } from './support/flows';
import { meetingPerTestFile, simulatorUrl, surfaces, waitReady } from './support/meeting';

jest.setTimeout(240_000);

const world = meetingPerTestFile();
const { facilitator, debtCounsellor, ggdNurse } = SEED.users;

interface SeenCall {
  /** Which frame (by its user) sent it; '' for the simulator page itself. */
  path: string;
  scp: string | null;
  upn: string | null;
  fromApp: boolean;
}

function claimsOf(authorization: string | undefined): { scp?: string; upn?: string } | null {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  if (!token) return null;
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { scp?: string; upn?: string };
}

/** Every request to the emulator, with the scopes and person of its token. */
function recordCalls(page: Page, emulatorOrigin: string): SeenCall[] {
  const calls: SeenCall[] = [];
  const onRequest = (request: Request) => {
    if (!request.url().startsWith(emulatorOrigin) || request.method() === 'OPTIONS') return;
    const claims = claimsOf(request.headers()['authorization']);
    let fromApp = false;
    try {
      fromApp = request.frame() !== page.mainFrame();
    } catch {
      fromApp = false; // a service worker's request has no frame
    }
    calls.push({ path: new URL(request.url()).pathname, scp: claims?.scp ?? null, upn: claims?.upn ?? null, fromApp });
  };
  page.context().on('request', onRequest);
  return calls;
}

/** The scope sets the app asks for (src/auth/scopes.ts), each as a token's `scp` says it (sorted). */
const ASKED_SETS = new Set(Object.values(SCOPES).map((set) => [...set].sort().join(' ')));

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

  it('through Teams’ authentication window where the client offers no nested app auth', async () => {
    const { page, context, emulator } = world();
    const calls = recordCalls(page, emulator.origin);
    const windows: string[] = [];
    context.on('page', (popup) => {
      windows.push(popup.url());
      popup.on('framenavigated', (frame) => {
        if (frame === popup.mainFrame()) windows.push(frame.url());
      });
    });
    await page.goto(simulatorUrl(world(), { users: [facilitator, ggdNurse], open: [ggdNurse], signIn: 'dialog' }));
    await waitReady(surfaces.sidePanelCard(page, ggdNurse), 90_000);
    const panel = await join(page, ggdNurse, 'Gezondheid');
    await panel.getByRole('button', { name: 'Meedoen' }).waitFor({ state: 'detached' });

    // Our page opened in the window, went to the tenant's /authorize and came back to itself.
    expect(windows.some((u) => new URL(u).pathname === '/auth.html')).toBe(true);
    expect(windows.some((u) => u.startsWith(`${emulator.origin}/${SEED.tenantId}/oauth2/v2.0/authorize`))).toBe(true);
    expect(calls.some((c) => c.path === `/${SEED.tenantId}/oauth2/v2.0/token`)).toBe(true);
    // The first window brought what start-up needs (GET /me and the session) in one token.
    const mine = calls.filter((c) => c.upn === ggdNurse.userPrincipalName && c.path.startsWith('/v1.0/'));
    expect(mine.find((c) => c.path === '/v1.0/me')?.scp).toBe('Sites.ReadWrite.All User.Read');
    // Nobody used the bridge or the dev token endpoint.
    expect(calls.filter((c) => c.path === '/_emulator/token')).toEqual([]);
  });
});
