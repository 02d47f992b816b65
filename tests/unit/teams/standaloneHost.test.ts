// Outside Teams the URL says what the host would have said.
import { createStandaloneHost } from '../../../src/teams/standaloneHost';

interface FakeMediaQuery {
  matches: boolean;
  listeners: Set<() => void>;
}

function browserWindow(href: string, prefers: { dark?: boolean; forcedColors?: boolean } = {}) {
  const queries: Record<string, FakeMediaQuery> = {
    '(prefers-color-scheme: dark)': { matches: prefers.dark ?? false, listeners: new Set() },
    '(forced-colors: active)': { matches: prefers.forcedColors ?? false, listeners: new Set() },
  };
  const win = {
    location: { href },
    matchMedia(query: string) {
      const state = queries[query];
      if (!state) throw new Error(`unexpected media query ${query}`);
      return {
        get matches() {
          return state.matches;
        },
        addEventListener: (_type: string, listener: () => void) => state.listeners.add(listener),
        removeEventListener: (_type: string, listener: () => void) => state.listeners.delete(listener),
      };
    },
  };
  const change = (query: string, matches: boolean) => {
    const state = queries[query]!;
    state.matches = matches;
    for (const listener of state.listeners) listener();
  };
  return { win: win as unknown as Window, change };
}

it('reads surface, theme, locale, user and entity id from the URL', () => {
  const { win } = browserWindow('http://127.0.0.1:3978/?surface=sidePanel&theme=dark&locale=en-US&user=sanne.vanthof%40gemeente-voorbeeld.nl&entityId=sessie-1');
  const host = createStandaloneHost(win);
  expect(host.kind).toBe('standalone');
  expect(host.context()).toMatchObject({
    surface: 'sidePanel',
    frameContext: 'sidePanel',
    theme: 'dark',
    locale: 'en-US',
    user: { userPrincipalName: 'sanne.vanthof@gemeente-voorbeeld.nl', id: null },
    entityId: 'sessie-1',
    team: null,
  });
});

it('without parameters it is a Dutch tab in the light theme for nobody in particular', () => {
  const { win } = browserWindow('http://127.0.0.1:3978/');
  expect(createStandaloneHost(win).context()).toMatchObject({
    surface: 'tab',
    frameContext: 'content',
    theme: 'light',
    locale: 'nl-NL',
    user: { userPrincipalName: null },
    entityId: null,
    meetingId: null,
  });
});

it('an unknown surface falls back to the tab', () => {
  const { win } = browserWindow('http://127.0.0.1:3978/?surface=backstage');
  expect(createStandaloneHost(win).context().surface).toBe('tab');
});

it('the stage surface reports the meeting stage frame context', () => {
  const { win } = browserWindow('http://127.0.0.1:3978/?surface=stage&theme=contrast');
  expect(createStandaloneHost(win).context()).toMatchObject({ surface: 'stage', frameContext: 'meetingStage', theme: 'contrast' });
});

it('without a theme parameter it follows the browser, including a later switch to dark or forced colours', () => {
  const { win, change } = browserWindow('http://127.0.0.1:3978/?surface=tab');
  const host = createStandaloneHost(win);
  const seen: string[] = [];
  host.onThemeChange((theme) => seen.push(theme));
  expect(host.context().theme).toBe('light');
  change('(prefers-color-scheme: dark)', true);
  change('(forced-colors: active)', true);
  expect(seen).toEqual(['dark', 'contrast']);
  expect(host.context().theme).toBe('contrast');
});

it('cannot share to a stage it does not have', async () => {
  const { win } = browserWindow('http://127.0.0.1:3978/?surface=sidePanel');
  const host = createStandaloneHost(win);
  expect(await host.stage.canShare()).toBe(false);
  expect(await host.stage.isSharing()).toBe(false);
  await expect(host.stage.share('http://127.0.0.1:3978/')).rejects.toMatchObject({ name: 'StageSharingUnavailableError' });
});
