// Sign-in where the Teams client offers no nested app authentication (the simulator's `?signin=dialog`):
// the app opens Teams' authentication window with our sign-in page, which signs in with MSAL's redirect
// flow at the tenant's authority (here the emulator's /authorize and /token, by configuration) and hands
// the token back. Served over https, as Teams requires: teams-js opens the window only for an https page.
import { SEED } from '../../dev/graph-emulator/seed';
import { setUpAndJoin } from './support/flows';
import { meetingPerTestFile } from './support/meeting';
import { recordCalls, recordWindows } from './support/tokens';

jest.setTimeout(240_000);

const world = meetingPerTestFile({ https: true });
const { facilitator, ggdNurse } = SEED.users;

it('signs in through Teams’ authentication window where the client offers no nested app auth', async () => {
  const { context, emulator, page } = world();
  const calls = recordCalls(page, emulator.origin);
  const windows = recordWindows(context);
  await setUpAndJoin(world(), { signIn: 'dialog', users: [facilitator, ggdNurse], title: 'Aanmelden via het venster', joiner: ggdNurse, domain: 'Gezondheid' });

  // Our page opened in the window, went to the tenant's /authorize and came back to itself.
  expect(windows.some((u) => new URL(u).pathname === '/auth.html')).toBe(true);
  // The configuration page started without a press, so its window did not open until the organiser
  // pressed Aanmelden (setUpAndJoin); that one window brought the page's groups and teams too, so the
  // picker needed no second window (which no press would have opened).
  const groupWindows = windows.map((u) => new URL(u)).filter((u) => u.pathname === '/auth.html' && u.searchParams.get('scopes')?.includes('GroupMember.Read.All'));
  expect(groupWindows.map((u) => u.searchParams.get('scopes')?.split(' ').sort())).toEqual([['GroupMember.Read.All', 'Sites.Read.All', 'Sites.ReadWrite.All', 'Team.ReadBasic.All', 'User.Read']]);
  // No one's window asked the same scopes twice: a token once brought is found again (a second window
  // would need a press of its own; SharePoint's scopes come back from Entra without their resource).
  const asked = windows.map((u) => new URL(u)).filter((u) => u.searchParams.has('scopes')).map((u) => `${u.searchParams.get('loginHint')} ${u.searchParams.get('scopes')}`);
  expect(asked.filter((a, i) => asked.indexOf(a) !== i)).toEqual([]);
  expect(calls.some((c) => c.path === `/${SEED.tenantId}/oauth2/v2.0/authorize`)).toBe(true);
  expect(calls.some((c) => c.path === `/${SEED.tenantId}/oauth2/v2.0/token`)).toBe(true);
  // The first window brought what start-up needs (GET /me and the session) in one token.
  const mine = calls.filter((c) => c.upn === ggdNurse.userPrincipalName && c.path.startsWith('/v1.0/'));
  // (Her first Graph calls, GET /me and the session's $batch, carry that one token; which of the two the
  // recorder sees first depends on timing, so the test asks for the first of hers, not for /me by name.)
  expect(mine[0]?.scp).toBe('Sites.ReadWrite.All User.Read');
  expect(mine.every((c) => c.scp !== null)).toBe(true);
  // Nobody used the bridge (whose tokens come from the emulator's own token endpoint) or dev tokens.
  expect(calls.filter((c) => c.path === '/_emulator/token')).toEqual([]);
});
