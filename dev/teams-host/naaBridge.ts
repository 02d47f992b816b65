// The host's side of nested app authentication, as the simulator plays it. MSAL in the app frame talks
// to `window.nestedAppAuthBridge`, which teams-js installs when the host's runtime says it supports
// `nestedAppAuth`; teams-js posts each MSAL request to the host as `{ func: 'nestedAppAuth.execute',
// data: <request JSON> }` and hands MSAL the JSON in `args[1]` of the host's answer
// (@microsoft/teams-js src/internal/nestedAppAuthUtils.ts, communication.ts processAuthBridgeMessage).
// The request and response shapes are MSAL's (@azure/msal-browser src/naa: BridgeRequestEnvelope,
// BridgeResponseEnvelope, BridgeStatusCode). Tokens come from the Graph emulator's token endpoint for
// the person in the frame, so the tenant's consent decides, as Entra decides for Teams.
import { z } from 'zod';
import type { SeedUser } from '../graph-emulator/seed';

export const NAA_FUNC = 'nestedAppAuth.execute';

export const BridgeRequestSchema = z.object({
  messageType: z.literal('NestedAppAuthRequest'),
  method: z.enum(['GetToken', 'GetTokenPopup', 'GetInitContext']),
  requestId: z.string().min(1),
  tokenParams: z.object({ clientId: z.string().min(1), scope: z.string(), authority: z.string().optional(), correlationId: z.string().optional() }).optional(),
});
export type BridgeRequest = z.infer<typeof BridgeRequestSchema>;

/** MSAL's BridgeStatusCode values the simulator answers with. */
export const BridgeStatus = {
  UserInteractionRequired: 'USER_INTERACTION_REQUIRED',
  PersistentError: 'PERSISTENT_ERROR',
  TransientError: 'TRANSIENT_ERROR',
} as const;

/** The emulator's token endpoint answers (dev/graph-emulator/identity.ts TokenResponse / TokenError.body). */
const TokenSchema = z.object({ access_token: z.string(), expires_in: z.number(), scope: z.string(), id_token: z.string() });
const TokenErrorSchema = z.object({ error: z.string(), error_description: z.string().optional(), suberror: z.string().optional() });

export interface TokenEndpointRequest {
  username: string;
  clientId: string;
  scopes: string[];
}

/** Posts to the emulator's token endpoint; the answer's status and JSON body. */
export type TokenEndpoint = (request: TokenEndpointRequest) => Promise<{ status: number; body: unknown }>;

export function tokenEndpointAt(tokenUrl: string, doFetch: typeof fetch = (input, init) => fetch(input, init)): TokenEndpoint {
  return async (request) => {
    const response = await doFetch(tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
    return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
  };
}

const ENVIRONMENT = 'login.microsoftonline.com';

function accountOf(user: SeedUser) {
  return {
    homeAccountId: `${user.id}.${user.homeTenantId}`,
    environment: ENVIRONMENT,
    tenantId: user.homeTenantId,
    username: user.userPrincipalName,
    localAccountId: user.id,
    name: user.displayName,
    loginHint: user.userPrincipalName,
  };
}

function response(requestId: string, fields: Record<string, unknown>): string {
  return JSON.stringify({ messageType: 'NestedAppAuthResponse', requestId, ...fields });
}

/** The request's id when it is a bridge request at all (for an error answer to a malformed one). */
function requestIdOf(raw: unknown): string | null {
  try {
    const value = JSON.parse(String(raw)) as { requestId?: unknown };
    return typeof value.requestId === 'string' ? value.requestId : null;
  } catch {
    return null;
  }
}

/**
 * Answers one bridge request (the `data` of a `nestedAppAuth.execute` message) as the person in the
 * frame: the JSON teams-js passes to MSAL, or null for something that is no bridge request.
 */
export async function answerBridgeRequest(raw: unknown, user: SeedUser, tokens: TokenEndpoint): Promise<string | null> {
  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(String(raw));
  } catch {
    return null;
  }
  const parsed = BridgeRequestSchema.safeParse(parsedJson);
  if (!parsed.success) {
    const id = requestIdOf(raw);
    return id ? response(id, { success: false, error: { status: BridgeStatus.PersistentError, code: 'invalid_request', description: parsed.error.message } }) : null;
  }
  const request = parsed.data;
  const account = accountOf(user);
  if (request.method === 'GetInitContext') {
    return response(request.requestId, {
      success: true,
      initContext: {
        sdkName: 'Gesprekstool-vergadersimulator',
        sdkVersion: '1.0.0',
        capabilities: { queryAccount: false },
        accountContext: { homeAccountId: account.homeAccountId, environment: account.environment, tenantId: account.tenantId },
      },
    });
  }
  const params = request.tokenParams;
  if (!params) return response(request.requestId, { success: false, error: { status: BridgeStatus.PersistentError, code: 'invalid_request', description: 'tokenParams missing' } });
  // A host always signs in with OpenID Connect: MSAL needs the ID token to know the account.
  const scopes = [...new Set([...params.scope.split(' ').filter(Boolean), 'openid', 'profile'])];
  let answer: { status: number; body: unknown };
  try {
    answer = await tokens({ username: user.userPrincipalName, clientId: params.clientId, scopes });
  } catch (err) {
    return response(request.requestId, { success: false, error: { status: BridgeStatus.TransientError, code: 'no_network', description: String(err) } });
  }
  if (answer.status === 200) {
    const token = TokenSchema.parse(answer.body);
    return response(request.requestId, {
      success: true,
      token: { access_token: token.access_token, expires_in: token.expires_in, id_token: token.id_token, scope: token.scope, properties: null },
      account: { ...account, idToken: token.id_token },
    });
  }
  const error = TokenErrorSchema.safeParse(answer.body);
  const body = error.success ? error.data : { error: `HTTP ${answer.status}`, error_description: undefined, suberror: undefined };
  const consent = body.suberror === 'consent_required' || /AADSTS65001\b/.test(body.error_description ?? '');
  // Silently, a missing consent asks for interaction (MSAL then calls acquireTokenPopup); in the popup the
  // tenant's answer stands: a person who may not consent cannot, and the refusal is final.
  const status = consent && request.method === 'GetToken' ? BridgeStatus.UserInteractionRequired : BridgeStatus.PersistentError;
  return response(request.requestId, {
    success: false,
    error: { status, code: body.error, ...(body.suberror ? { subError: body.suberror } : {}), description: body.error_description ?? body.error },
  });
}
