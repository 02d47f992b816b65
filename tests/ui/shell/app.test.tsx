import { teamsDarkTheme, teamsLightTheme } from '@fluentui/react-components';
import { act, render, screen } from '@testing-library/react';
import { bootstrap, BootError, browserBootDependencies } from '../../../src/app/bootstrap';
import { App, BootFailure } from '../../../src/ui/shell/App';
import { bootDeps, FakeStore, facilitator, fakeDirectory, fakeGraph, fakeHost, fakeServices, responseOf, sanne, SESSION_KEY, sessionIn } from '../fakes';

const deps = bootDeps;

describe('start-up', () => {
  it('signs in and knows the person from GET /me, not from the Teams context', async () => {
    const result = await bootstrap(deps());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.boot.me.id).toBe(sanne.id);
  });

  it("reads the frame's session beside GET /me instead of after it, and in the reader's language only", async () => {
    const store = new FakeStore(sessionIn('step1'));
    const open = store.openSession.bind(store);
    let meAnswered = false;
    const openedBeforeMe: boolean[] = [];
    store.openSession = (key: string) => {
      openedBeforeMe.push(!meAnswered);
      return open(key);
    };
    const directory = fakeDirectory(sanne, {
      // /me answers only once the session read has started (or after a second, so a sequential
      // start-up fails this test instead of hanging it).
      me: async () => {
        for (let waited = 0; openedBeforeMe.length === 0 && waited < 1000; waited += 10) await new Promise((r) => setTimeout(r, 10));
        meAnswered = true;
        return sanne;
      },
    });
    const result = await bootstrap(deps({ createHost: async () => fakeHost({ locale: 'en-US' }), graph: () => fakeGraph(directory, store) }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(openedBeforeMe).toEqual([true]);
    const start = await result.boot.sessionStart;
    expect(start?.link.key).toBe(SESSION_KEY);
    expect((await start?.snapshot)?.session.value.key).toBe(store.session.value.key);
    expect(result.boot.instrument.locale).toBe('en');
  });

  it('a missing app-config.json is explained in Dutch with what to do, never as a stack trace', async () => {
    const result = await bootstrap(
      deps({
        fetchConfig: async () => {
          throw new BootError('configMissing', 'config');
        },
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    render(<BootFailure result={result} onRetry={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toContain('De instellingen van de app (app-config.json) zijn niet gevonden.');
    expect(screen.getByText('Vraag de beheerder van de app om de installatie te controleren.')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/at .*\.ts/);
  });

  it("takes the configuration index.html already asked for, once: a start-up that begins again asks anew", async () => {
    const early = { auth: { mode: 'dev', tokenUrl: 'http://127.0.0.1:4000/_emulator/token', clientId: 'early' } };
    const later = { ...early, auth: { ...early.auth, clientId: 'later' } };
    const asked: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (input: RequestInfo | URL) => {
      asked.push(String(input));
      return { ok: true, status: 200, json: async () => later } as unknown as Response;
    }) as typeof fetch;
    const page = window as { __gesprekstoolConfig?: Promise<Response> };
    try {
      page.__gesprekstoolConfig = Promise.resolve({ ok: true, status: 200, json: async () => early } as unknown as Response);
      expect(await browserBootDependencies.fetchConfig()).toEqual(early);
      expect(asked).toEqual([]);
      expect(page.__gesprekstoolConfig).toBeUndefined();
      expect(await browserBootDependencies.fetchConfig()).toEqual(later);
      expect(asked).toEqual([new URL('app-config.json', document.baseURI).href]);
      // A 404 to index.html's request is a missing configuration, as to our own.
      page.__gesprekstoolConfig = Promise.resolve({ ok: false, status: 404, json: async () => ({}) } as unknown as Response);
      await expect(browserBootDependencies.fetchConfig()).rejects.toMatchObject({ code: 'configMissing' });
    } finally {
      globalThis.fetch = realFetch;
      delete page.__gesprekstoolConfig;
    }
  });

  it('an invalid configuration is reported as such', async () => {
    const result = await bootstrap(deps({ fetchConfig: async () => ({ auth: { mode: 'naa', clientId: 'not-a-guid' } }) }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect((result.error as BootError).code).toBe('configInvalid');
  });

  it('a refused sign-in says signing in failed', async () => {
    const failing = fakeDirectory(sanne, {
      me: async () => {
        throw Object.assign(new Error('no token'), { code: 'service' });
      },
    });
    const result = await bootstrap(deps({ graph: () => fakeGraph(failing, new FakeStore()) }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    render(<BootFailure result={result} onRetry={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toContain('Aanmelden bij Microsoft 365 is niet gelukt.');
    expect(screen.getByRole('button', { name: 'Opnieuw proberen' })).toBeTruthy();
  });
});

describe('shell', () => {
  it('routes the side panel frame to the side panel and names the instrument in the footer', async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(facilitator));
    render(<App services={fakeServices({ store })} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Armoede en gezondheid 2026' })).toBeTruthy();
    expect(screen.getByRole('contentinfo').textContent).toMatch(/Verwey-Jonker Instituut/);
  });

  it('routes the meeting stage to the stage page, not to a side panel', async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(sanne));
    render(<App services={fakeServices({ store, host: fakeHost({ surface: 'stage' }) })} />);
    expect(await screen.findByText('1 deelnemer, 0 klaar')).toBeTruthy();
    // No statement to score here: that is the side panel (the stage's only choice is the facilitator's 'Deelnemers tonen').
    expect(screen.queryByRole('radiogroup', { name: /^A\./ })).toBeNull();
  });

  it('routes the meeting tab to the tab page with the preparation before the meeting', async () => {
    render(<App services={fakeServices({ store: new FakeStore(sessionIn('setup')), host: fakeHost({ surface: 'tab' }) })} />);
    expect(await screen.findByRole('heading', { name: 'Voorbereiding' })).toBeTruthy();
  });

  it('routes the settings frame to the configuration page', async () => {
    const host = fakeHost({ surface: 'settings', frameContext: 'settings', entityId: null });
    render(<App services={fakeServices({ host })} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Gesprekstool instellen' })).toBeTruthy();
  });

  it('follows a theme change of the host while running', async () => {
    const host = fakeHost({ surface: 'settings', frameContext: 'settings', entityId: null });
    render(<App services={fakeServices({ host })} />);
    await screen.findByRole('heading', { level: 1 });
    // Fluent writes the theme as CSS variables into a stylesheet rule for the provider's class.
    const background = () =>
      [...document.styleSheets]
        .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
        .join('\n')
        .match(/--colorNeutralBackground1: ?([^;]+);/)?.[1];
    const light = background();
    act(() => host.setTheme('dark'));
    expect(background()).toBe(teamsDarkTheme.colorNeutralBackground1);
    expect(light).toBe(teamsLightTheme.colorNeutralBackground1);
  });

  it('speaks English when the host locale is English', async () => {
    const host = fakeHost({ surface: 'settings', frameContext: 'settings', entityId: null, locale: 'en-US' });
    render(<App services={fakeServices({ host, locale: 'en' })} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Set up the conversation tool' })).toBeTruthy();
  });
});
