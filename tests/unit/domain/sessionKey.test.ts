import { isSessionKey, newSessionKey } from '../../../src/domain/sessionKey';
import { countingBytes } from './fixtures';

describe('newSessionKey', () => {
  it('starts with the session day and ends in eight URL-safe symbols', () => {
    const key = newSessionKey(countingBytes(0), '2026-11-23T09:30:00.000Z');
    expect(key).toBe('20261123-01234567');
    expect(encodeURIComponent(key)).toBe(key);
    expect(isSessionKey(key)).toBe(true);
  });

  it('gives different keys for different randomness on the same day', () => {
    const keys = new Set(Array.from({ length: 32 }, (_, i) => newSessionKey(countingBytes(i), '2026-11-23')));
    expect(keys.size).toBe(32);
  });

  it('refuses a date that is not ISO', () => {
    expect(() => newSessionKey(countingBytes(), '23-11-2026')).toThrow(RangeError);
  });

  it('refuses a random source that gives too few bytes', () => {
    expect(() => newSessionKey(() => new Uint8Array(2), '2026-11-23')).toThrow(RangeError);
  });
});

describe('isSessionKey', () => {
  it.each(['', '20261123', '20261123-ABCDEFGH', '20261123-abcdefgi', '20261123-abc/efgh', 'x20261123-abcdefgh', 42, null])(
    'refuses %p',
    (value) => {
      expect(isSessionKey(value)).toBe(false);
    },
  );
});
