// The gespreksleider's controls: move the group through the steps, close input, and put the app on
// the shared stage. Shown only to the session's facilitator; the domain decides what is allowed.
// Sticky at the top of the panel, so the moves stay in reach far down stap 2; the panel's sync
// indicator sticks just below it (the height is published as --gesprekstool-sticky-offset).
import { Button, Checkbox, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Session } from '../../domain/model';
import { describeErrorText } from '../common/errors';
import { defineMessages, useT } from '../i18n';
import { FacilitatorMoves } from '../facilitator/FacilitatorMoves';
import { sessionUrl, useAppServices, useSession } from '../session';

const messages = defineMessages({
  nl: {
    heading: 'Gespreksleider',
    share: 'Delen naar stage',
    shared: 'De app staat op het gedeelde scherm.',
    screenShare: 'Als schermdeling delen, zodat ook deelnemers van buiten de organisatie meekijken',
    screenShareHint: 'Dan draait de app alleen bij u; de anderen zien uw podium als beeld en kunnen er niets in doen.',
    doneCount: '{done} van {joined} deelnemers klaar',
  },
  en: {
    heading: 'Facilitator',
    share: 'Share to stage',
    shared: 'The app is on the shared stage.',
    screenShare: 'Share as a screen share, so participants from outside the organisation can watch too',
    screenShareHint: 'The app then runs only for you; the others see your stage as a picture and cannot act in it.',
    doneCount: '{done} of {joined} participants done',
  },
});

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  titleRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, flexBasis: '100%' },
});

const OFFSET = '--gesprekstool-sticky-offset';

/** Publishes the element's height as a CSS variable, so other sticky things sit below it. */
function useStickyOffset(): (element: HTMLElement | null) => void {
  const [element, setElement] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!element) return;
    const root = element.ownerDocument.documentElement;
    const apply = () => root.style.setProperty(OFFSET, `${element.getBoundingClientRect().height}px`);
    apply();
    const Observer = element.ownerDocument.defaultView?.ResizeObserver;
    const observer = Observer ? new Observer(apply) : null;
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      root.style.removeProperty(OFFSET);
    };
  }, [element]);
  return setElement;
}

export function FacilitatorControls({ progress }: { session: Session; progress: { done: number; joined: number } | null }) {
  const { host, config, locale } = useAppServices();
  const { link } = useSession();
  const stickyRef = useStickyOffset();
  const t = useT(messages);
  const styles = useStyles();
  const [canShare, setCanShare] = useState(false);
  const [shareError, setShareError] = useState<string | null>(null);
  const [shared, setShared] = useState(false);
  // Partners from another organisation's tenant cannot run the app with their own account; a screen
  // share shows them the facilitator's stage (teams-js SharingProtocol.ScreenShare).
  const [screenShare, setScreenShare] = useState(false);

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

  return (
    <>
      <section className={styles.root} aria-labelledby="facilitator-heading" ref={stickyRef}>
        <div className={styles.titleRow}>
          <Subtitle2 as="h2" id="facilitator-heading">
            {t('heading')}
          </Subtitle2>
          {progress ? <span>{t('doneCount', progress)}</span> : null}
        </div>
        <FacilitatorMoves />
      </section>
      {/* Sharing is done once: it scrolls away with the panel, the moves stay. */}
      {canShare && link ? (
        <div className={styles.row}>
          <Button
            onClick={() => {
              setShareError(null);
              host.stage.share(sessionUrl(config.appOrigin, link, 'stage'), { screenShare }).then(
                () => setShared(true),
                (err: unknown) => setShareError(describeErrorText(err, locale)),
              );
            }}
          >
            {t('share')}
          </Button>
          {shared ? <span role="status">{t('shared')}</span> : null}
          <Checkbox checked={screenShare} onChange={(_, d) => setScreenShare(d.checked === true)} label={t('screenShare')} aria-describedby="screen-share-hint" />
          <span id="screen-share-hint" className={styles.hint}>
            {t('screenShareHint')}
          </span>
        </div>
      ) : null}
      {shareError ? (
        <MessageBar intent="error">
          <MessageBarBody>{shareError}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
