// A shared note ("Wat opvalt…", "Ruimte voor toelichting"): everyone reads it, only the
// facilitator writes it, and it is saved on request so a half sentence never lands in SharePoint.
import { Button, Field, Textarea } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { LIMITS } from '../../domain';
import { useT } from '../i18n';
import { stageMessages } from './messages';

export interface TextNoteProps {
  label: string;
  text: string;
  editable: boolean;
  emptyText?: string;
  onSave?: (text: string) => Promise<boolean>;
}

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export function TextNote({ label, text, editable, emptyText, onSave }: TextNoteProps) {
  const t = useT(stageMessages);
  const headingId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>('idle');
  const value = draft ?? text;

  if (!editable || !onSave) {
    return (
      <section>
        <h2>{label}</h2>
        <p style={{ whiteSpace: 'pre-wrap' }}>{text.trim() === '' ? (emptyText ?? t('notesEmpty')) : text}</p>
      </section>
    );
  }

  const save = async () => {
    setState('saving');
    const ok = await onSave(value);
    setState(ok ? 'saved' : 'failed');
    if (ok) setDraft(null);
  };

  const message = state === 'saving' ? t('saving') : state === 'saved' ? t('saved') : state === 'failed' ? t('saveFailed') : t('charactersLeft', { count: LIMITS.longText - value.length });

  return (
    <section>
      <h2 id={headingId}>{label}</h2>
      <Field hint={<span aria-live="polite">{message}</span>} validationState={state === 'failed' ? 'error' : 'none'}>
        <Textarea
          aria-labelledby={headingId}
          value={value}
          maxLength={LIMITS.longText}
          resize="vertical"
          rows={4}
          onChange={(_, data) => {
            setDraft(data.value);
            setState('idle');
          }}
        />
      </Field>
      <Button appearance="primary" onClick={() => void save()} disabled={state === 'saving' || draft === null} style={{ marginTop: 8 }}>
        {t('save')}
      </Button>
    </section>
  );
}
