// Column definitions (columnDefinition resource) and the checks SharePoint applies to field values.
import type * as MG from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import { GraphHttpError, invalidRequest } from '../errors';

/** Documented limits: single line of text 255 characters, multiple lines 63,999 (SharePoint column types). */
export const SINGLE_LINE_MAX = 255;
export const MULTI_LINE_MAX = 63_999;

export const ColumnInputSchema = z
  .object({
    // Field keys on list items are the column's API name; we keep to names that need no encoding.
    name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'column names are letters, digits and underscores'),
    displayName: z.string().min(1).max(255).optional(),
    description: z.string().max(1000).optional(),
    indexed: z.boolean().optional(),
    required: z.boolean().optional(),
    hidden: z.boolean().optional(),
    enforceUniqueValues: z.boolean().optional(),
    text: z
      .object({
        allowMultipleLines: z.boolean().optional(),
        appendChangesToExistingText: z.boolean().optional(),
        linesForEditing: z.number().int().min(0).optional(),
        maxLength: z.number().int().min(1).max(SINGLE_LINE_MAX).optional(),
        textType: z.enum(['plain', 'richText']).optional(),
      })
      .optional(),
    number: z
      .object({ decimalPlaces: z.string().optional(), displayAs: z.string().optional(), maximum: z.number().optional(), minimum: z.number().optional() })
      .optional(),
    choice: z.object({ choices: z.array(z.string().min(1)).min(1), allowTextEntry: z.boolean().optional(), displayAs: z.string().optional() }).optional(),
    dateTime: z.object({ displayAs: z.string().optional(), format: z.enum(['dateOnly', 'dateTime']).optional() }).optional(),
    boolean: z.object({}).optional(),
  })
  .superRefine((c, ctx) => {
    const facets = (['text', 'number', 'choice', 'dateTime', 'boolean'] as const).filter((f) => c[f] !== undefined);
    if (facets.length !== 1) ctx.addIssue({ code: 'custom', message: 'a column needs exactly one of text, number, choice, dateTime, boolean' });
  });
export type ColumnInput = z.infer<typeof ColumnInputSchema>;

export type ColumnType = 'text' | 'number' | 'choice' | 'dateTime' | 'boolean';

export interface ColumnDef {
  id: string;
  name: string;
  displayName: string;
  description: string;
  type: ColumnType;
  indexed: boolean;
  required: boolean;
  hidden: boolean;
  enforceUniqueValues: boolean;
  readOnly: boolean;
  multiLine: boolean;
  maxLength: number;
  text?: MG.TextColumn;
  number?: MG.NumberColumn;
  choice?: MG.ChoiceColumn;
  dateTime?: MG.DateTimeColumn;
  boolean?: MG.BooleanColumn;
}

export function columnFromInput(id: string, input: ColumnInput): ColumnDef {
  const type: ColumnType = input.text ? 'text' : input.number ? 'number' : input.choice ? 'choice' : input.dateTime ? 'dateTime' : 'boolean';
  const multiLine = input.text?.allowMultipleLines === true;
  if (multiLine && input.indexed) {
    // SharePoint cannot index "multiple lines of text" columns.
    throw invalidRequest(`Column '${input.name}' of type multiple lines of text cannot be indexed.`);
  }
  const base = {
    id,
    name: input.name,
    displayName: input.displayName ?? input.name,
    description: input.description ?? '',
    type,
    indexed: input.indexed ?? false,
    required: input.required ?? false,
    hidden: input.hidden ?? false,
    enforceUniqueValues: input.enforceUniqueValues ?? false,
    readOnly: false,
    multiLine,
    maxLength: multiLine ? MULTI_LINE_MAX : (input.text?.maxLength ?? SINGLE_LINE_MAX),
  };
  switch (type) {
    case 'text':
      return {
        ...base,
        text: {
          allowMultipleLines: multiLine,
          appendChangesToExistingText: input.text?.appendChangesToExistingText ?? false,
          linesForEditing: input.text?.linesForEditing ?? (multiLine ? 6 : 0),
          maxLength: base.maxLength,
          textType: input.text?.textType ?? 'plain',
        },
      };
    case 'number':
      return { ...base, number: { decimalPlaces: 'automatic', displayAs: 'number', maximum: 1.7976931348623157e308, minimum: -1.7976931348623157e308, ...input.number } };
    case 'choice':
      return { ...base, choice: { allowTextEntry: false, displayAs: 'dropDownMenu', ...input.choice } };
    case 'dateTime':
      return { ...base, dateTime: { displayAs: 'default', format: 'dateTime', ...input.dateTime } };
    case 'boolean':
      return { ...base, boolean: {} };
  }
}

export function titleColumn(id: string): ColumnDef {
  return { ...columnFromInput(id, { name: 'Title', displayName: 'Title', text: { maxLength: SINGLE_LINE_MAX } }), required: true };
}

export function columnResource(c: ColumnDef): MG.ColumnDefinition {
  const facet = c.text ? { text: c.text } : c.number ? { number: c.number } : c.choice ? { choice: c.choice } : c.dateTime ? { dateTime: c.dateTime } : { boolean: c.boolean ?? {} };
  return {
    id: c.id,
    name: c.name,
    displayName: c.displayName,
    description: c.description,
    columnGroup: 'Custom Columns',
    enforceUniqueValues: c.enforceUniqueValues,
    hidden: c.hidden,
    indexed: c.indexed,
    readOnly: c.readOnly,
    required: c.required,
    ...facet,
  };
}

function typeError(name: string, edmType: string): GraphHttpError {
  return invalidRequest(`Cannot convert a primitive value to the expected type '${edmType}' for field '${name}'.`);
}

/** ISO 8601 without milliseconds, the form SharePoint returns dateTime fields in. */
export function normaliseDateTime(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Checks one written value against its column; returns what is stored (null clears the field). */
export function normaliseFieldValue(c: ColumnDef, value: unknown): string | number | boolean | null {
  if (value === null) return null;
  switch (c.type) {
    case 'text': {
      if (typeof value !== 'string') throw typeError(c.name, 'Edm.String');
      if (value.length > c.maxLength) {
        throw invalidRequest(`The value of field '${c.name}' is ${value.length} characters long, more than the column allows (${c.maxLength}).`);
      }
      return value === '' ? null : value;
    }
    case 'choice': {
      if (typeof value !== 'string') throw typeError(c.name, 'Edm.String');
      if (value === '') return null;
      if (!c.choice?.allowTextEntry && !(c.choice?.choices ?? []).includes(value)) {
        throw invalidRequest(`Value '${value}' is not one of the choices of field '${c.name}'.`);
      }
      return value;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw typeError(c.name, 'Edm.Double');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw typeError(c.name, 'Edm.Boolean');
      return value;
    case 'dateTime': {
      const normalised = typeof value === 'string' ? normaliseDateTime(value) : null;
      if (normalised === null) throw typeError(c.name, 'Edm.DateTimeOffset');
      return normalised;
    }
  }
}

/** What goes into the side table of indexed values: booleans as 0/1, everything else as stored. */
export function indexValue(value: string | number | boolean): string | number {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}
