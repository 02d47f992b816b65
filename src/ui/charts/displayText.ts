// The domain's display labels (src/domain/display.ts) in the reader's language: "Sanne van 't Hof
// (Armoede)", "Deelnemer 2 (Gezondheid)", "Partners (GGD Hart voor Brabant)".
import { displayParticipant, displayPeople, type DisplayLabel, type DisplayMode, type Domain, type Participant } from '../../domain';
import { format, useLocale, type Locale } from '../i18n';
import { chartMessages, type ChartMessageKey } from './messages';

export function domainText(domain: Domain, locale: Locale, plural = false): string {
  const key: ChartMessageKey = domain === 'armoede' ? 'domainArmoede' : domain === 'gezondheid' ? 'domainGezondheid' : plural ? 'domainPartners' : 'domainPartner';
  return chartMessages[locale][key];
}

export function displayLabelText(label: DisplayLabel, locale: Locale): string {
  const t = (key: ChartMessageKey, params?: Record<string, string | number>) => format(chartMessages[locale][key], params);
  switch (label.kind) {
    case 'person':
      return t('personLabel', { name: label.name, domain: label.organisation ?? domainText(label.domain, locale) });
    case 'numbered':
      return t('numberedLabel', { number: label.number, domain: domainText(label.domain, locale) });
    case 'domain': {
      // One partner is named by their organisation; a domain's series lists its organisations.
      if (label.domain !== 'partner') return domainText(label.domain, locale);
      if (label.count === 1 && label.organisations.length === 1) return label.organisations[0] as string;
      const domain = domainText('partner', locale, label.count > 1);
      return label.organisations.length === 0 ? domain : t('domainWithOrganisations', { domain, organisations: label.organisations.join(', ') });
    }
  }
}

export function useDisplayLabel(): (label: DisplayLabel) => string {
  const locale = useLocale();
  return (label) => displayLabelText(label, locale);
}

/**
 * The answers with each participant as the setting shows them (src/domain/display.ts
 * displayParticipant): for the lists that name people beside the chart — progress, stap-2 authors,
 * "ingevuld namens". Per persoon they are unchanged. `responses` in join order.
 */
export function displayedResponses<R extends { participant: Participant }>(responses: readonly R[], mode: DisplayMode, locale: Locale): R[] {
  if (mode === 'perPerson') return [...responses];
  const people = displayPeople(
    responses.map((r) => r.participant),
    mode,
  );
  return responses.map((r, i) => ({ ...r, participant: displayParticipant(r.participant, people[i], mode, (label) => displayLabelText(label, locale)) }));
}
