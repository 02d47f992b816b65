// Local mode only. The Graph client adds the token and follows @odata.nextLink only for https URLs on
// a Graph host (GraphRequestUtil.isGraphURL, GraphRequest.parsePath), so the app keeps the real base
// URL and this last middleware sends the request to the emulator's loopback origin instead.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

export const GRAPH_ORIGIN = 'https://graph.microsoft.com';

export class LoopbackRewriteHandler implements Middleware {
  private next: Middleware | undefined;
  private readonly target: string;
  private readonly source: string;

  /** @param loopbackOrigin e.g. `http://127.0.0.1:4000` (a path, if given, is ignored). */
  constructor(loopbackOrigin: string, graphOrigin: string = GRAPH_ORIGIN) {
    const target = new URL(loopbackOrigin);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error(`LoopbackRewriteHandler needs an http(s) origin, got '${loopbackOrigin}'`);
    this.target = target.origin;
    this.source = new URL(graphOrigin).origin;
  }

  rewrite(url: string): string {
    if (url.toLowerCase().startsWith(`${this.source.toLowerCase()}/`)) return this.target + url.slice(this.source.length);
    return url;
  }

  async execute(context: Context): Promise<void> {
    const { request } = context;
    if (typeof request === 'string') {
      context.request = this.rewrite(request);
    } else {
      const rewritten = this.rewrite(request.url);
      if (rewritten !== request.url) context.request = new Request(rewritten, request);
    }
    if (!this.next) throw new Error('LoopbackRewriteHandler must be followed by HTTPMessageHandler');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
