// The emulator's Entra ID: it issues access tokens as JWTs that say what a real one says (who, which
// tenant, which app, which delegated scopes, for which resource), signed HS256 with a key made anew
// for every emulator instance, so a hand-made or stale token is refused. Consent decides which
// scopes a token may carry. Claims follow "Access token claims reference" (learn.microsoft.com/entra/
// identity-platform/access-token-claims-reference); errors follow the AADSTS codes Entra returns.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Principal } from './context';
import { GraphHttpError } from './errors';
import { DEFAULT_USER_CONSENT_SCOPES, GRAPH_SCOPES, SHAREPOINT_SCOPES } from './scopes';
import { findUser, SEED, SHAREPOINT_HOST, TENANT_ADMINS, TENANT_ID, type SeedUser } from './seed';

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const SHAREPOINT_RESOURCE = `https://${SHAREPOINT_HOST}`;
/** Entra's default access token lifetime is 60–90 minutes (configurable-token-lifetimes); we use 60. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;
/** OpenID Connect scopes MSAL adds to every request; they never appear in an access token's scp. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

export interface AccessTokenClaims {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  tid: string;
  oid: string;
  upn: string;
  name: string;
  appid: string;
  scp: string;
  idtyp: 'user';
  ver: '1.0';
}

export interface ConsentSettings {
  /** Delegated scopes a user may consent to on their own; everything else needs an administrator. */
  userConsentScopes: string[];
  /** Tenant-wide (admin) consent per app client id. */
  adminGrants: Record<string, string[]>;
}

export const ConsentSettingsSchema = z.object({
  userConsentScopes: z.array(z.string().min(1)).optional(),
  adminGrants: z.record(z.string().min(1), z.array(z.string().min(1))).optional(),
});

export const TokenRequestSchema = z.object({
  /** The user principal name (or object id) signing in. */
  username: z.string().min(1),
  /** The app's client id (`appid` in the token). */
  clientId: z.string().min(1),
  /** Delegated scopes, bare (`Sites.Read.All`) or with the resource (`https://graph.microsoft.com/Sites.Read.All`). */
  scopes: z.array(z.string().min(1)).min(1),
  /** Resource the token is for; by default the one the scopes name, else Graph. */
  resource: z.enum([GRAPH_RESOURCE, SHAREPOINT_RESOURCE]).optional(),
  /** Echoed in the ID token's `nonce` claim (OpenID Connect Core 1.0 §3.1.2.1), as Entra does. */
  nonce: z.string().min(1).optional(),
});
export type TokenRequest = z.infer<typeof TokenRequestSchema>;

export const AdminConsentSchema = z.object({
  clientId: z.string().min(1),
  scopes: z.array(z.string().min(1)).min(1),
  /** Who grants it: must be a tenant administrator (SEED.users.siteAdmin). Default: the first administrator. */
  grantedBy: z.string().min(1).optional(),
});

export interface IssueOptions {
  upn: string;
  scopes: readonly string[];
  resource?: 'graph' | 'sharepoint';
  clientId?: string;
  /** Seconds from now until `exp`; negative gives an already expired token (tests). */
  lifetimeSeconds?: number;
}

/** What the token endpoint answers, as Entra's v2 token endpoint does. */
export interface TokenResponse {
  token_type: 'Bearer';
  scope: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  /**
   * Only when the request named the `openid` scope ("id_token: … issued if the original scope parameter
   * included the openid scope", learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow).
   */
  id_token?: string;
  /** Base64url JSON `{ uid, utid }` that MSAL builds the account id from; sent with the ID token. */
  client_info?: string;
}

/** ID token claims (learn.microsoft.com/entra/identity-platform/id-token-claims-reference), v2.0 tokens. */
export interface IdTokenClaims {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  name: string;
  oid: string;
  preferred_username: string;
  sub: string;
  tid: string;
  ver: '2.0';
  nonce?: string;
  login_hint: string;
}

/** Entra's error body (`{ error, error_description, error_codes, suberror? }`) with status 400. */
export class TokenError extends Error {
  constructor(
    readonly error: string,
    readonly aadsts: number,
    readonly description: string,
    readonly suberror?: string,
  ) {
    super(`AADSTS${aadsts}: ${description}`);
  }

  body(now: Date): Record<string, unknown> {
    const traceId = randomUUID();
    const correlationId = randomUUID();
    const timestamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    return {
      error: this.error,
      error_description: `AADSTS${this.aadsts}: ${this.description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [this.aadsts],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      ...(this.suberror ? { suberror: this.suberror } : {}),
    };
  }
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function invalidToken(message: string): GraphHttpError {
  return new GraphHttpError(401, 'InvalidAuthenticationToken', message);
}

const ClaimsSchema = z.object({
  aud: z.string(),
  iss: z.string(),
  iat: z.number(),
  nbf: z.number(),
  exp: z.number(),
  tid: z.string(),
  oid: z.string(),
  upn: z.string(),
  name: z.string(),
  appid: z.string(),
  scp: z.string(),
  idtyp: z.literal('user'),
  ver: z.literal('1.0'),
});

function defaultConsent(): ConsentSettings {
  return {
    userConsentScopes: [...DEFAULT_USER_CONSENT_SCOPES],
    adminGrants: Object.fromEntries(Object.values(SEED.apps).map((a) => [a.clientId, [...a.adminConsent]])),
  };
}

export class Identity {
  private readonly key = randomBytes(32);
  private consent: ConsentSettings = defaultConsent();
  /** Runtime changes to accounts (`setAccountEnabled`), on top of the seed. */
  private readonly accountEnabled = new Map<string, boolean>();

  constructor(private readonly now: () => Date) {}

  reset(): void {
    this.consent = defaultConsent();
    this.accountEnabled.clear();
  }

  getConsent(): ConsentSettings {
    return { userConsentScopes: [...this.consent.userConsentScopes], adminGrants: structuredClone(this.consent.adminGrants) };
  }

  setConsent(input: z.infer<typeof ConsentSettingsSchema>): ConsentSettings {
    if (input.userConsentScopes) this.consent.userConsentScopes = [...new Set(input.userConsentScopes)];
    if (input.adminGrants) this.consent.adminGrants = structuredClone(input.adminGrants);
    return this.getConsent();
  }

  /** An administrator consents for the whole tenant; anyone else is refused, as Entra refuses them. */
  grantAdminConsent(clientId: string, scopes: readonly string[], grantedBy?: string): ConsentSettings {
    const admin = grantedBy === undefined ? findUser(TENANT_ADMINS[0] ?? '') : findUser(grantedBy);
    if (!admin || !TENANT_ADMINS.includes(admin.id)) {
      throw new GraphHttpError(403, 'Authorization_RequestDenied', `Insufficient privileges to complete the operation. Only a tenant administrator can grant consent for the organisation; '${grantedBy ?? ''}' is not one.`);
    }
    const current = new Set(this.consent.adminGrants[clientId] ?? []);
    for (const s of scopes) current.add(bareScope(s).scope);
    this.consent.adminGrants[clientId] = [...current].sort();
    return this.getConsent();
  }

  revokeAdminConsent(clientId: string): ConsentSettings {
    delete this.consent.adminGrants[clientId];
    return this.getConsent();
  }

  setAccountEnabled(idOrUpn: string, enabled: boolean): void {
    const user = findUser(idOrUpn);
    if (!user) throw new GraphHttpError(404, 'Request_ResourceNotFound', `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`);
    this.accountEnabled.set(user.id, enabled);
  }

  isEnabled(user: SeedUser): boolean {
    return this.accountEnabled.get(user.id) ?? user.accountEnabled;
  }

  /** The token endpoint: Entra's checks (user exists and is enabled, scopes exist, consent), then a token. */
  requestToken(request: TokenRequest): TokenResponse {
    const user = this.signInUser(request.username);
    const { resource, scopes } = resolveScopes(request.scopes, request.resource);
    const needAdmin = scopes.filter((s) => !this.consented(user, request.clientId, s));
    if (needAdmin.length > 0) {
      throw new TokenError(
        'invalid_grant',
        65001,
        `The user or administrator has not consented to use the application with ID '${request.clientId}'. Send an interactive authorization request for this user and resource. Scopes that need an administrator's consent: ${needAdmin.join(' ')}.`,
        'consent_required',
      );
    }
    const response = this.tokenResponse(user, request.clientId, scopes, resource, DEFAULT_TOKEN_LIFETIME_SECONDS);
    if (!request.scopes.some((s) => bareScope(s).scope === 'openid')) return response;
    return { ...response, id_token: this.idToken(user, request.clientId, request.nonce), client_info: b64url(JSON.stringify({ uid: user.id, utid: user.homeTenantId })) };
  }

  /** Whether the person may sign in at all (exists, enabled): what /authorize checks before asking for consent. */
  signInUser(username: string): SeedUser {
    const user = findUser(username);
    if (!user) {
      throw new TokenError('invalid_grant', 50034, `The user account ${username} does not exist in the ${TENANT_ID} directory. To sign into this application, the account must be added to the directory.`);
    }
    if (!this.isEnabled(user)) throw new TokenError('invalid_grant', 50057, 'The user account is disabled.');
    return user;
  }

  /**
   * An ID token as Entra's v2.0 endpoint issues it, signed with the emulator's key like the access
   * tokens. MSAL.js reads the claims of an ID token it got from the token endpoint and checks `nonce`.
   */
  private idToken(user: SeedUser, clientId: string, nonce: string | undefined): string {
    const iat = Math.floor(this.now().getTime() / 1000);
    const claims: IdTokenClaims = {
      aud: clientId,
      iss: `https://login.microsoftonline.com/${user.homeTenantId}/v2.0`,
      iat,
      nbf: iat,
      exp: iat + DEFAULT_TOKEN_LIFETIME_SECONDS,
      name: user.displayName,
      oid: user.id,
      preferred_username: user.userPrincipalName,
      sub: user.id,
      tid: user.homeTenantId,
      ver: '2.0',
      login_hint: user.userPrincipalName,
      ...(nonce ? { nonce } : {}),
    };
    const unsigned = `${b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }))}.${b64url(JSON.stringify(claims))}`;
    return `${unsigned}.${this.sign(unsigned).toString('base64url')}`;
  }

  /** In-process issuing for tests: no consent check, the account must exist (it may be disabled). */
  issue(options: IssueOptions): string {
    const user = findUser(options.upn);
    if (!user) throw new Error(`no seeded user '${options.upn}'`);
    const resource = options.resource === 'sharepoint' ? SHAREPOINT_RESOURCE : GRAPH_RESOURCE;
    const scopes = options.scopes.map((s) => bareScope(s).scope);
    return this.tokenResponse(user, options.clientId ?? SEED.apps.gesprekstool.clientId, scopes, resource, options.lifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS).access_token;
  }

  /**
   * Reads `Authorization: Bearer <jwt>` into a Principal: Graph's 401 bodies for a missing, malformed,
   * forged or expired token, and for a token of a disabled account (revoked at once, as continuous
   * access evaluation does for a disabled user).
   */
  authenticate(header: string | undefined): Principal {
    if (!header) throw invalidToken('Access token is empty.');
    const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
    const token = m?.[1];
    if (!token) throw invalidToken('Access token is empty.');
    const parts = token.split('.');
    // Graph's answer for something that is not a JWT (Earlybyte/aad_oauth issue #102).
    if (parts.length !== 3) throw invalidToken('CompactToken parsing failed with error code: 80049217');
    const [header64 = '', payload64 = '', signature64 = ''] = parts;
    const expected = this.sign(`${header64}.${payload64}`);
    const given = Buffer.from(signature64, 'base64url');
    // Graph's words for a bad signature (wazuh/wazuh-documentation issue #7620).
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidToken('Signature is invalid.');
    let claims: AccessTokenClaims;
    try {
      claims = ClaimsSchema.parse(JSON.parse(Buffer.from(payload64, 'base64url').toString('utf8')));
    } catch {
      throw invalidToken('Access token validation failure.');
    }
    const nowSeconds = Math.floor(this.now().getTime() / 1000);
    if (claims.exp <= nowSeconds) throw invalidToken('Lifetime validation failed, the token is expired.');
    const user = findUser(claims.oid);
    if (!user) throw invalidToken('Access token validation failure.');
    if (!this.isEnabled(user)) throw invalidToken('Continuous access evaluation resulted in challenge: the user account is disabled. Sign in again.');
    const audience = claims.aud === GRAPH_RESOURCE ? 'graph' : claims.aud === SHAREPOINT_RESOURCE ? 'sharepoint' : null;
    if (!audience) throw invalidToken('Access token validation failure. Invalid audience.');
    return { user, tenantId: claims.tid, appId: claims.appid, scopes: new Set(claims.scp.split(' ').filter(Boolean)), audience };
  }

  private consented(user: SeedUser, clientId: string, scope: string): boolean {
    // A person from another organisation signs in at their own tenant, where nobody granted this app anything.
    const sameTenant = user.homeTenantId === TENANT_ID;
    if (sameTenant && (this.consent.adminGrants[clientId] ?? []).includes(scope)) return true;
    if (this.consent.userConsentScopes.includes(scope)) return true;
    // An administrator asking for an admin-only scope consents for themselves on the prompt.
    return sameTenant && TENANT_ADMINS.includes(user.id);
  }

  private sign(input: string): Buffer {
    return createHmac('sha256', this.key).update(input).digest();
  }

  private tokenResponse(user: SeedUser, clientId: string, scopes: readonly string[], resource: string, lifetimeSeconds: number): TokenResponse {
    const iat = Math.floor(this.now().getTime() / 1000);
    const scp = [...new Set(scopes)].sort().join(' ');
    const claims: AccessTokenClaims = {
      aud: resource,
      iss: `https://sts.windows.net/${user.homeTenantId}/`,
      iat,
      nbf: iat,
      exp: iat + lifetimeSeconds,
      tid: user.homeTenantId,
      oid: user.id,
      upn: user.userPrincipalName,
      name: user.displayName,
      appid: clientId,
      scp,
      idtyp: 'user',
      ver: '1.0',
    };
    const unsigned = `${b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }))}.${b64url(JSON.stringify(claims))}`;
    const token = `${unsigned}.${this.sign(unsigned).toString('base64url')}`;
    return { token_type: 'Bearer', scope: scp, expires_in: lifetimeSeconds, ext_expires_in: lifetimeSeconds, access_token: token };
  }
}

function bareScope(scope: string): { resource: string | null; scope: string } {
  for (const resource of [GRAPH_RESOURCE, SHAREPOINT_RESOURCE]) {
    if (scope.toLowerCase().startsWith(`${resource}/`)) return { resource, scope: scope.slice(resource.length + 1) };
  }
  return { resource: null, scope };
}

/** One resource per token (AADSTS28000 otherwise); unknown scopes are refused (AADSTS650053). */
function resolveScopes(requested: readonly string[], explicit: string | undefined): { resource: string; scopes: string[] } {
  const parsed = requested.map(bareScope).filter((s) => !OIDC_SCOPES.has(s.scope));
  // A bare scope is Graph's, as MSAL reads it, unless the request names the resource.
  const named = new Set(parsed.map((p) => p.resource ?? explicit ?? GRAPH_RESOURCE));
  if (explicit) named.add(explicit);
  if (named.size > 1) {
    throw new TokenError('invalid_request', 28000, 'Provided value for the input parameter scope is not valid because it contains more than one resource.');
  }
  const resource = [...named][0] ?? GRAPH_RESOURCE;
  const known = resource === SHAREPOINT_RESOURCE ? SHAREPOINT_SCOPES : GRAPH_SCOPES;
  const scopes = [...new Set(parsed.map((p) => p.scope))];
  if (scopes.length === 0) throw new TokenError('invalid_request', 90014, 'The request body must contain the following parameter: scope (a delegated scope of the resource).');
  const unknown = scopes.filter((s) => !known.has(s));
  if (unknown.length > 0) {
    throw new TokenError('invalid_client', 650053, `The application asked for scope '${unknown.join(' ')}' that doesn't exist on the resource '${resource}'.`);
  }
  return { resource, scopes };
}
