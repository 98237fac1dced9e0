// The messages on the wire, by id. Ids are handed out in increasing order and a message
// leaves within its latency, so the live ones sit in a short sliding window of an array:
// adding, finding and removing one is an index, not a hash, and reading them all gives
// them in id order (the order they were sent).

import type { Envelope } from './types';

/** Compact the array once this many slots before the first live one are empty. */
const COMPACT_AFTER = 1024;

export class InFlight {
  /** slots[i] holds the message with id `base + i`, or undefined once it has left. */
  private slots: (Envelope | undefined)[] = [];
  private base = 0;
  /** slots before `head` are all empty. */
  private head = 0;
  private count = 0;

  constructor(messages: Iterable<Envelope> = []) {
    for (const m of messages) this.add(m);
  }

  get size(): number {
    return this.count;
  }

  /** Adds a message whose id is greater than every id added before. */
  add(message: Envelope): void {
    if (this.count === 0) {
      this.slots = [];
      this.base = message.id;
      this.head = 0;
    }
    const at = message.id - this.base;
    if (at < this.slots.length) throw new Error(`message #${message.id} added out of order`);
    while (this.slots.length < at) this.slots.push(undefined);
    this.slots.push(message);
    this.count += 1;
  }

  get(id: number): Envelope | undefined {
    const at = id - this.base;
    return at >= this.head && at < this.slots.length ? this.slots[at] : undefined;
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  /** Removes the message; false when it was not in flight. */
  delete(id: number): boolean {
    const at = id - this.base;
    if (at < this.head || at >= this.slots.length || this.slots[at] === undefined) return false;
    this.slots[at] = undefined;
    this.count -= 1;
    const slots = this.slots;
    while (this.head < slots.length && slots[this.head] === undefined) this.head += 1;
    if (this.head >= COMPACT_AFTER) {
      this.slots = slots.slice(this.head);
      this.base += this.head;
      this.head = 0;
    }
    return true;
  }

  /** Every message in flight, in id order. */
  values(): Envelope[] {
    const out: Envelope[] = [];
    const slots = this.slots;
    for (let i = this.head; i < slots.length; i++) {
      const m = slots[i];
      if (m !== undefined) out.push(m);
    }
    return out;
  }
}
