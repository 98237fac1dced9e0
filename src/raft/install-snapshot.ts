// InstallSnapshot, Figure 13 of the Raft paper: a leader whose follower needs entries it has
// already discarded (§7) sends its snapshot instead, in chunks of `snapshotChunk` characters,
// and the follower writes them into a new snapshot file and installs it. The receiver's rules,
// numbered as in Figure 13:
//   1. Reply immediately if term < currentTerm                       (node.ts, with every RPC)
//   2. Create new snapshot file if first chunk (offset is 0)
//   3. Write data into snapshot file at given offset
//   4. Reply and wait for more data chunks if done is false
//   5. Save snapshot file, discard any existing or partial snapshot with a smaller index
//   6. If existing log entry has same index and term as snapshot's last included entry,
//      retain log entries following it and reply
//   7. Discard the entire log
//   8. Reset state machine using snapshot contents (and load snapshot's cluster configuration)
// A snapshot no newer than the one the follower holds changes nothing (step 5 keeps the newer),
// so a stale or duplicated InstallSnapshot never rolls a follower back; nor does step 6, which
// keeps a state machine that has already applied past the snapshot.

import { chunkCount, copyKv, parseSnapshotText, snapshotText, type SnapshotHost } from './snapshot';
import type { InstallSnapshot, InstallSnapshotReply, NodeId, RaftState, Snapshot } from './types';

// ---- Leader ---------------------------------------------------------------------------

/** §7: the follower's nextIndex falls inside the prefix this leader discarded. */
export function needsSnapshot(s: RaftState, peer: NodeId): boolean {
  return s.snapshot != null && (s.nextIndex[peer] ?? s.log.lastIndex() + 1) <= s.log.snapshotIndex;
}

/**
 * Send `peer` the chunk it needs next of the snapshot its transfer sends (a new transfer starts at
 * offset 0 with the leader's current snapshot).
 * A broadcast (a heartbeat) resends the chunk only when its reply is overdue: the first broadcast
 * after a chunk leaves it time to arrive, so a class does not see every chunk twice.
 */
export function sendSnapshotChunk(host: SnapshotHost, peer: NodeId, broadcast = false): void {
  const s = host.state;
  const chunkSize = Math.max(1, host.options().snapshotChunk);
  let transfer = s.snapshotTransfers[peer];
  if (transfer === undefined) {
    const snapshot = s.snapshot!;
    transfer = {
      snapshot,
      lastIncludedIndex: snapshot.lastIncludedIndex,
      lastIncludedTerm: snapshot.lastIncludedTerm,
      offset: 0,
      waited: 0,
    };
    s.snapshotTransfers[peer] = transfer;
    host.emit({
      type: 'snapshotTransferStarted',
      follower: peer,
      nextIndex: s.nextIndex[peer] ?? 0,
      index: snapshot.lastIncludedIndex,
      term: snapshot.lastIncludedTerm,
      chunks: chunkCount(snapshotText(snapshot).length, chunkSize),
    });
  } else if (broadcast && transfer.waited === 0) {
    s.snapshotTransfers[peer] = { ...transfer, waited: 1 };
    return;
  }
  s.snapshotTransfers[peer] = { ...transfer, waited: 0 };
  // The transfer's own snapshot, which a newer one taken since does not replace (see SnapshotTransfer).
  const snapshot = transfer.snapshot;
  const text = snapshotText(snapshot);
  const chunks = chunkCount(text.length, chunkSize);
  const offset = Math.min(transfer.offset, text.length);
  const data = text.slice(offset, offset + chunkSize);
  host.send(peer, {
    type: 'InstallSnapshot',
    term: s.currentTerm,
    leaderId: host.id,
    lastIncludedIndex: snapshot.lastIncludedIndex,
    lastIncludedTerm: snapshot.lastIncludedTerm,
    offset,
    data,
    done: offset + data.length >= text.length,
    chunk: Math.min(chunks, Math.floor(offset / chunkSize) + 1),
    chunks,
  });
}

/**
 * The follower's answer to a chunk. Returns 'installed' when its log now covers the snapshot
 * (nextIndex and matchIndex moved past it), 'next' when the next chunk is due, and 'none' for a
 * late answer to a chunk already acted on.
 */
export function onInstallSnapshotReply(
  host: SnapshotHost,
  from: NodeId,
  m: InstallSnapshotReply,
): 'installed' | 'next' | 'none' {
  const s = host.state;
  const transfer = s.snapshotTransfers[from];
  if (m.installed) {
    if (transfer !== undefined && transfer.lastIncludedIndex <= m.lastIncludedIndex)
      Reflect.deleteProperty(s.snapshotTransfers, from);
    if (m.lastIncludedIndex <= (s.matchIndex[from] ?? 0)) return 'none';
    s.matchIndex[from] = m.lastIncludedIndex;
    s.nextIndex[from] = Math.max(s.nextIndex[from] ?? 1, m.lastIncludedIndex + 1);
    host.emit({ type: 'snapshotAcknowledged', follower: from, index: m.lastIncludedIndex });
    return 'installed';
  }
  // Only the answer to the chunk last sent moves the transfer; the follower says where to go on.
  if (transfer === undefined || transfer.lastIncludedIndex !== m.lastIncludedIndex || transfer.offset !== m.offset) {
    return 'none';
  }
  s.snapshotTransfers[from] = { ...transfer, offset: m.received };
  return 'next';
}

// ---- Follower (Figure 13, receiver implementation) ------------------------------------

/** Rules 2–8 for a chunk from the leader of the follower's current term (rule 1 is checked before). */
export function onInstallSnapshot(host: SnapshotHost, from: NodeId, m: InstallSnapshot): void {
  const s = host.state;
  s.leaderId = from;
  // Hearing from the current leader resets the election timer, as AppendEntries does.
  host.armElectionTimer();
  const reply = (received: number, installed: boolean): void =>
    host.send(from, {
      type: 'InstallSnapshotReply',
      term: s.currentTerm,
      lastIncludedIndex: m.lastIncludedIndex,
      offset: m.offset,
      received,
      installed,
    });

  // Rule 5 keeps the newer snapshot: one no newer than ours is stale or duplicated and changes nothing.
  if (m.lastIncludedIndex <= s.log.snapshotIndex) {
    host.emit({
      type: 'snapshotIgnored',
      leader: from,
      index: m.lastIncludedIndex,
      mySnapshotIndex: s.log.snapshotIndex,
    });
    return reply(m.offset + m.data.length, true);
  }

  const file = s.incomingSnapshot;
  const sameFile =
    file !== null && file.lastIncludedIndex === m.lastIncludedIndex && file.lastIncludedTerm === m.lastIncludedTerm;
  let data: string;
  if (m.offset === 0)
    data = m.data; // Rule 2: the first chunk creates a new snapshot file.
  else if (sameFile && m.offset <= file.data.length) {
    // Rule 3: write the data at its offset (a repeated chunk rewrites the same characters).
    data = file.data.slice(0, m.offset) + m.data + file.data.slice(m.offset + m.data.length);
  } else {
    // No file begun for this snapshot (its first chunk was lost, or we restarted), or a gap before
    // this chunk: ask for what we lack.
    const received = sameFile ? file.data.length : 0;
    host.emit({ type: 'snapshotChunkRejected', leader: from, index: m.lastIncludedIndex, offset: m.offset, received });
    return reply(received, false);
  }
  host.emit({
    type: 'snapshotChunkReceived',
    leader: from,
    index: m.lastIncludedIndex,
    term: m.lastIncludedTerm,
    offset: m.offset,
    chunk: m.chunk,
    chunks: m.chunks,
    received: data.length,
    done: m.done,
  });
  if (!m.done) {
    // Rule 4: reply and wait for more chunks.
    s.incomingSnapshot = {
      leaderId: from,
      lastIncludedIndex: m.lastIncludedIndex,
      lastIncludedTerm: m.lastIncludedTerm,
      data,
      chunks: m.chunks,
    };
    return reply(data.length, false);
  }
  s.incomingSnapshot = null;
  const snapshot = parseSnapshotText(data, m.lastIncludedIndex, m.lastIncludedTerm);
  if (snapshot === null) {
    host.emit({
      type: 'snapshotChunkRejected',
      leader: from,
      index: m.lastIncludedIndex,
      offset: m.offset,
      received: 0,
    });
    return reply(0, false);
  }
  installSnapshot(host, from, snapshot);
  reply(data.length, true);
}

/** Rules 5–8: save the snapshot, then keep the log's suffix (6) or discard the log and reset the state machine (7–8). */
export function installSnapshot(host: SnapshotHost, leader: NodeId, snapshot: Snapshot): void {
  const s = host.state;
  const { lastIncludedIndex: index, lastIncludedTerm: term } = snapshot;
  // Rule 5: save it; the snapshot we held (older, see above) and any partial one are discarded.
  s.snapshot = snapshot;
  s.incomingSnapshot = null;
  if (s.log.term(index) === term) {
    // Rule 6: our log holds the snapshot's last entry, so it matches up to there: keep what follows.
    const discarded = s.log.compactThrough(index);
    const stateReset = s.lastApplied < index;
    if (stateReset) {
      s.kv = copyKv(snapshot.kv);
      s.lastApplied = index;
    }
    if (s.commitIndex < index) s.commitIndex = index;
    host.emit({
      type: 'snapshotInstalled',
      leader,
      index,
      term,
      rule: 6,
      kept: s.log.held().length,
      discarded,
      stateReset,
    });
    return;
  }
  // Rules 7–8: discard the entire log, reset the state machine and the configuration from the snapshot.
  const removed = s.log.resetToSnapshot(index, term);
  s.kv = copyKv(snapshot.kv);
  s.lastApplied = index;
  s.commitIndex = index;
  host.reloadConfiguration(); // The log is empty now: the snapshot's configuration is in force.
  host.emit({
    type: 'snapshotInstalled',
    leader,
    index,
    term,
    rule: 7,
    kept: 0,
    discarded: removed.length,
    stateReset: true,
  });
}
