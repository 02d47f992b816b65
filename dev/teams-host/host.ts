// The meeting simulator page: plays the Teams client of every participant around the app. Each
// participant has their own client, as in a real meeting: on a computer a side panel and, while
// something is shared, the stage; on a phone only the meeting tab. Every frame is answered as the
// person in it, so each signs in with their own login hint and polls on its own. The page also
// lets the developer change what Teams would change: theme, language, who is there, who
// organises, who presents, who joined on a phone, channel meeting or not.
// It is served from the app's own origin, so teams-js trusts it without extra configuration.
import { ALL_USERS, type SeedUser } from '../graph-emulator/seed';
import {
  type AccountKind,
  accountKindOf,
  CLIENT_TYPES,
  type ClientType,
  clientOf,
  defaultMeeting,
  type FrameIdentity,
  type FrameKind,
  GRANTED_ROLES,
  type GrantedRole,
  isPhone,
  legacyContext,
  mayPresent,
  type MeetingRole,
  type MeetingSettings,
  roleOf,
  type SignInOffer,
  SIGN_IN_PARAM,
  SimulatorStateSchema,
  WINDOW_REFUSED_SIGNAL,
  type TabConfig,
  TabConfigSchema,
  type TeamsLocale,
  type TeamsTheme,
  userById,
  usersNotInMeeting,
} from './meeting';
import { answerBridgeRequest, NAA_FUNC, type TokenEndpoint, tokenEndpointAt } from './naaBridge';
import { answer, type HostEvent, type HostRequest, isHostRequest, type MeetingSide, responseTo, saveEvent, themeChangeEvent } from './protocol';

type View = 'meeting' | 'config' | 'tab';
type FrameStatus = 'loading' | 'initialised' | 'ready' | 'failed';

interface AppFrame extends FrameIdentity {
  iframe: HTMLIFrameElement;
  status: HTMLElement;
  state: FrameStatus;
}

/** One participant's Teams client on the page: a strip that opens to show their frames. */
interface ClientView {
  user: SeedUser;
  root: HTMLElement;
  toggle: HTMLButtonElement;
  body: HTMLElement;
  frames: HTMLElement;
}

const APP_ORIGIN = window.location.origin;
/** The manifest's configurationUrl and the default contentUrl: the app at the root of its origin. */
const APP_URL = `${APP_ORIGIN}/`;
const STATE_URL = '/teams-host/state';
const LOG_LIMIT = 300;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`Simulator page lacks #${id}`);
  return element as T;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

// ---- state -------------------------------------------------------------------------------------

function idList(params: URLSearchParams, name: string): string[] {
  return params.get(name)?.split(',').filter(Boolean) ?? [];
}

function settingsFromUrl(): { settings: MeetingSettings; open: Set<string> } {
  const params = new URLSearchParams(window.location.search);
  const settings = defaultMeeting();
  const theme = params.get('theme');
  if (theme === 'default' || theme === 'dark' || theme === 'contrast') settings.theme = theme;
  const locale = params.get('locale');
  if (locale === 'nl-NL' || locale === 'en-US') settings.locale = locale;
  settings.channelMeeting = params.get('channel') === '1';
  const known = (id: string) => ALL_USERS.some((u) => u.id === id);
  const users = idList(params, 'users').filter(known);
  if (users.length > 0) settings.participantIds = [...new Set(users)];
  const organiser = params.get('organiser');
  if (organiser && settings.participantIds.includes(organiser)) settings.organiserId = organiser;
  if (!settings.participantIds.includes(settings.organiserId)) settings.organiserId = settings.participantIds[0] ?? settings.organiserId;
  const inMeeting = (id: string) => settings.participantIds.includes(id) && id !== settings.organiserId;
  for (const id of idList(params, 'presenters').filter(inMeeting)) settings.roles[id] = 'presenter';
  for (const id of idList(params, 'coorganisers').filter(inMeeting)) settings.roles[id] = 'coOrganiser';
  for (const id of idList(params, 'mobile').filter((id) => settings.participantIds.includes(id))) settings.clients[id] = 'android';
  for (const id of idList(params, 'ios').filter((id) => settings.participantIds.includes(id))) settings.clients[id] = 'ios';
  // Which clients are open on the page; the organiser's alone when the address does not say.
  const openParam = params.get('open');
  const open = new Set(openParam === 'all' ? settings.participantIds : openParam !== null ? idList(params, 'open') : [settings.organiserId]);
  return { settings, open };
}

/** Keeps the meeting in the address bar, so a reload or a shared link shows the same meeting. */
function writeSettingsToUrl(): void {
  const params = new URLSearchParams();
  if (view !== 'meeting') params.set('view', view);
  if (settings.theme !== 'default') params.set('theme', settings.theme);
  if (settings.locale !== 'nl-NL') params.set('locale', settings.locale);
  if (settings.channelMeeting) params.set('channel', '1');
  if (requestedSignIn !== 'naa') params.set('signin', SIGN_IN_PARAM[requestedSignIn]);
  params.set('users', settings.participantIds.join(','));
  params.set('organiser', settings.organiserId);
  const withRole = (role: GrantedRole) => settings.participantIds.filter((id) => roleOf(settings, id) === role);
  const withClient = (client: ClientType) => settings.participantIds.filter((id) => clientOf(settings, id) === client);
  const lists: [string, string[]][] = [
    ['coorganisers', withRole('coOrganiser')],
    ['presenters', withRole('presenter')],
    ['mobile', withClient('android')],
    ['ios', withClient('ios')],
  ];
  for (const [name, ids] of lists) if (ids.length > 0) params.set(name, ids.join(','));
  const open = settings.participantIds.filter((id) => openClients.has(id));
  params.set('open', open.length === settings.participantIds.length ? 'all' : open.join(','));
  window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`);
}

/** `?signin=dialog`: every client is one without nested app authentication; `?signin=naa-without-bridge`: one that recommends it without a bridge (meeting.ts SignInOffer). */
const requestedSignIn: SignInOffer = (() => {
  const asked = new URLSearchParams(window.location.search).get('signin');
  const offer = (Object.keys(SIGN_IN_PARAM) as (keyof typeof SIGN_IN_PARAM)[]).find((o) => SIGN_IN_PARAM[o] === asked);
  return offer ?? 'naa';
})();
/** The emulator's token endpoint (from the server, /teams-host/identity); without it no client offers NAA. */
let tokenEndpoint: TokenEndpoint | null = null;
const IDENTITY_URL = '/teams-host/identity';

const initial = settingsFromUrl();
const settings = initial.settings;
const openClients = initial.open;
let view: View = 'meeting';
let tab: TabConfig | null = null;
let pendingTab: TabConfig | null = null;
let stageUrl: string | null = null;
let stageSharer: string | null = null;
let stageProtocol: 'Collaborative' | 'ScreenShare' = 'Collaborative';
let configValid = false;
let saving = false;
const frames: AppFrame[] = [];
const clients = new Map<string, ClientView>();

async function loadState(): Promise<void> {
  const response = await fetch(STATE_URL, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${STATE_URL} answered ${response.status}`);
  const state = SimulatorStateSchema.parse(await response.json());
  tab = state.tab;
  // Like Teams for someone who (re)joins the meeting: what was shared is still on the stage.
  stageUrl = tab && state.stageUrl && isAllowedAppUrl(state.stageUrl) ? state.stageUrl : null;
  stageSharer = stageUrl ? state.stageSharer : null;
  stageProtocol = state.stageProtocol;
}

async function saveState(): Promise<void> {
  const response = await fetch(STATE_URL, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ tab, stageUrl, stageSharer, stageProtocol }) });
  if (!response.ok) throw new Error(`${STATE_URL} answered ${response.status}`);
}

function keepState(): void {
  void saveState().catch((error: unknown) => announce(`Simulatorstatus niet bewaard: ${String(error)}`));
}

// ---- log and announcements -----------------------------------------------------------------------

function who(frame: FrameIdentity): string {
  return `${frame.kind} · ${frame.user.displayName}`;
}

/**
 * One formatter for every log line: `toLocaleTimeString` builds a new one per call, and the simulator
 * logs every message of every frame. In Teams the host runs in its own process; here it shares the app
 * frames' main thread, so its cost per message lands in the app's start (bench:load traced 17 ms of a
 * cold start in this line).
 */
const LOG_TIME = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function log(line: string): void {
  const list = byId<HTMLOListElement>('log');
  list.append(el('li', {}, `${LOG_TIME.format(new Date())} ${line}`));
  while (list.children.length > LOG_LIMIT) list.firstElementChild?.remove();
}

function announce(message: string): void {
  byId('announce').textContent = message;
  log(`— ${message}`);
}

// ---- words ----------------------------------------------------------------------------------------

const KIND_LABEL: Record<FrameKind, string> = {
  authentication: 'Aanmeldvenster',
  settings: 'Configuratie',
  content: 'Tabblad',
  sidePanel: 'Zijpaneel',
  meetingStage: 'Podium',
};

const ROLE_LABEL: Record<MeetingRole, string> = {
  organiser: 'organisator',
  coOrganiser: 'co-organisator',
  presenter: 'presentator',
  attendee: 'deelnemer',
};

const CLIENT_LABEL: Record<ClientType, string> = { web: 'computer', android: 'telefoon (Android)', ios: 'telefoon (iOS)' };

const ACCOUNT_LABEL: Record<AccountKind, string> = { member: 'medewerker', guest: 'gast', external: 'extern' };

const STATUS_LABEL: Record<FrameStatus, string> = { loading: 'Laden…', initialised: 'Verbonden', ready: 'Geladen', failed: 'Fout' };

function accountText(user: SeedUser): string {
  const kind = accountKindOf(user);
  return kind === 'member' ? ACCOUNT_LABEL.member : `${ACCOUNT_LABEL[kind]}, ${user.organisation}`;
}

// ---- talking to frames ---------------------------------------------------------------------------

function post(frame: AppFrame, message: unknown): void {
  frame.iframe.contentWindow?.postMessage(message, APP_ORIGIN);
}

function broadcast(event: HostEvent): void {
  for (const frame of frames) post(frame, event);
  log(`→ alle frames ${event.func} ${JSON.stringify(event.args)}`);
}

function setFrameStatus(frame: AppFrame, status: FrameStatus, text: string): void {
  frame.state = status;
  frame.iframe.closest('.frame-card')?.setAttribute('data-status', status);
  frame.status.dataset.status = status;
  frame.status.textContent = text;
  const client = clients.get(frame.user.id);
  if (client?.root.contains(frame.iframe)) renderClientFrames(client);
}

function isAllowedAppUrl(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

const meetingSide: MeetingSide = {
  context: (frame) => legacyContext(frame, settings, tab),
  signInOffer: () => (tokenEndpoint ? requestedSignIn : 'dialog'),
  mayShareToStage: (frame) => settings.participantIds.includes(frame.user.id) && mayPresent(roleOf(settings, frame.user.id)),
  isSharingToStage: () => stageUrl !== null,
  shareToStage(frame, url, protocol) {
    // Teams only shares URLs inside the manifest's validDomains; locally that is the app's origin.
    if (!isAllowedAppUrl(url)) return `${url} valt buiten de geldige domeinen van de app.`;
    stageUrl = url;
    stageSharer = frame.user.id;
    stageProtocol = protocol;
    keepState();
    renderStages();
    announce(`${frame.user.displayName} deelt de app op het podium van iedereen.`);
    return null;
  },
  stopSharingToStage() {
    stageUrl = null;
    stageSharer = null;
    keepState();
    renderStages();
    announce('Het podium is leeg.');
  },
  setValidity(_frame, valid) {
    configValid = valid;
    renderConfigButtons();
  },
  proposeTabConfig(_frame, config) {
    const parsed = TabConfigSchema.safeParse(config);
    if (!parsed.success) return `Ongeldige tabbladinstellingen: ${parsed.error.issues.map((i) => i.path.join('.') + ' ' + i.message).join('; ')}`;
    if (!isAllowedAppUrl(parsed.data.contentUrl)) return `contentUrl ${parsed.data.contentUrl} valt buiten de geldige domeinen van de app.`;
    pendingTab = parsed.data;
    return null;
  },
  savedTabConfig: () => tab,
  saveFinished(_frame, outcome) {
    saving = false;
    if (!outcome.ok) {
      announce(`Opslaan mislukt: ${outcome.reason}`);
      renderConfigButtons();
      return;
    }
    if (!pendingTab) {
      announce('De app meldde succes, maar gaf geen tabbladinstellingen door (pages.config.setConfig).');
      renderConfigButtons();
      return;
    }
    tab = pendingTab;
    pendingTab = null;
    void saveState().catch((error: unknown) => announce(`Instellingen niet bewaard: ${String(error)}`));
    announce(`Tabblad "${tab.suggestedDisplayName ?? tab.entityId}" is ingesteld.`);
    show('meeting');
  },
  appReady(frame, outcome) {
    const appFrame = frames.find((f) => f === frame);
    if (!appFrame) return;
    if (outcome.ok) setFrameStatus(appFrame, 'ready', STATUS_LABEL.ready);
    else setFrameStatus(appFrame, 'failed', `Fout: ${outcome.reason}`);
  },
  openLink(url) {
    window.open(url, '_blank', 'noopener');
  },
  registeredHandler: () => undefined,
};

// ---- sign-in: the nested app auth bridge and Teams' authentication window ----------------------------

/** Answers MSAL's bridge request from a frame with the emulator's tokens for the person in it. */
async function answerNestedAppAuth(frame: AppFrame, request: HostRequest): Promise<void> {
  const data = (request as HostRequest & { data?: unknown }).data;
  if (!tokenEndpoint) {
    post(frame, responseTo(request, [null, null]));
    return;
  }
  const json = await answerBridgeRequest(data, frame.user, tokenEndpoint);
  if (json === null) return;
  const summary = JSON.parse(json) as { success: boolean; error?: { status: string; code?: string } };
  log(`→ ${who(frame)} ${NAA_FUNC} ${summary.success ? 'token' : `${summary.error?.status ?? ''} ${summary.error?.code ?? ''}`}`);
  // teams-js hands MSAL the JSON in args[1] of the answer (processAuthBridgeMessage).
  post(frame, responseTo(request, [null, json]));
}

/** An open authentication window: who asked (their request is answered when it ends). */
interface AuthWindow {
  window: Window;
  opener: AppFrame;
  request: HostRequest;
  settled: boolean;
  timer: number;
}
const authWindows: AuthWindow[] = [];
let authWindowCount = 0;

function settleAuthWindow(entry: AuthWindow, args: [boolean, string]): void {
  if (entry.settled) return;
  entry.settled = true;
  window.clearInterval(entry.timer);
  authWindows.splice(authWindows.indexOf(entry), 1);
  post(entry.opener, responseTo(entry.request, args));
  log(`→ ${who(entry.opener)} authentication.authenticate ${args[0] ? 'gelukt' : `mislukt: ${args[1].slice(0, 200)}`}`);
  // teams-js closes the window itself after notifySuccess/notifyFailure; Teams would too.
  window.setTimeout(() => entry.window.close(), 500);
}

/**
 * teams-js `authentication.authenticate` (args: url, width, height, isExternal): Teams opens the app's
 * page in a window of its own and answers `[true, result]` or `[false, reason]` when the page calls
 * notifySuccess/notifyFailure, or `CancelledByUser` when the person closes it (learn.microsoft.com/
 * javascript/api/@microsoft/teams-js/authentication).
 */
function openAuthWindow(frame: AppFrame, request: HostRequest): void {
  const [url, width, height] = request.args;
  if (typeof url !== 'string' || !isAllowedAppUrl(url)) {
    post(frame, responseTo(request, [false, `${String(url)} valt buiten de geldige domeinen van de app.`]));
    return;
  }
  const size = (value: unknown, fallback: number) => (typeof value === 'number' && value > 0 ? Math.round(value) : fallback);
  // A window name of its own per request: message ids are counted per frame, so two frames' first
  // requests share an id, and window.open with a name already open reuses that window — one person's
  // sign-in would then answer the other's request.
  authWindowCount += 1;
  // A browser opens a window only in answer to a person's press (transient user activation, which a
  // press inside the app's frame gives this page too: html.spec.whatwg.org/multipage/interaction.html
  // #tracking-user-activation). Teams on the web opens its sign-in window from its own page, so without
  // a press it fails as Teams does. The browser that runs the tests has its pop-up blocker switched
  // off, so the rule is checked here rather than left to it.
  const pressed = navigator.userActivation?.isActive ?? true;
  const opened = pressed ? window.open(url, `teams-auth-${authWindowCount}`, `popup,width=${size(width, 600)},height=${size(height, 535)}`) : null;
  if (!pressed) {
    log(`— aanmeldvenster voor ${frame.user.displayName} niet geopend: er is nergens op gedrukt`);
    console.info(WINDOW_REFUSED_SIGNAL);
  }
  if (!opened) {
    post(frame, responseTo(request, [false, 'FailedToOpenWindow']));
    return;
  }
  const entry: AuthWindow = { window: opened, opener: frame, request, settled: false, timer: 0 };
  entry.timer = window.setInterval(() => {
    if (opened.closed) settleAuthWindow(entry, [false, 'CancelledByUser']);
  }, 250);
  authWindows.push(entry);
  announce(`Aanmeldvenster geopend voor ${frame.user.displayName}.`);
}

/** A message from our page in an authentication window: answered as the person whose tab opened it. */
function answerAuthWindow(entry: AuthWindow, data: unknown): void {
  if (!isHostRequest(data)) return;
  const args = data.args ?? [];
  if (data.func === 'authentication.authenticate.success') return settleAuthWindow(entry, [true, typeof args[0] === 'string' ? args[0] : '']);
  if (data.func === 'authentication.authenticate.failure') return settleAuthWindow(entry, [false, typeof args[0] === 'string' ? args[0] : 'onbekende reden']);
  const identity: FrameIdentity = { kind: 'authentication', user: entry.opener.user, client: entry.opener.client };
  const answerArgs = answer(identity, data, meetingSide);
  log(`← ${who(identity)} ${data.func}`);
  if (answerArgs !== undefined) entry.window.postMessage(responseTo(data, answerArgs), APP_ORIGIN);
}

window.addEventListener('message', (event: MessageEvent) => {
  if (event.origin !== APP_ORIGIN) return;
  const authWindow = authWindows.find((w) => w.window === event.source);
  if (authWindow) return answerAuthWindow(authWindow, event.data);
  const frame = frames.find((f) => f.iframe.contentWindow === event.source);
  if (!frame || !isHostRequest(event.data)) return;
  const request = event.data;
  if (request.func === NAA_FUNC) {
    void answerNestedAppAuth(frame, request).catch((error: unknown) => log(`— ${NAA_FUNC} mislukt: ${String(error)}`));
    return;
  }
  if (request.func === 'authentication.authenticate') {
    log(`← ${who(frame)} authentication.authenticate`);
    openAuthWindow(frame, request);
    return;
  }
  if (request.func === 'initialize') setFrameStatus(frame, 'initialised', STATUS_LABEL.initialised);
  const args = answer(frame, request, meetingSide);
  log(`← ${who(frame)} ${request.func} ${JSON.stringify(request.args ?? [])}`);
  if (args !== undefined) {
    post(frame, responseTo(request, args));
    log(`→ ${who(frame)} ${request.func} ${JSON.stringify(args).slice(0, 200)}`);
  }
});

// ---- frames ---------------------------------------------------------------------------------------

/** A card with a heading and either the app in a frame or an explanation why it is not there. */
function frameCard(kind: FrameKind, user: SeedUser, client: ClientType, src: string | null, className: string, empty: () => Node[], screenShareFor?: SeedUser): HTMLElement {
  // A screen share: `user` is the sharer, whose client runs the app; `screenShareFor` only watches it.
  const viewer = screenShareFor ?? user;
  const role = ROLE_LABEL[roleOf(settings, viewer.id)];
  const shared = screenShareFor ? ` – schermdeling van ${user.displayName}` : '';
  const title = `${KIND_LABEL[kind]} – ${viewer.displayName} (${role})${shared}`;
  const status = el('span', { class: 'frame-status', 'data-status': 'loading' });
  const head = el('div', { class: 'frame-head' }, el('span', { class: 'who' }, `${KIND_LABEL[kind]}: ${viewer.displayName} `, el('span', { class: 'role' }, `(${role})${shared}`)), status);
  const card = el('section', { class: `frame-card ${className}`, 'aria-label': title, 'data-frame-kind': kind, 'data-user-upn': viewer.userPrincipalName, ...(screenShareFor ? { 'data-screen-share-of': user.userPrincipalName } : {}) });
  if (src === null) {
    card.append(head, el('div', { class: 'empty' }, ...empty()));
    return card;
  }
  const iframe = el('iframe', { title, src });
  // A picture of someone else's screen: nothing in it can be clicked, focused or typed into.
  if (screenShareFor) iframe.inert = true;
  card.append(head, iframe);
  const frame: AppFrame = { kind, user, client, iframe, status, state: 'loading' };
  frames.push(frame);
  setFrameStatus(frame, 'loading', STATUS_LABEL.loading);
  return card;
}

function forgetFramesIn(node: HTMLElement): void {
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i];
    if (frame && node.contains(frame.iframe)) frames.splice(i, 1);
  }
}

function dropFrames(container: HTMLElement): void {
  forgetFramesIn(container);
  container.replaceChildren();
}

function configureButton(): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'primary' }, 'App instellen');
  button.addEventListener('click', () => show('config'));
  return button;
}

/** The stage as it appears in `user`'s own Teams client: their frame, their context, their sign-in. */
function stageCard(user: SeedUser): HTMLElement {
  // Shared as a screen share: everyone but the sharer sees the sharer's stage (here: the sharer's frame,
  // inert; it joins the sharer's own frames in reading the session, so it costs no requests of its own).
  if (tab && stageUrl && stageProtocol === 'ScreenShare' && stageSharer && stageSharer !== user.id) {
    return frameCard('meetingStage', userById(stageSharer), 'web', stageUrl, 'stage screen-share', () => [], user);
  }
  return frameCard('meetingStage', user, 'web', tab ? stageUrl : null, 'stage', () =>
    tab
      ? [el('p', {}, 'Nog niets gedeeld op het podium.'), el('p', {}, 'Organisatoren en presentatoren delen de app vanuit hun zijpaneel.')]
      : [el('p', {}, 'De app is nog niet aan deze vergadering toegevoegd.')],
  );
}

function sidePanelCard(user: SeedUser): HTMLElement {
  return frameCard('sidePanel', user, 'web', tab ? tab.contentUrl : null, 'side-panel', () => [el('p', {}, 'Nog geen app in deze vergadering.')]);
}

/** A phone has neither side panel nor stage: only the meeting's tab, at a phone's width. */
function phoneTabCard(user: SeedUser, client: ClientType): HTMLElement {
  return frameCard('content', user, client, tab ? tab.contentUrl : null, 'phone', () => [el('p', {}, 'Het tabblad is nog niet ingesteld.')]);
}

// ---- a participant's client -------------------------------------------------------------------------

function renderClientFrames(client: ClientView): void {
  const states = frames
    .filter((f) => client.root.contains(f.iframe))
    .sort((a, b) => a.kind.localeCompare(b.kind))
    .map((f) => `${KIND_LABEL[f.kind]}: ${STATUS_LABEL[f.state]}`);
  client.frames.textContent = states.length > 0 ? states.join(' · ') : 'Geen app-frames';
  const failed = frames.some((f) => client.root.contains(f.iframe) && f.state === 'failed');
  client.frames.dataset.status = failed ? 'failed' : '';
}

function setOpen(client: ClientView, open: boolean): void {
  if (open) openClients.add(client.user.id);
  else openClients.delete(client.user.id);
  client.toggle.setAttribute('aria-expanded', String(open));
  // Collapsed, not removed: the frames keep their size and keep running (see README: a hidden
  // frame still reports visibilityState 'visible', so it polls like a Teams window nobody looks at).
  client.body.toggleAttribute('data-collapsed', !open);
}

function fillClientBody(client: ClientView): void {
  forgetFramesIn(client.body);
  const device = clientOf(settings, client.user.id);
  if (isPhone(device)) client.body.replaceChildren(phoneTabCard(client.user, device));
  else client.body.replaceChildren(stageCard(client.user), sidePanelCard(client.user));
  renderClientFrames(client);
}

function select(label: string, options: [string, string][], value: string, onChange: (value: string) => void, disabled = false): HTMLSelectElement {
  const element = el('select', { 'aria-label': label }, ...options.map(([v, text]) => el('option', { value: v }, text)));
  element.value = value;
  element.disabled = disabled;
  element.addEventListener('change', () => onChange(element.value));
  return element;
}

function clientView(user: SeedUser): ClientView {
  const role = roleOf(settings, user.id);
  const device = clientOf(settings, user.id);
  const bodyId = `client-${user.id}`;
  const toggle = el(
    'button',
    { type: 'button', class: 'client-toggle', 'aria-controls': bodyId, 'aria-expanded': 'false' },
    el('span', { class: 'client-name' }, user.displayName),
    el('span', { class: 'client-facts' }, `${ROLE_LABEL[role]} · ${CLIENT_LABEL[device]} · ${accountText(user)}`),
  );
  const framesStatus = el('span', { class: 'client-frames' });
  const roleSelect = select(
    `Rol van ${user.displayName}`,
    role === 'organiser' ? [['organiser', ROLE_LABEL.organiser]] : GRANTED_ROLES.map((r) => [r, ROLE_LABEL[r]]),
    role,
    (value) => setRole(user.id, value as GrantedRole),
    role === 'organiser',
  );
  const deviceSelect = select(
    `Apparaat van ${user.displayName}`,
    CLIENT_TYPES.map((c) => [c, CLIENT_LABEL[c]]),
    device,
    (value) => setClient(user.id, value as ClientType),
  );
  const remove = el('button', { type: 'button', 'aria-label': `${user.displayName} verwijderen` }, 'Verwijderen');
  remove.disabled = settings.participantIds.length <= 1;
  remove.addEventListener('click', () => removeParticipant(user.id));
  const strip = el(
    'div',
    { class: 'client-strip' },
    el('h3', { class: 'client-title' }, toggle),
    framesStatus,
    el('span', { class: 'client-controls' }, roleSelect, deviceSelect, remove),
  );
  const body = el('div', { class: 'client-body', id: bodyId });
  const root = el(
    'li',
    { class: 'client', 'data-client-upn': user.userPrincipalName, 'data-role': role, 'data-client': device, 'data-account': accountKindOf(user) },
    strip,
    body,
  );
  const client: ClientView = { user, root, toggle, body, frames: framesStatus };
  toggle.addEventListener('click', () => {
    setOpen(client, toggle.getAttribute('aria-expanded') !== 'true');
    writeSettingsToUrl();
  });
  fillClientBody(client);
  setOpen(client, openClients.has(user.id));
  return client;
}

function replaceClient(userId: string): void {
  const old = clients.get(userId);
  if (!old) return;
  forgetFramesIn(old.root);
  const fresh = clientView(old.user);
  clients.set(userId, fresh);
  old.root.replaceWith(fresh.root);
}

/** Sharing changes only the stages: the side panels and tabs keep running, as they do in Teams. */
function renderStages(): void {
  for (const client of clients.values()) {
    const current = client.body.querySelector<HTMLElement>(':scope > .stage');
    if (!current) continue;
    forgetFramesIn(current);
    current.replaceWith(stageCard(client.user));
    renderClientFrames(client);
  }
  renderStageBar();
}

function renderStageBar(): void {
  const bar = byId('stage-bar');
  const stop = el('button', { type: 'button' }, 'Delen stoppen');
  stop.addEventListener('click', () => meetingSide.stopSharingToStage());
  const openAll = el('button', { type: 'button' }, 'Alle deelnemers openen');
  openAll.addEventListener('click', () => setAllOpen(true));
  const closeAll = el('button', { type: 'button' }, 'Alle deelnemers sluiten');
  closeAll.addEventListener('click', () => setAllOpen(false));
  const phones = settings.participantIds.filter((id) => isPhone(clientOf(settings, id))).length;
  const computers = settings.participantIds.length - phones;
  const running = computers * (stageUrl ? 2 : 1) + phones;
  const sharer = stageSharer ? userById(stageSharer).displayName : null;
  const stageText = !tab
    ? 'De app is nog niet aan deze vergadering toegevoegd.'
    : stageUrl
      ? stageProtocol === 'ScreenShare'
        ? `Podium gedeeld${sharer ? ` door ${sharer}` : ''} als schermdeling: alleen die client draait de app, de anderen zien het beeld (ook externen).`
        : `Podium gedeeld${sharer ? ` door ${sharer}` : ''}: elke deelnemer op een computer ziet het in zijn eigen client.`
      : 'Niets gedeeld op het podium.';
  bar.replaceChildren(
    el('p', { class: 'stage-state' }, stageText),
    ...(tab ? [] : [configureButton()]),
    ...(stageUrl ? [stop] : []),
    el('span', { class: 'bar-actions' }, openAll, closeAll),
    el(
      'p',
      { class: 'load-note' },
      `${settings.participantIds.length} deelnemers (${computers} op een computer, ${phones} op een telefoon): ${tab ? running : 0} app-frames draaien, ook ingeklapte, en elk haalt de sessie zelf op, zoals in een echte vergadering.`,
    ),
  );
}

function setAllOpen(open: boolean): void {
  for (const client of clients.values()) setOpen(client, open);
  writeSettingsToUrl();
}

function renderMeeting(): void {
  const list = byId('meeting');
  dropFrames(list);
  clients.clear();
  for (const id of settings.participantIds) {
    const client = clientView(userById(id));
    clients.set(id, client);
    list.append(client.root);
  }
  renderStageBar();
}

function renderConfig(): void {
  const container = byId('config');
  dropFrames(container);
  configValid = false;
  saving = false;
  pendingTab = null;
  const organiser = userById(settings.organiserId);
  const notice = tab
    ? el('p', { class: 'notice' }, 'Het tabblad is al ingesteld. Opnieuw opslaan vervangt de instellingen.')
    : el('p', { class: 'notice' }, 'De app is nog niet aan deze vergadering toegevoegd: stel hem hier in en kies Opslaan.');
  const card = frameCard('settings', organiser, 'web', APP_URL, 'single', () => []);
  const saveButton = el('button', { type: 'button', class: 'primary', id: 'config-save' }, 'Opslaan');
  const cancelButton = el('button', { type: 'button', id: 'config-cancel' }, 'Annuleren');
  saveButton.addEventListener('click', () => {
    const frame = frames.find((f) => f.kind === 'settings');
    if (!frame) return;
    saving = true;
    renderConfigButtons();
    post(frame, saveEvent());
    log(`→ ${who(frame)} settings.save`);
  });
  cancelButton.addEventListener('click', () => show('meeting'));
  card.append(el('div', { class: 'config-actions' }, cancelButton, saveButton));
  container.append(notice, card);
  renderConfigButtons();
}

function renderConfigButtons(): void {
  const save = document.getElementById('config-save') as HTMLButtonElement | null;
  if (!save) return;
  save.disabled = !configValid || saving;
  save.textContent = saving ? 'Opslaan…' : 'Opslaan';
}

/** The organiser's meeting tab in a computer's Teams window (a phone participant's tab is in their client). */
function renderTab(): void {
  const container = byId('tab');
  dropFrames(container);
  const organiser = userById(settings.organiserId);
  container.append(
    frameCard('content', organiser, 'web', tab ? tab.contentUrl : null, 'single', () => [el('p', {}, 'Het tabblad is nog niet ingesteld.'), configureButton()]),
  );
}

function renderPeoplePickers(): void {
  const organiser = byId<HTMLSelectElement>('organiser');
  organiser.replaceChildren(...settings.participantIds.map((id) => el('option', { value: id }, userById(id).displayName)));
  organiser.value = settings.organiserId;
  const candidates = usersNotInMeeting(settings).filter((u) => u.accountEnabled);
  const add = byId<HTMLSelectElement>('add-user');
  const describe = (u: SeedUser) => (accountKindOf(u) === 'member' ? `${u.displayName} – ${u.jobTitle}` : `${u.displayName} – ${u.jobTitle} (${accountText(u)})`);
  add.replaceChildren(...(candidates.length > 0 ? candidates.map((u) => el('option', { value: u.id }, describe(u))) : [el('option', { value: '' }, 'Iedereen doet al mee')]));
  add.disabled = candidates.length === 0;
  byId<HTMLButtonElement>('add-button').disabled = candidates.length === 0;
}

function show(next: View): void {
  view = next;
  for (const name of ['meeting', 'config', 'tab'] as const) {
    byId(`view-${name}`).hidden = name !== view;
    document.querySelector(`[data-view="${name}"]`)?.setAttribute('aria-pressed', String(name === view));
  }
  // Only the visible view holds app frames, as in Teams where a dialog or tab closes when left.
  dropFrames(byId('meeting'));
  dropFrames(byId('config'));
  dropFrames(byId('tab'));
  clients.clear();
  if (view === 'meeting') renderMeeting();
  else if (view === 'config') renderConfig();
  else renderTab();
  // The organiser and participant pickers are in the toolbar of every view.
  renderPeoplePickers();
  writeSettingsToUrl();
}

function applyTheme(): void {
  document.body.dataset.theme = settings.theme;
}

// ---- who is there, in which role, on which device ----------------------------------------------------

function refreshRemoveButtons(): void {
  for (const client of clients.values()) {
    const remove = client.root.querySelector<HTMLButtonElement>('.client-controls button');
    if (remove) remove.disabled = settings.participantIds.length <= 1;
  }
}

function addParticipant(id: string): void {
  if (!id || settings.participantIds.includes(id)) return;
  settings.participantIds = [...settings.participantIds, id];
  openClients.add(id);
  announce(`${userById(id).displayName} neemt deel.`);
  // Someone joining starts their own client; the others keep running, as in Teams.
  if (view === 'meeting') {
    const client = clientView(userById(id));
    clients.set(id, client);
    byId('meeting').append(client.root);
    refreshRemoveButtons();
    renderStageBar();
  }
  renderPeoplePickers();
  writeSettingsToUrl();
}

function removeParticipant(id: string): void {
  if (settings.participantIds.length <= 1) return;
  settings.participantIds = settings.participantIds.filter((p) => p !== id);
  delete settings.roles[id];
  delete settings.clients[id];
  openClients.delete(id);
  if (stageSharer === id) {
    // A screen share ends with the sharer's client; app content shared collaboratively stays on the stage.
    if (stageProtocol === 'ScreenShare') stageUrl = null;
    stageSharer = null;
  }
  announce(`${userById(id).displayName} heeft de vergadering verlaten.`);
  if (settings.organiserId === id) {
    // The meeting gets a new organiser, which changes what everyone may do: every client restarts.
    settings.organiserId = settings.participantIds[0] ?? id;
    show(view);
    return;
  }
  const client = clients.get(id);
  if (client) {
    forgetFramesIn(client.root);
    client.root.remove();
    clients.delete(id);
  }
  refreshRemoveButtons();
  renderStageBar();
  renderPeoplePickers();
  writeSettingsToUrl();
}

/**
 * A new role restarts only that person's client: the app asks whether it may share when it starts
 * (getAppContentStageSharingCapabilities), and Teams gives no event for a role change.
 */
function setRole(id: string, role: GrantedRole): void {
  if (id === settings.organiserId) return;
  if (role === 'attendee') delete settings.roles[id];
  else settings.roles[id] = role;
  announce(`${userById(id).displayName} is nu ${ROLE_LABEL[role]}.`);
  replaceClient(id);
  writeSettingsToUrl();
}

/** Joining from another device is a new client: that person's frames start again. */
function setClient(id: string, client: ClientType): void {
  if (client === 'web') delete settings.clients[id];
  else settings.clients[id] = client;
  announce(`${userById(id).displayName} doet mee op een ${CLIENT_LABEL[client]}.`);
  replaceClient(id);
  renderStageBar();
  writeSettingsToUrl();
}

// ---- controls -----------------------------------------------------------------------------------

function wireControls(): void {
  const theme = byId<HTMLSelectElement>('theme');
  theme.value = settings.theme;
  theme.addEventListener('change', () => {
    settings.theme = theme.value as TeamsTheme;
    applyTheme();
    // Teams tells running apps about a theme change; it does not reload them.
    broadcast(themeChangeEvent(settings.theme));
    writeSettingsToUrl();
  });
  const locale = byId<HTMLSelectElement>('locale');
  locale.value = settings.locale;
  locale.addEventListener('change', () => {
    settings.locale = locale.value as TeamsLocale;
    // Teams restarts after a language change, so apps start again with the new locale.
    show(view);
  });
  const channel = byId<HTMLInputElement>('channel');
  channel.checked = settings.channelMeeting;
  channel.addEventListener('change', () => {
    settings.channelMeeting = channel.checked;
    stageUrl = null;
    stageSharer = null;
    keepState();
    show(view);
  });
  byId<HTMLSelectElement>('organiser').addEventListener('change', (event) => {
    settings.organiserId = (event.target as HTMLSelectElement).value;
    delete settings.roles[settings.organiserId];
    announce(`${userById(settings.organiserId).displayName} is nu organisator.`);
    show(view);
  });
  byId<HTMLButtonElement>('add-button').addEventListener('click', () => addParticipant(byId<HTMLSelectElement>('add-user').value));
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-view]')) {
    button.addEventListener('click', () => show(button.dataset.view as View));
  }
}

/**
 * Registers the stand-in for teams-js's CDN request before any app frame exists, so every frame
 * starts under its control. Without service workers (or if registration fails) the app still
 * works: teams-js falls back to its built-in list after a failed request.
 */
async function installCdnStandIn(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register('/teams-host/cdn-stand-in.js', { scope: '/' });
    await navigator.serviceWorker.ready;
  } catch (error) {
    log(`— CDN-vervanger niet geregistreerd: ${String(error)}`);
  }
}

async function start(): Promise<void> {
  applyTheme();
  wireControls();
  await installCdnStandIn();
  try {
    const identity = (await (await fetch(IDENTITY_URL, { cache: 'no-store' })).json()) as { tokenUrl?: unknown };
    if (typeof identity.tokenUrl === 'string') tokenEndpoint = tokenEndpointAt(identity.tokenUrl);
  } catch (error) {
    log(`— geen token-endpoint voor nested app auth: ${String(error)}`);
  }
  try {
    await loadState();
  } catch (error) {
    announce(`Simulatorstatus niet geladen: ${String(error)}`);
  }
  const requested = new URLSearchParams(window.location.search).get('view');
  // A meeting without the app starts where Teams starts: the configuration dialog.
  show(!tab ? 'config' : requested === 'config' || requested === 'tab' ? requested : 'meeting');
}

void start();
