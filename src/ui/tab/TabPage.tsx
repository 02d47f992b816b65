// The tab, before and after the meeting: what the session is, its full results once revealed, where
// the data lives, the municipality's sessions over time, and the Word report.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useRef } from 'react';
import { isEditable, visibleResponses, visibleTo, type Instrument } from '../../domain';
import type { SessionSnapshot, SessionStore } from '../../graph/contracts';
import { ErrorScreen } from '../common/ErrorScreen';
import { Loading } from '../common/Loading';
import { ExportButton } from '../export/ExportButton';
import { useLocale, useT, type Locale } from '../i18n';
import { useAppServices, useSession, useSessionInstrument, type SessionCommands } from '../session';
import { AgendaEditor } from '../stage/AgendaEditor';
import { FollowUpEditor } from '../stage/FollowUpEditor';
import { ScoresSection } from '../stage/ScoresSection';
import { Step2Overview } from '../stage/Step2Overview';
import { TextNote } from '../stage/TextNote';
import { localCalendarDate } from '../stage/calendarText';
import { HistoryPanel } from './HistoryPanel';
import { LinksPanel } from './LinksPanel';
import { tabMessages } from './messages';
import { SessionOverview } from './SessionOverview';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalXL, maxWidth: '1200px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700 },
});

export interface TabViewProps {
  instrument: Instrument;
  snapshot: SessionSnapshot;
  meId: string;
  today: string;
  locale: Locale;
  store: Pick<SessionStore, 'findSessionPage' | 'openSession'>;
  commands: Pick<SessionCommands, 'setMode'>;
}

export function TabView({ instrument, snapshot, meId, today, locale, store, commands }: TabViewProps) {
  const t = useT(tabMessages);
  const styles = useStyles();
  const chartRef = useRef<SVGSVGElement | null>(null);
  const session = snapshot.session.value;
  const responses = useMemo(() => visibleResponses(meId, session, snapshot.responses.map((r) => r.value)), [meId, session, snapshot.responses]);
  const actions = useMemo(() => snapshot.actions.map((a) => a.value), [snapshot.actions]);
  const hasResults = visibleTo({ id: meId }, session).othersScores;
  const findSessionPage = useCallback((filter: { municipality: string }) => store.findSessionPage(filter), [store]);
  const openSession = useCallback((key: string) => store.openSession(key), [store]);

  return (
    <main className={styles.root}>
      <h1 className={styles.title}>{session.title}</h1>
      <SessionOverview
        instrument={instrument}
        session={session}
        canChangeMode={isEditable(session, 'settings', meId)}
        onChangeMode={commands.setMode}
        showPreparation={!hasResults}
      />
      {hasResults && (
        <>
          <ExportButton input={{ instrument, session, responses, actions, locale }} chartRef={chartRef} />
          <section aria-labelledby="results-title">
            <h2 id="results-title">{t('resultsTitle')}</h2>
            <ScoresSection instrument={instrument} session={session} responses={responses} viewerId={meId} svgRef={chartRef} />
          </section>
          <TextNote label={instrument.step1.notesLabel} text={session.notes} editable={false} />
          <Step2Overview instrument={instrument} mode={session.mode} facilitatorId={session.facilitatorId} responses={responses} compact />
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
      )}
      <LinksPanel links={snapshot.links} />
      <HistoryPanel instrument={instrument} current={session} findSessionPage={findSessionPage} openSession={openSession} />
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
      {api.commandError && <p role="alert">{api.commandError}</p>}
      <TabView
        instrument={instrument}
        snapshot={api.snapshot}
        meId={services.me.id}
        today={localCalendarDate(services.now())}
        locale={locale}
        store={api.store}
        commands={api.commands}
      />
    </>
  );
}

export default TabPage;
