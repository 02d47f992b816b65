// "Exporteren naar Word" in the browser: docx loads on demand in its own chunk, the chart is
// rasterised from the page, and the file is offered as a download.
import { format } from '../i18n';
import { chartToPng } from './chartImage';
import { exportMessages } from './messages';
import { buildReportDocument } from './reportDocument';
import { buildReportModel, type ReportInput } from './reportModel';

export async function createReportBlob(input: ReportInput, chartSvg: SVGSVGElement | null): Promise<Blob> {
  const docx = await import(/* webpackChunkName: "docx" */ 'docx');
  const model = buildReportModel(input);
  // The legend is drawn into the image with the report's labels, in the chart's series order.
  const chart = chartSvg ? await chartToPng(chartSvg, model.chart.legend).catch(() => null) : null;
  const document = buildReportDocument(docx, model, chart);
  return docx.Packer.toBlob(document);
}

export function reportFileName(input: Pick<ReportInput, 'session' | 'locale'>): string {
  const date = input.session.date.slice(0, 10);
  const municipality = input.session.municipality.replace(/[\\/:*?"<>|]/g, '-');
  return format(exportMessages[input.locale].fileName, { municipality, date });
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; revoking later keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
