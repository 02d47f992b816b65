// The Teams app package: manifest.json rendered from manifest/manifest.template.json for one
// deployment (its https origin and its Entra app registration), checked against Microsoft's own
// schema shipped in @microsoft/app-manifest, zipped with the icons and the language files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { z } from 'zod';
import { AppConfigSchema, tenantAuthority, TenantIdSchema, type AppConfig } from '../src/app/config';
import { SCOPES } from '../src/auth/scopes';
import { selectedScope } from '../src/graph/siteAccess';

const root = path.resolve(__dirname, '..');

/** The manifest schema version the template is written for. */
export const MANIFEST_VERSION = '1.30';
/** The Teams app id: stable across releases, so an upload replaces the app instead of adding another. */
export const DEFAULT_APP_ID = '5f0c2e7a-8d3b-4c61-9a2e-47b1d0c3e8f5';
export const LANGUAGE_FILES = ['nl.json', 'en.json'] as const;
export const ICON_FILES = ['color.png', 'outline.png'] as const;

/**
 * The token Teams fetches ahead of the app's first request (nestedAppAuthInfo): opening a session
 * reads the SharePoint lists, so that is the first token every surface needs.
 */
export const PREFETCHED_SCOPES: readonly string[] = SCOPES.sites;

export interface Deployment {
  /** https origin the built app is served from, e.g. https://gesprekstool.gemeente.nl */
  origin: string;
  /** Application (client) id of the Entra app registration. */
  clientId: string;
  /** Directory (tenant) id of the municipality's tenant, where the app is registered (single-tenant). */
  tenantId: string;
  appId?: string;
  version?: string;
  privacyUrl?: string;
  termsUrl?: string;
  /** "all" (Sites.*.All, the default) or "selected" (delegated Sites.Selected: only the sites an administrator assigned). */
  siteAccess?: string;
}

export class DeploymentError extends Error {
  override name = 'DeploymentError';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
/** The app configuration's own check (src/app/config.ts): an RFC 9562 UUID, as Entra issues application ids. */
const CLIENT_ID = z.string().uuid();

/** Checks what a person typed on the command line before anything is written. */
export function checkDeployment(deployment: Deployment): Required<Deployment> {
  let url: URL;
  try {
    url = new URL(deployment.origin);
  } catch {
    throw new DeploymentError(`--host ${deployment.origin} is geen URL; geef de https-oorsprong, bijvoorbeeld https://gesprekstool.gemeente.nl`);
  }
  if (url.protocol !== 'https:') throw new DeploymentError('--host moet https zijn: Teams laadt tabbladen alleen over https.');
  if (url.pathname !== '/' || url.search || url.hash) throw new DeploymentError('--host is alleen de oorsprong (https://host[:poort]), zonder pad: de app staat in de root van die host.');
  if (!CLIENT_ID.safeParse(deployment.clientId).success) throw new DeploymentError('--client-id moet de Application (client) ID van de Entra-appregistratie zijn (een GUID).');
  if (!TenantIdSchema.safeParse(deployment.tenantId).success) {
    throw new DeploymentError('--tenant-id moet de Directory (tenant) ID van de tenant van de gemeente zijn (een GUID), niet organizations of common: de app is in één tenant geregistreerd.');
  }
  const appId = deployment.appId ?? DEFAULT_APP_ID;
  if (!GUID.test(appId)) throw new DeploymentError('--app-id moet een GUID zijn.');
  const version = deployment.version ?? (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  if (!SEMVER.test(version)) throw new DeploymentError(`--version ${version} is geen semver-versie (1.2.3).`);
  const siteAccess = deployment.siteAccess ?? 'all';
  if (siteAccess !== 'all' && siteAccess !== 'selected') throw new DeploymentError(`--sites ${siteAccess} bestaat niet: kies all (Sites.*.All) of selected (Sites.Selected, alleen toegewezen sites).`);
  return {
    origin: url.origin,
    clientId: deployment.clientId.toLowerCase(),
    tenantId: deployment.tenantId.toLowerCase(),
    appId,
    version,
    privacyUrl: deployment.privacyUrl ?? `${url.origin}/`,
    termsUrl: deployment.termsUrl ?? `${url.origin}/`,
    siteAccess,
  };
}

function substitute(value: unknown, replacements: Record<string, string>): unknown {
  if (typeof value === 'string') return value.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => replacements[name] ?? whole);
  if (Array.isArray(value)) return value.map((item) => substitute(item, replacements));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, replacements)]));
  return value;
}

type Manifest = Record<string, unknown> & {
  webApplicationInfo: { id: string; nestedAppAuthInfo: { redirectUri: string; scopes: string[] }[] };
};

export function renderManifest(deployment: Deployment): Manifest {
  const checked = checkDeployment(deployment);
  const template: unknown = JSON.parse(readFileSync(path.join(root, 'manifest', 'manifest.template.json'), 'utf8'));
  const manifest = substitute(template, {
    ORIGIN: checked.origin,
    // validDomains and the NAA redirect take the host without scheme (with the port, if any).
    HOST: new URL(checked.origin).host,
    CLIENT_ID: checked.clientId,
    APP_ID: checked.appId,
    VERSION: checked.version,
    PRIVACY_URL: checked.privacyUrl,
    TERMS_URL: checked.termsUrl,
  }) as Manifest;
  const prefetched = checked.siteAccess === 'selected' ? [...new Set(PREFETCHED_SCOPES.map(selectedScope))] : [...PREFETCHED_SCOPES];
  for (const entry of manifest.webApplicationInfo.nestedAppAuthInfo) entry.scopes = prefetched;
  const leftover = JSON.stringify(manifest).match(/\{\{\w+\}\}/);
  if (leftover) throw new Error(`manifest.template.json has an unknown placeholder ${leftover[0]}`);
  return manifest;
}

function schemaPath(file: string): string {
  return path.join(root, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams', `v${MANIFEST_VERSION}`, file);
}

export interface SchemaProblem {
  file: string;
  where: string;
  message: string;
}

type Validate = ReturnType<Ajv['compile']>;
const validators = new Map<string, Validate>();

function validator(file: string): Validate {
  let validate = validators.get(file);
  if (!validate) {
    // The schemas are draft-04 and use patterns written for non-unicode regular expressions.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(schemaPath(file), 'utf8')) as object);
    validators.set(file, validate);
  }
  return validate;
}

/** Problems Microsoft's schema finds in the manifest and the language files; empty when valid. */
export function schemaProblems(manifest: unknown, languageFiles: Record<string, unknown>): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const collect = (file: string, validate: Validate, document: unknown) => {
    if (validate(document)) return;
    for (const error of validate.errors ?? []) problems.push({ file, where: error.instancePath || '/', message: error.message ?? 'invalid' });
  };
  collect('manifest.json', validator('MicrosoftTeams.schema.json'), manifest);
  const localization = validator('MicrosoftTeams.Localization.schema.json');
  for (const [file, document] of Object.entries(languageFiles)) collect(file, localization, document);
  return problems;
}

export function readLanguageFiles(): Record<string, unknown> {
  return Object.fromEntries(LANGUAGE_FILES.map((file) => [file, JSON.parse(readFileSync(path.join(root, 'manifest', file), 'utf8')) as unknown]));
}

/** The zip Teams admin centre accepts: manifest.json, both icons and the language files, at the root. */
export async function buildAppPackage(deployment: Deployment): Promise<{ zip: Buffer; manifest: Manifest }> {
  const manifest = renderManifest(deployment);
  const languages = readLanguageFiles();
  const problems = schemaProblems(manifest, languages);
  if (problems.length > 0) {
    throw new Error(`Het manifest voldoet niet aan het schema:\n${problems.map((p) => `  ${p.file} ${p.where}: ${p.message}`).join('\n')}`);
  }
  const zip = new JSZip();
  // A fixed date keeps the zip identical for identical input.
  const date = new Date('2026-01-01T00:00:00Z');
  zip.file('manifest.json', JSON.stringify(manifest, null, 2) + '\n', { date });
  for (const icon of ICON_FILES) zip.file(icon, readFileSync(path.join(root, 'assets', icon)), { date });
  for (const file of LANGUAGE_FILES) zip.file(file, JSON.stringify(languages[file], null, 2) + '\n', { date });
  return { zip: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), manifest };
}

/** The runtime configuration of a production build: NAA sign-in, Graph itself. */
export function productionAppConfig(deployment: Deployment): AppConfig {
  const checked = checkDeployment(deployment);
  const config = AppConfigSchema.safeParse({ auth: { mode: 'naa', clientId: checked.clientId, authority: tenantAuthority(checked.tenantId) }, graph: { loopbackOrigin: null, siteAccess: checked.siteAccess }, appOrigin: checked.origin });
  if (!config.success) throw new DeploymentError(`De productieconfiguratie is ongeldig: ${config.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}.`);
  return config.data;
}

/**
 * The hosts that may show the app in a frame: Teams and the other Microsoft 365 hosts of a tab, per
 * "Tab requirements" (learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements):
 * *.cloud.microsoft (where the web clients are moving), teams.microsoft.com and its subdomains,
 * *.microsoft365.com, *.office.com and Outlook's hosts. No X-Frame-Options: DENY or SAMEORIGIN, which
 * would keep the app out of every meeting.
 */
export const FRAME_ANCESTORS: readonly string[] = [
  "'self'",
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

/** The response headers the static host must send, per file kind. */
export function hostingHeaders(): { all: Record<string, string>; noCache: readonly string[] } {
  return {
    all: { 'Content-Security-Policy': `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin' },
    // The entry page and the configuration change with each deployment; the content-hashed scripts never do.
    noCache: ['/index.html', '/app-config.json'],
  };
}

/** Azure Static Web Apps reads these headers from staticwebapp.config.json in the uploaded folder. */
export function staticWebAppConfig(): Record<string, unknown> {
  const headers = hostingHeaders();
  return {
    globalHeaders: headers.all,
    routes: headers.noCache.map((route) => ({ route, headers: { 'Cache-Control': 'no-cache' } })),
  };
}
