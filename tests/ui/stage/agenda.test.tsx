import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ActionItem } from '../../../src/domain';
import type { PublishProgress, PublishResult } from '../../../src/graph/contracts';
import { AgendaEditor } from '../../../src/ui/stage/AgendaEditor';
import { FollowUpEditor } from '../../../src/ui/stage/FollowUpEditor';
import { PublishPanel } from '../../../src/ui/stage/PublishPanel';
import { anouk, bram, instrumentNl, renderUi, sanne } from '../charts/fixtures';

const today = '2026-03-10';
const existing: ActionItem = {
  id: 'a-1',
  sessionKey: 's-1',
  theme: 'B',
  title: 'Cijfers armoede en gezondheid per wijk koppelen',
  ownerId: bram.id,
  ownerName: bram.name,
  department: 'GGD',
  dueDate: '2026-06-01',
  status: 'open',
  proposedBy: anouk.id,
  plannerTaskId: null,
  plannerTaskUrl: null,
};

function renderAgenda(onSave = jest.fn(async (_action: ActionItem) => true), editable = true) {
  renderUi(
    <AgendaEditor
      instrument={instrumentNl}
      sessionKey="s-1"
      participants={[anouk, bram, sanne]}
      actions={[existing]}
      editable={editable}
      today={today}
      actorId={anouk.id}
      newActionId={() => 'a-new'}
      onSave={onSave}
      onDelete={jest.fn(async () => true)}
    />,
  );
  return onSave;
}

function themeSection(id: string): HTMLElement {
  return screen.getByRole('heading', { level: 3, name: new RegExp(`^${id}\\. `) }).closest('section') as HTMLElement;
}

describe('agenda editor', () => {
  it('lists actions per theme with owner, department and due date', () => {
    renderAgenda();
    const b = themeSection('B');
    expect(b.textContent).toContain('Cijfers armoede en gezondheid per wijk koppelen');
    expect(b.textContent).toContain('Wie: Bram Jansen');
    expect(b.textContent).toContain('Afdeling: GGD');
    expect(b.textContent).toContain('1 juni 2026');
    expect(themeSection('A').textContent).toContain('Nog geen acties.');
  });

  it('asks for an action in the instrument’s words, as the side panel does ("Wat gaan we doen?", not "Actie")', () => {
    renderAgenda();
    const a = themeSection('A');
    fireEvent.click(within(a).getByRole('button', { name: 'Actie toevoegen bij A' }));
    expect(instrumentNl.step3.question).toBe('Wat gaan we doen?');
    expect(within(a).getByRole('textbox', { name: instrumentNl.step3.question })).toBeTruthy();
    expect(within(a).getByRole('combobox', { name: 'Wie pakt het op?' })).toBeTruthy();
    expect(within(a).getByLabelText('Wanneer klaar?')).toBeTruthy();
    expect(within(a).queryByRole('textbox', { name: 'Actie' })).toBeNull();
  });

  it('shows the domain’s validation problems at their fields and does not save', async () => {
    const onSave = renderAgenda();
    const a = themeSection('A');
    fireEvent.click(within(a).getByRole('button', { name: 'Actie toevoegen bij A' }));
    fireEvent.change(within(a).getByLabelText(/Wanneer klaar\?/), { target: { value: '2026-03-01' } });
    fireEvent.click(within(a).getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(within(a).getByText('Beschrijf de actie.')).toBeTruthy());
    expect(within(a).getByText('Kies een datum vanaf vandaag.')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('refuses a due date more than five years ahead with a Dutch sentence naming the last day allowed', async () => {
    const onSave = renderAgenda();
    const a = themeSection('A');
    fireEvent.click(within(a).getByRole('button', { name: 'Actie toevoegen bij A' }));
    fireEvent.change(within(a).getByRole('textbox', { name: 'Wat gaan we doen?' }), { target: { value: 'Gezamenlijke visie opstellen' } });
    const due = within(a).getByLabelText(/Wanneer klaar\?/);
    expect(due.getAttribute('max')).toBe('2031-03-10');
    fireEvent.change(due, { target: { value: '9999-12-31' } });
    fireEvent.click(within(a).getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(within(a).getByText('Kies een datum tot en met 10 maart 2031: een actie ligt hooguit 5 jaar vooruit.')).toBeTruthy());
    expect(onSave).not.toHaveBeenCalled();
  });

  it('refuses a date the browser could not read (29 February 2031) instead of saving the action without a date', async () => {
    const onSave = renderAgenda();
    const a = themeSection('A');
    fireEvent.click(within(a).getByRole('button', { name: 'Actie toevoegen bij A' }));
    fireEvent.change(within(a).getByRole('textbox', { name: 'Wat gaan we doen?' }), { target: { value: 'Gezamenlijke visie opstellen' } });
    // What Chromium's date field reports after typing 29-02-2031: an empty value and validity.badInput
    // (jsdom sanitises the value the same way but does not track what was typed).
    const due = within(a).getByLabelText(/Wanneer klaar\?/) as HTMLInputElement;
    Object.defineProperty(due, 'validity', { configurable: true, get: () => ({ valid: false, badInput: true }) });
    fireEvent.click(within(a).getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(within(a).getByText('Vul een bestaande datum in.')).toBeTruthy());
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves a valid action with the owner chosen from the participants', async () => {
    const onSave = renderAgenda();
    const a = themeSection('A');
    fireEvent.click(within(a).getByRole('button', { name: 'Actie toevoegen bij A' }));
    fireEvent.change(within(a).getByRole('textbox', { name: 'Wat gaan we doen?' }), { target: { value: '  Gezamenlijke visie opstellen ' } });
    fireEvent.change(within(a).getByRole('combobox', { name: 'Wie pakt het op?' }), { target: { value: sanne.id } });
    fireEvent.change(within(a).getByRole('combobox', { name: 'Afdeling' }), { target: { value: 'Wijkteam' } });
    fireEvent.change(within(a).getByLabelText(/Wanneer klaar\?/), { target: { value: '2026-04-01' } });
    fireEvent.click(within(a).getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({
      id: 'a-new',
      theme: 'A',
      title: 'Gezamenlijke visie opstellen',
      ownerId: sanne.id,
      ownerName: sanne.name,
      department: 'Wijkteam',
      dueDate: '2026-04-01',
      proposedBy: anouk.id,
    });
  });

  it('offers the departments already named as suggestions', () => {
    renderAgenda();
    fireEvent.click(within(themeSection('A')).getByRole('button', { name: 'Actie toevoegen bij A' }));
    const input = within(themeSection('A')).getByRole('combobox', { name: 'Afdeling' });
    const list = document.getElementById(input.getAttribute('list') ?? '');
    expect([...(list?.querySelectorAll('option') ?? [])].map((o) => o.value)).toEqual(['GGD', 'Sociaal domein', 'Wijkteam']);
  });

  it('offers no editing to anyone but the facilitator', () => {
    renderAgenda(undefined, false);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('follow-up agreement', () => {
  it('saves by itself whether the group meets again, when, and how they hold each other to it', async () => {
    const onSave = jest.fn(async () => true);
    renderUi(<FollowUpEditor instrument={instrumentNl} followUp={{ meetAgain: null, meetAgainDate: null, accountability: '' }} editable onSave={onSave} />);
    fireEvent.click(screen.getByRole('radio', { name: /Ja, we komen/ }));
    fireEvent.change(screen.getByLabelText('Datum van de volgende bijeenkomst'), { target: { value: '2026-09-15' } });
    fireEvent.change(screen.getByRole('textbox', { name: instrumentNl.step3.accountabilityQuestion }), { target: { value: 'Elke maand een mail' } });
    expect(screen.queryByRole('button', { name: 'Opslaan' })).toBeNull();
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ meetAgain: true, meetAgainDate: '2026-09-15', accountability: 'Elke maand een mail' }), { timeout: 3000 });
    expect(onSave).toHaveBeenCalledTimes(1);
  });
});

describe('publish to Planner', () => {
  const result: PublishResult = {
    planId: 'plan-1',
    planUrl: 'https://planner.example/plan-1',
    outcomes: [
      { actionId: 'a-1', kind: 'created', taskId: 't-1', taskUrl: 'https://planner.example/t-1', unassignedBecause: ["Sanne van 't Hof"] },
      { actionId: 'a-2', kind: 'failed', reason: 'accessDenied: Forbidden' },
    ],
    nonMembers: [{ id: sanne.id, name: sanne.name }],
  };
  const actions = [
    { id: 'a-1', title: 'Visie opstellen' },
    { id: 'a-2', title: 'Cijfers koppelen' },
  ];

  it('shows progress while publishing, then each action’s result, and names non-members', async () => {
    let report: (p: PublishProgress) => void = () => {};
    let finish: (r: PublishResult) => void = () => {};
    const publish = jest.fn(
      (onProgress: (p: PublishProgress) => void) =>
        new Promise<PublishResult>((resolve) => {
          report = onProgress;
          finish = resolve;
        }),
    );
    renderUi(<PublishPanel actions={actions} groupName="Armoede en gezondheid Lelystad" hasGroup editable publish={publish} />);
    fireEvent.click(screen.getByRole('button', { name: 'Publiceer naar Planner' }));
    act(() => report({ step: 'tasks', done: 1, total: 2 }));
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Taken aanmaken: 1 van 2');
    await act(async () => finish(result));
    expect(screen.getByRole('status').textContent).toBe('Gepubliceerd: 1 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 mislukt.');
    expect(screen.getByText("Sanne van 't Hof is geen lid van de groep Armoede en gezondheid Lelystad; de taak is zonder eigenaar aangemaakt.")).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Taak in Planner' }).getAttribute('href')).toBe('https://planner.example/t-1');
    const failed = screen.getByText('Cijfers koppelen').closest('li');
    expect(failed?.textContent).toContain('Deze actie kon niet naar Planner. U heeft geen toegang');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says in one sentence when publishing failed as a whole', async () => {
    renderUi(<PublishPanel actions={actions} groupName={null} hasGroup editable publish={() => Promise.reject(Object.assign(new Error('x'), { code: 'throttled' }))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Publiceer naar Planner' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Publiceren naar Planner is niet gelukt. Microsoft 365 is even te druk. De app probeert het zo vanzelf opnieuw; u hoeft niets te doen.'));
  });

  it('names who is already publishing when someone else holds the session', async () => {
    const busy = Object.assign(new Error('busy'), { code: 'publishBusy', by: 'Lotte van den Heuvel', until: '2026-11-27T14:32:00.000Z' });
    renderUi(<PublishPanel actions={actions} groupName={null} hasGroup editable publish={() => Promise.reject(busy)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Publiceer naar Planner' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Lotte van den Heuvel publiceert deze agenda nu al naar Planner \(uiterlijk tot \d\d:\d\d\)\. /));
  });

  it('reports an action added after publishing began as not yet published, so the totals add up to the agenda', async () => {
    const later = [...actions, { id: 'a-3', title: 'Voorstel van Sanne' }];
    const withLate: PublishResult = { ...result, outcomes: [...result.outcomes.slice(0, 1), { actionId: 'a-2', title: 'Cijfers koppelen', kind: 'unchanged', taskId: 't-2', taskUrl: 'https://planner.example/t-2' }] };
    renderUi(<PublishPanel actions={later} groupName={null} hasGroup editable publish={() => Promise.resolve(withLate)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Publiceer naar Planner' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Gepubliceerd: 1 nieuw, 0 bijgewerkt, 1 ongewijzigd, 0 mislukt, 1 nog niet gepubliceerd.'));
    expect(screen.getByText('Voorstel van Sanne').closest('li')?.textContent).toContain('nog niet gepubliceerd: toegevoegd nadat het publiceren begon.');
  });

  it('explains that a Planner group must be chosen first', () => {
    renderUi(<PublishPanel actions={actions} groupName={null} hasGroup={false} editable publish={jest.fn()} />);
    expect(screen.getByText(/Er is geen Microsoft 365-groep voor Planner gekozen/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Publiceer naar Planner' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
