// SQLite storage. Every emulated request runs inside one transaction (see router.ts), so a process
// killed mid-write leaves either the whole request or nothing (WAL journal, rollback on restart).
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS lists (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL,
  display_name TEXT NOT NULL,
  name TEXT NOT NULL,
  version INTEGER NOT NULL,
  next_item_id INTEGER NOT NULL DEFAULT 1,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS lists_by_site ON lists(site_id, display_name COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS columns (
  list_id TEXT NOT NULL,
  name TEXT NOT NULL,
  position INTEGER NOT NULL,
  doc TEXT NOT NULL,
  PRIMARY KEY (list_id, name)
);
CREATE TABLE IF NOT EXISTS items (
  list_id TEXT NOT NULL,
  id INTEGER NOT NULL,
  guid TEXT NOT NULL,
  version INTEGER NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  created_by TEXT NOT NULL,
  modified_by TEXT NOT NULL,
  fields TEXT NOT NULL,
  PRIMARY KEY (list_id, id)
);
-- Values of indexed columns, so a filter on them is an index seek, not a scan of JSON.
CREATE TABLE IF NOT EXISTS item_values (
  list_id TEXT NOT NULL,
  col TEXT NOT NULL,
  item_id INTEGER NOT NULL,
  value,
  PRIMARY KEY (list_id, col, item_id)
);
CREATE INDEX IF NOT EXISTS item_values_lookup ON item_values(list_id, col, value, item_id);
-- A plan and its details (a task and its details) share an id, hence the composite key.
CREATE TABLE IF NOT EXISTS planner (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  parent TEXT,
  group_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  doc TEXT NOT NULL,
  PRIMARY KEY (kind, id)
);
CREATE INDEX IF NOT EXISTS planner_by_parent ON planner(kind, parent);
`;

const SCHEMA_VERSION = 2;

export type PlannerKind = 'plan' | 'planDetails' | 'bucket' | 'task' | 'taskDetails';

export interface PlannerRow {
  id: string;
  kind: PlannerKind;
  parent: string | null;
  group_id: string;
  version: number;
  doc: string;
}

export class Store {
  readonly db: Database.Database;
  private readonly idSeed: string;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(dataDir: string, seed?: number) {
    let file = ':memory:';
    if (dataDir !== ':memory:') {
      mkdirSync(dataDir, { recursive: true });
      file = join(dataDir, 'graph.sqlite');
    }
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL is durable against a killed process in WAL mode (not against power loss), which is what we test.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
    this.db.exec(SCHEMA);
    const stored = this.getMeta('idSeed');
    if (stored === undefined) {
      this.idSeed = seed !== undefined ? String(seed) : randomBytes(8).toString('hex');
      this.setMeta('idSeed', this.idSeed);
      this.setMeta('idCounter', '0');
    } else {
      this.idSeed = stored;
    }
  }

  /** Databases written by the first version keyed Planner rows by id alone; re-key them. */
  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version >= SCHEMA_VERSION) return;
    const planner = this.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'planner'").get() as { sql: string } | undefined;
    if (planner && !planner.sql.includes('PRIMARY KEY (kind, id)')) {
      this.transaction(() => {
        this.db.exec('ALTER TABLE planner RENAME TO planner_v1');
        this.db.exec('DROP INDEX IF EXISTS planner_by_parent');
        this.db.exec(SCHEMA);
        this.db.exec('INSERT INTO planner(kind, id, parent, group_id, version, doc) SELECT kind, id, parent, group_id, version, doc FROM planner_v1');
        this.db.exec('DROP TABLE planner_v1');
      });
    }
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }

  /** Prepared once per SQL text: preparing dominates the cost of small statements (bulk inserts). */
  stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  getMeta(key: string): string | undefined {
    const row = this.stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.stmt('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /**
   * Ids derive from the seed and a persisted counter: reproducible under a seed, and never reused
   * after a restart (the counter lives in the same transaction as the object that gets the id).
   */
  private digests(count: number): Buffer[] {
    const row = this.stmt("UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'idCounter' RETURNING value").get(count) as { value: number | string };
    const last = Number(row.value);
    return Array.from({ length: count }, (_, i) => createHash('sha256').update(`${this.idSeed}:${last - count + 1 + i}`).digest());
  }

  private nextDigest(): Buffer {
    const [digest] = this.digests(1);
    if (!digest) throw new Error('no id digest');
    return digest;
  }

  newGuid(): string {
    return this.newGuids(1)[0] ?? '';
  }

  /** One counter update for many ids (bulk inserts). */
  newGuids(count: number): string[] {
    return this.digests(count).map((b) => {
      b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
      b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
      const h = b.subarray(0, 16).toString('hex');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
    });
  }

  /** A store-wide increasing number (Planner etags): unique across objects, never reused after restart. */
  nextSequence(): number {
    const row = this
      .stmt("INSERT INTO meta(key, value) VALUES ('sequence', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING value")
      .get() as { value: number | string };
    return Number(row.value);
  }

  /** Planner ids are 28 url-safe characters, e.g. `xqQg5FS2LkCp935s-FIFm2QAFkHM`. */
  newPlannerId(): string {
    return this.nextDigest().toString('base64url').slice(0, 28);
  }

  /** Drops everything but the id seed and counter. */
  clear(): void {
    this.transaction(() => {
      for (const table of ['lists', 'columns', 'items', 'item_values', 'planner']) this.db.exec(`DELETE FROM ${table}`);
    });
  }

  close(): void {
    this.db.close();
  }
}
