// Faults and ground truth for the browser tests: switch the emulator's throttling on and off at run
// time through its admin API (as someone watching `npm start` would), read what SharePoint really
// holds for a participant, edit a list item behind the app's back (as anyone with access to the
// site can in SharePoint's own list view), and reload one app frame the way a person reloads a
// side panel.
import type { Frame, Locator } from 'playwright-core';
import { z } from 'zod';
import type { FaultInput } from '../../../dev/graph-emulator/faults';
import { LIST_TITLES, type ListKind } from '../../../src/graph/lists';
import { Step2AnswersSchema, type Step2Answers } from '../../../src/domain/model';
import { frameOf, type MeetingWorld } from './meeting';

async function admin(world: Pick<MeetingWorld, 'emulator'>, method: 'GET' | 'PUT', path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${world.emulator.origin}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator admin ${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Replaces the emulator's fault configuration (omitted fields take their defaults: no faults). */
export async function setFaults(world: MeetingWorld, faults: FaultInput): Promise<void> {
  await admin(world, 'PUT', '/faults', faults);
}

export const noFaults = (world: MeetingWorld) => setFaults(world, {});

const StateSchema = z.object({
  lists: z.array(z.object({ id: z.string(), site_id: z.string(), display_name: z.string(), items: z.array(z.object({ id: z.union([z.string(), z.number()]), fields: z.record(z.string(), z.unknown()) })) })),
});

/** The columns of the list items of one of the app's lists, as the emulated SharePoint stores them. */
export async function listItems(world: Pick<MeetingWorld, 'emulator'>, list: ListKind): Promise<Record<string, unknown>[]> {
  const state = StateSchema.parse(await admin(world, 'GET', '/state'));
  return state.lists.filter((l) => l.display_name === LIST_TITLES[list]).flatMap((l) => l.items.map((i) => i.fields));
}

/**
 * The requests on one of the app's lists that the emulator answered with a fault (429/503), per
 * method, since its request log was last cleared: proof that a test's faults reached that list.
 */
export async function faultedRequestsOn(world: MeetingWorld, list: ListKind): Promise<Record<string, number>> {
  const state = StateSchema.parse(await admin(world, 'GET', '/state'));
  // The app addresses a list by its id or by its display name; both count.
  const prefixes = state.lists.filter((l) => l.display_name === LIST_TITLES[list]).flatMap((l) => [`/lists/${l.id}`, `/lists/${l.display_name}`]);
  const onList = (path: string) => prefixes.some((p) => path.endsWith(p) || path.includes(`${p}/`));
  const faulted: Record<string, number> = {};
  for (const entry of world.emulator.admin.requests().entries) {
    if ((entry.status === 429 || entry.status === 503) && onList(decodeURIComponent(entry.path))) faulted[entry.method] = (faulted[entry.method] ?? 0) + 1;
  }
  return faulted;
}

/**
 * Changes columns of the app's list items that `match` picks, through Graph as `user` would in
 * SharePoint itself (PATCH …/items/{id}/fields), and returns how many items changed.
 */
export async function editListItems(world: MeetingWorld, list: ListKind, match: (fields: Record<string, unknown>) => boolean, fields: Record<string, unknown>, user: { userPrincipalName: string }): Promise<number> {
  const state = StateSchema.parse(await admin(world, 'GET', '/state'));
  let changed = 0;
  for (const l of state.lists.filter((candidate) => candidate.display_name === LIST_TITLES[list])) {
    for (const item of l.items.filter((i) => match(i.fields))) {
      const response = await fetch(`${world.emulator.url}/sites/${l.site_id}/lists/${l.id}/items/${String(item.id)}/fields`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${world.emulator.admin.issueToken({ upn: user.userPrincipalName, scopes: ['Sites.ReadWrite.All'] })}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(fields),
      });
      if (!response.ok) throw new Error(`PATCH item ${String(item.id)}: ${response.status} ${await response.text()}`);
      changed++;
    }
  }
  return changed;
}

export interface StoredAnswers {
  scores: Record<string, unknown>;
  weetNiet: unknown;
  step2: Step2Answers;
}

/** A participant's answers item in SharePoint, or null when there is none yet. */
export async function storedAnswersOf(world: Pick<MeetingWorld, 'emulator'>, userId: string): Promise<StoredAnswers | null> {
  const item = (await listItems(world, 'answers')).find((fields) => fields.DeelnemerId === userId);
  if (!item) return null;
  const scores = Object.fromEntries(['A', 'B', 'C', 'D', 'E', 'F'].map((t) => [t, item[`Score${t}`] ?? null]));
  const json = typeof item.Stap2Json === 'string' && item.Stap2Json !== '' ? (JSON.parse(item.Stap2Json) as unknown) : { questions: {}, comments: {} };
  return { scores, weetNiet: item.WeetNiet ?? null, step2: Step2AnswersSchema.parse(json) };
}

/**
 * Reloads the app inside one card's iframe, as a person does with "reload" in a side panel: the
 * frame's own document navigates to its own address again; the simulator and the other frames keep
 * running. Resolves when the new document has loaded.
 */
export async function reloadFrame(card: Locator): Promise<Frame> {
  const frame = await frameOf(card);
  await frame.goto(frame.url(), { waitUntil: 'load' });
  return frame;
}
