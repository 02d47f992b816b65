// How answers entered on someone's behalf are labelled on every surface (stage, side panel, tab,
// report): the name marked "(namens)" wherever names are listed, and once, in full, who entered
// whose answers: "Ingevuld door Fatima Gespreksleider namens Anouk Jansen, GGD West-Brabant".
// Never mixed up with what people entered themselves (src/domain/onBehalf.ts).
import { onBehalfWhom } from '../../domain/onBehalf';
import type { Participant } from '../../domain/model';
import { defineMessages, useT, type Catalog } from '../i18n';

export const onBehalfMessages: Catalog<'marked' | 'sentence' | 'listLabel'> = defineMessages({
  nl: {
    marked: '{name} (namens)',
    sentence: 'Ingevuld door {by} namens {whom}',
    listLabel: 'Namens anderen ingevuld',
  },
  en: {
    marked: '{name} (on behalf)',
    sentence: 'Entered by {by} on behalf of {whom}',
    listLabel: 'Entered on behalf of others',
  },
});

type Labelled = Pick<Participant, 'name' | 'partnerLabel' | 'department' | 'enteredBy'>;

/** The name as listed: marked when someone else entered the answers. */
export function markedName(t: (key: 'marked', params: Record<string, string>) => string, participant: Pick<Participant, 'name' | 'enteredBy'>): string {
  return participant.enteredBy ? t('marked', { name: participant.name }) : participant.name;
}

/** The full sentence for one person entered on their behalf. */
export function onBehalfSentence(t: (key: 'sentence', params: Record<string, string>) => string, participant: Labelled): string | null {
  return participant.enteredBy ? t('sentence', { by: participant.enteredBy.name, whom: onBehalfWhom(participant) }) : null;
}

export function useMarkedName(): (participant: Pick<Participant, 'name' | 'enteredBy'>) => string {
  const t = useT(onBehalfMessages);
  return (participant) => markedName(t, participant);
}

/** One line per person whose answers someone else entered; nothing when there is nobody. */
export function OnBehalfNote({ participants }: { participants: readonly Labelled[] }) {
  const t = useT(onBehalfMessages);
  const lines = participants.map((p) => onBehalfSentence(t, p)).filter((line): line is string => line !== null);
  if (lines.length === 0) return null;
  return (
    <ul aria-label={t('listLabel')} style={{ margin: 0, paddingLeft: '1.25em' }}>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
