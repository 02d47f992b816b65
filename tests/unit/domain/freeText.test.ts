import { stripControlCharacters, withoutControlCharacters } from '../../../src/domain/freeText';

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
