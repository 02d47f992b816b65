import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  inspirationForTheme,
  loadInspiration,
  parseInspiration,
  type InspirationItem,
} from '../../../src/domain/inspiration';
import { THEME_IDS } from '../../../src/domain/model';

const SEEDS_DIR = '/work/shared/seeds';
const seedFiles = readdirSync(SEEDS_DIR).filter((name) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(name));
const library = loadInspiration();

/** Sentences end in . ! or ? followed by white space or the end; "Mobility Mentoring®." counts once. */
function sentenceCount(text: string): number {
  return (text.trim().match(/[.!?](?=\s|$)/gu) ?? []).length;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

const RUN = 12;
function runsOf(text: string): Set<string> {
  const list = words(text);
  const runs = new Set<string>();
  for (let i = 0; i + RUN <= list.length; i += 1) runs.add(list.slice(i, i + RUN).join(' '));
  return runs;
}

const seedRuns = new Set<string>(seedFiles.flatMap((name) => [...runsOf(readFileSync(join(SEEDS_DIR, name), 'utf8'))]));

function sharedRuns(text: string): string[] {
  return [...runsOf(text)].filter((run) => seedRuns.has(run));
}

const fixture = (overrides: Partial<InspirationItem> = {}) => ({
  id: 'voorbeeld',
  kind: 'example',
  title: { nl: 'Voorbeeld', en: 'Example' },
  organisation: 'Gemeente Voorbeeld',
  themes: ['A'],
  summary: { nl: 'Een zin. Nog een zin.', en: 'One sentence. Another one.' },
  source: { document: 'Doc', seed: '001_cbde6ebe627a8c07.txt', section: 'Deel 2' },
  ...overrides,
});

describe('the inspiration library', () => {
  it('reads the seed collection it is checked against', () => {
    expect(seedFiles).toEqual(expect.arrayContaining(['001_cbde6ebe627a8c07.txt', '002_8b4060ee0842b6ed.txt', '003_5a6e1f7fb9e6b130.txt']));
    expect(seedRuns.size).toBeGreaterThan(1000);
  });

  it('offers at least one practice example for every theme A to F', () => {
    for (const theme of THEME_IDS) {
      const examples = inspirationForTheme(theme).filter((item) => item.kind !== 'tip');
      expect({ theme, examples: examples.length > 0 }).toEqual({ theme, examples: true });
    }
  });

  it('includes the examples of Deel 2 and of the other source documents', () => {
    const organisations = library.items.map((item) => item.organisation ?? '').join(' | ');
    for (const place of ['Lelystad', 'Gennep', 'Utrecht', 'Amersfoort', 'Vaals', 'Rotterdam', 'Enschede', 'Deventer', 'Leeuwarden', 'Meppel', 'Kampen', 'Helmond', 'Amsterdam', 'Twentse']) {
      expect(organisations).toContain(place);
    }
    const seedsUsed = new Set(library.items.flatMap((item) => [item.source, ...(item.alsoIn ?? [])].map((s) => s.seed)));
    expect([...seedsUsed].sort()).toEqual(['001_cbde6ebe627a8c07.txt', '002_8b4060ee0842b6ed.txt', '003_5a6e1f7fb9e6b130.txt', '004_00b79a1f25cce1f5.txt']);
  });

  it('gives the municipal role of Deel 2 E to each of its six role examples', () => {
    const roles = new Set(library.items.flatMap((item) => (item.role ? [item.role] : [])));
    expect([...roles].sort()).toEqual(['facilitator', 'initiatiefnemer', 'inkoper', 'opdrachtgeverFinancier', 'partner', 'regelruimte']);
  });

  it('summarises every item in two to four sentences, in Dutch and in English', () => {
    const outOfRange = library.items.flatMap((item) =>
      (['nl', 'en'] as const)
        .map((locale) => ({ id: item.id, locale, sentences: sentenceCount(item.summary[locale]) }))
        .filter(({ sentences }) => sentences < 2 || sentences > 4),
    );
    expect(outOfRange).toEqual([]);
  });

  it('writes every summary in its own words: no run of twelve words taken from a seed', () => {
    const copied = library.items.flatMap((item) =>
      [item.summary.nl, item.summary.en].flatMap((summary) => sharedRuns(summary).map((run) => `${item.id}: ${run}`)),
    );
    expect(copied).toEqual([]);
  });

  it('would catch a summary that copies a sentence of the seed', () => {
    const copiedSentence =
      'Mensen met een bijstandsuitkering in de gemeente Gennep worden actief benaderd om mee te doen aan activiteiten om de gezondheid van inwoners te verbeteren.';
    expect(sharedRuns(copiedSentence).length).toBeGreaterThan(0);
    expect(sentenceCount('Een. Twee! Drie?')).toBe(3);
  });

  it('lists examples before tips for a theme', () => {
    const kinds = inspirationForTheme('D').map((item) => item.kind);
    expect(kinds.indexOf('tip')).toBeGreaterThan(0);
    expect(kinds.slice(kinds.indexOf('tip')).every((kind) => kind === 'tip')).toBe(true);
    expect(inspirationForTheme('F').every((item) => item.themes.includes('F'))).toBe(true);
  });
});

describe('parseInspiration', () => {
  it('accepts a well-formed item', () => {
    expect(parseInspiration({ items: [fixture()] }).items[0]?.id).toBe('voorbeeld');
  });

  it('names an unknown theme', () => {
    expect(() => parseInspiration({ items: [fixture({ themes: ['G' as 'A'] })] })).toThrow(/items\[0\]\.themes\[0\]: /);
  });

  it('names a duplicated id', () => {
    expect(() => parseInspiration({ items: [fixture(), fixture()] })).toThrow('items[1].id: duplicate id "voorbeeld"');
  });

  it('requires an example to name its organisation', () => {
    expect(() => parseInspiration({ items: [fixture({ organisation: undefined })] })).toThrow(/items\[0\]\.organisation: /);
  });
});
