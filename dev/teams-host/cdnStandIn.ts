// Service worker for the app's origin, registered by the simulator page. teams-js fetches its list
// of valid host origins from a Microsoft CDN at import (src/internal/validOrigins.ts); these machines
// are offline, so every app frame would log a failed request. The stand-in answers that one request
// with an empty list, which makes teams-js use its built-in list, exactly as after a CDN failure.
// Every other request goes to the network without the worker: the install step routes it there
// (the service worker static routing API), so the app's documents and scripts do not pass through
// a fetch event each: with a plain fetch handler every script of the app waited for the worker, a
// cost no Teams client has (small beside the cold start's parsing, but not ours to measure).
// https://developer.chrome.com/docs/web-platform/service-worker-static-routing
export {};

// The project compiles against the DOM library; pulling in "webworker" would change globals for
// every file, so the few service-worker types needed here are spelled out.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
/** The install event's static routing (Chromium 123+); absent elsewhere, where the fetch handler decides alone. */
interface InstallEvent extends ExtendableEvent {
  addRoutes?(rules: RouterRule | RouterRule[]): Promise<void>;
}
type RouterCondition = { urlPattern: string } | { not: RouterCondition };
interface RouterRule {
  condition: RouterCondition;
  source: 'network' | 'fetch-event';
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface ServiceWorkerScope {
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install', listener: (event: InstallEvent) => void): void;
  addEventListener(type: 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}
const worker = self as unknown as ServiceWorkerScope;

const VALID_ORIGINS_URL = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

worker.addEventListener('install', (event) => {
  void worker.skipWaiting();
  if (event.addRoutes) event.waitUntil(event.addRoutes({ condition: { not: { urlPattern: VALID_ORIGINS_URL } }, source: 'network' }).catch(() => undefined));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(worker.clients.claim());
});

worker.addEventListener('fetch', (event) => {
  if (event.request.url !== VALID_ORIGINS_URL) return;
  event.respondWith(new Response(JSON.stringify({ validOrigins: [] }), { headers: { 'Content-Type': 'application/json' } }));
});
