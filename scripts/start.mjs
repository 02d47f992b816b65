#!/usr/bin/env node
// `npm start`: everything a developer needs on loopback, from a fresh clone, in one command.
// Builds the app and the simulator when their sources changed, starts the Graph emulator (data in
// .data/graph, kept between runs) and serves the app plus the meeting simulator on one origin.
// Ctrl-C stops all of it.
import { spawn } from 'node:child_process';
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
  --build             altijd bouwen, ook als dist/ actueel lijkt
  --no-build          nooit bouwen (dist/ gebruiken zoals het is)
  --fault-429 <0-1>   deel van de Graph-verzoeken dat de emulator afknijpt (429)
  --fault-503 <0-1>   deel van de Graph-verzoeken dat 503 krijgt
  --latency <ms>      extra vertraging per Graph-verzoek
  --help              deze tekst`;

const { values: options } = parseArgs({
  options: {
    reset: { type: 'boolean', default: false },
    port: { type: 'string', default: '3978' },
    'graph-port': { type: 'string', default: '4000' },
    build: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'fault-429': { type: 'string' },
    'fault-503': { type: 'string' },
    latency: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  allowPositionals: false,
});

if (options.help) {
  console.log(HELP);
  process.exit(0);
}

const LOOPBACK = '127.0.0.1';
const port = Number(options.port);
const graphPort = Number(options['graph-port']);
if (!Number.isInteger(port) || !Number.isInteger(graphPort)) {
  console.error('--port en --graph-port moeten gehele getallen zijn.');
  process.exit(2);
}

function faultsFromOptions() {
  const faults = {};
  for (const [flag, key] of [['fault-429', 'rate429'], ['fault-503', 'rate503'], ['latency', 'latencyMs']]) {
    if (options[flag] === undefined) continue;
    const value = Number(options[flag]);
    if (!Number.isFinite(value)) {
      console.error(`--${flag} verwacht een getal.`);
      process.exit(2);
    }
    faults[key] = value;
  }
  return faults;
}

const dataDir = path.join(root, '.data');
const graphDataDir = path.join(dataDir, 'graph');
const simulatorStateFile = path.join(dataDir, 'teams-host', 'state.json');
const appDir = path.join(root, 'dist', 'app');
const hostDir = path.join(root, 'dist', 'host');
const stampFile = path.join(root, 'dist', '.build-stamp');

// Everything the two bundles are built from. A change in any of these (or a file added or removed)
// means dist/ is stale.
const BUILD_INPUTS = ['src', 'dev/teams-host', 'dev/graph-emulator/seed.ts', 'webpack.config.js', 'tsconfig.json', 'package-lock.json'];

function* filesUnder(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  const info = statSync(full);
  if (info.isFile()) {
    yield { file: entry, mtime: info.mtimeMs, size: info.size };
    return;
  }
  for (const child of readdirSync(full)) yield* filesUnder(path.join(entry, child));
}

function sourceSignature() {
  const files = BUILD_INPUTS.flatMap((entry) => [...filesUnder(entry)]);
  files.sort((a, b) => a.file.localeCompare(b.file));
  return JSON.stringify(files.map((f) => [f.file, Math.round(f.mtime), f.size]));
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
    console.log('Build is actueel (dist/).');
    return;
  }
  if (!existsSync(path.join(root, 'src', 'main.tsx'))) {
    throw new Error('src/main.tsx ontbreekt: zonder app-ingang valt er niets te bouwen.');
  }
  console.log('Bouwen: app en vergadersimulator…');
  const started = Date.now();
  await run(process.execPath, [path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production']);
  writeFileSync(stampFile, signature);
  console.log(`Gebouwd in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/**
 * Local mode: tokens from the emulator's token endpoint for the Gesprekstool app registration of the
 * emulated tenant, and Graph requests rewritten to the emulator (see src/app/config.ts).
 */
function writeAppConfig(appOrigin, clientId) {
  const graphOrigin = `http://${LOOPBACK}:${graphPort}`;
  const config = { auth: { mode: 'dev', tokenUrl: `${graphOrigin}/_emulator/token`, clientId }, graph: { loopbackOrigin: graphOrigin }, appOrigin };
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
  const { startEmulator, SEED } = await tsImport(path.join(root, 'dev/graph-emulator/index.ts'), import.meta.url);
  writeAppConfig(appOrigin, SEED.apps.gesprekstool.clientId);

  // nextLinks keep https://graph.microsoft.com: the app's last middleware rewrites them to loopback.
  const emulator = await startEmulator({ port: graphPort, host: LOOPBACK, dataDir: graphDataDir, faults: faultsFromOptions() });
  stoppers.push(() => emulator.close());
  const graphUrl = emulator.origin;

  const { startSimulatorServer } = await tsImport(path.join(root, 'dev/teams-host/server.ts'), import.meta.url);
  const simulator = await startSimulatorServer({ port, host: LOOPBACK, appDir, hostDir, stateFile: simulatorStateFile });
  stoppers.push(() => simulator.close());

  console.log(`
Graph-emulator:  ${graphUrl}  (gegevens in ${path.relative(root, graphDataDir)}; --reset wist ze)
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
