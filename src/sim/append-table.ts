// AppendEntries requests kept as numbers. After the replies (reply-table.ts) they were the largest
// objects a long history's trace kept: an hour of 5 nodes sends 110,000 distinct requests (a
// heartbeat goes to every follower as one object), about 14 MB as objects. Here a request is four
// whole numbers in chunked typed arrays, plus its entries array (the log's own entries, or the
// node's one empty list), 24 bytes in all. Its leaderId is the sender of the record that refers to
// it. The records of one request (its sends to each follower, their deliveries) share its index.

import type { AppendEntries, LogEntry, NodeId } from '../raft/types';

/** term, prevLogIndex, prevLogTerm, leaderCommit, and the trace record that first kept it. */
const FIELDS = 5;
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;
/** How many recently kept requests `recentIndexOf` finds: a request's records lie a few sends apart. */
const RECENT = 32;
/** The fields the node writes, in its order (node.ts): any other request is kept as the object it is. */
const APPEND_FIELDS = ['type', 'term', 'leaderId', 'prevLogIndex', 'prevLogTerm', 'entries', 'leaderCommit'];

export class AppendTable {
  private readonly chunks: Uint32Array[] = [];
  private readonly entries: (readonly LogEntry[])[] = [];
  private count = 0;
  /** The last RECENT requests kept and their indices (a ring), so the records of one share it. */
  private readonly recent: (AppendEntries | undefined)[] = new Array<AppendEntries | undefined>(RECENT);
  private readonly recentIndex = new Uint32Array(RECENT);
  private nextRecent = 0;
  /** The same for copies from another table (appendFrom): its indices copied last, and ours. */
  private copiedFrom: AppendTable | null = null;
  private readonly copiedIndex = new Float64Array(RECENT).fill(-1);
  private readonly copiedTo = new Uint32Array(RECENT);
  private nextCopied = 0;

  get length(): number {
    return this.count;
  }

  /** Whether `payload`, sent by `from`, is a request this table can keep exactly: the usual fields, whole numbers. */
  static fits(payload: { readonly type: string }, from: NodeId): payload is AppendEntries {
    if (payload.type !== 'AppendEntries') return false;
    let k = 0;
    for (const key in payload) if (key !== APPEND_FIELDS[k++]) return false;
    if (k !== APPEND_FIELDS.length) return false;
    const a = payload as AppendEntries;
    return (
      a.leaderId === from &&
      Array.isArray(a.entries) &&
      whole(a.term) &&
      whole(a.prevLogIndex) &&
      whole(a.prevLogTerm) &&
      whole(a.leaderCommit)
    );
  }

  /**
   * The index of this very request, sent by `from`, if it was kept recently, else -1. Asked before
   * `fits`: a request found here fitted when it was kept, and the search is the cheaper test.
   */
  recentIndexOf(a: AppendEntries, from: NodeId): number {
    if (a.leaderId !== from) return -1;
    // Newest first: a heartbeat's sends to each follower come one after another.
    for (let n = 1; n <= RECENT; n++) {
      const k = (this.nextRecent - n + RECENT) % RECENT;
      if (this.recent[k] === a) return this.recentIndex[k]!;
    }
    return -1;
  }

  /** Keeps a request that fits, first kept by trace record `record`; returns its index. */
  add(a: AppendEntries, record: number): number {
    const i = this.push(a.term, a.prevLogIndex, a.prevLogTerm, a.leaderCommit, record, a.entries);
    const k = this.nextRecent;
    this.recent[k] = a;
    this.recentIndex[k] = i;
    this.nextRecent = (k + 1) % RECENT;
    return i;
  }

  /** Copies from `from` start afresh (it may have been cut and rewritten since the last copy). */
  startCopying(from: AppendTable | null): void {
    this.copiedFrom = from;
    this.copiedIndex.fill(-1);
  }

  /** Keeps a copy of request `index` of `other` for trace record `record` (once for its records close together). */
  copyFrom(other: AppendTable, index: number, record: number): number {
    if (other !== this.copiedFrom) this.startCopying(other);
    for (let k = 0; k < RECENT; k++) if (this.copiedIndex[k] === index) return this.copiedTo[k]!;
    const c = other.chunks[index >>> CHUNK_BITS]!;
    const at = (index & IN_CHUNK) * FIELDS;
    const i = this.push(c[at]!, c[at + 1]!, c[at + 2]!, c[at + 3]!, record, other.entries[index]!);
    const k = this.nextCopied;
    this.copiedIndex[k] = index;
    this.copiedTo[k] = i;
    this.nextCopied = (k + 1) % RECENT;
    return i;
  }

  /** Request `index`, sent by `leaderId`, built afresh with the fields in the node's order. */
  /** Request `index`'s numbers for a packed trace, without building it: term, prevLogIndex, prevLogTerm, leaderCommit. */
  numbers(index: number): { readonly chunk: Uint32Array; readonly at: number; readonly entries: readonly LogEntry[] } {
    return {
      chunk: this.chunks[index >>> CHUNK_BITS]!,
      at: (index & IN_CHUNK) * FIELDS,
      entries: this.entries[index]!,
    };
  }

  read(index: number, leaderId: NodeId): AppendEntries {
    const c = this.chunks[index >>> CHUNK_BITS]!;
    const at = (index & IN_CHUNK) * FIELDS;
    return {
      type: 'AppendEntries',
      term: c[at]!,
      leaderId,
      prevLogIndex: c[at + 1]!,
      prevLogTerm: c[at + 2]!,
      entries: this.entries[index]!,
      leaderCommit: c[at + 3]!,
    };
  }

  /**
   * Keep only the requests the first `records` trace records use: those first kept by a record before
   * it (indices are handed out in record order, and a record refers back only to an earlier one).
   */
  truncate(records: number): void {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.firstRecord(mid) < records) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= this.count) return;
    this.count = lo;
    this.entries.length = lo;
    this.recent.fill(undefined);
    this.startCopying(null);
  }

  private firstRecord(index: number): number {
    return this.chunks[index >>> CHUNK_BITS]![(index & IN_CHUNK) * FIELDS + 4]!;
  }

  private push(
    term: number,
    prev: number,
    prevTerm: number,
    commit: number,
    record: number,
    entries: readonly LogEntry[],
  ): number {
    const i = this.count;
    const k = i >>> CHUNK_BITS;
    if (k === this.chunks.length) this.chunks.push(new Uint32Array(CHUNK * FIELDS));
    const chunk = this.chunks[k]!;
    const at = (i & IN_CHUNK) * FIELDS;
    chunk[at] = term;
    chunk[at + 1] = prev;
    chunk[at + 2] = prevTerm;
    chunk[at + 3] = commit;
    chunk[at + 4] = record;
    this.entries[i] = entries;
    this.count = i + 1;
    return i;
  }
}

function whole(n: number): boolean {
  return n >>> 0 === n;
}
