// Contract tests for the simulator's side of nested app authentication (dev/teams-host/naaBridge.ts)
// against a running emulator: MSAL's bridge requests (BridgeRequestEnvelope) answered as MSAL expects
// them (BridgeResponseEnvelope), with tokens for exactly the scopes asked and the tenant's consent.
import { SEED } from '../../../dev/graph-emulator';
import { answerBridgeRequest, BridgeStatus, tokenEndpointAt } from '../../../dev/teams-host/naaBridge';
import { emulatorPerTestFile } from '../support/emulatorLifecycle';

const emulator = emulatorPerTestFile();
const { users, apps, tenantId } = SEED;

function request(method: 'GetToken' | 'GetTokenPopup' | 'GetInitContext', scope?: string): string {
  return JSON.stringify({
    messageType: 'NestedAppAuthRequest',
    method,
    requestId: `req-${method}`,
    sendTime: 0,
    clientLibrary: 'msal.js.browser',
    ...(scope !== undefined ? { tokenParams: { clientId: apps.gesprekstool.clientId, authority: `https://login.microsoftonline.com/${tenantId}`, scope, correlationId: 'c-1' } } : {}),
  });
}

async function ask(raw: string, user = users.debtCounsellor): Promise<Record<string, unknown>> {
  const answer = await answerBridgeRequest(raw, user, tokenEndpointAt(`${emulator().origin}/_emulator/token`));
  if (answer === null) throw new Error('no answer');
  return JSON.parse(answer) as Record<string, unknown>;
}

function claimsOf(token: unknown): Record<string, unknown> {
  return JSON.parse(Buffer.from(String(token).split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

it('GetInitContext names the person in the frame as the account, in their home tenant', async () => {
  const answer = await ask(request('GetInitContext'), users.ggdNurse);
  expect(answer).toMatchObject({
    messageType: 'NestedAppAuthResponse',
    requestId: 'req-GetInitContext',
    success: true,
    initContext: { accountContext: { homeAccountId: `${users.ggdNurse.id}.${users.ggdNurse.homeTenantId}`, environment: 'login.microsoftonline.com', tenantId: users.ggdNurse.homeTenantId } },
  });
});

it('GetToken answers with an access token for exactly the scopes asked and the ID token MSAL needs for the account', async () => {
  const answer = await ask(request('GetToken', 'Sites.ReadWrite.All'));
  expect(answer).toMatchObject({ requestId: 'req-GetToken', success: true, token: { expires_in: 3600, scope: 'Sites.ReadWrite.All' }, account: { username: users.debtCounsellor.userPrincipalName, localAccountId: users.debtCounsellor.id } });
  const token = answer.token as Record<string, unknown>;
  expect(claimsOf(token.access_token)).toMatchObject({ scp: 'Sites.ReadWrite.All', upn: users.debtCounsellor.userPrincipalName, appid: apps.gesprekstool.clientId });
  expect(claimsOf(token.id_token)).toMatchObject({ aud: apps.gesprekstool.clientId, oid: users.debtCounsellor.id, preferred_username: users.debtCounsellor.userPrincipalName });
});

it('a scope the tenant has not consented to asks for interaction silently, and is refused for good in the popup (AADSTS65001)', async () => {
  emulator().admin.revokeAdminConsent(apps.gesprekstool.clientId);
  const silent = await ask(request('GetToken', 'GroupMember.Read.All'));
  expect(silent).toMatchObject({ success: false, error: { status: BridgeStatus.UserInteractionRequired, code: 'invalid_grant', subError: 'consent_required' } });
  const popup = await ask(request('GetTokenPopup', 'GroupMember.Read.All'));
  expect(popup).toMatchObject({ success: false, error: { status: BridgeStatus.PersistentError, code: 'invalid_grant', subError: 'consent_required' } });
  expect(String((popup.error as { description: string }).description)).toMatch(/^AADSTS65001:/);
  // What a person may consent to on their own still comes through.
  expect(await ask(request('GetToken', 'User.Read'))).toMatchObject({ success: true, token: { scope: 'User.Read' } });
});

it('a disabled account is refused (AADSTS50057), and something that is no bridge request gets no answer', async () => {
  emulator().admin.setAccountEnabled(users.debtCounsellor.id, false);
  const refused = await ask(request('GetToken', 'User.Read'));
  expect(refused).toMatchObject({ success: false, error: { status: BridgeStatus.PersistentError, code: 'invalid_grant' } });
  expect(String((refused.error as { description: string }).description)).toMatch(/^AADSTS50057:/);
  await expect(answerBridgeRequest('not json', users.facilitator, tokenEndpointAt(`${emulator().origin}/_emulator/token`))).resolves.toBeNull();
  const malformed = await answerBridgeRequest(JSON.stringify({ messageType: 'NestedAppAuthRequest', method: 'GetToken', requestId: 'r-9' }), users.facilitator, tokenEndpointAt(`${emulator().origin}/_emulator/token`));
  expect(JSON.parse(malformed ?? '{}')).toMatchObject({ requestId: 'r-9', success: false, error: { status: BridgeStatus.PersistentError } });
});
