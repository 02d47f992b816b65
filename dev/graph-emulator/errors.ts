// Errors in Graph's shape: {"error":{"code","message","innerError":{"request-id","date","client-request-id"}}}.
// Codes are the ones Graph documents (errors overview) or returns in practice for these resources.
import type { ZodError } from 'zod';

export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (message = 'The resource could not be found.') => new GraphHttpError(404, 'itemNotFound', message);
export const invalidRequest = (message: string) => new GraphHttpError(400, 'invalidRequest', message);
export const accessDenied = (message = 'Access denied. Check credentials and try again.') => new GraphHttpError(403, 'accessDenied', message);
export const preconditionFailed = (message = 'The resource has changed since the caller last read it; usually an eTag mismatch') =>
  new GraphHttpError(412, 'preconditionFailed', message);

export function zodMessage(error: ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

export interface ErrorBody {
  error: { code: string; message: string; innerError: { 'request-id': string; date: string; 'client-request-id': string } };
}

export function errorBody(code: string, message: string, requestId: string, clientRequestId: string, now: Date): ErrorBody {
  const date = now.toISOString().replace(/\.\d{3}Z$/, '');
  return { error: { code, message, innerError: { 'request-id': requestId, date, 'client-request-id': clientRequestId } } };
}
