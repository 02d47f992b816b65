// The stage statement by statement (issue 14): the facilitator puts a statement on the stage from the
// bar or the conversation order; it shows the statement's scores by person and by domain as the display
// setting allows, who is furthest apart, a note, the "besproken" mark and a timer; a participant's stage
// shows the same, read-only; anonymous shows no names.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Response, Session } from '../../../src/domain/model';
import { emptyFocus } from '../../../src/domain';
import StagePage from '../../../src/ui/stage/StagePage';
import { FakeStore, facilitator, fakeHost, fakeServices, lotte, participantOf, renderWith, responseOf, sanne, sessionIn, type ServicesOptions } from '../fakes';

jest.setTimeout(30_000);

const lotteGgd = (scores: Response['scores']): Response => ({ ...responseOf(lotte, scores), participant: { ...participantOf(lotte, 'partner'), partnerLabel: 'GGD Hart voor Brabant' } });

function storeIn(state: Session['state'], extra: Partial<Session> = {}): FakeStore {
  const store = new FakeStore(sessionIn(state, extra));
  store.addResponse(responseOf(sanne, { A: 2, B: 5, C: 'weetNiet', D: 3, E: 1, F: 3 }));
  store.addResponse(lotteGgd({ A: 2, B: 1, C: 'weetNiet', D: 5, E: 4, F: 3 }));
  return store;
}

async function openStage(store: FakeStore, me = facilitator, options: ServicesOptions = {}) {
  const services = fakeServices({ me, store, host: fakeHost({ surface: 'stage' }), ...options });
  renderWith(<StagePage />, services);
  await screen.findByRole('heading', { level: 1, name: 'Armoede en gezondheid 2026' });
  return services;
}

const bar = () => screen.getByRole('region', { name: 'Gespreksleider' });

beforeAll(() => {
  Object.defineProperty(window, 'scrollTo', { value: jest.fn(), writable: true, configurable: true });
});

describe('stap 1 on the stage, one statement at a time', () => {
  it('the facilitator steps to a statement, notes what was said, marks it besproken and returns to the overview', async () => {
    const store = storeIn('revealed');
    await openStage(store);
    expect(within(bar()).getByRole('status').textContent).toBe('Op het scherm: het overzicht');
    await userEvent.click(within(bar()).getByRole('button', { name: 'Volgende stelling' }));
    await userEvent.click(within(bar()).getByRole('button', { name: 'Volgende stelling' }));
    const heading = await screen.findByRole('heading', { level: 2, name: /^Stelling B van 6/ });
    expect(heading).toBeTruthy();
    expect(store.session.value.stageFocus).toMatchObject({ step: 'step1', theme: 'B' });
    expect(within(bar()).getByRole('status').textContent).toBe('Op het scherm: stelling B');

    // By person, by name with their domain or organisation (per persoon), and by domain.
    const byPerson = screen.getByRole('table', { name: 'Scores op stelling B, per deelnemer' });
    const rows = within(byPerson).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(["Sanne van 't Hof (Armoede)5", 'Lotte van den Heuvel (GGD Hart voor Brabant)1']);
    const byDomain = screen.getByRole('table', { name: 'Gemiddelde op stelling B, per domein' });
    expect(within(byDomain).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['Armoede51', 'GGD Hart voor Brabant11', 'Hele groep32']);
    expect(screen.getByText("Lotte van den Heuvel (GGD Hart voor Brabant) 1 ↔ Sanne van 't Hof (Armoede) 5")).toBeTruthy();

    // The note saves itself, into the session's focus.
    fireEvent.change(screen.getByRole('textbox', { name: 'Wat is er gezegd over stelling B?' }), { target: { value: 'Schulden zien we vooral bij armoede.' } });
    await waitFor(() => expect(store.session.value.stageFocus?.notes).toEqual({ B: 'Schulden zien we vooral bij armoede.' }), { timeout: 5000 });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Markeer als besproken' }));
    await waitFor(() => expect(store.session.value.stageFocus?.discussed).toEqual({ step1: ['B'] }));

    await userEvent.click(within(bar()).getByRole('button', { name: 'Naar overzicht' }));
    await screen.findByRole('heading', { level: 2, name: 'Waar praten we over? Grootste verschil eerst' });
    expect(store.session.value.stageFocus).toMatchObject({ theme: null, discussed: { step1: ['B'] }, notes: { B: 'Schulden zien we vooral bij armoede.' } });
    // The overview's conversation order marks B as discussed.
    const order = screen.getByRole('region', { name: 'Waar praten we over? Grootste verschil eerst' });
    expect(within(order).getAllByRole('listitem')[0]?.textContent).toMatch(/^B\. .*✓ besproken/);
  });

  it('the conversation order shows the top three, the rest behind "Meer tonen", and opens a statement on the stage', async () => {
    const store = storeIn('revealed');
    await openStage(store);
    const order = screen.getByRole('region', { name: 'Waar praten we over? Grootste verschil eerst' });
    // B (4 apart), D, E (3 apart) … and C (weet niet): four points, three shown.
    expect(within(order).getAllByRole('listitem').map((li) => li.textContent?.slice(0, 2))).toEqual(['B.', 'E.', 'D.']);
    const more = within(order).getByRole('button', { name: 'Meer tonen (1)' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(more);
    expect(within(order).getAllByRole('listitem').map((li) => li.textContent?.slice(0, 2))).toEqual(['B.', 'E.', 'D.', 'C.']);
    expect(within(order).getByRole('button', { name: 'Minder tonen' }).getAttribute('aria-expanded')).toBe('true');
    await userEvent.click(within(order).getByRole('button', { name: /^E\. / }));
    await screen.findByRole('heading', { level: 2, name: /^Stelling E van 6/ });
    expect(store.session.value.stageFocus?.theme).toBe('E');
  });

  it("a participant's stage shows the same statement, note and mark, read-only, and anonymously without a name", async () => {
    const focus = { ...emptyFocus('step1'), theme: 'B' as const, discussed: { step1: ['B' as const] }, notes: { B: 'Armoede ziet meer schulden.' } };
    const store = storeIn('revealed', { display: 'anonymous', stageFocus: focus });
    store.shareWithGroup();
    await openStage(store, sanne);
    await screen.findByRole('heading', { level: 2, name: /^Stelling B van 6/ });
    const byPerson = screen.getByRole('table', { name: 'Scores op stelling B, per deelnemer' });
    expect(within(byPerson).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['Deelnemer 1 (Armoede)5', 'Deelnemer 1 (Partner)1']);
    expect(screen.getByText('Deelnemer 1 (Partner) 1 ↔ Deelnemer 1 (Armoede) 5')).toBeTruthy();
    expect(screen.getByText('Armoede ziet meer schulden.')).toBeTruthy();
    expect(screen.getByText('✓ besproken')).toBeTruthy();
    // Nobody's name, nor the partner's organisation (which would name her), anywhere on the stage.
    expect(document.body.textContent).not.toMatch(/Sanne|Lotte|GGD Hart/);
    // Read-only: no field, no mark to tick, no timer to start, no moves.
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Start de timer' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Volgende stelling' })).toBeNull();
  });

  it('per domein names the extremes by domain and lists no person', async () => {
    const focus = { ...emptyFocus('step1'), theme: 'D' as const };
    const store = storeIn('revealed', { display: 'perDomain', stageFocus: focus });
    await openStage(store);
    await screen.findByRole('heading', { level: 2, name: /^Stelling D van 6/ });
    expect(screen.queryByRole('table', { name: /per deelnemer/ })).toBeNull();
    expect(screen.getByText('Armoede 3 ↔ GGD Hart voor Brabant 5')).toBeTruthy();
  });

  it('the timer counts down on the app clock, and says once, politely, that the time is up', async () => {
    let clock = new Date('2026-03-01T10:00:00.000Z').getTime();
    const store = storeIn('revealed', { stageFocus: { ...emptyFocus('step1'), theme: 'A' } });
    await openStage(store, facilitator, { now: () => new Date(clock) });
    await screen.findByRole('heading', { level: 2, name: /^Stelling A van 6/ });
    fireEvent.change(screen.getByRole('combobox', { name: 'Minuten' }), { target: { value: '2' } });
    await userEvent.click(screen.getByRole('button', { name: 'Start de timer' }));
    await waitFor(() => expect(store.session.value.stageFocus?.timer).toEqual({ startedAt: '2026-03-01T10:00:00.000Z', minutes: 2 }));
    const timer = await screen.findByRole('timer');
    expect(timer.textContent).toBe('02:00');
    expect(timer.getAttribute('aria-label')).toBe('Resterende tijd: 2 min 0 s');
    const announcements = () => screen.getAllByRole('status').filter((s) => s.getAttribute('aria-live') === 'polite' && s.closest('section')?.querySelector('[role="timer"]'));
    expect(announcements()[0]?.textContent).toBe('');
    act(() => {
      clock += 75_000;
    });
    await waitFor(() => expect(screen.getByRole('timer').textContent).toBe('00:45'), { timeout: 3000 });
    expect(announcements()[0]?.textContent).toBe('');
    act(() => {
      clock += 60_000;
    });
    await waitFor(() => expect(screen.getByRole('timer').textContent).toBe('00:00'), { timeout: 3000 });
    expect(announcements().map((s) => s.textContent)).toEqual(['De tijd is om.']);
    await userEvent.click(screen.getByRole('button', { name: 'Stop de timer' }));
    await waitFor(() => expect(store.session.value.stageFocus?.timer).toBeNull());
    expect(screen.queryByRole('timer')).toBeNull();
  });
});

describe('stap 2 and 3 follow the same focus', () => {
  it('a theme chosen in stap 2 shows on the stage with its mark; the step change resets it to the overview', async () => {
    const store = storeIn('step2');
    await openStage(store);
    await userEvent.click(within(bar()).getByRole('button', { name: 'Vorige thema' }));
    await screen.findByRole('heading', { level: 2, name: /^Thema F: / });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Markeer als besproken' }));
    await waitFor(() => expect(store.session.value.stageFocus?.discussed).toEqual({ step2: ['F'] }));
    await userEvent.click(within(bar()).getByRole('button', { name: 'Naar stap 3' }));
    await waitFor(() => expect(store.session.value.state).toBe('step3'));
    expect(store.session.value.stageFocus).toMatchObject({ theme: null, discussed: { step2: ['F'] } });
    expect(screen.queryByRole('heading', { level: 2, name: /^Thema F: / })).toBeNull();
    expect(within(bar()).getByRole('status').textContent).toBe('Op het scherm: het overzicht');
  });
});
