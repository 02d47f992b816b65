import userEvent from '@testing-library/user-event';
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { SessionSnapshot, SessionSummary } from '../../../src/graph/contracts';
import { HistoryPanel } from '../../../src/ui/tab/HistoryPanel';
import { instrumentNl, renderUi } from '../charts/fixtures';
import { lotte, responseOf, sanne, sessionIn, snapshotOf } from '../fakes';

// Spring 2019 is not among the loaded sessions (the history shows the newest page): only a search finds it.
const spring = sessionIn('closed', { key: '20190301-aaaaaaaa', title: 'Voorjaar', date: '2019-03-01T09:00:00Z' });
const summer = sessionIn('closed', { key: '20260601-cccccccc', title: 'Zomer', date: '2026-06-01T09:00:00Z' });
const autumn = sessionIn('closed', { key: '20261001-bbbbbbbb', title: 'Najaar', date: '2026-10-01T09:00:00Z' });
const snapshots: Record<string, SessionSnapshot> = {
  [spring.key]: snapshotOf(spring, [responseOf(sanne, { A: 2, B: 1 }), responseOf(lotte, { A: 2, B: 5 })], []),
  [summer.key]: snapshotOf(summer, [responseOf(sanne, { A: 3, B: 2 })], []),
  [autumn.key]: snapshotOf(autumn, [responseOf(sanne, { A: 3, B: 3 }), responseOf(lotte, { A: 4, B: 3 })], []),
};
const summary = (s: typeof spring): SessionSummary => ({ key: s.key, title: s.title, municipality: s.municipality, date: s.date, state: s.state, meetingId: null });

// Held on 2 March 2024: inside a search's day of slack around 1 March, not on the day a person named.
const dayAfter = sessionIn('closed', { key: '20240302-dddddddd', title: 'Overleg', date: '2024-03-02T09:00:00Z' });

function setup() {
  const searches: string[] = [];
  const years: (number | undefined)[] = [];
  const opened: string[] = [];
  const searchSessions = async ({ text, thisYear }: { municipality: string; text: string; thisYear?: number }) => {
    searches.push(text);
    years.push(thisYear);
    // As SharePoint answers: a title start, or the SessionKey ranges of a day (with a day of slack).
    if (text === '1 maart') return [summary(dayAfter), summary(spring)];
    return text.toLowerCase().startsWith('voorj') || text === '01-03-2019' ? [summary(spring), summary(autumn)] : [];
  };
  renderUi(
    <HistoryPanel
      instrument={instrumentNl}
      current={autumn}
      findSessionPage={async () => ({ sessions: [summary(autumn), summary(summer)], more: async () => ({ sessions: [], more: null }) })}
      openSession={async (key) => {
        opened.push(key);
        return snapshots[key] as SessionSnapshot;
      }}
      searchSessions={searchSessions}
      thisYear={2026}
    />,
  );
  return { searches, years, opened };
}

describe('searching the session pickers in SharePoint', () => {
  it('typing shows a session that is not loaded, once, and choosing it runs the comparison', async () => {
    const { searches, opened } = setup();
    await screen.findByRole('list');
    expect(within(screen.getByRole('list')).queryByText(/Voorjaar/)).toBeNull();
    const earlier = screen.getByRole('combobox', { name: 'Eerdere sessie' });
    // Keys without pauses between them, as a person types a word.
    const user = userEvent.setup({ delay: null });
    await user.clear(earlier);
    await user.type(earlier, 'voorj');
    // One request after the pause, not one per key; the loaded Najaar it also returns is not offered twice.
    const option = await screen.findByRole('option', { name: '1 maart 2019 — Voorjaar' });
    expect(searches).toEqual(['voorj']);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['1 maart 2019 — Voorjaar']);
    await userEvent.click(option);
    expect((earlier as HTMLInputElement).value).toBe('1 maart 2019 — Voorjaar');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Vergelijk' })));
    expect(opened.sort()).toEqual([autumn.key, spring.key].sort());
    const table = screen.getByRole('table');
    const rowB = within(table).getByRole('rowheader', { name: /^B\. / }).closest('tr') as HTMLElement;
    expect(within(rowB).getAllByRole('cell').map((td) => td.textContent)).toEqual(['3', '3', '0', '4', '0', '−4', '0']);
  });

  it('finds a session by the date as typed, and says so politely when nothing is found', async () => {
    setup();
    await screen.findByRole('list');
    const later = screen.getByRole('combobox', { name: 'Latere sessie' });
    await userEvent.clear(later);
    await userEvent.type(later, '01-03-2019');
    expect(await screen.findByRole('option', { name: '1 maart 2019 — Voorjaar' })).toBeTruthy();
    await userEvent.clear(later);
    await userEvent.type(later, 'winter');
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'Zoeken…')).toBe(true);
    const none = 'Geen sessies gevonden voor ‘winter’.';
    expect(await screen.findByRole('option', { name: none })).toHaveProperty('ariaDisabled', 'true');
    expect(screen.getAllByRole('status').some((s) => s.textContent === none)).toBe(true);
  });

  it('finds a session by a day typed without its year, and offers only sessions held on that day', async () => {
    const { searches, years } = setup();
    await screen.findByRole('list');
    const earlier = screen.getByRole('combobox', { name: 'Eerdere sessie' });
    await userEvent.clear(earlier);
    await userEvent.type(earlier, '1 maart');
    expect(await screen.findByRole('option', { name: '1 maart 2019 — Voorjaar' })).toBeTruthy();
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['1 maart 2019 — Voorjaar']);
    expect(searches.at(-1)).toBe('1 maart');
    expect(years.at(-1)).toBe(2026);
  });

  it('asks nothing for a single character', async () => {
    const { searches } = setup();
    await screen.findByRole('list');
    const later = screen.getByRole('combobox', { name: 'Latere sessie' });
    await userEvent.clear(later);
    await userEvent.type(later, 'x');
    await act(() => new Promise((r) => setTimeout(r, 400)));
    expect(searches).toEqual([]);
  });
});
