// What the app's requests to the emulator carried: the person and the scopes of each token, read from
// the access token's claims (scp, upn), so a browser test can say which scopes a call was made with.
import type { BrowserContext, Page, Request } from 'playwright-core';
import { SCOPES } from '../../../src/auth/scopes';

export interface SeenCall {
  path: string;
  /** The token's scopes and person; null without a bearer token. */
  scp: string | null;
  upn: string | null;
  /** Sent by an app frame or window rather than by the simulator page itself. */
  fromApp: boolean;
}

export function claimsOf(authorization: string | undefined): { scp?: string; upn?: string } | null {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  if (!token) return null;
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { scp?: string; upn?: string };
}

/** Every request to the emulator, with the scopes and person of its token. */
export function recordCalls(page: Page, emulatorOrigin: string): SeenCall[] {
  const calls: SeenCall[] = [];
  const onRequest = (request: Request) => {
    if (!request.url().startsWith(emulatorOrigin) || request.method() === 'OPTIONS') return;
    const claims = claimsOf(request.headers()['authorization']);
    let fromApp = false;
    try {
      fromApp = request.frame() !== page.mainFrame();
    } catch {
      fromApp = false; // a service worker's request has no frame
    }
    calls.push({ path: new URL(request.url()).pathname, scp: claims?.scp ?? null, upn: claims?.upn ?? null, fromApp });
  };
  page.context().on('request', onRequest);
  return calls;
}

/** The scope sets the app asks for (src/auth/scopes.ts), each as a token's `scp` says it (sorted). */
export const ASKED_SETS = new Set(Object.values(SCOPES).map((set) => [...set].sort().join(' ')));

/** The addresses the main frame of every window the context opens from now on goes to (Teams' authentication window). */
export function recordWindows(context: BrowserContext): string[] {
  const windows: string[] = [];
  context.on('page', (popup) => {
    popup.on('framenavigated', (frame) => {
      if (frame === popup.mainFrame()) windows.push(frame.url());
    });
  });
  return windows;
}
