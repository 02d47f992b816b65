// axe-core on one app surface inside the simulator page, and the theme switch as Teams does it.
import axeCore, { type Result } from 'axe-core';
import type { Frame, Locator, Page } from 'playwright-core';
import { eventually, frameOf, motionSettled, screenshot, type SimulatorTheme } from './meeting';

/** What issue 6 asks of every surface: WCAG 2.0 and 2.1 levels A and AA, and axe's best practices. */
export const AUDITED_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const;

export const THEMES: readonly SimulatorTheme[] = ['default', 'dark', 'contrast'];

/** The FluentProvider's background in each Teams theme (Fluent's teams*Theme colorNeutralBackground1). */
const BACKGROUND: Record<SimulatorTheme, string> = { default: 'rgb(255, 255, 255)', dark: 'rgb(41, 41, 41)', contrast: 'rgb(0, 0, 0)' };

async function backgroundOf(card: Locator): Promise<string> {
  const frame = await frameOf(card);
  return frame.evaluate(() => {
    const provider = document.querySelector('.fui-FluentProvider');
    return provider ? getComputedStyle(provider).backgroundColor : 'no provider';
  });
}

/** Switches the simulated Teams client's theme (a themeChange event to every running frame) and waits until `cards` show it. */
export async function switchTheme(page: Page, theme: SimulatorTheme, cards: readonly Locator[]): Promise<void> {
  await page.selectOption('#theme', theme);
  for (const card of cards) await eventually(() => backgroundOf(card), (bg) => bg === BACKGROUND[theme], `${theme} theme in the frame`);
}

export interface SurfaceAudit {
  /** Serious and critical violations, one line each. */
  blocking: string[];
  /** How many rules axe checked in the frame: proves it looked inside it. */
  checkedRules: number;
  /** Moderate and minor violations, one line each: not failing, kept in the report for people to read. */
  advisory: string[];
  /** Rules axe could not decide inside the frame (e.g. contrast over a gradient): for a person to look at. */
  needsReview: string[];
}

const describe = (violation: Result) =>
  `${violation.impact ?? 'unknown'} ${violation.id}: ${violation.help} — ${violation.nodes
    .slice(0, 5)
    .map((n) => `${JSON.stringify(n.target)} ${n.html.slice(0, 160)} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
    .join(' | ')}`;

/**
 * Fluent's focus management (tabster) puts `<i tabindex="0" aria-hidden="true" data-tabster-dummy>`
 * around focus groups and dialogs: they only pass the focus on and must stay hidden from screen
 * readers, so axe's aria-hidden-focus flags them by design (microsoft/tabster#288,
 * microsoft/fluentui#27517 "By Design"; Accessibility Insights suppresses exactly these nodes). Only
 * those nodes are dropped; any other aria-hidden-focus finding still fails.
 */
function withoutTabsterDummies(violation: Result): Result {
  if (violation.id !== 'aria-hidden-focus') return violation;
  return { ...violation, nodes: violation.nodes.filter((n) => !/^<i [^>]*data-tabster-dummy/.test(n.html)) };
}

/**
 * axe (WCAG 2.x A/AA and best practices) on the app document inside `card`'s iframe only, run inside
 * that frame (auditFrame below), so a busy machine cannot make it skip the frame.
 */
export async function auditSurface(_page: Page, card: Locator): Promise<SurfaceAudit> {
  return auditFrame(await frameOf(card));
}

/**
 * axe-core run inside one frame's document, injected without a time limit.
 * @axe-core/playwright gives injecting axe (1.3 MB) into a frame one second and past it skips the
 * frame without a word (inject() in node_modules/@axe-core/playwright/dist/index.js: "Script
 * Timeout"), which on a busy machine leaves a heavy frame unchecked: zero rules checked, no finding.
 */
export async function auditFrame(frame: Frame): Promise<SurfaceAudit> {
  // Fluent animates colours (a button's background and text over about 100 ms): right after a theme
  // switch axe would measure a colour halfway between two themes (white to black text reads #7f7f7f).
  // CSS transitions are switched off; Fluent's motion (an opening accordion panel or dialog fades in)
  // cannot be, so it plays out first: axe sees the colours a person sees once the surface has settled.
  await frame.evaluate(() => {
    if (document.getElementById('audit-without-motion')) return;
    const style = document.createElement('style');
    style.id = 'audit-without-motion';
    style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
    document.head.append(style);
  });
  await motionSettled(frame);
  const loaded = await frame.evaluate(() => 'axe' in window);
  if (!loaded) await frame.evaluate(axeCore.source);
  const results = await frame.evaluate(
    (tags) => (window as unknown as { axe: typeof axeCore }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    [...AUDITED_TAGS],
  );
  const violations = results.violations.map(withoutTabsterDummies).filter((v) => v.nodes.length > 0);
  return {
    blocking: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map(describe),
    checkedRules: results.passes.length,
    advisory: violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical').map(describe),
    needsReview: results.incomplete.map(describe),
  };
}

/**
 * A surface as a screen `width` px wide shows it (the stage on a meeting room's screen): the iframe
 * is resized for the shot and put back. Returns how far the page reached past the right edge (0:
 * no sideways scroll). The shot goes to test-results/e2e/<name>-<width>-<theme>.png.
 */
export async function lookAtWidth(page: Page, card: Locator, name: string, theme: SimulatorTheme, width: number, height = 900): Promise<number> {
  await switchTheme(page, theme, [card]);
  const iframe = card.locator('iframe');
  const before = await iframe.evaluate(
    (element: HTMLIFrameElement, size: { width: number; height: number }) => {
      const was = { width: element.style.width, height: element.style.height, maxWidth: element.style.maxWidth, position: element.style.position, zIndex: element.style.zIndex };
      element.style.maxWidth = 'none';
      element.style.width = `${size.width}px`;
      element.style.height = `${size.height}px`;
      // Wider than its card, it would run under the simulator's next card: lifted above it for the shot.
      element.style.position = 'relative';
      element.style.zIndex = '1000';
      return was;
    },
    { width, height },
  );
  try {
    const frame = await frameOf(card);
    await eventually(() => frame.evaluate(() => window.innerWidth), (inner) => inner === width, `the frame at ${width} px`);
    const overflow = await frame.evaluate(() => {
      window.scrollTo(0, 0);
      return document.documentElement.scrollWidth - document.documentElement.clientWidth;
    });
    await screenshot(iframe, `${name}-${width}-${theme}`);
    return overflow;
  } finally {
    await iframe.evaluate((element: HTMLIFrameElement, was: Record<string, string>) => Object.assign(element.style, was), before);
  }
}
