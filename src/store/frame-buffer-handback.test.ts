// The store hands each packed frame's buffer back to the worker with its `ready` (the worker packs the
// next frame into it: see EngineHost.spare), and only once it has read everything it shows from it.

import { afterEach, describe, expect, it } from 'vitest';
import { scenarioSchema } from '../scenario/schema';
import { EngineHost } from '../worker/engine-host';
import type { ToWorker } from '../worker/protocol';
import { manualClock } from '../worker/test/manual-clock';
import type { EnginePort } from './engine-port';
import { useSimStore } from './sim-store';

const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 40));

afterEach(() => useSimStore.setState({ snapshot: null, live: null, feed: [], playing: false, marks: null }));

describe('a packed frame’s buffer', () => {
  it('goes back to the worker with the ready that follows the frame, and the store keeps no view of it', async () => {
    const wall = manualClock();
    const listeners: ((m: Parameters<Parameters<EnginePort['onMessage']>[0]>[0]) => void)[] = [];
    const sent: ToWorker[] = [];
    const buffers: ArrayBuffer[] = [];
    const host = new EngineHost((message) => {
      if (message.type === 'packedFrame') buffers.push(message.numbers.buffer);
      queueMicrotask(() => listeners.forEach((l) => l(message)));
    }, wall.clock);
    useSimStore.getState().connect({
      send: (m) => {
        sent.push(m);
        host.receive(m);
      },
      onMessage: (l) => listeners.push(l),
      onCrash: () => undefined,
      terminate: () => undefined,
    });
    host.receive({ type: 'load', scenario: scenarioSchema.parse({ version: 1, nodes: 3, seed: 5 }) });
    host.receive({ type: 'speed', speed: 1 });
    host.receive({ type: 'play' });
    for (let t = 0; t < 1500; t += 100) {
      wall.advance(100);
      await nextFrame();
    }
    const readies = sent.filter((m): m is Extract<ToWorker, { type: 'ready' }> => m.type === 'ready');
    expect(readies.length).toBeGreaterThan(5);
    // Each ready hands back the buffer of the frame just drawn, in order.
    expect(readies.map((m) => m.spare)).toEqual(buffers.slice(0, readies.length));
    const shownBefore = JSON.stringify(useSimStore.getState().feed);
    // What the store shows was copied out: scribbling over every buffer handed back changes none of it.
    for (const m of readies) if (m.spare !== undefined) new Uint8Array(m.spare).fill(0xff);
    expect(JSON.stringify(useSimStore.getState().feed)).toBe(shownBefore);
    expect(useSimStore.getState().feed.length).toBeGreaterThan(20);
  });
});
