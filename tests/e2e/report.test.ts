// The Word report as a wethouder gets it: a whole session seeded through the app's own Graph layer
// (three civil servants and a GGD partner, a partner from another organisation entered "namens" by
// the facilitator, stap-2 answers, actions published to Planner), opened in the meeting tab, exported
// with "Exporteren naar Word", and converted to PDF by Debian's LibreOffice (scripts/ensure-libreoffice.sh).
// The PDF is read with poppler: page one is the samenvatting with the top gesprekspunt, every page
// is numbered, the stap-2 appendix has no empty questions. Pages one and two are written as PNG to
// test-results/report/ to be looked at.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { SEED } from '../../dev/graph-emulator/seed';
import { SIMULATOR_PATH } from '../../dev/teams-host/server';
import { AppConfigSchema } from '../../src/app/config';
import { buildGroupView, conversationOrder, onBehalfParticipant, type ActionItem, type Participant, type Response, type ThemeId } from '../../src/domain';
import { loadInstrument } from '../../src/domain/loadInstrument';
import { createGraphServices } from '../../src/graph';
import type { GraphServices, SessionLocation } from '../../src/graph/contracts';
import { sessionUrl } from '../../src/ui/session/location';
import { appTokenProvider, tokenUrl } from '../integration/support/emulatorClient';
import { meetingPerTestFile, ROOT, simulatorUrl, surfaces, waitReady } from './support/meeting';
import { exportReport, pageCount, pageText as textOfPage, requireReportTools, run, toPdf } from './support/report';

jest.setTimeout(90_000);

const { users, groups } = SEED;
const instrument = loadInstrument('nl');
const OUT = path.join(ROOT, 'test-results', 'report');
const meeting = meetingPerTestFile();

const people: { upn: string; participant: Participant; scores: Response['scores'] }[] = [
  {
    upn: users.facilitator.userPrincipalName,
    participant: { id: users.facilitator.id, name: users.facilitator.displayName, domain: 'armoede', department: users.facilitator.department },
    scores: { A: 3, B: 2, C: 3, D: 2, E: 4, F: 3 },
  },
  {
    upn: users.debtCounsellor.userPrincipalName,
    participant: { id: users.debtCounsellor.id, name: users.debtCounsellor.displayName, domain: 'armoede', department: users.debtCounsellor.department },
    scores: { A: 2, B: 1, C: 3, D: 2, E: 4, F: 3 },
  },
  {
    upn: users.healthPolicy.userPrincipalName,
    participant: { id: users.healthPolicy.id, name: users.healthPolicy.displayName, domain: 'gezondheid', department: users.healthPolicy.department },
    scores: { A: 3, B: 5, C: 3, D: 'weetNiet', E: 4, F: 2 },
  },
  {
    upn: users.ggdNurse.userPrincipalName,
    participant: { id: users.ggdNurse.id, name: users.ggdNurse.displayName, domain: 'partner', partnerLabel: 'GGD Hart voor Brabant', department: users.ggdNurse.department },
    scores: { A: 2, B: 4, C: 2, D: 4, E: 3, F: 3 },
  },
];
const PARTNER_SCORES: Response['scores'] = { A: 4, B: 1, C: 'weetNiet', D: 2, E: 4, F: 3 };

function step2Of(i: number): Response['step2'] {
  const theme = instrument.themes[i % 2];
  const question = theme?.questions[0];
  const option = question?.options[i % 3];
  if (!theme || !question || !option) throw new Error('the instrument has fewer themes than the test needs');
  return { questions: { [question.id]: { selected: [option.id], freeText: {} } }, comments: i === 0 ? { A: 'Een gedeelde visie ontbreekt nog.' } : {} };
}

function servicesFor(origin: string, upn: string): GraphServices {
  const config = AppConfigSchema.parse({ auth: { mode: 'dev', tokenUrl: tokenUrl(origin), clientId: SEED.apps.gesprekstool.clientId }, graph: { loopbackOrigin: origin }, appOrigin: 'https://localhost:4210' });
  return createGraphServices(config, appTokenProvider(origin, upn), { instrument });
}

/** The session, closed, as the facilitator's client leaves it: answers, group view, agenda in Planner. */
async function seedSession(origin: string): Promise<{ key: string; location: SessionLocation; expectedTop: string }> {
  const site = groups.team.site;
  const location: SessionLocation = { siteId: site.id, siteUrl: `https://${SEED.host}${site.path}`, plannerGroupId: groups.team.id };
  const facilitatorServices = servicesFor(origin, users.facilitator.userPrincipalName);
  const store = facilitatorServices.store(location);
  await store.provision();
  const by = { id: users.facilitator.id, name: users.facilitator.displayName };
  const created = await store.createSession({ municipality: 'Lelystad', title: 'Armoede en gezondheid, voorjaar 2026', purpose: 'agendering', meetingId: null, plannerGroupId: groups.team.id, facilitator: by });
  const key = created.session.value.key;

  const answers: Response[] = [];
  for (const [i, person] of people.entries()) {
    const own = servicesFor(origin, person.upn).store(location);
    const joined = await own.join(key, person.participant);
    const saved = await own.saveResponse(joined, { ...joined.value, scores: person.scores, step2: step2Of(i), done: { step1: '2026-03-01T09:30:00.000Z', step2: '2026-03-01T10:00:00.000Z' } });
    answers.push(saved.value);
  }
  // A partner from another organisation's tenant, entered by the facilitator on his behalf.
  const partner = onBehalfParticipant({ name: users.externalPartner.displayName, domain: 'partner', organisation: 'Welzijn Lelystad', department: '' }, by, (n) => new Uint8Array(n).map((_, i) => (i * 13 + 5) & 255));
  const partnerItem = await store.join(key, partner);
  answers.push((await store.saveResponse(partnerItem, { ...partnerItem.value, scores: PARTNER_SCORES, done: { step1: '2026-03-01T09:35:00.000Z' } })).value);

  const actions: ActionItem[] = [
    { theme: 'B', title: 'Wijkcijfers van de GGD koppelen aan de schuldhulpdata', owner: users.ggdNurse, department: 'GGD', dueDate: '2026-06-01' },
    { theme: 'A', title: 'Gezamenlijke visie op armoede en gezondheid schrijven', owner: users.facilitator, department: 'Beleid', dueDate: '2026-05-15' },
    { theme: 'D', title: 'Signaleringsafspraken met huisartsen maken', owner: users.healthPolicy, department: 'Publieke Gezondheid', dueDate: '2026-09-01' },
  ].map((a, i) => ({ id: `a-report-${i}`, sessionKey: key, theme: a.theme as ThemeId, title: a.title, ownerId: a.owner.id, ownerName: a.owner.displayName, department: a.department, dueDate: a.dueDate, status: 'open', proposedBy: a.owner.id, plannerTaskId: null, plannerTaskUrl: null }));
  for (const action of actions) await store.saveAction(action, null);
  const themes = Object.fromEntries(instrument.themes.map((t) => [t.id, { title: t.title, statement: t.statement }])) as Record<ThemeId, { title: string; statement: string }>;
  const published = await facilitatorServices.publisher.publish(await store.openSession(key), { groupId: groups.team.id, planTitle: 'Gesprekstool Lelystad', themes, linkBack: 'https://localhost:4210/', location, by });
  expect(published.outcomes.filter((o) => o.kind === 'failed')).toEqual([]);

  const opened = await store.openSession(key);
  const sources = await store.readForGroup(opened.session, { actions: true });
  await store.updateSession(sources.session, (s) => ({
    ...s,
    state: 'closed',
    notes: 'Over het zicht op de problematiek (B) lopen de meningen sterk uiteen.\nDe GGD heeft wijkcijfers die de gemeente nog niet gebruikt.',
    followUp: { meetAgain: true, meetAgainDate: '2026-10-01', accountability: 'Elke zes weken een korte voortgangsmail van de gespreksleider.' },
    group: buildGroupView({ ...s, state: 'closed' }, sources.responses.map((r) => r.value), sources.actions, '2026-03-01T10:30:00.000Z'),
  }));
  const top = conversationOrder(answers)[0];
  const expectedTop = `${top?.theme}. ${instrument.themes.find((t) => t.id === top?.theme)?.title}`;
  return { key, location, expectedTop };
}

describe('the Word report of a whole session, as a PDF', () => {
  beforeAll(() => {
    requireReportTools();
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
  });

  test('page one is the samenvatting, every page is numbered, and the stap-2 appendix has only answered questions', async () => {
    const world = meeting();
    const { page } = world;
    const { key, location, expectedTop } = await seedSession(world.emulator.origin);

    // The tab as Teams has it after the configuration saved it, opened on the Tabblad view.
    const contentUrl = sessionUrl(world.server.origin, { key, location });
    const put = await fetch(`${world.server.origin}${SIMULATOR_PATH}state`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ tab: { entityId: key, contentUrl, websiteUrl: contentUrl } }) });
    expect(put.status).toBe(200);
    await page.goto(simulatorUrl(world, { users: [users.facilitator, users.debtCounsellor], view: 'tab' }));
    await waitReady(surfaces.tabCard(page));
    const tab = surfaces.tab(page);
    const docxFile = await exportReport(page, tab, OUT, 'report');

    // The chart was drawn into the document, and the published actions link to Planner.
    const zip = await JSZip.loadAsync(readFileSync(docxFile));
    expect(Object.keys(zip.files).filter((n) => /^word\/media\/.+\.png$/.test(n))).toHaveLength(1);
    const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
    expect([...rels.matchAll(/Target="https:\/\/planner\.cloud\.microsoft\/webui\/plan\/[^"]+\/task\/[^"]+" TargetMode="External"/g)]).toHaveLength(3);

    const pdf = toPdf(docxFile);
    expect(existsSync(pdf)).toBe(true);

    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(4);
    const pageText = (n: number) => textOfPage(pdf, n);
    const one = pageText(1).replace(/\s+/g, ' ');
    for (const heading of ['Samenvatting', 'Doel van het gesprek', 'Wat het gesprek opleverde', 'Wat wij van het college vragen', 'Wie deden mee', 'Belangrijkste gesprekspunten', 'Wat opvalt', 'Belangrijkste afspraken', 'Volgende bijeenkomst']) {
      expect({ heading, onPageOne: one.includes(heading) }).toEqual({ heading, onPageOne: true });
    }
    expect(one).toContain(expectedTop);
    expect(one).toContain('Ingevuld door Marieke de Vries namens Pieter Mulder, Welzijn Lelystad');
    expect(one).toContain('GGD Hart voor Brabant');
    expect(one).toContain('De groep komt op 1 oktober 2026 in dezelfde samenstelling weer bij elkaar.');
    // Page numbers on every page, counted against the whole.
    for (let n = 1; n <= pages; n += 1) expect(pageText(n)).toContain(`Pagina ${n} van ${pages}`);

    const all = run('pdftotext', ['-layout', pdf, '-']);
    const appendix = all.slice(all.indexOf('Bijlage: stap 2'));
    expect(appendix.length).toBeGreaterThan(100);
    expect(appendix).not.toMatch(/Geen antwoorden/);
    expect(appendix).toContain('Een gedeelde visie ontbreekt nog.');

    run('pdftoppm', ['-f', '1', '-l', '2', '-r', '80', '-png', pdf, path.join(OUT, 'page')]);
    expect(readdirSync(OUT).filter((n) => /^page-\d+\.png$/.test(n))).toHaveLength(2);
    expect(world.pageErrors).toEqual([]);
  });
});
