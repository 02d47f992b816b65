// Entry: start-up (host → configuration → sign-in → GET /me, and the frame's session beside /me) in
// src/app/bootstrap.ts, then the shell picks the surface; the stage first lets a side panel that starts
// beside it go ahead (src/app/startTurn.ts). The shell (React, Fluent UI) is its own
// chunk fetched at once, so it downloads while start-up talks to the host and Graph instead of
// before: index.html blocks only on what starts that conversation. A failed start-up shows a Dutch
// explanation instead of a blank frame.
import { bootstrap } from './app/bootstrap';
import { isPassingFailure, startAgainLater } from './app/startAgain';
import { holdTurn, shownAfter, startTurn } from './app/startTurn';
import { createHost } from './teams';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

// The stage lets a side panel starting beside it go first (src/app/startTurn.ts); other frames start
// now, and hold the stage back until they have shown what they loaded.
const url = new URL(window.location.href);
let shown: () => void = () => undefined;
holdTurn(url, new Promise<void>((resolve) => (shown = resolve)));
const turn = startTurn(url);
const shell = turn.then(() => import(/* webpackChunkName: "shell" */ './ui/shell/start'));

async function start(attempt = 1): Promise<void> {
  // The same host bootstrap() uses (created once): the surface's page downloads during sign-in, and
  // is rendered directly once both are there.
  const page = createHost().then(
    (host) => shell.then((ui) => ui.preloadSurface(host.context().surface)),
    () => null,
  );
  const result = await bootstrap();
  document.documentElement.lang = result.ok ? result.boot.locale : result.locale;
  const ui = await shell;
  if (result.ok) {
    const { boot } = result;
    ui.renderApp(container as HTMLElement, boot, await page);
    // Teams hears about a successful start once; a start-up that began again told it already.
    if (attempt === 1) boot.host.notifySuccess();
    // The session this frame shows, read beside /me: once it is on screen, a stage may start.
    void shownAfter(Promise.resolve(boot.sessionStart).then((first) => first?.snapshot)).then(shown);
  } else {
    ui.renderFailure(container as HTMLElement, result, () => void start(attempt + 1));
    // Our own explanation says more than the host's generic failure page, so the frame stays ours.
    if (attempt === 1) result.host?.notifySuccess();
    void shownAfter(Promise.resolve()).then(shown);
    if (isPassingFailure(result.error)) startAgainLater(() => void start(attempt + 1), attempt);
  }
}

void turn.then(() => start());
