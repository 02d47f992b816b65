// In-memory stand-ins for the contracts the UI talks to (Host, SessionStore, Directory), so a
// component test drives the real components, hooks and domain rules with no network.
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { BootDependencies } from '../../../src/app/bootstrap';
import type { AppConfig } from '../../../src/app/config';
import { loadInstrument } from '../../../src/domain/loadInstrument';
import type { ActionItem, Participant, Response, Session } from '../../../src/domain/model';
import { buildGroupView } from '../../../src/domain/groupView';
import type { Directory, GraphServices, InvalidItem, NewSessionInput, PlannerTaskRead, OpenOptions, SessionLocation, SessionSnapshot, SessionStore, SignedInUser, Versioned } from '../../../src/graph/contracts';
import { CHECK_IDS, type InstallationChecker } from '../../../src/graph/installCheck';
import type { Host, HostContext, TabConfig } from '../../../src/teams';
import { LocaleProvider, type Locale } from '../../../src/ui/i18n';
import { memoryDraftStorage } from '../../../src/sync';
import { AppServicesProvider, SessionProvider, type AppServices } from '../../../src/ui/session';

export const SESSION_KEY = '20260301-abcdefgh';
export const LOCATION: SessionLocation = { siteId: 'site-1', siteUrl: 'https://contoso.sharepoint.com/sites/ag', plannerGroupId: 'group-1' };

export const facilitator: SignedInUser = { id: 'u-marieke', displayName: 'Marieke de Vries', userPrincipalName: 'marieke@contoso.nl', department: 'Sociaal Domein', jobTitle: 'Gespreksleider' };
export const sanne: SignedInUser = { id: 'u-sanne', displayName: "Sanne van 't Hof", userPrincipalName: 'sanne@contoso.nl', department: 'Schuldhulpverlening', jobTitle: null };
export const lotte: SignedInUser = { id: 'u-lotte', displayName: 'Lotte van den Heuvel', userPrincipalName: 'lotte@contoso.nl', department: 'GGD', jobTitle: null };

export function sessionIn(state: Session['state'], extra: Partial<Session> = {}): Session {
  return {
    key: SESSION_KEY,
    municipality: "'s-Hertogenbosch",
    title: 'Armoede en gezondheid 2026',
    purpose: 'agendering',
    date: '2026-03-01T09:00:00.000Z',
    meetingId: null,
    facilitatorId: facilitator.id,
    facilitatorName: facilitator.displayName,
    instrumentVersion: 'gesprekstool-2018.1',
    state,
    locked: false,
    mode: 'separate',
    notes: '',
    explanation: '',
    followUp: { meetAgain: null, meetAgainDate: null, accountability: '' },
    plannerGroupId: 'group-1',
    plannerPlanId: null,
    ...extra,
  };
}

export function participantOf(user: SignedInUser, domain: Participant['domain'] = 'armoede'): Participant {
  return { id: user.id, name: user.displayName, domain, department: user.department ?? '' };
}

export function responseOf(user: SignedInUser, scores: Response['scores'] = {}): Response {
  return { sessionKey: SESSION_KEY, participant: participantOf(user), scores, step2: { questions: {}, comments: {} }, done: {}, updatedAt: '2026-03-01T09:00:00.000Z' };
}

let etagCounter = 0;
const versioned = <T,>(value: T, itemId: string): Versioned<T> => ({ value, itemId, etag: `"${itemId},${++etagCounter}"` });

/** A SessionStore that keeps one session in memory and records what was written. */
export class FakeStore implements SessionStore {
  session: Versioned<Session>;
  responses: Versioned<Response>[] = [];
  actions: Versioned<ActionItem>[] = [];
  saved: Response[] = [];
  created: NewSessionInput[] = [];
  provisioned = 0;
  /** The next call of that method rejects with this error. */
  failures: Partial<Record<keyof SessionStore, unknown>> = {};
  /** Items openSession reports as unreadable (hand-edited in SharePoint). */
  invalid: InvalidItem[] = [];
  opens = 0;
  polls = 0;

  constructor(session: Session = sessionIn('step1')) {
    this.session = versioned(session, '1');
  }

  private fail(method: keyof SessionStore): void {
    const error = this.failures[method];
    if (error !== undefined) {
      delete this.failures[method];
      throw error;
    }
  }

  snapshot(): SessionSnapshot {
    return { session: this.session, responses: [...this.responses], actions: [...this.actions], invalid: [...this.invalid], links: { sessionsList: 'https://x/s', answersList: 'https://x/a', actionsList: 'https://x/c', plannerPlan: null } };
  }

  addResponse(response: Response): void {
    this.responses.push(versioned(response, `r${this.responses.length + 1}`));
  }

  async provision() {
    this.fail('provision');
    this.provisioned += 1;
    return { createdLists: [], addedColumns: [], securedLists: [] };
  }
  async createSession(input: NewSessionInput) {
    this.fail('createSession');
    this.created.push(input);
    this.session = versioned(sessionIn('setup', { municipality: input.municipality, title: input.title, purpose: input.purpose, facilitatorId: input.facilitator.id, facilitatorName: input.facilitator.name, plannerGroupId: input.plannerGroupId }), '1');
    return this.snapshot();
  }
  async findSessions() {
    return [];
  }
  async findSessionPage() {
    return { sessions: [], more: null };
  }
  async searchSessions() {
    return [];
  }
  async openSession(key: string, options: OpenOptions = {}) {
    this.opens += 1;
    this.fail('openSession');
    if (key !== this.session.value.key) throw Object.assign(new Error('not found'), { code: 'notFound' });
    const snapshot = this.snapshot();
    const of = options.onlyAnswersOf;
    return of === undefined ? snapshot : { ...snapshot, responses: snapshot.responses.filter((r) => r.value.participant.id === of) };
  }
  async pollSession() {
    this.polls += 1;
    this.fail('pollSession');
    return this.session;
  }
  async pollSessionAndOwn(_current: Versioned<Session>, own: Versioned<Response>) {
    this.polls += 1;
    this.fail('pollSessionAndOwn');
    return { session: this.session, own: this.responses.find((r) => r.itemId === own.itemId) ?? own };
  }
  async readForGroup(_current: Versioned<Session>, options: { actions: boolean }) {
    this.fail('readForGroup');
    return { session: this.session, responses: [...this.responses], actions: options.actions ? [...this.actions] : null, invalid: [...this.invalid] };
  }
  /** What the facilitator's client would have written onto the session item for the group by now. */
  shareWithGroup(): void {
    const s = this.session.value;
    this.session = versioned({ ...s, group: buildGroupView(s, this.responses.map((r) => r.value), this.actions, '2026-03-01T09:30:00.000Z') }, '1');
  }
  /** The next join restores a hand-edited own item and reports these columns as emptied (as the store does). */
  joinClears: string[] = [];
  async join(_key: string, participant: Participant) {
    this.fail('join');
    const existing = this.responses.find((r) => r.value.participant.id === participant.id);
    if (existing) return this.joinClears.length > 0 ? { ...existing, cleared: this.joinClears } : existing;
    const response: Response = { sessionKey: SESSION_KEY, participant, scores: {}, step2: { questions: {}, comments: {} }, done: {}, updatedAt: '2026-03-01T09:00:00.000Z' };
    this.addResponse(response);
    return this.responses[this.responses.length - 1] as Versioned<Response>;
  }
  async saveResponse(base: Versioned<Response>, value: Response) {
    this.fail('saveResponse');
    this.saved.push(value);
    const next = versioned(value, base.itemId);
    this.responses = this.responses.map((r) => (r.itemId === base.itemId ? next : r));
    return next;
  }
  async updateSession(_current: Versioned<Session>, change: (s: Session) => Session) {
    this.fail('updateSession');
    this.session = versioned(change(this.session.value), '1');
    return this.session;
  }
  async saveAction(action: ActionItem) {
    this.fail('saveAction');
    const next = versioned(action, `a-${action.id}`);
    this.actions = [...this.actions.filter((a) => a.value.id !== action.id), next];
    return next;
  }
  async deleteAction(current: Versioned<ActionItem>) {
    this.fail('deleteAction');
    this.actions = this.actions.filter((a) => a.value.id !== current.value.id);
  }
}

export function fakeDirectory(me: SignedInUser, overrides: Partial<Directory> = {}): Directory {
  return {
    me: async () => me,
    myGroups: async () => [
      { id: 'group-1', displayName: 'Armoede en Gezondheid', isTeam: true },
      { id: 'group-2', displayName: 'Schuldhulp Overleg', isTeam: false },
    ],
    groupSite: async (id) => ({ id: `site-of-${id}`, displayName: 'Teamsite', webUrl: `https://contoso.sharepoint.com/sites/${id}` }),
    siteByUrl: async (url) => ({ id: `site-at-${url}`, displayName: 'Site', webUrl: url }),
    rootSite: async () => ({ id: 'root-site', displayName: 'Contoso', webUrl: 'https://contoso.sharepoint.com' }),
    ...overrides,
  };
}

export interface FakeHost extends Host {
  valid: boolean[];
  saveHandler: (() => Promise<TabConfig>) | null;
  /** What Teams answers `pages.getConfig` with: set for a tab that is reopened to change its settings. */
  savedConfig: TabConfig | null;
  shared: string[];
  /** How each share was asked for: the app itself on every stage, or as a screen share. */
  sharedAs: ('collaborative' | 'screenShare')[];
  setTheme(theme: HostContext['theme']): void;
}

export function fakeHost(context: Partial<HostContext> = {}, options: { canShare?: boolean } = {}): FakeHost {
  const listeners = new Set<(t: HostContext['theme']) => void>();
  let ctx: HostContext = {
    surface: 'sidePanel',
    frameContext: 'sidePanel',
    locale: 'nl-NL',
    theme: 'light',
    user: { id: null, userPrincipalName: null, displayName: null, tenantId: null },
    meetingId: 'meeting-1',
    chatId: null,
    team: null,
    entityId: SESSION_KEY,
    hostClientType: 'web',
    ...context,
  };
  const host: FakeHost = {
    kind: 'teams',
    signIn: {
      nestedAppAuthRecommended: () => true,
      authenticate: async () => {
        throw new Error('the UI tests sign in with fake tokens, never through the authentication window');
      },
    },
    valid: [],
    saveHandler: null,
    savedConfig: null,
    shared: [],
    sharedAs: [],
    context: () => ctx,
    onThemeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setTheme(theme) {
      ctx = { ...ctx, theme };
      for (const l of listeners) l(theme);
    },
    stage: {
      canShare: async () => options.canShare ?? false,
      isSharing: async () => false,
      share: async (url, shareOptions) => {
        host.shared.push(url);
        host.sharedAs.push(shareOptions?.screenShare ? 'screenShare' : 'collaborative');
      },
    },
    config: {
      setValid: (valid) => host.valid.push(valid),
      onSave: (handler) => {
        host.saveHandler = handler;
      },
      current: async () => host.savedConfig,
    },
    notifySuccess: () => undefined,
    notifyFailure: () => undefined,
  };
  return host;
}

export const testConfig: AppConfig = { auth: { mode: 'dev', tokenUrl: 'http://127.0.0.1:4000/_emulator/token', clientId: '3f6a9c2e-7b1d-4e5a-8c3f-2d9e0a1b4c6d' }, graph: { loopbackOrigin: 'http://127.0.0.1:4000', siteAccess: 'all' }, appOrigin: 'https://app.example.nl' };

export interface ServicesOptions {
  me?: SignedInUser;
  store?: FakeStore;
  host?: FakeHost;
  directory?: Partial<Directory>;
  locale?: Locale;
  url?: string;
  now?: () => Date;
  installation?: InstallationChecker;
  /** Planner tasks by id, as the earlier agenda's review reads them; an id not here finds no task. */
  plannerTasks?: Record<string, PlannerTaskRead>;
}

/** Every installation line works, unless a test says otherwise. */
export const allWell: InstallationChecker = {
  check: async () => CHECK_IDS.map((id) => ({ id, scopes: [], outcome: 'ok' as const, problem: null })),
};

/** The Graph layer of the UI tests: a directory, one store, a publisher that publishes nothing. */
export function fakeGraph(directory: Directory, store: FakeStore, installation: InstallationChecker = allWell, tasks: Record<string, PlannerTaskRead> = {}): GraphServices {
  return {
    directory,
    store: () => store,
    publisher: { publish: async () => ({ planId: 'p', planUrl: 'https://x/p', outcomes: [], nonMembers: [] }) },
    installation,
    plannerTasks: { read: async (ids) => new Map(ids.map((id) => [id, tasks[id] ?? null] as const)) },
  };
}

export function fakeServices(options: ServicesOptions = {}): AppServices & { store: FakeStore; host: FakeHost } {
  const me = options.me ?? facilitator;
  const store = options.store ?? new FakeStore();
  const host = options.host ?? fakeHost();
  const locale = options.locale ?? 'nl';
  const graph = fakeGraph(fakeDirectory(me, options.directory), store, options.installation, options.plannerTasks);
  let seed = 0;
  return {
    host,
    config: testConfig,
    graph,
    me,
    instrument: loadInstrument(locale),
    locale,
    now: options.now ?? (() => new Date('2026-03-01T10:00:00.000Z')),
    random: (n) => Uint8Array.from({ length: n }, () => (seed += 7) & 255),
    storage: memoryDraftStorage(),
    url: new URL(options.url ?? `https://app.example.nl/?session=${SESSION_KEY}&site=site-1&siteUrl=https%3A%2F%2Fcontoso.sharepoint.com%2Fsites%2Fag&group=group-1`),
    pollMs: 60_000,
    store,
  };
}

/** Renders `ui` inside the app's providers, with a session provider when `withSession`. */
export function renderWith(ui: ReactElement, services: AppServices, withSession = true): RenderResult {
  return render(
    <LocaleProvider locale={services.locale}>
      <AppServicesProvider services={services}>{withSession ? <SessionProvider>{ui}</SessionProvider> : ui}</AppServicesProvider>
    </LocaleProvider>,
  );
}

/** A snapshot as openSession returns it, for tests that hand the tab whole sessions (history, comparison). */
export function snapshotOf(session: Session, responses: Response[], actions: ActionItem[]): SessionSnapshot {
  const v = <T,>(value: T, itemId: string): Versioned<T> => ({ value, itemId, etag: `"${itemId}"` });
  return {
    session: v(session, '1'),
    responses: responses.map((r, i) => v(r, `r${i}`)),
    actions: actions.map((a, i) => v(a, `a${i}`)),
    invalid: [],
    links: { sessionsList: 'https://x/s', answersList: 'https://x/a', actionsList: 'https://x/c', plannerPlan: null },
  };
}

/** Start-up's dependencies with fakes: a host, the test configuration, Sanne signed in; `overrides` replace any. */
export function bootDeps(overrides: Partial<BootDependencies> = {}): BootDependencies {
  const host = fakeHost();
  return {
    createHost: async () => host,
    fetchConfig: async () => testConfig,
    tokens: () => ({ getToken: async () => 'not-used-by-the-fake-directory' }),
    graph: () => fakeGraph(fakeDirectory(sanne), new FakeStore()),
    ...overrides,
  };
}
