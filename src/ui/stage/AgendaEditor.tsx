// Stap 3, the action agenda: per theme what we do, who does it, which department, and by when.
// Everyone reads it; the facilitator edits it. A draft is checked with the domain's validateAction
// and each problem is shown at its field in one sentence.
import { Button, Field, Input, Link, makeStyles, mergeClasses, Select, tokens } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import {
  DUE_DATE_YEARS_AHEAD,
  groupActionsByTheme,
  latestDueDate,
  LIMITS,
  suggestDepartments,
  validateAction,
  type ActionItem,
  type ActionProblem,
  type Instrument,
  type Participant,
  type ThemeId,
} from '../../domain';
import { ParticipantOptions } from '../common/ParticipantOptions';
import { useLocale, useT, type Locale } from '../i18n';
import { dueDateOfField, formatCalendarDate } from './calendarText';
import { stageMessages, type StageMessageKey } from './messages';

const useStyles = makeStyles({
  theme: { marginBottom: tokens.spacingVerticalXL },
  list: { listStyle: 'none', padding: 0, margin: 0 },
  action: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalS} 0` },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  meta: { display: 'block' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS, flexWrap: 'wrap' },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(14em, 1fr))',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalM,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    marginTop: tokens.spacingVerticalS,
  },
  wide: { gridColumn: '1 / -1' },
});

export interface AgendaEditorProps {
  instrument: Pick<Instrument, 'themes' | 'step3'>;
  sessionKey: string;
  participants: readonly Participant[];
  actions: readonly ActionItem[];
  editable: boolean;
  /** The user's local calendar date, YYYY-MM-DD. */
  today: string;
  /** Who adds an action (participant id), recorded as proposedBy. */
  actorId: string | null;
  newActionId: () => string;
  onSave?: (action: ActionItem) => Promise<boolean>;
  onDelete?: (actionId: string) => Promise<boolean>;
  /**
   * Show only this theme's actions (the stage's stap 3 theme by theme, Step3Theme); absent: every theme.
   * The other themes stay rendered but hidden, so an action being written survives a move to another
   * theme and back (nothing typed is discarded by a move).
   */
  theme?: ThemeId | undefined;
}

type FieldName = 'title' | 'ownerId' | 'department' | 'dueDate';

function problemField(problem: ActionProblem): FieldName {
  switch (problem.code) {
    case 'titleRequired':
    case 'titleTooLong':
      return 'title';
    case 'ownerNotParticipant':
      return 'ownerId';
    case 'departmentTooLong':
      return 'department';
    case 'dueDateInvalid':
    case 'dueDateInPast':
    case 'dueDateTooFar':
      return 'dueDate';
  }
}

const PROBLEM_KEYS: Record<ActionProblem['code'], StageMessageKey> = {
  titleRequired: 'problemTitleRequired',
  titleTooLong: 'problemTitleTooLong',
  ownerNotParticipant: 'problemOwnerNotParticipant',
  departmentTooLong: 'problemDepartmentTooLong',
  dueDateInvalid: 'problemDueDateInvalid',
  dueDateInPast: 'problemDueDateInPast',
  dueDateTooFar: 'problemDueDateTooFar',
};

function ActionForm({
  initial,
  titleLabel,
  participants,
  departments,
  today,
  onSubmit,
  onCancel,
}: {
  initial: ActionItem;
  /** The instrument's own question ("Wat gaan we doen?"), as the side panel's form labels it too. */
  titleLabel: string;
  participants: readonly Participant[];
  departments: readonly string[];
  today: string;
  onSubmit: (action: ActionItem) => Promise<boolean>;
  onCancel: () => void;
}) {
  const t = useT(stageMessages);
  const locale = useLocale();
  const styles = useStyles();
  const listId = useId();
  const dueDateField = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<ActionProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);

  const messageFor = (field: FieldName) => {
    const found = problems.filter((p) => problemField(p) === field);
    if (found.length === 0) return undefined;
    const params = (p: ActionProblem): Record<string, string | number> | undefined =>
      'limit' in p ? { limit: p.limit } : 'latest' in p ? { date: formatCalendarDate(p.latest, locale), years: DUE_DATE_YEARS_AHEAD } : undefined;
    return found.map((p) => t(PROBLEM_KEYS[p.code], params(p))).join(' ');
  };
  const state = (field: FieldName) => (messageFor(field) ? ('error' as const) : ('none' as const));

  const submit = async () => {
    const dueDate = dueDateOfField(dueDateField.current, draft.dueDate);
    const found = validateAction({ ...draft, dueDate }, { participants, today });
    setProblems(found);
    if (found.length > 0) return;
    setSaving(true);
    const owner = participants.find((p) => p.id === draft.ownerId);
    const ok = await onSubmit({
      ...draft,
      title: draft.title.trim(),
      department: draft.department.trim(),
      ownerName: owner?.name ?? null,
      ownerId: owner?.id ?? null,
      dueDate: draft.dueDate === '' ? null : draft.dueDate,
    });
    setSaving(false);
    setFailed(!ok);
  };

  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field className={styles.wide} label={titleLabel} validationMessage={messageFor('title')} validationState={state('title')} required>
        <Input value={draft.title} maxLength={LIMITS.actionTitle + 50} onChange={(_, d) => setDraft({ ...draft, title: d.value })} />
      </Field>
      <Field label={t('ownerField')} validationMessage={messageFor('ownerId')} validationState={state('ownerId')}>
        <Select value={draft.ownerId ?? ''} onChange={(_, d) => setDraft({ ...draft, ownerId: d.value === '' ? null : d.value })}>
          <ParticipantOptions participants={participants} noneLabel={t('ownerNone')} />
        </Select>
      </Field>
      <Field label={t('department')} validationMessage={messageFor('department')} validationState={state('department')}>
        <Input list={listId} value={draft.department} onChange={(_, d) => setDraft({ ...draft, department: d.value })} />
      </Field>
      <datalist id={listId}>
        {departments.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
      <Field label={t('dueDateField')} validationMessage={messageFor('dueDate')} validationState={state('dueDate')}>
        <Input
          type="date"
          min={today}
          max={latestDueDate(today)}
          ref={dueDateField}
          value={draft.dueDate ?? ''}
          onChange={(_, d) => setDraft({ ...draft, dueDate: d.value === '' ? null : d.value })}
        />
      </Field>
      <div className={mergeClasses(styles.buttons, styles.wide)}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </Button>
        <Button type="button" onClick={onCancel}>
          {t('cancel')}
        </Button>
        {failed && <span role="alert">{t('saveFailed')}</span>}
      </div>
    </form>
  );
}

function ActionView({ action, locale }: { action: ActionItem; locale: Locale }) {
  const t = useT(stageMessages);
  const styles = useStyles();
  return (
    <>
      <span className={styles.title}>{action.title}</span>
      <span className={styles.meta}>
        {t('owner')}: {action.ownerName ?? t('ownerNone')} · {t('department')}: {action.department || '–'} · {t('dueDate')}:{' '}
        {action.dueDate ? formatCalendarDate(action.dueDate, locale) : t('dueDateNone')} · {t('status')}:{' '}
        {action.status === 'done' ? t('statusDone') : t('statusOpen')}
        {action.plannerTaskUrl && (
          <>
            {' · '}
            <Link href={action.plannerTaskUrl} target="_blank" rel="noreferrer">
              {t('plannerTask')}
            </Link>
          </>
        )}
      </span>
    </>
  );
}

export function AgendaEditor(props: AgendaEditorProps) {
  const { instrument, sessionKey, participants, actions, editable, today, actorId, newActionId, onSave, onDelete, theme: only } = props;
  const t = useT(stageMessages);
  const locale = useLocale();
  const styles = useStyles();
  const [editing, setEditing] = useState<{ theme: ThemeId; action: ActionItem } | null>(null);
  const grouped = groupActionsByTheme(actions);
  const departments = suggestDepartments(participants, actions);
  const canEdit = editable && onSave !== undefined;

  const blank = (theme: ThemeId): ActionItem => ({
    id: newActionId(),
    sessionKey,
    theme,
    title: '',
    ownerId: null,
    ownerName: null,
    department: '',
    dueDate: null,
    status: 'open',
    proposedBy: actorId,
    plannerTaskId: null,
    plannerTaskUrl: null,
  });

  const submit = async (action: ActionItem) => {
    const ok = onSave ? await onSave(action) : false;
    if (ok) setEditing(null);
    return ok;
  };

  return (
    <section aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('agendaTitle')}</h2>
      <p>{instrument.step3.intro}</p>
      {instrument.themes.map((theme) => {
        const list = grouped[theme.id];
        const editingHere = editing?.theme === theme.id ? editing : null;
        const isNew = editingHere !== null && !list.some((a) => a.id === editingHere.action.id);
        return (
          <section key={theme.id} className={styles.theme} aria-labelledby={`agenda-theme-${theme.id}`} hidden={only !== undefined && theme.id !== only}>
            <h3 id={`agenda-theme-${theme.id}`}>
              {theme.id}. {theme.title}
            </h3>
            {list.length === 0 && !isNew && <p>{t('agendaEmptyTheme')}</p>}
            <ul className={styles.list}>
              {list.map((action) => (
                <li key={action.id} className={styles.action}>
                  {editingHere?.action.id === action.id ? (
                    <ActionForm initial={action} titleLabel={instrument.step3.question} participants={participants} departments={departments} today={today} onSubmit={submit} onCancel={() => setEditing(null)} />
                  ) : (
                    <>
                      <ActionView action={action} locale={locale} />
                      {canEdit && (
                        <span className={styles.buttons}>
                          <Button size="small" onClick={() => setEditing({ theme: theme.id, action })} aria-label={`${t('editAction')}: ${action.title}`}>
                            {t('editAction')}
                          </Button>
                          <Button size="small" onClick={() => void onSave({ ...action, status: action.status === 'done' ? 'open' : 'done' })}>
                            {action.status === 'done' ? t('markOpen') : t('markDone')}
                          </Button>
                          {onDelete && (
                            <Button size="small" onClick={() => void onDelete(action.id)} aria-label={`${t('deleteAction')}: ${action.title}`}>
                              {t('deleteAction')}
                            </Button>
                          )}
                        </span>
                      )}
                    </>
                  )}
                </li>
              ))}
            </ul>
            {isNew && editingHere && (
              <ActionForm initial={editingHere.action} titleLabel={instrument.step3.question} participants={participants} departments={departments} today={today} onSubmit={submit} onCancel={() => setEditing(null)} />
            )}
            {canEdit && !isNew && (
              <Button style={{ marginTop: 8 }} onClick={() => setEditing({ theme: theme.id, action: blank(theme.id) })}>
                {t('addAction', { theme: theme.id })}
              </Button>
            )}
          </section>
        );
      })}
    </section>
  );
}
