// The stage's stap 2 and stap 3 theme by theme (Step2Theme, Step3Theme) in Chromium: at 1280 and
// 1920 px nothing scrolls sideways, axe (WCAG 2.x A/AA, best practices) finds nothing serious in
// Teams' three themes, and one theme's stap 2 is a page of a few screens instead of the old 9,000 px
// overview of fourteen tables. The views are built alone from a probe entry
// (tests/e2e/probes/stageThemes.tsx) with a made-up session: the stage's wiring to the facilitator's
// focus is tested with the stage itself. Screenshots go to test-results/e2e/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { auditFrame } from './support/accessibility';
import { launchChromium, ROOT, screenshot } from './support/meeting';

jest.setTimeout(300_000);

let outDir = '';
let browser: Browser;

beforeAll(() => {
  outDir = mkdtempSync(path.join(tmpdir(), 'stage-themes-'));
  // The probe alone, into a directory of its own (webpack.config.js: "--env appEntry=<file>").
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--env', 'only=app', '--env', 'appEntry=tests/e2e/probes/stageThemes.tsx', '--env', `appOut=${outDir}`],
    { cwd: ROOT, stdio: 'pipe' },
  );
});

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

async function open(query: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`file://${outDir}/index.html?${query}`);
  await page.getByRole('navigation', { name: 'Thema’s' }).waitFor();
  return page;
}

/** How far the page reaches past the window's right edge, in CSS pixels (0: no sideways scroll). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const height = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

const VIEWS = [
  { name: 'step2-B-perPerson', query: 'view=step2&theme=B' },
  { name: 'step2-B-joint', query: 'view=step2&theme=B&mode=joint' },
  { name: 'step2-F-anonymous', query: 'view=step2&theme=F&display=anonymous' },
  { name: 'step3-D', query: 'view=step3&theme=D' },
] as const;

describe('the stage’s stap 2 and stap 3, theme by theme, in a browser', () => {
  for (const view of VIEWS) {
    for (const fluent of ['light', 'dark', 'contrast'] as const) {
      it(`${view.name} in ${fluent}: fits 1280 and 1920 px without sideways scroll, every disclosure open, and axe finds nothing serious`, async () => {
        const page = await open(`${view.query}&fluent=${fluent}`, 1280);
        try {
          expect(await overflow(page)).toBe(0);
          // What the room sees first: the options nobody chose and the inspiration folded away.
          await screenshot(page, `stage-themes-${view.name}-${fluent}-1280-folded`);
          // Opened, the folded options and the inspiration must fit too; each click changes the set.
          const closed = page.locator('button[aria-expanded="false"]');
          while ((await closed.count()) > 0) await closed.first().click();
          expect(await page.locator('button[aria-expanded="true"]').count()).toBeGreaterThan(0);
          expect(await overflow(page)).toBe(0);
          const audit = await auditFrame(page.mainFrame());
          expect(audit.checkedRules).toBeGreaterThan(10);
          expect(audit.blocking).toEqual([]);
          await screenshot(page, `stage-themes-${view.name}-${fluent}-1280`);
          await page.setViewportSize({ width: 1920, height: 1080 });
          expect(await overflow(page)).toBe(0);
          await screenshot(page, `stage-themes-${view.name}-${fluent}-1920`);
        } finally {
          await page.close();
        }
      });
    }
  }

  it('names a contradiction on the page and keeps one theme’s stap 2 to a few screens', async () => {
    const page = await open('view=step2&theme=B', 1280);
    try {
      await expect(page.getByText(/^Tegenstrijdig:/).first().textContent()).resolves.toBe(
        "Tegenstrijdig: Sanne van 't Hof, Pieter Mulder en Lotte van den Heuvel kruisten ‘Ja…’ aan, Bram Jansen ‘Nee, omdat…’.",
      );
      const closed = await height(page);
      // The old overview was ~9,000 px for all fourteen questions; theme B (two questions) with its options folded:
      expect(closed).toBeLessThan(2_000);
      process.stdout.write(`stage stap 2, theme B at 1280 px: ${closed} px high\n`);
    } finally {
      await page.close();
    }
  });

  it('keeps theme D’s 26 examples beside the actions in a list that scrolls, not a page ten thousand pixels long', async () => {
    const page = await open('view=step3&theme=D', 1280);
    try {
      await page.getByRole('button', { name: 'Inspiratie uit de praktijk (26)' }).click();
      const list = page.getByRole('region', { name: 'Inspiratie uit de praktijk' });
      await expect(list.getByRole('heading', { level: 4 }).count()).resolves.toBe(26);
      const opened = await height(page);
      expect(opened).toBeLessThan(1_800);
      // The list takes the focus, so the keyboard scrolls it.
      await list.focus();
      await page.keyboard.press('End');
      await expect(list.evaluate((el) => el.scrollTop)).resolves.toBeGreaterThan(0);
      process.stdout.write(`stage stap 3, theme D at 1280 px with the inspiration open: ${opened} px high\n`);
    } finally {
      await page.close();
    }
  });
});
