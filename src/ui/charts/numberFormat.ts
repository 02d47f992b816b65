// Means and medians in the reader's notation (3,5 in Dutch, 3.5 in English), one decimal at most.
import type { Locale } from '../i18n';

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
}

/** A change over time with its sign, so "+0,5" and "−1" read as movements. */
export function formatChange(value: number, locale: Locale): string {
  const text = formatNumber(Math.abs(value), locale);
  if (value > 0) return `+${text}`;
  if (value < 0) return `−${text}`;
  return text;
}
