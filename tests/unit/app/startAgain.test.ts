import { BootError } from '../../../src/app/bootstrap';
import { isPassingFailure, startAgainLater } from '../../../src/app/startAgain';
import { AccessDeniedError, OfflineError, ServiceError, ThrottledError } from '../../../src/graph/errors';
import type { Connectivity, Timers } from '../../../src/sync';

class FakeTimers implements Timers {
  private queue: { at: number; fn: () => void; id: number }[] = [];
  private now = 0;
  private next = 1;
  setTimeout(fn: () => void, ms: number) {
    const id = this.next++;
    this.queue.push({ at: this.now + ms, fn, id });
    return id;
  }
  clearTimeout(handle: unknown) {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }
  advance(ms: number) {
    this.now += ms;
    const due = this.queue.filter((t) => t.at <= this.now);
    this.queue = this.queue.filter((t) => t.at > this.now);
    for (const t of due) t.fn();
  }
  get pending() {
    return this.queue.length;
  }
}

class FakeConnectivity implements Connectivity {
  readonly listeners = new Set<() => void>();
  onOnline(listener: () => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  goOnline() {
    for (const l of [...this.listeners]) l();
  }
}

describe('a start-up that failed for want of a connection starts again by itself', () => {
  test('no connection, throttling and a failing service are failures that pass; a refused sign-in or access is not', () => {
    expect(isPassingFailure(new OfflineError('fetch failed'))).toBe(true);
    expect(isPassingFailure(new ThrottledError('busy', 1000))).toBe(true);
    expect(isPassingFailure(new ServiceError('bad gateway', null, 502))).toBe(true);
    expect(isPassingFailure(new AccessDeniedError('no', null, 403))).toBe(false);
    expect(isPassingFailure(new BootError('signInFailed', 'signIn'))).toBe(false);
    expect(isPassingFailure(new Error('boom'))).toBe(false);
  });

  test('it starts again after the backoff when nothing else happens, once', () => {
    const timers = new FakeTimers();
    const connectivity = new FakeConnectivity();
    const start = jest.fn();
    startAgainLater(start, 1, { timers, connectivity, random: () => 0.5 });
    timers.advance(499);
    expect(start).not.toHaveBeenCalled();
    timers.advance(1);
    expect(start).toHaveBeenCalledTimes(1);
    connectivity.goOnline();
    expect(start).toHaveBeenCalledTimes(1);
    expect(connectivity.listeners.size).toBe(0);
  });

  test('it starts again at once when the browser is back online, and not again when the backoff ends', () => {
    const timers = new FakeTimers();
    const connectivity = new FakeConnectivity();
    const start = jest.fn();
    startAgainLater(start, 3, { timers, connectivity, random: () => 0.5 });
    connectivity.goOnline();
    expect(start).toHaveBeenCalledTimes(1);
    expect(timers.pending).toBe(0);
    timers.advance(60_000);
    expect(start).toHaveBeenCalledTimes(1);
  });

  test('later attempts wait longer, and a cancelled restart never happens', () => {
    const timers = new FakeTimers();
    const start = jest.fn();
    startAgainLater(start, 4, { timers, connectivity: null, random: () => 0.5 });
    timers.advance(3_999);
    expect(start).not.toHaveBeenCalled();
    timers.advance(1);
    expect(start).toHaveBeenCalledTimes(1);

    const cancel = startAgainLater(start, 1, { timers, connectivity: null, random: () => 0.5 });
    cancel();
    timers.advance(60_000);
    expect(start).toHaveBeenCalledTimes(1);
  });
});
