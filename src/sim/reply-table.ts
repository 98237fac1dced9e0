// AppendEntries replies kept as numbers. A busy cluster's trace holds one reply for every record in
// four, and as objects they were the largest part of the heap a long history keeps (an hour of 5 nodes:
// 430,000 replies, about 80 MB of the 235 MB measured). Here a reply is five whole numbers in chunked
// typed arrays (20 bytes); its `success` is a bit of its trace row's code. The trace row refers to
// the reply by its index in the table, and readers get an equal object, built on demand.

import type { AppendEntriesReply } from '../raft/types';

const FIELDS = 5;
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;
/** The fields the node writes, in its order (node.ts): any other reply is kept as the object it is. */
const REPLY_FIELDS = ['type', 'term', 'success', 'prevLogIndex', 'matchIndex', 'conflictTerm', 'conflictIndex'];

export class ReplyTable {
  private readonly chunks: Uint32Array[] = [];
  private count = 0;

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
    return this.push(r.term, r.prevLogIndex, r.matchIndex, r.conflictTerm, r.conflictIndex);
  }

  /** Keeps a copy of reply `index` of `other`; returns its index here. */
  copyFrom(other: ReplyTable, index: number): number {
    const c = other.chunks[index >>> CHUNK_BITS]!;
    const at = (index & IN_CHUNK) * FIELDS;
    return this.push(c[at]!, c[at + 1]!, c[at + 2]!, c[at + 3]!, c[at + 4]!);
  }

  /** Reply `index`, built afresh with the fields in the node's order. */
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
    if (length < this.count) this.count = Math.max(0, length);
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
