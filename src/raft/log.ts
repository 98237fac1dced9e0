// The Raft log as one object. Its first entry is not always index 1: after a snapshot
// (§7) the prefix up to `snapshotIndex` is gone and only its last term is remembered.
// Every read goes through an index, never through a position in an array, so the
// rest of the node never assumes where the log starts.

import type { LogEntry } from './types';

export class RaftLog {
  /** The entries after the snapshot: entries[0] has index snapshotIndex + 1. */
  private entries: LogEntry[];
  private snapshotIndex_: number;
  private snapshotTerm_: number;
  /**
   * How many times entries were removed (truncated, compacted or reset). An unchanged count on the
   * same log means it only grew at its end since: a reader can then take just the new entries.
   */
  private rewrites_ = 0;

  constructor(entries: readonly LogEntry[] = [], snapshotIndex = 0, snapshotTerm = 0) {
    this.entries = [...entries];
    this.snapshotIndex_ = snapshotIndex;
    this.snapshotTerm_ = snapshotTerm;
  }

  /** A copy that shares the (immutable) entries: cheap enough for a checkpoint. */
  clone(): RaftLog {
    return new RaftLog(this.entries, this.snapshotIndex_, this.snapshotTerm_);
  }

  /** The last index the snapshot covers (0 with no snapshot). */
  get snapshotIndex(): number {
    return this.snapshotIndex_;
  }

  get rewrites(): number {
    return this.rewrites_;
  }

  get snapshotTerm(): number {
    return this.snapshotTerm_;
  }

  firstIndex(): number {
    return this.snapshotIndex_ + 1;
  }

  lastIndex(): number {
    return this.snapshotIndex_ + this.entries.length;
  }

  lastTerm(): number {
    return this.entries.length === 0 ? this.snapshotTerm_ : this.entries[this.entries.length - 1]!.term;
  }

  /** The entries held (those after the snapshot), oldest first; read-only. */
  held(): readonly LogEntry[] {
    return this.entries;
  }

  /**
   * The term of the entry at `index`: the snapshot's last term at its last index (0 for the empty
   * prefix), undefined past the end or inside the discarded prefix.
   */
  term(index: number): number | undefined {
    if (index === this.snapshotIndex_) return this.snapshotTerm_;
    if (index < this.snapshotIndex_) return undefined;
    return this.entries[index - this.snapshotIndex_ - 1]?.term;
  }

  entry(index: number): LogEntry | undefined {
    if (index <= this.snapshotIndex_) return undefined;
    return this.entries[index - this.snapshotIndex_ - 1];
  }

  /** Entries lo..hi-1 (clipped to what is held). */
  slice(lo: number, hi: number): LogEntry[] {
    const base = this.snapshotIndex_ + 1;
    return this.entries.slice(Math.max(lo, base) - base, Math.max(hi, base) - base);
  }

  append(entries: readonly LogEntry[]): void {
    for (const e of entries) this.entries.push(e);
  }

  /** Delete the entry at `index` and every one after it; returns what was removed. */
  truncateFrom(index: number): LogEntry[] {
    const removed = this.entries.splice(Math.max(index - this.snapshotIndex_ - 1, 0));
    if (removed.length > 0) this.rewrites_++;
    return removed;
  }

  /**
   * §7: the entries up to `index` (held, at or after the snapshot) are now in a snapshot: drop them
   * and remember the last one's term. The entries after it stay. Returns how many were dropped.
   */
  compactThrough(index: number): number {
    const term = this.term(index);
    if (term === undefined || index <= this.snapshotIndex_) return 0;
    const dropped = index - this.snapshotIndex_;
    this.entries.splice(0, dropped);
    this.rewrites_++;
    this.snapshotIndex_ = index;
    this.snapshotTerm_ = term;
    return dropped;
  }

  /** Figure 13 step 7: discard the whole log; it now starts after a snapshot ending at (index, term). */
  resetToSnapshot(index: number, term: number): LogEntry[] {
    const removed = this.entries;
    this.entries = [];
    this.rewrites_++;
    this.snapshotIndex_ = index;
    this.snapshotTerm_ = term;
    return removed;
  }

  /** §5.4.1: is a log ending at (lastTerm, lastIndex) at least as up-to-date as this one? */
  isUpToDate(lastTerm: number, lastIndex: number): boolean {
    const myTerm = this.lastTerm();
    return lastTerm > myTerm || (lastTerm === myTerm && lastIndex >= this.lastIndex());
  }

  /** The first index holding `term`, searching back from `index` (the fast-backup hint). */
  firstIndexOfTerm(term: number, index: number): number {
    let i = index;
    while (i > this.firstIndex() && this.term(i - 1) === term) i--;
    return i;
  }

  /** The last index holding `term`, or 0 when the log holds no entry of that term. */
  lastIndexOfTerm(term: number): number {
    for (let i = this.lastIndex(); i > this.snapshotIndex_; i--) {
      const t = this.term(i)!;
      if (t === term) return i;
      if (t < term) return 0;
    }
    return this.snapshotTerm_ === term && this.snapshotIndex_ > 0 ? this.snapshotIndex_ : 0;
  }
}
