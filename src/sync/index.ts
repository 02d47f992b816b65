export { openResponseSync, draftKey, browserConnectivity, DEFAULT_DEBOUNCE_MS, type ResponseSyncOptions, type Timers, type Connectivity } from './responseSync';
export {
  browserDraftStorage,
  indexedDbDrafts,
  lazyDraftStorage,
  memoryDraftStorage,
  migratingDrafts,
  openDraftStorage,
  webStorageDrafts,
  type DraftEnvironment,
  type DraftStorage,
  type DraftStorageKind,
  type WebStorage,
} from './draftStorage';
