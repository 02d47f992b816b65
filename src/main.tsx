// Entry: start-up (host → configuration → sign-in → GET /me) in src/app/bootstrap.ts, then the
// shell picks the surface. A failed start-up shows a Dutch explanation instead of a blank frame.
import { createRoot } from 'react-dom/client';
import { bootstrap } from './app/bootstrap';
import { isPassingFailure, startAgainLater } from './app/startAgain';
import { createHost } from './teams';
import { BootFailure, App } from './ui/shell/App';
import { browserStorage } from './ui/session';
import { preloadSurface } from './ui/shell/surfaces';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const root = createRoot(container);

async function start(attempt = 1): Promise<void> {
  // The same host bootstrap() uses (created once): the surface's page downloads during sign-in.
  createHost().then((host) => preloadSurface(host.context().surface), () => undefined);
  const result = await bootstrap();
  document.documentElement.lang = result.ok ? result.boot.locale : result.locale;
  if (result.ok) {
    const { boot } = result;
    root.render(
      <App
        services={{
          ...boot,
          now: () => new Date(),
          random: (n) => crypto.getRandomValues(new Uint8Array(n)),
          storage: browserStorage(),
          url: new URL(window.location.href),
        }}
      />,
    );
    // Teams hears about a successful start once; a start-up that began again told it already.
    if (attempt === 1) boot.host.notifySuccess();
  } else {
    root.render(<BootFailure result={result} onRetry={() => window.location.reload()} />);
    // Our own explanation says more than the host's generic failure page, so the frame stays ours.
    if (attempt === 1) result.host?.notifySuccess();
    if (isPassingFailure(result.error)) startAgainLater(() => void start(attempt + 1), attempt);
  }
}

void start();
