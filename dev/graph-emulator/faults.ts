// Fault injection: 429 / 503 with Retry-After, and latency, deterministic under a seed.
// Never applied to /_emulator/*; applied to each $batch sub-request on its own (throttling).
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
  /**
   * Planner replication: for this many milliseconds after a plan or task is created, reading it
   * (and its details, buckets or tasks) answers 404, as Graph can right after creation (planner-overview).
   */
  replicationDelayMs: z.number().min(0).max(600_000).default(0),
});
export type FaultConfig = z.infer<typeof FaultConfigSchema>;
export type FaultInput = z.input<typeof FaultConfigSchema>;

export type Fault = { status: 429 | 503; retryAfter: string };

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function rng(seed: number): () => number {
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

  constructor(input: FaultInput = {}) {
    this.config = FaultConfigSchema.parse(input);
    this.pattern = globToRegExp(this.config.pathPattern);
    this.faultRandom = rng(this.config.seed);
    this.latencyRandom = rng(this.config.seed ^ 0x5bd1e995);
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

  latency(method: string, path: string): number {
    const { latencyMs, latencyJitterMs } = this.config;
    if (latencyMs + latencyJitterMs === 0 || !this.applies(method, path)) return 0;
    return Math.max(0, latencyMs + (this.latencyRandom() * 2 - 1) * latencyJitterMs);
  }
}
