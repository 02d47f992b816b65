// A failure as a person reads it: what happened, what to do next, and a way to try again.
import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { defineMessages, useLocale, useT } from '../i18n';
import { describeError, needsSignInPress, signInPressMessages } from './errors';

const messages = defineMessages({
  nl: {
    title: 'Dit lukte niet',
    retry: 'Opnieuw proberen',
    signInTitle: 'Aanmelden nodig',
    noAccessTitle: 'U kunt de gegevens van deze sessie niet lezen',
    noAccess:
      'Uw account heeft geen toegang tot de SharePoint-site van de gemeente, bijvoorbeeld omdat u deelneemt vanuit een andere organisatie of (nog) geen lid bent van de site. U kunt toch meedoen: de gespreksleider kan uw antwoorden namens u invullen, en de app als schermdeling delen zodat u het gedeelde scherm ziet.',
    noAccessNext: 'Hoort u wel bij de gemeente of bent u gast? Vraag dan een eigenaar van de site u als lid toe te voegen, en probeer het daarna opnieuw.',
  },
  en: {
    title: 'This did not work',
    retry: 'Try again',
    signInTitle: 'Sign-in needed',
    noAccessTitle: 'You cannot read this session’s data',
    noAccess:
      'Your account has no access to the municipality’s SharePoint site, for example because you take part from another organisation or are not (yet) a member of the site. You can still take part: the facilitator can fill in your answers on your behalf, and share the app as a screen share so you see the shared screen.',
    noAccessNext: 'Do you belong to the municipality, or are you a guest? Then ask an owner of the site to add you as a member, and try again afterwards.',
  },
});

function isAccessDenied(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'accessDenied';
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
});

/**
 * `inSession`: the failure was reading a meeting's session, where a refusal means this person cannot
 * reach the municipality's site (a partner from another tenant, a guest not yet added) and is told how
 * they can still take part.
 */
export function ErrorScreen({ error, onRetry, inSession = false }: { error: unknown; onRetry?: () => void; inSession?: boolean }) {
  const t = useT(messages);
  const press = useT(signInPressMessages);
  const locale = useLocale();
  const styles = useStyles();
  const noAccess = inSession && isAccessDenied(error);
  const described = describeError(error, locale);
  const problem = noAccess ? t('noAccess') : described.problem;
  const next = noAccess ? t('noAccessNext') : described.next;
  // Not signed in yet is not a failure of anything: a press is all it takes.
  const signIn = needsSignInPress(error);
  return (
    <section className={styles.root} role="alert">
      <MessageBar intent={noAccess || signIn ? 'warning' : 'error'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{noAccess ? t('noAccessTitle') : signIn ? t('signInTitle') : t('title')}</MessageBarTitle>
          {problem}
        </MessageBarBody>
      </MessageBar>
      <Body1>{next}</Body1>
      {onRetry ? (
        <div>
          <Button appearance="primary" onClick={onRetry}>
            {signIn ? press('signIn') : t('retry')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
