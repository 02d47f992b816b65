// Each surface is its own chunk: a side panel never downloads the stage's charts or the tab's report
// export.
import { lazy } from 'react';

export const ConfigSurface = lazy(() => import(/* webpackChunkName: "config" */ '../config/ConfigPage').then((m) => ({ default: m.ConfigPage })));
export const SidePanelSurface = lazy(() => import(/* webpackChunkName: "sidepanel" */ '../sidepanel/SidePanel').then((m) => ({ default: m.SidePanel })));
export const StageSurface = lazy(() => import(/* webpackChunkName: "stage" */ '../stage/StagePage').then((m) => ({ default: m.StagePage })));
export const TabSurface = lazy(() => import(/* webpackChunkName: "tab" */ '../tab/TabPage').then((m) => ({ default: m.TabPage })));
