// `npm run emulator -- --port 4000 --data .data/graph --fault-429 0.1 --retry-after 0.2 …`
import { parseArgs } from 'node:util';
import { startEmulator, type FaultInput, type TenantSettingsInput } from './index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4000' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: '.data/graph' },
    seed: { type: 'string' },
    'public-url': { type: 'string' },
    'fault-429': { type: 'string' },
    'fault-503': { type: 'string' },
    latency: { type: 'string' },
    'latency-jitter': { type: 'string' },
    'retry-after': { type: 'string' },
    'fault-seed': { type: 'string' },
    'fault-path': { type: 'string' },
    'fault-method': { type: 'string', multiple: true },
    'replication-delay': { type: 'string' },
    'site-roles': { type: 'string' },
    'item-level-permissions': { type: 'string' },
  },
  strict: true,
});

function num(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name} expects a number, got '${value}'`);
  return n;
}

const faults: FaultInput = {};
const set = <K extends keyof FaultInput>(key: K, value: FaultInput[K] | undefined) => {
  if (value !== undefined) faults[key] = value;
};
set('rate429', num('fault-429', values['fault-429']));
set('rate503', num('fault-503', values['fault-503']));
set('latencyMs', num('latency', values.latency));
set('latencyJitterMs', num('latency-jitter', values['latency-jitter']));
set('retryAfterSeconds', num('retry-after', values['retry-after']));
set('seed', num('fault-seed', values['fault-seed']));
set('pathPattern', values['fault-path']);
set('replicationDelayMs', num('replication-delay', values['replication-delay']));
set('methods', values['fault-method']?.flatMap((m) => m.split(',')).map((m) => m.trim().toUpperCase()));

/** `on` (default, strict) or `off` (a tolerant tenant). */
function onOff(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value !== 'on' && value !== 'off') throw new Error(`--${name} expects on or off, got '${value}'`);
  return value === 'on';
}

const tenant: TenantSettingsInput = {};
const siteRoles = onOff('site-roles', values['site-roles']);
const itemLevel = onOff('item-level-permissions', values['item-level-permissions']);
if (siteRoles !== undefined) tenant.enforceSiteRoles = siteRoles;
if (itemLevel !== undefined) tenant.enforceItemLevelPermissions = itemLevel;

async function main(): Promise<void> {
  const emulator = await startEmulator({
    port: num('port', values.port) ?? 4000,
    host: values.host,
    dataDir: values.data,
    faults,
    tenant,
    ...(values.seed !== undefined ? { seed: num('seed', values.seed) } : {}),
    ...(values['public-url'] !== undefined ? { publicUrl: values['public-url'] } : {}),
  });
  console.log(emulator.url);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
