// The side panel (~320 px, one per participant): join, then the step the facilitator has opened,
// with the person's own answers only, and whether they are saved.
import { Body1, Body1Strong, Caption1, MessageBar, MessageBarBody, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, type ReactNode } from 'react';
import { visibleProgress } from '../../domain/groupView';
import { isEditable } from '../../domain/sessionState';
import type { SessionState, StepId } from '../../domain/model';
import { ErrorScreen } from '../common/ErrorScreen';
import { SignInAgain } from '../common/SignInAgain';
import { Loading } from '../common/Loading';
import { defineMessages, useT } from '../i18n';
import { useAppServices, useOwnResponse, useSession, useSessionInstrument } from '../session';
import { JoinForm } from './JoinForm';
import { Step1Form } from './Step1Form';
import { OwnAnswerNotices } from './OwnAnswerNotices';
import { SyncIndicator } from './SyncIndicator';

// Stap 2 (checkboxes, accordions, the inspiration dialog) and stap 3 (the agenda) are their own
// chunks: a side panel that opens on the join form or stap 1 is usable before they arrive.
const Step2Form = lazy(() => import(/* webpackChunkName: "sidepanel-step2" */ './Step2Form').then((m) => ({ default: m.Step2Form })));
const Step3Agenda = lazy(() => import(/* webpackChunkName: "sidepanel-step3" */ './Step3Agenda').then((m) => ({ default: m.Step3Agenda })));
// The facilitator's controls, dialogs and on-behalf forms: a participant's panel never fetches them.
const facilitatorSide = () => import(/* webpackChunkName: "sidepanel-facilitator" */ './FacilitatorSide');
const FacilitatorHeader = lazy(() => facilitatorSide().then((m) => ({ default: m.FacilitatorHeader })));
const OnBehalfPanel = lazy(() => facilitatorSide().then((m) => ({ default: m.OnBehalfPanel })));

const messages = defineMessages({
  nl: {
    loading: 'Sessie laden…',
    noSession: 'Deze vergadering heeft nog geen sessie. De organisator stelt de Gesprekstool in via het tabblad van de app.',
    state_setup: 'Voorbereiding',
    state_step1: 'Stap 1: de balans opmaken',
    state_revealed: 'Stap 1: scores onthuld',
    state_step2: 'Stap 2: verdieping',
    state_step3: 'Stap 3: actieagenda',
    state_closed: 'Afgesloten',
    setupWait: 'U doet mee als {name}. De gespreksleider start zo stap 1.',
    preview: 'Alvast lezen: de zes stellingen van stap 1',
    revealed: 'De scores van iedereen staan nu op het gedeelde scherm. Hieronder ziet u uw eigen scores.',
    locked: 'De gespreksleider heeft de invoer voor deze stap gesloten. U kunt uw antwoorden bekijken, niet wijzigen.',
    closed: 'De sessie is afgesloten. Uw antwoorden blijven bewaard in SharePoint; u kunt ze bekijken, niet wijzigen.',
    stale: 'De sessie kon even niet worden bijgewerkt; wat u ziet, kan iets verouderd zijn.',
    joint: 'Stap 2 vult de groep samen in, op het gedeelde scherm: de gespreksleider vinkt daar aan wat de groep kiest. U hoeft hier niets in te vullen.',
    cleared: 'Uw eerdere antwoorden waren in SharePoint met de hand gewijzigd. Wat nog te lezen was, is bewaard; leeggemaakt is: {what}. Vul dat zo nodig opnieuw in.',
    cleared_score: 'de score bij stelling {theme}',
    cleared_WeetNiet: 'de ‘weet niet’-markeringen die niet klopten',
    cleared_Stap2Json: 'uw antwoorden in stap 2',
    cleared_done: 'wanneer u klaar was met een stap',
    cleared_other: 'kolom {column}',
  },
  en: {
    loading: 'Loading the session…',
    noSession: "This meeting has no session yet. The organiser sets up the conversation tool in the app's tab.",
    state_setup: 'Preparation',
    state_step1: 'Step 1: taking stock',
    state_revealed: 'Step 1: scores revealed',
    state_step2: 'Step 2: deepening',
    state_step3: 'Step 3: action agenda',
    state_closed: 'Closed',
    setupWait: 'You take part as {name}. The facilitator will start step 1 shortly.',
    preview: 'Read ahead: the six statements of step 1',
    revealed: "Everyone's scores are on the shared stage now. Below are your own scores.",
    locked: 'The facilitator has closed input for this step. You can look at your answers, not change them.',
    closed: 'The session is closed. Your answers stay in SharePoint; you can look at them, not change them.',
    stale: 'The session could not be updated for a moment; what you see may be slightly out of date.',
    joint: 'The group fills in step 2 together, on the shared stage: the facilitator ticks there what the group chooses. You do not need to fill in anything here.',
    cleared: 'Your earlier answers had been edited by hand in SharePoint. What could still be read was kept; cleared: {what}. Fill that in again if needed.',
    cleared_score: 'the score for statement {theme}',
    cleared_WeetNiet: 'the ‘don’t know’ marks that did not fit',
    cleared_Stap2Json: 'your answers in step 2',
    cleared_done: 'when you were done with a step',
    cleared_other: 'column {column}',
  },
});

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: '100%',
    boxSizing: 'border-box',
    overflowWrap: 'anywhere',
    // A native select is as wide as its longest option (theme titles are long): let it shrink to
    // the 320 px panel instead of pushing the page sideways.
    '& select': { minWidth: 0, maxWidth: '100%', textOverflow: 'ellipsis' },
    '& .fui-Select': { minWidth: 0, maxWidth: '100%' },
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  preview: { margin: `${tokens.spacingVerticalS} 0 0`, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const STEP_OF: Partial<Record<SessionState, StepId>> = { step1: 'step1', revealed: 'step1', step2: 'step2', step3: 'step3' };

function Info({ children }: { children: ReactNode }) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}

export function SidePanel() {
  const t = useT(messages);
  const styles = useStyles();
  const { me, now } = useAppServices();
  const session = useSession();
  const instrument = useSessionInstrument();
  const own = useOwnResponse();

  if (session.status.kind === 'resolving' || (session.status.kind === 'ready' && !session.snapshot)) return <Loading label={t('loading')} />;
  if (session.status.kind === 'noSession') return <main className={styles.root}><Body1>{t('noSession')}</Body1></main>;
  if (session.status.kind === 'failed' || !session.snapshot) {
    if (session.status.kind === 'failed') return <ErrorScreen error={session.status.error} onRetry={() => void session.refresh()} inSession />;
    return <Loading label={t('loading')} />;
  }

  const { value: current } = session.snapshot.session;
  const step = STEP_OF[current.state];
  const progress = step ? visibleProgress(current, session.snapshot.responses.map((r) => r.value), step) : null;

  let body: ReactNode;
  let restoredNote: ReactNode = null;
  if (own.kind === 'waiting') body = <Loading label={t('loading')} />;
  else if (own.kind === 'notJoined') body = <JoinForm onJoin={(p) => void own.join(p)} joining={own.joining} error={own.error} />;
  else {
    const { response, update } = own;
    const lockedNote = current.locked && current.state !== 'closed' ? <Info>{t('locked')}</Info> : null;
    const clearedText = [...new Set(own.cleared.map((column) => {
      const score = /^Score([A-F])$/.exec(column);
      if (score) return t('cleared_score', { theme: score[1] ?? '' });
      if (column === 'WeetNiet' || column === 'Stap2Json') return t(`cleared_${column}`);
      if (/^KlaarStap\d$/.test(column)) return t('cleared_done');
      return t('cleared_other', { column });
    }))].join(', ');
    restoredNote = (
      <>
        {clearedText === '' ? null : (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t('cleared', { what: clearedText })}</MessageBarBody>
          </MessageBar>
        )}
        <OwnAnswerNotices instrument={instrument} response={response} futureDraft={own.futureDraft} />
      </>
    );
    switch (current.state) {
      case 'setup':
        body = (
          <>
            <Info>{t('setupWait', { name: response.participant.name })}</Info>
            <section aria-labelledby="preview-heading">
              <Body1Strong as="h2" id="preview-heading" block>
                {t('preview')}
              </Body1Strong>
              <ol className={styles.preview}>
                {instrument.themes.map((theme) => (
                  <li key={theme.id}>
                    <Body1>
                      {theme.id}. {theme.statement}
                    </Body1>
                  </li>
                ))}
              </ol>
            </section>
          </>
        );
        break;
      case 'step1':
        body = (
          <>
            {lockedNote}
            <Step1Form instrument={instrument} response={response} editable={isEditable(current, 'scores', me.id)} onChange={update} now={now} />
          </>
        );
        break;
      case 'revealed':
        body = (
          <>
            <Info>{t('revealed')}</Info>
            <Step1Form instrument={instrument} response={response} editable={false} onChange={update} now={now} />
          </>
        );
        break;
      case 'step2':
        body = (
          <>
            {lockedNote}
            {/* Filled in together: the group's answer is made on the stage (src/ui/stage/JointStep2Editor.tsx), so no greyed-out form of one's own here. */}
            {current.mode === 'joint' && !session.isFacilitator ? (
              <Info>{t('joint')}</Info>
            ) : (
              <Step2Form instrument={instrument} response={response} editable={isEditable(current, 'step2', me.id)} onChange={update} now={now} />
            )}
          </>
        );
        break;
      case 'step3':
        body = (
          <>
            {lockedNote}
            <Step3Agenda instrument={instrument} />
          </>
        );
        break;
      case 'closed':
        body = (
          <>
            <Info>{t('closed')}</Info>
            <Step3Agenda instrument={instrument} />
          </>
        );
        break;
    }
  }

  const ownAnswers = (
    <>
      {own.kind === 'joined' ? <SyncIndicator state={own.sync} onRetry={() => void own.retry()} /> : null}
      {restoredNote}
      <Suspense fallback={<Loading label={t('loading')} />}>{body}</Suspense>
    </>
  );

  const notices = (
    <>
      {session.commandError ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{session.commandError}</MessageBarBody>
        </MessageBar>
      ) : null}
      {session.pollError ? <Caption1>{t('stale')}</Caption1> : null}
      <SignInAgain error={session.pollError} onPress={() => void session.refresh()} />
    </>
  );

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Subtitle1 as="h1">{current.title}</Subtitle1>
        <Caption1>
          {current.municipality} · {t(`state_${current.state}`)}
        </Caption1>
      </header>
      {session.isFacilitator ? (
        // One boundary for the facilitator's chunk, so their answers mount once, inside OnBehalfPanel.
        <Suspense fallback={<Loading label={t('loading')} />}>
          <FacilitatorHeader session={current} progress={progress} invalid={session.snapshot.invalid} groupError={session.groupError} />
          {notices}
          <OnBehalfPanel>{ownAnswers}</OnBehalfPanel>
        </Suspense>
      ) : (
        <>
          {notices}
          {ownAnswers}
        </>
      )}
    </main>
  );
}
