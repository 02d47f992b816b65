import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { LoopbackRewriteHandler } from '../../../src/graph/loopbackRewrite';

function capture(): Middleware & { seen: Context[] } {
  const seen: Context[] = [];
  return { seen, execute: (context: Context) => Promise.resolve(void seen.push({ ...context })) };
}

describe('LoopbackRewriteHandler', () => {
  it('sends a graph.microsoft.com URL to the loopback origin, keeping path and query', async () => {
    const handler = new LoopbackRewriteHandler('http://127.0.0.1:4000/v1.0');
    const next = capture();
    handler.setNext(next);
    await handler.execute({ request: "https://graph.microsoft.com/v1.0/sites/x/lists?$filter=displayName eq 'a'", options: { method: 'GET' } });
    expect(next.seen[0]?.request).toBe("http://127.0.0.1:4000/v1.0/sites/x/lists?$filter=displayName eq 'a'");
  });

  it('rewrites Request objects and keeps their method, headers and body', async () => {
    const handler = new LoopbackRewriteHandler('http://127.0.0.1:4000');
    const next = capture();
    handler.setNext(next);
    const request = new Request('https://graph.microsoft.com/v1.0/me', { method: 'PATCH', headers: { Authorization: 'Bearer t', 'If-Match': '"e"' }, body: '{"a":1}' });
    await handler.execute({ request });
    const sent = next.seen[0]?.request as Request;
    expect(sent.url).toBe('http://127.0.0.1:4000/v1.0/me');
    expect(sent.method).toBe('PATCH');
    expect(sent.headers.get('authorization')).toBe('Bearer t');
    expect(await sent.text()).toBe('{"a":1}');
  });

  it('leaves other hosts alone', async () => {
    const handler = new LoopbackRewriteHandler('http://127.0.0.1:4000');
    const next = capture();
    handler.setNext(next);
    await handler.execute({ request: 'https://graph.microsoft.com.evil.example/v1.0/me' });
    await handler.execute({ request: 'https://login.microsoftonline.com/common' });
    expect(next.seen.map((c) => c.request)).toEqual(['https://graph.microsoft.com.evil.example/v1.0/me', 'https://login.microsoftonline.com/common']);
  });

  it('refuses an origin that is not http(s)', () => {
    expect(() => new LoopbackRewriteHandler('file:///tmp')).toThrow(/http/);
  });
});
