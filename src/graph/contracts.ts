// What the UI may ask of the Graph layer. The UI never sees a Graph URL; it calls these.
import type { InstallationChecker } from './installCheck';
import type { ActionItem, Participant, Purpose, Response, Session, ThemeId } from '../domain/model';

/** Where a session lives: a SharePoint site, and (for Planner) a Microsoft 365 group. */
export interface SessionLocation {
  siteId: string;
  /** Web URL of the site, for links shown to people. */
  siteUrl: string;
  plannerGroupId: string | null;
}

export interface SiteChoice {
  id: string;
  displayName: string;
  webUrl: string;
}

export interface GroupChoice {
  id: string;
  displayName: string;
  isTeam: boolean;
}

export interface SignedInUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  department: string | null;
  jobTitle: string | null;
}

/** An item read from SharePoint that does not fit the schema: shown read-only, never overwritten silently. */
export interface InvalidItem {
  list: 'sessions' | 'answers' | 'actions';
  listDisplayName: string;
  itemId: string;
  field: string;
  message: string;
  /** Whose item it is, as far as it can still be read: the answer's Naam, the action's title. */
  who: string | null;
}

export interface Versioned<T> {
  value: T;
  /** SharePoint item id. */
  itemId: string;
  etag: string;
}

export interface SessionSnapshot {
  session: Versioned<Session>;
  responses: Versioned<Response>[];
  actions: Versioned<ActionItem>[];
  invalid: InvalidItem[];
  /** Links for people: the three lists in SharePoint, and the Planner plan when published. */
  links: { sessionsList: string; answersList: string; actionsList: string; plannerPlan: string | null };
}

export interface Joined extends Versioned<Response> {
  /** Columns of a hand-edited own item that could not be read and were emptied on joining again. */
  cleared?: string[];
}

export interface OpenOptions {
  /** Read only this person's answers item: a participant needs no one else's (and may read no one else's). */
  onlyAnswersOf?: string;
}

export interface GroupSources {
  session: Versioned<Session>;
  responses: Versioned<Response>[];
  /** Null when the agenda was not asked for. */
  actions: Versioned<ActionItem>[] | null;
  invalid: InvalidItem[];
}

export interface SessionSummary {
  key: string;
  title: string;
  municipality: string;
  date: string;
  state: Session['state'];
  meetingId: string | null;
}

/** One page of a municipality's sessions, the most recently created first; `more` reads the next page. */
export interface SessionSummaryPage {
  sessions: SessionSummary[];
  more: (() => Promise<SessionSummaryPage>) | null;
}

export interface NewSessionInput {
  municipality: string;
  title: string;
  purpose: Purpose;
  meetingId: string | null;
  plannerGroupId: string | null;
  facilitator: { id: string; name: string };
}

export interface ProvisionResult {
  createdLists: string[];
  addedColumns: string[];
  /** Lists whose item-level permissions were set now ("edit only their own"); empty when they already were. */
  securedLists: string[];
}

export interface SessionStore {
  provision(): Promise<ProvisionResult>;
  createSession(input: NewSessionInput): Promise<SessionSnapshot>;
  findSessions(filter: { municipality?: string; meetingId?: string }): Promise<SessionSummary[]>;
  /** The municipality's sessions a page at a time, newest first, reading only the summary columns. */
  findSessionPage(filter: { municipality: string }): Promise<SessionSummaryPage>;
  /**
   * The municipality's sessions whose title starts with `text`, or that were held on the day, month or
   * year it names ("12-03-2026", "maart 2026"; "12 maart" and "maart" in each recent year up to
   * `thisYear`): one request on indexed columns, at most `limit` (≤ 20) sessions, newest first, summary
   * columns only. [] when `text` is shorter than two characters.
   */
  searchSessions(filter: { municipality: string; text: string; thisYear?: number; limit?: number }): Promise<SessionSummary[]>;
  /**
   * One $batch round trip: the session, the answers the caller may read (or only one person's) and
   * the agenda.
   */
  openSession(key: string, options?: OpenOptions): Promise<SessionSnapshot>;
  /** The session item again, by id: one single-item read (1 resource unit), the live view's poll. */
  pollSession(current: Versioned<Session>): Promise<Versioned<Session>>;
  /**
   * The session item and the caller's own answers item, by id, in one round trip (2 resource units):
   * now and then, so a device that was behind shows what the person saved on another one.
   */
  pollSessionAndOwn(current: Versioned<Session>, own: Versioned<Response>): Promise<{ session: Versioned<Session>; own: Versioned<Response> }>;
  /** The facilitator's read for the group view: the session item, every answer, and the agenda when asked. */
  readForGroup(current: Versioned<Session>, options: { actions: boolean }): Promise<GroupSources>;
  /**
   * Creates or reclaims the caller's own answers item. An own item edited by hand into something
   * unreadable is restored: `cleared` names the columns that could not be read and were emptied.
   */
  join(key: string, participant: Participant): Promise<Joined>;
  /**
   * Writes the fields of the caller's own item that differ from `base`, with If-Match on base's
   * etag: one request. A 412 means the same person saved from another device (a phone, a second
   * window, an older draft); the fresh copy is merged per answer and written again. The result is
   * what SharePoint now holds, which may include answers from the other device.
   */
  saveResponse(base: Versioned<Response>, next: Response): Promise<Versioned<Response>>;
  /**
   * Facilitator writes to the session with If-Match. `change` is re-applied to a fresh copy on a 412
   * when it does not conflict; a real conflict rejects with ConflictError.
   */
  updateSession(current: Versioned<Session>, change: (s: Session) => Session): Promise<Versioned<Session>>;
  saveAction(action: ActionItem, current: Versioned<ActionItem> | null): Promise<Versioned<ActionItem>>;
  deleteAction(current: Versioned<ActionItem>): Promise<void>;
}

/**
 * A person's own answers: `saved` only for what SharePoint confirmed (`at` null: nothing changed
 * since it was read). While changes wait (offline, or an error), `kept` says whether every one of
 * them is in a local draft that survives the browser being killed (src/sync/draftStorage.ts).
 */
export type SyncState =
  | { kind: 'saved'; at: string | null }
  | { kind: 'saving'; pending: number }
  | { kind: 'offline'; pending: number; kept: boolean }
  | { kind: 'error'; pending: number; reason: string; retryAt: string | null; kept: boolean };

export interface PublishProgress {
  done: number;
  total: number;
  step: 'plan' | 'buckets' | 'labels' | 'tasks' | 'details' | 'writeBack' | 'finished';
}

/** `title` is the action's title as published: the run reads the agenda afresh, so it may hold actions the caller has not seen. */
export type PublishOutcome =
  | { actionId: string; title?: string; kind: 'created' | 'updated' | 'unchanged'; taskId: string; taskUrl: string; unassignedBecause?: string[] }
  | { actionId: string; title?: string; kind: 'failed'; reason: string };

export interface PublishResult {
  planId: string;
  planUrl: string;
  outcomes: PublishOutcome[];
  /** People who are not members of the Planner group (named in the UI). */
  nonMembers: { id: string; name: string }[];
}

export interface PublishTheme {
  title: string;
  statement: string;
}

export interface PlannerPublisher {
  publish(
    snapshot: SessionSnapshot,
    options: {
      groupId: string;
      planTitle: string;
      /** Per theme the instrument's title (Planner label "B. …") and statement (in each task's description). */
      themes: Record<ThemeId, PublishTheme>;
      linkBack: string;
      /**
       * Where the session's lists are: the agenda is read afresh from there (a proposal saved a moment
       * ago is published too), the session is claimed so one person publishes at a time, and
       * PlannerTaskId/Url and PlannerPlanId are written back.
       */
      location?: SessionLocation;
      /** Who publishes: named to anyone who tries to publish the same session meanwhile. */
      by: { id: string; name: string };
    },
    onProgress?: (p: PublishProgress) => void,
  ): Promise<PublishResult>;
}

export interface Directory {
  me(): Promise<SignedInUser>;
  myGroups(): Promise<GroupChoice[]>;
  groupSite(groupId: string): Promise<SiteChoice>;
  siteByUrl(url: string): Promise<SiteChoice>;
  rootSite(): Promise<SiteChoice>;
}

/** Delegated token for Graph, from MSAL (Teams) or the emulator's dev token (local). */
export interface TokenProvider {
  getToken(scopes: readonly string[]): Promise<string>;
}

/** A Planner task's completion and due date, as read for reviewing an earlier agenda (src/graph/plannerTasks.ts). */
export interface PlannerTaskRead {
  percentComplete: number;
  dueDateTime: string | null;
  completedDateTime: string | null;
}

export interface PlannerTaskReader {
  /** The tasks of these ids, batched; null for an id that finds no task (deleted in Planner). */
  read(taskIds: readonly string[]): Promise<ReadonlyMap<string, PlannerTaskRead | null>>;
}

/** Everything the UI gets from the Graph layer; built once by `createGraphServices` in src/graph/index.ts. */
export interface GraphServices {
  directory: Directory;
  store(location: SessionLocation): SessionStore;
  publisher: PlannerPublisher;
  /** Reads the Planner status of an earlier agenda's tasks by their stored ids. */
  plannerTasks: PlannerTaskReader;
  /** "Controleer de installatie": each permission tried on the chosen site and group (src/graph/installCheck.ts). */
  installation: InstallationChecker;
}

/**
 * A participant's own answers, written to a local draft first and flushed to SharePoint with retry
 * (src/sync). The UI edits through `update` and shows `state`.
 */
export interface ResponseSync {
  current(): Response;
  state(): SyncState;
  subscribe(listener: () => void): () => void;
  update(change: (r: Response) => Response): void;
  /** Retry now (the "Opnieuw proberen" button). */
  flushNow(): Promise<void>;
  /**
   * A read of the session brought this person's item as SharePoint holds it now: when another
   * device saved since, its answers are taken in (merged with anything not yet sent here).
   */
  adopt(server: Versioned<Response>): void;
  /**
   * The version of a draft on this device written by a newer version of the app (left untouched, so
   * that version can still send it), or null. While there is one, this version keeps no draft here.
   */
  futureDraft(): number | null;
  dispose(): void;
}
