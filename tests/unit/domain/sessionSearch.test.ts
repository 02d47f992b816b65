import { matchesSessionQuery, parseSessionQuery } from '../../../src/domain/sessionSearch';

describe('parseSessionQuery', () => {
  it('asks nothing for fewer than two characters', () => {
    expect(parseSessionQuery('')).toBeNull();
    expect(parseSessionQuery(' b ')).toBeNull();
    expect(parseSessionQuery('be')).not.toBeNull();
  });

  it('searches titles by what was typed, and with a capital first letter', () => {
    expect(parseSessionQuery('  begroting   2026 ')?.titlePrefixes).toEqual(['begroting 2026', 'Begroting 2026']);
    expect(parseSessionQuery('Begroting')?.titlePrefixes).toEqual(['Begroting']);
    expect(parseSessionQuery('begroting')?.days).toBeNull();
    expect(parseSessionQuery('begroting')?.keyRange).toBeNull();
  });

  it('reads a day written day first, with a day of slack either side on the session key', () => {
    for (const text of ['12-03-2026', '12-3-2026', '12/03/2026', '12.03.2026', '2026-03-12', '12 maart 2026', '12 mrt. 2026', '12 March 2026', 'March 12, 2026']) {
      const q = parseSessionQuery(text);
      expect({ text, days: q?.days, keyRange: q?.keyRange }).toEqual({ text, days: { from: '2026-03-12', to: '2026-03-12' }, keyRange: { from: '20260311', to: '20260314' } });
    }
  });

  it('reads a month and a year as all their days', () => {
    for (const text of ['2026-03', '03-2026', '3/2026', 'maart 2026', 'March 2026', 'mrt 2026']) {
      expect({ text, days: parseSessionQuery(text)?.days }).toEqual({ text, days: { from: '2026-03-01', to: '2026-03-31' } });
    }
    expect(parseSessionQuery('2024-02')?.days).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(parseSessionQuery('2026')).toEqual({ titlePrefixes: ['2026'], days: { from: '2026-01-01', to: '2026-12-31' }, keyRange: { from: '20251231', to: '20270102' } });
  });

  it('crosses month and year ends when widening the key range', () => {
    expect(parseSessionQuery('31-12-2025')?.keyRange).toEqual({ from: '20251230', to: '20260102' });
    expect(parseSessionQuery('01-01-2026')?.keyRange).toEqual({ from: '20251231', to: '20260103' });
  });

  it('names no days for what is not a real date', () => {
    for (const text of ['31-02-2026', '2026-13', '12 maartje 2026', '12-03', 'maart', '12345']) expect({ text, days: parseSessionQuery(text)?.days }).toEqual({ text, days: null });
  });
});

describe('matchesSessionQuery', () => {
  it('keeps a title starting with the text in any case, or a session held on a named day', () => {
    const q = parseSessionQuery('12-03-2026');
    const b = parseSessionQuery('begroting');
    if (!q || !b) throw new Error('query expected');
    expect(matchesSessionQuery(b, { title: 'BEGROTING 2026', day: '2026-01-01' })).toBe(true);
    expect(matchesSessionQuery(b, { title: 'De begroting', day: '2026-01-01' })).toBe(false);
    expect(matchesSessionQuery(q, { title: 'Overleg', day: '2026-03-12' })).toBe(true);
    // The key range's day of slack is not a match for the person.
    expect(matchesSessionQuery(q, { title: 'Overleg', day: '2026-03-13' })).toBe(false);
  });
});
