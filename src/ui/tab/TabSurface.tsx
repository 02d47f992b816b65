// The meeting tab. Outside a live session it is the review page (TabPage). During one it also offers
// the person's own steps — join, stap 1, stap 2, stap 3 proposals — as the side panel has them
// (the same SidePanel component, the same live session and sync indicator, so the same privacy: a
// participant's frame reads only the group view and their own answers, see
// src/ui/session/SessionProvider.tsx). On a phone the tab is all Teams shows, so this is how people
// on a phone take part. The two pages are chunks of their own: a phone answering never downloads
// the review page's charts and report export, and a review after the meeting never the forms; the
// one this client most likely needs starts loading as soon as the tab renders, beside the session read.
import { Caption1, Tab, TabList, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useId, useState, type ComponentType } from 'react';
import { isRevealed } from '../../domain/authorization';
import { Loading } from '../common/Loading';
import { defineMessages, useT } from '../i18n';
import { useAppServices, useSession } from '../session';
import { initialTabView, isLiveSession, isPhoneClient, type TabView } from './tabView';

const messages = defineMessages({
  nl: {
    switchLabel: 'Wat wilt u zien?',
    answer: 'Meedoen',
    review: 'Overzicht',
    groupScores: 'De scores van de groep staan onder ‘Overzicht’.',
    loading: 'Laden…',
    loadingSession: 'Sessie laden…',
  },
  en: {
    switchLabel: 'What would you like to see?',
    answer: 'Take part',
    review: 'Overview',
    groupScores: 'The group’s scores are under ‘Overview’.',
    loading: 'Loading…',
    loadingSession: 'Loading the session…',
  },
});

/** A page loaded once, rendered directly once it has arrived (a lazy component suspends on every first render). */
function chunk(load: () => Promise<ComponentType>) {
  let loading: Promise<ComponentType> | null = null;
  let loaded: ComponentType | null = null;
  const start = () => {
    if (!loading) {
      loading = load().then((page) => (loaded = page));
      loading.catch(() => {
        loading = null;
      });
    }
    return loading;
  };
  const Lazy = lazy(() => start().then((page) => ({ default: page })));
  return { start, page: (): ComponentType => loaded ?? Lazy };
}

// The same chunk name as the side panel's surface (src/ui/shell/surfaces.ts): one file, cached for both.
const answerPage = chunk(() => import(/* webpackChunkName: "sidepanel" */ '../sidepanel/SidePanel').then((m) => m.SidePanel));
const reviewPage = chunk(() => import(/* webpackChunkName: "tab-review" */ './TabPage').then((m) => m.TabPage));

// Touch targets of at least 44 × 44 CSS px (WCAG 2.5.5, https://www.w3.org/WAI/WCAG21/Understanding/target-size.html)
// for the controls the steps use, through Fluent's stable class names (https://react.fluentui.dev/?path=/docs/concepts-developer-styling-components--docs):
// a radio's or checkbox's label and hidden input fill the row, so the whole row is the target.
const TOUCH = '44px';
const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: { minHeight: TOUCH },
  hint: { paddingBottom: tokens.spacingVerticalS },
  /** The answering page keeps the side panel's reading width on a wide screen. */
  answer: { maxWidth: '40rem', boxSizing: 'border-box' },
  touch: {
    '& .fui-Button': { minHeight: TOUCH, minWidth: TOUCH },
    '& .fui-Radio, & .fui-Checkbox': { minHeight: TOUCH, alignItems: 'center' },
    '& .fui-Radio__label, & .fui-Checkbox__label': { alignSelf: 'stretch', display: 'flex', alignItems: 'center' },
    '& .fui-Input__input, & .fui-Combobox__input': { minHeight: TOUCH },
    '& .fui-Select__select': { height: TOUCH },
    '& .fui-AccordionHeader__button': { minHeight: TOUCH },
    '& input[type="date"]': { minHeight: TOUCH },
    // A link that is a list item on its own (the SharePoint lists on the review page) is no inline link.
    '& li > a.fui-Link:only-child': { display: 'inline-flex', alignItems: 'center', minHeight: TOUCH },
    // A <summary> stays display: list-item (its disclosure triangle): grown by its box, not by flex.
    '& summary': { minHeight: TOUCH, boxSizing: 'border-box', paddingBlock: tokens.spacingVerticalMNudge },
  },
});

export function TabSurface() {
  const t = useT(messages);
  const styles = useStyles();
  const { host } = useAppServices();
  const session = useSession();
  const clientType = host.context().hostClientType;
  const phone = isPhoneClient(clientType);
  const state = session.snapshot?.session.value.state ?? null;
  /** Set when the tab first sees a live session; after that only the person changes it. */
  const [view, setView] = useState<TabView | null>(null);
  /** The pages shown so far in this live session. */
  const [visited, setVisited] = useState<ReadonlySet<TabView>>(() => new Set());
  if (state !== null && isLiveSession(state) && view === null) setView(initialTabView(state, clientType));
  const id = useId();

  useEffect(() => {
    // Before the session's state is known: what this client most likely shows first.
    void (phone ? answerPage : reviewPage).start().catch(() => undefined);
  }, [phone]);

  // Until the first read has answered, neither page is needed yet (the review page would only show this too).
  if (!session.snapshot && (session.status.kind === 'resolving' || session.status.kind === 'ready')) return <Loading label={t('loadingSession')} />;
  const live = state !== null && isLiveSession(state);
  const shown: TabView = state !== null && live ? (view ?? initialTabView(state, clientType)) : 'review';
  if (!visited.has(shown)) setVisited(new Set([...visited, shown]));
  const pageOf = (which: TabView) => {
    const Page = which === 'answer' ? answerPage.page() : reviewPage.page();
    return (
      <Suspense fallback={<Loading label={t('loading')} />}>
        <Page />
      </Suspense>
    );
  };
  if (state === null || !live) return pageOf('review');

  // A page once shown stays mounted while the other is on screen, as a tab panel does: the person's
  // answers, their sync and where they scrolled to are still there when they switch back. The panel
  // carries no name of its own (no aria-labelledby): a named element outside a landmark is content
  // outside landmarks to axe's region rule, and each page is its own <main> headed by the session's title.
  const panel = (which: TabView) =>
    visited.has(which) || which === shown ? (
      <div
        role="tabpanel"
        id={`${id}-${which}-panel`}
        hidden={which !== shown}
        className={mergeClasses(which === 'answer' && styles.answer, (which === 'answer' || phone) && styles.touch)}
      >
        {pageOf(which)}
      </div>
    ) : null;

  return (
    <>
      <header className={styles.header}>
        <TabList selectedValue={shown} onTabSelect={(_, data) => setView(data.value === 'answer' ? 'answer' : 'review')} aria-label={t('switchLabel')} size="large">
          <Tab id={`${id}-answer`} value="answer" aria-controls={`${id}-answer-panel`} className={styles.tab}>
            {t('answer')}
          </Tab>
          <Tab id={`${id}-review`} value="review" aria-controls={`${id}-review-panel`} className={styles.tab}>
            {t('review')}
          </Tab>
        </TabList>
        {shown === 'answer' && isRevealed(state) ? <Caption1 className={styles.hint}>{t('groupScores')}</Caption1> : null}
      </header>
      {panel('answer')}
      {panel('review')}
    </>
  );
}
