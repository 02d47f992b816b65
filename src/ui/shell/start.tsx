// The React side of start-up: index.html's entry (src/main.tsx) talks to the host and Graph while this
// chunk — React, Fluent UI, the shell — downloads beside it, and hands over what start-up found.
import { createRoot, type Root } from 'react-dom/client';
import type { ComponentType } from 'react';
import type { AppBoot, BootResult } from '../../app/bootstrap';
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

export function renderFailure(container: HTMLElement, result: Extract<BootResult, { ok: false }>): void {
  rootOf(container).render(<BootFailure result={result} onRetry={() => window.location.reload()} />);
}
