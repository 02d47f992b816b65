import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Response } from '../../../src/domain';
import type { Versioned } from '../../../src/graph/contracts';
import { draftKey, memoryDraftStorage } from '../../../src/sync';
import { SidePanel } from '../../../src/ui/sidepanel/SidePanel';
import { FakeStore, facilitator, fakeServices, lotte, renderWith, responseOf, sanne, sessionIn, SESSION_KEY } from '../fakes';

async function openPanel(options: Parameters<typeof fakeServices>[0]) {
  const services = fakeServices(options);
  renderWith(<SidePanel />, services);
  await screen.findByRole('heading', { level: 1, name: 'Armoede en gezondheid 2026' });
  return services;
}

describe('side panel', () => {
  it('asks a newcomer to join with name and department prefilled from their profile', async () => {
    const store = new FakeStore(sessionIn('step1'));
    await openPanel({ me: sanne, store });
    expect(screen.getByLabelText(/Naam/)).toHaveProperty('value', "Sanne van 't Hof");
    expect(screen.getByLabelText(/Afdeling/)).toHaveProperty('value', 'Schuldhulpverlening');
    await userEvent.click(screen.getByRole('radio', { name: 'Gezondheid' }));
    await userEvent.click(screen.getByRole('button', { name: 'Meedoen' }));
    await screen.findByRole('heading', { name: /Stap 1/ });
    expect(store.responses[0]?.value.participant).toEqual({ id: sanne.id, name: "Sanne van 't Hof", domain: 'gezondheid', department: 'Schuldhulpverlening' });
  });

  it('after joining again over a hand-edited item, says which answers could not be read and were emptied', async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(sanne, { A: 3 }));
    // Her item is unreadable, so the session hands her none; joining again restores it.
    const services = fakeServices({ me: sanne, store });
    const own = store.responses[0];
    store.responses = [];
    renderWith(<SidePanel />, services);
    await screen.findByRole('button', { name: 'Meedoen' });
    if (own) store.responses = [own];
    store.joinClears = ['ScoreB', 'Stap2Json', 'WeetNiet'];
    await userEvent.click(screen.getByRole('radio', { name: 'Armoede en schulden' }));
    await userEvent.click(screen.getByRole('button', { name: 'Meedoen' }));
    expect(
      await screen.findByText(
        'Uw eerdere antwoorden waren in SharePoint met de hand gewijzigd. Wat nog te lezen was, is bewaard; leeggemaakt is: de score bij stelling B, uw antwoorden in stap 2, de ‘weet niet’-markeringen die niet klopten. Vul dat zo nodig opnieuw in.',
      ),
    ).toBeTruthy();
    // What could be read is there.
    expect(screen.getByRole('radiogroup', { name: /^A\./ }).querySelector('input:checked')).not.toBeNull();
  });

  it('a partner must name their organisation before joining', async () => {
    const store = new FakeStore(sessionIn('step1'));
    await openPanel({ me: sanne, store });
    await userEvent.click(screen.getByRole('radio', { name: 'Partnerorganisatie' }));
    await userEvent.click(screen.getByRole('button', { name: 'Meedoen' }));
    expect(await screen.findByText('Vul de naam van uw organisatie in.')).toBeTruthy();
    expect(store.responses).toHaveLength(0);
  });

  it('a score chosen in step 1 is saved to the own answers item', async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(sanne));
    await openPanel({ me: sanne, store });
    const statementA = await screen.findByRole('radiogroup', { name: /^A\./ });
    await userEvent.click(within(statementA).getByRole('radio', { name: /^4 – / }));
    await waitFor(() => expect(store.saved.at(-1)?.scores.A).toBe(4), { timeout: 3000 });
    await userEvent.click(within(screen.getByRole('radiogroup', { name: /^B\./ })).getByRole('radio', { name: 'weet niet' }));
    await waitFor(() => expect(store.saved.at(-1)?.scores.B).toBe('weetNiet'), { timeout: 3000 });
    expect(await screen.findByText('Opgeslagen')).toBeTruthy();
  });

  it('an answer restored from the local draft shows at once, and the panel says "Opslaan…", not "Opgeslagen", until SharePoint has it', async () => {
    let release: () => void = () => undefined;
    class SlowStore extends FakeStore {
      override async saveResponse(base: Versioned<Response>, value: Response) {
        await new Promise<void>((resolve) => (release = resolve));
        return super.saveResponse(base, value);
      }
    }
    const store = new SlowStore(sessionIn('step1'));
    store.addResponse(responseOf(sanne));
    const server = store.responses[0]!;
    const unsent = { ...server.value, scores: { C: 2 as const }, updatedAt: '2026-03-01T09:30:00.000Z' };
    const drafts = new Map([[draftKey(SESSION_KEY, sanne.id), JSON.stringify({ version: 1, itemId: server.itemId, etag: server.etag, base: server.value, dirty: true, response: unsent })]]);
    renderWith(<SidePanel />, { ...fakeServices({ me: sanne, store }), storage: memoryDraftStorage(drafts) });
    const statementC = await screen.findByRole('radiogroup', { name: /^C\./ });
    expect(within(statementC).getByRole('radio', { name: /^2 – / })).toHaveProperty('checked', true);
    expect(screen.getByRole('status').textContent).toBe('Opslaan…');
    expect(store.saved).toHaveLength(0);
    await act(async () => release());
    await waitFor(() => expect(store.saved.at(-1)?.scores).toEqual({ C: 2 }));
    expect(await screen.findByText('Opgeslagen')).toBeTruthy();
  });

  it('says that answers of a newer app version wait on this device, and keeps them', async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(sanne));
    const newer = JSON.stringify({ version: 2, itemId: store.responses[0]!.itemId, unsent: { A: 5 } });
    const drafts = new Map([[draftKey(SESSION_KEY, sanne.id), newer]]);
    renderWith(<SidePanel />, { ...fakeServices({ me: sanne, store }), storage: memoryDraftStorage(drafts) });
    expect(await screen.findByText(/nog niet verstuurde antwoorden van een nieuwere versie van de Gesprekstool/)).toBeTruthy();
    await userEvent.click(within(screen.getByRole('radiogroup', { name: /^A\./ })).getByRole('radio', { name: /^2 – / }));
    await waitFor(() => expect(store.saved.at(-1)?.scores.A).toBe(2), { timeout: 3000 });
    expect(drafts.get(draftKey(SESSION_KEY, sanne.id))).toBe(newer);
  });

  it('names the stap-2 question whose chosen option this version does not know, and keeps it', async () => {
    const store = new FakeStore(sessionIn('step2'));
    const own = responseOf(sanne);
    store.addResponse({ ...own, step2: { questions: { q1: { selected: ['q1.a', 'q1.uit-een-nieuwere-versie'], freeText: {} } }, comments: {} } });
    await openPanel({ me: sanne, store });
    expect(await screen.findByText(/Bij vraag 1 staat in uw antwoord een keuze die deze versie van de gesprekstool niet kent/)).toBeTruthy();
  });

  it("before the reveal no other participant's score is in the side panel", async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(sanne, { A: 2 }));
    store.addResponse(responseOf(lotte, { A: 5, B: 1 }));
    await openPanel({ me: sanne, store });
    const statementA = await screen.findByRole('radiogroup', { name: /^A\./ });
    expect(within(statementA).getByRole('radio', { name: /^2 – / })).toHaveProperty('checked', true);
    expect(within(statementA).getByRole('radio', { name: /^5 – / })).toHaveProperty('checked', false);
    expect(within(screen.getByRole('radiogroup', { name: /^B\./ })).getByRole('radio', { name: /^1 – / })).toHaveProperty('checked', false);
    expect(screen.queryByText(/Lotte/)).toBeNull();
  });

  it('a participant sees no facilitator controls', async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(sanne));
    await openPanel({ me: sanne, store });
    await screen.findByRole('heading', { name: /Stap 1/ });
    expect(screen.queryByRole('heading', { name: 'Gespreksleider' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Scores onthullen' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Invoer sluiten' })).toBeNull();
  });

  it('the facilitator reveals the scores and the side panel follows', async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(facilitator));
    await openPanel({ me: facilitator, store });
    await userEvent.click(await screen.findByRole('button', { name: 'Scores onthullen' }));
    // The reveal cannot be undone, so it is confirmed first.
    const dialog = await screen.findByRole('dialog', { name: 'Scores onthullen?', hidden: true }, { timeout: 15_000 });
    expect(store.session.value.state).toBe('step1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Scores onthullen', hidden: true }));
    await waitFor(() => expect(store.session.value.state).toBe('revealed'));
    expect(await screen.findByText(/De scores van iedereen staan nu op het gedeelde scherm/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Naar stap 2' })).toBeTruthy();
  });

  it('shares the session to the stage only when the host allows it', async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(facilitator));
    const { fakeHost } = await import('../fakes');
    const host = fakeHost({}, { canShare: true });
    await openPanel({ me: facilitator, store, host });
    await userEvent.click(await screen.findByRole('button', { name: 'Delen naar stage' }));
    await waitFor(() => expect(host.shared).toHaveLength(1));
    expect(host.sharedAs).toEqual(['collaborative']);
    expect(host.shared[0]).toContain('session=20260301-abcdefgh');
    expect(host.shared[0]).toContain('site=site-1');
  });

  it('shares as a screen share when the facilitator wants partners from outside the organisation to watch', async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(facilitator));
    const { fakeHost } = await import('../fakes');
    const host = fakeHost({}, { canShare: true });
    await openPanel({ me: facilitator, store, host });
    await userEvent.click(await screen.findByRole('checkbox', { name: /Als schermdeling delen/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Delen naar stage' }));
    await waitFor(() => expect(host.sharedAs).toEqual(['screenShare']));
  });

  it('a conflict on a facilitator action is shown as one Dutch sentence', async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(facilitator));
    await openPanel({ me: facilitator, store });
    const lock = await screen.findByRole('button', { name: 'Invoer sluiten' });
    store.failures.updateSession = Object.assign(new Error('412'), { code: 'conflict' });
    await userEvent.click(lock);
    expect(await screen.findByText(/Iemand anders heeft dit net ook gewijzigd/)).toBeTruthy();
    expect(store.session.value.locked).toBe(false);
  });

  it('a move SharePoint no longer allows says why, not that someone else changed it', async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(facilitator));
    await openPanel({ me: facilitator, store });
    const reveal = await screen.findByRole('button', { name: 'Scores onthullen' });
    // Meanwhile, on the facilitator's other device, the session moved on to stap 3.
    store.session = { ...store.session, value: { ...store.session.value, state: 'step3' } };
    await userEvent.click(reveal);
    await userEvent.click(within(await screen.findByRole('dialog', { hidden: true }, { timeout: 15_000 })).getByRole('button', { name: 'Scores onthullen', hidden: true }));
    expect(await screen.findByText('Vanuit deze stap kan de sessie niet meteen daarheen.')).toBeTruthy();
    expect(screen.queryByText(/Iemand anders heeft dit net ook gewijzigd/)).toBeNull();
    expect(store.session.value.state).toBe('step3');
  });

  it('an answers item edited by hand is named to the facilitator, with what the app does meanwhile', async () => {
    const broken = { list: 'answers' as const, listDisplayName: 'Gesprekstool antwoorden', itemId: '17', field: 'ScoreA', message: 'kies 1 tot en met 5 of weet niet, niet 9', who: "Sanne van 't Hof" };
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(facilitator));
    store.invalid = [broken];
    await openPanel({ me: facilitator, store });
    expect(
      await screen.findByText(
        "Het antwoord van Sanne van 't Hof in de lijst Gesprekstool antwoorden (item 17) heeft een ongeldige waarde in ScoreA: kies 1 tot en met 5 of weet niet, niet 9. De app laat dit antwoord weg tot het is hersteld. Doet Sanne van 't Hof opnieuw mee, dan houdt de app alles wat nog te lezen is en maakt alleen het onleesbare leeg.",
      ),
    ).toBeTruthy();
    expect(screen.getByText('1 item in SharePoint kan niet worden gelezen')).toBeTruthy();
  });

  it('a participant is not shown what is wrong with someone else\'s item', async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(lotte));
    store.invalid = [{ list: 'answers', listDisplayName: 'Gesprekstool antwoorden', itemId: '17', field: 'ScoreA', message: 'ongeldig', who: "Sanne van 't Hof" }];
    await openPanel({ me: lotte, store });
    await screen.findByRole('heading', { name: /Stap 1/ });
    expect(screen.queryByText(/kan niet worden gelezen/)).toBeNull();
  });

  it('a locked step shows the answers read-only with an explanation', async () => {
    const store = new FakeStore(sessionIn('step1', { locked: true }));
    store.addResponse(responseOf(sanne, { A: 3 }));
    await openPanel({ me: sanne, store });
    expect(await screen.findByText(/heeft de invoer voor deze stap gesloten/)).toBeTruthy();
    expect(within(screen.getByRole('radiogroup', { name: /^A\./ })).getByRole('radio', { name: /^3 – / })).toHaveProperty('disabled', true);
  });

  it('a tab without a session says the organiser still has to set it up', async () => {
    const services = fakeServices({ me: sanne, url: 'https://app.example.nl/' });
    services.host = (await import('../fakes')).fakeHost({ entityId: null });
    renderWith(<SidePanel />, services);
    expect(await screen.findByText(/Deze vergadering heeft nog geen sessie/)).toBeTruthy();
  });

  it('before step 1 a joined person sees under which name they take part and can read the six statements ahead', async () => {
    const store = new FakeStore(sessionIn('setup'));
    store.addResponse(responseOf(sanne));
    renderWith(<SidePanel />, fakeServices({ me: sanne, store }));
    expect(await screen.findByText(`U doet mee als ${sanne.displayName}. De gespreksleider start zo stap 1.`)).toBeTruthy();
    const preview = screen.getByRole('heading', { name: 'Alvast lezen: de zes stellingen van stap 1' }).nextElementSibling;
    expect(preview?.querySelectorAll('li')).toHaveLength(6);
    expect(preview?.textContent).toContain('A. Onze gemeente heeft een duidelijke visie');
    expect(screen.queryByRole('radiogroup')).toBeNull();
  });

  it('the agenda in stap 3 gives a due date as people write it, not as the ISO date SharePoint keeps', async () => {
    const store = new FakeStore(sessionIn('step3'));
    store.addResponse(responseOf(sanne));
    await store.saveAction({ id: 'a-1', sessionKey: store.session.value.key, theme: 'B', title: 'Intake delen', ownerId: sanne.id, ownerName: sanne.displayName, department: 'Schuldhulpverlening', dueDate: '2026-12-23', status: 'open', proposedBy: sanne.id, plannerTaskId: null, plannerTaskUrl: null });
    await openPanel({ me: sanne, store });
    const item = (await screen.findByText('Intake delen')).closest('li');
    expect(item?.textContent).toContain("Sanne van 't Hof · Schuldhulpverlening · klaar op 23 december 2026");
    expect(item?.textContent).not.toContain('2026-12-23');
  });

  it('stap 3 refuses a due date more than five years ahead with a sentence, and proposes nothing', async () => {
    const store = new FakeStore(sessionIn('step3'));
    store.addResponse(responseOf(sanne));
    await openPanel({ me: sanne, store });
    const form = await screen.findByRole('form', { name: 'Actie voorstellen' });
    const what = within(form).getAllByRole('textbox')[0] as HTMLElement;
    await userEvent.type(what, 'Intake delen');
    fireEvent.change(within(form).getByLabelText('Wanneer klaar?'), { target: { value: '9999-12-31' } });
    await userEvent.click(within(form).getByRole('button', { name: 'Actie toevoegen' }));
    expect(await within(form).findByText('Kies een datum tot en met 1 maart 2031: een actie ligt hooguit 5 jaar vooruit.')).toBeTruthy();
    expect(store.actions).toHaveLength(0);
  });

  it('polls only the session item after the interval and shows the new step', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    try {
      const store = new FakeStore(sessionIn('setup'));
      store.addResponse(responseOf(sanne));
      const services = fakeServices({ me: sanne, store });
      services.pollMs = 2000;
      renderWith(<SidePanel />, services);
      await act(async () => {
        await jest.advanceTimersByTimeAsync(10);
      });
      expect(screen.getByText(/De gespreksleider start zo stap 1/)).toBeTruthy();
      store.session = { ...store.session, value: { ...store.session.value, state: 'step1' } };
      await act(async () => {
        await jest.advanceTimersByTimeAsync(2100);
      });
      expect(screen.getByRole('heading', { name: /Stap 1/ })).toBeTruthy();
      // A participant's poll is one single-item read; the answers and the agenda were read once, at the start.
      expect(store.polls).toBeGreaterThanOrEqual(1);
      expect(store.opens).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
