// Limits that hold end to end (issue 13, item 3): every free text at the most its field lets a person
// enter, full of what JSON escapes (quotes, backslashes, line breaks, tabs, lone surrogates), emoji
// and control characters, maps to fields SharePoint accepts — the app's own check (checkLengths,
// inside responseFields/actionFields/sessionFields) and the emulator's column check alike — and
// reads back as written, minus the control characters the boundary removes (src/domain/freeText.ts).
// Inputs (tests/maximalInput.ts) come from a seeded generator, so a failure names a seed that repeats it.
import { columnFromInput, ColumnInputSchema, normaliseFieldValue, titleColumn, type ColumnDef } from '../../../dev/graph-emulator/sharepoint/columns';
import { stripControlCharacters } from '../../../src/domain/freeText';
import { LIMITS } from '../../../src/domain/model';
import { COLUMNS, columnDefinition, MULTI_LINE_MAX, type ListKind } from '../../../src/graph/lists';
import { actionFields, readAction, readResponse, readSession, responseFields, sessionFields, type Fields, type ListItem } from '../../../src/graph/mapping';
import { maximalAction, maximalResponse, maximalSession, maximalStep2, seeded, uniform, wild, type Source } from '../../maximalInput';

/** The emulator's own column definitions for a list, built from the definitions the app provisions. */
const emulatorColumns = (list: ListKind): Map<string, ColumnDef> =>
  new Map([['Title', titleColumn('title')], ...COLUMNS[list].map((spec, i) => [spec.name, columnFromInput(String(i), ColumnInputSchema.parse(columnDefinition(spec)))] as const)]);
const COLUMN_DEFS: Record<ListKind, Map<string, ColumnDef>> = { sessions: emulatorColumns('sessions'), answers: emulatorColumns('answers'), actions: emulatorColumns('actions') };

/** What SharePoint stores and returns: each value passed through the emulator's column check; empty columns left out. */
function asStored(list: ListKind, fields: Fields): ListItem {
  const stored: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    const column = COLUMN_DEFS[list].get(name);
    if (!column) throw new Error(`no column ${name} in ${list}`);
    const kept = normaliseFieldValue(column, value);
    if (kept !== null) stored[name] = kept;
  }
  return { id: '9', '@odata.etag': '"e,1"', fields: stored };
}

const SOURCES: [string, Source][] = [
  ...['"', '\\', '\n', '\t', '\u0001', '\ud800', '😀', '"\\\n'].map((piece): [string, Source] => [`only ${JSON.stringify(piece)}`, uniform(piece)]),
  ...Array.from({ length: 40 }, (_, seed): [string, Source] => {
    const random = seeded(seed + 1);
    return [`seed ${seed + 1}`, (length) => wild(random, length)];
  }),
];

describe('every free text at its limit fits its SharePoint column and reads back as written', () => {
  it.each(SOURCES)('answers, %s', (_, source) => {
    const response = maximalResponse(source);
    const fields = responseFields(response);
    expect(String(fields.Stap2Json).length).toBeLessThanOrEqual(MULTI_LINE_MAX);
    const read = readResponse(asStored('answers', fields));
    expect(read).toEqual({ ok: true, value: { value: stripControlCharacters(response), itemId: '9', etag: '"e,1"' } });
  });

  it.each(SOURCES)('actions, %s', (_, source) => {
    const action = maximalAction(source);
    const read = readAction(asStored('actions', actionFields(action)));
    expect(read).toEqual({ ok: true, value: { value: stripControlCharacters(action), itemId: '9', etag: '"e,1"' } });
  });

  it.each(SOURCES)('sessions, %s', (_, source) => {
    const session = maximalSession(source);
    const read = readSession(asStored('sessions', sessionFields(session)));
    expect(read).toEqual({ ok: true, value: { value: stripControlCharacters(session), itemId: '9', etag: '"e,1"' } });
  });

  it('the stap-2 texts are really at their limits: the generator reaches every cap', () => {
    const step2 = maximalStep2((length) => '"'.repeat(length));
    const stored = (text: string) => JSON.stringify(text).length - 2;
    expect(Object.values(step2.comments).map((c) => stored(c ?? ''))).toEqual(Array(6).fill(LIMITS.longText));
    const freeTexts = Object.values(step2.questions).flatMap((a) => Object.values(a.freeText));
    expect(freeTexts.length).toBeGreaterThan(10);
    for (const text of freeTexts) expect(stored(text)).toBe(LIMITS.optionFreeText);
  });
});
