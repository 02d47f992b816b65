// Each surface is its own chunk: a side panel never downloads the stage's charts or the tab's report
// export. `preloadSurface` starts that download as soon as the host has said which frame this is,
// so it runs alongside sign-in instead of after it (bench:load showed the chunk waiting for start-up),
// and start-up renders the loaded page directly: a lazy component suspends on its first render even
// when its module has arrived, and React holds a revealed Suspense boundary back for a moment
// (https://react.dev/reference/react/Suspense — "Showing stale content while fresh content is loading").
import { lazy, type ComponentType } from 'react';
import type { Surface } from '../../teams/host';

export type PageSurface = Exclude<Surface, 'remove'>;
type Page = ComponentType;

const load: Record<PageSurface, () => Promise<Page>> = {
  settings: () => import(/* webpackChunkName: "config" */ '../config/ConfigPage').then((m) => m.ConfigPage),
  sidePanel: () => import(/* webpackChunkName: "sidepanel" */ '../sidepanel/SidePanel').then((m) => m.SidePanel),
  stage: () => import(/* webpackChunkName: "stage" */ '../stage/StagePage').then((m) => m.StagePage),
  tab: () => import(/* webpackChunkName: "tab" */ '../tab/TabSurface').then((m) => m.TabSurface),
};

const loading = new Map<PageSurface, Promise<Page>>();

/** The page of `surface`, loaded once; a failed load may be tried again. */
export function loadSurface(surface: PageSurface): Promise<Page> {
  let page = loading.get(surface);
  if (!page) {
    page = load[surface]();
    page.catch(() => loading.delete(surface));
    loading.set(surface, page);
  }
  return page;
}

const lazyPage = (surface: PageSurface) => lazy(() => loadSurface(surface).then((page) => ({ default: page })));

export const SURFACE_PAGES: Record<PageSurface, Page> = {
  settings: lazyPage('settings'),
  sidePanel: lazyPage('sidePanel'),
  stage: lazyPage('stage'),
  tab: lazyPage('tab'),
};

/** Starts loading the page for `surface`; resolves with it, or null when it did not load (the lazy page then shows its own failure). */
export function preloadSurface(surface: Surface): Promise<Page | null> {
  return surface === 'remove' ? Promise.resolve(null) : loadSurface(surface).catch(() => null);
}
