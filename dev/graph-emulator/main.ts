// `npm run emulator -- --port 4000 --data .data/graph --fault-429 0.1 --retry-after 0.2 …`
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { startEmulator, type FaultInput } from './index';

/** A mistake on the command line: one sentence and the usage (built from the options), exit code 2. */
function usageError(sentence: string, config: ParseArgsConfig): never {
  const flags = Object.entries(config.options ?? {}).map(([name, option]) => (option.type === 'boolean' ? `[--${name}]` : `[--${name} <value>]`));
  console.error(`${sentence}\n\nnpm run emulator -- ${flags.join(' ')}`);
  process.exit(2);
}

/** node:util parseArgs, answering a malformed command line with usageError instead of a stack trace. */
function parseOrExplain<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    // The first sentence of Node's ERR_PARSE_ARGS_* message names the option; the rest is advice on quoting.
    return usageError(`${(error instanceof Error ? error.message : String(error)).split(/\.\s|\n/)[0]!.replace(/\.$/, '')}.`, config);
  }
}

const options = {
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
  },
  strict: true,
} satisfies ParseArgsConfig;
const { values } = parseOrExplain(options);

function num(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) usageError(`--${name} expects a number, got '${value}'.`, options);
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

async function main(): Promise<void> {
  const emulator = await startEmulator({
    port: num('port', values.port) ?? 4000,
    host: values.host,
    dataDir: values.data,
    faults,
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
