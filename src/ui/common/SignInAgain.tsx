// A read or write of a running session needed a new token and Teams' sign-in window could not open
// without a click (src/auth/errors.ts, SignInWindowError): what is shown stays, the reads wait, and
// one press on "Aanmelden" is the click that opens the window and reads again.
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useLocale, useT } from '../i18n';
import { describeErrorText, needsSignInPress, signInPressMessages } from './errors';

/** Nothing unless `error` is a sign-in window that did not open or was closed. */
export function SignInAgain({ error, onPress }: { error: unknown; onPress: () => void }) {
  const t = useT(signInPressMessages);
  const locale = useLocale();
  if (!needsSignInPress(error)) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{describeErrorText(error, locale)}</MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={onPress}>
          {t('signIn')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
