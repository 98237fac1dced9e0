// Log compaction (§7 of the Raft paper, Figure 12): a node replaces the prefix of its log
// that its state machine has applied by a snapshot — the key-value state, the client dedup
// table, the last included index and term, and the configuration in force at that index —
// and discards those entries. Each node does so on its own, when `snapshotThreshold` entries
// were applied since its last snapshot, or when the class asks it to.
//
// The snapshot's wire form (the `data` of InstallSnapshot, Figure 13) is its JSON text;
// offsets and chunk sizes count characters of that text.

import { applyNext } from './apply';
import { configurationAt } from './membership';
import type { RaftLog } from './log';
import type {
  AppendEntries,
  Configuration,
  KvState,
  NodeId,
  RaftEvent,
  RaftMessage,
  RaftOptions,
  RaftState,
  Snapshot,
  UnsafeSwitches,
} from './types';

/** What the snapshot code may use of its node (RaftNode builds one; tests can too). */
export interface SnapshotHost {
  readonly id: NodeId;
  readonly state: RaftState;
  options(): RaftOptions;
  unsafe(): UnsafeSwitches;
  emit(event: RaftEvent): void;
  send(to: NodeId, message: RaftMessage): void;
  armElectionTimer(): void;
  /** Read the configuration in force again: the log's latest entry, else the snapshot's (§6, §7). */
  reloadConfiguration(): void;
}

// ---- Taking a snapshot (§7, Figure 12) ------------------------------------------------

/** After entries were applied: snapshot once `snapshotThreshold` were applied since the last one. */
export function maybeSnapshot(host: SnapshotHost): void {
  const threshold = host.options().snapshotThreshold;
  const s = host.state;
  if (threshold > 0 && s.lastApplied - s.log.snapshotIndex >= threshold) takeSnapshot(host, 'threshold');
}

/**
 * §7: snapshot the state machine as it stands at lastApplied — only committed entries are ever
 * applied, so a snapshot holds only committed entries — then discard the log up to there.
 * The unsafe switch snapshots the whole log instead, applying its uncommitted entries first.
 */
export function takeSnapshot(host: SnapshotHost, cause: 'threshold' | 'forced'): void {
  const s = host.state;
  if (host.unsafe().snapshotUncommitted) applyUncommitted(host);
  const index = s.lastApplied;
  if (index <= s.log.snapshotIndex) {
    host.emit({ type: 'snapshotSkipped', lastApplied: s.lastApplied, snapshotIndex: s.log.snapshotIndex });
    return;
  }
  const term = s.log.term(index)!;
  const snapshot: Snapshot = {
    lastIncludedIndex: index,
    lastIncludedTerm: term,
    // §6 with §7: the configuration in force at `index`. The node's own may come from an uncommitted
    // entry after it; were that entry truncated, the snapshot must not bring it back.
    configuration: configurationAt(s.log, index, s.initialConfiguration, s.snapshot?.configuration).configuration,
    kv: copyKv(s.kv),
  };
  const discarded = s.log.compactThrough(index);
  s.snapshot = snapshot;
  host.emit({
    type: 'snapshotTaken',
    index,
    term,
    cause,
    discarded,
    kept: s.log.held().length,
    commitIndex: s.commitIndex,
    size: snapshotText(snapshot).length,
  });
}

/** unsafe.snapshotUncommitted: apply every entry of the log, committed or not (what §7 forbids). */
function applyUncommitted(host: SnapshotHost): void {
  const s = host.state;
  while (s.lastApplied < s.log.lastIndex()) host.emit(applyNext(s).event);
}

/** A restarted node announces the snapshot it rebuilt its state machine from (initialState loaded it). */
export function announceRestoredSnapshot(host: SnapshotHost): void {
  const snapshot = host.state.snapshot;
  if (snapshot) {
    host.emit({ type: 'snapshotRestored', index: snapshot.lastIncludedIndex, term: snapshot.lastIncludedTerm });
  }
}

/** What a node boots with from a snapshot on its disk: the state machine it holds, applied up to its index. */
export function bootFromSnapshot(
  snapshot: Snapshot | null | undefined,
): Pick<RaftState, 'kv' | 'commitIndex' | 'lastApplied'> | null {
  if (!snapshot) return null;
  // commitIndex is volatile, but a snapshot holds only committed entries: it may start there.
  return { kv: copyKv(snapshot.kv), commitIndex: snapshot.lastIncludedIndex, lastApplied: snapshot.lastIncludedIndex };
}

export function copyKv(kv: Readonly<KvState>): KvState {
  return { data: { ...kv.data }, appliedRequests: kv.appliedRequests.map((r) => [r[0], r[1]]) };
}

// ---- The consistency check at the snapshot boundary (§5.3 with §7) ---------------------

/**
 * An AppendEntries whose prevLogIndex lies inside this follower's snapshot: the snapshot holds
 * only committed entries, which match the leader's (State Machine Safety), so the check starts
 * at the snapshot's last entry (prevLogTerm = lastIncludedTerm) and the covered entries are skipped.
 */
export function clipToSnapshot(m: AppendEntries, log: RaftLog): AppendEntries {
  const base = log.snapshotIndex;
  if (m.prevLogIndex >= base) return m;
  return {
    ...m,
    prevLogIndex: base,
    prevLogTerm: log.snapshotTerm,
    entries: m.entries.slice(Math.min(base - m.prevLogIndex, m.entries.length)),
  };
}

// ---- Wire form ------------------------------------------------------------------------

const texts = new WeakMap<Snapshot, string>();

/** The snapshot's serialized text (its configuration and state machine), made once per snapshot. */
export function snapshotText(snapshot: Snapshot): string {
  let text = texts.get(snapshot);
  if (text === undefined) {
    text = JSON.stringify({ configuration: snapshot.configuration, kv: snapshot.kv });
    texts.set(snapshot, text);
  }
  return text;
}

/** Reads a received snapshot's text back; null when it is not one (it never throws). */
export function parseSnapshotText(text: string, index: number, term: number): Snapshot | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { configuration, kv } = value as { configuration?: Configuration; kv?: KvState };
  if (!configuration || !Array.isArray(configuration.voters) || !kv || typeof kv.data !== 'object') return null;
  if (!Array.isArray(kv.appliedRequests)) return null;
  const snapshot: Snapshot = { lastIncludedIndex: index, lastIncludedTerm: term, configuration, kv };
  texts.set(snapshot, text);
  return snapshot;
}

/** How many chunks of `chunkSize` characters a text of `size` characters takes (at least one). */
export function chunkCount(size: number, chunkSize: number): number {
  return Math.max(1, Math.ceil(size / Math.max(1, chunkSize)));
}
