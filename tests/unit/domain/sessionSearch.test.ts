import { FIRST_SESSION_YEAR, YEARS_WITHOUT_YEAR, matchesSessionQuery, parseSessionQuery } from '../../../src/domain/sessionSearch';

describe('parseSessionQuery', () => {
  it('asks nothing for fewer than two characters', () => {
    expect(parseSessionQuery('')).toBeNull();
    expect(parseSessionQuery(' b ')).toBeNull();
    expect(parseSessionQuery('be')).not.toBeNull();
  });

  it('searches titles by what was typed, and with a capital first letter', () => {
    expect(parseSessionQuery('  begroting   2026 ')?.titlePrefixes).toEqual(['begroting 2026', 'Begroting 2026']);
    expect(parseSessionQuery('Begroting')?.titlePrefixes).toEqual(['Begroting']);
    expect(parseSessionQuery('begroting', 2026)?.days).toEqual([]);
    expect(parseSessionQuery('begroting', 2026)?.keyRanges).toEqual([]);
  });

  it('reads a day written day first, with a day of slack either side on the session key', () => {
    for (const text of ['12-03-2026', '12-3-2026', '12/03/2026', '12.03.2026', '2026-03-12', '12 maart 2026', '12 mrt. 2026', '12 March 2026', 'March 12, 2026']) {
      const q = parseSessionQuery(text, 2030);
      expect({ text, days: q?.days, keyRanges: q?.keyRanges }).toEqual({ text, days: [{ from: '2026-03-12', to: '2026-03-12' }], keyRanges: [{ from: '20260311', to: '20260314' }] });
    }
  });

  it('reads a month and a year as all their days', () => {
    for (const text of ['2026-03', '03-2026', '3/2026', 'maart 2026', 'March 2026', 'mrt 2026']) {
      expect({ text, days: parseSessionQuery(text)?.days }).toEqual({ text, days: [{ from: '2026-03-01', to: '2026-03-31' }] });
    }
    expect(parseSessionQuery('2024-02')?.days).toEqual([{ from: '2024-02-01', to: '2024-02-29' }]);
    expect(parseSessionQuery('2026')).toEqual({ titlePrefixes: ['2026'], days: [{ from: '2026-01-01', to: '2026-12-31' }], keyRanges: [{ from: '20251231', to: '20270102' }] });
  });

  it('crosses month and year ends when widening the key range', () => {
    expect(parseSessionQuery('31-12-2025')?.keyRanges).toEqual([{ from: '20251230', to: '20260102' }]);
    expect(parseSessionQuery('01-01-2026')?.keyRanges).toEqual([{ from: '20251231', to: '20260103' }]);
  });

  it('names no days for what is not a real date', () => {
    for (const text of ['31-02-2026', '2026-13', '12 maartje 2026', '12 maartje', 'maartje', '31-02', '12-13', '12345']) expect({ text, days: parseSessionQuery(text, 2026)?.days }).toEqual({ text, days: [] });
  });

  it('reads a day without a year as that day in each year since the instrument, up to this year', () => {
    for (const text of ['12-03', '12/3', '12.03', '12 maart', '12 mrt.', '12 March', 'March 12', 'march 12']) {
      const q = parseSessionQuery(text, 2026);
      expect({ text, days: q?.days.map((d) => d.from) }).toEqual({ text, days: ['2018-03-12', '2019-03-12', '2020-03-12', '2021-03-12', '2022-03-12', '2023-03-12', '2024-03-12', '2025-03-12', '2026-03-12'] });
      expect(q?.days.every((d) => d.from === d.to)).toBe(true);
      expect(q?.keyRanges.at(-1)).toEqual({ from: '20260311', to: '20260314' });
    }
    // 29 February only where the year has one.
    expect(parseSessionQuery('29-02', 2026)?.days.map((d) => d.from)).toEqual(['2020-02-29', '2024-02-29']);
    // Without the year it is, a date without one names no days (the title is still searched).
    expect(parseSessionQuery('12 maart')).toEqual({ titlePrefixes: ['12 maart'], days: [], keyRanges: [] });
  });

  it('reads a month without a year as that month in each recent year, never more than the last ten', () => {
    const q = parseSessionQuery('maart', 2040);
    expect(q?.titlePrefixes).toEqual(['maart', 'Maart']);
    expect(q?.days).toHaveLength(YEARS_WITHOUT_YEAR);
    expect(q?.days[0]).toEqual({ from: '2031-03-01', to: '2031-03-31' });
    expect(q?.days.at(-1)).toEqual({ from: '2040-03-01', to: '2040-03-31' });
    expect(parseSessionQuery('feb', 2019)?.days).toEqual([
      { from: `${FIRST_SESSION_YEAR}-02-01`, to: `${FIRST_SESSION_YEAR}-02-28` },
      { from: '2019-02-01', to: '2019-02-28' },
    ]);
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

  it('keeps a session held on the named day of any recent year when the year was left out', () => {
    const q = parseSessionQuery('12 maart', 2026);
    if (!q) throw new Error('query expected');
    expect(matchesSessionQuery(q, { title: 'Overleg', day: '2021-03-12' })).toBe(true);
    expect(matchesSessionQuery(q, { title: 'Overleg', day: '2026-03-12' })).toBe(true);
    expect(matchesSessionQuery(q, { title: 'Overleg', day: '2021-03-13' })).toBe(false);
    expect(matchesSessionQuery(q, { title: '12 maart-overleg', day: '2021-01-01' })).toBe(true);
  });
});
