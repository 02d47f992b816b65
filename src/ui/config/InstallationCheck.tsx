// "Controleer de installatie" on the configuration page: the owner tries, before the meeting, every
// permission the app will need on the chosen site and group, and reads per line what works and
// what to ask the administrator or the site's owner for. Nothing is created by the check.
import { Body1, Button, Spinner, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { CheckId, CheckLine } from '../../graph';
import { describeErrorText } from '../common/errors';
import { defineMessages, useT } from '../i18n';
import { useAppServices } from '../session';
import { resolveSite, SiteNotFound, type TeamOfTab } from './resolveSite';
import type { ConfigForm } from './validation';

const messages = defineMessages({
  nl: {
    heading: 'Controleer de installatie',
    intro: 'Probeer vóór de vergadering of alles werkt wat de app op deze site en in deze groep nodig heeft. Er wordt niets aangemaakt.',
    run: 'Controleer de installatie',
    again: 'Opnieuw controleren',
    running: 'Bezig met controleren…',
    caption: 'Uitkomst per onderdeel',
    part: 'Onderdeel',
    outcome: 'Uitkomst',
    siteFailed: 'De site kon niet worden gevonden. {reason}',
    siteNotFound: 'Op {url} is geen SharePoint-site gevonden. Controleer het adres of kies hierboven een andere site.',
    allWell: 'Alles werkt. Opslaan maakt aan wat nog ontbreekt.',
    toFix: 'Te regelen: {count} punt(en). Zie de tabel.',
    signIn: 'Aanmelden',
    site: 'De site lezen',
    siteOwner: 'Eigenaar van de site',
    provisioning: 'Lijsten aanmaken',
    lists: 'Sessies, antwoorden en acties lezen en schrijven',
    itemLevel: 'Ieder ziet alleen de eigen antwoorden',
    planner: 'Planner van de groep',
    groupMembers: 'Leden van de groep opzoeken',
    teams: 'Teams herkennen bij de groepen',
    ok: 'Werkt.',
    listsMissing: 'De lijsten bestaan nog niet; Opslaan maakt ze aan.',
    notItemLevelTodo: 'Nog niet ingesteld; Opslaan stelt het in.',
    notItemLevelFail: 'Niet ingesteld, en alleen een eigenaar van de site kan dat instellen. Vraag een eigenaar om de app één keer op te slaan.',
    notOwner: 'U bent geen eigenaar van de site. Vraag een eigenaar van de site (bij een teamsite: een eigenaar van het team) om u eigenaar te maken.',
    consentRequired: 'Nog geen toestemming. Vraag de Microsoft 365-beheerder om toestemming voor de organisatie voor {scopes}.',
    accessDeniedSite: 'Geweigerd: u heeft geen toegang tot deze site. Vraag een eigenaar van de site om u lid te maken.',
    accessDeniedGroup: 'Geweigerd: u bent geen lid van deze groep, of de beheerder heeft {scopes} niet toegestaan.',
    accessDenied: 'Geweigerd. Vraag de Microsoft 365-beheerder of {scopes} is toegestaan.',
    notFound: 'Niet gevonden. Controleer of de site en de groep nog bestaan.',
    transient: 'Kon nu niet worden gecontroleerd (Microsoft 365 is druk of de verbinding is weg). Probeer het zo opnieuw.',
    other: 'Niet gelukt ({code}). Vraag de beheerder om hulp.',
    noGroup: 'Niet gecontroleerd: kies eerst een groep voor Planner.',
    skipped: 'Niet gecontroleerd: aanmelden lukte niet.',
    skippedLists: 'Niet gecontroleerd: de lijsten konden niet worden gelezen.',
  },
  en: {
    heading: 'Check the installation',
    intro: 'Try before the meeting whether everything the app needs on this site and in this group works. Nothing is created.',
    run: 'Check the installation',
    again: 'Check again',
    running: 'Checking…',
    caption: 'Outcome per part',
    part: 'Part',
    outcome: 'Outcome',
    siteFailed: 'The site could not be found. {reason}',
    siteNotFound: 'There is no SharePoint site at {url}. Check the address or choose another site above.',
    allWell: 'Everything works. Save creates what is still missing.',
    toFix: 'To sort out: {count} point(s). See the table.',
    signIn: 'Signing in',
    site: 'Reading the site',
    siteOwner: 'Owner of the site',
    provisioning: 'Creating lists',
    lists: 'Reading and writing sessions, answers and actions',
    itemLevel: 'Everyone sees only their own answers',
    planner: "The group's Planner",
    groupMembers: "Looking up the group's members",
    teams: 'Recognising teams among the groups',
    ok: 'Works.',
    listsMissing: 'The lists do not exist yet; Save creates them.',
    notItemLevelTodo: 'Not set yet; Save sets it.',
    notItemLevelFail: 'Not set, and only an owner of the site can set it. Ask an owner to save the app once.',
    notOwner: "You are not an owner of the site. Ask an owner of the site (for a team site: an owner of the team) to make you an owner.",
    consentRequired: 'No consent yet. Ask the Microsoft 365 administrator to grant consent for the organisation for {scopes}.',
    accessDeniedSite: 'Refused: you have no access to this site. Ask an owner of the site to make you a member.',
    accessDeniedGroup: 'Refused: you are not a member of this group, or the administrator has not allowed {scopes}.',
    accessDenied: 'Refused. Ask the Microsoft 365 administrator whether {scopes} is allowed.',
    notFound: 'Not found. Check that the site and the group still exist.',
    transient: 'Could not be checked now (Microsoft 365 is busy or the connection is gone). Try again shortly.',
    other: 'Did not work ({code}). Ask the administrator for help.',
    noGroup: 'Not checked: choose a group for Planner first.',
    skipped: 'Not checked: signing in did not work.',
    skippedLists: 'Not checked: the lists could not be read.',
  },
});

type Message = keyof typeof messages.nl;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  table: { width: '100%' },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  todo: { fontWeight: tokens.fontWeightSemibold },
  fail: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const GROUP_LINES: ReadonlySet<CheckId> = new Set(['planner', 'groupMembers']);

function sentence(line: CheckLine): { key: Message; values?: Record<string, string | number> } {
  const scopes = line.scopes.join(', ');
  if (line.outcome === 'ok') return { key: 'ok' };
  switch (line.problem) {
    case 'listsMissing':
      return { key: line.id === 'itemLevel' && line.outcome === 'skipped' ? 'skippedLists' : 'listsMissing' };
    case 'notItemLevel':
      return { key: line.outcome === 'todo' ? 'notItemLevelTodo' : 'notItemLevelFail' };
    case 'notOwner':
      return { key: 'notOwner' };
    case 'noGroup':
      return { key: 'noGroup' };
    case 'consentRequired':
      return { key: 'consentRequired', values: { scopes } };
    case 'accessDenied':
      if (line.id === 'site' || line.id === 'lists') return { key: 'accessDeniedSite' };
      return { key: GROUP_LINES.has(line.id) ? 'accessDeniedGroup' : 'accessDenied', values: { scopes } };
    case 'notFound':
      return { key: 'notFound' };
    case 'throttled':
    case 'offline':
    case 'service':
      return { key: 'transient' };
    case null:
      return { key: line.id === 'itemLevel' ? 'skippedLists' : 'skipped' };
    default:
      return { key: 'other', values: { code: line.problem } };
  }
}

export function InstallationCheck({ form, team, disabled }: { form: ConfigForm; team: TeamOfTab | null; disabled: boolean }) {
  const { graph, locale } = useAppServices();
  const t = useT(messages);
  const styles = useStyles();
  const [running, setRunning] = useState(false);
  const [lines, setLines] = useState<CheckLine[] | null>(null);
  const [siteError, setSiteError] = useState<string | null>(null);
  const groupId = form.groupId || (form.siteMode === 'team' ? (team?.groupId ?? '') : '');

  const run = async () => {
    setRunning(true);
    setSiteError(null);
    setLines(null);
    try {
      const site = await resolveSite(graph.directory, form, team);
      setLines(await graph.installation.check({ siteId: site.id, siteUrl: site.webUrl, groupId: groupId || null }));
    } catch (err) {
      setSiteError(err instanceof SiteNotFound ? t('siteNotFound', { url: err.url }) : t('siteFailed', { reason: describeErrorText(err, locale) }));
    } finally {
      setRunning(false);
    }
  };

  const toFix = lines?.filter((l) => l.outcome === 'fail').length ?? 0;
  return (
    <section className={styles.root} aria-labelledby="installation-check-heading">
      <Subtitle2 as="h2" id="installation-check-heading">
        {t('heading')}
      </Subtitle2>
      <Body1>{t('intro')}</Body1>
      <Button onClick={() => void run()} disabled={disabled || running}>
        {lines || siteError ? t('again') : t('run')}
      </Button>
      <div role="status">
        {running ? <Spinner size="tiny" label={t('running')} /> : null}
        {siteError ? <Body1>{siteError}</Body1> : null}
        {lines ? <Body1>{toFix === 0 ? t('allWell') : t('toFix', { count: toFix })}</Body1> : null}
      </div>
      {lines ? (
        <Table className={styles.table} size="small" aria-label={t('caption')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('part')}</TableHeaderCell>
              <TableHeaderCell>{t('outcome')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {lines.map((line) => {
              const { key, values } = sentence(line);
              return (
                <TableRow key={line.id} data-check={line.id} data-outcome={line.outcome}>
                  <TableCell>{t(line.id)}</TableCell>
                  <TableCell>
                    <span className={line.outcome === 'ok' ? styles.ok : line.outcome === 'fail' ? styles.fail : styles.todo}>{t(key, values)}</span>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}
