// The one-origin dev server: the app at `/`, the simulator under `/teams-host/`, honest caching.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:http2';
import { get as httpsGet } from 'node:https';
import path from 'node:path';
import { loopbackCertificate } from '../../../dev/teams-host/tls';
import { type SimulatorServer, startSimulatorServer } from '../../../dev/teams-host/server';

let dir: string;
let server: SimulatorServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'server-'));
  mkdirSync(path.join(dir, 'app'));
  mkdirSync(path.join(dir, 'host'));
  writeFileSync(path.join(dir, 'app', 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(path.join(dir, 'app', 'main.0123abcd.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'app', 'app-config.json'), '{"auth":{"mode":"dev"}}');
  writeFileSync(path.join(dir, 'host', 'index.html'), '<!doctype html><title>simulator</title>');
  writeFileSync(path.join(dir, 'host', 'cdn-stand-in.js'), 'self.addEventListener("fetch", () => {})');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the served folders');
  server = await startSimulatorServer({ port: 4330, appDir: path.join(dir, 'app'), hostDir: path.join(dir, 'host'), stateFile: path.join(dir, 'state', 'state.json') });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (urlPath: string, init?: RequestInit) => fetch(`${server.origin}${urlPath}`, init);

it('serves the app at the root and the simulator under /teams-host/, on loopback', async () => {
  expect(server.url).toBe('http://127.0.0.1:4330/teams-host/');
  expect(await (await get('/')).text()).toContain('id="root"');
  expect(await (await get('/teams-host/')).text()).toContain('simulator');
  const redirect = await get('/teams-host?view=tab', { redirect: 'manual' });
  expect([redirect.status, redirect.headers.get('location')]).toEqual([308, '/teams-host/?view=tab']);
});

it('names the content type of what it serves', async () => {
  expect((await get('/main.0123abcd.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect((await get('/app-config.json')).headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect((await get('/')).headers.get('content-type')).toBe('text/html; charset=utf-8');
});

it('lets browsers keep content-hashed bundles but revalidate the page and its configuration', async () => {
  expect((await get('/main.0123abcd.js')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect((await get('/')).headers.get('cache-control')).toBe('no-cache');
  expect((await get('/app-config.json')).headers.get('cache-control')).toBe('no-cache');
});

it('lets the CDN stand-in control the whole origin', async () => {
  const response = await get('/teams-host/cdn-stand-in.js');
  expect(response.headers.get('service-worker-allowed')).toBe('/');
  expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
});

it('never serves a file outside its folders', async () => {
  for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/teams-host/%2e%2e/%2e%2e/secret.txt']) {
    const body = await (await get(attempt)).text();
    expect(body).not.toContain('outside the served folders');
  }
});

it('answers a missing bundle with 404 but an unknown route with the app', async () => {
  expect((await get('/missing.12345678.js')).status).toBe(404);
  expect(await (await get('/sessie/2026')).text()).toContain('id="root"');
});

it('keeps the saved tab configuration and what is shared to the stage, by whom and how, and refuses what is neither', async () => {
  const empty = { stageSharer: null, stageProtocol: 'Collaborative' };
  expect(await (await get('/teams-host/state')).json()).toEqual({ tab: null, stageUrl: null, ...empty });
  const tab = { entityId: 'sessie-1', contentUrl: 'http://127.0.0.1:4330/', suggestedDisplayName: 'Gesprekstool' };
  // A state saved before the stage was kept (no stageUrl, sharer or protocol) still reads, with an empty stage.
  const saved = await get('/teams-host/state', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ tab }) });
  expect(saved.status).toBe(200);
  expect(await (await get('/teams-host/state')).json()).toEqual({ tab, stageUrl: null, ...empty });
  const stageUrl = 'http://127.0.0.1:4330/?surface=stage';
  const shared = { tab, stageUrl, stageSharer: 'u-marieke', stageProtocol: 'ScreenShare' };
  expect((await get('/teams-host/state', { method: 'PUT', body: JSON.stringify(shared) })).status).toBe(200);
  expect(await (await get('/teams-host/state')).json()).toEqual(shared);
  expect((await get('/teams-host/state', { method: 'PUT', body: JSON.stringify({ tab: { entityId: '' } }) })).status).toBe(400);
  expect((await get('/teams-host/state', { method: 'PUT', body: JSON.stringify({ tab, stageUrl: 'geen adres' }) })).status).toBe(400);
  expect((await get('/teams-host/state', { method: 'PUT', body: JSON.stringify({ ...shared, stageProtocol: 'Video' }) })).status).toBe(400);
  expect(await (await get('/teams-host/state')).json()).toEqual(shared);
});

describe('over https', () => {
  // Needs openssl, as `npm start`'s https does (dev/teams-host/tls.ts).
  let secure: SimulatorServer;
  beforeAll(async () => {
    secure = await startSimulatorServer({ port: 0, appDir: path.join(dir, 'app'), hostDir: path.join(dir, 'host'), stateFile: path.join(dir, 'state', 'secure.json'), tls: loopbackCertificate() });
  });
  afterAll(() => secure.close());

  function http2Get(urlPath: string): Promise<{ status: number; type: string | undefined; body: string }> {
    return new Promise((resolve, reject) => {
      const session = connect(secure.origin, { rejectUnauthorized: false });
      session.on('error', reject);
      const stream = session.request({ ':path': urlPath });
      let status = 0;
      let type: string | undefined;
      let body = '';
      stream.on('response', (headers) => {
        status = Number(headers[':status']);
        type = headers['content-type'] as string | undefined;
      });
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (body += chunk));
      stream.on('end', () => {
        session.close();
        resolve({ status, type, body });
      });
      stream.on('error', reject);
    });
  }

  it('speaks HTTP/2, as a static host does, so a stage and a side panel do not queue for six connections', async () => {
    expect(secure.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const page = await http2Get('/');
    expect([page.status, page.type]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.body).toContain('id="root"');
    expect((await http2Get('/main.0123abcd.js')).body).toBe('console.log(1)');
    expect((await http2Get('/teams-host/%2e%2e/%2e%2e/secret.txt')).body).not.toContain('outside the served folders');
  });

  it('still answers a client that speaks only HTTP/1.1', async () => {
    const body = await new Promise<string>((resolve, reject) => {
      // node's https client offers only http/1.1 in its TLS handshake.
      httpsGet(`${secure.origin}/`, { rejectUnauthorized: false }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(`${response.httpVersion} ${response.statusCode} ${text}`));
      }).on('error', reject);
    });
    expect(body).toMatch(/^1\.1 200 .*id="root"/);
  });
});
