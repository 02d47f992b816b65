// `npm run package -- --host https://gesprekstool.gemeente.nl --client-id <Entra application id>`
// Builds the app, writes its production app-config.json and dist/gesprekstool.zip for Teams.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildAppPackage, DeploymentError, productionAppConfig, type Deployment } from './appPackage';

const root = path.resolve(__dirname, '..');

const HELP = `npm run package -- --host <https-oorsprong> --client-id <Entra application id> [opties]

  --host <url>         https-oorsprong waar dist/app gehost wordt (verplicht)
  --client-id <guid>   Application (client) ID van de Entra-appregistratie (verplicht)
  --app-id <guid>      Teams-app-id (standaard de vaste id van Gesprekstool)
  --version <x.y.z>    versie in het manifest (standaard die uit package.json)
  --privacy-url <url>  privacyverklaring (standaard de host)
  --terms-url <url>    gebruiksvoorwaarden (standaard de host)
  --no-build           dist/app niet opnieuw bouwen`;

function main(): void {
  const { values } = parseArgs({
    options: {
      host: { type: 'string' },
      'client-id': { type: 'string' },
      'app-id': { type: 'string' },
      version: { type: 'string' },
      'privacy-url': { type: 'string' },
      'terms-url': { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.host || !values['client-id']) {
    console.log(HELP);
    process.exit(values.help ? 0 : 2);
  }
  const deployment: Deployment = {
    origin: values.host,
    clientId: values['client-id'],
    appId: values['app-id'],
    version: values.version,
    privacyUrl: values['privacy-url'],
    termsUrl: values['terms-url'],
  };
  const appConfig = productionAppConfig(deployment);

  if (!values['no-build']) {
    console.log('Bouwen: app (productie)…');
    const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production', '--env', 'only=app'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const configFile = path.join(root, 'dist', 'app', 'app-config.json');
  writeFileSync(configFile, JSON.stringify(appConfig, null, 2) + '\n');

  void buildAppPackage(deployment).then(({ zip, manifest }) => {
    const zipFile = path.join(root, 'dist', 'gesprekstool.zip');
    writeFileSync(zipFile, zip);
    console.log(`
Klaar.
  ${path.relative(root, configFile)}   productieconfiguratie (NAA, client id ${appConfig.auth.mode === 'naa' ? appConfig.auth.clientId : ''})
  ${path.relative(root, zipFile)}        Teams-app ${String(manifest.version)} voor ${appConfig.appOrigin}

Host de inhoud van dist/app/ op ${appConfig.appOrigin}/ en upload dist/gesprekstool.zip in het Teams-beheercentrum.`);
  });
}

try {
  main();
} catch (error) {
  console.error(error instanceof DeploymentError ? error.message : error);
  process.exit(1);
}
