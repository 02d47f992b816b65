import { startHarness, SEED, type Harness } from './harness';
import { plannerTasks, runLifecycle, threeParticipants } from './lifecycle';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('a whole session, from empty site to Planner', () => {
  it('keeps every answer, publishes each action once and re-publishing creates nothing', async () => {
    const result = await runLifecycle(h, 6);
    const { finalSnapshot, first, second } = result;

    expect(finalSnapshot.session.value).toMatchObject({ municipality: "'s-Hertogenbosch", state: 'step3', notes: 'Veel weet niet bij thema B' });
    const byPerson = Object.fromEntries(finalSnapshot.responses.map((r) => [r.value.participant.id, r.value.scores]));
    expect(byPerson).toEqual(Object.fromEntries(threeParticipants.map((p) => [p.participant.id, p.scores])));
    expect(finalSnapshot.responses.every((r) => r.value.step2.questions.q2?.freeText['q2.e']?.startsWith('namelijk'))).toBe(true);

    expect(first.outcomes.map((o) => o.kind)).toEqual(Array(6).fill('created'));
    expect(first.nonMembers).toEqual([]);
    expect(second.outcomes.map((o) => o.kind)).toEqual(Array(6).fill('unchanged'));
    expect(plannerTasks(h)).toHaveLength(6);
    expect(finalSnapshot.actions.every((a) => a.value.plannerTaskId && a.value.plannerTaskUrl?.includes(first.planId))).toBe(true);
    expect(finalSnapshot.session.value.plannerPlanId).toBe(first.planId);
    expect(finalSnapshot.links.plannerPlan).toContain(first.planId);
  });

  it('finds the session by municipality and by meeting', async () => {
    const store = h.services(SEED.users.healthPolicy.userPrincipalName).store(h.location);
    expect((await store.findSessions({ municipality: "'s-Hertogenbosch" })).length).toBeGreaterThan(0);
    expect((await store.findSessions({ meetingId: 'meeting-19:abc&def' })).length).toBeGreaterThan(0);
  });
});
