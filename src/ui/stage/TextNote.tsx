// A shared note ("Wat opvalt…", "Ruimte voor toelichting"): everyone reads it, only the
// facilitator writes it, and it saves itself a moment after typing stops, on leaving the field and
// before any move (src/ui/common/useAutosave.ts), with the same indicator as the answers.
import { Field, Textarea } from '@fluentui/react-components';
import { useId } from 'react';
import { LIMITS } from '../../domain';
import { useAutosave } from '../common/useAutosave';
import { useT } from '../i18n';
import { SyncIndicator } from '../sidepanel/SyncIndicator';
import { stageMessages } from './messages';

export interface TextNoteProps {
  label: string;
  text: string;
  editable: boolean;
  emptyText?: string;
  onSave?: (text: string) => Promise<boolean>;
}

export function TextNote({ label, text, editable, emptyText, onSave }: TextNoteProps) {
  const t = useT(stageMessages);
  const headingId = useId();
  if (!editable || !onSave) {
    return (
      <section aria-labelledby={headingId}>
        <h2 id={headingId}>{label}</h2>
        <p style={{ whiteSpace: 'pre-wrap' }}>{text.trim() === '' ? (emptyText ?? t('notesEmpty')) : text}</p>
      </section>
    );
  }
  return <EditableNote label={label} text={text} onSave={onSave} headingId={headingId} />;
}

function EditableNote({ label, text, onSave, headingId }: { label: string; text: string; onSave: (text: string) => Promise<boolean>; headingId: string }) {
  const t = useT(stageMessages);
  const note = useAutosave({ server: text, save: onSave });
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{label}</h2>
      <Field hint={t('charactersLeft', { count: LIMITS.longText - note.value.length })}>
        <Textarea
          aria-labelledby={headingId}
          value={note.value}
          maxLength={LIMITS.longText}
          resize="vertical"
          rows={4}
          onChange={(_, data) => note.change(data.value)}
          onBlur={() => void note.flush()}
        />
      </Field>
      <SyncIndicator inline state={note.sync} onRetry={() => void note.flush()} />
    </section>
  );
}
