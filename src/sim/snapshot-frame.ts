// Raft snapshots (§7) as the simulator sees them: the one a scenario may give a node at
// time 0, and the plain data a frame shows of a node's snapshot, of one arriving in chunks
// (Figure 13) and, on a leader, of the transfers it is making.

import { chunkCount, snapshotText } from '../raft/snapshot';
import type { Configuration, IncomingSnapshot, NodeId, Snapshot, SnapshotTransfer } from '../raft/types';
import type { InitialSnapshot } from './scenario-types';
import type { IncomingSnapshotFrame, SnapshotFrame } from './types';

/** A scenario's initial snapshot: its key-value state, no client remembered, the cluster's configuration. */
export function initialSnapshot(init: InitialSnapshot | undefined, configuration: Configuration): Snapshot | null {
  if (!init) return null;
  return {
    lastIncludedIndex: init.index,
    lastIncludedTerm: init.term,
    configuration,
    kv: { data: { ...init.state }, appliedRequests: [] },
  };
}

export function snapshotFrame(snapshot: Snapshot | null | undefined): SnapshotFrame | null {
  if (!snapshot) return null;
  return {
    index: snapshot.lastIncludedIndex,
    term: snapshot.lastIncludedTerm,
    state: { ...snapshot.kv.data },
    size: snapshotText(snapshot).length,
    requestIds: snapshot.kv.appliedRequests.map((r) => r[0]),
  };
}

export function incomingFrame(incoming: IncomingSnapshot | null): IncomingSnapshotFrame | null {
  if (!incoming) return null;
  return {
    leader: incoming.leaderId,
    index: incoming.lastIncludedIndex,
    term: incoming.lastIncludedTerm,
    received: incoming.data.length,
    chunks: incoming.chunks,
  };
}

/** A leader's transfers without the snapshots they send: the view needs only where each one stands. */
export function transfersFrame(
  transfers: Readonly<Record<NodeId, SnapshotTransfer>> | undefined,
): Record<NodeId, Omit<SnapshotTransfer, 'snapshot'>> {
  const frame: Record<NodeId, Omit<SnapshotTransfer, 'snapshot'>> = {};
  for (const [peer, { lastIncludedIndex, lastIncludedTerm, offset, waited }] of Object.entries(transfers ?? {}))
    frame[peer] = { lastIncludedIndex, lastIncludedTerm, offset, waited };
  return frame;
}

export { chunkCount };
