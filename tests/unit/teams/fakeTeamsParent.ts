// Plays the Teams client for teams-js under jsdom: it becomes `window.parent`, receives the
// requests teams-js posts, and answers through `message` events on the app's window, which is the
// path a real host's answers take. Tests then observe the adapter, not teams-js internals.

export interface HostCall {
  func: string;
  args: unknown[];
}

type Answer = (args: unknown[]) => unknown[] | undefined;

interface Request {
  id: number;
  uuidAsString?: string;
  func: string;
  args?: unknown[];
}

export const RUNTIME_CONFIG = JSON.stringify({ apiVersion: 4, supports: { app: {}, meeting: {}, pages: { config: {}, tabs: {} }, teamsCore: {} } });

/** A legacy (flat) Teams context as the host sends it in answer to `getContext`. */
export function legacyContext(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    locale: 'nl-NL',
    theme: 'default',
    frameContext: 'sidePanel',
    hostClientType: 'web',
    entityId: 'sessie-2026-11-23',
    userObjectId: '0b1c2d3e-4f50-4617-8829-3a4b5c6d7e81',
    userPrincipalName: 'marieke.devries@gemeente-voorbeeld.nl',
    loginHint: 'marieke.devries@gemeente-voorbeeld.nl',
    userDisplayName: 'Marieke de Vries',
    tid: '7d3a5c1e-2b4f-4e8a-9c6d-0f1e2a3b4c5d',
    meetingId: 'MCMxOTptZWV0aW5nX2FiY0B0aHJlYWQudjIjMA==',
    chatId: '19:meeting_abc@thread.v2',
    ...overrides,
  };
}

export class FakeTeamsParent {
  readonly calls: HostCall[] = [];
  readonly closed = false;
  private readonly answers = new Map<string, Answer>();
  private readonly held = new Map<string, Request[]>();
  private fallback: ((func: string, args: unknown[]) => unknown[] | undefined) | null = null;
  private readonly original: PropertyDescriptor | undefined;

  constructor(
    private readonly win: Window,
    /** Without a context the fake answers nothing by itself; see `answerOthers`. */
    context?: Record<string, unknown>,
  ) {
    this.original = Object.getOwnPropertyDescriptor(win, 'parent');
    if (context) {
      this.answer('initialize', () => [context.frameContext, 'web', RUNTIME_CONFIG, '2.58.0']);
      this.answer('getContext', () => [context]);
    }
    Object.defineProperty(win, 'parent', { configurable: true, get: () => this });
  }

  /** Replaces the host's answer to `func`; `undefined` means the host stays silent. */
  answer(func: string, answer: Answer): void {
    this.answers.set(func, answer);
  }

  /** Answers every request without a specific answer, e.g. with the meeting simulator's protocol. */
  answerOthers(responder: (func: string, args: unknown[]) => unknown[] | undefined): void {
    this.fallback = responder;
  }

  /** Keeps requests for `func` unanswered until the returned function is called. */
  hold(func: string): () => void {
    this.held.set(func, []);
    return () => {
      const pending = this.held.get(func) ?? [];
      this.held.delete(func);
      for (const request of pending) this.respond(request);
    };
  }

  /** Called by teams-js as `window.parent.postMessage(request, origin)`. */
  postMessage(message: unknown): void {
    const request = message as Request;
    if (typeof request.func !== 'string') return;
    this.calls.push({ func: request.func, args: request.args ?? [] });
    const held = this.held.get(request.func);
    if (held) held.push(request);
    else this.respond(request);
  }

  private respond(request: Request): void {
    const answer = this.answers.get(request.func);
    const args = answer ? answer(request.args ?? []) : this.fallback?.(request.func, request.args ?? []);
    if (args !== undefined) this.deliver({ id: request.id, uuidAsString: request.uuidAsString, args });
  }

  /** An event the host pushes to the app, such as `themeChange` or `settings.save`. */
  emit(func: string, args: unknown[]): void {
    this.deliver({ func, args });
  }

  callsTo(func: string): HostCall[] {
    return this.calls.filter((call) => call.func === func);
  }

  restore(): void {
    if (this.original) Object.defineProperty(this.win, 'parent', this.original);
    else delete (this.win as unknown as Record<string, unknown>).parent;
  }

  private deliver(data: unknown): void {
    // postMessage is asynchronous; answering in the same tick would hide ordering bugs.
    setTimeout(() => {
      // jsdom's MessageEvent only accepts real windows as `source`; teams-js reads just these three fields.
      const event = new Event('message');
      Object.defineProperties(event, {
        data: { value: data },
        origin: { value: this.win.location.origin },
        source: { value: this },
      });
      this.win.dispatchEvent(event);
    }, 0);
  }
}

/** Resolves once `condition` holds; fails the test after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * teams-js fetches its valid-origins list at import; jsdom has no fetch. An offline fetch is what
 * these machines have anyway, and teams-js then falls back to its built-in list.
 */
export function installOfflineFetch(): void {
  (globalThis as { fetch?: unknown }).fetch = () => Promise.reject(new TypeError('offline'));
}
