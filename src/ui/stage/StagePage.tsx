// The stage: one screen the whole meeting reads together, so large type and one thing at a time.
// What it shows follows the session state the facilitator sets; editing controls appear only in
// the facilitator's own client (every participant's Teams renders the stage as themselves), and so
// does the facilitator's bar of moves, which stays at the top while the stage scrolls. After a
// step change the stage starts at its top with the focus on its heading, so nobody (and no screen
// reader) is left halfway down the previous step.
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import {
  currentFocus,
  focusOn,
  isEditable,
  markDiscussed,
  may,
  newActionId,
  startTimer,
  stopTimer,
  visibleJoint,
  visibleProgress,
  visibleResponses,
  visibleTo,
  withStatementNote,
  type Instrument,
  type StepId,
  type ThemeId,
} from '../../domain';
import type { SessionSnapshot } from '../../graph/contracts';
import { ErrorScreen } from '../common/ErrorScreen';
import { GroupViewNotice } from '../common/GroupViewNotice';
import { InvalidItemsNotice } from '../common/InvalidItemsNotice';
import { Loading } from '../common/Loading';
import { SignInAgain } from '../common/SignInAgain';
import { FacilitatorMoves } from '../facilitator/FacilitatorMoves';
import { useLocale, useT } from '../i18n';
import { displayedResponses } from '../charts/displayText';
import { useAppServices, useSession, useSessionInstrument, type SessionCommands } from '../session';
import { AgendaEditor } from './AgendaEditor';
import { PreviousAgendaPanel } from '../tab/PreviousAgenda';
import { localCalendarDate } from './calendarText';
import { FocusedStatement } from './FocusedStatement';
import { ThemeFocusBanner } from './FocusTools';
import { FollowUpEditor } from './FollowUpEditor';
import { JointStep2Editor } from './JointStep2Editor';
import { stageMessages } from './messages';
import { ProgressPanel } from './ProgressPanel';
import { PublishPanel } from './PublishPanel';
import { ScoresSection } from './ScoresSection';
import { Step2Summary } from './Step2Summary';
import { Step2Theme } from './Step2Theme';
import { Step3Theme } from './Step3Theme';
import { TextNote } from './TextNote';
import { usePublish } from './usePublish';

const useStyles = makeStyles({
  root: {
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    maxWidth: '1400px',
    margin: '0 auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXL,
    '& h1': { fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800, margin: 0 },
    '& h2': { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, scrollMarginTop: '7rem' },
  },
  bar: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  barLabel: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  subtitle: { margin: 0, color: tokens.colorNeutralForeground2 },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(32rem, 1fr))', gap: tokens.spacingHorizontalXXL, alignItems: 'start' },
});

export interface StageViewProps {
  instrument: Instrument;
  snapshot: SessionSnapshot;
  /** The signed-in person in this client. */
  meId: string;
  today: string;
  newId: () => string;
  commands: Pick<SessionCommands, 'setNotes' | 'setExplanation' | 'setFollowUp' | 'saveAction' | 'deleteAction' | 'setDisplay' | 'setStageFocus'>;
  /** The app's clock (the stage's timer). */
  now: () => Date;
  publish: ReturnType<typeof usePublish>;
  /** The facilitator's moves, shown only in the facilitator's own client. */
  bar?: ReactNode;
  /** Stap 2 filled in together: the facilitator's inputs for the joint answer, shown only in their own client. */
  jointEditor?: ReactNode;
}

const STEP_OF_STATE: Partial<Record<string, StepId>> = { setup: 'step1', step1: 'step1', step2: 'step2', step3: 'step3' };

/** The stage for a session, from plain data: what the page renders once the session is read. */
export function StageView({ instrument, snapshot, meId, today, newId, commands, publish, bar, jointEditor, now }: StageViewProps) {
  const t = useT(stageMessages);
  const styles = useStyles();
  const session = snapshot.session.value;
  const raw = useMemo(() => snapshot.responses.map((r) => r.value), [snapshot.responses]);
  // What the group may see: the stage shows the same to everyone, the facilitator included.
  const responses = useMemo(() => visibleResponses(meId, session, raw), [meId, session, raw]);
  const actions = useMemo(() => snapshot.actions.map((a) => a.value), [snapshot.actions]);
  const participants = useMemo(() => responses.map((r) => r.participant), [responses]);
  const step = STEP_OF_STATE[session.state];
  // Lists that name people (progress, stap-2 authors) follow the display setting as the chart does.
  const locale = useLocale();
  const shown = useMemo(() => displayedResponses(responses, session.display ?? 'perPerson', locale), [responses, session.display, locale]);
  const progress = useMemo(() => {
    if (!step || step === 'step3') return null;
    const all = visibleProgress(session, raw, step);
    if ((session.display ?? 'perPerson') === 'perPerson') return all;
    const names = new Map(shown.map((r) => [r.participant.id, r.participant.name]));
    return { ...all, participants: all.participants.map((p) => ({ ...p, name: names.get(p.participantId) ?? '—' })) };
  }, [session, raw, step, shown]);
  const questionCount = instrument.themes.reduce((n, th) => n + th.questions.length, 0);
  const stepTitle =
    session.state === 'step2' ? instrument.step2.title : session.state === 'step3' ? instrument.step3.title : session.state === 'setup' ? t('stateSetup') : session.state === 'closed' ? t('stateClosed') : instrument.step1.title;
  const leads = visibleTo({ id: meId }, session).facilitatorControls;
  const canEditAgenda = leads && isEditable(session, 'actions', meId);
  // What the facilitator put on everyone's stage (src/domain/stageFocus.ts): a statement in stap 1
  // after the reveal, a theme in stap 2 and 3 (`focusTheme`, for the per-theme views), or the overview (null).
  const focus = useMemo(() => currentFocus(session), [session]);
  const focusTheme: ThemeId | null = focus.theme;
  const mayFocus = (part: 'theme' | 'discussed' | 'timer' | 'note') => leads && may({ id: meId }, { kind: 'stageFocus', part }, session).ok;
  /** The agenda, whole or one theme's (stap 3 with a theme on the stage). */
  const agenda = {
    instrument,
    sessionKey: session.key,
    participants,
    actions,
    editable: canEditAgenda,
    today,
    actorId: meId,
    newActionId: newId,
    onSave: commands.saveAction,
    onDelete: commands.deleteAction,
  };
  /** The facilitator's client: a theme chosen in stap 2 or 3 goes on everyone's stage. */
  const openTheme = mayFocus('theme') ? (theme: ThemeId) => void commands.setStageFocus('theme', (s) => focusOn(s, theme)) : undefined;
  const focusTools = (theme: ThemeId) => ({
    onDiscussed: mayFocus('discussed') ? (discussed: boolean) => commands.setStageFocus('discussed', (s) => markDiscussed(s, theme, discussed)) : undefined,
    onStartTimer: mayFocus('timer') ? (minutes: number) => commands.setStageFocus('timer', (s) => startTimer(s, minutes, now())) : undefined,
    onStopTimer: mayFocus('timer') ? () => commands.setStageFocus('timer', (s) => stopTimer(s)) : undefined,
  });
  const subtitleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const shownState = useRef(session.state);
  useEffect(() => {
    if (shownState.current === session.state) return;
    shownState.current = session.state;
    const h = heading.current;
    if (!h) return;
    h.ownerDocument.defaultView?.scrollTo({ top: 0 });
    // Only when the person is on the stage: the stage follows moves made elsewhere (another person's,
    // or this person's side panel), and pulling the keyboard focus out of the side panel they are
    // typing in would send their next keys to the stage (WCAG 3.2.2, no change of context on input).
    if (!h.ownerDocument.hasFocus()) return;
    h.focus({ preventScroll: true });
    // A dialog that closed with this move (the stap-2 mode choice, a confirmation) hands the focus back
    // to its trigger once its exit has run; the new step's bar no longer has that button, so the focus
    // falls to the page. For a moment after the step change, a focus on nothing goes to the heading again.
    const timers = [50, 150, 400, 800].map((ms) =>
      setTimeout(() => {
        const active = h.ownerDocument.activeElement;
        if ((active === null || active === h.ownerDocument.body) && h.ownerDocument.hasFocus()) h.focus({ preventScroll: true });
      }, ms),
    );
    return () => timers.forEach(clearTimeout);
  }, [session.state]);

  return (
    <main className={styles.root}>
      {leads && bar ? bar : null}
      <header>
        <h1 ref={heading} tabIndex={-1} aria-describedby={subtitleId}>
          {session.title}
        </h1>
        <p className={styles.subtitle} id={subtitleId}>
          {session.municipality} · {stepTitle}
        </p>
      </header>
      {leads ? <InvalidItemsNotice items={snapshot.invalid} /> : null}
      {progress && <ProgressPanel progress={progress} questionCount={questionCount} />}
      {session.state === 'revealed' && focusTheme !== null ? (
        <FocusedStatement
          instrument={instrument}
          session={session}
          responses={responses}
          theme={focusTheme}
          focus={focus}
          now={now}
          onNote={mayFocus('note') ? (text) => commands.setStageFocus('note', (s) => withStatementNote(s, focusTheme, text)) : undefined}
          {...focusTools(focusTheme)}
        />
      ) : (
        <>
          {(session.state === 'setup' || session.state === 'step1' || session.state === 'revealed' || session.state === 'closed') && (
            <ScoresSection
              instrument={instrument}
              session={session}
              responses={responses}
              viewerId={null}
              onDisplayChange={leads ? commands.setDisplay : undefined}
              discussed={session.stageFocus?.discussed.step1}
              onOpenStatement={mayFocus('theme') ? (theme) => commands.setStageFocus('theme', (s) => focusOn(s, theme)) : undefined}
            />
          )}
          {(session.state === 'revealed' || session.state === 'closed') && (
            <TextNote label={instrument.step1.notesLabel} text={session.notes} editable={isEditable(session, 'notes', meId)} onSave={commands.setNotes} />
          )}
        </>
      )}
      {(session.state === 'step2' || session.state === 'step3') && focusTheme !== null && (
        <ThemeFocusBanner instrument={instrument} theme={focusTheme} focus={focus} now={now} {...focusTools(focusTheme)} />
      )}
      {session.state === 'step2' &&
        (leads && session.mode === 'joint' && jointEditor ? (
          jointEditor
        ) : focusTheme !== null ? (
          <Step2Theme
            instrument={instrument}
            theme={focusTheme}
            mode={session.mode}
            display={session.display}
            joint={visibleJoint(session, raw)}
            responses={responses}
            onThemeChange={openTheme}
          />
        ) : (
          <Step2Summary instrument={instrument} responses={responses} joint={session.mode === 'joint' ? visibleJoint(session, raw) : null} discussed={session.stageFocus?.discussed.step2 ?? []} onOpen={openTheme} />
        ))}
      {(session.state === 'step3' || session.state === 'closed') && (
        <>
          {/* A repeat session starts stap 3 by looking back: last time's agenda with each task's Planner status. */}
          {session.state === 'step3' && <PreviousAgendaPanel level={2} />}
          {session.state === 'step3' && focusTheme !== null ? <Step3Theme theme={focusTheme} onThemeChange={openTheme} {...agenda} /> : <AgendaEditor {...agenda} />}
          <div className={styles.columns}>
            <FollowUpEditor instrument={instrument} followUp={session.followUp} editable={isEditable(session, 'explanation', meId)} onSave={commands.setFollowUp} />
            <TextNote
              label={instrument.step3.explanationLabel}
              text={session.explanation}
              emptyText={t('explanationEmpty')}
              editable={isEditable(session, 'explanation', meId)}
              onSave={commands.setExplanation}
            />
          </div>
          <PublishPanel actions={actions} groupName={publish.groupName} hasGroup={publish.groupId !== null} editable={leads} publish={publish.publish} />
        </>
      )}
    </main>
  );
}

/** The facilitator's moves on the stage, sticky at its top; "Publiceren" brings the publish panel into view. */
function FacilitatorBar() {
  const t = useT(stageMessages);
  const styles = useStyles();
  const labelId = useId();
  const showPublish = () => {
    const target = document.getElementById('publish-title');
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  };
  return (
    <section className={styles.bar} aria-labelledby={labelId}>
      <span id={labelId} className={styles.barLabel}>
        {t('facilitatorBar')}
      </span>
      <FacilitatorMoves size="large" onPublish={showPublish} />
    </section>
  );
}

export function StagePage() {
  const t = useT(stageMessages);
  const services = useAppServices();
  const api = useSession();
  const instrument = useSessionInstrument();
  const facilitatorInStep3 = api.isFacilitator && api.snapshot?.session.value.state === 'step3';
  const publish = usePublish(instrument, facilitatorInStep3);

  if (api.status.kind === 'resolving' || (api.status.kind === 'ready' && !api.snapshot)) return <Loading label={t('loading')} />;
  if (api.status.kind === 'noSession') return <p style={{ padding: 16 }}>{t('noSession')}</p>;
  if (api.status.kind === 'failed') return <ErrorScreen error={api.status.error} onRetry={() => void api.refresh()} inSession />;
  if (!api.snapshot) return <Loading label={t('loading')} />;

  return (
    <>
      {api.commandError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{api.commandError}</MessageBarBody>
          <Button appearance="transparent" onClick={api.clearCommandError}>
            OK
          </Button>
        </MessageBar>
      )}
      {api.pollError !== null && api.pollError !== undefined && <p role="status">{t('pollProblem')}</p>}
      <SignInAgain error={api.pollError} onPress={() => void api.refresh()} />
      {api.isFacilitator ? <GroupViewNotice error={api.groupError} /> : null}
      <StageView
        instrument={instrument}
        snapshot={api.snapshot}
        meId={services.me.id}
        today={localCalendarDate(services.now())}
        now={services.now}
        newId={() => newActionId(services.random)}
        commands={api.commands}
        publish={publish}
        bar={<FacilitatorBar />}
        jointEditor={<JointStep2Editor instrument={instrument} sessionKey={api.snapshot.session.value.key} />}
      />
    </>
  );
}

export default StagePage;
