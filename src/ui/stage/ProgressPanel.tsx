// Who has joined and who is done, so the facilitator knows when to reveal or move on. It shows how
// far someone is, never what they chose (stepProgress counts answers, it does not read them).
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { StepProgress } from '../../domain';
import { useT } from '../i18n';
import { useMarkedName } from '../common/OnBehalf';
import { stageMessages } from './messages';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(16em, 1fr))', gap: tokens.spacingHorizontalM },
  item: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  done: { borderLeft: `6px solid ${tokens.colorPaletteGreenBorderActive}` },
  busy: { borderLeft: `6px solid ${tokens.colorNeutralStroke1}` },
  name: { display: 'block', fontWeight: tokens.fontWeightSemibold },
});

export function ProgressPanel({ progress, questionCount }: { progress: StepProgress; questionCount: number }) {
  const t = useT(stageMessages);
  const styles = useStyles();
  const marked = useMarkedName();
  const busyText = (answered: number) =>
    progress.step === 'step1'
      ? t('progressBusyStep1', { answered })
      : progress.step === 'step2'
        ? t('progressBusyStep2', { answered, total: questionCount })
        : t('progressBusy');
  return (
    <section aria-labelledby="stage-progress-title">
      <h2 id="stage-progress-title">{t('progressTitle')}</h2>
      <p aria-live="polite">{t('progressSummary', { joined: progress.joined, done: progress.done })}</p>
      {progress.participants.length === 0 ? (
        <p>{t('progressNobody')}</p>
      ) : (
        <ul className={styles.list}>
          {progress.participants.map((p) => (
            <li key={p.participantId} className={mergeClasses(styles.item, p.done ? styles.done : styles.busy)}>
              <span className={styles.name}>{marked({ name: p.name, ...(p.enteredBy ? { enteredBy: { id: '', name: p.enteredBy } } : {}) })}</span>
              <span>{p.done ? `✓ ${t('progressDone')}` : busyText(p.answered)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
