// Everything the UI gets from the Graph layer, built once. Local and production differ only in the
// config (loopback origin, dev tokens), which shapes the client's middleware, not the services.
import type { Middleware } from '@microsoft/microsoft-graph-client';
import type { AppConfig } from '../app/config';
import type { Instrument, RandomBytes } from '../domain';
import type { GraphServices, SessionLocation, TokenProvider } from './contracts';
import { createGraphClient, GraphApi } from './client';
import { createDirectory } from './directory';
import { createSessionStore } from './sessionStore';
import { createPlannerTaskReader } from './plannerTasks';
import { createSharePointRest } from './sharePointRest';
import { withSiteAccess } from './siteAccess';
import type { BatchOptions } from './batch';
import type { OptionDescriber } from './mapping';

export * from './errors';
export type * from './contracts';
export { CHECK_IDS, type CheckId } from './installCheckIds';
export type { CheckLine, CheckProblem, InstallationTarget } from './installCheck';
export { SCOPES } from '../auth/scopes';

export interface GraphServicesOptions {
  /** Names step-2 options in the readable summary column and records the instrument version. */
  instrument?: Instrument;
  now?: () => Date;
  random?: RandomBytes;
  batch?: BatchOptions;
  /** Unit tests of the pipeline only. */
  transport?: Middleware;
}

export function describeOptions(instrument: Instrument): OptionDescriber {
  const questions = new Map<string, { number: number }>();
  const options = new Map<string, string>();
  for (const theme of instrument.themes) {
    for (const q of theme.questions) {
      questions.set(q.id, { number: q.number });
      for (const o of q.options) options.set(o.id, o.text);
    }
  }
  return { question: (id) => questions.get(id), option: (id) => options.get(id) };
}

/** The first call's promise, kept; a failed load (a chunk that did not arrive) is tried again next time. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((err: unknown) => {
      loading = null;
      throw err;
    });
    return loading;
  };
}

export function createGraphServices(config: AppConfig, requested: TokenProvider, options: GraphServicesOptions = {}): GraphServices {
  const tokens = withSiteAccess(requested, config.graph.siteAccess);
  const api = new GraphApi(createGraphClient(config, tokens, options.transport));
  const now = options.now ?? (() => new Date());
  const random = options.random ?? ((n: number) => crypto.getRandomValues(new Uint8Array(n)));
  const describe = options.instrument ? describeOptions(options.instrument) : undefined;
  const sharePoint = createSharePointRest({ tokens, loopbackOrigin: config.graph.loopbackOrigin });
  const publisher = once(() =>
    import(/* webpackChunkName: "planner-publisher" */ './plannerPublisher').then(({ createPlannerPublisher }) =>
      createPlannerPublisher({ api, ...(options.batch ? { batch: options.batch } : {}) }),
    ),
  );
  const installation = once(() => import(/* webpackChunkName: "install-check" */ './installCheck').then(({ createInstallationChecker }) => createInstallationChecker({ api, tokens, sharePoint })));
  return {
    directory: createDirectory(api),
    store: (location: SessionLocation) =>
      createSessionStore({
        api,
        location,
        now,
        random,
        ...(options.instrument ? { instrumentVersion: options.instrument.version } : {}),
        ...(describe ? { describe } : {}),
        ...(options.batch ? { batch: options.batch } : {}),
        sharePoint,
      }),
    // Publishing (the stage) and the installation check (the configuration page) are loaded when first
    // used, each built once: start-up and the side panel never call them, so index.html's scripts do
    // not carry them.
    publisher: { publish: (...args) => publisher().then((p) => p.publish(...args)) },
    plannerTasks: createPlannerTaskReader({ api, ...(options.batch ? { batch: options.batch } : {}) }),
    installation: { check: (target) => installation().then((c) => c.check(target)) },
  };
}
