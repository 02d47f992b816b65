// Contract tests for the emulator's sign-in endpoints: ID tokens from the token endpoint when `openid`
// is asked, and the authorization code flow with PKCE that MSAL.js's redirect flow uses
// (learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow).
import { createHash, randomBytes } from 'node:crypto';
import { SEED } from '../../../dev/graph-emulator';
import { emulatorPerTestFile } from '../support/emulatorLifecycle';

const emulator = emulatorPerTestFile();
const { users, apps, tenantId } = SEED;
const REDIRECT = 'http://127.0.0.1:3978/auth.html';

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

interface AuthorizeOptions {
  loginHint?: string;
  scope?: string;
  challenge?: string | null;
  redirectUri?: string;
  tenant?: string;
}

/** GET /authorize without following the redirect: the status and where it sends the browser. */
async function authorize(options: AuthorizeOptions = {}): Promise<{ status: number; location: URL | null; body: Record<string, unknown> | null; fragment: URLSearchParams }> {
  const params = new URLSearchParams({
    client_id: apps.gesprekstool.clientId,
    response_type: 'code',
    redirect_uri: options.redirectUri ?? REDIRECT,
    scope: options.scope ?? 'User.Read openid profile',
    state: 'state-1',
    nonce: 'nonce-1',
    response_mode: 'fragment',
  });
  if (options.challenge !== null) {
    params.set('code_challenge', options.challenge ?? pkce().challenge);
    params.set('code_challenge_method', 'S256');
  }
  if (options.loginHint) params.set('login_hint', options.loginHint);
  const res = await fetch(`${emulator().origin}/${options.tenant ?? tenantId}/oauth2/v2.0/authorize?${params.toString()}`, { redirect: 'manual' });
  const location = res.headers.get('location');
  const url = location ? new URL(location) : null;
  const body = res.status === 400 ? ((await res.json()) as Record<string, unknown>) : null;
  return { status: res.status, location: url, body, fragment: new URLSearchParams(url?.hash.slice(1) ?? '') };
}

async function redeem(form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${emulator().origin}/${tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeEach(() => {
  emulator().admin.registerRedirectUri(apps.gesprekstool.clientId, REDIRECT);
});

describe('the token endpoint', () => {
  it('adds an ID token naming the person, the app and the nonce only when openid is asked', async () => {
    const withOpenId = emulator().admin.requestToken({ username: users.debtCounsellor.userPrincipalName, clientId: apps.gesprekstool.clientId, scopes: ['User.Read', 'openid', 'profile'], nonce: 'n-1' });
    expect(claimsOf(withOpenId.id_token ?? '')).toMatchObject({
      aud: apps.gesprekstool.clientId,
      iss: `https://login.microsoftonline.com/${tenantId}/v2.0`,
      oid: users.debtCounsellor.id,
      tid: tenantId,
      preferred_username: users.debtCounsellor.userPrincipalName,
      nonce: 'n-1',
      ver: '2.0',
    });
    expect(JSON.parse(Buffer.from(withOpenId.client_info ?? '', 'base64url').toString('utf8'))).toEqual({ uid: users.debtCounsellor.id, utid: tenantId });
    expect(withOpenId.scope).toBe('User.Read');
    const without = emulator().admin.requestToken({ username: users.debtCounsellor.userPrincipalName, clientId: apps.gesprekstool.clientId, scopes: ['User.Read'] });
    expect(without.id_token).toBeUndefined();
  });
});

describe('the authorization code flow with PKCE', () => {
  it('signs in the hinted person and trades the code once, for exactly the scopes asked', async () => {
    const { verifier, challenge } = pkce();
    const auth = await authorize({ loginHint: users.debtCounsellor.userPrincipalName, scope: 'Sites.ReadWrite.All openid profile', challenge });
    expect(auth.status).toBe(302);
    expect(`${auth.location?.origin}${auth.location?.pathname}`).toBe(REDIRECT);
    expect(auth.fragment.get('state')).toBe('state-1');
    const code = auth.fragment.get('code') ?? '';
    expect(code).not.toBe('');
    const form = { grant_type: 'authorization_code', client_id: apps.gesprekstool.clientId, code, redirect_uri: REDIRECT, code_verifier: verifier };
    const first = await redeem(form);
    expect(first.status).toBe(200);
    expect(claimsOf(String(first.body.access_token))).toMatchObject({ scp: 'Sites.ReadWrite.All', upn: users.debtCounsellor.userPrincipalName, aud: 'https://graph.microsoft.com' });
    expect(claimsOf(String(first.body.id_token))).toMatchObject({ nonce: 'nonce-1', oid: users.debtCounsellor.id });
    const again = await redeem(form);
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: 'invalid_grant', error_codes: [70008] });
  });

  it('refuses a code whose verifier does not match its challenge (AADSTS501481)', async () => {
    const auth = await authorize({ loginHint: users.facilitator.userPrincipalName });
    const wrong = await redeem({ grant_type: 'authorization_code', client_id: apps.gesprekstool.clientId, code: auth.fragment.get('code') ?? '', redirect_uri: REDIRECT, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
  });

  it('requires PKCE of a single-page app (AADSTS9002325) and a registered redirect URI (AADSTS50011, shown on its own page)', async () => {
    const noPkce = await authorize({ loginHint: users.facilitator.userPrincipalName, challenge: null });
    expect(noPkce.fragment.get('error')).toBe('invalid_request');
    expect(noPkce.fragment.get('error_description')).toMatch(/^AADSTS9002325:/);
    const elsewhere = await authorize({ loginHint: users.facilitator.userPrincipalName, redirectUri: 'http://127.0.0.1:9/auth.html' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.location).toBeNull();
    expect(elsewhere.body).toMatchObject({ error_codes: [50011] });
  });

  it('answers consent_required for a scope the tenant has not consented to, and login_required without a login hint', async () => {
    emulator().admin.revokeAdminConsent(apps.gesprekstool.clientId);
    const refused = await authorize({ loginHint: users.debtCounsellor.userPrincipalName, scope: 'GroupMember.Read.All openid' });
    expect(refused.fragment.get('error')).toBe('invalid_grant');
    expect(refused.fragment.get('suberror')).toBe('consent_required');
    expect(refused.fragment.get('error_description')).toMatch(/^AADSTS65001:/);
    expect(refused.fragment.get('code')).toBeNull();
    const anonymous = await authorize({});
    expect(anonymous.fragment.get('error')).toBe('login_required');
  });

  it('does not sign in someone from another organisation at the municipality’s tenant (AADSTS50020)', async () => {
    const external = await authorize({ loginHint: users.externalPartner.userPrincipalName });
    expect(external.fragment.get('error_description')).toMatch(/^AADSTS50020:/);
  });
});
