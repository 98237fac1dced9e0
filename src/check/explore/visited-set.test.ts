// The visited set is exact: a key counts as seen only when an equal key was added, whatever the
// hashes say. A hash-only (bitstate) table would merge states that collide and hide their futures.

import { describe, expect, it } from 'vitest';
import { hashKey, VisitedSet } from './visited-set';

const key = (...numbers: number[]) => Int32Array.from(numbers);
const add = (set: VisitedSet, k: Int32Array) => set.add(k, k.length);

describe('VisitedSet', () => {
  it('tells keys apart even when every hash collides', () => {
    const set = new VisitedSet(() => 7);
    expect(add(set, key(1, 2))).toBe(true);
    expect(add(set, key(2, 1))).toBe(true);
    expect(add(set, key(1))).toBe(true);
    expect(add(set, key(1, 2, 0))).toBe(true);
    expect(add(set, key(1, 2))).toBe(false);
    expect(add(set, key(2, 1))).toBe(false);
    expect(set.size).toBe(4);
  });

  it('reads only the first `length` numbers of the buffer it is given', () => {
    const set = new VisitedSet();
    const buffer = key(5, 6, 7, 8);
    expect(set.add(buffer, 2)).toBe(true);
    expect(add(set, key(5, 6))).toBe(false);
    expect(add(set, key(5, 6, 7))).toBe(true);
  });

  it('agrees with a Set of strings over many keys, across its growth', () => {
    const set = new VisitedSet();
    const reference = new Set<string>();
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 50;
    for (let n = 0; n < 30_000; n++) {
      const k = key(...Array.from({ length: 1 + (n % 4) }, next));
      const isNew = !reference.has(k.join(','));
      reference.add(k.join(','));
      expect(add(set, k)).toBe(isNew);
    }
    expect(set.size).toBe(reference.size);
  });

  it('spreads small keys over many hashes', () => {
    const hashes = new Set<number>();
    for (let a = 0; a < 100; a++) for (let b = 0; b < 100; b++) hashes.add(hashKey(key(a, b), 2) & 0xffff);
    expect(hashes.size).toBeGreaterThan(5_000);
  });
});
