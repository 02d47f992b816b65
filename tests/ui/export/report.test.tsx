import * as docx from 'docx';
import JSZip from 'jszip';
import type { ActionItem, Participant, Session } from '../../../src/domain';
import { sidesOf } from '../../../src/domain/contradictions';
import { loadInstrument } from '../../../src/domain/loadInstrument';
import { buildReportDocument } from '../../../src/ui/export/reportDocument';
import { buildReportModel, type ReportInput } from '../../../src/ui/export/reportModel';
import { reportFileName } from '../../../src/ui/export/exportReport';
import { anouk, bram, instrumentNl, response, sanne } from '../charts/fixtures';

const markup = '<img src=x onerror=alert(1)>';
const q1 = instrumentNl.themes[0]?.questions[0];
const freeOption = q1?.options.find((o) => o.freeText);
if (!q1 || !freeOption) throw new Error('question 1 needs a free-text option');

const PLANNER_URL = 'https://planner.cloud.microsoft/webui/plan/p-1/view/board/task/t-1';

const session: Session = {
  key: 's-1',
  municipality: 'Lelystad',
  title: 'Armoede en gezondheid voorjaar 2026',
  purpose: 'agendering',
  date: '2026-03-01T09:00:00.000Z',
  meetingId: null,
  facilitatorId: anouk.id,
  facilitatorName: anouk.name,
  instrumentVersion: instrumentNl.version,
  state: 'closed',
  locked: false,
  mode: 'separate',
  notes: 'Over B verschillen we sterk van mening.',
  explanation: '',
  followUp: { meetAgain: true, meetAgainDate: '2026-09-15', accountability: 'Elke maand een korte mail' },
  plannerGroupId: null,
  plannerPlanId: null,
};
const ggd: Participant = { ...bram, domain: 'partner', partnerLabel: 'GGD Flevoland' };
const responses = [
  response(anouk, { A: 4, B: 1, C: 3 }, { step2: { questions: { [q1.id]: { selected: [freeOption.id], freeText: { [freeOption.id]: markup } } }, comments: { A: 'Tekst met & en "quotes"' } } }),
  response(ggd, { A: 4, B: 5, C: 'weetNiet' }),
  response({ ...sanne, domain: 'gezondheid' }, { A: 3, B: 3 }),
];
const actions: ActionItem[] = [
  { id: 'a-1', sessionKey: 's-1', theme: 'B', title: 'Wijkcijfers koppelen', ownerId: bram.id, ownerName: bram.name, department: 'GGD', dueDate: '2026-06-01', status: 'open', proposedBy: null, plannerTaskId: 't-1', plannerTaskUrl: PLANNER_URL },
  { id: 'a-2', sessionKey: 's-1', theme: 'A', title: 'Visie schrijven', ownerId: null, ownerName: null, department: '', dueDate: null, status: 'done', proposedBy: null, plannerTaskId: null, plannerTaskUrl: null },
];
const input: ReportInput = { instrument: instrumentNl, session, responses, actions, locale: 'nl' };

interface Parts {
  document: string;
  footer: string;
  styles: string;
  core: string;
  rels: string;
}

async function parts(given: ReportInput = input): Promise<Parts> {
  // No chart image here: jsdom has no canvas, so the report carries the score table only.
  const buffer = await docx.Packer.toBuffer(buildReportDocument(docx, buildReportModel(given), null));
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => {
    const text = await zip.file(name)?.async('string');
    if (text === undefined) throw new Error(`no ${name} in the document`);
    return text;
  };
  const footerName = Object.keys(zip.files).find((n) => /^word\/footer\d+\.xml$/.test(n));
  if (!footerName) throw new Error('the document has no footer');
  return { document: await read('word/document.xml'), footer: await read(footerName), styles: await read('word/styles.xml'), core: await read('docProps/core.xml'), rels: await read('word/_rels/document.xml.rels') };
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The visible text of a part: the contents of every <w:t>, entities decoded. */
function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? '')).join('|');
}

/** Every paragraph as [style, text]. */
function paragraphs(xml: string): { style: string | null; text: string; pageBreakBefore: boolean }[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const body = m[1] ?? m[2] ?? '';
    return { style: /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? null, text: textOf(body).replace(/\|/g, ''), pageBreakBefore: body.includes('<w:pageBreakBefore/>') };
  });
}

const headings = (xml: string, style: string) => paragraphs(xml).filter((p) => p.style === style).map((p) => p.text);

/** Paragraphs before the first one that starts a new page: page one. */
function pageOne(xml: string): string[] {
  const all = paragraphs(xml);
  const end = all.findIndex((p) => p.pageBreakBefore);
  return all.slice(0, end < 0 ? all.length : end).map((p) => p.text);
}

describe('Word report', () => {
  it('keeps markup in a free text as literal text, never as an element', async () => {
    const { document } = await parts();
    expect(document).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(document).not.toContain('<img');
    expect(textOf(document)).toContain(`${freeOption.text} ${markup}`);
    expect(textOf(document)).toContain('Tekst met & en "quotes"');
  });

  it('uses Word’s own Title and Heading styles, so the document can be navigated', async () => {
    const { document } = await parts();
    expect(headings(document, 'Title')).toEqual(['Armoede en gezondheid voorjaar 2026']);
    expect(headings(document, 'Heading1')).toEqual([
      'Samenvatting',
      'Stap 1: de balans – waar staat de gemeente?',
      'Stap 3: actieagenda',
      'Bijlage: stap 2, verdieping op zes thema’s',
      'Over de gesprekstool',
    ]);
    expect(headings(document, 'Heading2')).toEqual(
      expect.arrayContaining(['Doel van het gesprek', 'Wie deden mee', 'Belangrijkste gesprekspunten', 'Wat opvalt', 'Belangrijkste afspraken', 'Volgende bijeenkomst', 'Scores per stelling']),
    );
  });

  it('puts the samenvatting on page one: purpose, who took part by domain, gesprekspunten with the extremes named, notes, actions, next meeting', async () => {
    const page = pageOne((await parts()).document);
    expect(page).toContain('Gemeente Lelystad · 1 maart 2026');
    expect(page).toContain(`Agendering – ${instrumentNl.purposes.find((p) => p.id === 'agendering')?.description}`);
    expect(page).toContain('Armoede en schulden: Anouk de Vries, Sociaal domein');
    expect(page).toContain(`Gezondheid: Sanne van 't Hof, Wijkteam`);
    expect(page).toContain('Partnerorganisaties: Bram Jansen, GGD Flevoland');
    expect(page).toContain('B. Zicht op de lokale problematiek en kansen – Anouk de Vries: 1 ↔ Bram Jansen: 5');
    expect(page).toContain('Over B verschillen we sterk van mening.');
    // Actions by date, the undated one last; an action without an owner says so.
    expect(page.indexOf('Wijkcijfers koppelen – Bram Jansen, uiterlijk 1 juni 2026')).toBeGreaterThan(-1);
    expect(page.indexOf('Visie schrijven – Nog niemand, zonder datum')).toBeGreaterThan(page.indexOf('Wijkcijfers koppelen – Bram Jansen, uiterlijk 1 juni 2026'));
    expect(page).toContain('De groep komt op 15 september 2026 in dezelfde samenstelling weer bij elkaar.');
    // The detail is not on page one.
    expect(page).not.toContain('Scores per stelling');
  });

  it('writes the samenvatting for the wethouder when the purpose is Agendering, and not otherwise', async () => {
    const agendering = buildReportModel(input).summary.forExecutive;
    expect(agendering?.found.join(' ')).toContain('Op 1 maart 2026 bespraken 3 deelnemers uit armoede en schulden, partnerorganisaties en gezondheid');
    expect(agendering?.found.join(' ')).toContain('De meningen lopen het verst uiteen over B. Zicht op de lokale problematiek en kansen');
    expect(agendering?.ask).toEqual(expect.arrayContaining(['kennis te nemen van deze uitkomsten', 'de 2 afspraken uit de actieagenda te steunen en de uitvoering te volgen']));
    expect(pageOne((await parts()).document)).toContain('Wij vragen het college:');

    const other = { ...input, session: { ...session, purpose: 'aanscherpen' as const } };
    expect(buildReportModel(other).summary.forExecutive).toBeNull();
    expect(pageOne((await parts(other)).document)).not.toContain('Wij vragen het college:');
  });

  it('shows stap 1 as a table with a header row, the gesprekspunten highlighted and marked in words', async () => {
    const { document } = await parts();
    const tables = [...document.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1] ?? '');
    const scores = tables.find((t) => textOf(t).includes('Stelling'));
    if (!scores) throw new Error('no score table');
    expect(scores).toContain('<w:tblHeader/>');
    const rows = [...scores.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>|<w:tr [^>]*>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1] ?? m[2] ?? '');
    const rowOf = (theme: string) => rows.find((r) => textOf(r).startsWith(`${theme}. `)) ?? '';
    expect(textOf(rows[0] ?? '')).toBe('Stelling|Anouk de Vries|Armoede en schulden|Bram Jansen|GGD Flevoland|Sanne van \'t Hof|Gezondheid|Gem.|Spreiding');
    expect(rowOf('B')).toContain('w:fill="FFF2CC"');
    expect(textOf(rowOf('B'))).toContain('● Gesprekspunt');
    expect(textOf(rowOf('B'))).toContain('1|5|3|3|4');
    expect(rowOf('A')).not.toContain('w:fill="FFF2CC"');
    expect(textOf(rowOf('C'))).toContain('3|?|–');
  });

  it('keeps what was said per statement on the stage, under its own heading, in the instrument’s order', async () => {
    const noted: Session = { ...session, stageFocus: { step: 'step1', theme: null, discussed: { step1: ['B'] }, notes: { D: 'Huisartsen signaleren al', B: `De GGD heeft wijkcijfers ${markup}` }, timer: null } };
    const { document } = await parts({ ...input, session: noted });
    const all = paragraphs(document);
    const at = all.findIndex((p) => p.text === 'Wat er per stelling is gezegd');
    expect(all[at]?.style).toBe('Heading3');
    expect(all.slice(at + 1, at + 3).map((p) => p.text)).toEqual([`B. ${instrumentNl.themes[1]?.title}: De GGD heeft wijkcijfers ${markup}`, `D. ${instrumentNl.themes[3]?.title}: Huisartsen signaleren al`]);
    // Without notes there is no such heading.
    expect(paragraphs((await parts()).document).some((p) => p.text === 'Wat er per stelling is gezegd')).toBe(false);
  });

  it('has the agenda as one table whose published actions link to their Planner task', async () => {
    const { document, rels } = await parts();
    const text = textOf(document);
    expect(text).toContain('Thema|Actie|Wie|Afdeling|Uiterlijk klaar op|Status|Planner');
    expect(text).toContain('A. Visie op armoede, schulden en gezondheid|Visie schrijven|Nog niemand||geen datum|afgerond');
    expect(text).toContain('B. Zicht op de lokale problematiek en kansen|Wijkcijfers koppelen|Bram Jansen|GGD|1 juni 2026|open|Openen');
    const link = /<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/.exec(document);
    expect(textOf(link?.[2] ?? '')).toBe('Openen');
    const target = new RegExp(`<Relationship Id="${link?.[1]}" Type="[^"]+/hyperlink" Target="([^"]+)" TargetMode="External"/>`).exec(rels);
    expect(decode(target?.[1] ?? '')).toBe(PLANNER_URL);
    expect([...document.matchAll(/<w:hyperlink /g)]).toHaveLength(1);
  });

  it('numbers every page in the footer and names the instrument', async () => {
    const { footer } = await parts();
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(textOf(footer)).toContain('Gesprekstool armoede en gezondheid – Verwey-Jonker Instituut en Gezond in... (Pharos en Platform31), 2018');
    expect(textOf(footer)).toContain('Pagina ');
  });

  it('lists in the stap-2 appendix only the questions someone answered, never "Geen antwoorden"', async () => {
    const { document } = await parts();
    const text = textOf(document);
    expect(text).not.toMatch(/Geen antwoorden/);
    const appendix = headings(document, 'Heading3');
    expect(appendix).toContain(`${q1.number}. ${q1.text}`);
    const unanswered = instrumentNl.themes[1]?.questions[0];
    expect(appendix).not.toContain(`${unanswered?.number}. ${unanswered?.text}`);
    expect(headings(document, 'Heading2')).not.toContain('B. Zicht op de lokale problematiek en kansen');
    const model = buildReportModel(input);
    expect(model.step2.map((t) => t.heading)).toEqual(['A. Visie op armoede, schulden en gezondheid']);
    expect(model.step2[0]?.questions[0]?.answers).toEqual([{ label: '1×', text: freeOption.text }]);
    expect(model.step2[0]?.questions[0]?.freeTexts).toEqual([{ label: 'Anouk de Vries:', text: `${freeOption.text} ${markup}` }]);

    const nobody = { ...input, responses: responses.map((r) => ({ ...r, step2: { questions: {}, comments: {} } })) };
    expect(textOf((await parts(nobody)).document)).toContain('In stap 2 zijn geen vragen beantwoord.');
  });

  it('says a stap-2 contradiction in words, shaded, as the stage does; anoniem without names', async () => {
    // A question with a "Nee…" answer against "Ja…" answers (src/domain/contradictions.ts), found in the instrument's data.
    const question = instrumentNl.themes.flatMap((t) => t.questions).find((q) => sidesOf(q).no.length > 0);
    const no = question?.options.find((o) => sidesOf(question).no.includes(o.id));
    const yes = question?.options.find((o) => sidesOf(question).yes.includes(o.id));
    if (!question || !no || !yes) throw new Error('the instrument has a question with a "Nee" answer');
    const answering = (selected: string) => ({ step2: { questions: { [question.id]: { selected: [selected], freeText: {} } }, comments: {} } });
    const disagreeing = { ...input, responses: [response(anouk, { A: 4 }, answering(yes.id)), response(ggd, { A: 4 }, answering(no.id)), response({ ...sanne, domain: 'gezondheid' }, { A: 3 }, answering(yes.id))] };
    const reported = buildReportModel(disagreeing).step2.flatMap((t) => t.questions).find((q) => q.heading.startsWith(`${question.number}. `));
    expect(reported?.contradiction).toMatch(new RegExp(`^Tegenstrijdig: ${anouk.name} en ${sanne.name} kruisten ‘.+’ aan, ${ggd.name} ‘Nee.*’\\.$`));
    const { document } = await parts(disagreeing);
    expect(textOf(document)).toContain(reported?.contradiction ?? 'missing');
    // Agreeing answers say nothing of the kind.
    const agreeing = { ...disagreeing, responses: disagreeing.responses.filter((r) => r.participant.id !== ggd.id) };
    expect(buildReportModel(agreeing).step2.flatMap((t) => t.questions).every((q) => q.contradiction === null)).toBe(true);
    // Anoniem: the people on each side are numbered, not named.
    const anonymous = buildReportModel({ ...disagreeing, session: { ...session, display: 'anonymous' } }).step2.flatMap((t) => t.questions).find((q) => q.contradiction);
    expect(anonymous?.contradiction).toContain('Deelnemer 1 (Armoede)');
    for (const name of [anouk.name, sanne.name, ggd.name]) expect(anonymous?.contradiction).not.toContain(name);
  });

  it('labels the chart’s series by name and domain, the group mean last', () => {
    expect(buildReportModel(input).chart.legend).toEqual(['Anouk de Vries – Armoede en schulden', 'Bram Jansen – GGD Flevoland', "Sanne van 't Hof – Gezondheid", 'Gemiddelde van de groep']);
  });

  it('sets the document’s title, subject and language, and attributes the instrument', async () => {
    const { core, styles, document } = await parts();
    expect(core).toContain('<dc:title>Armoede en gezondheid voorjaar 2026</dc:title>');
    expect(core).toContain('<dc:subject>Verslag van de gesprekstool armoede en gezondheid</dc:subject>');
    expect(styles).toContain('<w:lang w:val="nl-NL"/>');
    expect(textOf(document)).toContain(instrumentNl.attribution.text);
  });

  it('is written in English for an English reader', async () => {
    const english = loadInstrument('en');
    const { document, styles, footer } = await parts({ ...input, instrument: english, locale: 'en' });
    expect(headings(document, 'Heading1')[0]).toBe('Summary');
    expect(pageOne(document)).toContain('We ask the municipal executive to:');
    expect(pageOne(document)).toContain('Municipality of Lelystad · 1 March 2026');
    expect(styles).toContain('<w:lang w:val="en-GB"/>');
    expect(textOf(footer)).toContain('Page ');
    expect(textOf(document)).toContain(english.attribution.text);
  });

  it('says whose answers the facilitator entered on their behalf, and marks them wherever they are named', async () => {
    const partner = { id: 'namens:abc', name: 'Pieter Mulder', domain: 'partner' as const, partnerLabel: 'Welzijn Voorbeeld', department: '', enteredBy: { id: anouk.id, name: anouk.name } };
    const withPartner = { ...input, responses: [...responses, response(partner, { A: 1, B: 5 }, { step2: { questions: {}, comments: { A: 'Aan de telefoon doorgegeven' } } })] };
    const model = buildReportModel(withPartner);
    expect(model.summary.onBehalf).toEqual(['Ingevuld door Anouk de Vries namens Pieter Mulder, Welzijn Voorbeeld']);
    expect(model.summary.participants.find((g) => g.heading === 'Partnerorganisaties')?.people).toContain('Pieter Mulder (namens), Welzijn Voorbeeld');
    expect(model.step1.header.map((h) => h.title)).toContain('Pieter Mulder (namens)');
    expect(model.chart.legend).toContain('Pieter Mulder (namens) – Welzijn Voorbeeld');
    expect(model.summary.points[0]?.detail).toBe('Anouk de Vries: 1 ↔ Bram Jansen en Pieter Mulder (namens): 5');
    expect(model.step2[0]?.comments).toContainEqual({ label: 'Pieter Mulder (namens):', text: 'Aan de telefoon doorgegeven' });
    expect(pageOne((await parts(withPartner)).document)).toContain('Ingevuld door Anouk de Vries namens Pieter Mulder, Welzijn Voorbeeld');
  });

  it('writes stap 2 filled in together as “Samen: …”, the group’s own record, never as the facilitator’s answer', async () => {
    // Anouk (the facilitator) still has answers of her own; the joint record is beside them, in the group view.
    const joint = { questions: { [q1.id]: { selected: [freeOption.id], freeText: { [freeOption.id]: 'met de GGD' } } }, comments: { A: 'Samen besproken' } };
    const together: ReportInput = {
      ...input,
      session: { ...session, mode: 'joint', group: { version: 1, members: [], revealedAt: null, actions: [], joint: { step2: joint } } },
    };
    const model = buildReportModel(together);
    expect(model.step2[0]?.questions[0]?.answers).toEqual([{ label: 'Samen:', text: `${freeOption.text} met de GGD` }]);
    expect(model.step2[0]?.comments).toEqual([{ label: 'Samen:', text: 'Samen besproken' }]);
    const text = textOf((await parts(together)).document);
    expect(text).toContain(`Samen:| ${freeOption.text} met de GGD`);
    expect(text).not.toContain(markup);
    expect(text).not.toMatch(/Anouk de Vries:\|? ?Samen/);
    // The joint record is no participant: not among who took part, not a column of stap 1.
    expect(model.step1.header.map((h) => h.title)).not.toContain('Samen');
    expect(buildReportModel({ ...together, locale: 'en', instrument: loadInstrument('en') }).step2[0]?.comments).toEqual([{ label: 'Together:', text: 'Samen besproken' }]);
  });

  it('anoniem: no participant’s name, organisation or department anywhere in the document, people numbered per domain', async () => {
    const partner = { id: 'namens:abc', name: 'Pieter Mulder', domain: 'partner' as const, partnerLabel: 'Welzijn Voorbeeld', department: 'Jeugd', enteredBy: { id: anouk.id, name: anouk.name } };
    const anonymous = { ...input, session: { ...session, display: 'anonymous' as const }, responses: [...responses, response(partner, { A: 1, B: 5 }, { step2: { questions: {}, comments: { A: 'Aan de telefoon doorgegeven' } } })] };
    const model = buildReportModel(anonymous);
    expect(model.chart.legend).toEqual(['Deelnemer 1 (Armoede)', 'Deelnemer 1 (Partner)', 'Deelnemer 1 (Gezondheid)', 'Deelnemer 2 (Partner) (namens)', 'Gemiddelde van de groep']);
    expect(model.summary.points[0]?.detail).toBe('Deelnemer 1 (Armoede): 1 ↔ Deelnemer 1 (Partner) en Deelnemer 2 (Partner) (namens): 5');
    expect(model.step2[0]?.comments).toContainEqual({ label: 'Deelnemer 1 (Armoede):', text: 'Tekst met & en "quotes"' });
    const { document, core } = await parts(anonymous);
    const text = `${textOf(document)} ${core}`;
    for (const word of ['Anouk', 'Bram', 'Sanne', 'Pieter', 'Mulder', 'GGD Flevoland', 'Welzijn', 'Wijkteam', 'Sociaal domein', 'Jeugd']) expect(text).not.toContain(word);
    expect(textOf(document)).toContain('Deelnemer 2 (Partner) (namens)');
  });

  it('per domein: the score table and the legend have one column per domain with its mean; people are counted, not named', async () => {
    const perDomain = { ...input, session: { ...session, display: 'perDomain' as const } };
    const model = buildReportModel(perDomain);
    // In the fixed domain order, not the order of joining (the partner joined second).
    expect(model.chart.legend).toEqual(['Armoede', 'Gezondheid', 'GGD Flevoland', 'Gemiddelde van de groep']);
    expect(model.step1.header.map((h) => h.title)).toEqual(['Stelling', 'Armoede', 'Gezondheid', 'GGD Flevoland', 'Gem.', 'Spreiding']);
    expect(model.step1.rows[0]?.cells).toEqual(['4', '3', '4', '3,7', '1']);
    expect(model.summary.participants.map((g) => g.people)).toEqual([['1 deelnemer'], ['1 deelnemer'], ['1 deelnemer']]);
    const text = textOf((await parts(perDomain)).document);
    for (const word of ['Anouk', 'Bram', 'Sanne']) expect(text).not.toContain(word);
  });

  it('names the file after the municipality and the date, without characters Windows refuses', () => {
    expect(reportFileName({ session: { ...session, municipality: 'Súdwest/Fryslân' }, locale: 'nl' })).toBe('Gesprekstool Súdwest-Fryslân 2026-03-01.docx');
  });
});
