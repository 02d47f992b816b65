// Sign-in where the host does not recommend nested app authentication: Teams' authentication window
// opens our sign-in page (auth.html, src/authPage.ts), which signs in with MSAL's redirect flow at the
// tenant's authority and hands the token back with authentication.notifySuccess (learn.microsoft.com/
// microsoftteams/platform/tabs/how-to/authentication/auth-flow-tab). The window has its own MSAL cache
// (top-level storage, not the tab's partitioned one), so a second window for new scopes closes by itself
// once Entra knows the person.
import * as z from '../domain/zod';
import type { TokenProvider } from '../graph/contracts';
import { SignInRefusedError, SignInWindowError, typedSignInError, WINDOW_CLOSED, WINDOW_NOT_OPENED } from './errors';
import { RENEW_BEFORE_EXPIRY_MS } from './devTokenProvider';

/** What the sign-in page passes to notifySuccess (as JSON). */
export const DialogTokenSchema = z.object({ accessToken: z.string().check(z.minLength(1)), expiresOn: z.number(), scopes: z.array(z.string()) });
export type DialogToken = z.infer<typeof DialogTokenSchema>;

/** What the sign-in page passes to notifyFailure (as JSON): MSAL's error fields. */
export const DialogFailureSchema = z.object({ errorCode: z.string(), subError: z.optional(z.string()), errorMessage: z.string() });
export type DialogFailure = z.infer<typeof DialogFailureSchema>;

/** Teams' size for its authentication window; the page is one sentence and a spinner. */
export const DIALOG_SIZE = { width: 600, height: 535 } as const;
export const SIGN_IN_PAGE = 'auth.html';

export interface DialogOptions {
  /** Where the app is served; the sign-in page is `auth.html` next to index.html. */
  appOrigin: string;
  loginHint: string | null;
  authenticate: (request: { url: string; width: number; height: number }) => Promise<string>;
  /** Scopes the first window asks for besides the call's own, so start-up needs one window, not two. */
  firstScopes?: readonly string[];
  now?: () => number;
}

interface Cached {
  token: string;
  scopes: ReadonlySet<string>;
  renewAt: number;
}

const OIDC = new Set(['openid', 'profile', 'offline_access', 'email']);
const GRAPH_RESOURCE = 'https://graph.microsoft.com';
const RESOURCE_SCOPE = /^(https:\/\/[^/]+)\/(.+)$/i;
/** The resource a scope is for: its own prefix, else Graph's (as MSAL reads a bare scope). */
const resourceOf = (scope: string) => RESOURCE_SCOPE.exec(scope)?.[1]?.toLowerCase() ?? GRAPH_RESOURCE;
const isGraphScope = (scope: string) => resourceOf(scope) === GRAPH_RESOURCE;
/**
 * A scope as resource and name in lower case. Entra's answer may name a scope bare ("AllSites.Manage")
 * where the call asked for it with its resource ("https://…sharepoint.com/AllSites.Manage"): a bare
 * name in an answer belongs to the resource that was asked for, so a later call for the same scope
 * finds the token instead of opening another window (which, without a press, would not open).
 */
function scopeKey(scope: string, resourceAsked: string): string {
  const named = RESOURCE_SCOPE.exec(scope);
  return named ? `${(named[1] ?? '').toLowerCase()}/${(named[2] ?? '').toLowerCase()}` : `${resourceAsked}/${scope.toLowerCase()}`;
}

export function signInPageUrl(appOrigin: string, scopes: readonly string[], loginHint: string | null): string {
  const url = new URL(SIGN_IN_PAGE, `${appOrigin.replace(/\/+$/, '')}/`);
  url.searchParams.set('scopes', scopes.join(' '));
  if (loginHint) url.searchParams.set('loginHint', loginHint);
  return url.toString();
}

/** The window's reason for failing, as a typed error: the page's MSAL error, or Teams' own (`CancelledByUser`, …). */
export function dialogFailure(error: unknown, scopes: readonly string[]): unknown {
  const reason = error instanceof Error ? error.message : String(error);
  if (reason === WINDOW_NOT_OPENED) return new SignInWindowError('blocked');
  if (reason === WINDOW_CLOSED) return new SignInWindowError('closed');
  let parsed: DialogFailure | null = null;
  try {
    const result = DialogFailureSchema.safeParse(JSON.parse(reason));
    parsed = result.success ? result.data : null;
  } catch {
    parsed = null;
  }
  if (parsed) {
    const typed = typedSignInError(parsed, scopes);
    return typed === parsed ? new SignInRefusedError(parsed.errorCode, null, parsed.errorMessage) : typed;
  }
  return new SignInRefusedError(reason || 'authentication_failed', null, `Teams' aanmeldvenster: ${reason || 'geen reden'}`);
}

export function createDialogTokenProvider(options: DialogOptions): TokenProvider {
  const now = options.now ?? (() => Date.now());
  const cache: Cached[] = [];
  let first = true;
  // One window at a time, as Teams shows one; a call waits for the window before it and may find its token there.
  let queue: Promise<unknown> = Promise.resolve();

  const cached = (scopes: readonly string[]) => cache.find((c) => now() < c.renewAt && scopes.every((s) => OIDC.has(s) || c.scopes.has(scopeKey(s, GRAPH_RESOURCE))))?.token ?? null;

  async function openWindow(scopes: readonly string[]): Promise<string> {
    const hit = cached(scopes);
    if (hit) return hit;
    // A token is for one resource (AADSTS28000): only Graph scopes are added to a Graph call's window.
    const extra = first && scopes.every(isGraphScope) ? (options.firstScopes ?? []) : [];
    const asked = [...new Set([...scopes, ...extra])];
    let raw: string;
    try {
      raw = await options.authenticate({ url: signInPageUrl(options.appOrigin, asked, options.loginHint), ...DIALOG_SIZE });
    } catch (err) {
      const failure = dialogFailure(err, asked);
      // A window that never opened asked nothing: the next one (after the press) is still the first.
      if (!(failure instanceof SignInWindowError)) first = false;
      throw failure;
    }
    first = false;
    const token = DialogTokenSchema.parse(JSON.parse(raw));
    const resource = resourceOf(asked.find((s) => !OIDC.has(s)) ?? '');
    cache.push({ token: token.accessToken, scopes: new Set((token.scopes.length > 0 ? token.scopes : asked).map((s) => scopeKey(s, resource))), renewAt: token.expiresOn - RENEW_BEFORE_EXPIRY_MS });
    return token.accessToken;
  }

  return {
    getToken(scopes) {
      const hit = cached(scopes);
      if (hit) return Promise.resolve(hit);
      const next = queue.then(() => openWindow(scopes));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
