// jsdom lacks a few browser APIs that Fluent UI and teams-js expect.
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
}
// Fluent's MessageBar measures its own width to choose a layout; jsdom has no layout to observe.
if (!('ResizeObserver' in window)) {
  class NoLayoutResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.assign(window, { ResizeObserver: NoLayoutResizeObserver });
  Object.assign(globalThis, { ResizeObserver: NoLayoutResizeObserver });
}
// A whole surface rendered in jsdom takes seconds on a loaded two-core CI machine: jest's 5 s default
// failed tests there that pass on an idle one. Files that need longer set their own.
jest.setTimeout(20_000);
