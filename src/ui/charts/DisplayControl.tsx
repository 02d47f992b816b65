// The facilitator's choice how people are shown: per persoon, per domein, anoniem
// (src/domain/display.ts). One choice for the session, stored on the session item, so the stage,
// everyone's tab and the Word report follow it.
import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import { DISPLAY_MODES, type DisplayMode } from '../../domain';
import { useT } from '../i18n';
import { chartMessages } from './messages';

const LABEL_KEYS = { perPerson: 'displayPerPerson', perDomain: 'displayPerDomain', anonymous: 'displayAnonymous' } as const;

export function DisplayControl({ value, onChange }: { value: DisplayMode; onChange: (display: DisplayMode) => unknown }) {
  const t = useT(chartMessages);
  // The choice shows at once while it is saved; a save that fails falls back to what SharePoint holds
  // (the session's command error says why).
  const [saving, setSaving] = useState<DisplayMode | null>(null);
  const shown = saving ?? value;
  return (
    <Field label={t('displaySetting')} hint={t('displayHint')}>
      <RadioGroup
        layout="horizontal"
        value={shown}
        onChange={(_, data) => {
          const chosen = DISPLAY_MODES.find((mode) => mode === data.value);
          if (!chosen || chosen === shown) return;
          setSaving(chosen);
          void Promise.resolve(onChange(chosen)).finally(() => setSaving((current) => (current === chosen ? null : current)));
        }}
      >
        {DISPLAY_MODES.map((mode) => (
          <Radio key={mode} value={mode} label={t(LABEL_KEYS[mode])} />
        ))}
      </RadioGroup>
    </Field>
  );
}
