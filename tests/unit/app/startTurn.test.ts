import { STAGE_WAITS_AT_MOST_MS, startTurn, type IdleScheduler } from '../../../src/app/startTurn';
import { linkInUrl, sessionKeyFrom, sessionUrl, sharedToStage } from '../../../src/ui/session/location';

const link = { key: '20261128-abcd1234', location: { siteId: 'contoso.sharepoint.com,1,2', siteUrl: "https://contoso.sharepoint.com/sites/'s-Hertogenbosch", plannerGroupId: 'g-1' } };

/** A browser whose idle callbacks and timers run only when the test says so. */
function scheduler(withIdle: boolean) {
  const idle: { callback: () => void; timeout: number }[] = [];
  const timers: { callback: () => void; ms: number }[] = [];
  const browser: IdleScheduler = {
    setTimeout: (callback, ms) => timers.push({ callback, ms }),
    ...(withIdle ? { requestIdleCallback: (callback: () => void, options: { timeout: number }) => idle.push({ callback, timeout: options.timeout }) } : {}),
  };
  return { browser, idle, timers };
}

async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('the stage URL', () => {
  it('says it is for the stage and still names the session and its place', () => {
    const url = new URL(sessionUrl('https://gesprekstool.example.nl', link, 'stage'));
    expect(sharedToStage(url)).toBe(true);
    expect(sessionKeyFrom({ entityId: '' }, url)).toBe(link.key);
    expect(linkInUrl(link.key, url)).toEqual(link);
  });

  it("is not what a tab's URL or a hand-made link looks like", () => {
    expect(sharedToStage(new URL(sessionUrl('https://gesprekstool.example.nl', link)))).toBe(false);
    expect(sharedToStage(new URL('https://gesprekstool.example.nl/?on=side'))).toBe(false);
  });
});

describe('startTurn', () => {
  it('lets a side panel, a tab or the configuration page start at once', async () => {
    const { browser, idle, timers } = scheduler(true);
    expect(await settled(startTurn(new URL(sessionUrl('https://app.example', link)), browser))).toBe(true);
    expect(idle).toHaveLength(0);
    expect(timers).toHaveLength(0);
  });

  it('starts the stage at the browser’s next idle moment, a second at the latest', async () => {
    const { browser, idle } = scheduler(true);
    const turn = startTurn(new URL(sessionUrl('https://app.example', link, 'stage')), browser);
    expect(await settled(turn)).toBe(false);
    expect(idle).toEqual([{ callback: expect.any(Function), timeout: STAGE_WAITS_AT_MOST_MS }]);
    idle[0]!.callback();
    expect(await settled(turn)).toBe(true);
  });

  it('starts the stage after the queued tasks where the browser has no idle callbacks (WebKit)', async () => {
    const { browser, timers } = scheduler(false);
    const turn = startTurn(new URL(sessionUrl('https://app.example', link, 'stage')), browser);
    expect(await settled(turn)).toBe(false);
    expect(timers.map((t) => t.ms)).toEqual([0]);
    timers[0]!.callback();
    expect(await settled(turn)).toBe(true);
  });
});
