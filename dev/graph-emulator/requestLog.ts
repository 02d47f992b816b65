// Every Graph request the emulator answered, so benchmarks can count round trips.

export interface LoggedRequest {
  at: string;
  method: string;
  path: string;
  status: number;
  /** True for a $batch sub-request (not a round trip of its own). */
  batched: boolean;
  /** SharePoint resource units this request cost (budget.ts); 0 for directory and Planner calls. */
  ru?: number;
  /** The kind of call it was charged as (single item, multi-item query, write, …). */
  kind?: string;
  /** True when the budget answered it 429 (it still cost its RU: throttled requests count). */
  throttledByBudget?: boolean;
  /** A failure after the fact (faults.ts): the request was applied, then this happened to the answer. */
  afterCommit?: 'afterCommit504' | 'afterCommitReset' | 'duplicate';
  /** With `afterCommit`: the status the emulator had for the applied request before the answer was lost. */
  appliedStatus?: number;
}

export interface RequestSummary {
  /** HTTP requests to /v1.0 (a $batch counts once). */
  roundTrips: number;
  /** Sub-requests carried inside $batch calls. */
  batchedRequests: number;
  /** `METHOD path` → count, over round trips and sub-requests. */
  counts: Record<string, number>;
  byStatus: Record<string, number>;
  /** SharePoint resource units of all requests since the last clear. */
  ru: number;
  /** The most recent requests (at most MAX_LOG_ENTRIES). */
  entries: LoggedRequest[];
}

/** Entries kept for inspection; the counts cover every request since the last clear. */
export const MAX_LOG_ENTRIES = 10_000;

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private counts: Record<string, number> = {};
  private byStatus: Record<string, number> = {};
  private roundTrips = 0;
  private batchedRequests = 0;
  private ru = 0;

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_LOG_ENTRIES) this.entries.splice(0, this.entries.length - MAX_LOG_ENTRIES);
    const key = `${entry.method} ${entry.path}`;
    this.counts[key] = (this.counts[key] ?? 0) + 1;
    this.byStatus[String(entry.status)] = (this.byStatus[String(entry.status)] ?? 0) + 1;
    this.ru += entry.ru ?? 0;
    if (entry.batched) this.batchedRequests++;
    else this.roundTrips++;
  }

  clear(): void {
    this.entries = [];
    this.counts = {};
    this.byStatus = {};
    this.roundTrips = 0;
    this.batchedRequests = 0;
    this.ru = 0;
  }

  summary(): RequestSummary {
    return {
      roundTrips: this.roundTrips,
      batchedRequests: this.batchedRequests,
      counts: { ...this.counts },
      byStatus: { ...this.byStatus },
      ru: this.ru,
      entries: [...this.entries],
    };
  }
}
