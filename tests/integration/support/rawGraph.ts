// Plain fetch against the emulator, for what the Graph SDK refuses to send (21-request batches,
// missing tokens, CORS preflights) and for reading status and headers exactly.
import { fetchToken, type TokenOptions } from './emulatorClient';

export interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface RawOptions extends TokenOptions {
  /** Signs in as this user with a token from the emulator's token endpoint (every app scope by default). */
  upn?: string;
  /** A ready token instead (forged, expired, another audience …); wins over `upn`. */
  token?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export async function rawGraph(origin: string, method: string, path: string, options: RawOptions = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token ?? (options.upn !== undefined ? await fetchToken(origin, options.upn, options) : undefined);
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${new URL(origin).origin}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}
