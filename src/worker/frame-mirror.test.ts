import { describe, expect, it } from 'vitest';
import { makeNode, makeSnapshot } from '../ui/test/snapshot-fixtures';
import { restoreFields } from '../store/restore-fields';
import { assembleFrame } from '../store/assemble-frame';
import { unpackFrame } from '../store/unpack-frame';
import { EMPTY_PACKED_TRACE } from '../sim/trace-pack';
import { FrameMirror, sameData, type KvChangesSink } from './frame-mirror';
import { ALL_CARRIED, writeFrameNumbers, writeKvChangeCounts } from './frame-numbers';
import type { PackedFrameMessage } from './protocol';
import type { ClusterFrame } from '../sim/types';

describe('FrameMirror', () => {
  it('compares as data: primitives, arrays and plain objects all the way down', () => {
    expect(sameData({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameData({ a: [1, { b: null }] }, { a: [1, { b: 0 }] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameData([], [undefined])).toBe(false);
  });

  it('sends the first frame whole, then only changed fields, and the store puts the rest back', () => {
    const mirror = new FrameMirror();
    const first = makeSnapshot([makeNode('A'), makeNode('B')], { step: 1, time: 10 });
    const sent1 = send(mirror, first);
    // Nothing the numbers carry is sent as a field: the frame's counters, terms, indexes, timers.
    expect(Object.keys(sent1.snapshot).sort()).toEqual(
      Object.keys(first)
        .filter((key) => key !== 'time' && key !== 'step')
        .sort(),
    );
    expect(sent1.snapshot.nodes![0]).not.toHaveProperty('commitIndex');
    expect(sent1.snapshot.nodes![0]).toHaveProperty('kv');
    const ui1 = assembleFrame(null, unpackFrame(null, sent1));
    expect(ui1).toEqual(first);

    // B votes for a node outside the frame: the numbers cannot say so, so that field goes whole.
    const second = makeSnapshot([makeNode('A', { commitIndex: 3, kv: { x: '1' } }), makeNode('B', { votedFor: 'Z' })], {
      step: 2,
      time: 20,
    });
    const sent2 = send(mirror, second);
    expect(Object.keys(sent2.snapshot).sort()).toEqual(['messages', 'nodes', 'requests']);
    // The logs travel in the numbers' entries, one list for all the nodes.
    expect(sent2.snapshot.nodes!.map((n) => Object.keys(n).sort())).toEqual([
      ['id', 'kvChanges'],
      ['id', 'votedFor'],
    ]);
    const ui = assembleFrame(ui1, unpackFrame(ui1, sent2));
    expect(ui).toEqual(second);
    // An unchanged field is the UI's very object.
    expect(ui.network).toBe(ui1.network);
    mirror.forget();
    expect(Object.keys(send(mirror, second).snapshot.nodes![0]!)).toContain('kv');
  });

  it('sends a store that only changed values or grew as its changes, and one that lost a key whole', () => {
    const mirror = new FrameMirror();
    const at = (step: number, kv: Record<string, string>) =>
      makeSnapshot([makeNode('A', { kv })], { step, time: step * 10 });
    const frames = [
      at(1, { x: '1', y: '2' }),
      at(2, { x: '1', y: '3', z: '4' }),
      at(3, { y: '3', z: '4' }),
      at(4, { y: '3', z: '4', x: '5' }),
    ];
    const sent = frames.map((frame) => send(mirror, frame));
    expect(sent.map((m) => ({ kv: m.snapshot.nodes![0]!.kv, kvChanges: m.snapshot.nodes![0]!.kvChanges }))).toEqual([
      { kv: { x: '1', y: '2' }, kvChanges: undefined },
      { kv: undefined, kvChanges: { y: '3', z: '4' } },
      { kv: { y: '3', z: '4' }, kvChanges: undefined },
      { kv: undefined, kvChanges: { x: '5' } },
    ]);
    // The host sends the changes as strings beside the numbers: the same stores, in the same order.
    const packedMirror = new FrameMirror();
    const packed = frames.map((frame) => send(packedMirror, frame, true));
    expect(packed.map((m) => m.kvChanges)).toEqual([[], ['y', '3', 'z', '4'], [], ['x', '5']]);
    expect(packed.map((m) => m.snapshot.nodes?.[0]?.kvChanges)).toEqual([undefined, undefined, undefined, undefined]);
    // The frames whose only change was the store's values travel without node objects at all.
    expect(packed.map((m) => m.snapshot.nodes !== undefined)).toEqual([true, false, true, false]);
    for (const messages of [sent, packed]) {
      let ui: ClusterFrame | null = null;
      for (const [k, m] of messages.entries()) {
        ui = assembleFrame(ui, unpackFrame(ui, m));
        expect(ui).toEqual(frames[k]);
        // In the same order, too: the UI lists the keys as the node holds them.
        expect(Object.keys(ui.nodes[0]!.kv)).toEqual(Object.keys(frames[k]!.nodes[0]!.kv));
      }
    }
  });

  it('leaves the nodes out when the numbers carry all that changed, and the store keeps its nodes in order', () => {
    const mirror = new FrameMirror();
    const first = makeSnapshot([makeNode('A'), makeNode('B'), makeNode('C')], { step: 1, time: 10 });
    const sent1 = send(mirror, first);
    expect(sent1.snapshot.nodes).toHaveLength(3);
    const ui1 = assembleFrame(null, unpackFrame(null, sent1));
    // Only numbers changed (terms, indexes): no node object travels.
    const second = makeSnapshot(
      [makeNode('A', { currentTerm: 2, commitIndex: 1 }), makeNode('B', { currentTerm: 2 }), makeNode('C')],
      { step: 2, time: 20 },
    );
    const sent2 = send(mirror, second);
    expect(sent2.snapshot).not.toHaveProperty('nodes');
    const ui2 = assembleFrame(ui1, unpackFrame(ui1, sent2));
    expect(ui2).toEqual(second);
    expect(ui2.nodes[2]!.kv).toBe(ui1.nodes[2]!.kv);
    // One node's object field changed: every node's delta travels again, so the order is never guessed.
    const third = makeSnapshot(
      [
        makeNode('A', { currentTerm: 2, commitIndex: 1 }),
        makeNode('B', { currentTerm: 2, votedFor: 'Z' }),
        makeNode('C'),
      ],
      {
        step: 3,
        time: 30,
      },
    );
    const sent3 = send(mirror, third);
    expect(sent3.snapshot.nodes!.map((n) => n.id)).toEqual(['A', 'B', 'C']);
    expect(assembleFrame(ui2, unpackFrame(ui2, sent3))).toEqual(third);
    // With nothing to keep, a frame without its nodes is refused, not drawn empty.
    expect(() => unpackFrame(null, sent2)).toThrow(/UI has none/);
  });

  it('the store refuses a frame that leaves out fields it never had, rather than draw holes', () => {
    const mirror = new FrameMirror();
    mirror.delta(makeSnapshot([makeNode('A')], { step: 1, time: 10 }), [ALL_CARRIED]);
    const delta = mirror.delta(makeSnapshot([makeNode('A')], { step: 2, time: 20 }), [ALL_CARRIED]);
    // Nothing but numbers changed, so the nodes are left out: each is its id, as the store reads it.
    expect(delta.nodes).toBeUndefined();
    const nodes = [{ id: 'A', log: [] }];
    expect(() => restoreFields(null, { ...delta, nodes, time: 20, step: 2 })).toThrow(/does not have/);
  });
});

const counters = {
  end: { step: 0, time: 0 },
  branch: 0,
  speed: 1,
  playing: false,
  manual: false,
  resetFeed: false,
  jumped: false,
};

/** What the worker would send for `frame` (no requests); with `kvAsStrings`, the key-value changes as the host sends them. */
function send(mirror: FrameMirror, frame: ClusterFrame, kvAsStrings = false): PackedFrameMessage {
  const { numbers, carried, entries } = writeFrameNumbers(
    { ...counters, time: frame.time, step: frame.step },
    frame.nodes,
    frame.nodes.map(() => 0),
    [],
    [],
    frame.nodes.map((node) => node.log),
  );
  const kv: KvChangesSink | undefined = kvAsStrings ? { pairs: [], counts: [] } : undefined;
  const snapshot = mirror.delta(frame, carried, kv);
  if (kv) writeKvChangeCounts(numbers, kv.counts);
  return { type: 'packedFrame', numbers, snapshot, entries, kvChanges: kv?.pairs ?? [], events: EMPTY_PACKED_TRACE };
}
