// The simulation store in component tests: a fake worker that records what it is sent, a reset between tests,
// and a layout for the components that measure themselves (jsdom lays nothing out).

import { vi } from 'vitest';
import { useSimStore, type SimStore } from '../../store/sim-store';
import type { ToWorker } from '../../worker/protocol';

/** The store as it was before any test touched it. */
const INITIAL = useSimStore.getState();

/** Puts the whole store back as it was before any test touched it. */
export function resetStore(): void {
  useSimStore.setState(INITIAL, true);
}

/**
 * Connects the store to a fake worker that answers nothing, then sets `state`.
 * Returns the list to which every message sent to the worker is appended.
 */
export function connectFakeWorker(state: Partial<SimStore> = {}): ToWorker[] {
  const sent: ToWorker[] = [];
  useSimStore.getState().connect({
    send: (m) => sent.push(m),
    onMessage: () => undefined,
    onCrash: () => undefined,
    terminate: () => undefined,
  });
  useSimStore.setState(state);
  return sent;
}

/** Every element measures `width` × `height` from the origin (undo with `vi.restoreAllMocks()`). */
export function fakeLayout(width: number, height: number): void {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({
    left: 0,
    top: 0,
    right: width,
    bottom: height,
    width,
    height,
    x: 0,
    y: 0,
    toJSON: () => ({}),
  });
}
