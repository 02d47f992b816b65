// The facilitator's stage focus (src/domain/stageFocus.ts) on the session item: one multi-line text
// column holding JSON, written only once the facilitator first moves the stage (so a list provisioned
// before the column takes every other write, as with "Deelnemers tonen"). An absent column reads as
// the overview with nothing discussed; a column edited by hand into something else reads the same,
// and is named to the facilitator as an unreadable field (src/ui/common/InvalidItemsNotice.tsx)
// until their next move writes it again. Note columns hold up to 63,999 characters
// (https://learn.microsoft.com/en-us/graph/api/resources/textcolumn): six notes of 4,000 fit with room to spare.
import { StageFocusSchema, type StageFocus } from '../domain/stageFocusSchema';
import { stripControlCharacters } from '../domain/freeText';
import type { InvalidItem } from './contracts';
import { LIST_TITLES, MULTI_LINE_MAX } from './lists';
import { TextTooLongError } from './errors';

export const STAGE_FOCUS_COLUMN = 'Gespreksverloop';

type Parsed = { ok: true; focus: StageFocus | null } | { ok: false; message: string };

function parse(fields: Record<string, unknown>): Parsed {
  const raw = fields[STAGE_FOCUS_COLUMN];
  if (raw === undefined || raw === null || raw === '') return { ok: true, focus: null };
  if (typeof raw !== 'string') return { ok: false, message: 'is geen tekst' };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, message: 'is geen leesbare JSON' };
  }
  const parsed = StageFocusSchema.safeParse(stripControlCharacters(json));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${issue ? issue.path.map(String).join('.') : '?'}: ${issue?.message ?? 'ongeldig'}` };
  }
  return { ok: true, focus: parsed.data };
}

/** The focus as stored, as the session's `stageFocus`; nothing when absent or unreadable (the stage then shows its overview). */
export function stageFocusOf(fields: Record<string, unknown>): { stageFocus?: StageFocus } {
  const parsed = parse(fields);
  return parsed.ok && parsed.focus !== null ? { stageFocus: parsed.focus } : {};
}

/** The unreadable column as an invalid-item notice, or null when it reads. */
export function stageFocusProblem(item: { id: string; fields: Record<string, unknown> }): InvalidItem | null {
  const parsed = parse(item.fields);
  if (parsed.ok) return null;
  const title = item.fields.Title;
  return { list: 'sessions', listDisplayName: LIST_TITLES.sessions, itemId: item.id, field: STAGE_FOCUS_COLUMN, message: parsed.message, who: typeof title === 'string' && title.trim() !== '' ? title.trim() : null };
}

/**
 * JSON.stringify writes a lone surrogate (half an emoji, cut by a limit) as a six-character escape
 * (https://tc39.es/ecma262/#sec-quotejsonstring), so six notes of 4,000 such characters would not fit
 * the column though each note is within its limit. The escape is turned back into the character
 * itself, which JSON.parse reads the same: the column holds each character once, as the other text
 * columns do. Only an escape preceded by an even number of backslashes is one (`\\ud800` is a
 * backslash followed by the text "ud800").
 */
function compactJson(value: unknown): string {
  return JSON.stringify(value).replace(/(?<!\\)((?:\\\\)*)\\u(d[89a-f][0-9a-f]{2})/gi, (_, backslashes: string, hex: string) => `${backslashes}${String.fromCharCode(parseInt(hex, 16))}`);
}

export function stageFocusFields(focus: StageFocus | null | undefined): Record<string, string> {
  if (!focus) return {};
  const json = compactJson(StageFocusSchema.parse(focus));
  if (json.length > MULTI_LINE_MAX) throw new TextTooLongError(STAGE_FOCUS_COLUMN, MULTI_LINE_MAX, json.length);
  return { [STAGE_FOCUS_COLUMN]: json };
}
