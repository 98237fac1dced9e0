// AppendEntries replies kept as numbers. A busy cluster's trace holds one reply for every record in
// four, and as objects they were the largest part of the heap a long history keeps (an hour of 5 nodes:
// 430,000 replies, about 80 MB of the 235 MB measured). Here a reply is five whole numbers in chunked
// typed arrays (20 bytes); its `success` is a bit of its trace row's code. The trace row refers to
// the reply by its index in the table, and readers get an equal object, built on demand. A reply's
// sent and delivered records refer to one index: indices are handed out in record order, but a
// record may refer back to an earlier one.

import type { AppendEntriesReply } from '../raft/types';

const FIELDS = 5;
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;
/** The fields the node writes, in its order (node.ts): any other reply is kept as the object it is. */
const REPLY_FIELDS = ['type', 'term', 'success', 'prevLogIndex', 'matchIndex', 'conflictTerm', 'conflictIndex'];

/** How many recently kept replies `indexOf` remembers: a reply is delivered a few sends after it left. */
const RECENT = 32;

export class ReplyTable {
  private readonly chunks: Uint32Array[] = [];
  private count = 0;
  /**
   * The last RECENT replies kept, and their indices (a ring): a message's sent and delivered (or
   * dropped) records carry the same payload object, which is then kept once rather than twice (an
   * hour of 5 nodes: 432,000 replies, 8.6 MB saved).
   */
  private readonly recent: (AppendEntriesReply | undefined)[] = new Array<AppendEntriesReply | undefined>(RECENT);
  private readonly recentIndex = new Uint32Array(RECENT);
  private nextRecent = 0;
  /** The same for copies from another table (appendFrom): the last RECENT of its indices copied, and ours. */
  private copiedFrom: ReplyTable | null = null;
  private readonly copiedIndex = new Float64Array(RECENT).fill(-1);
  private readonly copiedTo = new Uint32Array(RECENT);
  private nextCopied = 0;

  get length(): number {
    return this.count;
  }

  /** Whether `payload` is a reply this table can keep exactly: the usual fields, whole numbers. */
  static fits(payload: { readonly type: string }): payload is AppendEntriesReply {
    if (payload.type !== 'AppendEntriesReply') return false;
    let k = 0;
    for (const key in payload) if (key !== REPLY_FIELDS[k++]) return false;
    if (k !== REPLY_FIELDS.length) return false;
    const r = payload as AppendEntriesReply;
    return (
      whole(r.term) && whole(r.prevLogIndex) && whole(r.matchIndex) && whole(r.conflictTerm) && whole(r.conflictIndex)
    );
  }

  /** Keeps a reply that fits; returns its index. */
  add(r: AppendEntriesReply): number {
    const i = this.push(r.term, r.prevLogIndex, r.matchIndex, r.conflictTerm, r.conflictIndex);
    const k = this.nextRecent;
    this.recent[k] = r;
    this.recentIndex[k] = i;
    this.nextRecent = (k + 1) % RECENT;
    return i;
  }

  /**
   * The index of this very reply object if it was kept recently (its sent record), else -1. Asked
   * before `fits`: a reply found here fitted when it was kept, and the search is the cheaper test.
   */
  recentIndexOf(r: object): number {
    // Newest first: a delivery is usually among the last few replies sent.
    for (let n = 1; n <= RECENT; n++) {
      const k = (this.nextRecent - n + RECENT) % RECENT;
      if (this.recent[k] === r) return this.recentIndex[k]!;
    }
    return -1;
  }

  /** Keeps a copy of reply `index` of `other` (one for its sent and delivered records); returns its index here. */
  copyFrom(other: ReplyTable, index: number): number {
    if (other !== this.copiedFrom) this.startCopying(other);
    for (let k = 0; k < RECENT; k++) if (this.copiedIndex[k] === index) return this.copiedTo[k]!;
    const c = other.chunks[index >>> CHUNK_BITS]!;
    const at = (index & IN_CHUNK) * FIELDS;
    const i = this.push(c[at]!, c[at + 1]!, c[at + 2]!, c[at + 3]!, c[at + 4]!);
    const k = this.nextCopied;
    this.copiedIndex[k] = index;
    this.copiedTo[k] = i;
    this.nextCopied = (k + 1) % RECENT;
    return i;
  }

  /**
   * Copies from `from` start afresh: indices remembered from an earlier copy are forgotten (the
   * other table may have been cut and rewritten since). appendFrom calls it before each copy.
   */
  startCopying(from: ReplyTable | null): void {
    this.copiedFrom = from;
    this.copiedIndex.fill(-1);
  }

  /** Reply `index`, built afresh with the fields in the node's order. */
  /** Reply `index`'s numbers for a packed trace, without building it: term, prevLogIndex, matchIndex, conflictTerm, conflictIndex. */
  numbers(index: number): { readonly chunk: Uint32Array; readonly at: number } {
    return { chunk: this.chunks[index >>> CHUNK_BITS]!, at: (index & IN_CHUNK) * FIELDS };
  }

  read(index: number, success: boolean): AppendEntriesReply {
    const c = this.chunks[index >>> CHUNK_BITS]!;
    const at = (index & IN_CHUNK) * FIELDS;
    return {
      type: 'AppendEntriesReply',
      term: c[at]!,
      success,
      prevLogIndex: c[at + 1]!,
      matchIndex: c[at + 2]!,
      conflictTerm: c[at + 3]!,
      conflictIndex: c[at + 4]!,
    };
  }

  /** Keep only the first `length` replies (their chunks stay, for the ones a replay writes again). */
  truncate(length: number): void {
    if (length >= this.count) return;
    this.count = Math.max(0, length);
    // A remembered reply may be past the cut: the next record of it keeps a new copy.
    this.recent.fill(undefined);
    this.startCopying(null);
  }

  private push(a: number, b: number, c: number, d: number, e: number): number {
    const i = this.count;
    const k = i >>> CHUNK_BITS;
    if (k === this.chunks.length) this.chunks.push(new Uint32Array(CHUNK * FIELDS));
    const chunk = this.chunks[k]!;
    const at = (i & IN_CHUNK) * FIELDS;
    chunk[at] = a;
    chunk[at + 1] = b;
    chunk[at + 2] = c;
    chunk[at + 3] = d;
    chunk[at + 4] = e;
    this.count = i + 1;
    return i;
  }
}

function whole(n: number): boolean {
  return n >>> 0 === n;
}
