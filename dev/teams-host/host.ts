// The meeting simulator page: plays the Teams client around the app. It embeds the app in frames
// (the organiser's configuration dialog, a stage, a side panel per participant, the meeting tab),
// answers teams-js's messages for each frame as the person in it, and lets the developer change
// what Teams would change: theme, language, who is there, who organises, channel meeting or not.
// It is served from the app's own origin, so teams-js trusts it without extra configuration.
import { ALL_USERS, type SeedUser } from '../graph-emulator/seed';
import {
  defaultMeeting,
  type FrameIdentity,
  type FrameKind,
  legacyContext,
  type MeetingSettings,
  SimulatorStateSchema,
  type TabConfig,
  TabConfigSchema,
  type TeamsLocale,
  type TeamsTheme,
  userById,
  usersNotInMeeting,
} from './meeting';
import { answer, type HostEvent, isHostRequest, type MeetingSide, responseTo, saveEvent, themeChangeEvent } from './protocol';

type View = 'meeting' | 'config' | 'tab';

interface AppFrame extends FrameIdentity {
  iframe: HTMLIFrameElement;
  status: HTMLElement;
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

function settingsFromUrl(): MeetingSettings {
  const params = new URLSearchParams(window.location.search);
  const settings = defaultMeeting();
  const theme = params.get('theme');
  if (theme === 'default' || theme === 'dark' || theme === 'contrast') settings.theme = theme;
  const locale = params.get('locale');
  if (locale === 'nl-NL' || locale === 'en-US') settings.locale = locale;
  settings.channelMeeting = params.get('channel') === '1';
  const known = (id: string) => ALL_USERS.some((u) => u.id === id);
  const users = params.get('users')?.split(',').filter(known);
  if (users && users.length > 0) settings.participantIds = users;
  const organiser = params.get('organiser');
  if (organiser && settings.participantIds.includes(organiser)) settings.organiserId = organiser;
  if (!settings.participantIds.includes(settings.organiserId)) settings.organiserId = settings.participantIds[0] ?? settings.organiserId;
  return settings;
}

/** Keeps the meeting in the address bar, so a reload or a shared link shows the same meeting. */
function writeSettingsToUrl(settings: MeetingSettings, view: View): void {
  const params = new URLSearchParams();
  if (view !== 'meeting') params.set('view', view);
  if (settings.theme !== 'default') params.set('theme', settings.theme);
  if (settings.locale !== 'nl-NL') params.set('locale', settings.locale);
  if (settings.channelMeeting) params.set('channel', '1');
  params.set('users', settings.participantIds.join(','));
  params.set('organiser', settings.organiserId);
  window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`);
}

const settings = settingsFromUrl();
let view: View = 'meeting';
let tab: TabConfig | null = null;
let pendingTab: TabConfig | null = null;
let stageUrl: string | null = null;
let configValid = false;
let saving = false;
const frames: AppFrame[] = [];

async function loadState(): Promise<void> {
  const response = await fetch(STATE_URL, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${STATE_URL} answered ${response.status}`);
  const state = SimulatorStateSchema.parse(await response.json());
  tab = state.tab;
  // Like Teams for someone who (re)joins the meeting: what the organiser shared is still on the stage.
  stageUrl = tab && state.stageUrl && isAllowedAppUrl(state.stageUrl) ? state.stageUrl : null;
}

async function saveState(): Promise<void> {
  const response = await fetch(STATE_URL, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ tab, stageUrl }) });
  if (!response.ok) throw new Error(`${STATE_URL} answered ${response.status}`);
}

function keepState(): void {
  void saveState().catch((error: unknown) => announce(`Simulatorstatus niet bewaard: ${String(error)}`));
}

// ---- log and announcements -----------------------------------------------------------------------

function who(frame: FrameIdentity): string {
  return `${frame.kind} · ${frame.user.displayName}`;
}

function log(line: string): void {
  const list = byId<HTMLOListElement>('log');
  list.append(el('li', {}, `${new Date().toLocaleTimeString('nl-NL')} ${line}`));
  while (list.children.length > LOG_LIMIT) list.firstElementChild?.remove();
}

function announce(message: string): void {
  byId('announce').textContent = message;
  log(`— ${message}`);
}

// ---- talking to frames ---------------------------------------------------------------------------

function post(frame: AppFrame, message: unknown): void {
  frame.iframe.contentWindow?.postMessage(message, APP_ORIGIN);
}

function broadcast(event: HostEvent): void {
  for (const frame of frames) post(frame, event);
  log(`→ alle frames ${event.func} ${JSON.stringify(event.args)}`);
}

function setFrameStatus(frame: AppFrame, status: 'loading' | 'initialised' | 'ready' | 'failed', text: string): void {
  frame.iframe.closest('.frame-card')?.setAttribute('data-status', status);
  frame.status.dataset.status = status;
  frame.status.textContent = text;
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
  mayShareToStage: (frame) => frame.user.id === settings.organiserId,
  isSharingToStage: () => stageUrl !== null,
  shareToStage(frame, url) {
    // Teams only shares URLs inside the manifest's validDomains; locally that is the app's origin.
    if (!isAllowedAppUrl(url)) return `${url} valt buiten de geldige domeinen van de app.`;
    stageUrl = url;
    keepState();
    renderStage();
    announce(`${frame.user.displayName} deelt de app op het podium.`);
    return null;
  },
  stopSharingToStage() {
    stageUrl = null;
    keepState();
    renderStage();
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
    if (outcome.ok) setFrameStatus(appFrame, 'ready', 'Geladen');
    else setFrameStatus(appFrame, 'failed', `Fout: ${outcome.reason}`);
  },
  openLink(url) {
    window.open(url, '_blank', 'noopener');
  },
  registeredHandler: () => undefined,
};

window.addEventListener('message', (event: MessageEvent) => {
  if (event.origin !== APP_ORIGIN) return;
  const frame = frames.find((f) => f.iframe.contentWindow === event.source);
  if (!frame || !isHostRequest(event.data)) return;
  const request = event.data;
  if (request.func === 'initialize') setFrameStatus(frame, 'initialised', 'Verbonden');
  const args = answer(frame, request, meetingSide);
  log(`← ${who(frame)} ${request.func} ${JSON.stringify(request.args ?? [])}`);
  if (args !== undefined) {
    post(frame, responseTo(request, args));
    log(`→ ${who(frame)} ${request.func} ${JSON.stringify(args).slice(0, 200)}`);
  }
});

// ---- rendering ------------------------------------------------------------------------------------

const KIND_LABEL: Record<FrameKind, string> = {
  settings: 'Configuratie',
  content: 'Tabblad',
  sidePanel: 'Zijpaneel',
  meetingStage: 'Podium',
};

function roleOf(user: SeedUser): string {
  return user.id === settings.organiserId ? 'organisator' : 'deelnemer';
}

/** A card with a heading and either the app in a frame or an explanation why it is not there. */
function frameCard(kind: FrameKind, user: SeedUser, src: string | null, className: string, empty: () => Node[], headExtra: Node[] = []): HTMLElement {
  const title = `${KIND_LABEL[kind]} – ${user.displayName} (${roleOf(user)})`;
  const status = el('span', { class: 'frame-status', 'data-status': 'loading' });
  const head = el('div', { class: 'frame-head' }, el('span', { class: 'who' }, `${KIND_LABEL[kind]}: ${user.displayName} `, el('span', { class: 'role' }, `(${roleOf(user)})`)), status, ...headExtra);
  const card = el('section', { class: `frame-card ${className}`, 'aria-label': title, 'data-frame-kind': kind, 'data-user-upn': user.userPrincipalName });
  if (src === null) {
    card.append(head, el('div', { class: 'empty' }, ...empty()));
    return card;
  }
  const iframe = el('iframe', { title, src });
  card.append(head, iframe);
  const frame: AppFrame = { kind, user, iframe, status };
  frames.push(frame);
  setFrameStatus(frame, 'loading', 'Laden…');
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

function stageCard(): HTMLElement {
  const organiser = userById(settings.organiserId);
  const stop = el('button', { type: 'button' }, 'Delen stoppen');
  stop.addEventListener('click', () => meetingSide.stopSharingToStage());
  return frameCard(
    'meetingStage',
    organiser,
    tab ? stageUrl : null,
    'stage',
    () =>
      tab
        ? [el('p', {}, 'Nog niets gedeeld op het podium.'), el('p', {}, 'De organisator deelt de app vanuit het zijpaneel.')]
        : [el('p', {}, 'De app is nog niet aan deze vergadering toegevoegd.'), configureButton()],
    stageUrl ? [stop] : [],
  );
}

/** Sharing changes only the stage: the side panels keep running, as they do in Teams. */
function renderStage(): void {
  const current = byId('meeting').querySelector<HTMLElement>('.stage');
  if (!current) return renderMeeting();
  forgetFramesIn(current);
  current.replaceWith(stageCard());
}

function renderMeeting(): void {
  const container = byId('meeting');
  dropFrames(container);
  container.append(stageCard());
  for (const id of settings.participantIds) {
    const user = userById(id);
    const remove = el('button', { type: 'button', 'aria-label': `${user.displayName} verwijderen` }, 'Verwijderen');
    remove.disabled = settings.participantIds.length <= 1;
    remove.addEventListener('click', () => removeParticipant(user.id));
    container.append(frameCard('sidePanel', user, tab ? tab.contentUrl : null, 'side-panel', () => [el('p', {}, 'Nog geen app in deze vergadering.')], [remove]));
  }
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
  const card = frameCard('settings', organiser, APP_URL, 'single', () => []);
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

function renderTab(): void {
  const container = byId('tab');
  dropFrames(container);
  const organiser = userById(settings.organiserId);
  container.append(
    frameCard('content', organiser, tab ? tab.contentUrl : null, 'single', () => [el('p', {}, 'Het tabblad is nog niet ingesteld.'), configureButton()]),
  );
}

function renderPeoplePickers(): void {
  const organiser = byId<HTMLSelectElement>('organiser');
  organiser.replaceChildren(...settings.participantIds.map((id) => el('option', { value: id }, userById(id).displayName)));
  organiser.value = settings.organiserId;
  const candidates = usersNotInMeeting(settings);
  const add = byId<HTMLSelectElement>('add-user');
  add.replaceChildren(...candidates.map((u) => el('option', { value: u.id }, `${u.displayName} – ${u.jobTitle}`)));
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
  if (view === 'meeting') renderMeeting();
  else if (view === 'config') renderConfig();
  else renderTab();
  // The organiser and participant pickers are in the toolbar of every view.
  renderPeoplePickers();
  writeSettingsToUrl(settings, view);
}

function applyTheme(): void {
  document.body.dataset.theme = settings.theme;
}

function removeParticipant(id: string): void {
  if (settings.participantIds.length <= 1) return;
  settings.participantIds = settings.participantIds.filter((p) => p !== id);
  if (settings.organiserId === id) settings.organiserId = settings.participantIds[0] ?? id;
  announce(`${userById(id).displayName} heeft de vergadering verlaten.`);
  show(view);
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
    writeSettingsToUrl(settings, view);
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
    keepState();
    show(view);
  });
  byId<HTMLSelectElement>('organiser').addEventListener('change', (event) => {
    settings.organiserId = (event.target as HTMLSelectElement).value;
    announce(`${userById(settings.organiserId).displayName} is nu organisator.`);
    show(view);
  });
  byId<HTMLButtonElement>('add-button').addEventListener('click', () => {
    const id = byId<HTMLSelectElement>('add-user').value;
    if (!id || settings.participantIds.includes(id)) return;
    settings.participantIds = [...settings.participantIds, id];
    announce(`${userById(id).displayName} neemt deel.`);
    show(view);
  });
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
    await loadState();
  } catch (error) {
    announce(`Simulatorstatus niet geladen: ${String(error)}`);
  }
  const requested = new URLSearchParams(window.location.search).get('view');
  // A meeting without the app starts where Teams starts: the configuration dialog.
  show(!tab ? 'config' : requested === 'config' || requested === 'tab' ? requested : 'meeting');
}

void start();
