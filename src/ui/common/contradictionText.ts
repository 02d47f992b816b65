// A stap-2 contradiction (src/domain/contradictions.ts) in words, the same sentence on the stage
// (src/ui/stage/Step2Theme.tsx) and in the Word report (src/ui/export/reportModel.ts): "Tegenstrijdig:
// Sanne en Lotte kruisten ‘Ja…’ aan, Ahmed ‘Nee, omdat…’." Who is named follows the display setting:
// the caller's `nameOf` gives a name, a domain or an anonymous label.
import type { Contradiction } from '../../domain/contradictions';
import type { InstrumentQuestion } from '../../domain/instrument';
import { defineMessages, format, type Locale } from '../i18n';

export const contradictionMessages = defineMessages({
  nl: {
    contradiction: 'Tegenstrijdig: {yes} {yesCount|kruiste|kruisten} {yesOptions} aan, {no} {noOptions}.',
    quoted: '‘{text}’',
    nameCount: '{name} ({count}×)',
  },
  en: {
    contradiction: 'Contradictory: {yes} ticked {yesOptions}, {no} {noOptions}.',
    quoted: '‘{text}’',
    nameCount: '{name} ({count}×)',
  },
});

/**
 * An option as the contradiction quotes it: short ones whole ("Nee, omdat…", "Ja, namelijk…", "Nee"),
 * long ones by their first words ("Ja, inzicht in het aantal…" is "Ja…"; "De wethouder(s) hebben de
 * ambitie om…" is "De wethouder(s) hebben de ambitie…"). The options are listed in full beside it.
 * A closing full stop goes: the sentence has its own.
 */
export function shortOption(text: string): string {
  const trimmed = text.trim().replace(/\.$/, '');
  if (trimmed.length <= 20) return trimmed;
  const comma = trimmed.indexOf(',');
  if (comma > 0 && comma <= 20) return `${trimmed.slice(0, comma)}…`;
  return `${trimmed
    .split(/\s+/)
    .slice(0, 5)
    .join(' ')
    .replace(/[.,:;]$/, '')}…`;
}

export function listText(items: readonly string[], locale: Locale, type: 'conjunction' | 'disjunction'): string {
  return new Intl.ListFormat(locale, { style: 'long', type }).format(items);
}

/** "Armoede (2×)" when one label stands for several people (per domein), each label once. */
export function countedNames(names: readonly string[], locale: Locale): string[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, count]) => (count === 1 ? name : format(contradictionMessages[locale].nameCount, { name, count })));
}

export function contradictionText(question: Pick<InstrumentQuestion, 'options'>, contradiction: Contradiction, nameOf: (participantId: string) => string, locale: Locale): string {
  const m = contradictionMessages[locale];
  const quotes = (ids: readonly string[]) =>
    listText(
      [...new Set(question.options.filter((o) => ids.includes(o.id)).map((o) => format(m.quoted, { text: shortOption(o.text) })))],
      locale,
      'disjunction',
    );
  const people = (side: Contradiction['yes']) => listText(countedNames(side.map((s) => nameOf(s.participantId)), locale), locale, 'conjunction');
  return format(m.contradiction, {
    yes: people(contradiction.yes),
    yesCount: contradiction.yes.length,
    yesOptions: quotes(contradiction.yes.flatMap((s) => s.optionIds)),
    no: people(contradiction.no),
    noOptions: quotes(contradiction.no.flatMap((s) => s.optionIds)),
  });
}
