// Each surface is its own chunk: a side panel never downloads the stage's charts or the tab's report
// export. `preloadSurface` starts that download as soon as the host has said which frame this is,
// so it runs alongside sign-in instead of after it (bench:load showed the chunk waiting for start-up).
import { lazy } from 'react';
import type { Surface } from '../../teams/host';

const load = {
  settings: () => import(/* webpackChunkName: "config" */ '../config/ConfigPage').then((m) => ({ default: m.ConfigPage })),
  sidePanel: () => import(/* webpackChunkName: "sidepanel" */ '../sidepanel/SidePanel').then((m) => ({ default: m.SidePanel })),
  stage: () => import(/* webpackChunkName: "stage" */ '../stage/StagePage').then((m) => ({ default: m.StagePage })),
  tab: () => import(/* webpackChunkName: "tab" */ '../tab/TabPage').then((m) => ({ default: m.TabPage })),
} as const;

export const ConfigSurface = lazy(load.settings);
export const SidePanelSurface = lazy(load.sidePanel);
export const StageSurface = lazy(load.stage);
export const TabSurface = lazy(load.tab);

/** Starts loading the page for `surface`; the lazy component above then finds the module loaded. */
export function preloadSurface(surface: Surface): void {
  // A failed preload is not an error here: the lazy component loads again and shows its own failure.
  if (surface !== 'remove') load[surface]().catch(() => undefined);
}
