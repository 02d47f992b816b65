// A failure as a person reads it: what happened, what to do next, and a way to try again.
import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { defineMessages, useLocale, useT } from '../i18n';
import { describeError } from './errors';

const messages = defineMessages({
  nl: { title: 'Dit lukte niet', retry: 'Opnieuw proberen' },
  en: { title: 'This did not work', retry: 'Try again' },
});

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
});

export function ErrorScreen({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT(messages);
  const locale = useLocale();
  const styles = useStyles();
  const { problem, next } = describeError(error, locale);
  return (
    <section className={styles.root} role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('title')}</MessageBarTitle>
          {problem}
        </MessageBarBody>
      </MessageBar>
      <Body1>{next}</Body1>
      {onRetry ? (
        <div>
          <Button appearance="primary" onClick={onRetry}>
            {t('retry')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
