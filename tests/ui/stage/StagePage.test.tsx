import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { FakeStore, facilitator, fakeHost, fakeServices, lotte, renderWith, responseOf, sanne, sessionIn } from '../fakes';
import StagePage from '../../../src/ui/stage/StagePage';
import type { PublishResult } from '../../../src/graph/contracts';
import { AccessDeniedError } from '../../../src/graph/errors';

function storeWithScores(state: Parameters<typeof sessionIn>[0]): FakeStore {
  const store = new FakeStore(sessionIn(state));
  store.addResponse(responseOf(sanne, { A: 2, B: 5, C: 'weetNiet', D: 3, E: 3, F: 3 }));
  store.addResponse(responseOf(lotte, { A: 2, B: 1, C: 'weetNiet', D: 3, E: 4, F: 3 }));
  return store;
}

describe('StagePage', () => {
  it('tells someone whose account cannot read the municipality’s data how they can still take part, instead of a bare error', async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.failures.openSession = new AccessDeniedError('Access denied. The token was issued by tenant partner; this resource belongs to tenant gemeente.', 'accessDenied', 403);
    renderWith(<StagePage />, fakeServices({ me: sanne, store, host: fakeHost({ surface: 'stage', frameContext: 'meetingStage' }) }));
    expect(await screen.findByText('U kunt de gegevens van deze sessie niet lezen')).toBeTruthy();
    expect(screen.getByText(/de gespreksleider kan uw antwoorden namens u invullen, en de app als schermdeling delen/)).toBeTruthy();
  });

  it('shows who joined but no score while step 1 runs', async () => {
    const services = fakeServices({ store: storeWithScores('step1'), host: fakeHost({ surface: 'stage' }) });
    const { container } = renderWith(<StagePage />, services);
    await screen.findByText('2 deelnemers, 0 klaar');
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(container.textContent).not.toContain('weet niet');
  });

  it('shows chart, table and conversation order after the reveal, largest difference first', async () => {
    const services = fakeServices({ store: storeWithScores('revealed'), host: fakeHost({ surface: 'stage' }) });
    renderWith(<StagePage />, services);
    await screen.findByRole('img', { name: /Spindiagram/ });
    const order = screen.getByRole('heading', { name: /Grootste verschil eerst/ }).nextElementSibling;
    expect(order?.querySelector('li')?.textContent).toMatch(/^B\. .*4 punten uit elkaar/);
  });

  it('shows a participant only what the facilitator’s client shared with the group, not the answers it could not read', async () => {
    const store = storeWithScores('revealed');
    renderWith(<StagePage />, fakeServices({ me: sanne, store, host: fakeHost({ surface: 'stage' }) }));
    // No group view yet: Sanne's store hands her only her own answers item, so there is nothing to compare.
    await screen.findByText(/Armoede en gezondheid/);
    expect(screen.queryByText(/Lotte/)).toBeNull();
    cleanup();

    store.shareWithGroup();
    renderWith(<StagePage />, fakeServices({ me: sanne, store, host: fakeHost({ surface: 'stage' }) }));
    await screen.findByRole('img', { name: /Spindiagram/ });
    expect(screen.getAllByText(/Lotte/).length).toBeGreaterThan(0);
  });

  it('lets the facilitator publish the agenda and names who is not a group member', async () => {
    const store = storeWithScores('step3');
    await store.saveAction({ id: 'a-1', sessionKey: store.session.value.key, theme: 'A', title: 'Visie opstellen', ownerId: sanne.id, ownerName: sanne.displayName, department: 'Schuldhulpverlening', dueDate: null, status: 'open', proposedBy: facilitator.id, plannerTaskId: null, plannerTaskUrl: null });
    const services = fakeServices({ store, host: fakeHost({ surface: 'stage' }) });
    const result: PublishResult = {
      planId: 'p-1',
      planUrl: 'https://planner.example/p-1',
      outcomes: [{ actionId: 'a-1', kind: 'created', taskId: 't-1', taskUrl: 'https://planner.example/t-1', unassignedBecause: [sanne.displayName] }],
      nonMembers: [{ id: sanne.id, name: sanne.displayName }],
    };
    const publish = jest.fn(async (_snapshot, _options, onProgress?: (p: { step: 'tasks'; done: number; total: number }) => void) => {
      onProgress?.({ step: 'tasks', done: 1, total: 1 });
      return result;
    });
    services.graph.publisher = { publish };
    renderWith(<StagePage />, services);
    const button = await screen.findByRole('button', { name: 'Publiceer naar Planner' });
    await act(async () => undefined);
    await act(async () => fireEvent.click(button));
    await screen.findByText("Sanne van 't Hof is geen lid van de groep Armoede en Gezondheid; de taak is zonder eigenaar aangemaakt.");
    expect(publish.mock.calls[0]?.[1]).toMatchObject({ groupId: 'group-1', planTitle: "Gesprekstool 's-Hertogenbosch" });
  });

  it('gives the publisher each theme’s bare title and its statement, since Planner labels and task descriptions put the letter in front themselves', async () => {
    const store = storeWithScores('step3');
    await store.saveAction({ id: 'a-1', sessionKey: store.session.value.key, theme: 'B', title: 'Intake delen', ownerId: null, ownerName: null, department: '', dueDate: null, status: 'open', proposedBy: facilitator.id, plannerTaskId: null, plannerTaskUrl: null });
    const services = fakeServices({ store, host: fakeHost({ surface: 'stage' }) });
    const result: PublishResult = { planId: 'p-1', planUrl: 'https://planner.example/p-1', outcomes: [], nonMembers: [] };
    const publish = jest.fn(async () => result);
    services.graph.publisher = { publish };
    renderWith(<StagePage />, services);
    const button = await screen.findByRole('button', { name: 'Publiceer naar Planner' });
    await act(async () => undefined);
    await act(async () => fireEvent.click(button));
    await screen.findByText(/^Gepubliceerd:/);
    const themes = (publish.mock.calls[0] as unknown as [unknown, { themes: Record<string, { title: string; statement: string }> }])[1].themes;
    const b = services.instrument.themes.find((th) => th.id === 'B');
    expect(themes.B).toEqual({ title: b?.title, statement: b?.statement });
    expect(Object.values(themes).filter((theme) => /^[A-F]\. /.test(theme.title))).toEqual([]);
  });

  it('shows the agenda read-only to a participant who is not the facilitator', async () => {
    const services = fakeServices({ me: sanne, store: storeWithScores('step3'), host: fakeHost({ surface: 'stage' }) });
    renderWith(<StagePage />, services);
    await screen.findByRole('heading', { name: 'Actieagenda' });
    expect(screen.queryByRole('button', { name: /Actie toevoegen/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Publiceer naar Planner' })).toBeNull();
  });
});
