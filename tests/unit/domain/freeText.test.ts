import { capStoredJson, storedJsonLength, stripControlCharacters, withoutControlCharacters } from '../../../src/domain/freeText';

describe('free text without control characters', () => {
  it('keeps newline and tab and removes every other C0 and C1 control character and DEL', () => {
    const every = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).join('') + '\u007F' + Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i)).join('');
    expect(withoutControlCharacters(`a${every}b`)).toBe('a\t\nb');
  });

  it('turns a Windows line break into a newline and leaves other text alone, emoji and quotes included', () => {
    expect(withoutControlCharacters('regel 1\r\nregel 2')).toBe('regel 1\nregel 2');
    expect(withoutControlCharacters('"’t Hof" \\ 🧑‍🤝‍🧑 — é')).toBe('"’t Hof" \\ 🧑‍🤝‍🧑 — é');
  });

  it('cleans every string inside objects and arrays, keys included, and returns clean data unchanged', () => {
    const dirty = { title: 'Actie\u0000', nested: { list: ['a\u0007', 'b'], ['k\u001B']: 'v' }, n: 3, none: null };
    expect(stripControlCharacters(dirty)).toEqual({ title: 'Actie', nested: { list: ['a', 'b'], k: 'v' }, n: 3, none: null });
    const clean = { title: 'Actie', list: ['a'] };
    expect(stripControlCharacters(clean)).toBe(clean);
  });
});

describe('texts counted as JSON stores them', () => {
  it('counts a quote, backslash, newline and tab as two, a lone surrogate as six, an emoji as two and other letters as one', () => {
    expect(storedJsonLength('"\\\n\t')).toBe(8);
    expect(storedJsonLength('\ud800')).toBe(6);
    expect(storedJsonLength('😀é’a<')).toBe(6);
  });

  it('is exactly what the text takes inside JSON once control characters are removed, plus one for each removed', () => {
    const text = 'a\u0000"b\r\n\u0085c';
    const stored = withoutControlCharacters(text);
    expect(storedJsonLength(text)).toBe(JSON.stringify(stored).length - 2 + 3);
    expect(storedJsonLength(text)).toBeGreaterThanOrEqual(text.length);
  });

  it('cuts to the longest beginning within the limit, never inside an emoji or an escape', () => {
    expect(capStoredJson('ab"cd', 3)).toBe('ab');
    expect(capStoredJson('ab"cd', 4)).toBe('ab"');
    expect(capStoredJson('a😀b', 2)).toBe('a');
    expect(capStoredJson('a😀b', 3)).toBe('a😀');
    const long = '"\\'.repeat(1000);
    const capped = capStoredJson(long, 1000);
    expect(storedJsonLength(capped)).toBe(1000);
    expect(long.startsWith(capped)).toBe(true);
  });

  it('leaves a text within the limit alone', () => {
    const text = 'Twee nota’s, "één" wethouder';
    expect(capStoredJson(text, storedJsonLength(text))).toBe(text);
  });
});
