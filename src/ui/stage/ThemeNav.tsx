// The stage's compact theme navigation for stap 2 and stap 3: the six letters A–F with the theme on
// screen marked (aria-current). The facilitator's client passes `onThemeChange` and gets buttons that
// move the shared focus; everyone else gets the same row read-only, so they see where the group is.
// aria-current: https://www.w3.org/TR/wai-aria-1.2/#aria-current
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ThemeId } from '../../domain/model';
import type { Instrument } from '../../domain/instrument';
import { visuallyHidden } from '../charts/visuallyHidden';
import { useT } from '../i18n';
import { themeMessages } from './themeMessages';

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyleType: 'none', margin: 0, padding: 0 },
  letter: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    minWidth: '2.5em',
    minHeight: '2em',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
  },
  current: {
    fontWeight: tokens.fontWeightBold,
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorBrandBackground,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralForeground1}`,
  },
  button: { minWidth: '2.5em', fontSize: 'inherit' },
});

export interface ThemeNavProps {
  instrument: Pick<Instrument, 'themes'>;
  /** The theme on screen. */
  theme: ThemeId;
  /** Given: the letters are buttons that ask for another theme. Absent: the row is read-only. */
  onThemeChange?: ((theme: ThemeId) => void) | undefined;
}

export function ThemeNav({ instrument, theme, onThemeChange }: ThemeNavProps) {
  const t = useT(themeMessages);
  const styles = useStyles();
  return (
    <nav aria-label={t('navLabel')}>
      <ol className={styles.list}>
        {instrument.themes.map((th) => {
          const current = th.id === theme;
          // The letter is what one sees; the name starts with it (WCAG 2.5.3 label in name) and says the theme.
          const name = t('navTheme', { id: th.id, title: th.title });
          return (
            <li key={th.id}>
              {onThemeChange ? (
                <Button
                  className={styles.button}
                  appearance={current ? 'primary' : 'outline'}
                  aria-current={current ? 'step' : undefined}
                  aria-label={name}
                  title={th.title}
                  onClick={() => {
                    if (!current) onThemeChange(th.id);
                  }}
                >
                  {th.id}
                </Button>
              ) : (
                <span className={mergeClasses(styles.letter, current && styles.current)} aria-current={current ? 'step' : undefined} title={th.title}>
                  <span aria-hidden="true">{th.id}</span>
                  <span style={visuallyHidden}>{name}</span>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
