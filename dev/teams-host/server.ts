// One loopback origin for the built app and the meeting simulator: the app at `/` (as it will be
// hosted for Teams), the simulator under `/teams-host/`. Same origin, so teams-js in the app frames
// trusts the simulator's messages without a list of valid origins.
import { createReadStream } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import { createSecureServer, type Http2ServerRequest, type Http2Session } from 'node:http2';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SimulatorStateSchema, type SimulatorState } from './meeting';

export const SIMULATOR_PATH = '/teams-host/';
/** The offline stand-in for teams-js's CDN request (cdnStandIn.ts) must control the app at `/`. */
export const CDN_STAND_IN_PATH = '/teams-host/cdn-stand-in.js';

export interface SimulatorServerOptions {
  port: number;
  /** Loopback by default: nothing here is meant for the network. */
  host?: string;
  /** The built app (dist/app). */
  appDir: string;
  /** The built simulator page (dist/host). */
  hostDir: string;
  /** Where the simulator keeps the saved tab configuration between runs. */
  stateFile: string;
  /**
   * The Graph emulator's token endpoint, where the simulated clients get the tokens they broker for
   * nested app authentication (naaBridge.ts). Without it the clients offer no NAA.
   */
  tokenUrl?: string;
  /**
   * Serve over https with this key and certificate (PEM), as Teams requires of an app: teams-js opens
   * the authentication window only for an https URL (authentication.authenticate → validateUrl).
   * Over TLS the server speaks HTTP/2 (HTTP/1.1 to a client that asks for it), as the static hosts an
   * app is deployed to do: over HTTP/1.1 a browser opens at most 6 connections to one origin, and the
   * stage's and the side panel's scripts queued behind each other's.
   */
  tls?: { key: string; cert: string };
}

export const IDENTITY_PATH = '/teams-host/identity';

export interface SimulatorServer {
  origin: string;
  /** The page that opens the meeting. */
  url: string;
  close(): Promise<void>;
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** What the handlers need of a request and a response, over HTTP/1.1 and HTTP/2 alike. */
type Request = IncomingMessage | Http2ServerRequest;
type Response = NodeJS.WritableStream & {
  writeHead(status: number, headers: Record<string, string | number>): unknown;
  readonly headersSent: boolean;
  destroy(): unknown;
};

// webpack names bundles `name.<8 hex>.js`: those never change, everything else must be revalidated.
const HASHED_ASSET = /\.[0-9a-f]{8}\.[a-z0-9]+$/;
const MAX_STATE_BYTES = 64 * 1024;

function send(response: Response, status: number, body: string, contentType = 'text/plain; charset=utf-8'): void {
  response.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
  response.end(body);
}

/** Resolves a URL path inside `root`, or null when it would escape it. */
function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const resolved = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return resolved === root || resolved.startsWith(root + path.sep) ? resolved : null;
}

async function serveFile(response: Response, root: string, urlPath: string, fallbackToIndex: boolean, extraHeaders: Record<string, string> = {}): Promise<void> {
  let file = resolveInside(root, urlPath.endsWith('/') ? urlPath + 'index.html' : urlPath);
  if (!file) return send(response, 400, 'Ongeldig pad');
  let info = await stat(file).catch(() => null);
  // The app routes by host context, not by path; a path without an extension still means the app.
  if ((!info || !info.isFile()) && fallbackToIndex && path.extname(file) === '') {
    file = path.join(root, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info || !info.isFile()) return send(response, 404, `Niet gevonden: ${urlPath}`);
  const extension = path.extname(file).toLowerCase();
  const immutable = HASHED_ASSET.test(path.basename(file));
  response.writeHead(200, {
    'Content-Type': MIME_TYPES[extension] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders,
  });
  createReadStream(file).pipe(response);
}

async function readBody(request: Request): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_STATE_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readState(stateFile: string): Promise<SimulatorState> {
  const text = await readFile(stateFile, 'utf8').catch(() => null);
  const empty = SimulatorStateSchema.parse({ tab: null });
  if (text === null) return empty;
  const parsed = SimulatorStateSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : empty;
}

async function handleState(request: Request, response: Response, stateFile: string): Promise<void> {
  if (request.method === 'GET') return send(response, 200, JSON.stringify(await readState(stateFile)), MIME_TYPES['.json']);
  if (request.method !== 'PUT') return send(response, 405, 'Alleen GET en PUT');
  let body: unknown;
  try {
    body = JSON.parse(await readBody(request));
  } catch {
    return send(response, 400, 'Geen geldige JSON');
  }
  const parsed = SimulatorStateSchema.safeParse(body);
  if (!parsed.success) return send(response, 400, parsed.error.message);
  await mkdir(path.dirname(stateFile), { recursive: true });
  await writeFile(stateFile, JSON.stringify(parsed.data, null, 2));
  return send(response, 200, JSON.stringify(parsed.data), MIME_TYPES['.json']);
}

export async function startSimulatorServer(options: SimulatorServerOptions): Promise<SimulatorServer> {
  const host = options.host ?? '127.0.0.1';
  const appDir = path.resolve(options.appDir);
  const hostDir = path.resolve(options.hostDir);
  const handler = (request: Request, response: Response) => {
    const url = new URL(request.url ?? '/', 'http://simulator.invalid');
    let work: Promise<void>;
    if (url.pathname === '/teams-host') {
      response.writeHead(308, { Location: SIMULATOR_PATH + url.search });
      response.end();
      return;
    }
    if (url.pathname === SIMULATOR_PATH + 'state') work = handleState(request, response, options.stateFile);
    else if (url.pathname === IDENTITY_PATH) work = Promise.resolve(send(response, 200, JSON.stringify({ tokenUrl: options.tokenUrl ?? null }), MIME_TYPES['.json']));
    else if (request.method !== 'GET' && request.method !== 'HEAD') work = Promise.resolve(send(response, 405, 'Alleen GET'));
    else if (url.pathname === CDN_STAND_IN_PATH) work = serveFile(response, hostDir, '/cdn-stand-in.js', false, { 'Service-Worker-Allowed': '/' });
    else if (url.pathname.startsWith(SIMULATOR_PATH)) work = serveFile(response, hostDir, url.pathname.slice(SIMULATOR_PATH.length - 1), false);
    else work = serveFile(response, appDir, url.pathname, true);
    work.catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, String(error));
      else response.destroy();
    });
  };
  const sessions = new Set<Http2Session>();
  const server = options.tls ? createSecureServer({ key: options.tls.key, cert: options.tls.cert, allowHTTP1: true }, handler) : createServer(handler);
  server.on('session', (session: Http2Session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `${options.tls ? 'https' : 'http'}://${host}:${port}`;
  return {
    origin,
    url: `${origin}${SIMULATOR_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
        for (const session of sessions) session.destroy();
      }),
  };
}
