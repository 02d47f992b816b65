// The gespreksleider's controls: move the group through the steps, close input, and put the app on
// the shared stage. Shown only to the session's facilitator; the domain decides what is allowed.
import { Button, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { canTransition, isEditable, nextState, previousState } from '../../domain/sessionState';
import type { Session, SessionState } from '../../domain/model';
import { describeErrorText } from '../common/errors';
import { defineMessages, useT } from '../i18n';
import { sessionUrl, useAppServices, useSession } from '../session';

const messages = defineMessages({
  nl: {
    heading: 'Gespreksleider',
    to_step1: 'Start stap 1',
    to_revealed: 'Scores onthullen',
    to_step2: 'Naar stap 2',
    to_step3: 'Naar stap 3',
    to_closed: 'Sessie afsluiten',
    back_revealed: 'Terug naar de scores',
    back_step2: 'Terug naar stap 2',
    back_step3: 'Actieagenda heropenen',
    lock: 'Invoer sluiten',
    unlock: 'Invoer openen',
    share: 'Delen naar stage',
    shared: 'De app staat op het gedeelde scherm.',
    doneCount: '{done} van {joined} deelnemers klaar',
  },
  en: {
    heading: 'Facilitator',
    to_step1: 'Start step 1',
    to_revealed: 'Reveal scores',
    to_step2: 'Go to step 2',
    to_step3: 'Go to step 3',
    to_closed: 'Close the session',
    back_revealed: 'Back to the scores',
    back_step2: 'Back to step 2',
    back_step3: 'Reopen the action agenda',
    lock: 'Close input',
    unlock: 'Open input',
    share: 'Share to stage',
    shared: 'The app is on the shared stage.',
    doneCount: '{done} of {joined} participants done',
  },
});

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalS, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type ForwardKey = `to_${Exclude<SessionState, 'setup'>}`;
type BackKey = 'back_revealed' | 'back_step2' | 'back_step3';

export function FacilitatorControls({ session, progress }: { session: Session; progress: { done: number; joined: number } | null }) {
  const { host, me, config, locale } = useAppServices();
  const { commands, busy, link } = useSession();
  const t = useT(messages);
  const styles = useStyles();
  const [canShare, setCanShare] = useState(false);
  const [shareError, setShareError] = useState<string | null>(null);
  const [shared, setShared] = useState(false);

  useEffect(() => {
    let cancelled = false;
    host.stage.canShare().then(
      (can) => !cancelled && setCanShare(can),
      () => !cancelled && setCanShare(false),
    );
    return () => {
      cancelled = true;
    };
  }, [host]);

  const next = nextState(session.state);
  const previous = previousState(session.state);
  const mayLock = isEditable(session, 'lock', me.id);

  return (
    <section className={styles.root} aria-labelledby="facilitator-heading">
      <Subtitle2 as="h2" id="facilitator-heading">
        {t('heading')}
      </Subtitle2>
      {progress ? <span>{t('doneCount', progress)}</span> : null}
      <div className={styles.row}>
        {next && canTransition(session, me.id, next) ? (
          <Button appearance="primary" disabled={busy} onClick={() => void commands.transition(next)}>
            {t(`to_${next}` as ForwardKey)}
          </Button>
        ) : null}
        {previous && canTransition(session, me.id, previous) ? (
          <Button disabled={busy} onClick={() => void commands.transition(previous)}>
            {t(`back_${previous}` as BackKey)}
          </Button>
        ) : null}
        {mayLock ? (
          <Button disabled={busy} onClick={() => void commands.setLocked(!session.locked)}>
            {session.locked ? t('unlock') : t('lock')}
          </Button>
        ) : null}
        {canShare && link ? (
          <Button
            onClick={() => {
              setShareError(null);
              host.stage.share(sessionUrl(config.appOrigin, link)).then(
                () => setShared(true),
                (err: unknown) => setShareError(describeErrorText(err, locale)),
              );
            }}
          >
            {t('share')}
          </Button>
        ) : null}
      </div>
      {shared ? <span role="status">{t('shared')}</span> : null}
      {shareError ? (
        <MessageBar intent="error">
          <MessageBarBody>{shareError}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
