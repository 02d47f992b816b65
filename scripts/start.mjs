#!/usr/bin/env node
// `npm start`: everything a developer needs on loopback, from a fresh clone, in one command.
// Builds the app and the simulator into dist/local when their sources changed, starts the Graph
// emulator (data in .data/graph, kept between runs) and serves the app plus the meeting simulator on
// one origin. Ctrl-C stops all of it. dist/local is this script's alone: `npm run package` builds the
// production app into dist/production, so neither configuration can overwrite the other.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HELP = `npm start [-- opties]

  --reset             wis eerst de gegevens van de emulator en het bewaarde tabblad (.data/)
  --port <n>          poort van app en simulator (standaard 3978)
  --graph-port <n>    poort van de Graph-emulator (standaard 4000)
  --build             altijd bouwen, ook als dist/local actueel lijkt
  --no-build          nooit bouwen (dist/local gebruiken zoals het is)
  --fault-429 <0-1>   deel van de Graph-verzoeken dat de emulator afknijpt (429)
  --fault-503 <0-1>   deel van de Graph-verzoeken dat 503 krijgt
  --latency <ms>      extra vertraging per Graph-verzoek
  --tenant-licences <n>  aantal licenties van de tenant: bepaalt het SharePoint-budget (standaard 1000: 1.250 RU per minuut)
  --budget strict|off    strict (standaard): boven het budget antwoordt SharePoint 429; off: alleen meten
  --help              deze tekst`;

/** A mistake in what was typed: one sentence and the usage, exit code 2, no stack trace. */
function usageError(sentence) {
  console.error(`${sentence}\n\n${HELP}`);
  process.exit(2);
}

/** node:util parseArgs's ERR_PARSE_ARGS_* errors as one Dutch sentence (the same in scripts/package.ts). */
function parseArgsSentence(error) {
  const quoted = /'([^']*)'/.exec(error?.message ?? '')?.[1] ?? '';
  const name = quoted.split(' ')[0];
  switch (error?.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Onbekende optie ${name}.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Onverwacht argument '${quoted}': elke optie begint met --.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(error.message) ? `Optie ${name} neemt geen waarde.` : `Optie ${name} mist haar waarde (begint die met -, schrijf dan ${name}=<waarde>).`;
    default:
      return String(error?.message ?? error).split('\n')[0];
  }
}

function readOptions() {
  try {
    return parseArgs({
      options: {
        reset: { type: 'boolean', default: false },
        port: { type: 'string', default: '3978' },
        'graph-port': { type: 'string', default: '4000' },
        build: { type: 'boolean', default: false },
        'no-build': { type: 'boolean', default: false },
        'fault-429': { type: 'string' },
        'fault-503': { type: 'string' },
        latency: { type: 'string' },
        'tenant-licences': { type: 'string' },
        budget: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    return usageError(parseArgsSentence(error));
  }
}
const options = readOptions();

if (options.help) {
  console.log(HELP);
  process.exit(0);
}

const LOOPBACK = '127.0.0.1';
function portOption(flag) {
  const value = Number(options[flag]);
  if (!/^\d+$/.test(options[flag]) || value < 1 || value > 65535) usageError(`--${flag} verwacht een poortnummer van 1 tot en met 65535, niet "${options[flag]}".`);
  return value;
}
const port = portOption('port');
const graphPort = portOption('graph-port');
if (port === graphPort) usageError('--port en --graph-port moeten verschillende poorten zijn.');
if (options.build && options['no-build']) usageError('--build en --no-build sluiten elkaar uit.');

function faultsFromOptions() {
  const faults = {};
  for (const [flag, key, max] of [['fault-429', 'rate429', 1], ['fault-503', 'rate503', 1], ['latency', 'latencyMs', Infinity]]) {
    if (options[flag] === undefined) continue;
    const value = Number(options[flag]);
    if (options[flag].trim() === '' || !Number.isFinite(value) || value < 0 || value > max) {
      usageError(max === 1 ? `--${flag} verwacht een getal van 0 tot en met 1, niet "${options[flag]}".` : `--${flag} verwacht een aantal milliseconden (0 of meer), niet "${options[flag]}".`);
    }
    faults[key] = value;
  }
  return faults;
}
const faults = faultsFromOptions();

/** SharePoint's throttling budget of the emulated tenant (dev/graph-emulator/budget.ts): strict unless asked. */
function tenantFromOptions() {
  const tenant = {};
  if (options['tenant-licences'] !== undefined) {
    if (!/^\d+$/.test(options['tenant-licences']) || Number(options['tenant-licences']) < 1) usageError(`--tenant-licences verwacht een heel getal van 1 of meer, niet "${options['tenant-licences']}".`);
    tenant.licences = Number(options['tenant-licences']);
  }
  if (options.budget !== undefined) {
    if (options.budget !== 'strict' && options.budget !== 'off') usageError(`--budget verwacht strict of off, niet "${options.budget}".`);
    tenant.budget = options.budget;
  }
  return tenant;
}
const tenant = tenantFromOptions();

const dataDir = path.join(root, '.data');
const graphDataDir = path.join(dataDir, 'graph');
const simulatorStateFile = path.join(dataDir, 'teams-host', 'state.json');
const localDir = path.join(root, 'dist', 'local');
const appDir = path.join(localDir, 'app');
const hostDir = path.join(localDir, 'host');
const stampFile = path.join(localDir, '.build-stamp');

// Everything the two bundles are built from. A change in any of these (or a file added or removed)
// means dist/local is stale.
const BUILD_INPUTS = ['src', 'dev/teams-host', 'dev/graph-emulator/seed.ts', 'webpack.config.js', 'tsconfig.json', 'package-lock.json'];

function* filesUnder(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) {
    yield entry;
    return;
  }
  for (const child of readdirSync(full)) yield* filesUnder(path.join(entry, child));
}

/**
 * A hash of the inputs' names and contents, not their modification times: a checkout, `npm ci` or
 * an `npm install` that writes package-lock.json back unchanged touches files without changing what
 * would be built, and must not cost a rebuild.
 */
function sourceSignature() {
  const hash = createHash('sha256');
  const files = BUILD_INPUTS.flatMap((entry) => [...filesUnder(entry)]).sort();
  for (const file of files) {
    hash.update(`${file.split(path.sep).join('/')}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function buildIsCurrent(signature) {
  if (!existsSync(path.join(appDir, 'index.html')) || !existsSync(path.join(hostDir, 'index.html'))) return false;
  return existsSync(stampFile) && readFileSync(stampFile, 'utf8') === signature;
}

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} stopte met ${signal ?? code}`))));
  });
}

async function build() {
  const signature = sourceSignature();
  if (options['no-build']) return;
  if (!options.build && buildIsCurrent(signature)) {
    console.log('Build is actueel (dist/local).');
    return;
  }
  if (!existsSync(path.join(root, 'src', 'main.tsx'))) {
    throw new Error('src/main.tsx ontbreekt: zonder app-ingang valt er niets te bouwen.');
  }
  console.log('Bouwen: app en vergadersimulator (dist/local)…');
  const started = Date.now();
  rmSync(stampFile, { force: true });
  await run(process.execPath, [path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production', '--env', `outDir=${localDir}`]);
  writeFileSync(stampFile, signature);
  console.log(`Gebouwd in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/**
 * Local mode: the production sign-in (nested app auth, answered by the meeting simulator with the
 * emulator's tokens; Teams' authentication window against the emulator's /authorize and /token) at the
 * emulated tenant's authority, and Graph requests rewritten to the emulator (dev/teams-host/localSignIn.ts).
 */
function writeAppConfig(localSignIn, appOrigin) {
  const config = localSignIn.localAppConfig(`http://${LOOPBACK}:${graphPort}`, appOrigin);
  writeFileSync(path.join(appDir, 'app-config.json'), JSON.stringify(config, null, 2) + '\n');
}

const stoppers = [];
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const stop of stoppers.reverse()) {
    await stop().catch((error) => console.error(String(error)));
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

async function main() {
  if (options.reset) {
    rmSync(graphDataDir, { recursive: true, force: true });
    rmSync(path.dirname(simulatorStateFile), { recursive: true, force: true });
    console.log('Gegevens gewist (.data/graph, .data/teams-host).');
  }
  mkdirSync(graphDataDir, { recursive: true });
  await build();
  const appOrigin = `http://${LOOPBACK}:${port}`;
  const { startEmulator } = await tsImport(path.join(root, 'dev/graph-emulator/index.ts'), import.meta.url);
  const localSignIn = await tsImport(path.join(root, 'dev/teams-host/localSignIn.ts'), import.meta.url);
  writeAppConfig(localSignIn, appOrigin);

  // nextLinks keep https://graph.microsoft.com: the app's last middleware rewrites them to loopback.
  const emulator = await startEmulator({ port: graphPort, host: LOOPBACK, dataDir: graphDataDir, faults, tenant });
  stoppers.push(() => emulator.close());
  const graphUrl = emulator.origin;
  await localSignIn.registerSignInPage(graphUrl, appOrigin);

  const { startSimulatorServer } = await tsImport(path.join(root, 'dev/teams-host/server.ts'), import.meta.url);
  const simulator = await startSimulatorServer({ port, host: LOOPBACK, appDir, hostDir, stateFile: simulatorStateFile, tokenUrl: localSignIn.emulatorTokenUrl(graphUrl) });
  stoppers.push(() => simulator.close());

  console.log(`
Graph-emulator:  ${graphUrl}  (gegevens in ${path.relative(root, graphDataDir)}; --reset wist ze)
SharePoint-budget: ${graphUrl}/_emulator/usage  (RU per minuut, per app, per persoon, per soort verzoek)
App:             ${appOrigin}/

Open de vergadering (podium en drie deelnemers):

    ${simulator.url}

Stoppen: Ctrl-C`);
}

main().catch((error) => {
  if (error?.code === 'EADDRINUSE') console.error(`Poort ${error.port} is al in gebruik. Kies een andere met --port of --graph-port.`);
  else console.error(error instanceof Error ? error.message : error);
  void stopAll(1);
});
