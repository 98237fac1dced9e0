import { describe, expect, it } from 'vitest';
import { makeNode, makeSnapshot } from '../ui/test/snapshot-fixtures';
import { restoreFields } from '../store/restore-fields';
import { FrameMirror, sameData } from './frame-mirror';

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
    expect(mirror.delta(first)).toBe(first);
    const second = makeSnapshot([makeNode('A', { commitIndex: 3 }), makeNode('B')], { step: 2, time: 20 });
    const delta = mirror.delta(second);
    expect(Object.keys(delta).sort()).toEqual(['messages', 'nodes', 'requests', 'step', 'time']);
    expect(delta.nodes.map((n) => Object.keys(n).sort())).toEqual([
      ['commitIndex', 'id', 'log'],
      ['id', 'log'],
    ]);
    const ui = restoreFields(restoreFields(null, first), delta);
    expect(ui).toEqual(second);
    // An unchanged field is the UI's very object.
    expect(ui.network).toBe(first.network);
    mirror.forget();
    expect(mirror.delta(second)).toBe(second);
  });

  it('the store refuses a frame that leaves out fields it never had, rather than draw holes', () => {
    const mirror = new FrameMirror();
    mirror.delta(makeSnapshot([makeNode('A')], { step: 1, time: 10 }));
    const delta = mirror.delta(makeSnapshot([makeNode('A')], { step: 2, time: 20 }));
    expect(() => restoreFields(null, delta)).toThrow(/does not have/);
  });
});
