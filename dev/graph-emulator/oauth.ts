// Entra ID's authorization code flow with PKCE for single-page apps, as MSAL.js's redirect flow uses
// it: GET /{tenant}/oauth2/v2.0/authorize answers with a redirect carrying a one-time code, and
// POST /{tenant}/oauth2/v2.0/token (form-encoded) trades the code and its PKCE verifier for tokens.
// learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow describes both requests,
// their parameters and their errors; the AADSTS codes are Entra's (learn.microsoft.com/entra/
// identity-platform/reference-error-codes).
//
// What the emulator leaves out: there is no sign-in page, so /authorize signs in the person the
// `login_hint` names (as Entra does without a prompt when that person already has a session) and
// otherwise answers `login_required`; there is no consent page, so a scope nobody consented to is
// `consent_required` (what a person who may not consent sees as "Need admin approval"); and no
// refresh tokens are issued, so MSAL asks /authorize again for a new set of scopes.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { type Identity, TokenError, type TokenResponse } from './identity';
import { SEED, TENANT_ID } from './seed';

/** Authorization codes are short-lived (about 10 minutes) and redeemable once. */
export const CODE_LIFETIME_MS = 10 * 60 * 1000;

export const OAUTH_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/(authorize|token)$/;

export interface OAuthResult {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  nonce: string | undefined;
  codeChallenge: string;
  username: string;
  expiresAt: number;
}

const AuthorizeQuerySchema = z.object({
  client_id: z.string().min(1),
  response_type: z.string().min(1),
  redirect_uri: z.string().url(),
  scope: z.string().min(1),
  state: z.string().optional(),
  nonce: z.string().optional(),
  response_mode: z.enum(['query', 'fragment', 'form_post']).optional(),
  code_challenge: z.string().optional(),
  code_challenge_method: z.string().optional(),
  login_hint: z.string().optional(),
  prompt: z.string().optional(),
});

const TokenFormSchema = z.object({
  grant_type: z.string().min(1),
  client_id: z.string().min(1),
  code: z.string().min(1),
  redirect_uri: z.string().min(1),
  code_verifier: z.string().optional(),
  scope: z.string().optional(),
});

const KNOWN_CLIENTS: ReadonlySet<string> = new Set(Object.values(SEED.apps).map((a) => a.clientId));

function errorBody(error: TokenError, now: Date): OAuthResult {
  return { status: 400, headers: { 'Content-Type': 'application/json' }, body: error.body(now) };
}

/** Sends the outcome back to the app as the response mode asks (fragment for SPAs by default). */
function redirectWith(redirectUri: string, mode: 'query' | 'fragment' | 'form_post' | undefined, params: Record<string, string | undefined>): OAuthResult {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, value);
  const target = new URL(redirectUri);
  if (mode === 'query') {
    for (const [key, value] of search) target.searchParams.set(key, value);
  } else {
    target.hash = search.toString();
  }
  return { status: 302, headers: { Location: target.toString(), 'Cache-Control': 'no-store' } };
}

export class OAuthEndpoints {
  private readonly codes = new Map<string, PendingCode>();
  /** Registered SPA redirect URIs per client id (the app registration's "Single-page application" platform). */
  private readonly redirectUris = new Map<string, Set<string>>();

  constructor(
    private readonly identity: Identity,
    private readonly now: () => Date,
  ) {}

  registerRedirectUri(clientId: string, uri: string): string[] {
    const set = this.redirectUris.get(clientId) ?? new Set<string>();
    set.add(uri);
    this.redirectUris.set(clientId, set);
    return [...set];
  }

  registeredRedirectUris(clientId: string): string[] {
    return [...(this.redirectUris.get(clientId) ?? [])];
  }

  handle(method: string, tenant: string, endpoint: 'authorize' | 'token', query: URLSearchParams, rawBody: string): OAuthResult {
    const now = this.now();
    if (tenant !== TENANT_ID) {
      // The emulated directory is the municipality's alone; another tenant's sign-in is not emulated.
      return errorBody(new TokenError('invalid_tenant', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`), now);
    }
    if (endpoint === 'authorize' && method === 'GET') return this.authorize(query, now);
    if (endpoint === 'token' && method === 'POST') return this.token(new URLSearchParams(rawBody), now);
    return { status: 405, headers: { Allow: endpoint === 'authorize' ? 'GET' : 'POST' } };
  }

  private authorize(query: URLSearchParams, now: Date): OAuthResult {
    const parsed = AuthorizeQuerySchema.safeParse(Object.fromEntries(query));
    if (!parsed.success) {
      return errorBody(new TokenError('invalid_request', 900144, `The request body must contain the following parameter: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}.`), now);
    }
    const q = parsed.data;
    // Errors about the client or the redirect URI are shown on Entra's own page, never sent to an unchecked redirect.
    if (!KNOWN_CLIENTS.has(q.client_id)) {
      return errorBody(new TokenError('unauthorized_client', 700016, `Application with identifier '${q.client_id}' was not found in the directory '${TENANT_ID}'.`), now);
    }
    if (!this.registeredRedirectUris(q.client_id).includes(q.redirect_uri)) {
      return errorBody(new TokenError('invalid_request', 50011, `The redirect URI '${q.redirect_uri}' specified in the request does not match the redirect URIs configured for the application '${q.client_id}'.`), now);
    }
    const back = (params: Record<string, string | undefined>) => redirectWith(q.redirect_uri, q.response_mode, { ...params, state: q.state });
    const refuse = (error: TokenError) => back({ error: error.error, error_description: `AADSTS${error.aadsts}: ${error.description}`, suberror: error.suberror });
    if (q.response_type !== 'code') return refuse(new TokenError('unsupported_response_type', 700054, `response_type '${q.response_type}' is not enabled for the application.`));
    if (!q.code_challenge || q.code_challenge_method !== 'S256') {
      return refuse(new TokenError('invalid_request', 9002325, 'Proof Key for Code Exchange is required for cross-origin authorization code redemption.'));
    }
    if (!q.login_hint) return refuse(new TokenError('login_required', 50058, 'A silent sign-in request was sent but no user is signed in. The emulator signs in the person named by login_hint.'));
    let username: string;
    try {
      const user = this.identity.signInUser(q.login_hint);
      username = user.userPrincipalName;
      if (user.homeTenantId !== TENANT_ID) {
        throw new TokenError('invalid_request', 50020, `User account '${username}' from identity provider does not exist in tenant '${TENANT_ID}' and cannot access the application '${q.client_id}' in that tenant.`);
      }
      // The same checks as the token endpoint, now, so a refusal is an answer to /authorize (consent_required, …).
      this.identity.requestToken({ username, clientId: q.client_id, scopes: q.scope.split(' ').filter(Boolean) });
    } catch (err) {
      if (err instanceof TokenError) return refuse(err);
      throw err;
    }
    const code = randomBytes(32).toString('base64url');
    this.codes.set(code, {
      clientId: q.client_id,
      redirectUri: q.redirect_uri,
      scopes: q.scope.split(' ').filter(Boolean),
      nonce: q.nonce,
      codeChallenge: q.code_challenge,
      username,
      expiresAt: now.getTime() + CODE_LIFETIME_MS,
    });
    return back({ code });
  }

  private token(form: URLSearchParams, now: Date): OAuthResult {
    const parsed = TokenFormSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      return errorBody(new TokenError('invalid_request', 900144, `The request body must contain the following parameter: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}.`), now);
    }
    const f = parsed.data;
    if (f.grant_type !== 'authorization_code') return errorBody(new TokenError('unsupported_grant_type', 70003, `The app requested an unsupported grant type '${f.grant_type}'.`), now);
    const pending = this.codes.get(f.code);
    // One redemption per code: whatever happens next, it is spent.
    this.codes.delete(f.code);
    if (!pending || pending.expiresAt <= now.getTime()) {
      return errorBody(new TokenError('invalid_grant', 70008, 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.'), now);
    }
    if (pending.clientId !== f.client_id || pending.redirectUri !== f.redirect_uri) {
      return errorBody(new TokenError('invalid_grant', 70000, 'The provided value for the code parameter is not valid: it was issued to another client or redirect URI.'), now);
    }
    const expected = createHash('sha256').update(f.code_verifier ?? '').digest('base64url');
    if (!f.code_verifier || expected !== pending.codeChallenge) {
      return errorBody(new TokenError('invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.'), now);
    }
    let response: TokenResponse;
    try {
      response = this.identity.requestToken({ username: pending.username, clientId: pending.clientId, scopes: pending.scopes, ...(pending.nonce ? { nonce: pending.nonce } : {}) });
    } catch (err) {
      if (err instanceof TokenError) return errorBody(err, now);
      throw err;
    }
    return { status: 200, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }, body: response };
  }
}
