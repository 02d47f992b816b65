// The session key names a session in SharePoint, in deep links and in tab configuration. It starts
// with the day so lists sort by time and a person can tell sessions apart; 8 random base32 symbols
// (40 bits) make a clash between two sessions of the same day negligible.
import { randomKeyText, type RandomBytes } from './randomSource';

export const SESSION_KEY_PATTERN = /^\d{8}-[0-9a-hjkmnp-tv-z]{8}$/;

/** `date` is the session's ISO date or date-time; only its calendar day is used. */
export function newSessionKey(random: RandomBytes, date: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!day) throw new RangeError(`not an ISO date: ${date}`);
  return `${day[1]}${day[2]}${day[3]}-${randomKeyText(random, 8)}`;
}

export function isSessionKey(value: unknown): value is string {
  return typeof value === 'string' && SESSION_KEY_PATTERN.test(value);
}
