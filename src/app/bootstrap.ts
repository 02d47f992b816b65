// Start-up in the order the platform demands: the host first (MSAL nested app auth needs teams-js
// initialised), then the runtime configuration, the token provider, the Graph services, and the
// signed-in person from GET /me (the Teams context is only a hint, never an identity).
// Each step that fails is reported as a BootError naming the step, so the shell can tell the person
// what to do next instead of showing a stack trace.
import { createTokenProvider } from '../auth';
import { loadInstrument } from '../domain/loadInstrument';
import type { Instrument } from '../domain/instrument';
import { createGraphServices } from '../graph';
import type { GraphServices, SignedInUser, TokenProvider } from '../graph/contracts';
import { createHost, whenHostReady, type Host } from '../teams';
import { localeFromHost, type Locale } from '../ui/i18n';
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
}

export type BootResult = { ok: true; boot: AppBoot } | { ok: false; host: Host | null; locale: Locale; error: unknown };

export interface BootDependencies {
  createHost: () => Promise<Host>;
  fetchConfig: () => Promise<unknown>;
  tokens: (config: AppConfig, host: Host) => TokenProvider;
  graph: (config: AppConfig, tokens: TokenProvider, instrument: Instrument) => GraphServices;
}

/** `app-config.json` lives next to index.html; no-store so a redeployed config is read at once. */
async function fetchAppConfig(): Promise<unknown> {
  let response: globalThis.Response;
  try {
    response = await fetch(new URL('app-config.json', document.baseURI), { cache: 'no-store' });
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
    createTokenProvider(config, {
      loginHint: host.context().user.userPrincipalName,
      whenHostReady: whenHostReady().then(() => undefined),
    }),
  graph: (config, tokens, instrument) => createGraphServices(config, tokens, { instrument }),
};

export async function bootstrap(deps: BootDependencies = browserBootDependencies): Promise<BootResult> {
  let host: Host | null = null;
  let locale: Locale = 'nl';
  try {
    host = await deps.createHost();
    locale = localeFromHost(host.context().locale);
    const parsed = AppConfigSchema.safeParse(await deps.fetchConfig());
    if (!parsed.success) throw new BootError('configInvalid', 'config', parsed.error);
    const config = parsed.data;
    // Answers are recorded with the Dutch instrument's version; the person reads their own language.
    const instrument = loadInstrument(locale);
    const graph = deps.graph(config, deps.tokens(config, host), instrument);
    let me: SignedInUser;
    try {
      me = await graph.directory.me();
    } catch (err) {
      // No connection, a busy service, missing consent or a refused account are worth their own
      // advice; anything else here means the sign-in did not work.
      const code = err && typeof err === 'object' && 'code' in err ? err.code : null;
      if (code === 'offline' || code === 'throttled' || code === 'consentRequired' || code === 'signInRefused' || code === 'missingLoginHint') throw err;
      throw new BootError('signInFailed', 'signIn', err);
    }
    return { ok: true, boot: { host, config, graph, me, instrument, locale } };
  } catch (error) {
    return { ok: false, host, locale, error };
  }
}
