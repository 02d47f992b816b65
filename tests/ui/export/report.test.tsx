import * as docx from 'docx';
import JSZip from 'jszip';
import type { ActionItem, Session } from '../../../src/domain';
import { buildReportDocument } from '../../../src/ui/export/reportDocument';
import { buildReportModel } from '../../../src/ui/export/reportModel';
import { reportFileName } from '../../../src/ui/export/exportReport';
import { anouk, bram, instrumentNl, response, sanne } from '../charts/fixtures';

const markup = '<img src=x onerror=alert(1)>';
const q1 = instrumentNl.themes[0]?.questions[0];
const freeOption = q1?.options.find((o) => o.freeText);
if (!q1 || !freeOption) throw new Error('question 1 needs a free-text option');

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
const responses = [
  response(anouk, { A: 4, B: 1, C: 3 }, { step2: { questions: { [q1.id]: { selected: [freeOption.id], freeText: { [freeOption.id]: markup } } }, comments: { A: 'Tekst met & en "quotes"' } } }),
  response(bram, { A: 4, B: 5, C: 'weetNiet' }),
  response(sanne, { A: 3, B: 3 }),
];
const actions: ActionItem[] = [
  { id: 'a-1', sessionKey: 's-1', theme: 'B', title: 'Wijkcijfers koppelen', ownerId: bram.id, ownerName: bram.name, department: 'GGD', dueDate: '2026-06-01', status: 'open', proposedBy: null, plannerTaskId: null, plannerTaskUrl: null },
];

async function documentXml(): Promise<string> {
  const model = buildReportModel({ instrument: instrumentNl, session, responses, actions, locale: 'nl' });
  // No chart image here: jsdom has no canvas, so the report carries the score table only.
  const buffer = await docx.Packer.toBuffer(buildReportDocument(docx, model, null));
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml === undefined) throw new Error('no word/document.xml');
  return xml;
}

/** The visible text of the document: the contents of every <w:t>, entities decoded. */
function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => (m[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
    .join('|');
}

describe('Word report', () => {
  it('keeps markup in a free text as literal text, never as an element', async () => {
    const xml = await documentXml();
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(xml).not.toContain('<img');
    expect(textOf(xml)).toContain(`${freeOption.text} ${markup}`);
    expect(textOf(xml)).toContain('Tekst met & en "quotes"');
  });

  it('has title, municipality, date, scores with weet niet in words, agenda, follow-up and attribution', async () => {
    const text = textOf(await documentXml());
    expect(text).toContain('Armoede en gezondheid voorjaar 2026');
    expect(text).toContain('Gemeente:| Lelystad');
    expect(text).toContain('Datum:| 1 maart 2026');
    expect(text).toContain(instrumentNl.step1.weetNiet.label);
    expect(text).toContain('B. Zicht op de lokale problematiek en kansen: scores liggen 4 punten uit elkaar');
    expect(text).toContain('Wijkcijfers koppelen|Bram Jansen|GGD|1 juni 2026|open');
    expect(text).toContain('Ja, de groep komt in dezelfde samenstelling weer bij elkaar (15 september 2026)');
    expect(text).toContain(instrumentNl.attribution.text);
  });

  it('counts step-2 answers and names who wrote each free text', () => {
    const model = buildReportModel({ instrument: instrumentNl, session, responses, actions, locale: 'nl' });
    const question = model.step2[0]?.questions[0];
    expect(question?.answers).toEqual([{ label: '1×', text: freeOption.text }]);
    expect(question?.freeTexts).toEqual([{ label: 'Anouk de Vries:', text: `${freeOption.text} ${markup}` }]);
  });

  it('says whose answers the facilitator entered on their behalf, and marks them in the score table and quotes', async () => {
    const partner = { id: 'namens:abc', name: 'Pieter Mulder', domain: 'partner' as const, partnerLabel: 'Welzijn Voorbeeld', department: '', enteredBy: { id: anouk.id, name: anouk.name } };
    const withPartner = [...responses, response(partner, { A: 2 }, { step2: { questions: {}, comments: { A: 'Aan de telefoon doorgegeven' } } })];
    const model = buildReportModel({ instrument: instrumentNl, session, responses: withPartner, actions, locale: 'nl' });
    expect(model.participants).toContain('Pieter Mulder — Ingevuld door Anouk de Vries namens Pieter Mulder, Welzijn Voorbeeld');
    expect(model.participants).toContain(anouk.department ? `${anouk.name} (${anouk.department})` : anouk.name);
    expect(model.scores.header).toContain('Pieter Mulder (namens)');
    expect(model.step2[0]?.comments).toContainEqual({ label: 'Pieter Mulder (namens):', text: 'Aan de telefoon doorgegeven' });
    const doc = textOf(await (async () => {
      const buffer = await docx.Packer.toBuffer(buildReportDocument(docx, model, null));
      return (await (await JSZip.loadAsync(buffer)).file('word/document.xml')?.async('string')) ?? '';
    })());
    expect(doc).toContain('Ingevuld door Anouk de Vries namens Pieter Mulder, Welzijn Voorbeeld');
  });

  it('names the file after the municipality and the date, without characters Windows refuses', () => {
    expect(reportFileName({ session: { ...session, municipality: 'Súdwest/Fryslân' }, locale: 'nl' })).toBe('Gesprekstool Súdwest-Fryslân 2026-03-01.docx');
  });
});
