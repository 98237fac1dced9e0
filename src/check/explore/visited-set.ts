// The explorer's visited set: a set of keys, each a short sequence of small integers (lean-key.ts),
// held in typed arrays instead of a Set of strings. A Set<string> made one string per transition
// (most of them for states already seen) and kept one heap object per state, which the garbage
// collector walked on every pass; here a key is written into a scratch array, and only a new key is
// copied, into one growing block of memory the collector never looks inside.
//
// Exact, not a hash-only (bitstate) table: the hash only picks where to look, and a key counts as
// seen only when a stored key has the same length and the same numbers. No state is ever skipped
// because its hash met another's.

const EMPTY = 0;
const FIRST_SLOTS = 1 << 12;
const BLOCK = 1 << 16;

/** A 32-bit hash of key[0..length) (MurmurHash3's mixing, one integer at a time). */
export function hashKey(key: Int32Array, length: number): number {
  let h = length;
  for (let i = 0; i < length; i++) {
    let k = Math.imul(key[i]!, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

export class VisitedSet {
  /**
   * Every stored key, one after another, each as its length and then its numbers, in blocks of
   * fixed size (a key never straddles two): growing adds a block instead of copying them all.
   * A key's place is its block's number times BLOCK plus its offset in the block.
   */
  private readonly blocks: Int32Array[] = [new Int32Array(BLOCK)];
  /** How much of the last block is used. */
  private used = 0;
  /**
   * Open addressing, linear probing. Slot s is table[2s] = 1 + the key's place in the arena (or
   * EMPTY) and table[2s + 1] = its hash, side by side so a probe reads one cache line; the hash
   * also lets the table grow without hashing keys again.
   */
  private table = new Int32Array(2 * FIRST_SLOTS);
  private slots = FIRST_SLOTS;
  private count = 0;

  constructor(private readonly hash: (key: Int32Array, length: number) => number = hashKey) {}

  get size(): number {
    return this.count;
  }

  /** Adds key[0..length); false when an equal key was already in the set. */
  add(key: Int32Array, length: number): boolean {
    const h = this.hash(key, length);
    const table = this.table;
    const mask = this.slots - 1;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const slot = table[2 * at]!;
      if (slot === EMPTY) break;
      if (table[2 * at + 1] === h && this.equals(slot - 1, key, length)) return false;
    }
    const place = this.store(key, length);
    this.place(place + 1, h);
    this.count += 1;
    // Kept at most half full, so a miss ends after a probe or two.
    if (this.count * 2 > this.slots) this.grow();
    return true;
  }

  private equals(place: number, key: Int32Array, length: number): boolean {
    const block = this.blocks[(place / BLOCK) | 0]!;
    const at = place % BLOCK;
    if (block[at] !== length) return false;
    for (let i = 0; i < length; i++) if (block[at + 1 + i] !== key[i]) return false;
    return true;
  }

  private store(key: Int32Array, length: number): number {
    if (length + 1 > BLOCK) throw new Error(`a state key of ${length} numbers: more than the visited set holds`);
    if (this.used + length + 1 > BLOCK) {
      this.blocks.push(new Int32Array(BLOCK));
      this.used = 0;
    }
    const at = this.used;
    const block = this.blocks[this.blocks.length - 1]!;
    block[at] = length;
    for (let i = 0; i < length; i++) block[at + 1 + i] = key[i]!;
    this.used += length + 1;
    return (this.blocks.length - 1) * BLOCK + at;
  }

  private place(slot: number, h: number): void {
    const table = this.table;
    const mask = this.slots - 1;
    let at = h & mask;
    while (table[2 * at] !== EMPTY) at = (at + 1) & mask;
    table[2 * at] = slot;
    table[2 * at + 1] = h;
  }

  private grow(): void {
    const old = this.table;
    this.slots *= 2;
    this.table = new Int32Array(2 * this.slots);
    for (let at = 0; at < old.length; at += 2) if (old[at] !== EMPTY) this.place(old[at]!, old[at + 1]!);
  }
}
