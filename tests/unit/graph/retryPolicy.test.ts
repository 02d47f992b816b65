import { parseRetryAfterMs, errorFromStatus, toGraphLayerError, ConflictError, ThrottledError, NotFoundError, AccessDeniedError, LimitExceededError, OfflineError, ServiceError } from '../../../src/graph/errors';
import { backoffMs, retryDelayMs, BACKOFF_MAX_MS } from '../../../src/graph/retryPolicy';
import { GraphError } from '@microsoft/microsoft-graph-client';

describe('Retry-After', () => {
  it('reads fractional seconds as Graph sends them inside $batch', () => {
    expect(parseRetryAfterMs('0.249')).toBe(249);
    expect(parseRetryAfterMs('3')).toBe(3000);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(parseRetryAfterMs('Mon, 23 Nov 2026 12:00:05 GMT', now)).toBe(5000);
  });

  it('falls back to exponential backoff when the header is missing or unreadable', () => {
    expect(parseRetryAfterMs(null)).toBeNull();
    expect(parseRetryAfterMs('soon')).toBeNull();
    const half = () => 0.5;
    expect(retryDelayMs('soon', 1, half)).toBe(backoffMs(1, half));
    expect(backoffMs(3, half)).toBe(2 * backoffMs(2, half));
    expect(backoffMs(30, half)).toBe(BACKOFF_MAX_MS);
  });
});

describe('typed errors', () => {
  it('turns Graph statuses into errors a caller can branch on', () => {
    expect(errorFromStatus(412, 'preconditionFailed', 'stale')).toBeInstanceOf(ConflictError);
    expect(errorFromStatus(429, 'TooManyRequests', '', 1500)).toMatchObject({ code: 'throttled', retryAfterMs: 1500, transient: true });
    expect(errorFromStatus(503, 'serviceNotAvailable', '')).toBeInstanceOf(ThrottledError);
    expect(errorFromStatus(404, 'itemNotFound', '')).toBeInstanceOf(NotFoundError);
    expect(errorFromStatus(403, 'accessDenied', '')).toBeInstanceOf(AccessDeniedError);
    expect(errorFromStatus(403, 'MaximumAssigneesInTasks', '')).toBeInstanceOf(LimitExceededError);
    expect(errorFromStatus(500, 'generalException', '')).toBeInstanceOf(ServiceError);
  });

  it('reports a failed fetch as offline', () => {
    const sdkError = new GraphError(-1, 'fetch failed');
    expect(toGraphLayerError(sdkError)).toBeInstanceOf(OfflineError);
    expect(toGraphLayerError(new TypeError('Failed to fetch'))).toBeInstanceOf(OfflineError);
  });
});
