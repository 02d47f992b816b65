// The review page's contents list: in-page links to its sections. Following one moves the focus to
// the section's heading (made focusable with tabindex -1), so keyboard and screen-reader users land
// where sighted users see the page scroll to — WCAG 2.4.1 and 2.4.3
// (https://www.w3.org/WAI/WCAG21/Techniques/general/G1). The links keep their #id targets for
// "open in new tab" and for reading, but never change the frame's URL hash: the app's own location
// lives there.
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { useT } from '../i18n';
import { tabMessages } from './messages';

export interface ContentsEntry {
  /** The id of the section's heading. */
  id: string;
  label: string;
}

const useStyles = makeStyles({
  nav: { borderInlineStartWidth: tokens.strokeWidthThick, borderInlineStartStyle: 'solid', borderInlineStartColor: tokens.colorBrandStroke1, paddingInlineStart: tokens.spacingHorizontalL },
  title: { margin: 0, fontSize: tokens.fontSizeBase400 },
  list: { margin: `${tokens.spacingVerticalS} 0 0`, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** Moves the focus (and the view) to the heading with this id; false when the page has none. */
export function focusHeading(id: string): boolean {
  const heading = document.getElementById(id);
  if (!heading) return false;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
  if (typeof heading.scrollIntoView === 'function') heading.scrollIntoView({ block: 'start' });
  return true;
}

export function ReportContents({ entries }: { entries: readonly ContentsEntry[] }) {
  const t = useT(tabMessages);
  const styles = useStyles();
  const jump = (event: MouseEvent, id: string) => {
    event.preventDefault();
    focusHeading(id);
  };
  return (
    <nav aria-labelledby="contents-title" className={styles.nav}>
      <h2 id="contents-title" className={styles.title}>
        {t('contentsTitle')}
      </h2>
      <ol className={styles.list}>
        {entries.map((entry) => (
          <li key={entry.id}>
            <Link href={`#${entry.id}`} onClick={(e) => jump(e, entry.id)}>
              {entry.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
