// Graph round trips and times for the operations the performance budget names, measured through the
// app's own Graph layer against the emulator with 50 ms added per HTTP request. Prints figures; it is
// not a test. Budget: open = 1 round trip at 50 or 50,000 items; one answer = 1 request; publishing
// 30 actions ≤ 6 round trips for tasks + details, ≤ 10 in all; re-publish 0 creates. Publishing into a
// municipality's plan of 1,500 tasks prints the bytes the publisher reads beside what listing the
// whole plan (what it used to read) costs.
// And the tab's history (issue 15): a municipality with 5,000 earlier sessions, read as the tab does
// when it opens; bytes counted on the wire. Target: 1 request, < 100 KB.
import { startEmulator, SEED } from '../dev/graph-emulator';
import type { LoggedRequest } from '../dev/graph-emulator/requestLog';
import { AppConfigSchema } from '../src/app/config';
import { createDevTokenProvider } from '../src/auth/devTokenProvider';
import { createGraphServices } from '../src/graph';
import { createGraphClient, GraphApi } from '../src/graph/client';
import type { PublishTheme, SessionLocation } from '../src/graph/contracts';
import { loadInstrument } from '../src/domain/loadInstrument';
import { LIST_TITLES, listPath, type ListKind } from '../src/graph/lists';
import { BatchQueue } from '../src/graph/batch';
import { sessionFields } from '../src/graph/mapping';
import type { ActionItem, ThemeId } from '../src/domain';

const LATENCY_MS = 50;
// `-- --history-only` skips the session/answer/publish part (the 50,000-item fill takes minutes).
const SIZES = process.argv.includes('--history-only') ? [] : [50, 50_000];
const SAMPLES = 5;
const ACTIONS = 30;
const { users, groups } = SEED;
const THEMES: ThemeId[] = ['A', 'B', 'C', 'D', 'E', 'F'];
const PUBLISH_THEMES = Object.fromEntries(loadInstrument('nl').themes.map((t) => [t.id, { title: t.title, statement: t.statement }])) as Record<ThemeId, PublishTheme>;

const PLAN_TASKS = 1_500;
const HISTORY_SESSIONS = 5_000;
const HISTORY_TARGET = { requests: 1, bytes: 100 * 1024 };

/** Response bytes as they arrive, summed over every fetch (the Graph client fetches through globalThis.fetch). */
const wire = { bytes: 0, requests: 0 };
/** Bytes the publisher reads (reset per measured publish). */
let bytesRead = 0;
const realFetch = globalThis.fetch;
globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
  const response = await realFetch(...args);
  const size = (await response.clone().arrayBuffer()).byteLength;
  wire.requests += 1;
  wire.bytes += size;
  bytesRead += size;
  return response;
};

/**
 * Set-up only (not measured): on this machine a loopback keep-alive socket is now and then reset
 * (ECONNRESET) right before the first write of a size; a set-up step is simply tried again.
 */
async function setUp<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= 3 || (err as { code?: string }).code !== 'offline') throw err;
    }
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** Round trips as the emulator logged them; a $batch's sub-requests are logged just before it. */
function roundTrips(entries: LoggedRequest[]): { path: string; subs: LoggedRequest[] }[] {
  const trips: { path: string; subs: LoggedRequest[] }[] = [];
  let subs: LoggedRequest[] = [];
  for (const e of entries) {
    if (e.batched) subs.push(e);
    else {
      trips.push({ path: `${e.method} ${e.path}`, subs });
      subs = [];
    }
  }
  return trips;
}

async function main(): Promise<void> {
  const emu = await startEmulator({ port: 0, dataDir: ':memory:', seed: 3 });
  const auth = { mode: 'dev', tokenUrl: `${emu.origin}/_emulator/token`, clientId: SEED.apps.gesprekstool.clientId } as const;
  const config = AppConfigSchema.parse({ auth, graph: { loopbackOrigin: emu.origin }, appOrigin: 'https://localhost:4210' });
  const upn = users.facilitator.userPrincipalName;
  const tokens = createDevTokenProvider({ loginHint: upn, tokenUrl: auth.tokenUrl, clientId: auth.clientId });
  const services = createGraphServices(config, tokens);
  const api = new GraphApi(createGraphClient(config, tokens));
  const site = groups.team.site;
  const location: SessionLocation = { siteId: site.id, siteUrl: `https://${SEED.host}${site.path}`, plannerGroupId: groups.team.id };
  const rows: string[][] = [['list items', 'operation', 'round trips', 'sub-requests', 'median ms', 'note']];

  try {
    const store = services.store(location);
    await store.provision();
    const listIds = {} as Record<ListKind, string>;
    for (const kind of ['sessions', 'answers', 'actions'] as ListKind[]) {
      listIds[kind] = ((await api.call('GET', `${listPath(site.id, kind)}?$select=id`, { scopes: ['Sites.ReadWrite.All'] })) as { id: string }).id;
    }
    let filled = 0;
    for (const size of SIZES) {
      // Other sessions' items fill every list up to `size`, so the filter has to find ours among them.
      const add = size - filled;
      for (const kind of ['sessions', 'answers', 'actions'] as ListKind[]) {
        for (let start = 0; start < add; start += 10_000) {
          const n = Math.min(10_000, add - start);
          emu.admin.bulkInsertItems(
            site.id,
            listIds[kind],
            Array.from({ length: n }, (_, i) => ({ Title: `${LIST_TITLES[kind]} ${filled + start + i}`, SessionKey: `20250101-${String(filled + start + i).padStart(8, '0')}` })),
          );
        }
      }
      filled = size;
      // The bulk insert blocked this process, emulator included: let the server's keep-alive timers
      // close the sockets that went idle meanwhile, or the next request races them (ECONNRESET).
      await new Promise((resolve) => setTimeout(resolve, 50));
      emu.admin.setFaults({ latencyMs: LATENCY_MS });

      const created = await setUp(() => store.createSession({ municipality: "'s-Hertogenbosch", title: `Bench ${size}`, purpose: 'monitoring', meetingId: null, plannerGroupId: groups.team.id, facilitator: { id: users.facilitator.id, name: users.facilitator.displayName } }));
      const key = created.session.value.key;
      const mine = await setUp(() => store.join(key, { id: users.facilitator.id, name: users.facilitator.displayName, domain: 'armoede', department: 'Armoede & Schulden' }));
      const actions: ActionItem[] = Array.from({ length: ACTIONS }, (_, i) => ({
        id: `a-bench-${size}-${i}`, sessionKey: key, theme: THEMES[i % 6] as ThemeId, title: `Actie ${i + 1}`, ownerId: groups.team.members[i % groups.team.members.length] as string,
        ownerName: null, department: ['Armoede & Schulden', 'Publieke Gezondheid', 'Sociaal Wijkteam', ''][i % 4] as string, dueDate: '2027-03-15', status: 'open', proposedBy: null, plannerTaskId: null, plannerTaskUrl: null,
      }));
      for (const a of actions) await setUp(() => store.saveAction(a, null));

      const measure = async (label: string, run: () => Promise<unknown>, samples: number, note = '') => {
        const times: number[] = [];
        const trips: number[] = [];
        const subs: number[] = [];
        let last: { path: string; subs: LoggedRequest[] }[] = [];
        for (let i = 0; i < samples; i += 1) {
          emu.admin.clearRequests();
          const t0 = performance.now();
          await run();
          times.push(performance.now() - t0);
          const log = emu.admin.requests();
          trips.push(log.roundTrips);
          subs.push(log.batchedRequests);
          last = roundTrips(log.entries);
        }
        rows.push([String(size), label, String(median(trips)), String(median(subs)), median(times).toFixed(0), note]);
        return last;
      };

      await measure('open a session', () => services.store(location).openSession(key), SAMPLES);
      let n = 0;
      let current = mine;
      await measure('save one answer', async () => (current = await store.saveResponse(current, { ...current.value, scores: { A: ((n++ % 5) + 1) as 1 } })), SAMPLES);

      const publishOnce = async () =>
        services.publisher.publish(await store.openSession(key), { groupId: groups.team.id, planTitle: `Bench ${size}`, themes: PUBLISH_THEMES, linkBack: 'https://localhost:4210/', location, by: { id: users.facilitator.id, name: users.facilitator.displayName } });
      const snapshotTrips = 1;
      const first = await measure('publish 30 actions (first)', publishOnce, 1);
      if (process.env.BENCH_TRACE) for (const t of first) console.log(t.subs.map((s) => `${s.method} ${s.path.split('/').slice(0, 4).join('/')}`).join(' | '));
      const taskTrips = first.filter((t) => t.subs.some((s) => (s.method === 'POST' && s.path === '/planner/tasks') || /^\/planner\/tasks\/[^/]+\/details$/.test(s.path))).length;
      rows[rows.length - 1]![2] = String(Number(rows[rows.length - 1]![2]) - snapshotTrips);
      rows[rows.length - 1]![5] = `${taskTrips} round trips carry task creation/details (budget ≤ 6), ≤ 10 in all; excl. the openSession before it`;
      const re = await measure('re-publish (nothing changed)', publishOnce, 1);
      const creates = re.flatMap((t) => t.subs).filter((s) => s.method === 'POST' && s.path === '/planner/tasks').length;
      rows[rows.length - 1]![2] = String(Number(rows[rows.length - 1]![2]) - snapshotTrips);
      rows[rows.length - 1]![5] = `${creates} tasks created (budget 0)`;
      emu.admin.setFaults({});
    }

    // A municipality's plan after many sessions: 1,470 tasks of other sessions in the same department
    // buckets, then this session's 30. What does publishing read?
    {
      const created = await setUp(() => store.createSession({ municipality: 'Lelystad', title: 'Bench plan', purpose: 'monitoring', meetingId: null, plannerGroupId: groups.team.id, facilitator: { id: users.facilitator.id, name: users.facilitator.displayName } }));
      const key = created.session.value.key;
      const departments = ['Armoede & Schulden', 'Publieke Gezondheid', 'Sociaal Wijkteam', 'Zonder afdeling'];
      const actions: ActionItem[] = Array.from({ length: ACTIONS }, (_, i) => ({
        id: `a-plan-${i}`, sessionKey: key, theme: THEMES[i % 6] as ThemeId, title: `Actie ${i + 1}`, ownerId: null, ownerName: null,
        department: i % 4 === 3 ? '' : (departments[i % 4] as string), dueDate: '2027-03-15', status: 'open', proposedBy: null, plannerTaskId: null, plannerTaskUrl: null,
      }));
      for (const a of actions) await setUp(() => store.saveAction(a, null));
      const q = new BatchQueue(api);
      const scopes = ['Tasks.ReadWrite'];
      const plan = (await q.submit({ method: 'POST', url: '/planner/plans', body: { container: { url: `https://graph.microsoft.com/v1.0/groups/${groups.team.id}` }, title: 'Bench plan' } }, scopes)) as { id: string };
      const buckets = await Promise.all(departments.map((name) => q.submit({ method: 'POST', url: '/planner/buckets', body: { name, planId: plan.id, orderHint: ' !' } }, scopes) as Promise<{ id: string }>));
      const others = PLAN_TASKS - ACTIONS;
      await Promise.all(
        Array.from({ length: others }, (_, i) =>
          q.submit({ method: 'POST', url: '/planner/tasks', body: { planId: plan.id, bucketId: buckets[i % buckets.length]!.id, title: `Actie van een eerder gesprek ${i + 1}`, appliedCategories: { [`category${(i % 6) + 1}`]: true } } }, scopes),
        ),
      );
      emu.admin.setFaults({ latencyMs: LATENCY_MS });
      const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
      for (const label of [`publish 30 actions into a plan of ${PLAN_TASKS} tasks`, `re-publish into a plan of ${PLAN_TASKS} tasks`]) {
        const snapshot = await store.openSession(key);
        emu.admin.clearRequests();
        bytesRead = 0;
        const t0 = performance.now();
        await services.publisher.publish(snapshot, { groupId: groups.team.id, planTitle: 'Bench plan', themes: PUBLISH_THEMES, linkBack: 'https://localhost:4210/', location, by: { id: users.facilitator.id, name: users.facilitator.displayName } });
        const ms = performance.now() - t0;
        const log = emu.admin.requests();
        const wholePlan = log.entries.filter((e) => /^\/planner\/plans\/[^/]+\/tasks/.test(e.path)).length;
        rows.push(['plan', label, String(log.roundTrips), String(log.batchedRequests), ms.toFixed(0), `${kb(bytesRead)} read (plan listings: ${wholePlan})`]);
      }
      bytesRead = 0;
      await api.getAll(`/planner/plans/${plan.id}/tasks`, { scopes });
      rows.push(['plan', `reference: list all ${PLAN_TASKS} tasks of the plan`, '-', '-', '-', `${kb(bytesRead)} read (what publishing read before it read tasks by id)`]);
      emu.admin.setFaults({});
    }

    // ---- the tab's history: 5,000 earlier sessions of one municipality ----------------------------
    const municipality = 'Bench-gemeente';
    const template = await store.createSession({ municipality, title: 'Sjabloon', purpose: 'monitoring', meetingId: null, plannerGroupId: groups.team.id, facilitator: { id: users.facilitator.id, name: users.facilitator.displayName } });
    const day = (i: number) => new Date(Date.UTC(2010, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    emu.admin.bulkInsertItems(
      site.id,
      listIds.sessions,
      // Written as the app writes a session (src/graph/mapping.ts), so every one of them is listed.
      Array.from({ length: HISTORY_SESSIONS - 1 }, (_, i) => sessionFields({ ...template.session.value, title: `Sessie ${i + 1}`, key: `20240101-${String(i).padStart(8, '0')}`, date: day(i) })),
    );
    // Before issue 15 the tab read every session (findSessions); now it reads the newest page.
    const ways: [string, () => Promise<number>][] = [
      ['every session (findSessions, before)', async () => (await services.store(location).findSessions({ municipality })).length],
      ['newest page (findSessionPage)', async () => (await services.store(location).findSessionPage({ municipality })).sessions.length],
    ];
    for (const latency of [0, LATENCY_MS]) {
      emu.admin.setFaults({ latencyMs: latency });
      for (const [label, read] of ways) {
        wire.bytes = 0;
        wire.requests = 0;
        const t0 = performance.now();
        const listed = await read();
        const ms = performance.now() - t0;
        const verdict = wire.requests <= HISTORY_TARGET.requests && wire.bytes < HISTORY_TARGET.bytes ? 'ok' : 'OVER';
        rows.push([
          String(HISTORY_SESSIONS),
          `tab history, ${label}, ${latency} ms latency`,
          String(wire.requests),
          '',
          ms.toFixed(0),
          `${(wire.bytes / 1024).toFixed(1)} KB read, ${listed} sessions listed; target ${HISTORY_TARGET.requests} request < ${HISTORY_TARGET.bytes / 1024} KB: ${verdict}`,
        ]);
      }
    }
    emu.admin.setFaults({});
  } finally {
    await emu.close();
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  console.log(`Graph emulator, ${LATENCY_MS} ms latency per HTTP request, medians of ${SAMPLES} (publish: 1 run)\n`);
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i] as number)).join('  '));
}

const unknown = process.argv.slice(2).filter((a) => a !== '--history-only');
if (unknown.length > 0) {
  console.error(`npm run bench:graph takes only --history-only (got ${unknown.join(' ')}).\n\nnpm run bench:graph [-- --history-only]`);
  process.exitCode = 2;
} else {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
