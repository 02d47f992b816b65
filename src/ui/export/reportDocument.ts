// The report model as a Word document. The docx module is passed in rather than imported, so the
// library stays in its own chunk that loads only when someone exports (it is large). Every text is
// a TextRun: docx escapes it into the XML, so a free text such as "<img onerror=…>" stays words.
import type * as Docx from 'docx';
import type { ReportLine, ReportModel } from './reportModel';

export type DocxModule = typeof Docx;

export interface ChartImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/** Word's text width on A4 with default margins is about 6.3 inch, 605 px at 96 dpi. */
const MAX_IMAGE_WIDTH = 600;

export function buildReportDocument(docx: DocxModule, model: ReportModel, chart: ChartImage | null): Docx.Document {
  const { Document, HeadingLevel, ImageRun, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = docx;
  const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });
  const line = ({ label, text }: ReportLine) =>
    new Paragraph({ children: label ? [new TextRun({ text: label, bold: true }), new TextRun({ text: ` ${text}` })] : [new TextRun({ text })] });
  const bullet = (content: ReportLine | string) => {
    const item = typeof content === 'string' ? { text: content } : content;
    return new Paragraph({
      bullet: { level: 0 },
      children: item.label ? [new TextRun({ text: item.label, bold: true }), new TextRun({ text: ` ${item.text}` })] : [new TextRun({ text: item.text })],
    });
  };
  const paragraphs = (text: string) => text.split(/\r?\n/).map((part) => new Paragraph({ children: [new TextRun({ text: part })] }));
  const table = (header: string[], rows: string[][]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: header.map((text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })] })) }),
        ...rows.map((row) => new TableRow({ children: row.map((text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text })] })] })) })),
      ],
    });

  const w = model.words;
  const children: (Docx.Paragraph | Docx.Table)[] = [
    heading(model.title, HeadingLevel.TITLE),
    ...model.facts.map(line),
    heading(w.participants, HeadingLevel.HEADING_2),
    ...model.participants.map((p) => bullet(p)),
    heading(w.scoresHeading, HeadingLevel.HEADING_1),
    table(model.scores.header, model.scores.rows),
  ];
  if (chart) {
    const scale = Math.min(1, MAX_IMAGE_WIDTH / chart.width);
    children.push(
      new Paragraph({
        children: [
          new ImageRun({
            type: 'png',
            data: chart.png,
            transformation: { width: Math.round(chart.width * scale), height: Math.round(chart.height * scale) },
            altText: { name: w.scoresHeading, description: w.chartAlt, title: w.scoresHeading },
          }),
        ],
      }),
    );
  }
  children.push(heading(w.conversationHeading, HeadingLevel.HEADING_2));
  children.push(...(model.conversationPoints.length ? model.conversationPoints.map((p) => bullet(p)) : [line({ text: w.noConversationPoints })]));
  if (model.notes.trim()) children.push(heading(w.notesHeading, HeadingLevel.HEADING_2), ...paragraphs(model.notes));

  children.push(heading(w.step2Heading, HeadingLevel.HEADING_1));
  for (const theme of model.step2) {
    children.push(heading(theme.heading, HeadingLevel.HEADING_2));
    for (const question of theme.questions) {
      children.push(heading(question.heading, HeadingLevel.HEADING_3));
      children.push(...(question.answers.length ? question.answers.map(bullet) : [line({ text: w.step2NothingChosen })]));
      children.push(...question.freeTexts.map(line));
    }
    children.push(...theme.comments.map(line));
  }

  children.push(heading(w.agendaHeading, HeadingLevel.HEADING_1));
  for (const group of model.agenda) {
    children.push(heading(group.theme, HeadingLevel.HEADING_2));
    children.push(group.rows.length ? table(group.header, group.rows) : line({ text: w.noActions }));
  }
  children.push(heading(w.followUpHeading, HeadingLevel.HEADING_2), ...model.followUp.map(line));
  if (model.explanation.trim()) children.push(heading(w.explanationHeading, HeadingLevel.HEADING_2), ...paragraphs(model.explanation));
  children.push(line({ label: `${w.source}:`, text: model.attribution }));

  return new Document({
    title: model.title,
    creator: 'Gesprekstool armoede & gezondheid',
    sections: [{ children }],
  });
}
