// The facilitator enters answers for someone who cannot use the app, from their own side panel.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel } from '../../../src/ui/sidepanel/SidePanel';
import StagePage from '../../../src/ui/stage/StagePage';
import { FakeStore, facilitator, fakeHost, fakeServices, renderWith, responseOf, sanne, sessionIn } from '../fakes';

async function openPanel(store: FakeStore, me = facilitator) {
  renderWith(<SidePanel />, fakeServices({ me, store }));
  await screen.findByRole('heading', { level: 1, name: 'Armoede en gezondheid 2026' });
}

async function addPieter() {
  await userEvent.click(await screen.findByRole('button', { name: 'Iemand toevoegen die niet zelf kan invullen' }));
  const form = screen.getByRole('form', { name: 'Iemand toevoegen die niet zelf kan invullen' });
  await userEvent.type(within(form).getByLabelText(/^Naam/), 'Pieter Mulder');
  await userEvent.type(within(form).getByLabelText(/^Organisatie/), 'Welzijn Voorbeeld');
  await userEvent.click(within(form).getByRole('button', { name: 'Toevoegen' }));
}

describe('answering on someone’s behalf in the side panel', () => {
  it('adds a partner, switches to them, and their scores go to their own item marked as entered by the facilitator', async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(facilitator, { A: 3 }));
    await openPanel(store);
    await addPieter();

    expect(await screen.findByText('U vult nu in namens Pieter Mulder, Welzijn Voorbeeld. Dit wordt vastgelegd als ‘ingevuld door Marieke de Vries namens Pieter Mulder, Welzijn Voorbeeld’.')).toBeTruthy();
    const added = store.responses.find((r) => r.value.participant.name === 'Pieter Mulder');
    expect(added?.value.participant).toMatchObject({ domain: 'partner', partnerLabel: 'Welzijn Voorbeeld', enteredBy: { id: facilitator.id, name: 'Marieke de Vries' } });
    expect(added?.value.participant.id).toMatch(/^namens:/);

    // Their statement A: 5, saved to their item, not the facilitator's.
    const a = screen.getByRole('radiogroup', { name: /^A\./ });
    await userEvent.click(within(a).getByRole('radio', { name: /^5/ }));
    await waitFor(() => expect(store.responses.find((r) => r.value.participant.id === added?.value.participant.id)?.value.scores).toEqual({ A: 5 }));
    expect(store.responses.find((r) => r.value.participant.id === facilitator.id)?.value.scores).toEqual({ A: 3 });
    expect(screen.getByText(/Opgeslagen|Bezig met opslaan/)).toBeTruthy();

    // Back to their own answers: A is still 3.
    await userEvent.selectOptions(screen.getByLabelText('Voor wie vult u in?'), 'own');
    const own = await screen.findByRole('radiogroup', { name: /^A\./ });
    expect((own.querySelector('input:checked') as HTMLInputElement | null)?.value).toBe('3');
    expect(screen.getByRole('option', { name: 'Namens Pieter Mulder, Welzijn Voorbeeld' })).toBeTruthy();
  });

  it('a partner needs an organisation; nothing is added without one', async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(facilitator));
    await openPanel(store);
    await userEvent.click(await screen.findByRole('button', { name: 'Iemand toevoegen die niet zelf kan invullen' }));
    const form = screen.getByRole('form', { name: 'Iemand toevoegen die niet zelf kan invullen' });
    await userEvent.type(within(form).getByLabelText(/^Naam/), 'Pieter Mulder');
    await userEvent.click(within(form).getByRole('button', { name: 'Toevoegen' }));
    expect(await within(form).findByText('Vul de naam van de organisatie in.')).toBeTruthy();
    expect(store.responses).toHaveLength(1);
  });

  it('a participant is not offered to add anyone', async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(sanne));
    await openPanel(store, sanne);
    await screen.findByRole('radiogroup', { name: /^A\./ });
    expect(screen.queryByRole('button', { name: 'Iemand toevoegen die niet zelf kan invullen' })).toBeNull();
  });

  it('the stage shows their scores after the reveal marked “(namens)” and says who entered them for whom', async () => {
    const store = new FakeStore(sessionIn('revealed'));
    store.addResponse(responseOf(sanne, { A: 2, B: 3 }));
    store.addResponse({ ...responseOf(sanne, { A: 5, B: 'weetNiet' }), participant: { id: 'namens:pieter', name: 'Pieter Mulder', domain: 'partner', partnerLabel: 'Welzijn Voorbeeld', department: '', enteredBy: { id: facilitator.id, name: 'Marieke de Vries' } } });
    store.shareWithGroup();
    renderWith(<StagePage />, fakeServices({ me: sanne, store, host: fakeHost({ surface: 'stage' }) }));
    expect(await screen.findByText('Ingevuld door Marieke de Vries namens Pieter Mulder, Welzijn Voorbeeld')).toBeTruthy();
    // Chart and table label people with their domain, a partner with their organisation (src/domain/display.ts).
    expect(screen.getAllByText('Pieter Mulder (Welzijn Voorbeeld) (namens)').length).toBeGreaterThan(0);
    expect(screen.queryByText(/Sanne van 't Hof.*\(namens\)/)).toBeNull();
  });
});
