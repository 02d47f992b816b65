// Stap 2 filled in together, on the facilitator's stage: the same inputs as the side panel's stap 2
// (src/ui/sidepanel/Step2Form.tsx) with the same sync indicator, bound to the joint record
// (src/domain/joint.ts), an answers item the facilitator writes on behalf of "Samen", never their
// own. Created the first time the stage shows stap 2; its id follows from the session key, so a
// second window finds the same item (src/graph/sessionStore.ts join). Everyone else's stage shows
// what is ticked here as the "Samen" column (Step2Overview), through the group view.
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useId } from 'react';
import { jointId, jointParticipant, mayAnswerJointly } from '../../domain/joint';
import type { Instrument } from '../../domain/instrument';
import { Loading } from '../common/Loading';
import { useT } from '../i18n';
import { useAppServices, useOwnResponse, useSession } from '../session';
import { SyncIndicator } from '../sidepanel/SyncIndicator';
import { jointMessages } from './jointMessages';

const Step2Form = lazy(() => import(/* webpackChunkName: "sidepanel-step2" */ '../sidepanel/Step2Form').then((m) => ({ default: m.Step2Form })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { margin: 0 },
});

export function JointStep2Editor({ instrument, sessionKey }: { instrument: Instrument; sessionKey: string }) {
  const t = useT(jointMessages);
  const styles = useStyles();
  const headingId = useId();
  const { me, now } = useAppServices();
  const { snapshot } = useSession();
  const answers = useOwnResponse(jointId(sessionKey), null);
  const session = snapshot?.session.value ?? null;
  const editable = session !== null && mayAnswerJointly({ id: me.id }, session);

  // The first time: create the joint record (once; after a failure only "Opnieuw proberen" tries again).
  const shouldJoin = answers.kind === 'notJoined' && !answers.joining && answers.error === null && editable;
  useEffect(() => {
    if (shouldJoin && answers.kind === 'notJoined') void answers.join(jointParticipant(sessionKey, { id: me.id, name: me.displayName }));
    // `answers` changes every render; `shouldJoin` says when to act.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shouldJoin, sessionKey, me.id, me.displayName]);

  let body;
  if (answers.kind === 'joined') {
    body = (
      <>
        <SyncIndicator state={answers.sync} onRetry={() => void answers.retry()} />
        <Suspense fallback={<Loading label={t('creating')} />}>
          <Step2Form instrument={instrument} response={answers.response} editable={editable} onChange={answers.update} now={now} showDone={false} />
        </Suspense>
      </>
    );
  } else if (answers.kind === 'notJoined' && answers.error !== null) {
    body = (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{t('createFailed', { error: answers.error })}</MessageBarBody>
        <Button onClick={() => void answers.join(jointParticipant(sessionKey, { id: me.id, name: me.displayName }))}>{t('retry')}</Button>
      </MessageBar>
    );
  } else if (answers.kind === 'notJoined' && !editable) body = <p>{t('jointNone')}</p>;
  else body = <Loading label={t('creating')} />;

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('editorTitle')}</h2>
      <p className={styles.intro}>{t('editorIntro')}</p>
      {body}
    </section>
  );
}
