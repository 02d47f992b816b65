// Stap 3: propose actions (theme, what, who, department, when) and see the agenda as it grows. The
// domain validates a proposal (`validateAction`) and suggests departments already named.
import { Body1, Button, Caption1, Field, Input, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { groupActionsByTheme, newActionId, suggestDepartments, validateAction, type ActionProblem } from '../../domain/agenda';
import { DUE_DATE_YEARS_AHEAD, latestDueDate } from '../../domain/calendarDate';
import type { Instrument } from '../../domain/instrument';
import { isEditable } from '../../domain/sessionState';
import { visibleResponses } from '../../domain/groupView';
import { visibleTo } from '../../domain/authorization';
import { LIMITS, THEME_IDS, type ActionItem, type Participant, type ThemeId } from '../../domain/model';
import { ParticipantOptions } from '../common/ParticipantOptions';
import { defineMessages, useLocale, useT } from '../i18n';
import { useAppServices, useSession } from '../session';
import { dueDateOfField, formatCalendarDate, localCalendarDate } from '../stage/calendarText';

const messages = defineMessages({
  nl: {
    propose: 'Actie voorstellen',
    theme: 'Thema',
    who: 'Wie pakt het op?',
    nobody: 'Nog niemand',
    department: 'Afdeling',
    due: 'Wanneer klaar?',
    add: 'Actie toevoegen',
    saved: 'De actie is toegevoegd.',
    agenda: 'Actieagenda',
    empty: 'Nog geen acties.',
    remove: 'Verwijderen',
    removeLabel: 'Actie "{title}" verwijderen',
    mine: '(voorgesteld door u)',
    mineOnBehalf: '(door u voorgesteld namens {name})',
    dueOn: 'klaar op {date}',
    titleRequired: 'Beschrijf de actie.',
    titleTooLong: 'De beschrijving is te lang (hoogstens {limit} tekens).',
    ownerNotParticipant: 'Kies iemand die aan deze sessie deelneemt.',
    departmentTooLong: 'De afdeling is te lang (hoogstens {limit} tekens).',
    dueDateInvalid: 'Vul een geldige datum in.',
    dueDateInPast: 'Kies een datum vanaf vandaag.',
    dueDateTooFar: 'Kies een datum tot en met {date}: een actie ligt hooguit {years} jaar vooruit.',
    readOnly: 'Voorstellen kan nu niet; de gespreksleider beheert de agenda.',
  },
  en: {
    propose: 'Propose an action',
    theme: 'Theme',
    who: 'Who takes it on?',
    nobody: 'Nobody yet',
    department: 'Department',
    due: 'Done by when?',
    add: 'Add action',
    saved: 'The action was added.',
    agenda: 'Action agenda',
    empty: 'No actions yet.',
    remove: 'Remove',
    removeLabel: 'Remove action "{title}"',
    mine: '(proposed by you)',
    mineOnBehalf: '(proposed by you on behalf of {name})',
    dueOn: 'done by {date}',
    titleRequired: 'Describe the action.',
    titleTooLong: 'The description is too long (at most {limit} characters).',
    ownerNotParticipant: 'Choose someone who takes part in this session.',
    departmentTooLong: 'The department is too long (at most {limit} characters).',
    dueDateInvalid: 'Enter a valid date.',
    dueDateInPast: 'Choose a date from today.',
    dueDateTooFar: 'Choose a date up to {date}: an action lies at most {years} years ahead.',
    readOnly: 'Proposing is not possible now; the facilitator manages the agenda.',
  },
});

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** `proposer`: whose proposals these are, when the facilitator proposes on someone's behalf (OnBehalfPanel). */
export function Step3Agenda({ instrument, proposer }: { instrument: Instrument; proposer?: Participant }) {
  const { me: signedIn, now, random } = useAppServices();
  const me = { id: proposer?.id ?? signedIn.id };
  const { snapshot, commands, busy } = useSession();
  const t = useT(messages);
  const locale = useLocale();
  // A due date is a day where the person is, not a UTC instant.
  const today = localCalendarDate(now());
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeId>('A');
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [department, setDepartment] = useState('');
  const [dueDate, setDueDate] = useState('');
  const dueDateField = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<ActionProblem[]>([]);
  const [saved, setSaved] = useState(false);
  if (!snapshot) return null;

  const session = snapshot.session.value;
  const participants = visibleResponses(signedIn.id, session, snapshot.responses.map((r) => r.value)).map((r) => r.participant);
  const actions = snapshot.actions.map((a) => a.value);
  const editable = isEditable(session, 'actions', signedIn.id);
  const isFacilitator = visibleTo({ id: signedIn.id }, session).facilitatorControls;
  const suggestions = suggestDepartments(participants, actions);
  const themeTitle = (id: ThemeId) => instrument.themes.find((th) => th.id === id)?.title ?? id;
  const problemText = (field: ActionProblem['code'][]) => {
    const problem = problems.find((p) => field.includes(p.code));
    if (!problem) return undefined;
    return t(
      problem.code,
      'limit' in problem ? { limit: problem.limit } : 'latest' in problem ? { date: formatCalendarDate(problem.latest, locale), years: DUE_DATE_YEARS_AHEAD } : undefined,
    );
  };
  const grouped = groupActionsByTheme(actions);

  const submit = async () => {
    setSaved(false);
    const draft = { title, ownerId: ownerId === '' ? null : ownerId, department, dueDate: dueDateOfField(dueDateField.current, dueDate === '' ? null : dueDate) };
    const found = validateAction(draft, { participants, today });
    setProblems(found);
    if (found.length > 0) return;
    const owner = participants.find((p) => p.id === draft.ownerId) ?? null;
    const action: ActionItem = {
      id: newActionId(random),
      sessionKey: session.key,
      theme,
      title: title.trim(),
      ownerId: owner?.id ?? null,
      ownerName: owner?.name ?? null,
      department: department.trim(),
      dueDate: draft.dueDate,
      status: 'open',
      proposedBy: me.id,
      plannerTaskId: null,
      plannerTaskUrl: null,
    };
    if (await commands.saveAction(action)) {
      setTitle('');
      setOwnerId('');
      setDepartment('');
      setDueDate('');
      setSaved(true);
    }
  };

  return (
    <section className={styles.root} aria-labelledby="step3-title">
      <Subtitle2 as="h2" id="step3-title">
        {instrument.step3.title}
      </Subtitle2>
      {editable ? null : <Body1>{instrument.step3.question}</Body1>}
      {editable ? (
        <form
          noValidate
          className={styles.form}
          aria-label={t('propose')}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Field label={t('theme')}>
            <Select value={theme} onChange={(_, d) => setTheme(d.value as ThemeId)}>
              {THEME_IDS.map((id) => (
                <option key={id} value={id}>
                  {id}. {themeTitle(id)}
                </option>
              ))}
            </Select>
          </Field>
          {/* The instrument's own question labels the field, so it is not also printed above the form. */}
          <Field label={instrument.step3.question} required validationMessage={problemText(['titleRequired', 'titleTooLong'])}>
            <Input value={title} maxLength={LIMITS.actionTitle} onChange={(_, d) => setTitle(d.value)} />
          </Field>
          <Field label={t('who')} validationMessage={problemText(['ownerNotParticipant'])}>
            <Select value={ownerId} onChange={(_, d) => setOwnerId(d.value)}>
              <ParticipantOptions participants={participants} noneLabel={t('nobody')} />
            </Select>
          </Field>
          <Field label={t('department')} validationMessage={problemText(['departmentTooLong'])}>
            <Input value={department} maxLength={LIMITS.department} list="department-suggestions" onChange={(_, d) => setDepartment(d.value)} />
          </Field>
          <datalist id="department-suggestions">
            {suggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <Field label={t('due')} validationMessage={problemText(['dueDateInvalid', 'dueDateInPast', 'dueDateTooFar'])}>
            <Input type="date" min={today} max={latestDueDate(today)} ref={dueDateField} value={dueDate} onChange={(_, d) => setDueDate(d.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t('add')}
          </Button>
          {saved ? <Caption1 role="status">{t('saved')}</Caption1> : null}
        </form>
      ) : session.state === 'step3' ? (
        <Body1>{t('readOnly')}</Body1>
      ) : null}

      <Subtitle2 as="h3">{t('agenda')}</Subtitle2>
      {actions.length === 0 ? <Body1>{t('empty')}</Body1> : null}
      {THEME_IDS.filter((id) => grouped[id].length > 0).map((id) => (
        <section key={id} aria-label={`${id}. ${themeTitle(id)}`}>
          <Body1 as="h4" style={{ fontWeight: 600, margin: 0 }}>
            {id}. {themeTitle(id)}
          </Body1>
          <ul className={styles.list}>
            {grouped[id].map((action) => (
              <li key={action.id} className={styles.item}>
                <Body1>
                  {action.title} {action.proposedBy === me.id ? <Caption1>{proposer ? t('mineOnBehalf', { name: proposer.name }) : t('mine')}</Caption1> : null}
                </Body1>
                <Caption1>{[action.ownerName, action.department, action.dueDate ? t('dueOn', { date: formatCalendarDate(action.dueDate, locale) }) : null].filter(Boolean).join(' · ')}</Caption1>
                {editable && (isFacilitator || action.proposedBy === me.id) ? (
                  <Button size="small" appearance="subtle" aria-label={t('removeLabel', { title: action.title })} disabled={busy} onClick={() => void commands.deleteAction(action.id)}>
                    {t('remove')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
