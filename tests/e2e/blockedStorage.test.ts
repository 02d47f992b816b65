// Teams web in a browser that refuses storage to third-party frames. Inside Teams the app is a frame
// of another site than the page around it (teams.microsoft.com); a browser that blocks third-party
// storage (by a setting or a policy, or Chromium as Playwright runs it, with storage partitioning
// off) then refuses that frame localStorage, sessionStorage, IndexedDB, Cache Storage, Web Locks and
// service workers. The simulator serves the app from its own origin, where
// nothing is refused, so this test makes every app frame refuse them the way Chromium does in a
// cross-site frame (probed on Chromium 156: the storage getters throw SecurityError "Access is denied
// for this document", indexedDB.open fails with UnknownError, locks.request rejects with SecurityError).
//
// What must still hold: sign-in (MSAL's cache falls back to memory), joining, saving to SharePoint, the
// stage (its turn-taking lock is refused, so it starts at once), and the sync indicator never claiming
// a change is kept on this device when it is not.
import { SEED } from '../../dev/graph-emulator/seed';
import { storedAnswersOf } from './support/faults';
import { configureTab, facilitatorPresses, join, radioLabel, scoreStatements, shareToStage, SITE_URL_OF, waitSaved } from './support/flows';
import { eventually, frameOf, meetingPerTestFile, simulatorUrl, surfaces } from './support/meeting';

jest.setTimeout(240_000);

const world = meetingPerTestFile();
const { facilitator, debtCounsellor: participant } = SEED.users;

/** Runs first in every frame; the simulator's own page (under /teams-host/) keeps its storage. */
const REFUSE_THIRD_PARTY_STORAGE = `(() => {
  if (location.pathname.startsWith('/teams-host/')) return;
  const denied = (what) => new DOMException("Failed to read the '" + what + "' property from 'Window': Access is denied for this document.", 'SecurityError');
  for (const what of ['localStorage', 'sessionStorage']) {
    Object.defineProperty(window, what, { configurable: true, get() { throw denied(what); } });
  }
  const openDb = () => {
    const request = { result: undefined, error: null, onsuccess: null, onerror: null, onupgradeneeded: null, onblocked: null, readyState: 'pending' };
    const target = new EventTarget();
    Object.assign(target, request);
    setTimeout(() => {
      Object.assign(target, { readyState: 'done', error: new DOMException('The user denied permission to access the database.', 'UnknownError') });
      const event = new Event('error');
      target.dispatchEvent(event);
      if (typeof target.onerror === 'function') target.onerror(event);
    }, 0);
    return target;
  };
  if (window.indexedDB) Object.defineProperty(window.indexedDB, 'open', { configurable: true, value: openDb });
  if (navigator.locks) {
    Object.defineProperty(navigator.locks, 'request', { configurable: true, value: () => Promise.reject(new DOMException('The request was denied.', 'SecurityError')) });
    Object.defineProperty(navigator.locks, 'query', { configurable: true, value: () => Promise.reject(new DOMException('The request was denied.', 'SecurityError')) });
  }
  if (window.caches) Object.defineProperty(window.caches, 'open', { configurable: true, value: () => Promise.reject(new DOMException('An attempt was made to break through the security policy of the user agent.', 'SecurityError')) });
})();`;

describe('a browser that refuses storage to the app in its Teams frame', () => {
  it('still signs in, joins, saves to SharePoint and shows the stage, and never says an unsent change is kept on the device', async () => {
    const w = world();
    const { page, context } = w;
    await context.addInitScript({ content: REFUSE_THIRD_PARTY_STORAGE });
    await page.goto(simulatorUrl(w, { users: [facilitator, participant], view: 'config' }));
    await configureTab(page, { siteUrl: SITE_URL_OF(SEED.sites.team), groupName: null, municipality: "'s-Hertogenbosch", title: 'Zonder opslag in het frame', purpose: 'agendering' });
    await join(page, facilitator, 'Gezondheid');
    const panel = await join(page, participant, 'Armoede en schulden');
    // The refusal is really in force in the app's frame, and not in the simulator's page around it.
    const frame = await frameOf(surfaces.sidePanelCard(page, participant));
    expect(await frame.evaluate(() => { try { return typeof window.localStorage; } catch (error) { return (error as DOMException).name; } })).toBe('SecurityError');
    expect(await page.evaluate(() => typeof window.localStorage)).toBe('object');

    const stage = await shareToStage(page, facilitator);
    await facilitatorPresses(page, facilitator, 'Start stap 1');
    await scoreStatements(panel, { A: 4, B: 2 }, false);
    expect((await storedAnswersOf(w, participant.id))?.scores).toMatchObject({ A: 4, B: 2 });
    await stage.getByText('2 deelnemers, 0 klaar').waitFor({ timeout: 30_000 });

    // Offline, a change waits in memory only: the indicator says it is not safely kept, and asks to keep the window open.
    await context.setOffline(true);
    await panel.getByRole('radiogroup', { name: /^C\. / }).getByRole('radio', { name: radioLabel(5), exact: true }).check();
    await panel.getByRole('status').filter({ hasText: /niet veilig bewaard/ }).waitFor({ timeout: 30_000 });
    expect(await panel.getByRole('status').filter({ hasText: /^Geen verbinding/ }).innerText()).toMatch(/op dit apparaat niet veilig bewaard\. Sluit dit venster niet\./);
    await context.setOffline(false);
    await waitSaved(panel, 60_000);
    await eventually(async () => (await storedAnswersOf(w, participant.id))?.scores?.C, (c) => c === 5, 'the change made offline to reach SharePoint', 30_000);
    expect(w.pageErrors).toEqual([]);
  });
});
