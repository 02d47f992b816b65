// The follow-up agreement of Stap 3: does the group meet again (and when), and how participants
// hold each other to the agreements, "zodat de plannen niet in de waan van de dag wegzakken".
// The facilitator's choices and text save themselves (src/ui/common/useAutosave.ts).
import { Field, Input, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { isCalendarDate, LIMITS, type FollowUp, type Instrument } from '../../domain';
import { useAutosave } from '../common/useAutosave';
import { useLocale, useT } from '../i18n';
import { SyncIndicator } from '../sidepanel/SyncIndicator';
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
  const choiceText = { yes: t('meetAgainYes'), no: t('meetAgainNo'), unknown: t('meetAgainUnknown') };

  if (editable && onSave) return <EditableFollowUp instrument={instrument} followUp={followUp} onSave={onSave} choiceText={choiceText} />;
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

const sameFollowUp = (a: FollowUp, b: FollowUp) => a.meetAgain === b.meetAgain && a.meetAgainDate === b.meetAgainDate && a.accountability === b.accountability;

function EditableFollowUp({ instrument, followUp, onSave, choiceText }: Required<Pick<FollowUpEditorProps, 'instrument' | 'followUp' | 'onSave'>> & { choiceText: Record<MeetAgain, string> }) {
  const t = useT(stageMessages);
  const draft = useAutosave<FollowUp>({
    server: followUp,
    equal: sameFollowUp,
    // A half-typed date is not saved; the field says why and the move waits.
    problem: (v) => (v.meetAgain && v.meetAgainDate !== null && !isCalendarDate(v.meetAgainDate) ? 'unknown' : null),
    save: (v) => onSave({ ...v, meetAgainDate: v.meetAgain ? v.meetAgainDate : null }),
  });
  const value = draft.value;
  const change = draft.change;
  const badDate = value.meetAgain === true && value.meetAgainDate !== null && !isCalendarDate(value.meetAgainDate);
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
        <Field label={t('meetAgainDate')} validationState={badDate ? 'error' : 'none'} validationMessage={badDate ? t('problemDueDateInvalid') : undefined}>
          <Input type="date" value={value.meetAgainDate ?? ''} onChange={(_, d) => change({ ...value, meetAgainDate: d.value === '' ? null : d.value })} onBlur={() => void draft.flush()} />
        </Field>
      )}
      <Field label={instrument.step3.accountabilityQuestion}>
        <Textarea
          value={value.accountability}
          maxLength={LIMITS.longText}
          rows={3}
          resize="vertical"
          onChange={(_, d) => change({ ...value, accountability: d.value })}
          onBlur={() => void draft.flush()}
        />
      </Field>
      <SyncIndicator inline state={draft.sync} onRetry={() => void draft.flush()} />
    </section>
  );
}
