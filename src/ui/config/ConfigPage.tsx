// The organiser's configuration page (Teams "settings" frame): where the session is kept, which
// group's Planner gets the agenda, municipality, title and purpose. Save (the host's button)
// creates the lists if needed and the session, and gives Teams the tab configuration. Reopened on a
// configured tab (the tab's "Instellingen"), it shows that session's settings and Save changes them
// in place: the same session, its answers and agenda, never a new one in its stead.
import { Body1, Body1Strong, Field, Input, MessageBar, MessageBarBody, ProgressBar, Radio, RadioGroup, Select, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { may } from '../../domain/authorization';
import type { Session } from '../../domain/model';
import type { GroupChoice, SessionLocation, SiteChoice, Versioned } from '../../graph/contracts';
import type { TabConfig } from '../../teams';
import { describeErrorText } from '../common/errors';
import { defineMessages, useT } from '../i18n';
import { resolveSessionLink, sessionUrl, useAppServices, type SessionLink } from '../session';
import { InstallationCheck } from './InstallationCheck';
import { resolveSite, SiteNotFound } from './resolveSite';
import { validateConfig, type ConfigForm, type ConfigProblem } from './validation';

const messages = defineMessages({
  nl: {
    heading: 'Gesprekstool instellen',
    intro: 'Kies waar de sessie wordt bewaard en vul de gegevens in. Druk daarna op Opslaan.',
    site: 'SharePoint-site voor de sessies',
    siteTeam: 'De site van dit team ({name})',
    siteGroup: 'De site van de groep die hieronder voor Planner is gekozen',
    siteUrl: 'Een andere site (adres)',
    siteUrlLabel: 'Adres van de SharePoint-site',
    siteUrlHint: 'Bijvoorbeeld https://gemeente.sharepoint.com/sites/armoede-gezondheid',
    group: 'Microsoft 365-groep voor Planner (actieagenda)',
    groupNone: 'Nog geen groep (later kiezen)',
    groupChoose: 'Kies een groep',
    groupsLoading: 'Groepen laden…',
    groupHint: 'De acties uit stap 3 worden taken in de Planner van deze groep.',
    municipality: 'Gemeente',
    title: 'Titel van de sessie',
    purpose: 'Waarvoor zet u de gesprekstool in?',
    municipalityRequired: 'Vul de naam van de gemeente in.',
    municipalityTooLong: 'De naam van de gemeente is te lang (hoogstens 255 tekens).',
    municipalityCharacters: 'Gebruik alleen letters, spaties, koppeltekens en apostroffen (zoals in \u2019s-Hertogenbosch).',
    titleRequired: 'Geef de sessie een titel.',
    titleTooLong: 'De titel is te lang (hoogstens 255 tekens).',
    siteUrlRequired: 'Vul het adres van de SharePoint-site in.',
    siteUrlInvalid: 'Vul een volledig https-adres van een SharePoint-site in.',
    purposeRequired: 'Kies waarvoor u de gesprekstool inzet.',
    siteGroupRequired: 'Kies een groep: de sessie wordt bewaard op de site van die groep. Of kies een andere site op adres.',
    siteOwnerHint: 'U moet eigenaar zijn van de site: alleen een eigenaar kan de lijsten aanmaken en zo instellen dat ieder alleen de eigen antwoorden ziet.',
    stepSite: 'SharePoint-site opzoeken…',
    stepLists: 'Lijsten in SharePoint controleren en zo nodig aanmaken…',
    stepSession: 'Sessie aanmaken…',
    stepDone: 'Klaar: de sessie is aangemaakt.',
    groupsFailed: 'De groepen konden niet worden geladen. {reason}',
    createsTitle: 'Wat Opslaan aanmaakt en wie het kan lezen',
    createsLists: 'Op de gekozen site drie lijsten, als ze er nog niet zijn: Gesprekstool sessies, Gesprekstool antwoorden en Gesprekstool acties; en in de eerste lijst deze sessie, met u als gespreksleider.',
    readsSession: 'De sessie en de actieagenda: iedereen met toegang tot de site. Wijzigen: alleen wie het item maakte (de sessie: u).',
    readsAnswers: 'De antwoorden: ieder alleen de eigen. U als eigenaar van de site leest ze allemaal; de groep ziet de scores pas als u ze onthult.',
    readsOwners: 'Eigenaren van de site kunnen in SharePoint zelf altijd alles inzien en wijzigen.',
    siteNotFound: 'Op {url} is geen SharePoint-site gevonden. Controleer het adres (bijvoorbeeld https://gemeente.sharepoint.com/sites/naam) of kies hierboven een andere site.',
    editHeading: 'Instellingen van de sessie',
    editIntro: 'U wijzigt de instellingen van deze sessie. Antwoorden, scores en de actieagenda blijven bewaard. Druk daarna op Opslaan.',
    editLoading: 'De instellingen van deze sessie worden gelezen…',
    editFailed: 'De sessie van dit tabblad kon niet worden gelezen, dus Opslaan kan niets wijzigen. {reason}',
    editSite: 'De sessie staat op {url}. Die site verandert niet: de antwoorden en de agenda staan daar.',
    editGroupPublished: 'De agenda is al naar de Planner van deze groep gepubliceerd; de groep verandert niet meer.',
    editNotFacilitator: 'Alleen de gespreksleider ({name}) kan de instellingen van deze sessie wijzigen.',
    editUpdatesTitle: 'Wat Opslaan wijzigt',
    editUpdates: 'Alleen de gemeente, de titel, het doel en, zolang er niet naar Planner is gepubliceerd, de groep van deze sessie. Wie wat kan lezen, blijft hetzelfde.',
    stepUpdate: 'Sessie bijwerken…',
    stepUpdated: 'Klaar: de sessie is bijgewerkt.',
  },
  en: {
    heading: 'Set up the conversation tool',
    intro: 'Choose where the session is kept and fill in the details. Then press Save.',
    site: 'SharePoint site for the sessions',
    siteTeam: "This team's site ({name})",
    siteGroup: 'The site of the group chosen for Planner below',
    siteUrl: 'Another site (address)',
    siteUrlLabel: 'Address of the SharePoint site',
    siteUrlHint: 'For example https://municipality.sharepoint.com/sites/poverty-health',
    group: 'Microsoft 365 group for Planner (action agenda)',
    groupNone: 'No group yet (choose later)',
    groupChoose: 'Choose a group',
    groupsLoading: 'Loading groups…',
    groupHint: "The step 3 actions become tasks in this group's Planner.",
    municipality: 'Municipality',
    title: 'Session title',
    purpose: 'What do you use the conversation tool for?',
    municipalityRequired: 'Enter the name of the municipality.',
    municipalityTooLong: 'The municipality name is too long (at most 255 characters).',
    municipalityCharacters: 'Use only letters, spaces, hyphens and apostrophes (as in \u2019s-Hertogenbosch).',
    titleRequired: 'Give the session a title.',
    titleTooLong: 'The title is too long (at most 255 characters).',
    siteUrlRequired: 'Enter the address of the SharePoint site.',
    siteUrlInvalid: 'Enter a full https address of a SharePoint site.',
    purposeRequired: 'Choose what you use the conversation tool for.',
    siteGroupRequired: 'Choose a group: the session is kept on that group’s site. Or choose another site by address.',
    siteOwnerHint: 'You need to be an owner of the site: only an owner can create the lists and set them so that everyone sees only their own answers.',
    stepSite: 'Looking up the SharePoint site…',
    stepLists: 'Checking the SharePoint lists and creating them if needed…',
    stepSession: 'Creating the session…',
    stepDone: 'Done: the session has been created.',
    groupsFailed: 'The groups could not be loaded. {reason}',
    createsTitle: 'What Save creates and who can read it',
    createsLists: 'On the chosen site three lists, if they are not there yet: Gesprekstool sessies, Gesprekstool antwoorden and Gesprekstool acties; and in the first list this session, with you as facilitator.',
    readsSession: 'The session and the action agenda: everyone with access to the site. Changing: only whoever made the item (the session: you).',
    readsAnswers: 'The answers: everyone only their own. You, as an owner of the site, read them all; the group sees the scores only when you reveal them.',
    readsOwners: 'Owners of the site can always see and change everything in SharePoint itself.',
    siteNotFound: 'There is no SharePoint site at {url}. Check the address (for example https://municipality.sharepoint.com/sites/name) or choose another site above.',
    editHeading: 'Session settings',
    editIntro: 'You are changing the settings of this session. Answers, scores and the action agenda are kept. Then press Save.',
    editLoading: 'Reading the settings of this session…',
    editFailed: "This tab's session could not be read, so Save cannot change anything. {reason}",
    editSite: 'The session is kept on {url}. That site does not change: the answers and the agenda are there.',
    editGroupPublished: "The agenda has already been published to this group's Planner; the group no longer changes.",
    editNotFacilitator: 'Only the facilitator ({name}) can change the settings of this session.',
    editUpdatesTitle: 'What Save changes',
    editUpdates: 'Only the municipality, the title, the purpose and, as long as nothing has been published to Planner, the group of this session. Who can read what stays the same.',
    stepUpdate: 'Updating the session…',
    stepUpdated: 'Done: the session has been updated.',
  },
});

type Progress = 'stepSite' | 'stepLists' | 'stepSession' | 'stepDone' | 'stepUpdate' | 'stepUpdated';
const PROGRESS_VALUE: Record<Progress, number> = { stepSite: 0.15, stepLists: 0.45, stepSession: 0.8, stepDone: 1, stepUpdate: 0.5, stepUpdated: 1 };

/** The session of a configured tab whose settings are reopened: read first, then changed in place. */
type Existing = { kind: 'none' } | { kind: 'loading' } | { kind: 'failed'; reason: string } | { kind: 'found'; link: SessionLink; session: Versioned<Session> };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL, maxWidth: '640px' },
  creates: { '& h2': { margin: 0 }, '& ul': { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: '1.2em' } },
});

export function ConfigPage() {
  const { host, graph, me, instrument, config } = useAppServices();
  const t = useT(messages);
  const styles = useStyles();
  const context = host.context();
  const team = context.team;
  const [form, setForm] = useState<ConfigForm>({ siteMode: team ? 'team' : 'group', siteUrl: '', groupId: team?.groupId ?? '', municipality: '', title: '', purpose: '' });
  const [touched, setTouched] = useState<Partial<Record<keyof ConfigForm, boolean>>>({});
  const [groups, setGroups] = useState<GroupChoice[] | null>(null);
  const [groupsError, setGroupsError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [existing, setExisting] = useState<Existing>(context.entityId ? { kind: 'loading' } : { kind: 'none' });
  const problems = useMemo(() => validateConfig(form), [form]);
  const locale = useAppServices().locale;
  const editing = existing.kind !== 'none';
  const mayEdit = existing.kind === 'found' && may({ id: me.id }, { kind: 'settings' }, existing.session.value).ok;
  const valid = Object.keys(problems).length === 0 && (!editing || mayEdit);
  const groupLocked = existing.kind === 'found' && existing.session.value.plannerPlanId !== null;

  // Reopened on a configured tab: read its session and show what it is set to now.
  useEffect(() => {
    if (!context.entityId) return;
    let cancelled = false;
    const fail = (err: unknown) => !cancelled && setExisting({ kind: 'failed', reason: describeErrorText(err, locale) });
    host.config
      .current()
      .then(async (saved) => {
        if (!saved) return null;
        const link = await resolveSessionLink({ entityId: saved.entityId, team }, new URL(saved.contentUrl), graph.directory);
        if (!link) return null;
        const opened = await graph.store(link.location).openSession(link.key, { onlyAnswersOf: me.id });
        return { link, session: opened.session };
      })
      .then((found) => {
        if (cancelled) return;
        if (!found) {
          setExisting({ kind: 'none' });
          return;
        }
        const s = found.session.value;
        setExisting({ kind: 'found', ...found });
        setForm({ siteMode: 'url', siteUrl: found.link.location.siteUrl, groupId: s.plannerGroupId ?? found.link.location.plannerGroupId ?? '', municipality: s.municipality, title: s.title, purpose: s.purpose });
      }, fail);
    return () => {
      cancelled = true;
    };
    // Read once, for the tab the page was opened on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    let cancelled = false;
    graph.directory.myGroups().then(
      (found) => !cancelled && setGroups(found),
      (err: unknown) => {
        if (cancelled) return;
        setGroups([]);
        setGroupsError(describeErrorText(err, locale));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [graph, locale]);

  useEffect(() => {
    host.config.setValid(valid);
  }, [host, valid]);

  // The host's Save button calls the handler registered once; it reads the form as it is then.
  const formRef = useRef(form);
  formRef.current = form;
  const existingRef = useRef(existing);
  existingRef.current = existing;
  useEffect(() => {
    host.config.onSave(async (): Promise<TabConfig> => {
      const current = formRef.current;
      const reopened = existingRef.current;
      setSaveError(null);
      try {
        if (reopened.kind === 'loading' || reopened.kind === 'failed') throw new Error(t('editLoading'));
        if (reopened.kind === 'found') {
          // The same session, changed in place (If-Match on its item): answers and agenda stay with it.
          setProgress('stepUpdate');
          const { link } = reopened;
          const store = graph.store(link.location);
          const saved = await store.updateSession(reopened.session, (s) => {
            const decision = may({ id: me.id }, { kind: 'settings' }, s);
            if (!decision.ok) throw new Error(t('editNotFacilitator', { name: s.facilitatorName }));
            return {
              ...s,
              municipality: current.municipality.trim(),
              title: current.title.trim(),
              purpose: current.purpose === '' ? s.purpose : current.purpose,
              plannerGroupId: s.plannerPlanId !== null ? s.plannerGroupId : current.groupId || null,
            };
          });
          const location: SessionLocation = { ...link.location, plannerGroupId: saved.value.plannerGroupId };
          const url = sessionUrl(config.appOrigin, { key: link.key, location });
          setExisting({ kind: 'found', link: { key: link.key, location }, session: saved });
          setProgress('stepUpdated');
          return { entityId: link.key, contentUrl: url, websiteUrl: url, suggestedDisplayName: saved.value.title };
        }
        setProgress('stepSite');
        const site: SiteChoice = await resolveSite(graph.directory, current, team);
        const location: SessionLocation = { siteId: site.id, siteUrl: site.webUrl, plannerGroupId: current.groupId || null };
        const store = graph.store(location);
        setProgress('stepLists');
        await store.provision();
        setProgress('stepSession');
        const created = await store.createSession({
          municipality: current.municipality.trim(),
          title: current.title.trim(),
          purpose: current.purpose === '' ? 'aanscherpen' : current.purpose,
          meetingId: context.meetingId,
          plannerGroupId: location.plannerGroupId,
          facilitator: { id: me.id, name: me.displayName },
        });
        const key = created.session.value.key;
        const url = sessionUrl(config.appOrigin, { key, location });
        setProgress('stepDone');
        return { entityId: key, contentUrl: url, websiteUrl: url, suggestedDisplayName: current.title.trim() };
      } catch (err) {
        setProgress(null);
        const text = err instanceof SiteNotFound ? t('siteNotFound', { url: err.url }) : describeErrorText(err, locale);
        setSaveError(text);
        throw new Error(text, { cause: err });
      }
    });
  }, [host, graph, me, config, team, context.meetingId, locale, t]);

  const set = <K extends keyof ConfigForm>(key: K, value: ConfigForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const touch = (key: keyof ConfigForm) => setTouched((s) => ({ ...s, [key]: true }));
  const problemFor = (key: keyof ConfigForm): string | undefined => {
    const problem: ConfigProblem | undefined = problems[key];
    return problem && touched[key] ? t(problem) : undefined;
  };
  const busy = progress !== null && progress !== 'stepDone' && progress !== 'stepUpdated';

  return (
    <main className={styles.root}>
      <Title3 as="h1">{t(editing ? 'editHeading' : 'heading')}</Title3>
      <Body1>{t(editing ? 'editIntro' : 'intro')}</Body1>
      {existing.kind === 'loading' ? <Body1 role="status">{t('editLoading')}</Body1> : null}
      {existing.kind === 'failed' ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('editFailed', { reason: existing.reason })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {existing.kind === 'found' && !mayEdit ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('editNotFacilitator', { name: existing.session.value.facilitatorName })}</MessageBarBody>
        </MessageBar>
      ) : null}

      {editing ? (
        existing.kind === 'found' ? (
          <Body1>{t('editSite', { url: existing.link.location.siteUrl })}</Body1>
        ) : null
      ) : (
        <>
          <Field label={t('site')} hint={t('siteOwnerHint')}>
            <RadioGroup value={form.siteMode} onChange={(_, d) => set('siteMode', d.value as ConfigForm['siteMode'])} disabled={busy}>
              {team ? <Radio value="team" label={t('siteTeam', { name: team.displayName ?? team.groupId })} /> : null}
              <Radio value="group" label={t('siteGroup')} />
              <Radio value="url" label={t('siteUrl')} />
            </RadioGroup>
          </Field>
          {form.siteMode === 'url' ? (
            <Field label={t('siteUrlLabel')} hint={t('siteUrlHint')} required validationMessage={problemFor('siteUrl')}>
              <Input type="url" value={form.siteUrl} onChange={(_, d) => set('siteUrl', d.value)} onBlur={() => touch('siteUrl')} disabled={busy} />
            </Field>
          ) : null}
        </>
      )}

      <Field
        label={t('group')}
        hint={groupsError ? t('groupsFailed', { reason: groupsError }) : groupLocked ? t('editGroupPublished') : t('groupHint')}
        validationMessage={problemFor('groupId')}
      >
        <Select value={form.groupId} onChange={(_, d) => set('groupId', d.value)} onBlur={() => touch('groupId')} disabled={busy || groups === null || groupLocked || (editing && !mayEdit)}>
          <option value="">{groups === null ? t('groupsLoading') : form.siteMode === 'group' ? t('groupChoose') : t('groupNone')}</option>
          {/* A session's group the person is not (or no longer) a member of still shows as chosen. */}
          {form.groupId !== '' && groups !== null && !groups.some((g) => g.id === form.groupId) ? <option value={form.groupId}>{form.groupId}</option> : null}
          {(groups ?? []).map((g) => (
            <option key={g.id} value={g.id}>
              {g.displayName}
            </option>
          ))}
        </Select>
      </Field>

      <Field label={t('municipality')} required validationMessage={problemFor('municipality')}>
        <Input value={form.municipality} maxLength={255} onChange={(_, d) => set('municipality', d.value)} onBlur={() => touch('municipality')} disabled={busy || (editing && !mayEdit)} />
      </Field>
      <Field label={t('title')} required validationMessage={problemFor('title')}>
        <Input value={form.title} maxLength={255} onChange={(_, d) => set('title', d.value)} onBlur={() => touch('title')} disabled={busy || (editing && !mayEdit)} />
      </Field>
      <Field label={t('purpose')} required validationMessage={problemFor('purpose')}>
        <RadioGroup
          value={form.purpose}
          onChange={(_, d) => {
            set('purpose', d.value as ConfigForm['purpose']);
            touch('purpose');
          }}
          disabled={busy || (editing && !mayEdit)}
        >
          {instrument.purposes.map((p) => (
            <Radio key={p.id} value={p.id} label={`${p.label}: ${p.description}`} />
          ))}
        </RadioGroup>
      </Field>

      {editing ? (
        <section className={styles.creates} aria-labelledby="config-creates">
          <Body1Strong as="h2" id="config-creates" block>
            {t('editUpdatesTitle')}
          </Body1Strong>
          <Body1 block>{t('editUpdates')}</Body1>
        </section>
      ) : (
        <section className={styles.creates} aria-labelledby="config-creates">
          <Body1Strong as="h2" id="config-creates" block>
            {t('createsTitle')}
          </Body1Strong>
          <Body1 block>{t('createsLists')}</Body1>
          <ul>
            <li>
              <Body1>{t('readsSession')}</Body1>
            </li>
            <li>
              <Body1>{t('readsAnswers')}</Body1>
            </li>
            <li>
              <Body1>{t('readsOwners')}</Body1>
            </li>
          </ul>
        </section>
      )}

      <InstallationCheck form={form} team={team} disabled={busy} />

      {progress ? (
        <Field validationMessage={t(progress)} validationState={progress === 'stepDone' || progress === 'stepUpdated' ? 'success' : 'none'}>
          <ProgressBar value={PROGRESS_VALUE[progress]} />
        </Field>
      ) : null}
      {saveError ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{saveError}</MessageBarBody>
        </MessageBar>
      ) : null}
    </main>
  );
}
