// The repeat session's first look back: the previous session's agenda (the municipality's session
// just before this one) with each action's status in Planner — klaar, open, te laat — read by the
// task ids stored on the actions (src/graph/plannerTasks.ts). The tab's report shows it as its
// "Vorige agenda" section; `PreviousAgendaPanel` is the same review for any surface inside the
// session providers (the stage or the side panel at the start of stap 3).
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { orderSessionsOverTime, plannerTaskIdsOf, reviewPreviousAgenda, type Instrument, type PlannerTaskStatus, type PreviousAgendaRow, type Session } from '../../domain';
import type { PlannerTaskReader, SessionSnapshot, SessionSummary, SessionSummaryPage } from '../../graph/contracts';
import { describeErrorText } from '../common/errors';
import { useLocale, useT } from '../i18n';
import { useAppServices, useSession, useSessionInstrument } from '../session';
import { formatCalendarDate, formatSessionDate } from '../stage/calendarText';
import { tabMessages, type TabMessageKey } from './messages';

export const PREVIOUS_AGENDA_HEADING_ID = 'previous-agenda-title';

export type PreviousAgendaState =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; earlier: SessionSummary; rows: PreviousAgendaRow[] };

export interface PreviousAgendaSources {
  findSessionPage: (filter: { municipality: string }) => Promise<SessionSummaryPage>;
  openSession: (key: string) => Promise<SessionSnapshot>;
  plannerTasks: PlannerTaskReader;
  now: () => Date;
}

/** The session of the same municipality just before `current`, looking at older pages while it is the oldest one loaded. */
async function sessionBefore(current: Pick<Session, 'key' | 'municipality'>, find: PreviousAgendaSources['findSessionPage']): Promise<SessionSummary | null> {
  let page = await find({ municipality: current.municipality });
  let sessions = page.sessions;
  for (;;) {
    const ordered = orderSessionsOverTime(sessions);
    const index = ordered.findIndex((s) => s.key === current.key);
    if (index > 0) return ordered[index - 1] ?? null;
    if (!page.more) return null;
    page = await page.more();
    sessions = [...sessions, ...page.sessions];
  }
}

/** Loads the previous agenda and its Planner statuses once per session key. */
export function usePreviousAgenda(current: Pick<Session, 'key' | 'municipality'>, sources: PreviousAgendaSources): PreviousAgendaState {
  const locale = useLocale();
  const t = useT(tabMessages);
  const [state, setState] = useState<PreviousAgendaState>({ kind: 'loading' });
  const { findSessionPage, openSession, plannerTasks, now } = sources;
  useEffect(() => {
    let cancelled = false;
    const run = async (): Promise<PreviousAgendaState> => {
      const earlier = await sessionBefore(current, findSessionPage);
      if (!earlier) return { kind: 'none' };
      const snapshot = await openSession(earlier.key);
      const actions = snapshot.actions.map((a) => a.value);
      const tasks = await plannerTasks.read(plannerTaskIdsOf(actions));
      return { kind: 'ready', earlier, rows: reviewPreviousAgenda(actions, tasks, now()) };
    };
    run().then(
      (next) => !cancelled && setState(next),
      (err: unknown) => !cancelled && setState({ kind: 'failed', message: `${t('previousFailed')} ${describeErrorText(err, locale)}` }),
    );
    return () => {
      cancelled = true;
    };
    // Read once per session: the statuses are a look back, not a live view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current.key, current.municipality]);
  return state;
}

const STATUS_KEYS: Record<PlannerTaskStatus | 'unpublished', TabMessageKey> = {
  done: 'taskDone',
  open: 'taskOpen',
  late: 'taskLate',
  missing: 'taskMissing',
  unpublished: 'taskUnpublished',
};

const useStyles = makeStyles({
  wrapper: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', width: '100%' },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalS },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, textAlign: 'start', verticalAlign: 'top' },
  late: { fontWeight: tokens.fontWeightBold, color: tokens.colorPaletteRedForeground1 },
  done: { color: tokens.colorPaletteGreenForeground1 },
});

export interface PreviousAgendaProps {
  instrument: Pick<Instrument, 'themes'>;
  state: PreviousAgendaState;
  /** The heading's level: 2 in the tab's report, 3 where a surface places it under its own heading. */
  level?: 2 | 3;
}

/** The section itself; renders nothing when this is the municipality's first session. */
export function PreviousAgenda({ instrument, state, level = 2 }: PreviousAgendaProps) {
  const t = useT(tabMessages);
  const locale = useLocale();
  const styles = useStyles();
  if (state.kind === 'none') return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  const counts = state.kind === 'ready' ? (['done', 'open', 'late'] as const).map((s) => state.rows.filter((r) => r.status === s).length) : [0, 0, 0];
  return (
    <section aria-labelledby={PREVIOUS_AGENDA_HEADING_ID}>
      <Heading id={PREVIOUS_AGENDA_HEADING_ID}>{t('previousTitle')}</Heading>
      {state.kind === 'loading' && <p role="status">{t('previousLoading')}</p>}
      {state.kind === 'failed' && <p role="alert">{state.message}</p>}
      {state.kind === 'ready' && (
        <>
          <p>{t('previousIntro', { session: `${formatSessionDate(state.earlier.date, locale)} — ${state.earlier.title}` })}</p>
          {state.rows.length === 0 ? (
            <p>{t('previousEmpty')}</p>
          ) : (
            <>
              <p>{t('previousCounts', { done: counts[0] ?? 0, open: counts[1] ?? 0, late: counts[2] ?? 0 })}</p>
              <div className={styles.wrapper}>
                <table className={styles.table}>
                  <caption className={styles.caption}>{t('previousCaption')}</caption>
                  <thead>
                    <tr>
                      {(['previousAction', 'previousOwner', 'previousDue', 'previousStatus'] as const).map((key) => (
                        <th key={key} scope="col" className={styles.cell}>
                          {t(key)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {state.rows.map(({ action, status }) => {
                      const theme = instrument.themes.find((th) => th.id === action.theme);
                      return (
                        <tr key={action.id}>
                          <th scope="row" className={styles.cell}>
                            {`${action.theme}. ${theme?.title ?? ''}: ${action.title}`}
                          </th>
                          <td className={styles.cell}>{action.ownerName ?? '—'}</td>
                          <td className={styles.cell}>{action.dueDate ? formatCalendarDate(action.dueDate, locale) : '—'}</td>
                          <td className={status === 'late' ? styles.late : status === 'done' ? styles.done : undefined} data-status={status ?? 'unpublished'}>
                            {t(STATUS_KEYS[status ?? 'unpublished'])}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}

/**
 * The previous agenda for any surface inside the app's session providers: place it where stap 3
 * starts (the stage's stap 3 view, the facilitator's side panel), at heading level 3 under the
 * surface's own heading. It reads once per session.
 */
export function PreviousAgendaPanel({ level = 3 }: { level?: 2 | 3 }) {
  const services = useAppServices();
  const api = useSession();
  const instrument = useSessionInstrument();
  const session = api.snapshot?.session.value ?? null;
  if (!session || !api.store) return null;
  return <PreviousAgendaLoader instrument={instrument} current={session} level={level} sources={{ findSessionPage: api.store.findSessionPage.bind(api.store), openSession: api.store.openSession.bind(api.store), plannerTasks: services.graph.plannerTasks, now: services.now }} />;
}

function PreviousAgendaLoader(props: { instrument: Pick<Instrument, 'themes'>; current: Pick<Session, 'key' | 'municipality'>; level: 2 | 3; sources: PreviousAgendaSources }) {
  const state = usePreviousAgenda(props.current, props.sources);
  return <PreviousAgenda instrument={props.instrument} state={state} level={props.level} />;
}
