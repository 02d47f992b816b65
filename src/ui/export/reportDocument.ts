// The report model as a Word document. The docx module is passed in rather than imported, so the
// library stays in its own chunk that loads only when someone exports (it is large). Every text is
// a TextRun: docx escapes it into the XML, so a free text such as "<img onerror=…>" stays words.
//
// Made to be read by a wethouder and navigated in Word: headings use Word's own Title and Heading 1–3
// styles (the Navigation Pane lists them; support.microsoft.com "Use the Navigation pane in Word"),
// the summary fills page one, detail starts on a new page, tables repeat their header row on every
// page, every page has its number in the footer (PAGE and NUMPAGES fields), and the document's
// language and properties (title, subject, keywords) are set so Word proofreads and files it right.
import type * as Docx from 'docx';
import type { ReportItem, ReportLine, ReportModel } from './reportModel';

export type DocxModule = typeof Docx;

export interface ChartImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/** A4 in twentieths of a point (dxa), with 2 cm margins. */
const A4 = { width: 11906, height: 16838, margin: 1134 } as const;
const TEXT_WIDTH = A4.width - 2 * A4.margin;
const TEXT_WIDTH_LANDSCAPE = A4.height - 2 * A4.margin;
/** Text width in CSS pixels (96 per inch, 1440 dxa per inch), for the chart image. */
const MAX_IMAGE_WIDTH = Math.floor((TEXT_WIDTH / 1440) * 96);
/** More participants than this and the score table gets a landscape page of its own. */
const PORTRAIT_PARTICIPANTS = 6;

const FONT = 'Arial';
const COLOUR = { heading: '1F3864', muted: '595959', headerFill: 'E7E6E6', pointFill: 'FFF2CC', border: 'A6A6A6' } as const;
/** Sizes in half-points. */
const SIZE = { body: 20, small: 17, table: 18 } as const;

export function buildReportDocument(docx: DocxModule, model: ReportModel, chart: ChartImage | null): Docx.Document {
  const {
    AlignmentType,
    BorderStyle,
    Document,
    ExternalHyperlink,
    Footer,
    HeadingLevel,
    ImageRun,
    LineRuleType,
    PageNumber,
    PageOrientation,
    Paragraph,
    ShadingType,
    TabStopType,
    Table,
    TableCell,
    TableLayoutType,
    TableRow,
    TextRun,
    WidthType,
  } = docx;
  type Block = Docx.Paragraph | Docx.Table;
  type Level = (typeof HeadingLevel)[keyof typeof HeadingLevel];
  const w = model.words;

  const heading = (text: string, level: Level, pageBreakBefore = false) => new Paragraph({ text, heading: level, pageBreakBefore });
  const para = (text: string, options: { size?: number; colour?: string; italics?: boolean } = {}) =>
    new Paragraph({ children: [new TextRun({ text, size: options.size, color: options.colour, italics: options.italics })] });
  const lines = (text: string) => text.split(/\r?\n/).map((part) => para(part));
  const labelled = ({ label, text }: ReportLine, bullet = false) =>
    new Paragraph({
      ...(bullet ? { bullet: { level: 0 } } : {}),
      children: label ? [new TextRun({ text: label, bold: true }), new TextRun({ text: ` ${text}` })] : [new TextRun({ text })],
    });
  const item = ({ title, detail }: ReportItem) =>
    new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: title, bold: true }), ...(detail ? [new TextRun({ text: ` – ${detail}` })] : [])] });
  const bullet = (text: string) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text })] });

  const border = { style: BorderStyle.SINGLE, size: 4, color: COLOUR.border };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  const cell = (children: Docx.Paragraph[], width: number, fill?: string) =>
    new TableCell({
      children,
      width: { size: width, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    });
  // lineRule is said, not left to the default: LibreOffice reads a line without it as exact, and clips.
  const tight = { after: 20, line: 240, lineRule: LineRuleType.AUTO };
  const cellText = (text: string, options: { bold?: boolean; size?: number; colour?: string } = {}) =>
    new Paragraph({ spacing: tight, children: [new TextRun({ text, bold: options.bold, size: options.size ?? SIZE.table, color: options.colour })] });
  const table = (widths: number[], rows: Docx.TableRow[]) =>
    new Table({ width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders, rows });
  const headerRow = (cells: Docx.TableCell[]) => new TableRow({ tableHeader: true, cantSplit: true, children: cells });

  // ---- page one: the summary ------------------------------------------------------------------
  const s = model.summary;
  const summary: Block[] = [
    heading(model.title, HeadingLevel.TITLE),
    para(model.subtitle, { colour: COLOUR.muted }),
    para(model.facilitator, { colour: COLOUR.muted }),
    heading(w.summaryHeading, HeadingLevel.HEADING_1),
    heading(w.purposeHeading, HeadingLevel.HEADING_2),
    new Paragraph({ children: [new TextRun({ text: s.purpose.title, bold: true }), ...(s.purpose.detail ? [new TextRun({ text: ` – ${s.purpose.detail}` })] : [])] }),
  ];
  if (s.forExecutive) {
    summary.push(heading(w.foundHeading, HeadingLevel.HEADING_2), para(s.forExecutive.found.join(' ')));
    // One sentence: "Wij vragen het college: kennis te nemen …; … te steunen …; … te zetten."
    const ask = s.forExecutive.ask;
    summary.push(heading(w.askHeading, HeadingLevel.HEADING_2), para(w.askIntro), ...ask.map((text, i) => bullet(`${text}${i === ask.length - 1 ? '.' : ';'}`)));
  }
  summary.push(heading(w.participantsHeading, HeadingLevel.HEADING_2));
  summary.push(...(s.participants.length ? s.participants.map((g) => labelled({ label: `${g.heading}:`, text: g.people.join('; ') })) : [para(w.nobody)]));
  summary.push(...s.onBehalf.map((line) => para(line, { size: SIZE.small, italics: true })));
  summary.push(heading(w.pointsHeading, HeadingLevel.HEADING_2));
  summary.push(...(s.points.length ? s.points.map(item) : [para(w.noConversationPoints)]));
  summary.push(heading(w.notesHeading, HeadingLevel.HEADING_2), ...(s.notes.trim() ? lines(s.notes) : [para(w.noNotes, { italics: true })]));
  summary.push(heading(w.keyActionsHeading, HeadingLevel.HEADING_2));
  summary.push(...(s.keyActions.length ? s.keyActions.map(item) : [para(w.noActions)]));
  if (s.moreActions) summary.push(para(s.moreActions));
  summary.push(heading(w.nextMeetingHeading, HeadingLevel.HEADING_2), ...s.nextMeeting.map((line) => para(line)));

  // ---- stap 1: the chart, then the scores per statement ----------------------------------------
  const step1Chart: Block[] = [heading(w.step1Heading, HeadingLevel.HEADING_1, true), heading(w.chartHeading, HeadingLevel.HEADING_2)];
  if (chart) {
    const scale = Math.min(1, MAX_IMAGE_WIDTH / chart.width);
    step1Chart.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 60, after: 60, line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new ImageRun({
            type: 'png',
            data: chart.png,
            transformation: { width: Math.round(chart.width * scale), height: Math.round(chart.height * scale) },
            altText: { name: w.chartHeading, description: model.chart.alt, title: w.chartHeading },
          }),
        ],
      }),
    );
  }
  step1Chart.push(para(w.chartCaption, { size: SIZE.small, colour: COLOUR.muted }));

  const participantCount = model.step1.header.length - 3;
  const wide = participantCount > PORTRAIT_PARTICIPANTS;
  const tableWidth = wide ? TEXT_WIDTH_LANDSCAPE : TEXT_WIDTH;
  const statementWidth = wide ? 4000 : 2700;
  const statWidths = [750, 1000] as const;
  const personWidth = Math.floor((tableWidth - statementWidth - statWidths[0] - statWidths[1]) / Math.max(1, participantCount));
  const scoreWidths = [statementWidth, ...Array<number>(participantCount).fill(personWidth), ...statWidths];
  const scoreTable = table(scoreWidths, [
    headerRow(
      model.step1.header.map((h, i) =>
        cell([cellText(h.title, { bold: true }), ...(h.detail ? [cellText(h.detail, { size: 16, colour: COLOUR.muted })] : [])], scoreWidths[i] ?? personWidth, COLOUR.headerFill),
      ),
    ),
    ...model.step1.rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(
              [
                cellText(row.title, { bold: true }),
                cellText(row.statement, { size: 16 }),
                ...(row.conversationPoint ? [cellText(`● ${w.conversationMark}`, { bold: true, size: 16 })] : []),
              ],
              statementWidth,
              row.conversationPoint ? COLOUR.pointFill : undefined,
            ),
            ...row.cells.map((text, i) =>
              cell(
                [new Paragraph({ alignment: AlignmentType.CENTER, spacing: tight, children: [new TextRun({ text, size: SIZE.table, bold: i >= participantCount })] })],
                scoreWidths[i + 1] ?? personWidth,
                row.conversationPoint ? COLOUR.pointFill : undefined,
              ),
            ),
          ],
        }),
    ),
  ]);
  const step1Table: Block[] = [
    // On a page of its own: the table is the detail a reader turns to, not the tail of the chart's page.
    heading(w.scoresHeading, HeadingLevel.HEADING_2, true),
    para(w.scoresCaption, { size: SIZE.small, colour: COLOUR.muted }),
    scoreTable,
    para(w.weetNietKey, { size: SIZE.small, colour: COLOUR.muted }),
    heading(w.allPointsHeading, HeadingLevel.HEADING_3),
    ...(model.step1.allPoints.length ? model.step1.allPoints.map((p) => labelled(p, true)) : [para(w.noConversationPoints)]),
    ...(model.step1.statementNotes.length ? [heading(w.statementNotesHeading, HeadingLevel.HEADING_3), ...model.step1.statementNotes.map((p) => labelled(p, false))] : []),
  ];

  // ---- stap 3: the agenda as one table ---------------------------------------------------------
  const agendaWidths = [1500, 2600, 1350, 1250, 1250, 800, 888];
  const agenda: Block[] = [heading(w.agendaHeading, HeadingLevel.HEADING_1, true)];
  if (model.agenda.rows.length === 0) agenda.push(para(w.noActions));
  else {
    agenda.push(
      table(agendaWidths, [
        headerRow(model.agenda.header.map((text, i) => cell([cellText(text, { bold: true })], agendaWidths[i] ?? 1000, COLOUR.headerFill))),
        ...model.agenda.rows.map(
          (row) =>
            new TableRow({
              cantSplit: true,
              children: [
                ...row.cells.map((text, i) => cell([cellText(text, { bold: i === 1 })], agendaWidths[i] ?? 1000)),
                cell(
                  [
                    row.planner
                      ? new Paragraph({ spacing: tight, children: [new ExternalHyperlink({ link: row.planner, children: [new TextRun({ text: w.plannerLink, style: 'Hyperlink', size: SIZE.table })] })] })
                      : cellText(''),
                  ],
                  agendaWidths[6] ?? 888,
                ),
              ],
            }),
        ),
      ]),
    );
  }
  agenda.push(heading(w.followUpHeading, HeadingLevel.HEADING_2), ...model.followUp.map((line) => labelled(line)));
  if (model.explanation.trim()) agenda.push(heading(w.explanationHeading, HeadingLevel.HEADING_2), ...lines(model.explanation));

  // ---- appendix: stap 2, only what was answered ------------------------------------------------
  const appendix: Block[] = [heading(w.step2Heading, HeadingLevel.HEADING_1, true)];
  if (model.step2.length === 0) appendix.push(para(w.step2Nothing));
  else appendix.push(para(w.step2Intro, { size: SIZE.small, colour: COLOUR.muted }));
  for (const theme of model.step2) {
    appendix.push(heading(theme.heading, HeadingLevel.HEADING_2));
    for (const question of theme.questions) {
      appendix.push(heading(question.heading, HeadingLevel.HEADING_3));
      // A contradiction is a point for the conversation: shaded as the conversation points of stap 1 are.
      if (question.contradiction) appendix.push(new Paragraph({ shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLOUR.pointFill }, children: [new TextRun({ text: question.contradiction, bold: true })] }));
      appendix.push(...question.answers.map((a) => labelled(a, true)), ...question.freeTexts.map((f) => labelled(f)));
    }
    if (theme.comments.length) appendix.push(heading(w.commentsHeading, HeadingLevel.HEADING_3), ...theme.comments.map((c) => labelled(c)));
  }
  appendix.push(heading(w.sourceHeading, HeadingLevel.HEADING_1), labelled({ label: w.source, text: model.attribution }));

  // ---- pages -----------------------------------------------------------------------------------
  const [before, after] = splitAround(w.page, ['{page}', '{pages}']);
  const footer = (width: number) =>
    new Footer({
      children: [
        new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: width }],
          children: [
            new TextRun({ text: model.footer, size: 16, color: COLOUR.muted }),
            new TextRun({ children: ['\t', before, PageNumber.CURRENT, after[0] ?? '', PageNumber.TOTAL_PAGES, after[1] ?? ''], size: 16, color: COLOUR.muted }),
          ],
        }),
      ],
    });
  const page = (landscape: boolean) => ({
    page: {
      size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin, footer: 567 },
    },
  });
  const section = (children: Block[], landscape = false) => ({ properties: page(landscape), footers: { default: footer(landscape ? TEXT_WIDTH_LANDSCAPE : TEXT_WIDTH) }, children });
  const sections = wide
    ? [section([...summary, ...step1Chart]), section(step1Table, true), section([...agenda, ...appendix])]
    : [section([...summary, ...step1Chart, ...step1Table, ...agenda, ...appendix])];

  const language = model.locale === 'nl' ? 'nl-NL' : 'en-GB';
  return new Document({
    title: model.title,
    subject: w.subject,
    keywords: w.keywords,
    description: model.subtitle,
    creator: 'Gesprekstool armoede & gezondheid',
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE.body, language: { value: language } }, paragraph: { spacing: { after: 40, line: 252, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: 40, bold: true, color: COLOUR.heading }, paragraph: { spacing: { after: 40 } } },
        heading1: { run: { font: FONT, size: 28, bold: true, color: COLOUR.heading }, paragraph: { spacing: { before: 200, after: 60 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 22, bold: true, color: COLOUR.heading }, paragraph: { spacing: { before: 140, after: 20 }, keepNext: true } },
        heading3: { run: { font: FONT, size: SIZE.body, bold: true, color: COLOUR.heading }, paragraph: { spacing: { before: 120, after: 40 }, keepNext: true } },
      },
    },
    sections,
  });
}

/**
 * "Pagina {page} van {pages}" → ["Pagina ", [" van ", ""]]: the text around the page fields, so each
 * language keeps its own word order without the fields being glued into a translated sentence.
 */
function splitAround(template: string, markers: readonly [string, string]): [string, [string, string]] {
  const [first, second] = markers;
  const a = template.indexOf(first);
  const b = template.indexOf(second);
  if (a < 0 || b < a) return [template, ['', '']];
  return [template.slice(0, a), [template.slice(a + first.length, b), template.slice(b + second.length)]];
}
