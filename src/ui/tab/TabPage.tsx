// The tab, before and after the meeting, as a report with a contents list: what the session is, the
// previous agenda with its Planner status (a repeat session starts there), its full results once
// revealed, the municipality's sessions over time (each one opens as its own read-only report) with
// the comparison of two, where the data lives, and the Word report.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { isEditable, visibleJoint, visibleResponses, visibleTo, type Instrument } from '../../domain';
import type { PlannerTaskReader, SessionSnapshot, SessionStore } from '../../graph/contracts';
import { ErrorScreen } from '../common/ErrorScreen';
import { describeErrorText } from '../common/errors';
import { Loading } from '../common/Loading';
import { SignInAgain } from '../common/SignInAgain';
import { ExportButton } from '../export/ExportButton';
import { useLocale, useT, type Locale } from '../i18n';
import { useAppServices, useSession, useSessionInstrument, type SessionCommands } from '../session';
import { AgendaEditor } from '../stage/AgendaEditor';
import { FollowUpEditor } from '../stage/FollowUpEditor';
import { ScoresSection } from '../stage/ScoresSection';
import { displayedResponses } from '../charts/displayText';
import { Step2Overview } from '../stage/Step2Overview';
import { TextNote } from '../stage/TextNote';
import { localCalendarDate } from '../stage/calendarText';
import { COMPARE_HEADING_ID, HISTORY_HEADING_ID, HistoryPanel } from './HistoryPanel';
import { LinksPanel } from './LinksPanel';
import { tabMessages, type TabMessageKey } from './messages';
import { PREVIOUS_AGENDA_HEADING_ID, PreviousAgenda, usePreviousAgenda } from './PreviousAgenda';
import { ReportContents, type ContentsEntry } from './ReportContents';
import { SessionOverview } from './SessionOverview';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalXL, maxWidth: '1200px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700 },
});

/** Heading ids of the sections the report shows (the stage components' own headings where they bring one). */
const SECTION = {
  overview: 'overview-title',
  results: 'results-title',
  step2: 'step2-overview-title',
  agenda: 'agenda-title',
  links: 'links-title',
} as const;

export interface TabViewProps {
  instrument: Instrument;
  snapshot: SessionSnapshot;
  meId: string;
  today: string;
  locale: Locale;
  store: Pick<SessionStore, 'findSessionPage' | 'openSession'> & Partial<Pick<SessionStore, 'searchSessions'>>;
  commands: Pick<SessionCommands, 'setMode'>;
  plannerTasks: PlannerTaskReader;
  now: () => Date;
}

interface ResultsProps {
  instrument: Instrument;
  snapshot: SessionSnapshot;
  meId: string;
  today: string;
  locale: Locale;
  chartRef: RefObject<SVGSVGElement | null>;
  exportable: boolean;
}

/** Stap 1, stap 2 and stap 3 of one session, read only. */
function Results({ instrument, snapshot, meId, today, locale, chartRef, exportable }: ResultsProps) {
  const t = useT(tabMessages);
  const session = snapshot.session.value;
  const responses = useMemo(() => visibleResponses(meId, session, snapshot.responses.map((r) => r.value)), [meId, session, snapshot.responses]);
  const actions = useMemo(() => snapshot.actions.map((a) => a.value), [snapshot.actions]);
  return (
    <>
      {exportable && <ExportButton input={{ instrument, session, responses, actions, locale }} chartRef={chartRef} />}
      <section aria-labelledby={SECTION.results}>
        <h2 id={SECTION.results}>{t('resultsTitle')}</h2>
        <ScoresSection instrument={instrument} session={session} responses={responses} viewerId={meId} svgRef={chartRef} />
      </section>
      <TextNote label={instrument.step1.notesLabel} text={session.notes} editable={false} />
      <Step2Overview instrument={instrument} mode={session.mode} joint={visibleJoint(session, snapshot.responses.map((r) => r.value))} responses={displayedResponses(responses, session.display ?? 'perPerson', locale)} compact />
      <AgendaEditor
        instrument={instrument}
        sessionKey={session.key}
        participants={responses.map((r) => r.participant)}
        actions={actions}
        editable={false}
        today={today}
        actorId={meId}
        newActionId={() => ''}
      />
      <FollowUpEditor instrument={instrument} followUp={session.followUp} editable={false} />
      <TextNote label={instrument.step3.explanationLabel} text={session.explanation} editable={false} />
    </>
  );
}

function resultEntries(t: (key: TabMessageKey) => string): ContentsEntry[] {
  return [
    { id: SECTION.results, label: t('contentsResults') },
    { id: SECTION.step2, label: t('contentsStep2') },
    { id: SECTION.agenda, label: t('contentsAgenda') },
  ];
}

type Earlier = { key: string; snapshot: SessionSnapshot | null; error: string | null };

/** An earlier session of the municipality, in the same report layout, read only, with a way back. */
function EarlierSession({ instrument, earlier, meId, today, locale, onBack }: { instrument: Instrument; earlier: Earlier; meId: string; today: string; locale: Locale; onBack: () => void }) {
  const t = useT(tabMessages);
  const styles = useStyles();
  const chartRef = useRef<SVGSVGElement | null>(null);
  const titleRef = useRef<HTMLHeadingElement | null>(null);
  const ready = earlier.snapshot !== null;
  useEffect(() => {
    // The person asked for this report: the focus goes to its title, as on a new page.
    if (ready) titleRef.current?.focus();
  }, [ready]);
  const back = (
    <Button appearance="primary" onClick={onBack}>
      {t('backToCurrent')}
    </Button>
  );
  if (earlier.error !== null) {
    return (
      <main className={styles.root}>
        <p role="alert">{earlier.error}</p>
        <div>{back}</div>
      </main>
    );
  }
  if (!earlier.snapshot) return <Loading label={t('loading')} />;
  const session = earlier.snapshot.session.value;
  const hasResults = visibleTo({ id: meId }, session).othersScores;
  return (
    <main className={styles.root}>
      <h1 className={styles.title} ref={titleRef} tabIndex={-1}>
        {session.title}
      </h1>
      <p>{t('viewingEarlier')}</p>
      <div>{back}</div>
      <ReportContents entries={[{ id: SECTION.overview, label: t('contentsOverview') }, ...(hasResults ? resultEntries(t) : [])]} />
      <SessionOverview instrument={instrument} session={session} canChangeMode={false} showPreparation={!hasResults} />
      {hasResults && <Results instrument={instrument} snapshot={earlier.snapshot} meId={meId} today={today} locale={locale} chartRef={chartRef} exportable={false} />}
      <div>{back}</div>
    </main>
  );
}

export function TabView({ instrument, snapshot, meId, today, locale, store, commands, plannerTasks, now }: TabViewProps) {
  const t = useT(tabMessages);
  const styles = useStyles();
  const chartRef = useRef<SVGSVGElement | null>(null);
  const session = snapshot.session.value;
  const hasResults = visibleTo({ id: meId }, session).othersScores;
  const findSessionPage = useCallback((filter: { municipality: string }) => store.findSessionPage(filter), [store]);
  const openSession = useCallback((key: string) => store.openSession(key), [store]);
  const searchSessions = useCallback((filter: { municipality: string; text: string; thisYear?: number }) => (store.searchSessions ? store.searchSessions(filter) : Promise.resolve([])), [store]);
  const previous = usePreviousAgenda(session, { findSessionPage, openSession, plannerTasks, now });
  const [earlier, setEarlier] = useState<Earlier | null>(null);
  /** The history entry to focus after coming back from an earlier session. */
  const [returnTo, setReturnTo] = useState<string | null>(null);

  const open = (key: string) => {
    setEarlier({ key, snapshot: null, error: null });
    openSession(key).then(
      (opened) => setEarlier((e) => (e?.key === key ? { key, snapshot: opened, error: null } : e)),
      (err: unknown) => setEarlier((e) => (e?.key === key ? { key, snapshot: null, error: `${t('openFailed')} ${describeErrorText(err, locale)}` } : e)),
    );
  };

  if (earlier) {
    return (
      <EarlierSession
        instrument={instrument}
        earlier={earlier}
        meId={meId}
        today={today}
        locale={locale}
        onBack={() => {
          setReturnTo(earlier.key);
          setEarlier(null);
        }}
      />
    );
  }

  const hasEarlier = previous.kind !== 'none';
  const entries: ContentsEntry[] = [
    { id: SECTION.overview, label: t('contentsOverview') },
    ...(hasEarlier ? [{ id: PREVIOUS_AGENDA_HEADING_ID, label: t('previousTitle') }] : []),
    ...(hasResults ? resultEntries(t) : []),
    ...(previous.kind === 'ready' ? [{ id: COMPARE_HEADING_ID, label: t('contentsCompare') }] : []),
    { id: HISTORY_HEADING_ID, label: t('contentsHistory') },
    { id: SECTION.links, label: t('contentsLinks') },
  ];

  return (
    <main className={styles.root}>
      <h1 className={styles.title}>{session.title}</h1>
      <ReportContents entries={entries} />
      <SessionOverview
        instrument={instrument}
        session={session}
        canChangeMode={isEditable(session, 'settings', meId)}
        onChangeMode={commands.setMode}
        showPreparation={!hasResults}
      />
      <PreviousAgenda instrument={instrument} state={previous} />
      {hasResults && <Results instrument={instrument} snapshot={snapshot} meId={meId} today={today} locale={locale} chartRef={chartRef} exportable />}
      <HistoryPanel instrument={instrument} current={session} findSessionPage={findSessionPage} openSession={openSession} searchSessions={searchSessions} thisYear={Number(today.slice(0, 4))} onOpen={open} focusKey={returnTo} />
      <LinksPanel links={snapshot.links} />
    </main>
  );
}

export function TabPage() {
  const t = useT(tabMessages);
  const services = useAppServices();
  const locale = useLocale();
  const api = useSession();
  const instrument = useSessionInstrument();

  if (api.status.kind === 'noSession') return <p style={{ padding: 16 }}>{t('noSession')}</p>;
  if (api.status.kind === 'failed') return <ErrorScreen error={api.status.error} onRetry={() => void api.refresh()} inSession />;
  if (!api.snapshot || !api.store) return <Loading label={t('loading')} />;

  return (
    <>
      {api.pollError !== null && api.pollError !== undefined && <p role="status">{t('pollProblem')}</p>}
      <SignInAgain error={api.pollError} onPress={() => void api.refresh()} />
      {api.commandError && <p role="alert">{api.commandError}</p>}
      <TabView
        instrument={instrument}
        snapshot={api.snapshot}
        meId={services.me.id}
        today={localCalendarDate(services.now())}
        locale={locale}
        store={api.store}
        commands={api.commands}
        plannerTasks={services.graph.plannerTasks}
        now={services.now}
      />
    </>
  );
}

export default TabPage;
