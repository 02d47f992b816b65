// One person's frames of one session (the side panel and the stage in the same Teams client) read
// SharePoint once between them instead of once each: the frame holding a Web Lock reads and posts
// what it read on a BroadcastChannel; the others show that. When the reading frame closes, the lock
// passes to the next one. Both APIs are same-origin and same-browser, and the names carry the
// session key and the person's id, so nothing crosses to another person's frames.
// Web Locks: https://developer.mozilla.org/docs/Web/API/Web_Locks_API
// BroadcastChannel: https://developer.mozilla.org/docs/Web/API/BroadcastChannel
import type { ActionItem } from '../../domain/model';
import type { SessionSnapshot, Versioned } from '../../graph/contracts';

/** An own agenda change (saved, or deleted: null) the group view may not carry yet. */
export interface PendingAction {
  id: string;
  saved: Versioned<ActionItem> | null;
  until: number;
}

export type FrameMessage =
  /** What the reading frame read; `startedAt` is when that read began (same machine clock for all frames). */
  | { kind: 'snapshot'; snapshot: SessionSnapshot; startedAt: number }
  /** Another frame wrote: a read that began before it is out of date. */
  | { kind: 'wrote'; snapshot: SessionSnapshot; at: number; pending: PendingAction[] }
  /** A move is about to be made in another frame: save typed text now (./pendingText.tsx). */
  | { kind: 'flush'; id: string }
  /** This frame received `flush` `id` and is saving; `flushed` follows. */
  | { kind: 'flushing'; id: string; frame: string }
  | { kind: 'flushed'; id: string; frame: string; ok: boolean };

export interface FrameShare {
  /** True while this frame is the one that reads. */
  leading(): boolean;
  /** Called when this frame becomes the one that reads. */
  onLead(listener: () => void): void;
  post(message: FrameMessage): void;
  onMessage(listener: (message: FrameMessage) => void): void;
  close(): void;
}

interface LockManagerLike {
  request(name: string, callback: () => Promise<void>): Promise<void>;
}

/** Null where the browser lacks either API: then every frame reads for itself, as before. */
export function shareAcrossFrames(sessionKey: string, personId: string): FrameShare | null {
  const locks = (globalThis.navigator as (Navigator & { locks?: LockManagerLike }) | undefined)?.locks;
  if (!locks || typeof BroadcastChannel === 'undefined') return null;
  const name = `gesprekstool:${sessionKey}:${personId}`;
  const channel = new BroadcastChannel(name);
  let lead = false;
  let closed = false;
  let release: () => void = () => undefined;
  const leadListeners: (() => void)[] = [];
  const messageListeners: ((m: FrameMessage) => void)[] = [];
  channel.onmessage = (event: MessageEvent<FrameMessage>) => {
    for (const l of messageListeners) l(event.data);
  };
  void locks
    .request(`${name}:reader`, () => {
      if (closed) return Promise.resolve();
      lead = true;
      for (const l of leadListeners) l();
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    })
    .catch(() => undefined);
  return {
    leading: () => lead,
    onLead: (listener) => leadListeners.push(listener),
    post: (message) => {
      if (!closed) channel.postMessage(message);
    },
    onMessage: (listener) => messageListeners.push(listener),
    close: () => {
      closed = true;
      lead = false;
      release();
      channel.close();
    },
  };
}
