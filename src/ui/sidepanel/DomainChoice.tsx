// The three domains a person speaks for, as one radio group: the join form and the facilitator's
// "Iemand toevoegen" form ask the same question with the same words.
import { Radio, RadioGroup } from '@fluentui/react-components';
import type { Domain } from '../../domain/model';
import { defineMessages, useT } from '../i18n';

const messages = defineMessages({
  nl: { armoede: 'Armoede en schulden', gezondheid: 'Gezondheid', partner: 'Partnerorganisatie' },
  en: { armoede: 'Poverty and debt', gezondheid: 'Health', partner: 'Partner organisation' },
});

/** Place inside a Field: the Field gives the group its label and validation message. */
export function DomainChoice({ value, onChange }: { value: Domain | ''; onChange: (domain: Domain) => void }) {
  const t = useT(messages);
  return (
    <RadioGroup value={value} onChange={(_, d) => onChange(d.value as Domain)}>
      <Radio value="armoede" label={t('armoede')} />
      <Radio value="gezondheid" label={t('gezondheid')} />
      <Radio value="partner" label={t('partner')} />
    </RadioGroup>
  );
}
