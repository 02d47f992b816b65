// Each surface is its own chunk: a side panel never downloads the stage's charts or the tab's report
// export. The stage and tab pages fall back to the instrument overview until they exist.
import { lazy } from 'react';

export const ConfigSurface = lazy(() => import(/* webpackChunkName: "config" */ '../config/ConfigPage').then((m) => ({ default: m.ConfigPage })));
export const SidePanelSurface = lazy(() => import(/* webpackChunkName: "sidepanel" */ '../sidepanel/SidePanel').then((m) => ({ default: m.SidePanel })));
export const StageSurface = lazy(() => import(/* webpackChunkName: "stage" */ './OverviewSurface').then((m) => ({ default: m.OverviewSurface })));
export const TabSurface = lazy(() => import(/* webpackChunkName: "tab" */ './OverviewSurface').then((m) => ({ default: m.OverviewSurface })));
