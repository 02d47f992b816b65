// Start-up in the order the platform demands, with nothing waiting that need not: the host (MSAL
// nested app auth needs teams-js initialised) and the runtime configuration are fetched together,
// MSAL starts downloading as soon as the configuration asks for it, the instrument in the reader's
// language as soon as the host has said which language that is; then the token provider, the Graph
// services, and the signed-in person from GET /me (the Teams context is only a hint, never an
// identity) — and beside /me already the session this frame shows, whose key and site are in the URL.
// Each step that fails is reported as a BootError naming the step, so the shell can tell the person
// what to do next instead of showing a stack trace.
import { createTokenProvider, firstScopesFor, preloadSignIn, SCOPES } from '../auth';
import { openInstrument } from '../domain/openInstrument';
import type { Instrument } from '../domain/instrument';
import { createGraphServices } from '../graph';
import type { GraphServices, SessionSnapshot, SignedInUser, TokenProvider } from '../graph/contracts';
import { createHost, whenHostReady, type Host } from '../teams';
import { localeFromHost, type Locale } from '../ui/i18n/locale';
import { resolveSessionLink, type SessionLink } from '../ui/session/location';
import { AppConfigSchema, type AppConfig } from './config';

export type BootStep = 'config' | 'signIn' | 'graph';

export class BootError extends Error {
  override readonly name = 'BootError';
  constructor(
    readonly code: 'configMissing' | 'configInvalid' | 'signInFailed',
    readonly step: BootStep,
    override readonly cause: unknown = null,
  ) {
    super(`${step}: ${code}`);
  }
}

export interface AppBoot {
  host: Host;
  config: AppConfig;
  graph: GraphServices;
  me: SignedInUser;
  instrument: Instrument;
  locale: Locale;
  /**
   * The first read of this frame's session, started beside GET /me (null where the frame shows no
   * session): the session provider takes it instead of reading again, so no surface waits for /me
   * and then for the session one after the other.
   */
  sessionStart?: Promise<SessionStart | null> | null;
}

export interface SessionStart {
  link: SessionLink;
  snapshot: Promise<SessionSnapshot>;
}

export type BootResult = { ok: true; boot: AppBoot } | { ok: false; host: Host | null; locale: Locale; error: unknown };

export interface BootDependencies {
  createHost: () => Promise<Host>;
  fetchConfig: () => Promise<unknown>;
  tokens: (config: AppConfig, host: Host) => TokenProvider;
  graph: (config: AppConfig, tokens: TokenProvider, instrument: Instrument) => GraphServices;
  /** The current instrument in `locale`; by default its own chunk, fetched now. */
  instrument?: (locale: Locale) => Promise<Instrument>;
  /** The frame's own URL (the tab's contentUrl carries the session's key and site). */
  url?: () => URL;
}

/** What index.html's inline script asked for before any script of ours had arrived (webpack.config.js `appHtml`). */
type EarlyConfig = { __gesprekstoolConfig?: Promise<globalThis.Response> };

/**
 * `app-config.json` lives next to index.html; no-store so a redeployed config is read at once. The
 * first start-up takes the request index.html began; a start-up that begins again asks anew.
 */
async function fetchAppConfig(): Promise<unknown> {
  let response: globalThis.Response;
  const early = (window as EarlyConfig).__gesprekstoolConfig;
  delete (window as EarlyConfig).__gesprekstoolConfig;
  try {
    response = await (early ?? fetch(new URL('app-config.json', document.baseURI), { cache: 'no-store' }));
  } catch (err) {
    throw new BootError('configMissing', 'config', err);
  }
  if (!response.ok) throw new BootError('configMissing', 'config', response.status);
  try {
    return await response.json();
  } catch (err) {
    throw new BootError('configInvalid', 'config', err);
  }
}

export const browserBootDependencies: BootDependencies = {
  createHost: () => createHost(),
  fetchConfig: fetchAppConfig,
  tokens: (config, host) =>
    createTokenProvider(
      config,
      {
        loginHint: host.context().user.userPrincipalName,
        whenHostReady: whenHostReady().then(() => undefined),
        nestedAppAuthRecommended: () => host.signIn.nestedAppAuthRecommended(),
        authenticate: (request) => host.signIn.authenticate(request),
      },
      { firstScopes: firstScopesFor(host.context().surface) },
    ),
  graph: (config, tokens, instrument) => createGraphServices(config, tokens, { instrument }),
};

const SESSION_SURFACES: ReadonlySet<string> = new Set(['sidePanel', 'stage', 'tab']);

/** Starts reading the frame's session; a failure is the session provider's to show, not start-up's. */
function startSessionRead(host: Host, url: URL, graph: GraphServices): Promise<SessionStart | null> {
  // Only this person's answers: GET /me (the identity that counts) is still on its way, so the filter
  // uses the Teams context's user id. SharePoint lets a participant read no one else's answers anyway;
  // not asking for them keeps even a list from before item-level permissions from sending them.
  const own = host.context().user.id;
  const start = resolveSessionLink(host.context(), url, graph.directory).then((link) =>
    link ? { link, snapshot: graph.store(link.location).openSession(link.key, own ? { onlyAnswersOf: own } : {}) } : null,
  );
  // Whoever takes it handles its failure; until then an early failure is not "unhandled".
  start.then((s) => s?.snapshot.catch(() => undefined), () => undefined);
  return start;
}

export async function bootstrap(deps: BootDependencies = browserBootDependencies): Promise<BootResult> {
  let host: Host | null = null;
  let locale: Locale = 'nl';
  try {
    const hostReady = deps.createHost();
    const configRead = deps.fetchConfig().then((raw) => {
      const parsed = AppConfigSchema.safeParse(raw);
      if (!parsed.success) throw new BootError('configInvalid', 'config', parsed.error);
      preloadSignIn(parsed.data);
      return parsed.data;
    });
    // Awaited below, after the host: a failure here must not count as unhandled meanwhile.
    configRead.catch(() => undefined);
    host = await hostReady;
    locale = localeFromHost(host.context().locale);
    // Answers are recorded with the Dutch instrument's version; the person reads their own language.
    const instrumentRead = (deps.instrument ?? ((l: Locale) => openInstrument(l)))(locale);
    instrumentRead.catch(() => undefined);
    const config = await configRead;
    // GET /me is the first call: its token is asked for now, while the instrument may still be loading.
    const tokens = deps.tokens(config, host);
    tokens.getToken(SCOPES.profile).catch(() => undefined);
    const instrument = await instrumentRead;
    const graph = deps.graph(config, tokens, instrument);
    const sessionStart = SESSION_SURFACES.has(host.context().surface) ? startSessionRead(host, (deps.url ?? (() => new URL(window.location.href)))(), graph) : null;
    let me: SignedInUser;
    try {
      me = await graph.directory.me();
    } catch (err) {
      // No connection, a busy service, missing consent or a refused account are worth their own
      // advice; anything else here means the sign-in did not work.
      const code = err && typeof err === 'object' && 'code' in err ? err.code : null;
      if (code === 'offline' || code === 'throttled' || code === 'consentRequired' || code === 'signInRefused' || code === 'missingLoginHint' || code === 'signInWindow') throw err;
      throw new BootError('signInFailed', 'signIn', err);
    }
    return { ok: true, boot: { host, config, graph, me, instrument, locale, sessionStart } };
  } catch (error) {
    return { ok: false, host, locale, error };
  }
}
