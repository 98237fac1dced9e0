// A priority queue of future events ordered by (time, seq): ties are broken by the
// order of scheduling, so the simulation never depends on the heap's internal layout.

export interface Scheduled<T> {
  readonly time: number;
  readonly seq: number;
  readonly item: T;
}

export class EventQueue<T> {
  private heap: Scheduled<T>[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(time: number, item: T): void {
    const entry = { time, seq: this.nextSeq++, item };
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
  }

  peek(): Scheduled<T> | undefined {
    return this.heap[0];
  }

  pop(): Scheduled<T> | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }

  /** Every pending event, in no particular order (for snapshots and checkpoints). */
  entries(): readonly Scheduled<T>[] {
    return this.heap;
  }

  save(): { heap: Scheduled<T>[]; nextSeq: number } {
    return { heap: [...this.heap], nextSeq: this.nextSeq };
  }

  static restore<T>(saved: { heap: readonly Scheduled<T>[]; nextSeq: number }): EventQueue<T> {
    const q = new EventQueue<T>();
    q.heap = [...saved.heap];
    q.nextSeq = saved.nextSeq;
    return q;
  }
}

function before<T>(a: Scheduled<T>, b: Scheduled<T>): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
