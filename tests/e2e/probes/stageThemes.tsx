// A test probe, not the app: the stage's stap 2 and stap 3 theme views (Step2Theme, Step3Theme) with
// a made-up session, in the stage's own type size and width, so a browser test can measure them at
// 1280 and 1920 px in Teams' three themes without the whole meeting around them. Built on demand by
// tests/e2e/stageThemes.test.ts (webpack.config.js `--env appEntry=`); the query picks the view:
// ?view=step2|step3&theme=A…F&mode=separate|joint&display=perPerson|perDomain|anonymous&fluent=light|dark|contrast&open=1
import { FluentProvider, makeStyles, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, tokens } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { loadInstrument } from '../../../src/domain/loadInstrument';
import { emptyStep2, type ActionItem, type DisplayMode, type Participant, type Response, type Step2Answers, type ThemeId } from '../../../src/domain/model';
import { LocaleProvider } from '../../../src/ui/i18n';
import { Step2Theme } from '../../../src/ui/stage/Step2Theme';
import { Step3Theme } from '../../../src/ui/stage/Step3Theme';

const query = new URLSearchParams(location.search);
const instrument = loadInstrument('nl');
const theme = (query.get('theme') ?? 'B') as ThemeId;

const people: Participant[] = [
  { id: 'u-sanne', name: "Sanne van 't Hof", domain: 'armoede', department: 'Schuldhulpverlening' },
  { id: 'u-pieter', name: 'Pieter Mulder', domain: 'armoede', department: 'Inkomen' },
  { id: 'u-bram', name: 'Bram Jansen', domain: 'gezondheid', department: 'Publieke Gezondheid' },
  { id: 'u-lotte', name: 'Lotte van den Heuvel', domain: 'partner', partnerLabel: 'GGD Hart voor Brabant', department: 'Gezondheidsbevordering' },
];
const [sanne, pieter, bram, lotte] = people as [Participant, Participant, Participant, Participant];

function answers(questions: Record<string, string[]>, freeText: Record<string, Record<string, string>> = {}, comments: Step2Answers['comments'] = {}): Step2Answers {
  return { questions: Object.fromEntries(Object.entries(questions).map(([id, selected]) => [id, { selected, freeText: freeText[id] ?? {} }])), comments };
}
const long = 'We hebben wel cijfers van de GGD-monitor, maar die zijn niet per wijk uit te splitsen en worden niet gekoppeld aan de bestanden van schuldhulpverlening; daardoor zien we de combinatie niet.';
const step2: Record<string, Step2Answers> = {
  [sanne.id]: answers({ q1: ['q1.a', 'q1.b'], q2: ['q2.a', 'q2.c'], q3: ['q3.b', 'q3.d'], q5: ['q5.b'], q12: ['q12.a'], q13: ['q13.c'], q14: ['q14.a', 'q14.e'] }, { q5: { 'q5.b': 'gezinnen met jonge kinderen' }, q12: { 'q12.a': 'Coalitieakkoord 2022–2026, hoofdstuk Bestaanszekerheid' } }),
  [pieter.id]: answers({ q1: ['q1.c'], q2: ['q2.a'], q3: ['q3.a'], q5: ['q5.e'], q12: ['q12.b'], q14: ['q14.b', 'q14.h'] }, { q5: { 'q5.e': 'het beleid is nog in ontwikkeling' }, q14: { 'q14.h': 'een gedeelde monitor' } }),
  [bram.id]: answers({ q1: ['q1.a', 'q1.f'], q2: ['q2.e'], q3: ['q3.i'], q13: ['q13.d'] }, { q1: { 'q1.f': 'Gezondheidsverschillen nemen toe in Noord' }, q2: { 'q2.e': long }, q13: { 'q13.d': 'de portefeuilles zijn verdeeld' } }, { B: 'Dit moeten we samen met de GGD uitzoeken voor het najaar.' }),
  [lotte.id]: answers({ q2: ['q2.b', 'q2.d'], q3: ['q3.d', 'q3.h'] }, { q2: { 'q2.d': 'de schuldenproblematiek per postcode' }, q3: { 'q3.h': 'jaarlijkse wijkschouw' } }),
};
const responses: Pick<Response, 'participant' | 'step2'>[] = people.map((p) => ({ participant: p, step2: step2[p.id] ?? emptyStep2() }));
const joint = answers({ q1: ['q1.a', 'q1.b', 'q1.c'], q2: ['q2.a', 'q2.b'], q3: ['q3.a', 'q3.b', 'q3.d'], q14: ['q14.a', 'q14.d'] }, {}, { B: 'Samen: de cijfers per wijk eerst.' });

function action(id: string, t: ThemeId, title: string, owner: Participant | null): ActionItem {
  return { id, sessionKey: 'probe', theme: t, title, ownerId: owner?.id ?? null, ownerName: owner?.name ?? null, department: owner?.department ?? '', dueDate: '2026-06-01', status: 'open', proposedBy: sanne.id, plannerTaskId: null, plannerTaskUrl: null };
}
const actions: ActionItem[] = [
  action('a-1', 'B', 'Cijfers armoede en gezondheid per wijk koppelen en in de wijkteams bespreken', bram),
  action('a-2', 'B', 'Wijkschouw Noord met de GGD plannen', lotte),
  action('a-3', 'D', 'Vroegsignalering van betalingsachterstanden uitbreiden naar zorgpremies', sanne),
  action('a-4', 'D', 'Huisartsen in Noord informeren over de schuldhulproute', null),
];

const useStyles = makeStyles({
  // The stage's own frame (src/ui/stage/StagePage.tsx): large type, at most 1400 px wide.
  root: {
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    maxWidth: '1400px',
    margin: '0 auto',
    '& h2': { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
  },
});

function Probe() {
  const styles = useStyles();
  const noop = () => undefined;
  return (
    <main className={styles.root}>
      <h1>Probe: stage {query.get('view')}</h1>
      {query.get('view') === 'step3' ? (
        <Step3Theme
          instrument={instrument}
          theme={theme}
          onThemeChange={noop}
          sessionKey="probe"
          participants={people}
          actions={actions}
          editable
          today="2026-03-10"
          actorId={sanne.id}
          newActionId={() => 'a-new'}
          onSave={async () => true}
          onDelete={async () => true}
        />
      ) : (
        <Step2Theme
          instrument={instrument}
          theme={theme}
          mode={query.get('mode') === 'joint' ? 'joint' : 'separate'}
          display={(query.get('display') ?? 'perPerson') as DisplayMode}
          joint={query.get('mode') === 'joint' ? joint : null}
          responses={responses}
          onThemeChange={noop}
        />
      )}
    </main>
  );
}

const fluent = { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme }[query.get('fluent') ?? 'light'] ?? teamsLightTheme;
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
document.body.style.margin = '0';
createRoot(container).render(
  <LocaleProvider locale="nl">
    <FluentProvider theme={fluent} style={{ minHeight: '100vh' }}>
      <Probe />
    </FluentProvider>
  </LocaleProvider>,
);
