// Items in SharePoint the app cannot read (edited by hand: a ScoreA of 9, a cut-off Stap2Json): named
// to the facilitator, who can have them repaired, with what the app does meanwhile. Nobody else is
// blocked; the rest of the session goes on without them.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { InvalidItem } from '../../graph/contracts';
import { defineMessages, useT } from '../i18n';

const messages = defineMessages({
  nl: {
    title: '{n} {n|item|items} in SharePoint {n|kan|kunnen} niet worden gelezen',
    answers: 'Het antwoord van {who} in de lijst {list} (item {id}) heeft een ongeldige waarde in {field}: {message}. De app laat dit antwoord weg tot het is hersteld. Doet {who} opnieuw mee, dan houdt de app alles wat nog te lezen is en maakt alleen het onleesbare leeg.',
    actions: 'De actie "{who}" in de lijst {list} (item {id}) heeft een ongeldige waarde in {field}: {message}. De app laat deze actie weg, ook bij publiceren, tot zij is hersteld.',
    sessions: 'De sessie in de lijst {list} (item {id}) heeft een ongeldige waarde in {field}: {message}.',
    someone: 'iemand',
    repair: 'Herstel de waarde in SharePoint (open de lijst via het tabblad) of verwijder het item.',
  },
  en: {
    title: '{n} {n|item|items} in SharePoint cannot be read',
    answers: "The answer of {who} in the list {list} (item {id}) has an invalid value in {field}: {message}. The app leaves this answer out until it is repaired. If {who} joins again, the app keeps everything that can still be read and clears only what cannot.",
    actions: 'The action "{who}" in the list {list} (item {id}) has an invalid value in {field}: {message}. The app leaves this action out, also when publishing, until it is repaired.',
    sessions: 'The session in the list {list} (item {id}) has an invalid value in {field}: {message}.',
    someone: 'someone',
    repair: 'Repair the value in SharePoint (open the list from the tab) or delete the item.',
  },
});

export function InvalidItemsNotice({ items }: { items: readonly InvalidItem[] }) {
  const t = useT(messages);
  if (items.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('title', { n: items.length })}</MessageBarTitle>
        <ul>
          {items.map((item) => (
            <li key={`${item.list}:${item.itemId}`}>
              {t(item.list, { who: item.who ?? t('someone'), list: item.listDisplayName, id: item.itemId, field: item.field, message: item.message })}
            </li>
          ))}
        </ul>
        {t('repair')}
      </MessageBarBody>
    </MessageBar>
  );
}
