// `npm run emulator -- --port 4000 --data .data/graph --fault-429 0.1 --retry-after 0.2 …`
import { parseArgs } from 'node:util';
import { FaultConfigSchema } from './faults';
import { startEmulator, type FaultInput, type TenantOptions } from './index';

const USAGE = `usage: npm run emulator -- [options]
  --port <n>                      listen port (default 4000, 0 = any free port)
  --host <address>                listen address (default 127.0.0.1)
  --data <dir>                    directory of graph.sqlite, or :memory: (default .data/graph)
  --seed <n>                      seed for generated ids
  --public-url <origin>           origin written into absolute links (default https://graph.microsoft.com)
  --tenant-licences <n>           licences of the tenant, sets SharePoint's RU budgets (default 1000)
  --budget strict|off             strict throttles over budget (default); off only measures (a tolerant tenant)
  --site-roles on|off             on: Owners, Members, Visitors enforced (default); off: a tolerant tenant
  --item-level-permissions on|off on: lists' ReadSecurity/WriteSecurity enforced (default); off: a tolerant tenant
  --fault-429 <p>, --fault-503 <p>             probability per request (0–1)
  --fault-after-commit-504 <p>    apply the request, then answer 504 GatewayTimeout
  --fault-after-commit-reset <p>  apply the request, then close the connection without an answer
  --fault-duplicate <p>           deliver the request twice (applied twice, second answer returned)
  --latency <ms>, --latency-jitter <ms>        added to every HTTP request and preflight
  --retry-after <s>               seconds in Retry-After of injected 429/503 (fractions allowed)
  --fault-seed <n>                seed of the fault sequence
  --fault-path <glob>             path after /v1.0 to fault (default *)
  --fault-method <M[,M]>          methods to fault (repeatable; default all)
  --replication-delay <ms>        Planner reads of a new plan or task answer 404 this long`;

class UsageError extends Error {}

function parse() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '4000' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string', default: '.data/graph' },
        seed: { type: 'string' },
        'public-url': { type: 'string' },
        'tenant-licences': { type: 'string' },
        budget: { type: 'string' },
        'site-roles': { type: 'string' },
        'item-level-permissions': { type: 'string' },
        'fault-429': { type: 'string' },
        'fault-503': { type: 'string' },
        'fault-after-commit-504': { type: 'string' },
        'fault-after-commit-reset': { type: 'string' },
        'fault-duplicate': { type: 'string' },
        latency: { type: 'string' },
        'latency-jitter': { type: 'string' },
        'retry-after': { type: 'string' },
        'fault-seed': { type: 'string' },
        'fault-path': { type: 'string' },
        'fault-method': { type: 'string', multiple: true },
        'replication-delay': { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(/[.!?]$/.test(message) ? message : `${message}.`);
  }
}

function num(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} expects a number, got '${value}'.`);
  return n;
}

/** Flag of each fault field, to name the flag when its value is refused. */
const FAULT_FLAGS: Record<string, string> = {
  rate429: 'fault-429',
  rate503: 'fault-503',
  afterCommit504: 'fault-after-commit-504',
  afterCommitReset: 'fault-after-commit-reset',
  duplicate: 'fault-duplicate',
  latencyMs: 'latency',
  latencyJitterMs: 'latency-jitter',
  retryAfterSeconds: 'retry-after',
  seed: 'fault-seed',
  pathPattern: 'fault-path',
  methods: 'fault-method',
  replicationDelayMs: 'replication-delay',
};

function options() {
  const values = parse();
  const faults: FaultInput = {};
  const set = <K extends keyof FaultInput>(key: K, value: FaultInput[K] | undefined) => {
    if (value !== undefined) faults[key] = value;
  };
  set('rate429', num('fault-429', values['fault-429']));
  set('rate503', num('fault-503', values['fault-503']));
  set('afterCommit504', num('fault-after-commit-504', values['fault-after-commit-504']));
  set('afterCommitReset', num('fault-after-commit-reset', values['fault-after-commit-reset']));
  set('duplicate', num('fault-duplicate', values['fault-duplicate']));
  set('latencyMs', num('latency', values.latency));
  set('latencyJitterMs', num('latency-jitter', values['latency-jitter']));
  set('retryAfterSeconds', num('retry-after', values['retry-after']));
  set('seed', num('fault-seed', values['fault-seed']));
  set('pathPattern', values['fault-path']);
  set('replicationDelayMs', num('replication-delay', values['replication-delay']));
  set('methods', values['fault-method']?.flatMap((m) => m.split(',')).map((m) => m.trim().toUpperCase()));
  const checked = FaultConfigSchema.safeParse(faults);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    throw new UsageError(`--${FAULT_FLAGS[field] ?? field}: ${issue?.message ?? 'invalid value'}.`);
  }

  const tenant: TenantOptions = {};
  const licences = num('tenant-licences', values['tenant-licences']);
  if (licences !== undefined) {
    if (!Number.isInteger(licences) || licences < 1) throw new UsageError(`--tenant-licences expects a whole number of at least 1, got '${values['tenant-licences']}'.`);
    tenant.licences = licences;
  }
  if (values.budget !== undefined) {
    if (values.budget !== 'strict' && values.budget !== 'off') throw new UsageError(`--budget expects 'strict' or 'off', got '${values.budget}'.`);
    tenant.budget = values.budget;
  }
  for (const [flag, key] of [['site-roles', 'enforceSiteRoles'], ['item-level-permissions', 'enforceItemLevelPermissions']] as const) {
    const value = values[flag];
    if (value === undefined) continue;
    if (value !== 'on' && value !== 'off') throw new UsageError(`--${flag} expects 'on' or 'off', got '${value}'.`);
    tenant[key] = value === 'on';
  }
  const port = num('port', values.port) ?? 4000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port expects a port number (0–65535), got '${values.port}'.`);
  const seed = num('seed', values.seed);
  return {
    port,
    host: values.host,
    dataDir: values.data,
    faults,
    tenant,
    ...(seed !== undefined ? { seed } : {}),
    ...(values['public-url'] !== undefined ? { publicUrl: values['public-url'] } : {}),
  };
}

async function main(): Promise<void> {
  const emulator = await startEmulator(options());
  console.log(emulator.url);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`graph-emulator: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
