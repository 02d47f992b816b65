// "Publiceer naar Planner": the agenda becomes Planner tasks. Progress is announced as it goes
// (publishing 30 actions takes several round trips), and afterwards every action says what happened
// to it, with a link to its task. People who could not be assigned are named: Planner only assigns
// members of the group, and a silent unassigned task would look like nobody's job.
import { Button, Link, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ActionItem } from '../../domain';
import type { PublishOutcome, PublishProgress, PublishResult } from '../../graph/contracts';
import { describeErrorText } from '../common/errors';
import { useLocale, useT } from '../i18n';
import { stageMessages, type StageMessageKey } from './messages';

const useStyles = makeStyles({
  list: { paddingLeft: '1.2em' },
  failed: { color: tokens.colorPaletteRedForeground1 },
  warning: { fontWeight: tokens.fontWeightSemibold },
});

export interface PublishPanelProps {
  actions: readonly Pick<ActionItem, 'id' | 'title'>[];
  /** The Planner group's display name, when known. */
  groupName: string | null;
  hasGroup: boolean;
  editable: boolean;
  publish: (onProgress: (progress: PublishProgress) => void) => Promise<PublishResult>;
}

type PublishState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: PublishProgress | null }
  | { kind: 'done'; result: PublishResult }
  | { kind: 'failed'; message: string };

const STEP_KEYS: Record<PublishProgress['step'], StageMessageKey> = {
  plan: 'publishStepPlan',
  buckets: 'publishStepBuckets',
  labels: 'publishStepLabels',
  tasks: 'publishStepTasks',
  details: 'publishStepDetails',
  writeBack: 'publishStepWriteBack',
  finished: 'publishStepFinished',
};

const OUTCOME_KEYS: Record<Exclude<PublishOutcome['kind'], 'failed'>, StageMessageKey> = {
  created: 'outcomeCreated',
  updated: 'outcomeUpdated',
  unchanged: 'outcomeUnchanged',
};

/** Someone else holds the session's publishing claim: the Graph layer names them (PublishBusyError). */
function busyClaim(err: unknown): { by: string; until: string } | null {
  if (typeof err !== 'object' || err === null) return null;
  const { code, by, until } = err as { code?: unknown; by?: unknown; until?: unknown };
  return code === 'publishBusy' && typeof by === 'string' && typeof until === 'string' ? { by, until } : null;
}

/** The publisher reports a failed action as "<code>: <Graph message>"; people get the code's sentence. */
function reasonCode(reason: string): string {
  const colon = reason.indexOf(':');
  return colon > 0 ? reason.slice(0, colon) : reason;
}

export function PublishPanel({ actions, groupName, hasGroup, editable, publish }: PublishPanelProps) {
  const t = useT(stageMessages);
  const locale = useLocale();
  const styles = useStyles();
  const [state, setState] = useState<PublishState>({ kind: 'idle' });

  const start = async () => {
    setState({ kind: 'running', progress: null });
    try {
      const result = await publish((progress) => setState({ kind: 'running', progress }));
      setState({ kind: 'done', result });
    } catch (err) {
      const busy = busyClaim(err);
      const time = busy ? new Date(busy.until).toLocaleTimeString(locale === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit' }) : '';
      setState({ kind: 'failed', message: busy ? t('publishBusy', { name: busy.by, time }) : t('publishFailed', { reason: describeErrorText(err, locale) }) });
    }
  };

  const titleOf = (outcome: PublishOutcome) => outcome.title ?? actions.find((a) => a.id === outcome.actionId)?.title ?? outcome.actionId;
  const count = (result: PublishResult, kind: PublishOutcome['kind']) => result.outcomes.filter((o) => o.kind === kind).length;
  // Actions on the agenda now that the run did not include (saved after it read the agenda): named, never silently left out.
  const notYet = state.kind === 'done' ? actions.filter((a) => !state.result.outcomes.some((o) => o.actionId === a.id)) : [];
  const progress = state.kind === 'running' ? state.progress : null;

  return (
    <section aria-labelledby="publish-title">
      <h2 id="publish-title" tabIndex={-1}>{t('publishTitle')}</h2>
      {!hasGroup && <p>{t('publishNoGroup')}</p>}
      {hasGroup && actions.length === 0 && <p>{t('publishNoActions')}</p>}
      {editable && (
        <Button appearance="primary" disabled={!hasGroup || actions.length === 0 || state.kind === 'running'} onClick={() => void start()}>
          {t('publishButton')}
        </Button>
      )}
      {state.kind === 'running' && (
        <ProgressBar
          style={{ marginTop: 12 }}
          value={progress && progress.total > 0 ? progress.done / progress.total : undefined}
          aria-label={t('publishTitle')}
          thickness="large"
        />
      )}
      <p role="status" aria-live="polite">
        {progress ? t('publishProgress', { step: t(STEP_KEYS[progress.step]), done: progress.done, total: progress.total }) : ''}
        {state.kind === 'done'
          ? t(notYet.length > 0 ? 'publishDoneNotYet' : 'publishDone', {
              created: count(state.result, 'created'),
              updated: count(state.result, 'updated'),
              unchanged: count(state.result, 'unchanged'),
              failed: count(state.result, 'failed'),
              notYet: notYet.length,
            })
          : ''}
      </p>
      {state.kind === 'failed' && <p role="alert">{state.message}</p>}
      {state.kind === 'done' && (
        <>
          {state.result.nonMembers.length > 0 && (
            <ul className={styles.list}>
              {state.result.nonMembers.map((person) => (
                <li key={person.id} className={styles.warning}>
                  {t('nonMember', { name: person.name, group: groupName ?? t('nonMemberGroupFallback') })}
                </li>
              ))}
            </ul>
          )}
          <ul className={styles.list}>
            {state.result.outcomes.map((outcome) => (
              <li key={outcome.actionId} className={outcome.kind === 'failed' ? styles.failed : undefined}>
                <span>{titleOf(outcome)}</span>
                {': '}
                {outcome.kind === 'failed' ? (
                  t('outcomeFailed', { reason: describeErrorText(reasonCode(outcome.reason), locale) })
                ) : (
                  <>
                    {t(OUTCOME_KEYS[outcome.kind])} ·{' '}
                    <Link href={outcome.taskUrl} target="_blank" rel="noreferrer">
                      {t('plannerTask')}
                    </Link>
                  </>
                )}
              </li>
            ))}
            {notYet.map((action) => (
              <li key={action.id} className={styles.failed}>
                <span>{action.title}</span>
                {': '}
                {t('outcomeNotYet')}
              </li>
            ))}
          </ul>
          <Link href={state.result.planUrl} target="_blank" rel="noreferrer">
            {t('openPlan')}
          </Link>
        </>
      )}
    </section>
  );
}
