import { act, fireEvent, screen, within } from '@testing-library/react';
import type { ActionItem } from '../../../src/domain';
import type { PlannerTaskRead, SessionSnapshot, SessionSummary } from '../../../src/graph/contracts';
import { TabView } from '../../../src/ui/tab/TabPage';
import { instrumentNl, renderUi } from '../charts/fixtures';
import { lotte, responseOf, sanne, sessionIn, snapshotOf } from '../fakes';


function action(id: string, title: string, taskId: string | null, dueDate: string | null, sessionKey: string): ActionItem {
  return { id, sessionKey, theme: 'B', title, ownerId: null, ownerName: 'Sanne', department: '', dueDate, status: 'open', proposedBy: null, plannerTaskId: taskId, plannerTaskUrl: null };
}

const spring = sessionIn('closed', { key: '20260301-aaaaaaaa', title: 'Voorjaar', date: '2026-03-01T09:00:00Z' });
const autumn = sessionIn('closed', { key: '20261001-bbbbbbbb', title: 'Najaar', date: '2026-10-01T09:00:00Z', purpose: 'monitoring' });
const springSnapshot = snapshotOf(
  spring,
  [responseOf(sanne, { A: 2, B: 1 }), responseOf(lotte, { A: 3, B: 5 })],
  [
    action('x1', 'Wijkcijfers koppelen', 'task-1', '2026-06-01', spring.key),
    action('x2', 'Spreekuur in de wijk', 'task-2', '2026-09-01', spring.key),
    action('x3', 'Folder herzien', 'task-3', '2026-12-01', spring.key),
    action('x4', 'Nooit gepubliceerd', null, null, spring.key),
  ],
);
const autumnSnapshot = snapshotOf(autumn, [responseOf(sanne, { A: 3, B: 3 }), responseOf(lotte, { A: 3, B: 3 })], []);
const snapshots: Record<string, SessionSnapshot> = { [spring.key]: springSnapshot, [autumn.key]: autumnSnapshot };
const summaries: SessionSummary[] = [autumn, spring].map((s) => ({ key: s.key, title: s.title, municipality: s.municipality, date: s.date, state: s.state, meetingId: null }));
/** Planner, between the sessions: task-1 completed, task-2 past its due date and not complete, task-3 not due yet. */
const planner: Record<string, PlannerTaskRead> = {
  'task-1': { percentComplete: 100, dueDateTime: '2026-06-01T12:00:00Z', completedDateTime: '2026-05-20T10:00:00Z' },
  'task-2': { percentComplete: 50, dueDateTime: '2026-09-01T12:00:00Z', completedDateTime: null },
  'task-3': { percentComplete: 0, dueDateTime: '2026-12-01T12:00:00Z', completedDateTime: null },
};

function renderReport(current: SessionSnapshot = autumnSnapshot, sessions: SessionSummary[] = summaries) {
  const read: string[][] = [];
  const opened: string[] = [];
  renderUi(
    <TabView
      instrument={instrumentNl}
      snapshot={current}
      meId={sanne.id}
      today="2026-10-01"
      locale="nl"
      store={{
        findSessionPage: async () => ({ sessions, more: null }),
        openSession: async (key) => {
          opened.push(key);
          return snapshots[key] as SessionSnapshot;
        },
      }}
      commands={{ setMode: async () => true }}
      plannerTasks={{
        read: async (ids) => {
          read.push([...ids]);
          return new Map(ids.map((id) => [id, planner[id] ?? null] as const));
        },
      }}
      now={() => new Date('2026-10-01T09:00:00Z')}
    />,
  );
  return { read, opened };
}

describe('the tab as a report', () => {
  it('has a contents list whose links move the focus to the section heading, leaving the URL hash alone', async () => {
    renderReport();
    await screen.findByText('1 klaar, 1 open, 1 te laat.');
    await screen.findByRole('button', { name: 'Vergelijk' }, { timeout: 5000 });
    const nav = screen.getByRole('navigation', { name: 'Inhoud' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Samenvatting',
      'Vorige agenda',
      'Stap 1: scores',
      'Stap 2: verdieping',
      'Stap 3: actieagenda',
      'Vergelijking',
      'Geschiedenis',
      'Gegevens',
    ]);
    const hashBefore = window.location.hash;
    for (const [link, heading] of [
      ['Stap 2: verdieping', 'Antwoorden op Stap 2'],
      ['Vorige agenda', 'Vorige agenda'],
      ['Geschiedenis', /^Alle sessies van/],
      ['Stap 3: actieagenda', 'Actieagenda'],
    ] as const) {
      fireEvent.click(within(nav).getByRole('link', { name: link }));
      expect(document.activeElement).toBe(screen.getByRole('heading', { name: heading }));
    }
    expect(window.location.hash).toBe(hashBefore);
  });

  it('a first session has no previous agenda and no comparison in its contents', async () => {
    const { read } = renderReport(springSnapshot, [summaries[1] as SessionSummary]);
    await screen.findByText(/Dit is de eerste sessie van deze gemeente/);
    const nav = screen.getByRole('navigation', { name: 'Inhoud' });
    expect(within(nav).queryByRole('link', { name: 'Vorige agenda' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Vergelijking' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Vorige agenda' })).toBeNull();
    expect(read).toEqual([]);
  });
});

describe('the previous agenda in a repeat session', () => {
  it('shows each earlier action with its Planner status, reading only the stored task ids', async () => {
    const { read } = renderReport();
    const section = (await screen.findByRole('heading', { name: 'Vorige agenda' })).closest('section') as HTMLElement;
    await within(section).findByRole('table');
    const status = (title: RegExp) => (within(section).getByRole('rowheader', { name: title }).closest('tr') as HTMLElement).lastElementChild?.textContent;
    expect(status(/Wijkcijfers koppelen/)).toBe('Klaar');
    expect(status(/Spreekuur in de wijk/)).toBe('Te laat');
    expect(status(/Folder herzien/)).toBe('Open');
    expect(status(/Nooit gepubliceerd/)).toBe('Niet naar Planner gepubliceerd');
    expect(within(section).getByText('1 klaar, 1 open, 1 te laat.')).toBeTruthy();
    expect(within(section).getByText(/1 maart 2026 — Voorjaar/)).toBeTruthy();
    expect(read).toEqual([['task-1', 'task-2', 'task-3']]);
  });
});

describe('history entries that open', () => {
  it('opens an earlier session as its own read-only report and goes back to this one', async () => {
    const { opened } = renderReport();
    const open = await screen.findByRole('button', { name: 'Sessie van 1 maart 2026 — Voorjaar openen' });
    expect(screen.queryByRole('button', { name: /Najaar \(deze sessie\) openen/ })).toBeNull();
    await act(async () => fireEvent.click(open));
    const title = await screen.findByRole('heading', { level: 1, name: 'Voorjaar' });
    expect(document.activeElement).toBe(title);
    expect(opened).toContain(spring.key);
    expect(screen.getByText('U bekijkt een eerdere sessie (alleen lezen).')).toBeTruthy();
    // Its own agenda, read only: no inputs, no export.
    expect(screen.getByRole('heading', { name: 'Actieagenda' })).toBeTruthy();
    expect(screen.getAllByText(/Wijkcijfers koppelen/).length).toBeGreaterThan(0);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Exporteren naar Word' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Vorige agenda' })).toBeNull();

    await act(async () => fireEvent.click(screen.getAllByRole('button', { name: 'Terug naar deze sessie' })[0] as HTMLElement));
    expect(await screen.findByRole('heading', { level: 1, name: 'Najaar' })).toBeTruthy();
    // The focus returns to the entry the person came from.
    const again = await screen.findByRole('button', { name: 'Sessie van 1 maart 2026 — Voorjaar openen' });
    await act(async () => undefined);
    expect(document.activeElement).toBe(again);
  });
});

describe('the comparison as one chart', () => {
  it('overlays before and after in one chart with a legend, beside the table of the same shown figures', async () => {
    renderReport();
    const compare = await screen.findByRole('button', { name: 'Vergelijk' }, { timeout: 5000 });
    await act(async () => fireEvent.click(compare));
    const chart = screen.getByRole('img', { name: /^Gemiddelde per stelling: 1 maart 2026 — Voorjaar en 1 oktober 2026 — Najaar/ });
    expect(chart.querySelectorAll('[data-series]')).toHaveLength(2);
    // A: 2,5 → 3, drawn at the shown values.
    const earlierA = chart.querySelector('[data-series="1 maart 2026 — Voorjaar"] [data-theme="A"]');
    expect(earlierA?.getAttribute('data-value')).toBe('2.5');
    const legend = within(chart.closest('figure') as HTMLElement).getByRole('list', { name: /legenda/i });
    expect(within(legend).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['1 maart 2026 — Voorjaar', '1 oktober 2026 — Najaar (deze sessie)']);
    const table = screen.getByRole('table', { name: /^Per stelling: wat veranderde/ });
    const rowA = within(table).getByRole('rowheader', { name: /^A\. / }).closest('tr') as HTMLElement;
    expect(within(rowA).getAllByRole('cell').slice(0, 3).map((td) => td.textContent)).toEqual(['2,5', '3', '+0,5']);
  });
});
