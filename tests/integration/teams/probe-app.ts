// A stand-in app for the simulator tests: it uses the real host adapter (and through it the real
// teams-js) and shows what the adapter reports, so a test can read it from the page.
import { createHost } from '../../../src/teams';

async function probe(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const host = await createHost();
  const context = host.context();
  const out = document.createElement('pre');
  out.id = 'context';
  const render = () => {
    out.textContent = JSON.stringify({ kind: host.kind, ...host.context(), canShare: canShare }, null, 2);
  };
  let canShare = await host.stage.canShare();
  render();
  host.onThemeChange(() => render());
  root.append(out);

  if (context.surface === 'settings') {
    host.config.onSave(async () => ({
      entityId: 'sessie-probe',
      contentUrl: `${window.location.origin}/?probe=content`,
      websiteUrl: `${window.location.origin}/`,
      suggestedDisplayName: 'Gesprekstool',
    }));
    host.config.setValid(true);
  }
  if (context.surface === 'sidePanel') {
    const share = document.createElement('button');
    share.id = 'share';
    share.textContent = 'Delen';
    share.addEventListener('click', () => {
      host.stage.share(`${window.location.origin}/?probe=stage`).then(
        () => (share.dataset.result = 'shared'),
        (error: unknown) => (share.dataset.result = `refused: ${error instanceof Error ? error.message : String(error)}`),
      );
    });
    root.append(share);
    const screenShare = document.createElement('button');
    screenShare.id = 'share-screen';
    screenShare.textContent = 'Delen als schermdeling';
    screenShare.addEventListener('click', () => {
      host.stage.share(`${window.location.origin}/?probe=stage`, { screenShare: true }).then(
        () => (screenShare.dataset.result = 'shared'),
        (error: unknown) => (screenShare.dataset.result = `refused: ${error instanceof Error ? error.message : String(error)}`),
      );
    });
    root.append(screenShare);
    canShare = await host.stage.canShare();
    render();
  }
  host.notifySuccess();
}

void probe();
