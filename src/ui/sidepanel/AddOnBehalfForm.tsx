// The facilitator adds someone who cannot use the app (a partner from another organisation's tenant,
// someone on the phone line, someone without access to the site): name, domain and organisation.
// Their answers are then entered by the facilitator, recorded as entered on their behalf
// (src/domain/onBehalf.ts).
import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { onBehalfParticipant, validateOnBehalf, type OnBehalfProblem } from '../../domain/onBehalf';
import { LIMITS, type Domain, type Participant } from '../../domain/model';
import { DomainChoice } from './DomainChoice';
import { defineMessages, useT } from '../i18n';
import { useAppServices } from '../session';

const messages = defineMessages({
  nl: {
    title: 'Iemand toevoegen die niet zelf kan invullen',
    intro: 'U vult de antwoorden voor deze persoon in. Overal staat dan: ingevuld door u namens deze persoon. Vóór de onthulling ziet niemand anders ze.',
    name: 'Naam',
    domain: 'Vanuit welk domein doet deze persoon mee?',
    organisation: 'Organisatie',
    organisationHint: 'Bijvoorbeeld GGD, welzijn, wijkteam, zorgverzekeraar',
    department: 'Afdeling',
    add: 'Toevoegen',
    adding: 'Bezig met toevoegen…',
    cancel: 'Annuleren',
    nameRequired: 'Vul de naam in.',
    organisationRequired: 'Vul de naam van de organisatie in.',
  },
  en: {
    title: 'Add someone who cannot fill it in themselves',
    intro: 'You enter the answers for this person. Everywhere it then says: entered by you on behalf of this person. Before the reveal nobody else sees them.',
    name: 'Name',
    domain: 'Which domain does this person take part from?',
    organisation: 'Organisation',
    organisationHint: 'For example GGD, welfare, neighbourhood team, health insurer',
    department: 'Department',
    add: 'Add',
    adding: 'Adding…',
    cancel: 'Cancel',
    nameRequired: 'Enter the name.',
    organisationRequired: 'Enter the name of the organisation.',
  },
});

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface AddOnBehalfFormProps {
  /** Prefilled from a notice about someone without access to the site. */
  initial?: { name?: string; domain?: Domain; organisation?: string };
  adding: boolean;
  error: string | null;
  onAdd(participant: Participant): void;
  onCancel(): void;
}

export function AddOnBehalfForm({ initial, adding, error, onAdd, onCancel }: AddOnBehalfFormProps) {
  const { me, random } = useAppServices();
  const t = useT(messages);
  const styles = useStyles();
  const [name, setName] = useState(initial?.name ?? '');
  const [domain, setDomain] = useState<Domain>(initial?.domain ?? 'partner');
  const [organisation, setOrganisation] = useState(initial?.organisation ?? '');
  const [department, setDepartment] = useState('');
  const [problems, setProblems] = useState<OnBehalfProblem[]>([]);
  const problem = (code: OnBehalfProblem) => (problems.includes(code) ? t(code) : undefined);

  return (
    <form
      noValidate
      aria-label={t('title')}
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        const input = { name, domain, organisation, department };
        const found = validateOnBehalf(input);
        setProblems(found);
        if (found.length > 0) return;
        onAdd(onBehalfParticipant(input, { id: me.id, name: me.displayName }, random));
      }}
    >
      <p>{t('intro')}</p>
      <Field label={t('name')} required validationMessage={problem('nameRequired')}>
        <Input value={name} maxLength={LIMITS.name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Field label={t('domain')} required>
        <DomainChoice value={domain} onChange={setDomain} />
      </Field>
      <Field label={t('organisation')} hint={t('organisationHint')} required={domain === 'partner'} validationMessage={problem('organisationRequired')}>
        <Input value={organisation} maxLength={LIMITS.department} onChange={(_, d) => setOrganisation(d.value)} />
      </Field>
      <Field label={t('department')}>
        <Input value={department} maxLength={LIMITS.department} onChange={(_, d) => setDepartment(d.value)} />
      </Field>
      {error ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={adding}>
          {adding ? t('adding') : t('add')}
        </Button>
        <Button type="button" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
