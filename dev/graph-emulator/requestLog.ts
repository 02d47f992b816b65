// Every Graph request the emulator answered, so benchmarks can count round trips.

export interface LoggedRequest {
  at: string;
  method: string;
  path: string;
  status: number;
  /** True for a $batch sub-request (not a round trip of its own). */
  batched: boolean;
}

export interface RequestSummary {
  /** HTTP requests to /v1.0 (a $batch counts once). */
  roundTrips: number;
  /** Sub-requests carried inside $batch calls. */
  batchedRequests: number;
  /** `METHOD path` → count, over round trips and sub-requests. */
  counts: Record<string, number>;
  byStatus: Record<string, number>;
  entries: LoggedRequest[];
}

export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
  }

  clear(): void {
    this.entries = [];
  }

  summary(): RequestSummary {
    const counts: Record<string, number> = {};
    const byStatus: Record<string, number> = {};
    for (const e of this.entries) {
      const key = `${e.method} ${e.path}`;
      counts[key] = (counts[key] ?? 0) + 1;
      byStatus[String(e.status)] = (byStatus[String(e.status)] ?? 0) + 1;
    }
    return {
      roundTrips: this.entries.filter((e) => !e.batched).length,
      batchedRequests: this.entries.filter((e) => e.batched).length,
      counts,
      byStatus,
      entries: [...this.entries],
    };
  }
}
