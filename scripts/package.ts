// `npm run package -- --host https://gesprekstool.gemeente.nl --client-id <Entra application id> --tenant-id <Entra tenant id>`
// Builds the app into dist/production with its production app-config.json, and dist/gesprekstool.zip
// for Teams. `npm start` builds into dist/local, so the two configurations never share a folder.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildAppPackage, DeploymentError, productionAppConfig, staticWebAppConfig, type Deployment } from './appPackage';

const root = path.resolve(__dirname, '..');
const PRODUCTION_DIR = path.join(root, 'dist', 'production');
const ZIP_FILE = path.join(root, 'dist', 'gesprekstool.zip');

const HELP = `npm run package -- --host <https-oorsprong> --client-id <Entra application id> --tenant-id <Entra tenant id> [opties]

  --host <url>         https-oorsprong waar dist/production gehost wordt (verplicht)
  --client-id <guid>   Application (client) ID van de Entra-appregistratie (verplicht)
  --tenant-id <guid>   Directory (tenant) ID van de tenant van de gemeente, waar de app geregistreerd is (verplicht)
  --app-id <guid>      Teams-app-id (standaard de vaste id van Gesprekstool)
  --version <x.y.z>    versie in het manifest (standaard die uit package.json)
  --privacy-url <url>  privacyverklaring (standaard de host)
  --terms-url <url>    gebruiksvoorwaarden (standaard de host)
  --sites <all|selected>  all: Sites.*.All (standaard); selected: Sites.Selected, alleen de sites die een
                       beheerder aan de app toewijst (README, "Limiting the app to one site")
  --no-build           dist/production niet opnieuw bouwen
  --help               deze tekst`;

/** A mistake in what was typed: answered with one sentence and the usage, exit code 2. */
class UsageError extends Error {}

/** node:util parseArgs's ERR_PARSE_ARGS_* errors as one Dutch sentence (the same in scripts/start.mjs). */
function parseArgsSentence(error: unknown): string {
  const { message = String(error), code } = error instanceof Error ? (error as Error & { code?: string }) : {};
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const name = quoted.split(' ')[0];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Onbekende optie ${name}.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Onverwacht argument '${quoted}': elke optie begint met --.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(message) ? `Optie ${name} neemt geen waarde.` : `Optie ${name} mist haar waarde (begint die met -, schrijf dan ${name}=<waarde>).`;
    default:
      return message.split('\n')[0] ?? message;
  }
}

function readOptions(): Deployment & { build: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: 'string' },
        'client-id': { type: 'string' },
        'tenant-id': { type: 'string' },
        'app-id': { type: 'string' },
        version: { type: 'string' },
        'privacy-url': { type: 'string' },
        'terms-url': { type: 'string' },
        sites: { type: 'string' },
        'no-build': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(parseArgsSentence(error));
  }
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  if (!values.host || !values['client-id'] || !values['tenant-id']) throw new UsageError('--host, --client-id en --tenant-id zijn verplicht.');
  return {
    origin: values.host,
    clientId: values['client-id'],
    tenantId: values['tenant-id'],
    appId: values['app-id'],
    version: values.version,
    privacyUrl: values['privacy-url'],
    termsUrl: values['terms-url'],
    siteAccess: values.sites,
    build: !values['no-build'],
  };
}

async function main(): Promise<void> {
  const { build, ...deployment } = readOptions();
  // Checked before building, so a typo costs no build and leaves dist/production as it was.
  const appConfig = productionAppConfig(deployment);

  if (build) {
    console.log('Bouwen: app (productie)…');
    const webpack = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production', '--env', 'only=app', '--env', `appOut=${PRODUCTION_DIR}`],
      { cwd: root, stdio: 'inherit' },
    );
    if (webpack.status !== 0) throw new Error(`Het bouwen is mislukt (webpack stopte met ${webpack.status ?? webpack.signal}).`);
  } else if (!existsSync(path.join(PRODUCTION_DIR, 'index.html'))) {
    throw new UsageError(`${path.relative(root, PRODUCTION_DIR)} is nog niet gebouwd; laat --no-build weg.`);
  }
  const { zip, manifest } = await buildAppPackage(deployment);
  const configFile = path.join(PRODUCTION_DIR, 'app-config.json');
  writeFileSync(configFile, JSON.stringify(appConfig, null, 2) + '\n');
  // The headers Teams needs to frame the app, for Azure Static Web Apps; README lists them for other hosts.
  writeFileSync(path.join(PRODUCTION_DIR, 'staticwebapp.config.json'), JSON.stringify(staticWebAppConfig(), null, 2) + '\n');
  writeFileSync(ZIP_FILE, zip);
  console.log(`
Klaar.
  ${path.relative(root, PRODUCTION_DIR)}/            de app met productieconfiguratie (NAA, client id ${appConfig.auth.mode === 'naa' ? appConfig.auth.clientId : ''})
  ${path.relative(root, ZIP_FILE)}    Teams-app ${String(manifest.version)} voor ${appConfig.appOrigin}

Host de inhoud van ${path.relative(root, PRODUCTION_DIR)}/ op ${appConfig.appOrigin}/ en upload ${path.relative(root, ZIP_FILE)} in het Teams-beheercentrum.`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof DeploymentError) {
    console.error(`${error.message}\n\n${HELP}`);
    process.exit(2);
  }
  // Anything else (a failed build, a manifest Microsoft's schema rejects) is not the caller's typo:
  // its message, without a stack trace.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
