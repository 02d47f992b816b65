// The facilitator's client writes what the group may see (src/domain/groupView.ts). When that write
// fails for another reason than a passing conflict, the facilitator is told: everyone else keeps
// seeing the last view written, so the meeting's screens stand still until it is fixed.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { defineMessages, useT } from '../i18n';

const messages = defineMessages({
  nl: {
    title: 'De deelnemers zien niet wat u ziet',
    body: 'Wat de groep mag zien kon niet in SharePoint worden bijgewerkt: {reason} De app probeert het bij elke volgende lezing opnieuw.',
  },
  en: {
    title: 'Participants do not see what you see',
    body: 'What the group may see could not be updated in SharePoint: {reason} The app tries again on every next read.',
  },
});

export function GroupViewNotice({ error }: { error: string | null }) {
  const t = useT(messages);
  if (error === null) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('title')}</MessageBarTitle>
        {t('body', { reason: error })}
      </MessageBarBody>
    </MessageBar>
  );
}
