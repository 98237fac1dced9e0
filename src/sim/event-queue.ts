// A priority queue of future events ordered by (time, seq): ties are broken by the
// order of scheduling, so the simulation never depends on the heap's internal layout.
// The binary heap is kept as three parallel arrays (times, seqs, items), so scheduling
// an event allocates nothing but its item.

/** A checkpoint of the queue: the heap's arrays as they were, and the next sequence number. */
export interface SavedQueue<T> {
  readonly times: readonly number[];
  readonly seqs: readonly number[];
  readonly items: readonly T[];
  readonly nextSeq: number;
}

export class EventQueue<T> {
  private times: number[] = [];
  private seqs: number[] = [];
  private items: T[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.items.length;
  }

  push(time: number, item: T): void {
    const { times, seqs, items } = this;
    const seq = this.nextSeq++;
    let i = items.length;
    times.push(time);
    seqs.push(seq);
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (!(time < pt || (time === pt && seq < seqs[parent]!))) break;
      times[i] = pt;
      seqs[i] = seqs[parent]!;
      items[i] = items[parent]!;
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
  }

  /** The time of the next event, if any. */
  peekTime(): number | undefined {
    return this.times[0];
  }

  /** The next event, if any. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** Remove the next event and return it. */
  pop(): T | undefined {
    const { times, seqs, items } = this;
    const top = items[0];
    if (top === undefined) return undefined;
    const time = times.pop()!;
    const seq = seqs.pop()!;
    const item = items.pop()!;
    const n = items.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n) {
        const rt = times[right]!;
        const lt = times[left]!;
        if (rt < lt || (rt === lt && seqs[right]! < seqs[left]!)) child = right;
      }
      const ct = times[child]!;
      if (!(ct < time || (ct === time && seqs[child]! < seq))) break;
      times[i] = ct;
      seqs[i] = seqs[child]!;
      items[i] = items[child]!;
      i = child;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
    return top;
  }

  /** Every pending event, in no particular order (for snapshots and checkpoints). */
  entries(): readonly T[] {
    return this.items;
  }

  save(): SavedQueue<T> {
    return { times: [...this.times], seqs: [...this.seqs], items: [...this.items], nextSeq: this.nextSeq };
  }

  static restore<T>(saved: SavedQueue<T>): EventQueue<T> {
    const q = new EventQueue<T>();
    q.times = [...saved.times];
    q.seqs = [...saved.seqs];
    q.items = [...saved.items];
    q.nextSeq = saved.nextSeq;
    return q;
  }
}
