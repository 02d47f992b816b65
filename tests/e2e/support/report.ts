// The Word report as a person gets it: downloaded from the tab's "Exporteren naar Word" and converted
// to PDF by Debian's LibreOffice (scripts/ensure-libreoffice.sh), read back with poppler's tools.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';

export function run(command: string, args: readonly string[], options: { timeout?: number } = {}): string {
  return execFileSync(command, args, { encoding: 'utf8', timeout: options.timeout ?? 30_000, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Fails with what to run when LibreOffice or poppler is not installed. */
export function requireReportTools(): void {
  for (const tool of ['soffice', 'pdftotext', 'pdftoppm', 'pdfinfo']) {
    try {
      run('which', [tool]);
    } catch {
      throw new Error(`${tool} is missing: run scripts/ensure-libreoffice.sh (npm test does)`);
    }
  }
}

/** Presses "Exporteren naar Word" in the tab and keeps the download as `<dir>/<name>.docx`. */
export async function exportReport(page: Page, tab: FrameLocator, dir: string, name: string): Promise<string> {
  const exportButton = tab.getByRole('button', { name: 'Exporteren naar Word' });
  await exportButton.waitFor({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), exportButton.click()]);
  const file = path.join(dir, `${name}.docx`);
  writeFileSync(file, readFileSync(await download.path()));
  return file;
}

/** The document as a PDF beside it (LibreOffice with a profile of its own, so an open LibreOffice is not disturbed). */
export function toPdf(docx: string): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'gesprekstool-soffice-'));
  try {
    run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', path.dirname(docx), docx], { timeout: 60_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return docx.replace(/\.docx$/, '.pdf');
}

export const pageCount = (pdf: string): number => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))?.[1]);

/** One page's text, whitespace as the layout puts it. */
export const pageText = (pdf: string, n: number): string => run('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-']);
