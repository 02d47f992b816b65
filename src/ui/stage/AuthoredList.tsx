// Free texts and comments with who wrote them ("Sanne van 't Hof (Armoede): …"), always as text:
// React escapes them, so markup someone typed is shown, never run. Shared by the stap-2 overview
// (Step2Overview) and the stage's stap 2 theme by theme (Step2Theme).
import { makeStyles } from '@fluentui/react-components';
import type { Response } from '../../domain/model';
import { useT } from '../i18n';
import { stageMessages } from './messages';

const useStyles = makeStyles({
  freeText: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

export interface AuthoredItem {
  participantId: string;
  /** The name as the display setting shows it (src/ui/charts/displayText.ts displayedResponses). */
  name: string;
  text: string;
}

export function AuthoredList({ items, label }: { items: readonly AuthoredItem[]; label?: string }) {
  const t = useT(stageMessages);
  const styles = useStyles();
  return (
    <ul aria-label={label}>
      {items.map((item, i) => (
        <li key={`${item.participantId}-${i}`} className={styles.freeText}>
          <strong>{t('wroteBy', { name: item.name })}</strong> {item.text}
        </li>
      ))}
    </ul>
  );
}

/** Whether someone's stap 2 holds any tick or comment. */
export function hasStep2Answers(step2: Response['step2']): boolean {
  return Object.values(step2.questions).some((a) => a.selected.length > 0) || Object.values(step2.comments).some((c) => c !== undefined && c.trim() !== '');
}
