// An HTTP proxy in front of the emulator that lets a request be carried out and then loses its answer:
// a 504 in place of the real response, a connection destroyed without any answer, or — inside a
// $batch — the sub-responses of creates replaced by 504. This is what a gateway timing out after the
// commit looks like to a client (issue 13); until the emulator offers such faults itself, tests use this.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type AfterCommitFault = '504' | 'reset' | 'createsAnswered504';

export interface ProxiedRequest {
  /** 1-based count of HTTP requests through the proxy since the last `setRule`/`resetCount`. */
  n: number;
  method: string;
  path: string;
  body: string;
}

export interface AfterCommitProxy {
  origin: string;
  /** Decides per request, after the emulator has answered, whether the answer is lost and how. */
  setRule(rule: ((request: ProxiedRequest) => AfterCommitFault | null) | null): void;
  /** Requests whose answer this proxy lost so far. */
  lost(): ProxiedRequest[];
  count(): number;
  close(): Promise<void>;
}

const CREATE_URL = /^(?:\/v1\.0)?\/planner\/(?:tasks|plans|buckets)$/;

function gatewayTimeout(): { error: { code: string; message: string; innerError: Record<string, string> } } {
  const date = new Date().toISOString();
  return { error: { code: 'GatewayTimeout', message: 'The gateway did not receive a response in time.', innerError: { 'request-id': 'proxy', date, 'client-request-id': 'proxy' } } };
}

/** The batch answer with every create's sub-response turned into a 504 (the creates were carried out). */
function createsAnswered504(requestBody: string, responseBody: Buffer): Buffer {
  const request = JSON.parse(requestBody) as { requests: { id: string; method: string; url: string }[] };
  const creates = new Set(request.requests.filter((r) => r.method === 'POST' && CREATE_URL.test(r.url.split('?')[0] ?? '')).map((r) => r.id));
  const response = JSON.parse(responseBody.toString('utf8')) as { responses: { id: string; status: number; headers?: Record<string, string>; body?: unknown }[] };
  for (const r of response.responses) {
    if (!creates.has(r.id)) continue;
    r.status = 504;
    r.headers = { 'Content-Type': 'application/json' };
    r.body = gatewayTimeout();
  }
  return Buffer.from(JSON.stringify(response));
}

export async function startAfterCommitProxy(target: string): Promise<AfterCommitProxy> {
  const upstream = new URL(target);
  let rule: ((request: ProxiedRequest) => AfterCommitFault | null) | null = null;
  let n = 0;
  const lost: ProxiedRequest[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const isPreflight = req.method === 'OPTIONS';
      const seen: ProxiedRequest = { n: isPreflight ? 0 : ++n, method: req.method ?? 'GET', path: req.url ?? '/', body: body.toString('utf8') };
      const forward = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (c: Buffer) => parts.push(c));
          answer.on('end', () => {
            // The emulator has carried the request out; only now is its answer lost (or not).
            const fault = isPreflight || !rule ? null : rule(seen);
            if (fault) lost.push(seen);
            if (fault === 'reset') {
              req.socket.destroy();
              return;
            }
            if (fault === '504') {
              // A short Retry-After only keeps the test fast where a retry is allowed (reads, updates).
              res.writeHead(504, { 'Content-Type': 'application/json', 'Retry-After': '0.01' });
              res.end(JSON.stringify(gatewayTimeout()));
              return;
            }
            let payload: Buffer = Buffer.concat(parts);
            const headers = { ...answer.headers };
            if (fault === 'createsAnswered504' && seen.path.includes('$batch') && answer.statusCode === 200) {
              payload = createsAnswered504(seen.body, payload);
              delete headers['content-length'];
              delete headers['transfer-encoding'];
              headers['content-length'] = String(payload.length);
            }
            res.writeHead(answer.statusCode ?? 502, headers);
            res.end(payload);
          });
        },
      );
      forward.on('error', () => req.socket.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    setRule(next) {
      rule = next;
      n = 0;
    },
    lost: () => [...lost],
    count: () => n,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
