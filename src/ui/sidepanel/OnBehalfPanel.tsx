// The facilitator's side panel: their own answers, or those of someone they enter on that person's
// behalf (src/domain/onBehalf.ts). "Iemand toevoegen die niet zelf kan invullen" adds such a person;
// "Voor wie vult u in?" switches between the facilitator's own answers and each person added. The
// same step forms and sync indicator are used, with the person's own answers item (the facilitator's
// item in SharePoint, readable only by them and the site's owners until the group view shows it).
import { Button, Field, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { isJoint } from '../../domain/joint';
import { mayAddOnBehalf, mayAnswerFor, onBehalfWhom } from '../../domain/onBehalf';
import type { Domain, Participant, Response } from '../../domain/model';
import type { Versioned } from '../../graph/contracts';
import { describeErrorText } from '../common/errors';
import { Loading } from '../common/Loading';
import { defineMessages, useLocale, useT } from '../i18n';
import { useAppServices, useOwnResponse, useSession, useSessionInstrument } from '../session';
import { AddOnBehalfForm } from './AddOnBehalfForm';
import { Step1Form } from './Step1Form';
import { SyncIndicator } from './SyncIndicator';

const Step2Form = lazy(() => import(/* webpackChunkName: "sidepanel-step2" */ './Step2Form').then((m) => ({ default: m.Step2Form })));
const Step3Agenda = lazy(() => import(/* webpackChunkName: "sidepanel-step3" */ './Step3Agenda').then((m) => ({ default: m.Step3Agenda })));

const messages = defineMessages({
  nl: {
    add: 'Iemand toevoegen die niet zelf kan invullen',
    forWhom: 'Voor wie vult u in?',
    own: 'Mijn eigen antwoorden',
    onBehalfOption: 'Namens {whom}',
    fillingFor: 'U vult nu in namens {whom}. Dit wordt vastgelegd als ‘ingevuld door {by} namens {whom}’.',
    setup: 'De gespreksleider start zo stap 1; dan vult u hier de scores in.',
    revealed: 'De scores staan nu op het gedeelde scherm. Hieronder de scores die u namens deze persoon invulde.',
    closed: 'De sessie is afgesloten. De antwoorden blijven bewaard in SharePoint.',
    loading: 'Antwoorden laden…',
  },
  en: {
    add: 'Add someone who cannot fill it in themselves',
    forWhom: 'Whom are you filling in for?',
    own: 'My own answers',
    onBehalfOption: 'On behalf of {whom}',
    fillingFor: 'You are now filling in on behalf of {whom}. This is recorded as ‘entered by {by} on behalf of {whom}’.',
    setup: 'The facilitator will start step 1 shortly; then you enter the scores here.',
    revealed: 'The scores are on the shared stage now. Below are the scores you entered on behalf of this person.',
    closed: 'The session is closed. The answers stay in SharePoint.',
    loading: 'Loading answers…',
  },
});

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Someone to add, prefilled: from a notice about a meeting participant who cannot reach the site. */
export interface OnBehalfSuggestion {
  name: string;
  domain?: Domain;
  organisation?: string;
}

function Info({ children }: { children: ReactNode }) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}

/** The answers of one person entered on their behalf: the same forms as one's own, with their own item and sync. */
function OnBehalfAnswers({ participant, given }: { participant: Participant; given: Versioned<Response> | null }) {
  const t = useT(messages);
  const { me, now } = useAppServices();
  const { snapshot } = useSession();
  const instrument = useSessionInstrument();
  const answers = useOwnResponse(participant.id, given);
  if (!snapshot || answers.kind !== 'joined') return <Loading label={t('loading')} />;
  const session = snapshot.session.value;
  const { response, update } = answers;
  const editable = (part: 'scores' | 'step2') => mayAnswerFor({ id: me.id }, response.participant, part, session).ok;
  let body: ReactNode = null;
  switch (session.state) {
    case 'setup':
      body = <Info>{t('setup')}</Info>;
      break;
    case 'step1':
      body = <Step1Form instrument={instrument} response={response} editable={editable('scores')} onChange={update} now={now} />;
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
      body = <Step2Form instrument={instrument} response={response} editable={editable('step2')} onChange={update} now={now} />;
      break;
    case 'step3':
      body = <Step3Agenda instrument={instrument} proposer={response.participant} />;
      break;
    case 'closed':
      body = (
        <>
          <Info>{t('closed')}</Info>
          <Step3Agenda instrument={instrument} proposer={response.participant} />
        </>
      );
      break;
  }
  const whom = onBehalfWhom(response.participant);
  return (
    <>
      <Info>{t('fillingFor', { whom, by: response.participant.enteredBy?.name ?? me.displayName })}</Info>
      <SyncIndicator state={answers.sync} onRetry={() => void answers.retry()} />
      <Suspense fallback={<Loading label={t('loading')} />}>{body}</Suspense>
    </>
  );
}

export interface OnBehalfPanelProps {
  /** The facilitator's own answers, as the side panel shows them. */
  children: ReactNode;
  /** Someone to offer adding (from the notice about people without access); cleared by `onSuggestionUsed`. */
  suggestion?: OnBehalfSuggestion | null;
  onSuggestionUsed?: () => void;
}

export function OnBehalfPanel({ children, suggestion = null, onSuggestionUsed }: OnBehalfPanelProps) {
  const t = useT(messages);
  const locale = useLocale();
  const styles = useStyles();
  const { me } = useAppServices();
  const { snapshot, store, link } = useSession();
  const [whom, setWhom] = useState<string>('own');
  const [adding, setAdding] = useState(false);
  const [formOpen, setFormOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** People added here whose item the session read does not carry yet. */
  const [added, setAdded] = useState<Versioned<Response>[]>([]);
  if (!snapshot) return <>{children}</>;
  const session = snapshot.session.value;

  // The joint answer of stap 2 (src/domain/joint.ts) is entered by the facilitator too, on the stage; it is nobody to fill in for here.
  const read = snapshot.responses.filter((r) => r.value.participant.enteredBy?.id === me.id && !isJoint(r.value.participant));
  const people = [...read, ...added.filter((a) => !read.some((r) => r.value.participant.id === a.value.participant.id))];
  const chosen = people.find((p) => p.value.participant.id === whom) ?? null;
  const mayAdd = mayAddOnBehalf({ id: me.id }, session);
  const showForm = mayAdd && (formOpen || suggestion !== null);

  const add = async (participant: Participant) => {
    if (!store || !link) return;
    setAdding(true);
    setError(null);
    try {
      const joined = await store.join(link.key, participant);
      setAdded((prev) => [...prev, joined]);
      setWhom(participant.id);
      setFormOpen(false);
      onSuggestionUsed?.();
    } catch (err) {
      setError(describeErrorText(err, locale));
    } finally {
      setAdding(false);
    }
  };

  return (
    <div className={styles.root}>
      {people.length > 0 ? (
        <Field label={t('forWhom')}>
          <Select value={chosen ? whom : 'own'} onChange={(_, d) => setWhom(d.value)}>
            <option value="own">{t('own')}</option>
            {people.map((p) => (
              <option key={p.value.participant.id} value={p.value.participant.id}>
                {t('onBehalfOption', { whom: onBehalfWhom(p.value.participant) })}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {showForm ? (
        <AddOnBehalfForm
          key={suggestion?.name ?? 'new'}
          initial={suggestion ?? undefined}
          adding={adding}
          error={error}
          onAdd={(p) => void add(p)}
          onCancel={() => {
            setFormOpen(false);
            setError(null);
            onSuggestionUsed?.();
          }}
        />
      ) : mayAdd ? (
        <div>
          <Button onClick={() => setFormOpen(true)}>{t('add')}</Button>
        </div>
      ) : null}
      {chosen ? <OnBehalfAnswers key={chosen.value.participant.id} participant={chosen.value.participant} given={chosen} /> : children}
    </div>
  );
}
