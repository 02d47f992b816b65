// The React side of start-up: index.html's entry (src/main.tsx) talks to the host and Graph while this
// chunk — React, Fluent UI, the shell — downloads beside it, and hands over what start-up found.
import { createRoot, type Root } from 'react-dom/client';
import type { ComponentType } from 'react';
import type { AppBoot, BootResult } from '../../app/bootstrap';
import { needsSignInPress } from '../common/errors';
import { browserStorage } from '../session';
import { App, BootFailure } from './App';

export { preloadSurface } from './surfaces';

let root: Root | null = null;

function rootOf(container: HTMLElement): Root {
  root ??= createRoot(container);
  return root;
}

export function renderApp(container: HTMLElement, boot: AppBoot, page: ComponentType | null): void {
  rootOf(container).render(
    <App
      page={page}
      services={{
        ...boot,
        now: () => new Date(),
        random: (n) => crypto.getRandomValues(new Uint8Array(n)),
        storage: browserStorage(),
        url: new URL(window.location.href),
      }}
    />,
  );
}

/**
 * `startAgain` runs start-up again in this page. A sign-in window that did not open needs exactly that:
 * the press on "Aanmelden" is the click that lets Teams open it, and a reload would lose that click.
 * Anything else starts from a fresh page.
 */
export function renderFailure(container: HTMLElement, result: Extract<BootResult, { ok: false }>, startAgain: () => void): void {
  const onRetry = needsSignInPress(result.error) ? startAgain : () => window.location.reload();
  rootOf(container).render(<BootFailure result={result} onRetry={onRetry} />);
}
