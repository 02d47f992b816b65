// Stap 2 filled in together: the facilitator ticks the group's answer on the stage, into its own
// record ("Samen"); participants' stages show those ticks, and their side panels say where it happens.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { jointId } from '../../../src/domain/joint';
import StagePage from '../../../src/ui/stage/StagePage';
import { SidePanel } from '../../../src/ui/sidepanel/SidePanel';
import { FakeStore, SESSION_KEY, facilitator, fakeHost, fakeServices, renderWith, responseOf, sanne, sessionIn } from '../fakes';

const REASON = /^Veel van onze inwoners/;

function jointStore(mode: 'joint' | 'separate' = 'joint'): FakeStore {
  const store = new FakeStore(sessionIn('step2', { mode }));
  store.addResponse(responseOf(facilitator));
  store.addResponse(responseOf(sanne));
  return store;
}

/** Joint mode with the group's record holding one tick (q1.a), shared with the group as the facilitator's client does. */
async function storeWithJointTick(): Promise<FakeStore> {
  const store = jointStore();
  await store.join(SESSION_KEY, { id: jointId(SESSION_KEY), name: 'Samen', domain: 'armoede', department: '', enteredBy: { id: facilitator.id, name: facilitator.displayName } });
  const joint = store.responses.at(-1);
  if (!joint) throw new Error('no joint item');
  await store.saveResponse(joint, { ...joint.value, step2: { questions: { q1: { selected: ['q1.a'], freeText: {} } }, comments: {} } });
  store.shareWithGroup();
  return store;
}

describe('stap 2 filled in together, on the stage', () => {
  it('gives the facilitator the inputs, and what they tick is saved to the joint record, not to their own answers', async () => {
    const store = jointStore();
    renderWith(<StagePage />, fakeServices({ store, host: fakeHost({ surface: 'stage' }) }));
    expect(await screen.findByRole('heading', { name: 'Stap 2 samen invullen' })).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: /^A\. Visie op armoede/ }));
    const question = screen.getByRole('group', { name: /^1\. Wat zijn voor onze gemeente redenen/ });
    await userEvent.click(within(question).getByRole('checkbox', { name: REASON }));
    await waitFor(() => expect(store.saved.at(-1)?.participant.id).toBe(jointId(SESSION_KEY)), { timeout: 3000 });
    const saved = store.saved.at(-1);
    expect(saved?.participant).toMatchObject({ name: 'Samen', enteredBy: { id: facilitator.id } });
    expect(Object.values(saved?.step2.questions ?? {}).flatMap((a) => a.selected)).toHaveLength(1);
    // Nobody's own answers were written: not the facilitator's, not Sanne's.
    expect(store.saved.every((r) => r.participant.id === jointId(SESSION_KEY))).toBe(true);
    expect(store.responses.find((r) => r.value.participant.id === facilitator.id)?.value.step2.questions).toEqual({});
    // No "Klaar met stap 2": the group's answer is nobody's to finish.
    expect(screen.queryByRole('button', { name: 'Klaar met stap 2' })).toBeNull();
  });

  it('gives no one else inputs: a participant’s stage shows the group’s ticks as "Samen", theme by theme', async () => {
    const store = await storeWithJointTick();
    renderWith(<StagePage />, fakeServices({ me: sanne, store, host: fakeHost({ surface: 'stage' }) }));
    // Before the facilitator opens a theme: one line per theme, the group's answer counted.
    const summary = await screen.findByRole('region', { name: 'Stap 2 per thema' });
    expect(within(summary).getAllByRole('listitem')[0]?.textContent).toMatch(/^A\. .*— 1 van 1 vragen beantwoord$/);
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Stap 2 samen invullen' })).toBeNull();
    // The joint record is nobody in "Wie doet mee".
    expect(screen.getByText('2 deelnemers, 0 klaar')).toBeTruthy();
  });

  it('with theme A opened by the facilitator, a participant’s stage shows the group’s tick chosen by "Samen", without inputs', async () => {
    const store = await storeWithJointTick();
    store.session = { ...store.session, value: { ...store.session.value, stageFocus: { step: 'step2', theme: 'A', discussed: {}, notes: {}, timer: null } } };
    renderWith(<StagePage />, fakeServices({ me: sanne, store, host: fakeHost({ surface: 'stage' }) }));
    const question = await screen.findByRole('group', { name: /^1\. Wat zijn voor onze gemeente redenen/ }).catch(() => null);
    const scope = question ?? document.body;
    expect(within(scope).getAllByText(/Gekozen door Samen/).length).toBeGreaterThan(0);
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('shows the per-theme summary, not the inputs, to the facilitator when the group fills in separately', async () => {
    renderWith(<StagePage />, fakeServices({ store: jointStore('separate'), host: fakeHost({ surface: 'stage' }) }));
    expect(await screen.findByRole('heading', { name: 'Stap 2 per thema' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Stap 2 samen invullen' })).toBeNull();
  });

  it('tells a participant in the side panel that the group fills it in on the stage, without a greyed-out form of their own', async () => {
    renderWith(<SidePanel />, fakeServices({ me: sanne, store: jointStore() }));
    expect(await screen.findByText(/Stap 2 vult de groep samen in, op het gedeelde scherm/)).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});
