// Who the surfaces say gave which answer. The paper tool's columns were "Deelnemer 1 (Armoede) /
// Deelnemer 2 (Gezondheid)": the side of the table someone speaks for matters as much as who they
// are. The facilitator chooses per session (Session.display) between
// - perPerson: each person by name with their domain, a partner with their organisation;
// - perDomain: one series per domain (the domain's mean); people are named only by their domain;
// - anonymous: each person numbered within their domain in join order, never a name.
// Labels are returned as structured values; the UI words them in the reader's language.
//
// perDomain keeps the partners together as one "Partners" series (their organisations listed in
// its label) instead of one series per organisation: each organisation is nearly always one
// person, so a series per organisation would be a personal line again, and three fixed series are
// what lets colours and markers stay the same in every session (src/ui/charts/seriesStyle.ts).
import { summariseScores, isNumericScore } from './scores';
import { DOMAINS, THEME_IDS, type DisplayMode, type Domain, type Participant, type Scores, type Session, type ThemeId } from './model';

export function displayModeOf(session: Pick<Session, 'display'>): DisplayMode {
  return session.display ?? 'perPerson';
}

export type DisplayLabel =
  /** "Sanne van 't Hof (Armoede)", "Lotte van den Heuvel (GGD Hart voor Brabant)". */
  | { kind: 'person'; name: string; domain: Domain; organisation: string | null }
  /** "Deelnemer 2 (Gezondheid)": no name, no organisation (a partner's organisation often is a name). */
  | { kind: 'numbered'; number: number; domain: Domain }
  /** "Armoede", "Partners (GGD Hart voor Brabant, Wijkteam Noord)". */
  | { kind: 'domain'; domain: Domain; organisations: string[]; count: number };

type Person = Pick<Participant, 'id' | 'name' | 'domain' | 'partnerLabel'>;
/** A person with their step-1 scores: a Response, or a chart's participant. */
export interface Scored {
  participant: Person;
  scores: Scores;
}

/** A partner's organisation, or null for anyone else or a partner who gave none. */
export function organisationOf(person: Pick<Participant, 'domain' | 'partnerLabel'>): string | null {
  if (person.domain !== 'partner') return null;
  const organisation = person.partnerLabel?.trim() ?? '';
  return organisation === '' ? null : organisation;
}

export interface DisplayedPerson {
  participantId: string;
  domain: Domain;
  /** 0-based position among the people of the same domain, in the order given (join order). */
  indexInDomain: number;
  /** How this person is named wherever a single person is named (a column, an author, an extreme). */
  label: DisplayLabel;
}

/**
 * Every person's label under `mode`. `participants` must be in join order (the group view's
 * order): numbering within a domain then never changes when someone of another domain joins.
 */
export function displayPeople(participants: readonly Person[], mode: DisplayMode): DisplayedPerson[] {
  const seen: Record<Domain, number> = { armoede: 0, gezondheid: 0, partner: 0 };
  return participants.map((p) => {
    const indexInDomain = seen[p.domain];
    seen[p.domain] += 1;
    const organisation = organisationOf(p);
    const label: DisplayLabel =
      mode === 'perPerson'
        ? { kind: 'person', name: p.name, domain: p.domain, organisation }
        : mode === 'anonymous'
          ? { kind: 'numbered', number: indexInDomain + 1, domain: p.domain }
          : { kind: 'domain', domain: p.domain, organisations: organisation ? [organisation] : [], count: 1 };
    return { participantId: p.id, domain: p.domain, indexInDomain, label };
  });
}

/** The mean per statement of one domain's people ("weet niet" never enters it: src/domain/scores.ts). */
export interface DomainMean {
  domain: Domain;
  /** People of this domain among the sources. */
  count: number;
  /** Partners' organisations, each once, in join order. */
  organisations: string[];
  means: Record<ThemeId, number | null>;
}

/** One entry per domain that has anyone, in the fixed order armoede, gezondheid, partner. */
export function domainMeans(sources: readonly Scored[]): DomainMean[] {
  return DOMAINS.flatMap((domain) => {
    const people = sources.filter((s) => s.participant.domain === domain);
    if (people.length === 0) return [];
    const organisations = [...new Set(people.map((s) => organisationOf(s.participant)).filter((o): o is string => o !== null))];
    const means = Object.fromEntries(THEME_IDS.map((theme) => [theme, summariseScores(people, theme).mean])) as Record<ThemeId, number | null>;
    return [{ domain, count: people.length, organisations, means }];
  });
}

export interface DisplaySeries {
  /** Stable key: the participant's id, or `domain:<domain>`. */
  key: string;
  domain: Domain;
  /** Which line within the domain (0 for a domain's mean): picks the dash within the domain's style. */
  indexInDomain: number;
  kind: 'person' | 'domainMean';
  label: DisplayLabel;
  /** Per statement A–F: a 1–5 score, a domain's mean, or null (weet niet, no answer: a gap). */
  values: (number | null)[];
  /** The person's own answers; absent for a domain's mean. */
  scores?: Scores;
  participantId?: string;
}

/** The lines of the chart and the person columns of the table under `mode`. */
export function displaySeries(sources: readonly Scored[], mode: DisplayMode): DisplaySeries[] {
  if (mode === 'perDomain') {
    return domainMeans(sources).map((d) => ({
      key: `domain:${d.domain}`,
      domain: d.domain,
      indexInDomain: 0,
      kind: 'domainMean',
      label: { kind: 'domain', domain: d.domain, organisations: d.organisations, count: d.count },
      values: THEME_IDS.map((theme) => d.means[theme]),
    }));
  }
  const people = displayPeople(
    sources.map((s) => s.participant),
    mode,
  );
  return sources.map((s, i) => {
    const person = people[i] as DisplayedPerson;
    return {
      key: s.participant.id,
      domain: person.domain,
      indexInDomain: person.indexInDomain,
      kind: 'person',
      label: person.label,
      values: THEME_IDS.map((theme) => {
        const score = s.scores[theme];
        return isNumericScore(score) ? score : null;
      }),
      scores: s.scores,
      participantId: s.participant.id,
    };
  });
}

/**
 * The participant as a surface that lists people (progress, stap-2 authors, owners) should show
 * them: under perPerson unchanged; otherwise with `name` replaced by `text(label)` and, when
 * anonymous, without organisation and department (a GGD's name or a small department names a person).
 */
export function displayParticipant<P extends Person & Pick<Participant, 'department'>>(participant: P, person: DisplayedPerson | undefined, mode: DisplayMode, text: (label: DisplayLabel) => string): P {
  if (mode === 'perPerson' || person === undefined) return participant;
  const name = text(person.label);
  if (mode === 'anonymous') {
    const { partnerLabel: _omit, ...rest } = participant;
    return { ...rest, name, department: '' } as P;
  }
  return { ...participant, name };
}
