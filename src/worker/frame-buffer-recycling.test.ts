// A frame's buffer goes to the UI and comes back with the UI's `ready` (see EngineHost.spare): the next
// frame packs into it. Whatever the buffer held before must not leak into that frame.

import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../scenario/schema';
import { unpackTrace } from '../sim/trace-pack';
import type { TraceEvent } from '../sim/types';
import { EngineHost } from './engine-host';
import type { FrameMessage } from './protocol';
import { manualClock } from './test/manual-clock';
import { unpacking } from './test/unpacking';

interface Read {
  readonly frame: Omit<FrameMessage, 'events'>;
  readonly records: readonly TraceEvent[];
}

/** Plays a partitioned 5-node run with writes, handing each frame's buffer back when `recycle` says so. */
function play(recycle: (buffer: ArrayBuffer) => ArrayBuffer | undefined): { reads: Read[]; reused: number } {
  const reads: Read[] = [];
  let last: ArrayBuffer | undefined;
  let spare: ArrayBuffer | undefined;
  let reused = 0;
  const wall = manualClock();
  const read = unpacking((m) => {
    if (m.type !== 'frame') throw new Error(`the host posted ${m.type}`);
    const { events, ...frame } = m;
    reads.push({ frame, records: unpackTrace(events) });
  });
  const host = new EngineHost((message) => {
    if (message.type !== 'packedFrame') return read(message);
    const buffer = message.numbers.buffer;
    if (buffer === spare) reused++;
    last = buffer;
    read(message);
  }, wall.clock);
  const ready = (): void => {
    spare = last === undefined ? undefined : recycle(last);
    host.receive(spare === undefined ? { type: 'ready' } : { type: 'ready', spare });
  };
  host.receive({ type: 'load', scenario: scenarioSchema.parse({ version: 1, nodes: 5, seed: 11 }) });
  host.receive({ type: 'speed', speed: 1 });
  host.receive({ type: 'play' });
  for (let t = 0; t < 4000; t += 100) {
    if (t === 1500)
      host.receive({
        type: 'act',
        action: {
          do: 'partition',
          groups: [
            ['A', 'B'],
            ['C', 'D', 'E'],
          ],
        },
      });
    if (t === 3000) host.receive({ type: 'act', action: { do: 'heal' } });
    host.receive({ type: 'act', action: { do: 'submit', command: `set k${t % 3} ${t}` } });
    wall.advance(100);
    ready();
  }
  return { reads, reused };
}

describe('a frame buffer handed back by the UI', () => {
  it('is packed into again, and the frames read exactly as frames packed into fresh buffers', () => {
    const fresh = play(() => undefined);
    // The UI is done with the buffer; scribble over all of it, as if it held anything at all.
    const recycled = play((buffer) => {
      new Uint8Array(buffer).fill(0xff);
      return buffer;
    });
    expect(fresh.reused).toBe(0);
    expect(recycled.reused).toBeGreaterThan(fresh.reads.length / 2);
    expect(recycled.reads.length).toBe(fresh.reads.length);
    expect(recycled.reads.flatMap((r) => r.records).length).toBeGreaterThan(500);
    expect(recycled.reads).toEqual(fresh.reads);
  });

  it('is not used when it is too small, or was let go (detached: no bytes)', () => {
    const { reads, reused } = play(() => new ArrayBuffer(0));
    expect(reused).toBe(0);
    expect(reads).toEqual(play(() => undefined).reads);
  });
});
