// The library floor of a cold side panel: what the libraries the app must use cost on this machine,
// with none of the app's own code. It does what a side panel does before it is interactive, in the
// same order and with the same chunking — teams-js talks to the host, MSAL's nested app auth gets a
// token through the host's bridge, GET /me is asked, and React with Fluent UI renders a form with the
// five answers and "weet niet" and a "Meedoen" button — but reads no session, validates nothing and
// has no Graph layer. Built as the app by `npm run bench:load -- --floor`; its figure says how much
// of the side panel's time is the libraries' and the machine's, and how much is the app's.
import { app } from '@microsoft/teams-js';

type Config = { auth: { clientId: string; authority: string }; graph: { loopbackOrigin?: string } };
// index.html asked for it already (webpack.config.js), as it does for the app.
const early = (window as { __gesprekstoolConfig?: Promise<Response> }).__gesprekstoolConfig ?? fetch('app-config.json', { cache: 'no-store' });
const config = early.then((r) => r.json() as Promise<Config>);
// The chunk names the app's own (webpack.config.js preloads them): "shell" for React and Fluent UI,
// "msal-naa" for MSAL through the module the app takes it from (src/auth/msalNaa.ts).
const ui = import(/* webpackChunkName: "shell" */ './ui');
const msal = import(/* webpackChunkName: "msal-naa" */ '../../src/auth/msalNaa');

async function start(): Promise<void> {
  await app.initialize();
  const context = await app.getContext();
  const { auth, graph } = await config;
  const library = await msal;
  const pca = await library.createNestablePublicClientApplication({ auth: { clientId: auth.clientId, authority: auth.authority } });
  // As src/auth/naaTokenProvider.ts asks: a silent request with the Teams user as the login hint.
  const request = { scopes: ['User.Read'], loginHint: context.user?.loginHint ?? context.user?.userPrincipalName ?? '' };
  const token = await pca.acquireTokenSilent(request);
  const me = (await (await fetch(`${graph.loopbackOrigin ?? 'https://graph.microsoft.com'}/v1.0/me?$select=id,displayName`, { headers: { Authorization: `Bearer ${token.accessToken}` } })).json()) as { displayName?: string };
  const root = document.getElementById('root');
  if (root) (await ui).render(root, me.displayName ?? '');
  app.notifySuccess();
}

void start();
