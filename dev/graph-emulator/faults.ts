// Fault injection: 429 / 503 with Retry-After, and latency, deterministic under a seed; and failures
// after the fact — the request is applied, then the answer is lost (504, a dropped connection) or the
// request is delivered twice. Never applied to /_emulator/*; applied to each $batch sub-request on its
// own (throttling).
import { z } from 'zod';

export const FaultConfigSchema = z.strictObject({
  /** Probability (0–1) that a matching request is answered 429 TooManyRequests. */
  rate429: z.number().min(0).max(1).default(0),
  /** Probability (0–1) that a matching request is answered 503 serviceNotAvailable. */
  rate503: z.number().min(0).max(1).default(0),
  latencyMs: z.number().min(0).max(60_000).default(0),
  latencyJitterMs: z.number().min(0).max(60_000).default(0),
  /** Seconds written in Retry-After; fractional values are allowed, as Graph sends them in batches. */
  retryAfterSeconds: z.number().min(0).max(3600).default(1),
  seed: z.number().int().default(1),
  /** Glob on the path after /v1.0 (`*` matches anything), e.g. `/sites/*`. */
  pathPattern: z.string().min(1).default('*'),
  /** Upper-case methods to fault; empty means all. */
  methods: z.array(z.string().regex(/^[A-Z]+$/)).default([]),
  /** Probability that a matching request is applied and then answered 504 GatewayTimeout. */
  afterCommit504: z.number().min(0).max(1).default(0),
  /** Probability that a matching request is applied and then the connection is closed without an answer. */
  afterCommitReset: z.number().min(0).max(1).default(0),
  /** Probability that a matching request is delivered twice: applied twice, answered with the second result. */
  duplicate: z.number().min(0).max(1).default(0),
  /**
   * Planner replication: for this many milliseconds after a plan or task is created, reading it
   * (and its details, buckets or tasks) answers 404, as Graph can right after creation (planner-overview).
   */
  replicationDelayMs: z.number().min(0).max(600_000).default(0),
});
export type FaultConfig = z.infer<typeof FaultConfigSchema>;
export type FaultInput = z.input<typeof FaultConfigSchema>;

export type Fault = { status: 429 | 503; retryAfter: string };
export type AfterCommitFault = 'afterCommit504' | 'afterCommitReset' | 'duplicate';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere (also the tests' seeded inputs). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

export class Faults {
  private config: FaultConfig;
  private pattern: RegExp;
  private faultRandom: () => number;
  private latencyRandom: () => number;
  private afterCommitRandom: () => number;

  constructor(input: FaultInput = {}) {
    this.config = FaultConfigSchema.parse(input);
    this.pattern = globToRegExp(this.config.pathPattern);
    this.faultRandom = rng(this.config.seed);
    this.latencyRandom = rng(this.config.seed ^ 0x5bd1e995);
    // A stream of its own, so turning these on does not change which requests get 429/503 under a seed.
    this.afterCommitRandom = rng(this.config.seed ^ 0x27d4eb2f);
  }

  get(): FaultConfig {
    return { ...this.config, methods: [...this.config.methods] };
  }

  /** Replaces the configuration and restarts the random sequences from its seed. */
  set(input: FaultInput): FaultConfig {
    const next = new Faults(input);
    this.config = next.config;
    this.pattern = next.pattern;
    this.faultRandom = next.faultRandom;
    this.latencyRandom = next.latencyRandom;
    this.afterCommitRandom = next.afterCommitRandom;
    return this.get();
  }

  private applies(method: string, path: string): boolean {
    return (this.config.methods.length === 0 || this.config.methods.includes(method)) && this.pattern.test(path);
  }

  decide(method: string, path: string): Fault | null {
    const { rate429, rate503 } = this.config;
    if (rate429 + rate503 === 0 || !this.applies(method, path)) return null;
    const r = this.faultRandom();
    const retryAfter = String(this.config.retryAfterSeconds);
    if (r < rate429) return { status: 429, retryAfter };
    if (r < rate429 + rate503) return { status: 503, retryAfter };
    return null;
  }

  /** Drawn only for requests that got no 429/503: what goes wrong after the request was applied. */
  decideAfterCommit(method: string, path: string): AfterCommitFault | null {
    const { afterCommit504, afterCommitReset, duplicate } = this.config;
    if (afterCommit504 + afterCommitReset + duplicate === 0 || !this.applies(method, path)) return null;
    const r = this.afterCommitRandom();
    if (r < afterCommit504) return 'afterCommit504';
    if (r < afterCommit504 + afterCommitReset) return 'afterCommitReset';
    if (r < afterCommit504 + afterCommitReset + duplicate) return 'duplicate';
    return null;
  }

  latency(method: string, path: string): number {
    const { latencyMs, latencyJitterMs } = this.config;
    if (latencyMs + latencyJitterMs === 0 || !this.applies(method, path)) return 0;
    return Math.max(0, latencyMs + (this.latencyRandom() * 2 - 1) * latencyJitterMs);
  }
}
