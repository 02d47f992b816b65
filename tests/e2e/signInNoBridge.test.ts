// Sign-in where the Teams client recommends nested app authentication but installs no bridge (the
// simulator's `?signin=naa-without-bridge`): teams-js installs window.nestedAppAuthBridge only when the
// runtime lists supports.nestedAppAuth, and never in an app frame nested in another frame. The app's
// MSAL carries only the nested flow (src/auth/standardControllerOmitted.ts), so it must fall back to
// Teams' authentication window (src/auth/index.ts). Served over https, which that window requires.
import { SEED } from '../../dev/graph-emulator/seed';
import { setUpAndJoin } from './support/flows';
import { meetingPerTestFile } from './support/meeting';
import { recordCalls, recordWindows } from './support/tokens';

jest.setTimeout(240_000);

const world = meetingPerTestFile({ https: true });
const { facilitator, ggdNurse } = SEED.users;

it('a client that recommends nested app auth but installs no bridge gets the authentication window too', async () => {
  const { context, emulator, page } = world();
  const calls = recordCalls(page, emulator.origin);
  const windows = recordWindows(context);
  await setUpAndJoin(world(), { signIn: 'naaWithoutBridge', users: [facilitator, ggdNurse], title: 'Aanmelden zonder brug', joiner: facilitator, domain: 'Armoede en schulden' });

  expect(windows.some((u) => new URL(u).pathname === '/auth.html')).toBe(true);
  const mine = calls.filter((c) => c.upn === facilitator.userPrincipalName && c.path.startsWith('/v1.0/'));
  expect(mine.length).toBeGreaterThan(0);
  expect(mine.every((c) => c.scp !== null)).toBe(true);
  expect(calls.some((c) => c.path === `/${SEED.tenantId}/oauth2/v2.0/token`)).toBe(true);
  expect(calls.filter((c) => c.path === '/_emulator/token')).toEqual([]);
});
