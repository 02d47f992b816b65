// The trust boundary, tried as a participant would with nothing but their own browser and token:
// before the reveal Sanne may see no one else's answer, neither in what the app received nor by
// asking Graph herself, and she may not move the session, reveal, or change someone else's answer
// or the group view. After the reveal, an answer changed behind the app's back changes nothing the
// group saw. SharePoint enforces all of it (item-level permissions, the session item's author), so
// the test goes around the app's UI as well as through it.
import type { Page } from 'playwright-core';
import { SEED, type SeedUser } from '../../dev/graph-emulator/seed';
import { configureTab, facilitatorPresses, join, scoreStatements, shareToStage, SITE_URL_OF, type ScoreSheet } from './support/flows';
import { meetingPerTestFile, simulatorUrl, surfaces, type MeetingWorld } from './support/meeting';

jest.setTimeout(150_000);

const { facilitator, debtCounsellor: sanne, ggdNurse: lotte } = SEED.users;
const site = SEED.sites.team;
const everyone: readonly SeedUser[] = [facilitator, sanne, lotte];
const LOTTE: ScoreSheet = { A: 1, B: 5, C: 2, D: 4, E: 1, F: 5 };

const meeting = meetingPerTestFile();

/** Every Graph response a frame signed in as `upn` received, with the token it sent. */
interface Seen {
  url: string;
  token: string;
  body: string;
}
const seen: Seen[] = [];

function upnOf(token: string): string | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { upn?: unknown };
    return typeof claims.upn === 'string' ? claims.upn : null;
  } catch {
    return null;
  }
}

function record(page: Page, world: MeetingWorld): void {
  page.on('response', (response) => {
    const auth = response.request().headers()['authorization'];
    if (!auth?.startsWith('Bearer ') || !response.url().startsWith(world.emulator.url.replace(/\/v1\.0.*$/, ''))) return;
    const token = auth.slice('Bearer '.length);
    if (upnOf(token) !== sanne.userPrincipalName) return;
    response.text().then(
      (body) => seen.push({ url: response.url(), token, body }),
      () => undefined,
    );
  });
}

/**
 * Where Lotte's answers show in a body: her answers item (by her id in DeelnemerId), or scores of hers
 * in a group view. Batch responses and the group view's JSON columns are looked into.
 */
function lotteAnswersIn(body: string): string[] {
  const found: string[] = [];
  const visit = (value: unknown, where: string): void => {
    if (typeof value === 'string') {
      if (value.startsWith('{"version"')) {
        try {
          visit(JSON.parse(value), `${where} (group view)`);
        } catch {
          /* a piece of a longer group view: its scores are checked where the view is whole */
        }
      }
      return;
    }
    if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${where}[${i}]`));
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (record.DeelnemerId === lotte.id) found.push(`${where}: Lotte's answers item`);
    const participant = record.participant as { id?: unknown } | undefined;
    if (participant?.id === lotte.id && record.scores !== undefined) found.push(`${where}: Lotte's scores`);
    for (const [k, v] of Object.entries(record)) visit(v, `${where}.${k}`);
  };
  try {
    visit(JSON.parse(body), 'body');
  } catch {
    /* not JSON */
  }
  return found;
}

const listPath = (title: string) => `/sites/${encodeURIComponent(site.id)}/lists/${encodeURIComponent(title)}`;

async function call(world: MeetingWorld, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${world.emulator.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
}

interface Items {
  value: { id: string; fields: Record<string, unknown> }[];
}

/** The facilitator (an owner of the site) reads a list, to know the ids Sanne will aim at. */
async function ownerReads(world: MeetingWorld, title: string): Promise<Items['value']> {
  const token = world.emulator.admin.issueToken({ upn: facilitator.userPrincipalName, scopes: ['Sites.Read.All'] });
  const { status, json } = await call(world, token, 'GET', `${listPath(title)}/items?expand=fields&$top=100`);
  expect(status).toBe(200);
  return (json as Items).value;
}

const sanneToken = () => {
  const latest = seen.filter((s) => s.url.includes('/v1.0/')).at(-1);
  if (!latest) throw new Error('Sanne’s frames have not called Graph');
  return latest.token;
};

describe('the trust boundary: SharePoint keeps the answers private and the facilitator in charge', () => {
  test('three people join, share the stage and score in private', async () => {
    const world = meeting();
    const { page } = world;
    record(page, world);
    await page.goto(simulatorUrl(world, { users: everyone, organiser: facilitator }));
    await configureTab(page, { siteUrl: SITE_URL_OF(site), groupName: null, municipality: 'Voorbeeld', title: 'Privé tot de onthulling', purpose: 'agendering' });
    await join(page, facilitator, 'Armoede en schulden');
    await join(page, sanne, 'Armoede en schulden');
    await join(page, lotte, 'Partnerorganisatie', 'GGD');
    await shareToStage(page, facilitator);
    await facilitatorPresses(page, facilitator, 'Start stap 1');
    await scoreStatements(surfaces.sidePanel(page, lotte), LOTTE);
    await scoreStatements(surfaces.sidePanel(page, sanne), { A: 3, B: 2, C: 3, D: 3, E: 3, F: 3 });
    // Sanne's own stage shows progress only: everyone is done, no chart and no table.
    const stage = surfaces.stage(page, sanne);
    await stage.getByText('3 deelnemers, 2 klaar').waitFor({ timeout: 30_000 });
    expect(await stage.getByRole('table').count()).toBe(0);
  });

  test('before the reveal nothing Sanne’s browser received holds Lotte’s answers', async () => {
    const { page } = meeting();
    // A few more reads of every frame, then look at everything that came in for Sanne.
    await page.waitForTimeout(7000);
    expect(seen.length).toBeGreaterThan(5);
    const leaks = seen.flatMap((s) => lotteAnswersIn(s.body).map((where) => `${s.url} → ${where}`));
    expect(leaks).toEqual([]);
  });

  test('with her own token, asking Graph herself, Sanne reads only her own answers', async () => {
    const world = meeting();
    const token = sanneToken();
    const answers = await ownerReads(world, 'Gesprekstool antwoorden');
    const lottesItem = answers.find((i) => i.fields.DeelnemerId === lotte.id);
    expect(lottesItem).toBeDefined();

    const list = await call(world, token, 'GET', `${listPath('Gesprekstool antwoorden')}/items?expand=fields&$top=100`);
    expect(list.status).toBe(200);
    expect((list.json as Items).value.map((i) => i.fields.DeelnemerId)).toEqual([sanne.id]);
    const one = await call(world, token, 'GET', `${listPath('Gesprekstool antwoorden')}/items/${lottesItem?.id}?expand=fields`);
    expect(one.status).toBe(404);
    expect(lotteAnswersIn(JSON.stringify(list.json))).toEqual([]);
  });

  test('Sanne cannot move the session, reveal, take it over, or change Lotte’s answers or the group view: not in the app, not through Graph', async () => {
    const world = meeting();
    const { page } = world;
    // In the app: no facilitator's controls in her side panel.
    expect(await surfaces.sidePanel(page, sanne).getByRole('button', { name: 'Scores onthullen' }).count()).toBe(0);

    const token = sanneToken();
    const [session] = await ownerReads(world, 'Gesprekstool sessies');
    const lottesItem = (await ownerReads(world, 'Gesprekstool antwoorden')).find((i) => i.fields.DeelnemerId === lotte.id);
    const sessionFields = `${listPath('Gesprekstool sessies')}/items/${session?.id}/fields`;
    const attempts = [
      await call(world, token, 'PATCH', sessionFields, { Stap: 'Stap 1 onthuld', Onthuld: true }),
      await call(world, token, 'PATCH', sessionFields, { FacilitatorId: sanne.id, Facilitator: sanne.displayName }),
      await call(world, token, 'PATCH', sessionFields, { Groepsbeeld: JSON.stringify({ version: 1, members: [], revealedAt: null, actions: [] }) }),
      await call(world, token, 'PATCH', sessionFields, { PublishClaimBy: sanne.id, PublishClaimUntil: '2099-01-01T00:00:00Z' }),
      await call(world, token, 'DELETE', `${listPath('Gesprekstool sessies')}/items/${session?.id}`),
      await call(world, token, 'PATCH', `${listPath('Gesprekstool antwoorden')}/items/${lottesItem?.id}/fields`, { ScoreB: 1 }),
    ];
    // Refused: 403 for what she can see but not change, 404 for Lotte's item, which does not exist for her.
    expect(attempts.map((a) => a.status)).toEqual([403, 403, 403, 403, 403, 404]);
    const [after] = await ownerReads(world, 'Gesprekstool sessies');
    expect(after?.fields).toMatchObject({ Stap: 'Stap 1', FacilitatorId: facilitator.id });
    expect(after?.fields.PublishClaimBy).toBeUndefined();
    const lotteAfter = (await ownerReads(world, 'Gesprekstool antwoorden')).find((i) => i.fields.DeelnemerId === lotte.id);
    expect(lotteAfter?.fields.ScoreB).toBe(5);
  });

  test('after the reveal everyone sees the scores as they were, and a later change of an answer changes nothing shown', async () => {
    const world = meeting();
    const { page } = world;
    await scoreStatements(surfaces.sidePanel(page, facilitator), { A: 3, B: 3, C: 3, D: 3, E: 3, F: 3 });
    await facilitatorPresses(page, facilitator, 'Scores onthullen');
    const stage = surfaces.stage(page, sanne);
    await stage.getByRole('table').first().waitFor({ timeout: 30_000 });

    // Lotte changes B from 5 to 1 in her own item after the reveal (her token may: it is her item).
    const lottesItem = (await ownerReads(world, 'Gesprekstool antwoorden')).find((i) => i.fields.DeelnemerId === lotte.id);
    const lotteToken = world.emulator.admin.issueToken({ upn: lotte.userPrincipalName, scopes: ['Sites.ReadWrite.All'] });
    const change = await call(world, lotteToken, 'PATCH', `${listPath('Gesprekstool antwoorden')}/items/${lottesItem?.id}/fields`, { ScoreB: 1 });
    expect(change.status).toBe(200);
    // Several reads later, what Sanne may read of the session still holds Lotte's B as revealed.
    await page.waitForTimeout(7000);
    const [session] = await ownerReads(world, 'Gesprekstool sessies');
    const asSanne = await call(world, sanneToken(), 'GET', `${listPath('Gesprekstool sessies')}/items/${session?.id}?expand=fields`);
    const view = JSON.parse(String((asSanne.json as { fields: Record<string, unknown> }).fields.Groepsbeeld)) as { members: { participant: { id: string }; scores?: Record<string, unknown> }[]; revealedAt: string | null };
    expect(view.revealedAt).not.toBeNull();
    expect(view.members.find((m) => m.participant.id === lotte.id)?.scores).toEqual(LOTTE);
  });
});
