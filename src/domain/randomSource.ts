// Randomness is injected so ids are reproducible in tests; production passes
// `(n) => crypto.getRandomValues(new Uint8Array(n))`.
export type RandomBytes = (length: number) => Uint8Array;

/** Crockford's base32 in lower case: no i, l, o, u, so a key read aloud or retyped survives. */
export const KEY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** 32 symbols take exactly 5 bits, so masking a byte keeps every symbol equally likely. */
export function randomKeyText(random: RandomBytes, length: number): string {
  const bytes = random(length);
  if (bytes.length < length) throw new RangeError(`random source gave ${bytes.length} bytes, ${length} needed`);
  let text = '';
  for (let i = 0; i < length; i += 1) text += KEY_ALPHABET[(bytes[i] as number) & 31];
  return text;
}
