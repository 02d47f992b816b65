// The whole life of a session through the app's Graph layer, shared by the clean run and the run
// with injected throttling, so both assert the same outcome.
import type { ActionItem, Participant, Response, ThemeId } from '../../../src/domain';
import { loadInstrument } from '../../../src/domain/loadInstrument';
import type { GraphServices, PublishResult, PublishTheme, SessionLocation, SessionSnapshot, SessionStore } from '../../../src/graph/contracts';
import { GraphLayerError } from '../../../src/graph/errors';
import { memoryDraftStorage, openResponseSync } from '../../../src/sync';
import { SEED, type Harness } from './harness';

const { users, groups } = SEED;

/** The instrument's own theme titles and statements, as the stage passes them. */
export const THEMES = Object.fromEntries(loadInstrument('nl').themes.map((t) => [t.id, { title: t.title, statement: t.statement }])) as Record<ThemeId, PublishTheme>;

/** What a person does when the app says "Opnieuw proberen": try the same thing again after a moment. */
export async function untilDone<T>(run: () => Promise<T>, attempts = 20): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await run();
    } catch (err) {
      if (!(err instanceof GraphLayerError) || !err.transient || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

/**
 * The facilitator's Lelystad session with an agenda on the team's site: provisioned, created, and
 * each action saved, as the stage would. Returns the store and the session key.
 */
export async function createSessionWithAgenda(services: GraphServices, location: SessionLocation, actions: (key: string) => ActionItem[]): Promise<{ store: SessionStore; key: string }> {
  const store = services.store(location);
  await store.provision();
  const created = await store.createSession({
    municipality: 'Lelystad',
    title: 'Agenda',
    purpose: 'agendering',
    meetingId: null,
    plannerGroupId: groups.team.id,
    facilitator: { id: users.facilitator.id, name: users.facilitator.displayName },
  });
  const key = created.session.value.key;
  for (const action of actions(key)) await store.saveAction(action, null);
  return { store, key };
}

export const threeParticipants: { upn: string; participant: Participant; scores: Response['scores'] }[] = [
  {
    upn: users.debtCounsellor.userPrincipalName,
    participant: { id: users.debtCounsellor.id, name: users.debtCounsellor.displayName, domain: 'armoede', department: users.debtCounsellor.department },
    scores: { A: 4, B: 'weetNiet', C: 2, D: 3, E: 'weetNiet', F: 1 },
  },
  {
    upn: users.healthPolicy.userPrincipalName,
    participant: { id: users.healthPolicy.id, name: users.healthPolicy.displayName, domain: 'gezondheid', department: users.healthPolicy.department },
    scores: { A: 2, B: 5, C: 2, D: 'weetNiet', E: 4, F: 3 },
  },
  {
    upn: users.ggdNurse.userPrincipalName,
    participant: { id: users.ggdNurse.id, name: users.ggdNurse.displayName, domain: 'partner', partnerLabel: 'GGD', department: users.ggdNurse.department },
    scores: { A: 5, B: 3, C: 1, D: 2, E: 5, F: 'weetNiet' },
  },
];

export function agenda(sessionKey: string, count: number): ActionItem[] {
  const owners = [users.debtCounsellor, users.healthPolicy, users.ggdNurse, users.incomeConsultant, users.neighbourhoodTeam];
  return Array.from({ length: count }, (_, i) => {
    const owner = owners[i % owners.length] as (typeof owners)[number];
    return {
      id: `a-${String(i).padStart(3, '0')}`,
      sessionKey,
      theme: (['A', 'B', 'C', 'D', 'E', 'F'] as const)[i % 6] as ThemeId,
      title: `Actie ${i + 1}: samenwerking & signalering #${i}`,
      ownerId: owner.id,
      ownerName: owner.displayName,
      department: i % 7 === 6 ? '' : owner.department,
      dueDate: `2027-0${1 + (i % 9)}-15`,
      status: 'open',
      proposedBy: owner.id,
      plannerTaskId: null,
      plannerTaskUrl: null,
    };
  });
}

export interface LifecycleResult {
  key: string;
  first: PublishResult;
  second: PublishResult;
  finalSnapshot: SessionSnapshot;
  facilitator: GraphServices;
}

/** Publishes until no action failed (a person pressing "opnieuw" after a partial failure). */
export async function publishUntilComplete(facilitator: GraphServices, h: Harness, key: string, runs = 10): Promise<{ first: PublishResult; last: PublishResult }> {
  const store = facilitator.store(h.location);
  let first: PublishResult | null = null;
  for (let run = 1; ; run += 1) {
    const snapshot = await untilDone(() => store.openSession(key));
    const result = await untilDone(() =>
      facilitator.publisher.publish(snapshot, { groupId: groups.team.id, planTitle: `Gesprekstool ${snapshot.session.value.municipality}`, themes: THEMES, linkBack: `https://localhost:4210/#/sessie/${key}`, location: h.location, by: { id: users.facilitator.id, name: users.facilitator.displayName } }),
    );
    first ??= result;
    if (result.outcomes.every((o) => o.kind !== 'failed') || run >= runs) return { first, last: result };
  }
}

export async function runLifecycle(h: Harness, actionCount = 6): Promise<LifecycleResult> {
  const facilitator = h.services(users.facilitator.userPrincipalName);
  const store = facilitator.store(h.location);
  await untilDone(() => store.provision());
  const created = await untilDone(() =>
    store.createSession({
      municipality: "'s-Hertogenbosch",
      title: 'Armoede en gezondheid, najaar 2026',
      purpose: 'agendering',
      meetingId: 'meeting-19:abc&def',
      plannerGroupId: groups.team.id,
      facilitator: { id: users.facilitator.id, name: users.facilitator.displayName },
    }),
  );
  const key = created.session.value.key;

  // Each participant on their own client, writing through the local draft + sync, as the side panel does.
  for (const p of threeParticipants) {
    const own = h.services(p.upn).store(h.location);
    const mine = await untilDone(() => own.join(key, p.participant));
    const sync = await openResponseSync({ store: own, initial: mine, storage: memoryDraftStorage(), key: `${key}:${p.participant.id}`, debounceMs: 5, connectivity: null });
    sync.update((r) => ({ ...r, scores: p.scores, done: { step1: '2026-11-23T10:10:00.000Z' } }));
    await waitUntilSaved(sync);
    sync.update((r) => ({ ...r, step2: { questions: { q1: { selected: ['q1.a'], freeText: {} }, q2: { selected: ['q2.e'], freeText: { 'q2.e': `namelijk ${p.participant.name}` } } }, comments: { A: 'Belangrijk' } } }));
    await waitUntilSaved(sync);
    sync.dispose();
  }

  let session = created.session;
  session = await untilDone(() => store.updateSession(session, (s) => ({ ...s, state: 'step1' })));
  session = await untilDone(() => store.updateSession(session, (s) => ({ ...s, state: 'revealed', notes: 'Veel weet niet bij thema B' })));
  session = await untilDone(() => store.updateSession(session, (s) => ({ ...s, state: 'step3' })));
  for (const action of agenda(key, actionCount)) await untilDone(() => store.saveAction(action, null));

  const { first } = await publishUntilComplete(facilitator, h, key);
  const { last: second } = await publishUntilComplete(facilitator, h, key);
  const finalSnapshot = await untilDone(() => store.openSession(key));
  return { key, first, second, finalSnapshot, facilitator };
}

async function waitUntilSaved(sync: { state(): { kind: string }; flushNow(): Promise<void> }): Promise<void> {
  for (let i = 0; i < 2000; i += 1) {
    if (sync.state().kind === 'saved') return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`answers not saved: ${JSON.stringify(sync.state())}`);
}

export function plannerTasks(h: Harness): { id: string; title: string; assignments: Record<string, unknown>; bucketId: string }[] {
  const state = h.emulator.admin.state() as { planner: { kind: string; doc: Record<string, unknown> }[] };
  return state.planner.filter((p) => p.kind === 'task').map((p) => p.doc as { id: string; title: string; assignments: Record<string, unknown>; bucketId: string });
}
