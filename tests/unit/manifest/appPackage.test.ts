// The Teams app package as Teams admin centre receives it, checked against Microsoft's schema
// (shipped in @microsoft/app-manifest, validated offline).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { AppConfigSchema } from '../../../src/app/config';
import {
  buildAppPackage,
  checkDeployment,
  type Deployment,
  productionAppConfig,
  hostingHeaders,
  staticWebAppConfig,
  readLanguageFiles,
  renderManifest,
  schemaProblems,
} from '../../../scripts/appPackage';
import { decodePng } from '../../../scripts/png';

const municipality: Deployment = { origin: 'https://gesprekstool.gemeente-voorbeeld.nl', clientId: '3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9', tenantId: '7d3a5c1e-2b4f-4e8a-9c6d-0f1e2a3b4c5d' };
const assets = path.resolve(__dirname, '../../../assets');

/** The parts of manifest.json these tests read. */
interface RenderedManifest {
  configurableTabs: { configurationUrl: string; scopes: string[] }[];
  authorization: { permissions: { resourceSpecific: unknown[] } };
  webApplicationInfo: unknown;
  validDomains: string[];
  localizationInfo: unknown;
  name: { short: string };
  description: { short: string };
}

function rendered(deployment: Deployment): RenderedManifest {
  return renderManifest(deployment) as unknown as RenderedManifest;
}

describe('manifest', () => {
  const manifest = rendered(municipality);

  it('is valid against Microsoft’s schema, with valid language files', () => {
    expect(schemaProblems(manifest, readLanguageFiles())).toEqual([]);
  });

  it('the schema check does catch what Teams rejects', () => {
    const lowerCaseGroupChat = structuredClone(manifest);
    lowerCaseGroupChat.configurableTabs[0]!.scopes = ['team', 'groupchat'];
    expect(schemaProblems(lowerCaseGroupChat, {})).toEqual([expect.objectContaining({ file: 'manifest.json', where: '/configurableTabs/0/scopes/1' })]);
    const tooLong = { ...readLanguageFiles()['nl.json'] as object, 'description.short': 'x'.repeat(81) };
    expect(schemaProblems(manifest, { 'nl.json': tooLong })).toEqual([expect.objectContaining({ file: 'nl.json' })]);
  });

  it('offers one configurable tab for teams and group chats, in the meeting side panel and on the stage', () => {
    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({
        configurationUrl: 'https://gesprekstool.gemeente-voorbeeld.nl/index.html',
        scopes: ['team', 'groupChat'],
        context: ['channelTab', 'privateChatTab', 'meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel', 'meetingStage'],
        meetingSurfaces: ['sidePanel', 'stage'],
      }),
    ]);
  });

  it('asks the meeting-stage permissions for meeting chats and channel meetings', () => {
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
      { name: 'ChannelMeetingStage.Write.Group', type: 'Delegated' },
    ]);
  });

  it('signs in through nested app auth with the deployment’s Entra app and host', () => {
    expect(manifest.webApplicationInfo).toEqual({
      id: '3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9',
      nestedAppAuthInfo: [{ redirectUri: 'brk-multihub://gesprekstool.gemeente-voorbeeld.nl', scopes: ['Sites.ReadWrite.All'] }],
    });
    expect(manifest.validDomains).toEqual(['gesprekstool.gemeente-voorbeeld.nl']);
  });

  it('is Dutch by default with an English translation of every Dutch string', () => {
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'nl', defaultLanguageFile: 'nl.json', additionalLanguages: [{ languageTag: 'en', file: 'en.json' }] });
    const { 'nl.json': nl, 'en.json': en } = readLanguageFiles() as Record<string, Record<string, string>>;
    expect(Object.keys(en!).sort()).toEqual(Object.keys(nl!).sort());
    expect(nl!['name.short']).toBe(manifest.name.short);
    expect(nl!['description.short']).toBe(manifest.description.short);
  });

  it('keeps a port in the host names when the app is served on one', () => {
    const onPort = rendered({ ...municipality, origin: 'https://apps.gemeente.nl:8443' });
    expect(onPort.validDomains).toEqual(['apps.gemeente.nl:8443']);
    expect(onPort.configurableTabs[0]?.configurationUrl).toBe('https://apps.gemeente.nl:8443/index.html');
  });
});

describe('deployment parameters', () => {
  it.each([
    ['an http host', { origin: 'http://gesprekstool.gemeente.nl' }, /https/],
    ['a host with a path', { origin: 'https://gemeente.nl/gesprekstool' }, /zonder pad/],
    ['a client id that is not a GUID', { clientId: 'gesprekstool' }, /GUID/],
    ['a GUID-shaped client id that is no UUID (variant digit 1)', { clientId: '3f2a1b0c-9d8e-4f7a-16c5-d4e3f2a1b0c9' }, /GUID/],
    ['a version that is not semver', { version: 'v2' }, /semver/],
    ['a site access that does not exist', { siteAccess: 'some' }, /kies all .* of selected/],
    ['the multi-tenant authority name instead of a tenant id', { tenantId: 'organizations' }, /^--tenant-id moet de Directory \(tenant\) ID van de tenant van de gemeente zijn \(een GUID\), niet organizations of common: de app is in één tenant geregistreerd\.$/],
    ['a tenant domain instead of its id', { tenantId: 'gemeente.onmicrosoft.com' }, /--tenant-id/],
  ])('refuses %s with a sentence saying what to give instead', (_case, change, message) => {
    expect(() => checkDeployment({ ...municipality, ...change })).toThrow(message);
  });

  it('the production app configuration signs in with NAA at the municipality’s own tenant and talks to Graph itself', () => {
    const config = productionAppConfig({ ...municipality, tenantId: '7D3A5C1E-2B4F-4E8A-9C6D-0F1E2A3B4C5D' });
    expect(AppConfigSchema.parse(config)).toEqual({
      auth: { mode: 'naa', clientId: '3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9', authority: 'https://login.microsoftonline.com/7d3a5c1e-2b4f-4e8a-9c6d-0f1e2a3b4c5d', identityEndpoints: null },
      graph: { loopbackOrigin: null, siteAccess: 'all' },
      appOrigin: 'https://gesprekstool.gemeente-voorbeeld.nl',
    });
  });
});

describe('limited to assigned sites (--sites selected)', () => {
  it('asks for Sites.Selected in the configuration and in the scopes Teams prefetches', async () => {
    expect(productionAppConfig({ ...municipality, siteAccess: 'selected' }).graph.siteAccess).toBe('selected');
    const { manifest } = await buildAppPackage({ ...municipality, siteAccess: 'selected' });
    expect(manifest.webApplicationInfo.nestedAppAuthInfo.map((e: { scopes: string[] }) => e.scopes)).toEqual([['Sites.Selected']]);
  });
});

describe('hosting headers', () => {
  it('let Teams and the other Microsoft 365 hosts frame the app, and nobody else', () => {
    const csp = hostingHeaders().all['Content-Security-Policy'] ?? '';
    expect(csp).toMatch(/^frame-ancestors /);
    for (const host of ['https://*.cloud.microsoft', 'https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.office.com']) expect(csp.split(' ')).toContain(host);
    expect(csp).not.toContain('*.*');
    expect(Object.keys(hostingHeaders().all)).not.toContain('X-Frame-Options');
    expect(staticWebAppConfig()).toMatchObject({ globalHeaders: { 'Content-Security-Policy': csp }, routes: [{ route: '/index.html', headers: { 'Cache-Control': 'no-cache' } }, { route: '/app-config.json' }] });
  });
});

describe('icons', () => {
  const color = decodePng(readFileSync(path.join(assets, 'color.png')));
  const outline = decodePng(readFileSync(path.join(assets, 'outline.png')));
  const alphas = (image: { data: Uint8Array }) => Array.from(image.data.filter((_, i) => i % 4 === 3));

  it('the colour icon is 192×192 and fully opaque', () => {
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(alphas(color).every((alpha) => alpha === 255)).toBe(true);
  });

  it('the outline icon is 32×32, white on a transparent background', () => {
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const pixels = Array.from({ length: 32 * 32 }, (_, i) => Array.from(outline.data.subarray(i * 4, i * 4 + 4)));
    const visible = pixels.filter(([, , , alpha]) => alpha! > 0);
    expect(visible.length).toBeGreaterThan(50);
    expect(visible.length).toBeLessThan(32 * 32 * 0.6);
    expect(visible.every(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
    for (const corner of [0, 31, 32 * 31, 32 * 32 - 1]) expect(pixels[corner]?.[3]).toBe(0);
  });

  it('the committed icons are what scripts/icons.ts draws', () => {
    // In a child process: drawing 192×192 with supersampling is quick in node, slow in jest's sandbox.
    const outputDir = mkdtempSync(path.join(tmpdir(), 'icons-'));
    execFileSync(process.execPath, [require.resolve('tsx/cli'), path.resolve(__dirname, '../../../scripts/icons.ts'), outputDir]);
    for (const icon of ['color.png', 'outline.png']) {
      expect(readFileSync(path.join(outputDir, icon)).equals(readFileSync(path.join(assets, icon)))).toBe(true);
    }
  });
});

describe('app package', () => {
  it('holds exactly the manifest, both icons and both language files, at the root', async () => {
    const { zip, manifest } = await buildAppPackage(municipality);
    const archive = await JSZip.loadAsync(zip);
    expect(Object.keys(archive.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'nl.json', 'outline.png']);
    expect(JSON.parse(await archive.file('manifest.json')!.async('string'))).toEqual(manifest);
    const color = await archive.file('color.png')!.async('nodebuffer');
    expect(color.equals(readFileSync(path.join(assets, 'color.png')))).toBe(true);
    const nl = JSON.parse(await archive.file('nl.json')!.async('string'));
    expect(nl['name.short']).toBe('Gesprekstool');
  });

  it('is byte-for-byte the same for the same deployment', async () => {
    const first = await buildAppPackage(municipality);
    const second = await buildAppPackage(municipality);
    expect(first.zip.equals(second.zip)).toBe(true);
  });
});

describe('npm run package on the command line', () => {
  /** Runs scripts/package.ts as `npm run package -- …` does, without building (each case stops before that). */
  function packageCli(...args: string[]) {
    const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.resolve(__dirname, '../../../scripts/package.ts'), ...args], { encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it.each([
    ['a malformed client id', ['--host', municipality.origin, '--client-id', '3f2a1b0c-9d8e-4f7a-16c5-d4e3f2a1b0c9', '--tenant-id', municipality.tenantId], '--client-id moet de Application (client) ID van de Entra-appregistratie zijn (een GUID).'],
    ['an http host', ['--host', 'http://gemeente.nl', '--client-id', municipality.clientId, '--tenant-id', municipality.tenantId], '--host moet https zijn: Teams laadt tabbladen alleen over https.'],
    ['the organizations authority', ['--host', municipality.origin, '--client-id', municipality.clientId, '--tenant-id', 'organizations'], '--tenant-id moet de Directory (tenant) ID van de tenant van de gemeente zijn (een GUID), niet organizations of common: de app is in één tenant geregistreerd.'],
    ['an unknown option', ['--host', municipality.origin, '--client-id', municipality.clientId, '--hots', 'x'], 'Onbekende optie --hots.'],
    ['a missing client id', ['--host', municipality.origin], '--host, --client-id en --tenant-id zijn verplicht.'],
    ['a missing tenant id', ['--host', municipality.origin, '--client-id', municipality.clientId], '--host, --client-id en --tenant-id zijn verplicht.'],
  ])('answers %s with one sentence and the usage, no stack trace, exit code 2', (_case, args, sentence) => {
    const { status, stdout, stderr } = packageCli(...args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    const [first, blank, usage] = stderr.split('\n');
    expect(first).toContain(sentence);
    expect(blank).toBe('');
    expect(usage).toMatch(/^npm run package -- --host <https-oorsprong> --client-id/);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).not.toMatch(/ZodError|TypeError/);
  }, 60_000);

  it('--help prints the usage on stdout and succeeds', () => {
    const { status, stdout, stderr } = packageCli('--help');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^npm run package -- --host/);
    expect(stderr).toBe('');
  }, 60_000);
});
