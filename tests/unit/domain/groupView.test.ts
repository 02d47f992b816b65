import { buildGroupView, groupResponses, sameGroupView, visibleProgress, visibleResponses } from '../../../src/domain/groupView';
import { GroupViewSchema, type Response, type Session, type SessionState } from '../../../src/domain/model';
import { anna, bram, chris, response, session } from './fixtures';

const AT_REVEAL = '2026-03-01T10:00:00.000Z';
const LATER = '2026-03-01T10:05:00.000Z';

/** The facilitator's client writing the view in `state`, over the view it wrote before. */
function write(state: SessionState, responses: Response[], previous: Session['group'] = null, at = AT_REVEAL) {
  return buildGroupView(session({ state, group: previous }), responses, null, at);
}

const step2Of = (text: string): Response['step2'] => ({ questions: { q1: { selected: ['q1.a'], freeText: {} } }, comments: { A: text } });

describe('the group view: what the group may see of everyone’s answers', () => {
  it('before the reveal holds who joined and how far they are, never a score', () => {
    const view = write('step1', [response(anna, { A: 2, B: 'weetNiet' }), response(bram, { A: 5 }, { done: { step1: '2026-03-01T09:50:00.000Z' } })]);
    expect(view.revealedAt).toBeNull();
    expect(view.members.map((m) => [m.participant.id, m.answered.step1, m.done.step1 ?? null])).toEqual([
      [anna.id, 2, null],
      [bram.id, 1, '2026-03-01T09:50:00.000Z'],
    ]);
    expect(view.members.every((m) => m.scores === undefined && m.step2 === undefined)).toBe(true);
    expect(JSON.stringify(view)).not.toContain('weetNiet');
    expect(GroupViewSchema.parse(view)).toEqual(view);
  });

  it('freezes the scores at the reveal: a later change of an answer, or a late joiner, changes nothing shown', () => {
    const revealed = write('revealed', [response(anna, { A: 2 }), response(bram, { A: 5 })]);
    expect(revealed.revealedAt).toBe(AT_REVEAL);
    expect(revealed.members.map((m) => m.scores)).toEqual([{ A: 2 }, { A: 5 }]);

    // Anna's offline edit arrives after the reveal, and Chris joins late.
    const later = write('revealed', [response(anna, { A: 4, B: 1 }), response(bram, { A: 5 }), response(chris, { A: 1 })], revealed, LATER);
    expect(later.revealedAt).toBe(AT_REVEAL);
    expect(later.members.map((m) => [m.participant.id, m.scores ?? null])).toEqual([
      [anna.id, { A: 2 }],
      [bram.id, { A: 5 }],
      [chris.id, null],
    ]);
    // Progress still follows what people did.
    expect(later.members[0]?.answered.step1).toBe(2);
  });

  it('a session revealed before group views existed is frozen at the first write after', () => {
    const view = write('step2', [response(anna, { A: 3 })], null, LATER);
    expect(view.revealedAt).toBe(LATER);
    expect(view.members[0]?.scores).toEqual({ A: 3 });
  });

  it('shows stap-2 answers live during stap 2 and as they were when it ended afterwards', () => {
    const before = write('revealed', [response(anna, {}, { step2: step2Of('vroeg') })]);
    expect(before.members[0]?.step2).toBeUndefined();
    const during = write('step2', [response(anna, {}, { step2: step2Of('tijdens') })], before);
    expect(during.members[0]?.step2?.comments.A).toBe('tijdens');
    const after = write('step3', [response(anna, {}, { step2: step2Of('te laat') })], during);
    expect(after.members[0]?.step2?.comments.A).toBe('tijdens');
  });

  it('keeps the agenda it had when the agenda was not read this time, and takes the new one when it was', () => {
    const action = { value: { id: 'a1', sessionKey: 'k', theme: 'A' as const, title: 'Eén loket', ownerId: null, ownerName: null, department: '', dueDate: null, status: 'open' as const, proposedBy: anna.id, plannerTaskId: null, plannerTaskUrl: null }, itemId: '7', etag: '"7,1"' };
    const withAgenda = buildGroupView(session({ state: 'step3' }), [], [action], AT_REVEAL);
    expect(buildGroupView(session({ state: 'step3', group: withAgenda }), [], null, LATER).actions).toEqual([action]);
    expect(buildGroupView(session({ state: 'step3', group: withAgenda }), [], [], LATER).actions).toEqual([]);
  });

  it('is unchanged (no write needed) when nothing the group may see changed', () => {
    const responses = [response(anna, { A: 2 }), response(bram)];
    const first = write('step1', responses);
    expect(sameGroupView(first, write('step1', responses, first, LATER))).toBe(true);
    expect(sameGroupView(first, write('step1', [response(anna, { A: 2, B: 3 }), response(bram)], first))).toBe(false);
    expect(sameGroupView(null, first)).toBe(false);
  });

  it('is what every surface shows, for the facilitator too; without a view, no one else’s scores before the reveal', () => {
    const responses = [response(anna, { A: 2 }), response(bram, { A: 5 })];
    const view = write('step1', responses);
    const s = session({ state: 'step1', group: view });
    expect(visibleResponses(anna.id, s, responses).map((r) => r.scores)).toEqual([{}, {}]);
    expect(groupResponses(view, s.key).map((r) => r.participant.id)).toEqual([anna.id, bram.id]);
    expect(visibleProgress(s, [], 'step1').participants.map((p) => p.answered)).toEqual([1, 1]);

    const noView = session({ state: 'step1', group: null });
    expect(visibleResponses(anna.id, noView, responses).map((r) => r.scores)).toEqual([{ A: 2 }, {}]);
    expect(visibleResponses(anna.id, session({ state: 'revealed', group: null }), responses).map((r) => r.scores)).toEqual([{ A: 2 }, { A: 5 }]);
  });
});
