// The stage's stap 3, one theme at a time (issue 14: "Stap 3: agenda per theme with the theme's
// inspiration examples at hand"): the theme's actions (AgendaEditor, shown for this theme only) and
// beside them "Inspiratie uit de praktijk", the paper's Deel 2 for this theme — summaries in our own
// words with their source named (src/domain/inspiration.ts), fetched as their own chunk when stap 3
// is first shown (src/ui/sidepanel/useInspiration.ts). Which theme is shown is a prop: the
// facilitator's focus drives it. The inspiration's disclosure follows the WAI-ARIA disclosure
// pattern: https://www.w3.org/WAI/ARIA/apg/patterns/disclosure/
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { ThemeId } from '../../domain/model';
import { useLocale, useT } from '../i18n';
import { useInspiration } from '../sidepanel/useInspiration';
import { AgendaEditor, type AgendaEditorProps } from './AgendaEditor';
import { ThemeNav } from './ThemeNav';
import { themeMessages } from './themeMessages';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  aside: {
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  asideHeading: { margin: 0, fontSize: 'inherit' },
  disclosure: { fontSize: 'inherit', textAlign: 'start', height: 'auto', paddingLeft: 0 },
  // Theme D has 26 examples: the list scrolls within the window's height beside the actions instead
  // of making the page ten thousand pixels long.
  scroller: { maxHeight: '70vh', overflowY: 'auto', marginTop: tokens.spacingVerticalM, paddingRight: tokens.spacingHorizontalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  itemTitle: { margin: 0, fontSize: 'inherit' },
  meta: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  summary: { margin: 0 },
});

export interface Step3ThemeProps extends Omit<AgendaEditorProps, 'theme'> {
  /** The theme to show (the facilitator's focus). */
  theme: ThemeId;
  /** The facilitator's client: the theme letters become buttons that ask for another theme. */
  onThemeChange?: ((theme: ThemeId) => void) | undefined;
  /** Show the row of theme letters (read-only without onThemeChange). Default true. */
  showNavigation?: boolean;
}

/** The theme's practice examples, interventions and tips, behind one disclosure. */
export function ThemeInspiration({ theme }: { theme: ThemeId }) {
  const t = useT(themeMessages);
  const locale = useLocale();
  const styles = useStyles();
  const regionId = useId();
  const [open, setOpen] = useState(false);
  const inspiration = useInspiration();
  if (!inspiration) return <p className={styles.meta}>{t('inspirationLoading')}</p>;
  const items = inspiration.inspirationForTheme(theme);
  if (items.length === 0) return <p className={styles.meta}>{t('inspirationNone')}</p>;
  return (
    <>
      <h3 className={styles.asideHeading}>
        <Button className={styles.disclosure} appearance="transparent" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}&nbsp;</span>
          {t('inspirationOpen', { count: items.length })}
        </Button>
      </h3>
      {/* Scrollable, so it takes the focus itself: keyboard users can scroll it (axe scrollable-region-focusable). */}
      <div id={regionId} hidden={!open} className={styles.scroller} role="region" aria-label={t('inspirationTitle')} tabIndex={0}>
        <ul className={styles.list}>
          {items.map((item) => (
            <li key={item.id} className={styles.item}>
              <h4 className={styles.itemTitle}>{item.title[locale]}</h4>
              <p className={styles.meta}>{item.organisation ?? t('inspirationTip')}</p>
              <p className={styles.summary}>{item.summary[locale]}</p>
              <p className={styles.meta}>{t('inspirationSource', { document: item.source.document, section: item.source.section })}</p>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}

export function Step3Theme({ theme, onThemeChange, showNavigation = true, ...agenda }: Step3ThemeProps) {
  const t = useT(themeMessages);
  const styles = useStyles();
  return (
    <div className={styles.root}>
      {showNavigation && <ThemeNav instrument={agenda.instrument} theme={theme} onThemeChange={onThemeChange} />}
      <div className={styles.columns}>
        <AgendaEditor {...agenda} theme={theme} />
        <aside className={styles.aside} aria-label={t('inspirationTitle')}>
          <ThemeInspiration theme={theme} />
        </aside>
      </div>
    </div>
  );
}
