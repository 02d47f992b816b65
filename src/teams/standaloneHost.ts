// The app opened in a plain browser tab, outside any host: the URL says what Teams would have said
// (`?surface=sidePanel&theme=dark&locale=en-US&user=megan@contoso.nl&entityId=…`).
import type { ConfigPage, Host, HostContext, HostSignIn, HostTheme, StageSharing, Surface } from './host';
import { themeFromHost } from './contextMapping';
import { HostRequestError, StageSharingUnavailableError } from './errors';

const SURFACES: readonly Surface[] = ['settings', 'sidePanel', 'stage', 'tab', 'remove'];

const FRAME_CONTEXT_OF: Record<Surface, string> = {
  settings: 'settings',
  remove: 'remove',
  sidePanel: 'sidePanel',
  stage: 'meetingStage',
  tab: 'content',
};

interface ThemeSource {
  current(): HostTheme;
  subscribe(onChange: () => void): () => void;
}

/** Without `?theme=`, follow the browser: forced colours → contrast, a dark preference → dark. */
function themeSource(win: Window, requested: string | null): ThemeSource {
  if (requested || typeof win.matchMedia !== 'function') {
    const fixed = themeFromHost(requested === 'light' ? 'default' : requested);
    return { current: () => fixed, subscribe: () => () => undefined };
  }
  const contrast = win.matchMedia('(forced-colors: active)');
  const dark = win.matchMedia('(prefers-color-scheme: dark)');
  return {
    current: () => (contrast.matches ? 'contrast' : dark.matches ? 'dark' : 'light'),
    subscribe(onChange) {
      contrast.addEventListener('change', onChange);
      dark.addEventListener('change', onChange);
      return () => {
        contrast.removeEventListener('change', onChange);
        dark.removeEventListener('change', onChange);
      };
    },
  };
}

export function standaloneContext(url: URL, theme: HostTheme): HostContext {
  const params = url.searchParams;
  const requestedSurface = params.get('surface') as Surface | null;
  const surface: Surface = requestedSurface && SURFACES.includes(requestedSurface) ? requestedSurface : 'tab';
  const user = params.get('user');
  return {
    surface,
    frameContext: FRAME_CONTEXT_OF[surface],
    locale: params.get('locale') || 'nl-NL',
    theme,
    user: { id: null, userPrincipalName: user, displayName: params.get('name'), tenantId: null },
    meetingId: params.get('meetingId'),
    chatId: null,
    team: null,
    entityId: params.get('entityId'),
    hostClientType: 'web',
  };
}

export function createStandaloneHost(win: Window = window): Host {
  const url = new URL(win.location.href);
  const themes = themeSource(win, url.searchParams.get('theme'));
  let context = standaloneContext(url, themes.current());
  const listeners = new Set<(theme: HostTheme) => void>();
  themes.subscribe(() => {
    context = { ...context, theme: themes.current() };
    for (const listener of listeners) listener(context.theme);
  });

  const stage: StageSharing = {
    canShare: async () => false,
    isSharing: async () => false,
    share: async () => {
      throw new StageSharingUnavailableError();
    },
  };
  // Outside a host nobody presses Save: the configuration page is only meaningful in Teams or in
  // the meeting simulator, which both play the host's Save button.
  const config: ConfigPage = { setValid: () => undefined, onSave: () => undefined, current: async () => null };

  // Outside a host there is nobody to broker a token or open an authentication window.
  const signIn: HostSignIn = {
    nestedAppAuthRecommended: () => false,
    authenticate: async () => {
      throw new HostRequestError('authentication.authenticate', null, 'Aanmelden kan alleen in Teams of in de vergadersimulator.');
    },
  };

  return {
    kind: 'standalone',
    signIn,
    context: () => context,
    onThemeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stage,
    config,
    notifySuccess: () => undefined,
    notifyFailure: () => undefined,
  };
}
