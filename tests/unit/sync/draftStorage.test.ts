// The choice of draft storage and the move of an older localStorage draft into IndexedDB. Node has
// no IndexedDB (and fake-indexeddb is not a dependency), so IndexedDB is stood in for by an async
// map here; the real adapter is exercised in Chromium by tests/e2e/crash.test.ts.
import { indexedDbDrafts, lazyDraftStorage, memoryDraftStorage, openDraftStorage, webStorageDrafts, type DraftStorage, type WebStorage } from '../../../src/sync';

class FakeLocalStorage implements WebStorage {
  readonly data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

/** IndexedDB as the app sees it through indexedDbDrafts: durable writes into a map. */
function fakeIndexedDb() {
  const data = new Map<string, string>();
  const storage: DraftStorage = {
    read: async (k) => data.get(k) ?? null,
    write: async (k, v) => {
      data.set(k, v);
      return { durable: true };
    },
    remove: async (k) => {
      data.delete(k);
    },
  };
  return { data, storage };
}

const KEY = 'gesprekstool:draft:20261123-abcdefgh:u-sanne';

describe('choosing where drafts are kept', () => {
  it('uses IndexedDB when it opens, and its writes are durable', async () => {
    const idb = fakeIndexedDb();
    const local = new FakeLocalStorage();
    const { kind, storage } = await openDraftStorage({ indexedDb: async () => idb.storage, localStorage: () => local });
    expect(kind).toBe('indexedDB');
    expect(await storage.write(KEY, '{"v":1}')).toEqual({ durable: true });
    expect(idb.data.get(KEY)).toBe('{"v":1}');
    expect(local.data.size).toBe(0);
    expect(await storage.read(KEY)).toBe('{"v":1}');
  });

  it('moves a draft an older version left in localStorage into IndexedDB on the first read', async () => {
    const idb = fakeIndexedDb();
    const local = new FakeLocalStorage();
    local.setItem(KEY, '{"from":"localStorage"}');
    local.setItem('other', 'untouched');
    const { storage } = await openDraftStorage({ indexedDb: async () => idb.storage, localStorage: () => local });
    expect(await storage.read(KEY)).toBe('{"from":"localStorage"}');
    expect(idb.data.get(KEY)).toBe('{"from":"localStorage"}');
    expect(local.getItem(KEY)).toBeNull();
    expect(local.getItem('other')).toBe('untouched');
    // From then on IndexedDB answers.
    await storage.write(KEY, '{"from":"indexedDB"}');
    expect(await storage.read(KEY)).toBe('{"from":"indexedDB"}');
  });

  it('prefers a localStorage draft over an IndexedDB one: it was written on a start when IndexedDB failed, so it is newer', async () => {
    const idb = fakeIndexedDb();
    idb.data.set(KEY, '{"older":true}');
    const local = new FakeLocalStorage();
    local.setItem(KEY, '{"newer":true}');
    const { storage } = await openDraftStorage({ indexedDb: async () => idb.storage, localStorage: () => local });
    expect(await storage.read(KEY)).toBe('{"newer":true}');
    expect(idb.data.get(KEY)).toBe('{"newer":true}');
  });

  it('keeps the localStorage draft where it is when IndexedDB refuses to take it', async () => {
    const local = new FakeLocalStorage();
    local.setItem(KEY, '{"only":"here"}');
    const refusing: DraftStorage = { read: async () => null, write: () => Promise.reject(new DOMException('full', 'QuotaExceededError')), remove: async () => undefined };
    const { storage } = await openDraftStorage({ indexedDb: async () => refusing, localStorage: () => local });
    expect(await storage.read(KEY)).toBe('{"only":"here"}');
    expect(local.getItem(KEY)).toBe('{"only":"here"}');
  });

  it('falls back to localStorage where IndexedDB cannot be opened; those writes are not durable', async () => {
    const local = new FakeLocalStorage();
    const { kind, storage } = await openDraftStorage({ indexedDb: () => Promise.reject(new DOMException('denied', 'SecurityError')), localStorage: () => local });
    expect(kind).toBe('localStorage');
    expect(await storage.write(KEY, 'x')).toEqual({ durable: false });
    expect(local.getItem(KEY)).toBe('x');
  });

  it('falls back to localStorage when opening IndexedDB hangs', async () => {
    const local = new FakeLocalStorage();
    const started = Date.now();
    const { kind } = await openDraftStorage({ indexedDb: () => new Promise<never>(() => undefined), localStorage: () => local, openTimeoutMs: 20 });
    expect(kind).toBe('localStorage');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('falls back to memory when both are refused; those writes are not durable either', async () => {
    const { kind, storage } = await openDraftStorage({ indexedDb: () => Promise.reject(new Error('no IndexedDB')), localStorage: () => null });
    expect(kind).toBe('memory');
    expect(await storage.write(KEY, 'x')).toEqual({ durable: false });
    expect(await storage.read(KEY)).toBe('x');
    await storage.remove(KEY);
    expect(await storage.read(KEY)).toBeNull();
  });

  it('opens the chosen storage once, on first use, and keeps the order of the calls', async () => {
    let opens = 0;
    const backend = memoryDraftStorage();
    const lazy = lazyDraftStorage(async () => {
      opens += 1;
      return backend;
    });
    expect(opens).toBe(0);
    const results = await Promise.all([lazy.write(KEY, 'first'), lazy.write(KEY, 'second'), lazy.read(KEY)]);
    expect(opens).toBe(1);
    expect(results[2]).toBe('second');
  });

  it('reports localStorage writes as not durable and passes its refusal on', async () => {
    const full: WebStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    await expect(webStorageDrafts(full).write(KEY, 'x')).rejects.toThrow('full');
  });
});

describe('the IndexedDB adapter where IndexedDB is refused', () => {
  it('rejects when open throws (a SecurityError in a sandboxed frame)', async () => {
    const factory = {
      open: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    await expect(indexedDbDrafts(factory)).rejects.toThrow('denied');
  });

  it('rejects when the open request fails', async () => {
    const request: { error: DOMException; onerror: (() => void) | null } = { error: new DOMException('broken', 'UnknownError'), onerror: null };
    const factory = {
      open: () => {
        setTimeout(() => request.onerror?.(), 0);
        return request;
      },
    } as unknown as IDBFactory;
    await expect(indexedDbDrafts(factory)).rejects.toThrow('broken');
  });
});
