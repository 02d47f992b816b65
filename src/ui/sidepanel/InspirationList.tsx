// Deel 2 of the tool: what other municipalities did on this theme, one click away while answering.
import { Body1, Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ThemeId } from '../../domain/model';
import { Loading } from '../common/Loading';
import { defineMessages, useLocale, useT } from '../i18n';
import { useInspiration } from './useInspiration';

const messages = defineMessages({
  nl: { open: 'Inspiratie uit de praktijk ({count})', openLoading: 'Inspiratie uit de praktijk', loading: 'Voorbeelden laden…', title: 'Inspiratie: {theme}', close: 'Sluiten', source: 'Bron: {document}, {section}', tip: 'Tip' },
  en: { open: 'Inspiration from practice ({count})', openLoading: 'Inspiration from practice', loading: 'Loading examples…', title: 'Inspiration: {theme}', close: 'Close', source: 'Source: {document}, {section}', tip: 'Tip' },
});

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

export function InspirationList({ themeId, themeTitle }: { themeId: ThemeId; themeTitle: string }) {
  const t = useT(messages);
  const locale = useLocale();
  const styles = useStyles();
  const inspiration = useInspiration();
  // The button is there before the library is: it arriving must not push the questions down while
  // someone is about to tick one (the click would land beside the box it aimed at).
  const items = inspiration ? inspiration.inspirationForTheme(themeId) : null;
  if (items?.length === 0) return null;
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="subtle">{items ? t('open', { count: items.length }) : t('openLoading')}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('title', { theme: themeTitle })}</DialogTitle>
          {/* In a 320 px side panel the items scroll and hold nothing focusable: the content takes
              the focus itself so keyboard users can scroll it (axe scrollable-region-focusable). */}
          <DialogContent tabIndex={0}>
            {items ? null : <Loading label={t('loading')} />}
            <ul className={styles.list}>
              {(items ?? []).map((item) => (
                <li key={item.id} className={styles.item}>
                  <Subtitle2 as="h3">{item.title[locale]}</Subtitle2>
                  <Caption1>{item.organisation ?? t('tip')}</Caption1>
                  <Body1>{item.summary[locale]}</Body1>
                  <Caption1>{t('source', { document: item.source.document, section: item.source.section })}</Caption1>
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t('close')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
