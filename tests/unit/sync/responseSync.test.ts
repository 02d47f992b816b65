import { openResponseSync, draftKey, DEFAULT_DEBOUNCE_MS, type Connectivity, type DraftStorage } from '../../../src/sync';
import type { Response } from '../../../src/domain';
import type { SessionStore, Versioned } from '../../../src/graph/contracts';
import { AccessDeniedError, OfflineError, ThrottledError } from '../../../src/graph/errors';

const sanne: Response = {
  sessionKey: '20261123-abcdefgh',
  participant: { id: 'u-sanne', name: "Sanne van 't Hof", domain: 'armoede', department: 'Armoede & Schulden' },
  scores: {},
  step2: { questions: {}, comments: {} },
  done: {},
  updatedAt: '2026-11-23T10:00:00.000Z',
};
const serverCopy: Versioned<Response> = { value: sanne, itemId: '7', etag: '"x,1"' };

/** Drafts in a map, each write reported durable as IndexedDB's strict transactions are. */
class MemoryStorage implements DraftStorage {
  readonly data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  async read(k: string) {
    return this.data.get(k) ?? null;
  }
  async write(k: string, v: string) {
    this.data.set(k, v);
    return { durable: true };
  }
  async remove(k: string) {
    this.data.delete(k);
  }
}

class FakeConnectivity implements Connectivity {
  private listeners = new Set<() => void>();
  onOnline(l: () => void) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  goOnline() {
    for (const l of this.listeners) l();
  }
}

type Save = SessionStore['saveResponse'];

type Behaviour = (call: number, v: Versioned<Response>) => Promise<Versioned<Response>> | Versioned<Response>;

function fakeStore(behaviour: Behaviour) {
  const calls: Versioned<Response>[] = [];
  const saveResponse: Save = async (base, next) => {
    const v = { ...base, value: next };
    calls.push(v);
    return behaviour(calls.length, v);
  };
  return { store: { saveResponse }, calls };
}

const ok: Behaviour = (n, v) => ({ ...v, etag: `"x,${n + 1}"` });

let clock = Date.parse('2026-11-23T12:00:00.000Z');
const now = () => new Date(clock);

beforeEach(() => {
  jest.useFakeTimers();
  clock = Date.parse('2026-11-23T12:00:00.000Z');
});
afterEach(() => {
  jest.useRealTimers();
});

async function advance(ms: number) {
  clock += ms;
  await jest.advanceTimersByTimeAsync(ms);
}

async function setup(behaviour: Behaviour = ok, storage: DraftStorage & { getItem(k: string): string | null } = new MemoryStorage(), connectivity: Connectivity | null = null) {
  const { store, calls } = fakeStore(behaviour);
  const sync = await openResponseSync({ store, initial: serverCopy, storage, key: draftKey(sanne.sessionKey, sanne.participant.id), now, timers: { setTimeout, clearTimeout }, connectivity, random: () => 0.5 });
  return { sync, calls, storage };
}

describe('response sync', () => {
  it('sends a burst of changes as one save after the debounce', async () => {
    const { sync, calls } = await setup();
    sync.update((r) => ({ ...r, scores: { A: 3 } }));
    sync.update((r) => ({ ...r, scores: { ...r.scores, B: 'weetNiet' } }));
    expect(sync.state()).toEqual({ kind: 'saving', pending: 2 });
    await advance(599);
    expect(calls).toHaveLength(0);
    await advance(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.value.scores).toEqual({ A: 3, B: 'weetNiet' });
    expect(sync.state()).toEqual({ kind: 'saved', at: '2026-11-23T12:00:00.600Z' });
  });

  it('writes every change to the local draft before anything is sent', async () => {
    const { sync, storage, calls } = await setup();
    sync.update((r) => ({ ...r, scores: { C: 5 } }));
    const draft = JSON.parse(storage.getItem(draftKey(sanne.sessionKey, sanne.participant.id)) ?? '{}');
    expect(calls).toHaveLength(0);
    expect(draft).toMatchObject({ dirty: true, itemId: '7', response: { scores: { C: 5 } } });
  });

  it('keeps changes through an offline spell and sends them when the browser is online again', async () => {
    const connectivity = new FakeConnectivity();
    let offline = true;
    const { sync, calls } = await setup((n, v) => (offline ? Promise.reject(new OfflineError('fetch failed')) : ok(n, v)), new MemoryStorage(), connectivity);
    sync.update((r) => ({ ...r, scores: { A: 2 } }));
    await advance(600);
    expect(sync.state()).toEqual({ kind: 'offline', pending: 1, kept: true });
    sync.update((r) => ({ ...r, scores: { ...r.scores, D: 4 } }));
    // Counted as waiting once the draft write has completed.
    await advance(0);
    expect(sync.state()).toEqual({ kind: 'offline', pending: 2, kept: true });
    offline = false;
    connectivity.goOnline();
    await advance(0);
    expect(sync.state().kind).toBe('saved');
    expect(calls.at(-1)?.value.scores).toEqual({ A: 2, D: 4 });
  });

  it('counts waiting changes per answer, so a comment typed letter by letter offline is one change and two ticks are two', async () => {
    const { sync } = await setup(() => Promise.reject(new OfflineError('fetch failed')), new MemoryStorage(), new FakeConnectivity());
    const typed = 'Twee nota’s, één wethouder';
    for (let i = 1; i <= typed.length; i++) sync.update((r) => ({ ...r, step2: { ...r.step2, comments: { ...r.step2.comments, C: typed.slice(0, i) } } }));
    await advance(600);
    expect(sync.state()).toEqual({ kind: 'offline', pending: 1, kept: true });
    sync.update((r) => ({ ...r, step2: { ...r.step2, questions: { q4: { selected: ['q4.c'], freeText: {} } } } }));
    sync.update((r) => ({ ...r, step2: { ...r.step2, questions: { q4: { selected: ['q4.c', 'q4.d'], freeText: {} } } } }));
    await advance(0);
    expect(sync.state()).toEqual({ kind: 'offline', pending: 3, kept: true });
    // Undoing a change leaves one less waiting, but something is still to be sent.
    sync.update((r) => ({ ...r, step2: { ...r.step2, questions: {}, comments: {} } }));
    await advance(0);
    expect(sync.state()).toEqual({ kind: 'offline', pending: 1, kept: true });
  });

  it('retries after the Retry-After of a throttled save and says when', async () => {
    const { sync, calls } = await setup((n, v) => (n === 1 ? Promise.reject(new ThrottledError('slow down', 2000)) : ok(n, v)));
    sync.update((r) => ({ ...r, scores: { E: 1 } }));
    await advance(600);
    expect(sync.state()).toEqual({ kind: 'error', pending: 1, reason: 'throttled', retryAt: '2026-11-23T12:00:02.600Z', kept: true });
    await advance(1999);
    expect(calls).toHaveLength(1);
    await advance(1);
    expect(calls).toHaveLength(2);
    expect(sync.state().kind).toBe('saved');
  });

  it('waits for the retry delay even when more changes arrive while a failing save is under way', async () => {
    const slowThrottle: Behaviour = (n, v) =>
      n === 1 ? new Promise((_, reject) => setTimeout(() => reject(new ThrottledError('slow down', 1000)), 1000)) : ok(n, v);
    const { sync, calls } = await setup(slowThrottle);
    sync.update((r) => ({ ...r, scores: { A: 1 } }));
    await advance(650);
    sync.update((r) => ({ ...r, scores: { ...r.scores, B: 2 } }));
    await advance(1949);
    expect(calls).toHaveLength(1);
    await advance(1);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.value.scores).toEqual({ A: 1, B: 2 });
  });

  it('stops retrying a save the server refuses and waits for the person', async () => {
    const { sync, calls } = await setup(() => Promise.reject(new AccessDeniedError('no access', 'accessDenied', 403)));
    sync.update((r) => ({ ...r, scores: { F: 3 } }));
    await advance(600);
    expect(sync.state()).toEqual({ kind: 'error', pending: 1, reason: 'accessDenied', retryAt: null, kept: true });
    await advance(60_000);
    expect(calls).toHaveLength(1);
  });

  it('restores unsent changes after a reload and sends them', async () => {
    const storage = new MemoryStorage();
    const first = await setup(() => Promise.reject(new OfflineError('fetch failed')), storage);
    first.sync.update((r) => ({ ...r, scores: { A: 5 } }));
    first.sync.dispose();
    clock += 1000;
    const second = await setup(ok, storage);
    expect(second.sync.current().scores).toEqual({ A: 5 });
    expect(second.sync.state()).toEqual({ kind: 'saving', pending: 1 });
    await advance(0);
    expect(second.calls.map((c) => c.value.scores)).toEqual([{ A: 5 }]);
    expect(second.sync.state().kind).toBe('saved');
  });

  it('prefers the server copy when the draft is older', async () => {
    const storage = new MemoryStorage();
    storage.data.set(
      draftKey(sanne.sessionKey, sanne.participant.id),
      JSON.stringify({ version: 1, itemId: '7', etag: '"x,1"', dirty: true, response: { ...sanne, scores: { A: 1 }, updatedAt: '2026-11-23T09:00:00.000Z' } }),
    );
    const { sync, calls } = await setup(ok, storage);
    await advance(1000);
    expect(sync.current().scores).toEqual({});
    expect(calls).toHaveLength(0);
  });

  it('flushNow sends at once without waiting for the debounce', async () => {
    const { sync, calls } = await setup();
    sync.update((r) => ({ ...r, scores: { B: 2 } }));
    await sync.flushNow();
    expect(calls).toHaveLength(1);
    expect(sync.state().kind).toBe('saved');
  });

  it('takes in what the same person saved on another device, keeping what is not sent yet here', async () => {
    const { sync } = await setup();
    sync.update((r) => ({ ...r, scores: { ...r.scores, F: 1 } }));
    const fromPhone = { ...serverCopy, etag: '"phone,9"', value: { ...serverCopy.value, scores: { ...serverCopy.value.scores, E: 4 as const }, updatedAt: '2026-11-23T12:30:00.000Z' } };
    sync.adopt(fromPhone);
    expect(sync.current().scores).toEqual({ ...serverCopy.value.scores, E: 4, F: 1 });
    await advance(DEFAULT_DEBOUNCE_MS);
    expect(sync.state().kind).toBe('saved');
  });

  it('ignores a read that is older than what this device saved', async () => {
    const { sync } = await setup();
    const older = { ...serverCopy, etag: '"old,1"', value: { ...serverCopy.value, scores: {}, updatedAt: '2026-01-01T00:00:00.000Z' } };
    sync.adopt(older);
    expect(sync.current().scores).toEqual(serverCopy.value.scores);
  });
});

describe('response sync and its asynchronous draft storage', () => {
  /** Writes wait until the test lets them complete, as a strict IndexedDB transaction waits for the disk. */
  class SlowStorage extends MemoryStorage {
    readonly waiting: (() => void)[] = [];
    durable = true;
    fail = false;
    override async write(k: string, v: string) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      if (this.fail) throw new DOMException('quota', 'QuotaExceededError');
      this.data.set(k, v);
      return { durable: this.durable };
    }
    complete() {
      for (const resolve of this.waiting.splice(0)) resolve();
    }
  }
  const offline = () => Promise.reject(new OfflineError('fetch failed'));

  it('counts a change made offline as waiting only once its draft write has completed', async () => {
    const storage = new SlowStorage();
    const { sync } = await setup(offline, storage, new FakeConnectivity());
    storage.complete();
    sync.update((r) => ({ ...r, scores: { A: 2 } }));
    storage.complete();
    await advance(600);
    expect(sync.state()).toEqual({ kind: 'offline', pending: 1, kept: true });
    let heard = 0;
    sync.subscribe(() => heard++);
    sync.update((r) => ({ ...r, scores: { ...r.scores, B: 3 } }));
    // The form shows the change at once; only the count of kept changes waits for the disk.
    expect({ heard: heard > 0, scores: sync.current().scores }).toEqual({ heard: true, scores: { A: 2, B: 3 } });
    await advance(0);
    expect(sync.state()).toEqual({ kind: 'offline', pending: 1, kept: true });
    storage.complete();
    await advance(0);
    expect(sync.state()).toEqual({ kind: 'offline', pending: 2, kept: true });
  });

  it('does not call waiting changes kept when the draft storage is not durable or a write fails', async () => {
    const storage = new SlowStorage();
    storage.durable = false;
    const { sync } = await setup(offline, storage, new FakeConnectivity());
    sync.update((r) => ({ ...r, scores: { A: 2 } }));
    storage.complete();
    await advance(600);
    expect(sync.state()).toEqual({ kind: 'offline', pending: 1, kept: false });

    storage.durable = true;
    sync.update((r) => ({ ...r, scores: { ...r.scores, C: 1 } }));
    storage.complete();
    await advance(0);
    expect(sync.state()).toEqual({ kind: 'offline', pending: 2, kept: true });

    storage.fail = true;
    sync.update((r) => ({ ...r, scores: { ...r.scores, D: 5 } }));
    storage.complete();
    await advance(0);
    expect(sync.state()).toEqual({ kind: 'offline', pending: 3, kept: false });
  });

  it('without draft storage, waiting changes are counted at once and never called kept', async () => {
    const { store } = fakeStore(offline);
    const sync = await openResponseSync({ store, initial: serverCopy, storage: null, key: 'k', now, timers: { setTimeout, clearTimeout }, connectivity: null, random: () => 0.5 });
    sync.update((r) => ({ ...r, scores: { A: 2 } }));
    await advance(600);
    sync.update((r) => ({ ...r, scores: { ...r.scores, B: 2 } }));
    expect(sync.state()).toEqual({ kind: 'offline', pending: 2, kept: false });
  });

  it('shows a restored draft as not saved while SharePoint cannot be reached, and saved only once the save succeeds', async () => {
    const storage = new MemoryStorage();
    const first = await setup(offline, storage);
    first.sync.update((r) => ({ ...r, scores: { F: 4 } }));
    await advance(0);
    first.sync.dispose();

    let reachable = false;
    const states: string[] = [];
    const second = await setup((n, v) => (reachable ? ok(n, v) : offline()), storage, new FakeConnectivity());
    second.sync.subscribe(() => states.push(second.sync.state().kind));
    expect(second.sync.state()).toEqual({ kind: 'saving', pending: 1 });
    await advance(0);
    expect(second.sync.state()).toEqual({ kind: 'offline', pending: 1, kept: true });
    reachable = true;
    await second.sync.flushNow();
    expect(second.calls.at(-1)?.value.scores).toEqual({ F: 4 });
    expect(states).toEqual(['saving', 'offline', 'saving', 'saved']);
    expect(JSON.parse(storage.getItem(draftKey(sanne.sessionKey, sanne.participant.id)) ?? '{}')).toMatchObject({ dirty: false, response: { scores: { F: 4 } } });
  });

  it('restores a draft the storage hands over late: the sync exists only after the read', async () => {
    const storage = new MemoryStorage();
    storage.data.set(
      draftKey(sanne.sessionKey, sanne.participant.id),
      JSON.stringify({ version: 1, itemId: '7', etag: '"x,1"', base: sanne, dirty: true, response: { ...sanne, scores: { B: 1 }, updatedAt: '2026-11-23T11:00:00.000Z' } }),
    );
    let answer: () => void = () => undefined;
    const late: DraftStorage = { ...storage, read: (k) => new Promise((resolve) => (answer = () => resolve(storage.data.get(k) ?? null))), write: (k, v) => storage.write(k, v), remove: (k) => storage.remove(k) };
    const { store, calls } = fakeStore(ok);
    let opened: Awaited<ReturnType<typeof openResponseSync>> | null = null;
    void openResponseSync({ store, initial: serverCopy, storage: late, key: draftKey(sanne.sessionKey, sanne.participant.id), now, timers: { setTimeout, clearTimeout }, connectivity: null }).then((s) => (opened = s));
    await advance(1000);
    expect(opened).toBeNull();
    answer();
    await advance(0);
    expect(opened!.current().scores).toEqual({ B: 1 });
    expect(calls.map((c) => c.value.scores)).toEqual([{ B: 1 }]);
  });

  it('leaves a draft it cannot read right now alone instead of writing a clean one over it', async () => {
    const storage = new MemoryStorage();
    const key = draftKey(sanne.sessionKey, sanne.participant.id);
    storage.data.set(key, 'unsent changes');
    const unreadable: DraftStorage = { read: () => Promise.reject(new DOMException('gone', 'UnknownError')), write: (k, v) => storage.write(k, v), remove: (k) => storage.remove(k) };
    const { store } = fakeStore(ok);
    const sync = await openResponseSync({ store, initial: serverCopy, storage: unreadable, key, now, timers: { setTimeout, clearTimeout }, connectivity: null });
    await advance(1000);
    expect(sync.state()).toEqual({ kind: 'saved', at: null });
    expect(storage.data.get(key)).toBe('unsent changes');
  });

  it('leaves a draft of a newer app version untouched, says so, and still saves to SharePoint without keeping a draft', async () => {
    const storage = new MemoryStorage();
    const key = draftKey(sanne.sessionKey, sanne.participant.id);
    const newer = JSON.stringify({ version: 2, itemId: '7', answers: { A: 4 }, pendingSince: '2026-11-23T11:59:00.000Z' });
    storage.data.set(key, newer);
    const { sync, calls } = await setup(ok, storage, new FakeConnectivity());
    expect(sync.futureDraft()).toBe(2);
    sync.update((r) => ({ ...r, scores: { B: 3 } }));
    await advance(DEFAULT_DEBOUNCE_MS + 10);
    expect(calls.at(-1)?.value.scores).toEqual({ B: 3 });
    expect(storage.data.get(key)).toBe(newer);
  });

  it('opened again, shows what SharePoint confirmed after the session was read (a clean draft newer than that read), without sending it again', async () => {
    const storage = new MemoryStorage();
    const key = draftKey(sanne.sessionKey, sanne.participant.id);
    const confirmed = { ...sanne, scores: { A: 4 as const }, updatedAt: '2026-11-23T11:00:00.000Z' };
    storage.data.set(key, JSON.stringify({ version: 1, itemId: '7', etag: '"x,3"', base: confirmed, dirty: false, response: confirmed }));
    const { sync, calls } = await setup(ok, storage);
    expect(sync.current().scores).toEqual({ A: 4 });
    expect(sync.state()).toEqual({ kind: 'saved', at: null });
    await advance(DEFAULT_DEBOUNCE_MS + 10);
    expect(calls).toHaveLength(0);
    // The next change goes out on top of that copy's etag.
    sync.update((r) => ({ ...r, scores: { ...r.scores, B: 2 } }));
    await advance(DEFAULT_DEBOUNCE_MS + 10);
    expect(calls.at(-1)).toMatchObject({ etag: '"x,3"', value: { scores: { A: 4, B: 2 } } });
  });

  it('has no newer draft to report when the draft is its own version', async () => {
    const { sync } = await setup();
    expect(sync.futureDraft()).toBeNull();
  });
});
