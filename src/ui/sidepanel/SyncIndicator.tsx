// Whether the person's own answers are safe, announced politely to screen readers.
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { SyncState } from '../../graph/contracts';
import { describeErrorText } from '../common/errors';
import { defineMessages, useLocale, useT } from '../i18n';

const messages = defineMessages({
  nl: {
    saved: 'Opgeslagen',
    saving: 'Opslaan…',
    offlineOne: 'Geen verbinding: 1 wijziging wacht en wordt later verstuurd',
    offlineMany: 'Geen verbinding: {count} wijzigingen wachten en worden later verstuurd',
    error: 'Niet opgeslagen. {reason}',
    retry: 'Opnieuw proberen',
  },
  en: {
    saved: 'Saved',
    saving: 'Saving…',
    offlineOne: 'No connection: 1 change is waiting and will be sent later',
    offlineMany: 'No connection: {count} changes are waiting and will be sent later',
    error: 'Not saved. {reason}',
    retry: 'Try again',
  },
});

const useStyles = makeStyles({
  // Sticky: someone editing far down stap 2 still sees "Geen verbinding" or an error appear.
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    minHeight: '24px',
    position: 'sticky',
    top: 0,
    zIndex: 1,
    paddingBlock: tokens.spacingVerticalXXS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function SyncIndicator({ state, onRetry }: { state: SyncState; onRetry: () => void }) {
  const t = useT(messages);
  const locale = useLocale();
  const styles = useStyles();
  let text: string;
  switch (state.kind) {
    case 'saved':
      text = t('saved');
      break;
    case 'saving':
      text = t('saving');
      break;
    case 'offline':
      text = state.pending === 1 ? t('offlineOne') : t('offlineMany', { count: state.pending });
      break;
    case 'error':
      text = t('error', { reason: describeErrorText(state.reason, locale) });
      break;
  }
  return (
    <div className={styles.root}>
      <Caption1 role="status" aria-live="polite" className={state.kind === 'error' ? styles.error : undefined}>
        {text}
      </Caption1>
      {state.kind === 'error' || state.kind === 'offline' ? (
        <Button size="small" onClick={onRetry}>
          {t('retry')}
        </Button>
      ) : null}
    </div>
  );
}
