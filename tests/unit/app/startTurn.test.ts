import { IDLE_WAIT_AT_MOST_MS, START_HELD_AT_MOST_MS, START_LOCK, STAGE_WAITS_AT_MOST_MS, holdTurn, startTurn, type TurnBrowser } from '../../../src/app/startTurn';
import { linkInUrl, sessionKeyFrom, sessionUrl, sharedToStage } from '../../../src/ui/session/location';

const link = { key: '20261128-abcd1234', location: { siteId: 'contoso.sharepoint.com,1,2', siteUrl: "https://contoso.sharepoint.com/sites/'s-Hertogenbosch", plannerGroupId: 'g-1' } };
const stageUrl = new URL(sessionUrl('https://app.example', link, 'stage'));
const sidePanelUrl = new URL(sessionUrl('https://app.example', link));

type LockCallback = (lock: Lock | null) => unknown;
interface LockRequest {
  mode: LockMode;
  callback: LockCallback;
  signal?: AbortSignal;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * One lock of the Web Locks API as the specification describes it
 * (https://w3c.github.io/web-locks/#algorithms): requests are granted in order, shared ones together,
 * an exclusive one alone; the lock is released when the callback's promise settles; a request still
 * waiting when its signal aborts is rejected with an AbortError.
 */
function lockManager() {
  const held: LockRequest[] = [];
  const queue: LockRequest[] = [];
  const grant = () => {
    while (queue.length > 0) {
      const next = queue[0]!;
      const grantable = held.length === 0 || (next.mode === 'shared' && held.every((h) => h.mode === 'shared'));
      if (!grantable) return;
      queue.shift();
      held.push(next);
      Promise.resolve()
        .then(() => next.callback({ name: START_LOCK, mode: next.mode }))
        .then(next.resolve, next.reject)
        .finally(() => {
          held.splice(held.indexOf(next), 1);
          grant();
        });
    }
  };
  const locks: Pick<LockManager, 'request'> = {
    request: ((name: string, options: LockOptions, callback: LockCallback) => {
      expect(name).toBe(START_LOCK);
      return new Promise<unknown>((resolve, reject) => {
        const request: LockRequest = { mode: options.mode ?? 'exclusive', callback, signal: options.signal, resolve, reject };
        options.signal?.addEventListener('abort', () => {
          const at = queue.indexOf(request);
          if (at < 0) return;
          queue.splice(at, 1);
          reject(new DOMException('The request was aborted.', 'AbortError'));
        });
        queue.push(request);
        grant();
      });
    }) as LockManager['request'],
  };
  return { locks, held, queue };
}

/** A browser whose idle callbacks and timers run only when the test says so. */
function browser(options: { idle?: boolean; locks?: boolean } = {}) {
  const idle: { callback: () => void; timeout: number }[] = [];
  const timers: { callback: () => void; ms: number }[] = [];
  const manager = lockManager();
  const turns: TurnBrowser = {
    setTimeout: (callback, ms) => timers.push({ callback, ms }),
    ...(options.idle === false ? {} : { requestIdleCallback: (callback: () => void, o: { timeout: number }) => idle.push({ callback, timeout: o.timeout }) }),
    ...(options.locks === false ? {} : { locks: manager.locks }),
  };
  const fire = (ms: number) => timers.filter((t) => t.ms === ms).forEach((t) => t.callback());
  return { turns, idle, timers, fire, ...manager };
}

async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
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

describe('startTurn and holdTurn: the side panel starts first', () => {
  it('lets a side panel, a tab or the configuration page start at once', async () => {
    const { turns, idle, timers, queue, held } = browser();
    expect(await settled(startTurn(sidePanelUrl, turns))).toBe(true);
    expect(idle).toHaveLength(0);
    expect(timers).toHaveLength(0);
    expect([...queue, ...held]).toHaveLength(0);
  });

  it('starts a stage beside a starting side panel only once the side panel has shown its session', async () => {
    const b = browser();
    let shown!: () => void;
    holdTurn(sidePanelUrl, new Promise<void>((resolve) => (shown = resolve)), b.turns);
    const stage = startTurn(stageUrl, b.turns);
    expect(b.idle.map((i) => i.timeout)).toEqual([IDLE_WAIT_AT_MOST_MS]);
    b.idle[0]!.callback();
    expect(await settled(stage)).toBe(false);
    expect(b.held.map((h) => h.mode)).toEqual(['shared']);
    shown();
    expect(await settled(stage)).toBe(true);
    // The stage held nothing: a side panel opened later is not kept waiting.
    expect(b.held).toHaveLength(0);
  });

  it('starts a stage alone at its first idle moment', async () => {
    const b = browser();
    const stage = startTurn(stageUrl, b.turns);
    expect(await settled(stage)).toBe(false);
    b.idle[0]!.callback();
    expect(await settled(stage)).toBe(true);
  });

  it(`starts the stage after ${STAGE_WAITS_AT_MOST_MS} ms in all, and withdraws its request, when a side panel hangs`, async () => {
    const b = browser();
    holdTurn(sidePanelUrl, new Promise<void>(() => undefined), b.turns);
    const stage = startTurn(stageUrl, b.turns);
    b.idle[0]!.callback();
    expect(await settled(stage)).toBe(false);
    b.fire(STAGE_WAITS_AT_MOST_MS);
    expect(await settled(stage)).toBe(true);
    expect(b.queue).toHaveLength(0);
  });

  it(`lets go of the lock after ${START_HELD_AT_MOST_MS} ms when the frame never shows anything`, async () => {
    const b = browser();
    holdTurn(sidePanelUrl, new Promise<void>(() => undefined), b.turns);
    await settled(Promise.resolve());
    expect(b.held).toHaveLength(1);
    b.fire(START_HELD_AT_MOST_MS);
    await settled(Promise.resolve());
    expect(b.held).toHaveLength(0);
  });

  it('lets go of the lock when the start failed as well', async () => {
    const b = browser();
    holdTurn(sidePanelUrl, Promise.reject(new Error('offline')), b.turns);
    await settled(Promise.resolve());
    expect([...b.held, ...b.queue]).toHaveLength(0);
  });

  it('does not hold the stage back by the stage itself', async () => {
    const b = browser();
    holdTurn(stageUrl, new Promise<void>(() => undefined), b.turns);
    expect([...b.held, ...b.queue]).toHaveLength(0);
  });

  it('starts the stage at the idle moment in a browser without Web Locks', async () => {
    const b = browser({ locks: false });
    const stage = startTurn(stageUrl, b.turns);
    expect(await settled(stage)).toBe(false);
    b.idle[0]!.callback();
    expect(await settled(stage)).toBe(true);
  });

  it('starts the stage at the idle moment, and the side panel at once, where the frame is refused Web Locks (blocked third-party storage)', async () => {
    // Chromium in a cross-site frame without storage: the request's promise is rejected with a SecurityError.
    const refused = (): Promise<never> => Promise.reject(new DOMException('The request was denied.', 'SecurityError'));
    const turns: TurnBrowser = { ...browser().turns, locks: { request: refused as unknown as LockManager['request'] } };
    const idle: (() => void)[] = [];
    turns.requestIdleCallback = (callback) => idle.push(callback);
    expect(() => holdTurn(sidePanelUrl, new Promise<void>(() => undefined), turns)).not.toThrow();
    const stage = startTurn(stageUrl, turns);
    idle[0]!();
    expect(await settled(stage)).toBe(true);
  });

  it('neither fails the side panel nor holds the stage back where a lock request throws instead of rejecting', async () => {
    const throwing = () => {
      throw new DOMException('The request was denied.', 'SecurityError');
    };
    const turns: TurnBrowser = { ...browser().turns, locks: { request: throwing as unknown as LockManager['request'] } };
    const idle: (() => void)[] = [];
    turns.requestIdleCallback = (callback) => idle.push(callback);
    // The side panel's start (src/main.tsx) calls holdTurn first: a throw there would leave the frame blank.
    expect(() => holdTurn(sidePanelUrl, new Promise<void>(() => undefined), turns)).not.toThrow();
    const stage = startTurn(stageUrl, turns);
    expect(() => idle[0]!()).not.toThrow();
    expect(await settled(stage)).toBe(true);
  });

  it('asks for the lock after the queued tasks where the browser has no idle callbacks (WebKit)', async () => {
    const b = browser({ idle: false });
    let shown!: () => void;
    holdTurn(sidePanelUrl, new Promise<void>((resolve) => (shown = resolve)), b.turns);
    const stage = startTurn(stageUrl, b.turns);
    b.fire(0);
    expect(await settled(stage)).toBe(false);
    shown();
    expect(await settled(stage)).toBe(true);
  });
});
