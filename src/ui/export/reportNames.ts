// Every person the report names is named through `personName`: participants in the summary, the
// score table's columns, the chart's legend, the extremes of a conversation point, authors of free
// texts and comments, the owners of actions, the facilitator and who entered answers for whom. A
// session setting that shows people anonymously or per domain changes this one function and the
// whole report follows. Answers entered on someone's behalf stay marked "(namens)" on top of it
// (src/ui/common/OnBehalf.tsx). Under "anoniem" and "per domein" (src/domain/display.ts) a
// participant is named by their label; someone who did not take part (an action's owner from
// elsewhere, a facilitator who only led) answered nothing and keeps their name.
import { displayParticipant, displayPeople } from '../../domain/display';
import type { DisplayMode, Domain, Participant } from '../../domain/model';
import { displayLabelText } from '../charts/displayText';
import { format, type Locale } from '../i18n';
import { markedName, onBehalfMessages, onBehalfSentence } from '../common/OnBehalf';
import { exportMessages } from './messages';

/** Someone the report may name: a participant, or a person known by id and name only. */
export type NamedPerson = Pick<Participant, 'id' | 'name'> & Partial<Pick<Participant, 'domain' | 'partnerLabel' | 'department' | 'enteredBy'>>;

/** The display setting with each participant's label under it (participant id → label). */
export interface PersonNaming {
  mode: DisplayMode;
  labels: ReadonlyMap<string, string>;
}

/** The one place a person's displayed name is decided. */
export function personName(person: NamedPerson, naming?: PersonNaming): string {
  if (!naming || naming.mode === 'perPerson') return person.name;
  return naming.labels.get(person.id) ?? person.name;
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

/** `participants` in join order: anonymous numbers follow it. */
export function reportNames(participants: readonly Participant[], locale: Locale, mode: DisplayMode = 'perPerson'): ReportNames {
  const w = (key: keyof (typeof exportMessages)['nl'], params?: Record<string, string | number>) => format(exportMessages[locale][key], params);
  const ob = (key: 'marked' | 'sentence', params: Record<string, string>) => format(onBehalfMessages[locale][key], params);
  const byIdMap = new Map(participants.map((p) => [p.id, p]));
  const people = new Map(displayPeople(participants, mode).map((d) => [d.participantId, d]));
  const naming: PersonNaming = { mode, labels: new Map([...people].map(([id, d]) => [id, displayLabelText(d.label, locale)])) };
  const personName_ = (person: NamedPerson) => personName(person, naming);
  // Anonymous: without organisation and department too (src/domain/display.ts displayParticipant).
  const shown = (p: Participant): Participant => ({ ...displayParticipant(p, people.get(p.id), mode, () => personName_(p)), name: personName_(p) });
  const domainHeading = (domain: Domain) => (domain === 'armoede' ? w('domainArmoede') : domain === 'gezondheid' ? w('domainGezondheid') : w('domainPartner'));
  const domainLabel = (p: Pick<Participant, 'domain' | 'partnerLabel'>) =>
    p.domain === 'partner' ? (mode !== 'anonymous' && p.partnerLabel?.trim()) || w('domainLabelPartner') : domainHeading(p.domain);
  const name = (p: Participant) => markedName(ob, shown(p));
  return {
    name,
    // A label other than a name already says the domain.
    withDomain: (p) => (mode === 'perPerson' ? w('withDomain', { name: name(p), domain: domainLabel(p) }) : name(p)),
    domainLabel,
    domainHeading,
    byId: (id, fallback) => {
      const participant = id === null ? undefined : byIdMap.get(id);
      if (participant) return personName_(participant);
      if (fallback === null || fallback.trim() === '') return null;
      return personName_({ id: id ?? '', name: fallback });
    },
    onBehalf: (p) => {
      if (!p.enteredBy) return null;
      const by = byIdMap.get(p.enteredBy.id) ?? { id: p.enteredBy.id, name: p.enteredBy.name };
      // The sentence adds the organisation to the displayed name (onBehalfWhom).
      return onBehalfSentence(ob, { ...shown(p), enteredBy: { id: p.enteredBy.id, name: personName_(by) } });
    },
  };
}
