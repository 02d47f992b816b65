// Whether the person's own answers are safe, announced politely to screen readers. "Opgeslagen" only
// for what SharePoint confirmed; waiting changes are promised "later verstuurd" only when a local
// draft a crash cannot lose holds them (`kept`, src/graph/contracts.ts SyncState).
import { Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { SyncState } from '../../graph/contracts';
import { describeErrorText, needsSignInPress, signInPressMessages } from '../common/errors';
import { defineMessages, useLocale, useT } from '../i18n';

const messages = defineMessages({
  nl: {
    saved: 'Opgeslagen',
    saving: 'Opslaan…',
    offlineOne: 'Geen verbinding: 1 wijziging wacht en wordt later verstuurd',
    offlineMany: 'Geen verbinding: {count} wijzigingen wachten en worden later verstuurd',
    offlineOneUnkept: 'Geen verbinding: 1 wijziging wacht en is op dit apparaat niet veilig bewaard. Sluit dit venster niet.',
    offlineManyUnkept: 'Geen verbinding: {count} wijzigingen wachten en zijn op dit apparaat niet veilig bewaard. Sluit dit venster niet.',
    error: 'Niet opgeslagen. {reason}',
    errorUnkept: 'Niet opgeslagen. {reason} Uw wijzigingen zijn op dit apparaat niet veilig bewaard: sluit dit venster niet.',
    retry: 'Opnieuw proberen',
  },
  en: {
    saved: 'Saved',
    saving: 'Saving…',
    offlineOne: 'No connection: 1 change is waiting and will be sent later',
    offlineMany: 'No connection: {count} changes are waiting and will be sent later',
    offlineOneUnkept: 'No connection: 1 change is waiting and is not safely kept on this device. Keep this window open.',
    offlineManyUnkept: 'No connection: {count} changes are waiting and are not safely kept on this device. Keep this window open.',
    error: 'Not saved. {reason}',
    errorUnkept: 'Not saved. {reason} Your changes are not safely kept on this device: keep this window open.',
    retry: 'Try again',
  },
});

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    minHeight: '24px',
  },
  // Sticky: someone editing far down stap 2 still sees "Geen verbinding" or an error appear; below
  // the facilitator's moves when those stick to the top too (FacilitatorMoves sets the offset).
  sticky: {
    position: 'sticky',
    top: 'var(--gesprekstool-sticky-offset, 0px)',
    zIndex: 1,
    paddingBlock: tokens.spacingVerticalXXS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** `inline`: beside a single field (a note on the stage) rather than stuck to the top of the panel. */
export function SyncIndicator({ state, onRetry, inline = false }: { state: SyncState; onRetry: () => void; inline?: boolean }) {
  const t = useT(messages);
  const press = useT(signInPressMessages);
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
      if (state.kept) text = state.pending === 1 ? t('offlineOne') : t('offlineMany', { count: state.pending });
      else text = state.pending === 1 ? t('offlineOneUnkept') : t('offlineManyUnkept', { count: state.pending });
      break;
    case 'error':
      text = t(state.kept ? 'error' : 'errorUnkept', { reason: describeErrorText(state.reason, locale) });
      break;
  }
  return (
    <div className={inline ? styles.root : mergeClasses(styles.root, styles.sticky)}>
      <Caption1 role="status" aria-live="polite" className={state.kind === 'error' ? styles.error : undefined}>
        {text}
      </Caption1>
      {state.kind === 'error' || state.kind === 'offline' ? (
        <Button size="small" onClick={onRetry}>
          {/* A save that needed Teams' sign-in window: the press sends again and lets the window open. */}
          {state.kind === 'error' && needsSignInPress(state.reason) ? press('signIn') : t('retry')}
        </Button>
      ) : null}
    </div>
  );
}
