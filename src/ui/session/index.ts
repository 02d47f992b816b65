/**
 * The session layer every surface builds on.
 *
 * - `AppServicesProvider` / `useAppServices()`: host, config, graph, `me` (GET /me), instrument,
 *   locale, `now`, `random`, draft `storage`, the frame's `url`. Built once by src/app/bootstrap.ts;
 *   component tests pass fakes (tests/ui/fakes).
 * - `SessionProvider` (the shell wraps side panel, stage and tab in it) / `useSession()`:
 *   `status` (resolving | noSession | ready | failed), `snapshot` (SessionSnapshot: session,
 *   responses, actions, invalid, links), polled every ~2 s while visible with backoff on
 *   throttling/offline (`pollError`), `refresh()`, `isFacilitator`, and `commands` (transition,
 *   setLocked, setNotes, setExplanation, setMode, setFollowUp, saveAction, deleteAction), each
 *   resolving true/false; a failure is in `commandError` as one sentence in the person's language.
 * - `useOwnResponse()`: the signed-in person's own answers (join, then a ResponseSync with a local
 *   draft): `response`, `update(change)`, `sync` (SyncState), `retry()`.
 * - `useSessionInstrument()`: the instrument version the session was recorded with.
 * - Where a session lives: `entityId` = session key; the tab's contentUrl carries site, site URL and
 *   Planner group as query parameters (`sessionUrl()` builds it, `resolveSessionLink()` reads it);
 *   see location.ts for why.
 */
export { AppServicesProvider, useAppServices, browserStorage, type AppServices } from './AppServices';
export { SessionProvider, useSession, DEFAULT_POLL_MS, type SessionApi, type SessionCommands, type SessionStatus } from './SessionProvider';
export { useOwnResponse, type OwnResponse } from './useOwnResponse';
export { useSessionInstrument } from './useSessionInstrument';
export { resolveSessionLink, sessionKeyFrom, sessionUrl, type SessionLink } from './location';
