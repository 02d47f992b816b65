export { createResponseSync, draftKey, browserConnectivity, DEFAULT_DEBOUNCE_MS, type ResponseSyncOptions, type DraftStorage, type Timers, type Connectivity } from './responseSync';
