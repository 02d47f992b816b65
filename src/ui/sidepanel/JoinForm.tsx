// Joining: who you are in this conversation. Name and department come from your Microsoft 365
// profile and can be corrected; the domain says which side of the table you sit on.
import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { LIMITS, type Domain, type Participant } from '../../domain/model';
import { DomainChoice } from './DomainChoice';
import { defineMessages, useT } from '../i18n';
import { useAppServices } from '../session';

const messages = defineMessages({
  nl: {
    intro: 'Doe mee met deze sessie. Uw antwoorden zijn van u; de gespreksleider toont ze pas als iedereen klaar is.',
    name: 'Naam',
    domain: 'Vanuit welk domein doet u mee?',
    partnerLabel: 'Welke organisatie?',
    partnerHint: 'Bijvoorbeeld GGD, welzijn, wijkteam, zorgverzekeraar',
    department: 'Afdeling',
    join: 'Meedoen',
    joining: 'Bezig met aanmelden…',
    nameRequired: 'Vul uw naam in.',
    domainRequired: 'Kies uw domein.',
    partnerRequired: 'Vul de naam van uw organisatie in.',
  },
  en: {
    intro: 'Join this session. Your answers are yours; the facilitator shows them only when everyone is done.',
    name: 'Name',
    domain: 'Which domain do you take part from?',
    partnerLabel: 'Which organisation?',
    partnerHint: 'For example GGD, welfare, neighbourhood team, health insurer',
    department: 'Department',
    join: 'Join',
    joining: 'Joining…',
    nameRequired: 'Enter your name.',
    domainRequired: 'Choose your domain.',
    partnerRequired: 'Enter the name of your organisation.',
  },
});

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export function JoinForm({ onJoin, joining, error }: { onJoin: (p: Participant) => void; joining: boolean; error: string | null }) {
  const { me } = useAppServices();
  const t = useT(messages);
  const styles = useStyles();
  const [name, setName] = useState(me.displayName);
  const [domain, setDomain] = useState<Domain | ''>('');
  const [partnerLabel, setPartnerLabel] = useState('');
  const [department, setDepartment] = useState(me.department ?? '');
  const [submitted, setSubmitted] = useState(false);

  const nameProblem = name.trim() === '' ? t('nameRequired') : undefined;
  const domainProblem = domain === '' ? t('domainRequired') : undefined;
  const partnerProblem = domain === 'partner' && partnerLabel.trim() === '' ? t('partnerRequired') : undefined;

  return (
    <form
      noValidate
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (nameProblem || domainProblem || partnerProblem || domain === '') return;
        onJoin({
          id: me.id,
          name: name.trim(),
          domain,
          ...(domain === 'partner' ? { partnerLabel: partnerLabel.trim() } : {}),
          department: department.trim(),
        });
      }}
    >
      <p>{t('intro')}</p>
      <Field label={t('name')} required validationMessage={submitted ? nameProblem : undefined}>
        <Input value={name} maxLength={LIMITS.name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Field label={t('domain')} required validationMessage={submitted ? domainProblem : undefined}>
        <DomainChoice value={domain} onChange={setDomain} />
      </Field>
      {domain === 'partner' ? (
        <Field label={t('partnerLabel')} hint={t('partnerHint')} required validationMessage={submitted ? partnerProblem : undefined}>
          <Input value={partnerLabel} maxLength={LIMITS.department} onChange={(_, d) => setPartnerLabel(d.value)} />
        </Field>
      ) : null}
      <Field label={t('department')}>
        <Input value={department} maxLength={LIMITS.department} onChange={(_, d) => setDepartment(d.value)} />
      </Field>
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Button type="submit" appearance="primary" disabled={joining}>
        {joining ? t('joining') : t('join')}
      </Button>
    </form>
  );
}
