// Plain fetch against the emulator, for what the Graph SDK refuses to send (21-request batches,
// missing tokens, CORS preflights) and for reading status and headers exactly.

export interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface RawOptions {
  upn?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export async function rawGraph(origin: string, method: string, path: string, options: RawOptions = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.upn !== undefined) headers.Authorization = `Bearer dev:${options.upn}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${new URL(origin).origin}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}
