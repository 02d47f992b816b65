// The follow-up agreement of Stap 3: does the group meet again (and when), and how participants
// hold each other to the agreements, "zodat de plannen niet in de waan van de dag wegzakken".
import { Button, Field, Input, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { isCalendarDate, LIMITS, type FollowUp, type Instrument } from '../../domain';
import { useLocale, useT } from '../i18n';
import { formatCalendarDate } from './calendarText';
import { stageMessages } from './messages';

export interface FollowUpEditorProps {
  instrument: Pick<Instrument, 'step3'>;
  followUp: FollowUp;
  editable: boolean;
  onSave?: (followUp: FollowUp) => Promise<boolean>;
}

type MeetAgain = 'yes' | 'no' | 'unknown';
const toChoice = (value: boolean | null): MeetAgain => (value === null ? 'unknown' : value ? 'yes' : 'no');
const fromChoice = (choice: string): boolean | null => (choice === 'yes' ? true : choice === 'no' ? false : null);

export function FollowUpEditor({ instrument, followUp, editable, onSave }: FollowUpEditorProps) {
  const t = useT(stageMessages);
  const locale = useLocale();
  const [draft, setDraft] = useState<FollowUp | null>(null);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed' | 'badDate'>('idle');
  const value = draft ?? followUp;
  const choiceText = { yes: t('meetAgainYes'), no: t('meetAgainNo'), unknown: t('meetAgainUnknown') };

  if (!editable || !onSave) {
    return (
      <section aria-labelledby="follow-up-title">
        <h2 id="follow-up-title">{t('followUpTitle')}</h2>
        <p>
          <strong>{instrument.step3.meetAgainQuestion}</strong>
          <br />
          {choiceText[toChoice(followUp.meetAgain)]}
          {followUp.meetAgain && followUp.meetAgainDate ? ` (${formatCalendarDate(followUp.meetAgainDate, locale)})` : ''}
        </p>
        <p style={{ whiteSpace: 'pre-wrap' }}>
          <strong>{instrument.step3.accountabilityQuestion}</strong>
          <br />
          {followUp.accountability.trim() === '' ? t('notesEmpty') : followUp.accountability}
        </p>
      </section>
    );
  }

  const change = (next: FollowUp) => {
    setDraft(next);
    setState('idle');
  };
  const save = async () => {
    if (value.meetAgain && value.meetAgainDate !== null && !isCalendarDate(value.meetAgainDate)) {
      setState('badDate');
      return;
    }
    setState('saving');
    const ok = await onSave({ ...value, meetAgainDate: value.meetAgain ? value.meetAgainDate : null });
    setState(ok ? 'saved' : 'failed');
    if (ok) setDraft(null);
  };

  return (
    <section aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('followUpTitle')}</h2>
      <Field label={instrument.step3.meetAgainQuestion}>
        <RadioGroup value={toChoice(value.meetAgain)} onChange={(_, d) => change({ ...value, meetAgain: fromChoice(d.value) })}>
          <Radio value="yes" label={choiceText.yes} />
          <Radio value="no" label={choiceText.no} />
          <Radio value="unknown" label={choiceText.unknown} />
        </RadioGroup>
      </Field>
      {value.meetAgain && (
        <Field label={t('meetAgainDate')} validationState={state === 'badDate' ? 'error' : 'none'} validationMessage={state === 'badDate' ? t('problemDueDateInvalid') : undefined}>
          <Input type="date" value={value.meetAgainDate ?? ''} onChange={(_, d) => change({ ...value, meetAgainDate: d.value === '' ? null : d.value })} />
        </Field>
      )}
      <Field label={instrument.step3.accountabilityQuestion}>
        <Textarea value={value.accountability} maxLength={LIMITS.longText} rows={3} resize="vertical" onChange={(_, d) => change({ ...value, accountability: d.value })} />
      </Field>
      <Button appearance="primary" style={{ marginTop: 8 }} disabled={draft === null || state === 'saving'} onClick={() => void save()}>
        {t('save')}
      </Button>{' '}
      <span aria-live="polite">{state === 'saving' ? t('saving') : state === 'saved' ? t('saved') : state === 'failed' ? t('saveFailed') : ''}</span>
    </section>
  );
}
