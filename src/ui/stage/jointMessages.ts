// The words of stap 2 filled in together (src/domain/joint.ts): the stage's inputs for the
// facilitator, the "Samen" column everyone reads and the report's label.
import { defineMessages } from '../i18n';

export const jointMessages = defineMessages({
  nl: {
    jointName: 'Samen',
    jointHeading: 'samen ingevuld',
    editorTitle: 'Stap 2 samen invullen',
    editorIntro: 'Wat u hier aanvinkt, is het antwoord van de groep. Het wordt bewaard als ‘Samen’, naast ieders eigen antwoorden, en staat meteen op ieders scherm.',
    creating: 'Het gezamenlijke antwoord wordt klaargezet…',
    createFailed: 'Het gezamenlijke antwoord kon niet worden klaargezet: {error}',
    retry: 'Opnieuw proberen',
    jointNone: 'De groep heeft nog niets samen ingevuld.',
  },
  en: {
    jointName: 'Together',
    jointHeading: 'filled in together',
    editorTitle: 'Fill in step 2 together',
    editorIntro: 'What you tick here is the group’s answer. It is kept as ‘Together’, beside everyone’s own answers, and appears on everyone’s screen right away.',
    creating: 'Preparing the joint answer…',
    createFailed: 'The joint answer could not be prepared: {error}',
    retry: 'Try again',
    jointNone: 'The group has not filled in anything together yet.',
  },
});
