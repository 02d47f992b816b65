// Every person the report names is named through `personName`: participants in the summary, the
// score table's columns, the chart's legend, the extremes of a conversation point, authors of free
// texts and comments, the owners of actions, the facilitator and who entered answers for whom. A
// session setting that shows people anonymously or per domain changes this one function and the
// whole report follows. Answers entered on someone's behalf stay marked "(namens)" on top of it
// (src/ui/common/OnBehalf.tsx).
import type { Domain, Participant } from '../../domain/model';
import { format, type Locale } from '../i18n';
import { markedName, onBehalfMessages, onBehalfSentence } from '../common/OnBehalf';
import { exportMessages } from './messages';

/** Someone the report may name: a participant, or a person known by id and name only. */
export type NamedPerson = Pick<Participant, 'id' | 'name'> & Partial<Pick<Participant, 'domain' | 'partnerLabel' | 'department' | 'enteredBy'>>;

/** The one place a person's displayed name is decided. */
export function personName(person: NamedPerson): string {
  return person.name;
}

export interface ReportNames {
  /** As listed in tables and quotes: the displayed name, marked when someone else entered the answers. */
  name(participant: Participant): string;
  /** With the side of the table they sit on: "Sanne Visser – Armoede en schulden", a partner with their organisation. */
  withDomain(participant: Participant): string;
  /** Where they sit at the table, in words: the domain, or a partner's organisation. */
  domainLabel(participant: Pick<Participant, 'domain' | 'partnerLabel'>): string;
  /** The heading of a domain's group in "Wie deden mee". */
  domainHeading(domain: Domain): string;
  /** A person known by id (an action's owner, the facilitator): the participant when they took part, else the name given. */
  byId(id: string | null, fallback: string | null): string | null;
  /** "Ingevuld door … namens …, organisatie", or null for someone who entered their own answers. */
  onBehalf(participant: Participant): string | null;
}

export function reportNames(participants: readonly Participant[], locale: Locale): ReportNames {
  const w = (key: keyof (typeof exportMessages)['nl'], params?: Record<string, string | number>) => format(exportMessages[locale][key], params);
  const ob = (key: 'marked' | 'sentence', params: Record<string, string>) => format(onBehalfMessages[locale][key], params);
  const byIdMap = new Map(participants.map((p) => [p.id, p]));
  const shown = <T extends NamedPerson>(person: T): T => ({ ...person, name: personName(person) });
  const domainHeading = (domain: Domain) => (domain === 'armoede' ? w('domainArmoede') : domain === 'gezondheid' ? w('domainGezondheid') : w('domainPartner'));
  const domainLabel = (p: Pick<Participant, 'domain' | 'partnerLabel'>) =>
    p.domain === 'partner' ? p.partnerLabel?.trim() || w('domainLabelPartner') : domainHeading(p.domain);
  const name = (p: Participant) => markedName(ob, shown(p));
  return {
    name,
    withDomain: (p) => w('withDomain', { name: name(p), domain: domainLabel(p) }),
    domainLabel,
    domainHeading,
    byId: (id, fallback) => {
      const participant = id === null ? undefined : byIdMap.get(id);
      if (participant) return personName(participant);
      if (fallback === null || fallback.trim() === '') return null;
      return personName({ id: id ?? '', name: fallback });
    },
    onBehalf: (p) => {
      if (!p.enteredBy) return null;
      const by = byIdMap.get(p.enteredBy.id) ?? { id: p.enteredBy.id, name: p.enteredBy.name };
      // The sentence adds the organisation to the displayed name (onBehalfWhom).
      return onBehalfSentence(ob, { ...shown(p), enteredBy: { id: p.enteredBy.id, name: personName(by) } });
    },
  };
}
