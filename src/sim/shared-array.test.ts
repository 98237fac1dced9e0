import { describe, expect, it } from 'vitest';
import { SHARED_CHUNK, shareArray, unshareArray } from './shared-array';

const numbers = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => from + i);

describe('shareArray', () => {
  it('gives back the same items, in order, at any length', () => {
    for (const n of [0, 1, SHARED_CHUNK - 1, SHARED_CHUNK, 2 * SHARED_CHUNK + 5]) {
      expect(unshareArray(shareArray(numbers(n), undefined))).toEqual(numbers(n));
    }
  });

  it('reuses the chunks a grown array still has, its partial tail grown in place', () => {
    const items = numbers(2 * SHARED_CHUNK + 10);
    const first = shareArray(items, undefined);
    const before = [...items];
    items.push(...numbers(SHARED_CHUNK, 10_000));
    const second = shareArray(items, first);
    expect(second.chunks[0]).toBe(first.chunks[0]);
    expect(second.chunks[1]).toBe(first.chunks[1]);
    // The partial chunk took the new items up to its full size: the same chunk, read to each save's length.
    expect(second.chunks[2]).toBe(first.chunks[2]);
    expect(second.chunks[3]).toHaveLength(10);
    expect(unshareArray(second)).toEqual(items);
    expect(unshareArray(first)).toEqual(before);
  });

  it('copies a tail another save grew already, or whose items changed, and leaves the earlier saves whole', () => {
    const items = numbers(10);
    const first = shareArray(items, undefined);
    const grown = shareArray([...items, 1, 2], first);
    // A second branch from `first`: its tail was grown by the save above, so it gets its own.
    const other = shareArray([...items, 7], first);
    expect(grown.chunks[0]).toBe(first.chunks[0]);
    expect(other.chunks[0]).not.toBe(first.chunks[0]);
    // A rewritten item inside the tail the previous save used: no sharing.
    const rewritten = shareArray([0, 1, 2, -3, 4, 5, 6, 7, 8, 9, 10, 11, 12], grown);
    expect(rewritten.chunks[0]).not.toBe(grown.chunks[0]);
    expect(unshareArray(first)).toEqual(numbers(10));
    expect(unshareArray(grown)).toEqual([...numbers(10), 1, 2]);
    expect(unshareArray(other)).toEqual([...numbers(10), 7]);
    expect(unshareArray(rewritten)).toEqual([0, 1, 2, -3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('shares in smaller chunks when asked, so a checkpoint copies fewer items of a changing tail', () => {
    const items = numbers(100);
    const first = shareArray(items, undefined, { chunkSize: 16 });
    items[99] = -1;
    items.push(7);
    const second = shareArray(items, first, { chunkSize: 16 });
    expect(second.chunks.map((c) => c.length)).toEqual([16, 16, 16, 16, 16, 16, 5]);
    expect(second.chunks.slice(0, 6)).toEqual(first.chunks.slice(0, 6));
    second.chunks.slice(0, 6).forEach((c, k) => expect(c).toBe(first.chunks[k]));
    expect(unshareArray(second)).toEqual(items);
  });

  it('does not reuse a chunk whose items changed (a truncated and rewritten log)', () => {
    const items = numbers(2 * SHARED_CHUNK);
    const first = shareArray(items, undefined);
    items.length = SHARED_CHUNK + 3;
    items.push(...numbers(SHARED_CHUNK - 3, -5000));
    const second = shareArray(items, first);
    expect(second.chunks[0]).toBe(first.chunks[0]);
    expect(second.chunks[1]).not.toBe(first.chunks[1]);
    expect(unshareArray(second)).toEqual(items);
  });

  it('keeps copies of mutable items, so later changes to the live ones do not reach the saved ones', () => {
    const live = Array.from({ length: SHARED_CHUNK }, (_, i) => ({ id: i, status: 'pending' }));
    const copy = (r: { id: number; status: string }) => ({ ...r });
    const same = (a: { status: string }, b: { status: string }) => a.status === b.status;
    const first = shareArray(live, undefined, { same, copy });
    live[7]!.status = 'done';
    const second = shareArray(live, first, { same, copy });
    expect(second.chunks[0]).not.toBe(first.chunks[0]);
    expect(unshareArray(first, copy)[7]!.status).toBe('pending');
    expect(unshareArray(second, copy)[7]!.status).toBe('done');
    const third = shareArray(live, second, { same, copy });
    expect(third.chunks[0]).toBe(second.chunks[0]);
  });

  it('reuses the chunks inside a prefix the caller says is unchanged without comparing them', () => {
    const items = numbers(3 * SHARED_CHUNK);
    const first = shareArray(items, undefined);
    let compared = 0;
    const same = (a: number, b: number) => (compared++, a === b);
    const second = shareArray([...items, 1], first, { same, unchanged: 2 * SHARED_CHUNK });
    // Only the third chunk, past the unchanged prefix, was compared.
    expect(compared).toBe(SHARED_CHUNK);
    expect(second.chunks.slice(0, 3)).toEqual(first.chunks);
    expect(unshareArray(second)).toEqual([...items, 1]);
  });
});
