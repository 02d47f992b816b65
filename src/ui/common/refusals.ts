// Why a command was refused, as one sentence for the person: the domain's authorization decides
// (src/domain/authorization.ts), this says it. "Someone else changed this" is for conflicts only.
import type { Refusal } from '../../domain/authorization';
import { defineMessages, format, type Locale } from '../i18n';

const messages = defineMessages({
  nl: {
    signedOut: 'U bent niet aangemeld; sluit de app en open hem opnieuw.',
    notFacilitator: 'Alleen de gespreksleider kan dit doen.',
    notOwnAnswer: 'U kunt alleen uw eigen antwoorden wijzigen.',
    notProposer: 'Alleen wie dit voorstel deed, of de gespreksleider, kan het wijzigen of verwijderen.',
    sameState: 'De sessie is al bij deze stap.',
    notAllowed: 'Vanuit deze stap kan de sessie niet meteen daarheen.',
    wrongStep: 'Dit kan niet in deze stap van de sessie.',
    locked: 'De gespreksleider heeft de invoer voor deze stap gesloten.',
    jointMode: 'In deze sessie vult de gespreksleider stap 2 samen met de groep in.',
  },
  en: {
    signedOut: 'You are not signed in; close the app and open it again.',
    notFacilitator: 'Only the facilitator can do this.',
    notOwnAnswer: 'You can only change your own answers.',
    notProposer: 'Only whoever proposed this, or the facilitator, can change or remove it.',
    sameState: 'The session is already at this step.',
    notAllowed: 'The session cannot go there straight from this step.',
    wrongStep: 'This is not possible in the current step of the session.',
    locked: 'The facilitator has closed the input for this step.',
    jointMode: 'In this session the facilitator fills in step 2 together with the group.',
  },
});

export function describeRefusal(refusal: Refusal, locale: Locale): string {
  return format(messages[locale][refusal.code]);
}
