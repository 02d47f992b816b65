import userEvent from '@testing-library/user-event';
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { ActionItem } from '../../../src/domain';
import type { SessionSnapshot, SessionSummary } from '../../../src/graph/contracts';
import { HistoryPanel } from '../../../src/ui/tab/HistoryPanel';
import TabPage from '../../../src/ui/tab/TabPage';
import { instrumentNl, renderUi } from '../charts/fixtures';
import { FakeStore, fakeHost, fakeServices, lotte, renderWith, responseOf, sanne, sessionIn, snapshotOf } from '../fakes';


function action(id: string, title: string, status: ActionItem['status'], sessionKey: string): ActionItem {
  return { id, sessionKey, theme: 'B', title, ownerId: null, ownerName: null, department: '', dueDate: null, status, proposedBy: null, plannerTaskId: null, plannerTaskUrl: null };
}

const spring = sessionIn('closed', { key: '20260301-aaaaaaaa', title: 'Voorjaar', date: '2026-03-01T09:00:00Z' });
const autumn = sessionIn('closed', { key: '20261001-bbbbbbbb', title: 'Najaar', date: '2026-10-01T09:00:00Z' });
const snapshots: Record<string, SessionSnapshot> = {
  [spring.key]: snapshotOf(spring, [responseOf(sanne, { A: 2, B: 1 }), responseOf(lotte, { A: 2, B: 5 })], [action('x1', 'Wijkcijfers koppelen', 'open', spring.key)]),
  [autumn.key]: snapshotOf(
    autumn,
    [responseOf(sanne, { A: 3, B: 3 }), responseOf(lotte, { A: 4, B: 3 })],
    [action('y1', ' wijkcijfers  koppelen', 'done', autumn.key), action('y2', 'Spreekuur in de wijk', 'open', autumn.key)],
  ),
};
const summaries: SessionSummary[] = [autumn, spring].map((s) => ({ key: s.key, title: s.title, municipality: s.municipality, date: s.date, state: s.state, meetingId: null }));

describe('comparison over time', () => {
  it('compares two sessions per statement: change in mean and spread, actions added and done', async () => {
    renderUi(
      <HistoryPanel instrument={instrumentNl} current={autumn} findSessionPage={async () => ({ sessions: summaries, more: null })} openSession={async (key) => snapshots[key] as SessionSnapshot} />,
    );
    const list = await screen.findByRole('list');
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['1 maart 2026 — Voorjaar', '1 oktober 2026 — Najaar (deze sessie)']);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Vergelijk' })));
    const table = screen.getByRole('table');
    const rowB = within(table).getByRole('rowheader', { name: /^B\. / }).closest('tr') as HTMLElement;
    expect(within(rowB).getAllByRole('cell').map((td) => td.textContent)).toEqual(['3', '3', '0', '4', '0', '−4', '0']);
    const rowA = within(table).getByRole('rowheader', { name: /^A\. / }).closest('tr') as HTMLElement;
    expect(within(rowA).getAllByRole('cell')[2]?.textContent).toBe('+1,5');
    expect(screen.getByRole('heading', { name: 'Nieuwe acties in de latere sessie' }).nextElementSibling?.textContent).toBe('B. Spreekuur in de wijk');
    expect(screen.getByRole('heading', { name: 'Afgeronde acties in de latere sessie' }).nextElementSibling?.textContent).toBe('B.  wijkcijfers  koppelen');
  });

  it('lists the newest sessions first and adds older ones on "Oudere sessies laden"', async () => {
    const [autumnSummary, springSummary] = summaries.slice().sort((a, b) => b.date.localeCompare(a.date)) as [SessionSummary, SessionSummary];
    let olderReads = 0;
    const findSessionPage = async () => ({
      sessions: [autumnSummary],
      more: async () => {
        olderReads += 1;
        return { sessions: [springSummary], more: null };
      },
    });
    renderUi(<HistoryPanel instrument={instrumentNl} current={autumn} findSessionPage={findSessionPage} openSession={async (key) => snapshots[key] as SessionSnapshot} />);
    const list = await screen.findByRole('list');
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['1 oktober 2026 — Najaar (deze sessie)']);
    expect(olderReads).toBe(0);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Oudere sessies laden' })));
    expect(within(screen.getByRole('list')).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['1 maart 2026 — Voorjaar', '1 oktober 2026 — Najaar (deze sessie)']);
    expect(olderReads).toBe(1);
    expect(screen.queryByRole('button', { name: 'Oudere sessies laden' })).toBeNull();
  });

  it('the session pickers filter the loaded sessions on what the person types', async () => {
    renderUi(<HistoryPanel instrument={instrumentNl} current={autumn} findSessionPage={async () => ({ sessions: summaries, more: null })} openSession={async (key) => snapshots[key] as SessionSnapshot} />);
    await screen.findByRole('list');
    const later = screen.getByRole('combobox', { name: 'Latere sessie' });
    expect((later as HTMLInputElement).value).toBe('1 oktober 2026 — Najaar (deze sessie)');
    await userEvent.clear(later);
    await userEvent.type(later, 'voorj');
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['1 maart 2026 — Voorjaar']);
    await userEvent.clear(later);
    await userEvent.type(later, 'winter');
    // No session left to pick: one disabled option says so.
    expect(screen.getAllByRole('option').map((o) => [o.textContent, o.getAttribute('aria-disabled')])).toEqual([['Geen geladen sessie past bij wat u typt.', 'true']]);
  });

  it('asks for two different sessions', async () => {
    renderUi(<HistoryPanel instrument={instrumentNl} current={autumn} findSessionPage={async () => ({ sessions: summaries, more: null })} openSession={async (key) => snapshots[key] as SessionSnapshot} />);
    await screen.findByRole('list');
    await userEvent.click(screen.getByRole('combobox', { name: 'Eerdere sessie' }));
    await userEvent.click(await screen.findByRole('option', { name: '1 oktober 2026 — Najaar (deze sessie)' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Vergelijk' })));
    expect(screen.getByText('Kies twee verschillende sessies.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('TabPage', () => {
  it('before the meeting shows the session and the six statements to prepare, no results', async () => {
    const store = new FakeStore(sessionIn('setup'));
    renderWith(<TabPage />, fakeServices({ store, host: fakeHost({ surface: 'tab' }) }));
    await screen.findByRole('heading', { name: 'Voorbereiding' });
    expect(screen.getByText('Agendering')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Exporteren naar Word' })).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('after the meeting shows results, the SharePoint links and the Word export', async () => {
    const store = new FakeStore(sessionIn('closed'));
    store.addResponse(responseOf(sanne, { A: 2, B: 5 }));
    store.addResponse(responseOf(lotte, { A: 3, B: 1 }));
    renderWith(<TabPage />, fakeServices({ store, host: fakeHost({ surface: 'tab' }) }));
    await screen.findByRole('img', { name: /Spindiagram/ });
    expect(screen.getByRole('button', { name: 'Exporteren naar Word' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Lijst met antwoorden' }).getAttribute('href')).toBe('https://x/a');
    expect(screen.getByText('Nog niet naar Planner gepubliceerd.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Actieagenda/ })).toBeTruthy();
  });
});

describe('stap 2 read back in the tab', () => {
  it('says in one sentence that nobody filled in stap 2, instead of fourteen tables of zeros', async () => {
    const store = new FakeStore(sessionIn('closed'));
    store.addResponse(responseOf(sanne, { A: 2 }));
    store.addResponse(responseOf(lotte, { A: 3 }));
    renderWith(<TabPage />, fakeServices({ store, host: fakeHost({ surface: 'tab' }) }));
    const section = (await screen.findByRole('heading', { name: 'Antwoorden op Stap 2' })).closest('section') as HTMLElement;
    expect(within(section).getByText('Niemand heeft stap 2 ingevuld.')).toBeTruthy();
    expect(within(section).queryAllByRole('table')).toEqual([]);
  });

  it('shows the table only for questions someone answered, and the others with their count', async () => {
    const store = new FakeStore(sessionIn('closed'));
    const withAnswer = responseOf(sanne, { A: 2 });
    store.addResponse({ ...withAnswer, step2: { questions: { q1: { selected: ['q1.a'], freeText: {} } }, comments: {} } });
    store.addResponse(responseOf(lotte, { A: 3 }));
    renderWith(<TabPage />, fakeServices({ store, host: fakeHost({ surface: 'tab' }) }));
    const section = (await screen.findByRole('heading', { name: 'Antwoorden op Stap 2' })).closest('section') as HTMLElement;
    expect(within(section).getAllByRole('table')).toHaveLength(1);
    expect(within(section).getByRole('row', { name: /^Veel van onze inwoners/ }).textContent).toContain('1');
    expect(within(section).getAllByText('0 van 2 deelnemers beantwoordden deze vraag.')).toHaveLength(13);
    expect(within(section).queryByText('Niemand heeft stap 2 ingevuld.')).toBeNull();
  });
});

