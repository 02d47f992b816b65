// Starts the Graph emulator on a free port and builds the app's own Graph services against it, for
// any seeded user, exactly as local mode does (real https base URL, loopback rewrite last).
import { startEmulator, SEED, type RunningEmulator } from '../../../dev/graph-emulator';
import type { FaultInput } from '../../../dev/graph-emulator';
import { AppConfigSchema } from '../../../src/app/config';
import { createGraphServices, type GraphServicesOptions } from '../../../src/graph';
import type { GraphServices, SessionLocation } from '../../../src/graph/contracts';
import { appTokenProvider, tokenUrl } from '../support/emulatorClient';

export { SEED };

export interface Harness {
  emulator: RunningEmulator;
  services(upn: string, options?: GraphServicesOptions): GraphServices;
  location: SessionLocation;
  close(): Promise<void>;
}

/** Fast sleeps: the emulator's Retry-After values are set small, backoff is shortened here. */
export const fastBatch = { sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 20))) };

/** A harness for one test file: started before its tests, closed after, the tenant reset before each test. */
export function harnessPerFile(faults: FaultInput = {}): () => Harness {
  let harness: Harness | null = null;
  beforeAll(async () => {
    harness = await startHarness(faults);
  });
  afterAll(async () => {
    await harness?.close();
  });
  beforeEach(() => {
    harness?.emulator.admin.reset();
  });
  return () => {
    if (!harness) throw new Error('the harness starts in beforeAll');
    return harness;
  };
}

export async function startHarness(faults: FaultInput = {}): Promise<Harness> {
  const emulator = await startEmulator({ port: 0, dataDir: ':memory:', faults, seed: 7 });
  const config = AppConfigSchema.parse({ auth: { mode: 'dev', tokenUrl: tokenUrl(emulator.origin), clientId: SEED.apps.gesprekstool.clientId }, graph: { loopbackOrigin: emulator.origin }, appOrigin: 'https://localhost:4210' });
  let counter = 0;
  const random = (n: number) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 1) out[i] = (counter = (counter * 1103515245 + 12345 + i) >>> 0) >>> 16;
    return out;
  };
  const site = SEED.groups.team.site;
  return {
    emulator,
    services: (upn, options = {}) => createGraphServices(config, appTokenProvider(emulator.origin, upn), { random, batch: fastBatch, ...options }),
    location: { siteId: site.id, siteUrl: `https://${SEED.host}${site.path}`, plannerGroupId: SEED.groups.team.id },
    close: () => emulator.close(),
  };
}
