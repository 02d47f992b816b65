// The three SharePoint lists the app keeps its sessions in: their Dutch names, their columns, and
// idempotent provisioning (a second run creates nothing; a column missing from an existing list is added).
import { THEME_IDS } from '../domain/model';
import type { ProvisionResult } from './contracts';
import type { ListSecurity, SharePointRest } from './sharePointRest';
import type { BatchQueue } from './batch';
import { NotFoundError } from './errors';
import { segment } from './odata';
import { SCOPES } from '../auth/scopes';
import * as z from '../domain/zod';

export type ListKind = 'sessions' | 'answers' | 'actions';
export const LIST_KINDS: readonly ListKind[] = ['sessions', 'answers', 'actions'];

export const LIST_TITLES: Record<ListKind, string> = {
  sessions: 'Gesprekstool sessies',
  answers: 'Gesprekstool antwoorden',
  actions: 'Gesprekstool acties',
};

/** SharePoint column sizes (REFERENCE.md): checked before sending so the error names the field. */
export const SINGLE_LINE_MAX = 255;
export const MULTI_LINE_MAX = 63_999;

export type ColumnKind = 'text' | 'note' | 'number' | 'choice' | 'boolean' | 'dateTime';

export interface ColumnSpec {
  name: string;
  displayName: string;
  kind: ColumnKind;
  choices?: readonly string[];
  indexed?: boolean;
  /** Number columns: inclusive bounds SharePoint enforces as well. */
  min?: number;
  max?: number;
}

export const STATE_LABELS = {
  setup: 'Voorbereiding',
  step1: 'Stap 1',
  revealed: 'Stap 1 onthuld',
  step2: 'Stap 2',
  step3: 'Stap 3',
  closed: 'Afgesloten',
} as const;
export const PURPOSE_LABELS = {
  aanscherpen: 'Beleid aanscherpen',
  agendering: 'Agenderen',
  betrekkenVeld: 'Het veld betrekken',
  monitoring: 'Monitoring',
} as const;
export const MODE_LABELS = { separate: 'Ieder apart', joint: 'Samen' } as const;
export const DISPLAY_LABELS = { perPerson: 'Per persoon', perDomain: 'Per domein', anonymous: 'Anoniem' } as const;
export const DOMAIN_LABELS = { armoede: 'Armoede', gezondheid: 'Gezondheid', partner: 'Partner' } as const;
export const STATUS_LABELS = { open: 'Open', done: 'Afgerond' } as const;
export const MEET_AGAIN_LABELS = { yes: 'Ja', no: 'Nee', unknown: 'Nog niet afgesproken' } as const;

/**
 * The group view's JSON is split over these note columns (63,999 characters each): eight hold about
 * 500,000 characters, room for 50 people's step-2 answers with long free text.
 */
export const GROUP_VIEW_COLUMNS = ['Groepsbeeld', 'Groepsbeeld2', 'Groepsbeeld3', 'Groepsbeeld4', 'Groepsbeeld5', 'Groepsbeeld6', 'Groepsbeeld7', 'Groepsbeeld8'] as const;

const text = (name: string, displayName: string, indexed = false): ColumnSpec => ({ name, displayName, kind: 'text', indexed });
const note = (name: string, displayName: string): ColumnSpec => ({ name, displayName, kind: 'note' });
const choice = (name: string, displayName: string, choices: readonly string[]): ColumnSpec => ({ name, displayName, kind: 'choice', choices });

export const COLUMNS: Record<ListKind, readonly ColumnSpec[]> = {
  sessions: [
    text('SessionKey', 'Sessiesleutel', true),
    text('Gemeente', 'Gemeente', true),
    { name: 'Datum', displayName: 'Datum', kind: 'dateTime' },
    choice('Stap', 'Stap', Object.values(STATE_LABELS)),
    { name: 'Onthuld', displayName: 'Scores onthuld', kind: 'boolean' },
    { name: 'Vergrendeld', displayName: 'Invoer vergrendeld', kind: 'boolean' },
    choice('Modus', 'Stap 2 invullen', Object.values(MODE_LABELS)),
    choice('Doel', 'Doel', Object.values(PURPOSE_LABELS)),
    text('MeetingId', 'Vergadering', true),
    text('Facilitator', 'Gespreksleider'),
    text('FacilitatorId', 'Gespreksleider (id)'),
    text('InstrumentVersie', 'Versie gesprekstool'),
    note('WatOpvalt', 'Wat opvalt'),
    note('Toelichting', 'Toelichting actieagenda'),
    choice('VervolgBijeenkomst', 'Opnieuw bijeen', Object.values(MEET_AGAIN_LABELS)),
    { name: 'VervolgDatum', displayName: 'Datum vervolgbijeenkomst', kind: 'dateTime' },
    note('VervolgAfspraak', 'Hoe houden we elkaar aan de afspraken'),
    text('PlannerGroepId', 'Planner-groep (id)'),
    text('PlannerPlanId', 'Planner-plan (id)'),
    // One publisher at a time (src/graph/plannerPublisher.ts); added to existing lists by provisioning.
    text('PublishClaimBy', 'Publiceert naar Planner'),
    text('PublishClaimUntil', 'Publiceert tot'),
    text('PublishClaimRun', 'Publicatieronde'),
    // What the group may see (src/domain/groupView.ts), as JSON over as many columns as it needs.
    ...GROUP_VIEW_COLUMNS.map((name, i) => note(name, i === 0 ? 'Groepsbeeld' : `Groepsbeeld (vervolg ${i + 1})`)),
    // How people are shown (src/domain/display.ts); empty is "per persoon". Added to existing lists by
    // provisioning, the first time a facilitator changes the setting (src/graph/sessionStore.ts).
    choice('Weergave', 'Deelnemers tonen', Object.values(DISPLAY_LABELS)),
    // What the stage shows, as JSON (src/graph/stageFocusColumn.ts); added to existing lists likewise.
    note('Gespreksverloop', 'Gespreksverloop'),
  ],
  answers: [
    text('SessionKey', 'Sessiesleutel', true),
    text('DeelnemerId', 'Deelnemer (id)', true),
    text('Naam', 'Naam'),
    choice('Domein', 'Domein', Object.values(DOMAIN_LABELS)),
    text('Partner', 'Partnerorganisatie'),
    text('Afdeling', 'Afdeling'),
    ...THEME_IDS.map((t): ColumnSpec => ({ name: `Score${t}`, displayName: `Score ${t}`, kind: 'number', min: 1, max: 5 })),
    text('WeetNiet', 'Weet niet (thema’s)'),
    note('Stap2Samenvatting', 'Stap 2 antwoorden'),
    note('Stap2Json', 'Stap 2 (gegevens)'),
    text('KlaarStap1', 'Klaar met stap 1'),
    text('KlaarStap2', 'Klaar met stap 2'),
    text('KlaarStap3', 'Klaar met stap 3'),
    text('BijgewerktOp', 'Bijgewerkt op'),
    // Answers the facilitator entered on someone's behalf (src/domain/onBehalf.ts): who entered them.
    // Added to existing lists by provisioning, the first time someone is added on another's behalf.
    text('IngevuldDoor', 'Ingevuld door'),
    text('IngevuldDoorId', 'Ingevuld door (id)'),
  ],
  actions: [
    text('SessionKey', 'Sessiesleutel', true),
    text('ActieId', 'Actie (id)', true),
    choice('Thema', 'Thema', THEME_IDS),
    text('Actie', 'Actie'),
    text('Eigenaar', 'Wie'),
    text('EigenaarId', 'Wie (id)'),
    text('Afdeling', 'Afdeling'),
    { name: 'Deadline', displayName: 'Deadline', kind: 'dateTime' },
    choice('Status', 'Status', Object.values(STATUS_LABELS)),
    text('PlannerTaskId', 'Planner-taak (id)'),
    text('PlannerTaskUrl', 'Planner-taak'),
    text('VoorgesteldDoor', 'Voorgesteld door (id)'),
  ],
};

/** A column as Graph's columnDefinition wants it (REFERENCE.md "Column definitions"). */
export function columnDefinition(spec: ColumnSpec): Record<string, unknown> {
  const base: Record<string, unknown> = { name: spec.name, displayName: spec.displayName };
  if (spec.indexed) base.indexed = true;
  switch (spec.kind) {
    case 'text':
      return { ...base, text: { allowMultipleLines: false, maxLength: SINGLE_LINE_MAX } };
    case 'note':
      return { ...base, text: { allowMultipleLines: true, linesForEditing: 6 } };
    case 'number':
      return { ...base, number: spec.min !== undefined || spec.max !== undefined ? { minimum: spec.min, maximum: spec.max, decimalPlaces: 'none' } : {} };
    case 'choice':
      return { ...base, choice: { choices: [...(spec.choices ?? [])], allowTextEntry: false } };
    case 'boolean':
      return { ...base, boolean: {} };
    case 'dateTime':
      return { ...base, dateTime: { format: 'dateOnly' } };
  }
}

/** Lists are addressed by title (list-get documents `/sites/{site-id}/lists/{list-title}`), so no id lookup precedes a read. */
export function listPath(siteId: string, kind: ListKind): string {
  return `/sites/${segment(siteId)}/lists/${segment(LIST_TITLES[kind])}`;
}

/** What provisioning reads of a column: its name, and the id and index a column update needs. */
const ColumnSummarySchema = z.looseObject({ name: z.string(), id: z.optional(z.string()), indexed: z.optional(z.boolean()) });
const ListWithColumnsSchema = z.object({
  id: z.string(),
  webUrl: z.optional(z.string()),
  columns: z.optional(z.array(ColumnSummarySchema)),
});
const ColumnsSchema = z.object({ value: z.array(ColumnSummarySchema) });

/**
 * Built-in columns the app filters on, indexed by provisioning: the session pickers search titles by
 * their start (src/graph/sessionSearch.ts), and SharePoint refuses a filter on a column without an index
 * once a list holds more than 5,000 items (https://learn.microsoft.com/en-us/graph/api/listitem-list).
 * A list's built-in Title cannot be given at creation, so it is indexed with a column update
 * (https://learn.microsoft.com/en-us/graph/api/columndefinition-update).
 */
export const INDEXED_BUILT_IN: Record<ListKind, readonly string[]> = { sessions: ['Title'], answers: [], actions: [] };

export interface ProvisionedList {
  id: string;
  webUrl: string | null;
}

/**
 * Item-level permissions per list (SharePoint's "Read access" and "Create and Edit access": only
 * their own): the facilitator created the session item, so only they (and the site's owners, who
 * hold Override List Behaviors) can move the session; a participant writes only their own answers
 * and their own proposals, and reads only their own answers. What the group may see of everyone's
 * answers is on the session item (src/domain/groupView.ts), written by the facilitator's client.
 */
export const ITEM_LEVEL: Record<ListKind, ListSecurity> = {
  sessions: { readSecurity: 1, writeSecurity: 2 },
  answers: { readSecurity: 2, writeSecurity: 2 },
  actions: { readSecurity: 1, writeSecurity: 2 },
};

/** Sets each list's item-level permissions through SharePoint REST where they differ; returns the lists it changed. */
export async function secureLists(sharePoint: SharePointRest, siteUrl: string): Promise<string[]> {
  const changed = await Promise.all(
    LIST_KINDS.map(async (kind) => {
      const wanted = ITEM_LEVEL[kind];
      const now = await sharePoint.listSecurity(siteUrl, LIST_TITLES[kind]);
      if (now.readSecurity === wanted.readSecurity && now.writeSecurity === wanted.writeSecurity) return null;
      await sharePoint.setListSecurity(siteUrl, LIST_TITLES[kind], wanted);
      return LIST_TITLES[kind];
    }),
  );
  return changed.filter((title): title is string => title !== null).sort();
}

export async function provisionLists(queue: BatchQueue, siteId: string): Promise<{ result: ProvisionResult; lists: Record<ListKind, ProvisionedList> }> {
  const scopes = SCOPES.provisioning;
  const found = await Promise.all(
    LIST_KINDS.map(async (kind) => {
      try {
        const body = await queue.submit({ method: 'GET', url: `${listPath(siteId, kind)}?$expand=columns` }, scopes);
        return ListWithColumnsSchema.parse(body);
      } catch (err) {
        if (err instanceof NotFoundError) return null;
        throw err;
      }
    }),
  );
  const createdLists: string[] = [];
  const addedColumns: string[] = [];
  const lists = {} as Record<ListKind, ProvisionedList>;
  await Promise.all(
    LIST_KINDS.map(async (kind, i) => {
      const existing = found[i];
      if (!existing) {
        const body = await queue.submit(
          {
            method: 'POST',
            url: `/sites/${segment(siteId)}/lists`,
            body: { displayName: LIST_TITLES[kind], list: { template: 'genericList' }, columns: COLUMNS[kind].map(columnDefinition) },
          },
          scopes,
        );
        const created = ListWithColumnsSchema.parse(body);
        createdLists.push(LIST_TITLES[kind]);
        lists[kind] = { id: created.id, webUrl: created.webUrl ?? null };
        if (INDEXED_BUILT_IN[kind].length > 0) {
          const columns = ColumnsSchema.parse(await queue.submit({ method: 'GET', url: `/sites/${segment(siteId)}/lists/${segment(created.id)}/columns?$select=id,name,indexed` }, scopes)).value;
          await indexBuiltIns(queue, siteId, created.id, kind, columns, scopes);
        }
        return;
      }
      lists[kind] = { id: existing.id, webUrl: existing.webUrl ?? null };
      const have = new Set((existing.columns ?? []).map((c) => c.name));
      const missing = COLUMNS[kind].filter((c) => !have.has(c.name));
      await Promise.all(
        missing.map(async (column) => {
          await queue.submit({ method: 'POST', url: `/sites/${segment(siteId)}/lists/${segment(existing.id)}/columns`, body: columnDefinition(column) }, scopes);
          addedColumns.push(`${LIST_TITLES[kind]}: ${column.displayName}`);
        }),
      );
      for (const name of await indexBuiltIns(queue, siteId, existing.id, kind, existing.columns ?? [], scopes)) addedColumns.push(`${LIST_TITLES[kind]}: ${name} (index)`);
    }),
  );
  return { result: { createdLists: createdLists.sort(), addedColumns: addedColumns.sort(), securedLists: [] }, lists };
}

/** Indexes the list's built-in columns that should be and are not; returns their names. */
async function indexBuiltIns(queue: BatchQueue, siteId: string, listId: string, kind: ListKind, columns: readonly z.infer<typeof ColumnSummarySchema>[], scopes: readonly string[]): Promise<string[]> {
  const wanted = columns.filter((c) => INDEXED_BUILT_IN[kind].includes(c.name) && c.indexed !== true && c.id !== undefined);
  await Promise.all(
    wanted.map((c) => queue.submit({ method: 'PATCH', url: `/sites/${segment(siteId)}/lists/${segment(listId)}/columns/${segment(c.id ?? '')}`, body: { indexed: true } }, scopes)),
  );
  return wanted.map((c) => c.name);
}
