// The emulator process is killed with SIGKILL in the middle of a burst of writes; after a restart
// the database must be intact, hold every acknowledged write, and no half-applied request.
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED } from '../../../dev/graph-emulator/seed';
import { rawGraph } from '../support/rawGraph';

const upn = SEED.users.facilitator.userPrincipalName;
// The facilitator owns the team's site; creating lists needs an owner (Manage Lists).
const siteId = SEED.sites.team.id;
let dataDir: string;
let child: ChildProcess | undefined;

function startChild(dir: string): Promise<{ process: ChildProcess; origin: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'dev/graph-emulator/main.ts', '--port', '0', '--data', dir], { cwd: join(__dirname, '../../..'), stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/v1\.0/.exec(out);
      if (m?.[1]) resolve({ process: proc, origin: m[1] });
    });
    proc.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('exit', (code) => reject(new Error(`emulator exited (${code}) before it was ready: ${err}`)));
  });
}

function killHard(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'graph-emulator-'));
});
afterEach(async () => {
  if (child && child.exitCode === null) await killHard(child);
  rmSync(dataDir, { recursive: true, force: true });
});

it('keeps every acknowledged write and no half-applied request after kill -9 mid-burst, and serves again after restart', async () => {
  const first = await startChild(dataDir);
  child = first.process;
  const created = await rawGraph(first.origin, 'POST', `/v1.0/sites/${siteId}/lists`, {
    upn,
    body: { displayName: 'Burst', columns: [{ name: 'Key', text: {}, indexed: true }, { name: 'A', text: {} }, { name: 'B', number: {} }, { name: 'C', text: { allowMultipleLines: true } }] },
  });
  expect(created.status).toBe(201);
  const listId = (created.body as { id: string }).id;
  const items = `/v1.0/sites/${siteId}/lists/${listId}/items`;
  const acknowledged = new Set<string>();
  let stop = false;
  const fields = (n: number) => ({ Key: `k-${n}`, A: `v-${n}`, B: n, C: 'x'.repeat(2000) });

  const writer = async (w: number) => {
    for (let n = 0; !stop; n++) {
      try {
        if (n % 3 === 2 && acknowledged.size > 0) {
          const id = [...acknowledged][n % acknowledged.size] ?? '1';
          await rawGraph(first.origin, 'PATCH', `${items}/${id}/fields`, { upn, body: { Key: `p-${w}-${n}`, A: `v-${w * 100_000 + n}`, B: w * 100_000 + n } });
        } else if (n % 3 === 1) {
          const requests = Array.from({ length: 20 }, (_, i) => ({ id: String(i), method: 'POST', url: items.replace('/v1.0', ''), headers: { 'Content-Type': 'application/json' }, body: { fields: fields(w * 100_000 + n * 20 + i) } }));
          const res = await rawGraph(first.origin, 'POST', '/v1.0/$batch', { upn, body: { requests } });
          for (const r of (res.body as { responses: { status: number; body: { id: string } }[] }).responses) if (r.status === 201) acknowledged.add(r.body.id);
        } else {
          const res = await rawGraph(first.origin, 'POST', items, { upn, body: { fields: fields(w * 100_000 + n) } });
          if (res.status === 201) acknowledged.add((res.body as { id: string }).id);
        }
      } catch {
        return; // the connection died with the process
      }
    }
  };
  const writers = Array.from({ length: 6 }, (_, w) => writer(w));
  while (acknowledged.size < 150) await new Promise((r) => setTimeout(r, 10));
  await killHard(first.process);
  stop = true;
  await Promise.all(writers);

  const db = new Database(join(dataDir, 'graph.sqlite'));
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db.prepare('SELECT id, fields FROM items WHERE list_id = ?').all(listId) as { id: number; fields: string }[];
    const indexed = new Map((db.prepare("SELECT item_id, value FROM item_values WHERE list_id = ? AND col = 'Key'").all(listId) as { item_id: number; value: string }[]).map((r) => [r.item_id, r.value]));
    expect(indexed.size).toBe(rows.length);
    for (const row of rows) {
      const f = JSON.parse(row.fields) as { Key: string; A: string; B: number; C: string };
      expect(f.A).toBe(`v-${f.B}`);
      expect(f.C).toHaveLength(2000);
      expect(indexed.get(row.id)).toBe(f.Key);
    }
    const ids = new Set(rows.map((r) => String(r.id)));
    for (const id of acknowledged) expect(ids.has(id)).toBe(true);
    const next = (db.prepare('SELECT next_item_id FROM lists WHERE id = ?').get(listId) as { next_item_id: number }).next_item_id;
    expect(next).toBe(Math.max(...rows.map((r) => r.id)) + 1);
    console.log(`killed after ${acknowledged.size} acknowledged creates; ${rows.length} items on disk, all complete`);
  } finally {
    db.close();
  }

  const second = await startChild(dataDir);
  child = second.process;
  const after = await rawGraph(second.origin, 'POST', items, { upn, body: { fields: fields(1) } });
  expect(after.status).toBe(201);
  expect(Number((after.body as { id: string }).id)).toBeGreaterThan(Math.max(...[...acknowledged].map(Number)));
  const read = await rawGraph(second.origin, 'GET', `${items}?$filter=fields/Key eq 'k-1'&$expand=fields`, { upn });
  expect((read.body as { value: unknown[] }).value.length).toBeGreaterThanOrEqual(1);
}, 30_000);
