// Where a participant's unsent answers wait until SharePoint has them. localStorage reaches disk
// lazily: an edit made offline was gone when the browser was killed a second later, and after the
// restart the panel said "Opgeslagen" (issue 13, item 4; tests/e2e/crash.test.ts kills Chromium to
// show it). So drafts go to IndexedDB in transactions with durability 'strict', which complete only
// once the data is flushed to disk
// (https://developer.mozilla.org/docs/Web/API/IDBDatabase/transaction#durability). Where IndexedDB
// cannot be opened (some private modes, blocked storage in a frame) localStorage is used, and where
// that is refused too, memory: every write then reports itself as not durable, and the indicator
// says the changes are not safely kept (src/ui/sidepanel/SyncIndicator.tsx).

/** Async key/value storage of drafts (JSON text). */
export interface DraftStorage {
  read(key: string): Promise<string | null>;
  /**
   * Resolves once `value` is kept: `durable` when it survives the browser being killed right after
   * (IndexedDB, strict), false when it survives at most a reload (localStorage) or not even that
   * (memory). Rejects when it could not be kept at all (quota, storage cleared under us).
   */
  write(key: string, value: string): Promise<{ durable: boolean }>;
  remove(key: string): Promise<void>;
}

export type DraftStorageKind = 'indexedDB' | 'localStorage' | 'memory';

/** The synchronous Web Storage calls used here (window.localStorage, or a test double). */
export type WebStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function memoryDraftStorage(data = new Map<string, string>()): DraftStorage {
  return {
    read: async (key) => data.get(key) ?? null,
    write: async (key, value) => {
      data.set(key, value);
      return { durable: false };
    },
    remove: async (key) => {
      data.delete(key);
    },
  };
}

export function webStorageDrafts(storage: WebStorage): DraftStorage {
  return {
    read: async (key) => storage.getItem(key),
    write: async (key, value) => {
      storage.setItem(key, value);
      return { durable: false };
    },
    remove: async (key) => storage.removeItem(key),
  };
}

export const DRAFT_DATABASE = 'gesprekstool';
export const DRAFT_STORE = 'drafts';
const DRAFT_DATABASE_VERSION = 1;

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let open: IDBOpenDBRequest;
    try {
      open = factory.open(DRAFT_DATABASE, DRAFT_DATABASE_VERSION);
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    open.onupgradeneeded = () => {
      if (!open.result.objectStoreNames.contains(DRAFT_STORE)) open.result.createObjectStore(DRAFT_STORE);
    };
    open.onsuccess = () => {
      const db = open.result;
      // A newer version of the app in another frame wants to upgrade: step aside rather than block it
      // (https://developer.mozilla.org/docs/Web/API/IDBDatabase/versionchange_event).
      db.onversionchange = () => db.close();
      resolve(db);
    };
    open.onerror = () => reject(open.error ?? new Error('IndexedDB open failed'));
    open.onblocked = () => reject(new Error('IndexedDB open blocked by an older connection'));
  });
}

/**
 * Drafts in IndexedDB; resolves once the database is open, rejects when it cannot be. Writes use
 * 'strict' durability. Read-write transactions on one store run in the order they are created
 * (https://developer.mozilla.org/docs/Web/API/IDBTransaction), so a later draft never lands
 * under an earlier one.
 */
export async function indexedDbDrafts(factory: IDBFactory): Promise<DraftStorage> {
  let db = await openDatabase(factory);
  const transaction = async (mode: IDBTransactionMode): Promise<IDBTransaction> => {
    try {
      return db.transaction(DRAFT_STORE, mode, { durability: 'strict' });
    } catch (err) {
      // Closed for a version change in another frame: open again once.
      if (!(err instanceof DOMException && err.name === 'InvalidStateError')) throw err;
      db = await openDatabase(factory);
      return db.transaction(DRAFT_STORE, mode, { durability: 'strict' });
    }
  };
  const completed = (tx: IDBTransaction) =>
    new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  return {
    async read(key) {
      const value = await requestResult((await transaction('readonly')).objectStore(DRAFT_STORE).get(key));
      return typeof value === 'string' ? value : null;
    },
    async write(key, value) {
      const tx = await transaction('readwrite');
      tx.objectStore(DRAFT_STORE).put(value, key);
      await completed(tx);
      return { durable: true };
    },
    async remove(key) {
      const tx = await transaction('readwrite');
      tx.objectStore(DRAFT_STORE).delete(key);
      await completed(tx);
    },
  };
}

/**
 * IndexedDB with a draft an older version left in localStorage moved over on first read. A
 * localStorage draft is always the newer one: it was written by an app version without IndexedDB,
 * or on a start when IndexedDB could not be opened, and it is removed once IndexedDB has it.
 */
export function migratingDrafts(primary: DraftStorage, legacy: WebStorage | null): DraftStorage {
  if (!legacy) return primary;
  return {
    async read(key) {
      let old: string | null = null;
      try {
        old = legacy.getItem(key);
      } catch {
        // localStorage refused now: IndexedDB alone.
      }
      if (old === null) return primary.read(key);
      try {
        await primary.write(key, old);
        legacy.removeItem(key);
      } catch {
        // Not moved (or not removed): it stays where it is and is moved over on the next start.
      }
      return old;
    },
    write: (key, value) => primary.write(key, value),
    async remove(key) {
      await primary.remove(key);
    },
  };
}

export interface DraftEnvironment {
  /** IndexedDB drafts, opened; rejects where IndexedDB is missing or refused. */
  indexedDb: () => Promise<DraftStorage>;
  /** localStorage when the browser allows it, else null. */
  localStorage: () => WebStorage | null;
  /** How long opening IndexedDB may take before localStorage is used instead. */
  openTimeoutMs?: number;
}

/** IndexedDB, else localStorage, else memory; which one was chosen is in `kind`. */
export async function openDraftStorage(env: DraftEnvironment): Promise<{ kind: DraftStorageKind; storage: DraftStorage }> {
  const local = env.localStorage();
  try {
    const timeoutMs = env.openTimeoutMs ?? 5000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`IndexedDB did not open within ${timeoutMs} ms`)), timeoutMs);
    });
    const idb = await Promise.race([env.indexedDb(), timeout]).finally(() => clearTimeout(timer));
    return { kind: 'indexedDB', storage: migratingDrafts(idb, local) };
  } catch {
    if (local) return { kind: 'localStorage', storage: webStorageDrafts(local) };
    return { kind: 'memory', storage: memoryDraftStorage() };
  }
}

/** A DraftStorage whose backend is chosen on first use, so the app can be handed one synchronously. */
export function lazyDraftStorage(open: () => Promise<DraftStorage>): DraftStorage {
  let backend: Promise<DraftStorage> | null = null;
  const get = () => (backend ??= open());
  return {
    read: async (key) => (await get()).read(key),
    write: async (key, value) => (await get()).write(key, value),
    remove: async (key) => (await get()).remove(key),
  };
}

/** localStorage, or null when the browser refuses it (private mode, blocked third-party storage in a frame). */
export function browserLocalStorage(): WebStorage | null {
  try {
    const storage = window.localStorage;
    const probe = 'gesprekstool:probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

let browserDrafts: DraftStorage | null = null;

/** The page's one draft storage: IndexedDB, else localStorage, else memory. */
export function browserDraftStorage(): DraftStorage {
  browserDrafts ??= lazyDraftStorage(async () => {
    const chosen = await openDraftStorage({
      indexedDb: () => (typeof indexedDB === 'undefined' ? Promise.reject(new Error('no IndexedDB')) : indexedDbDrafts(indexedDB)),
      localStorage: browserLocalStorage,
    });
    return chosen.storage;
  });
  return browserDrafts;
}
