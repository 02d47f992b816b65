// What the app kept but cannot show of a person's own answers, said to that person: a draft on this
// device from a newer version of the app (left untouched, sent when that version runs again), and
// stap-2 choices this instrument does not have (kept in SharePoint, not shown as a tick).
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Instrument } from '../../domain/instrument';
import type { Response } from '../../domain/model';
import { unknownOptions } from '../../domain/step2';
import { defineMessages, useT } from '../i18n';

const messages = defineMessages({
  nl: {
    futureDraft:
      'Op dit apparaat staan nog niet verstuurde antwoorden van een nieuwere versie van de Gesprekstool. Die zijn bewaard en niet overschreven; herlaad de app (of Teams) om ze met de nieuwe versie te versturen. Wat u nu invult, wordt gewoon opgeslagen in SharePoint.',
    unknownOptions:
      'Bij vraag {questions} staat in uw antwoord een keuze die deze versie van de gesprekstool niet kent. Die blijft bewaard in SharePoint, maar wordt hier niet als vinkje getoond.',
  },
  en: {
    futureDraft:
      'This device holds answers not yet sent from a newer version of the conversation tool. They are kept and not overwritten; reload the app (or Teams) to send them with the new version. What you fill in now is saved in SharePoint as usual.',
    unknownOptions:
      'In your answer to question {questions} there is a choice this version of the conversation tool does not know. It stays stored in SharePoint but is not shown as a tick here.',
  },
});

export function OwnAnswerNotices({ instrument, response, futureDraft }: { instrument: Instrument; response: Response; futureDraft: number | null }) {
  const t = useT(messages);
  const numbers = new Map(instrument.themes.flatMap((theme) => theme.questions.map((q) => [q.id, q.number] as const)));
  const unknown = unknownOptions(instrument.themes, response.step2).map((u) => numbers.get(u.questionId) ?? u.questionId);
  return (
    <>
      {futureDraft !== null ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('futureDraft')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {unknown.length > 0 ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('unknownOptions', { questions: unknown.join(', ') })}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
