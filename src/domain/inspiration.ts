// The inspiration library: practice examples, interventions and tips from the source documents, each
// tied to the themes A–F so a facilitator can show what other municipalities did while a theme is open.
// Summaries are written in our own words; the source says where the full story is.
import * as z from './zod';
import library from '../content/inspiration.json';
import { ThemeIdSchema, type ThemeId } from './model';

const text = z.string().check(z.trim(), z.minLength(1));
const localized = z.object({ nl: text, en: text });

export const INSPIRATION_KINDS = ['example', 'intervention', 'tip'] as const;

/** The roles of Deel 2 E of the tool ("De rol van de gemeente"). */
export const MUNICIPAL_ROLES = [
  'partner',
  'initiatiefnemer',
  'opdrachtgeverFinancier',
  'inkoper',
  'facilitator',
  'regelruimte',
] as const;
export type MunicipalRole = (typeof MUNICIPAL_ROLES)[number];

export const InspirationSourceSchema = z.object({
  /** Title of the document the item comes from. */
  document: text,
  /** File name in the seed collection, e.g. "001_cbde6ebe627a8c07.txt". */
  seed: z.string().check(z.regex(/^\d{3}_[0-9a-f]{16}\.txt$/)),
  /** Where in that document, e.g. "Deel 2, E.1 De gemeente als partner". */
  section: text,
});
export type InspirationSource = z.infer<typeof InspirationSourceSchema>;

export const InspirationItemSchema = z
  .object({
    id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
    kind: z.enum(INSPIRATION_KINDS),
    title: localized,
    /** The municipality or organisation behind the example; tips have none. */
    organisation: z.optional(text),
    themes: z
      .array(ThemeIdSchema)
      .check(
        z.minLength(1),
        z.refine((themes) => new Set(themes).size === themes.length, 'a theme is listed twice'),
      ),
    /** Only where the source names the role the municipality plays. */
    role: z.optional(z.enum(MUNICIPAL_ROLES)),
    summary: localized,
    source: InspirationSourceSchema,
    /** The same example told again in another source document. */
    alsoIn: z.optional(z.array(InspirationSourceSchema)),
  })
  .check(
    z.refine((item) => item.kind === 'tip' || item.organisation !== undefined, {
      message: 'an example or intervention names its organisation',
      path: ['organisation'],
    }),
  );
export type InspirationItem = z.infer<typeof InspirationItemSchema>;

export const InspirationLibrarySchema = z.object({
  items: z.array(InspirationItemSchema).check(
    z.minLength(1),
    z.superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', message: `duplicate id "${item.id}"`, path: [index, 'id'] });
        seen.add(item.id);
      });
    }),
  ),
});
export type InspirationLibrary = z.infer<typeof InspirationLibrarySchema>;

export class InspirationError extends Error {
  override readonly name = 'InspirationError';
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '');
}

/** Parses library JSON; the error message names each bad entry by its path. */
export function parseInspiration(json: unknown): InspirationLibrary {
  const result = InspirationLibrarySchema.safeParse(json);
  if (!result.success) {
    const detail = result.error.issues.map((issue) => `${issuePath(issue.path) || '(root)'}: ${issue.message}`);
    throw new InspirationError(`Invalid inspiration library: ${detail.join('; ')}`);
  }
  return result.data;
}

let cached: InspirationLibrary | undefined;

export function loadInspiration(): InspirationLibrary {
  cached ??= parseInspiration(library);
  return cached;
}

/** Examples and interventions first, then tips, each in library order. */
export function inspirationForTheme(themeId: ThemeId): InspirationItem[] {
  const items = loadInspiration().items.filter((item) => item.themes.includes(themeId));
  return [...items.filter((item) => item.kind !== 'tip'), ...items.filter((item) => item.kind === 'tip')];
}
