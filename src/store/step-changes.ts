// What one step (or one jump) changed, so a paused view can point at it: the Figure 2
// fields of each node that differ, and the log cells that were added, replaced or committed.

import type { NodeId } from '../raft/types';
import type { ClusterFrame, NodeFrame } from '../sim/types';

export type ChangedField =
  | 'alive'
  | 'currentTerm'
  | 'votedFor'
  | 'log'
  | 'commitIndex'
  | 'lastApplied'
  | 'role'
  | 'leaderId'
  | 'nextIndex'
  | 'matchIndex'
  | 'votes';

export interface StepChanges {
  /** The step these changes led to. */
  readonly step: number;
  readonly fields: Readonly<Record<NodeId, readonly ChangedField[]>>;
  /** Log indexes whose entry or commit state changed, per node. */
  readonly cells: Readonly<Record<NodeId, readonly number[]>>;
}

/** At most this many cells per node are marked: a long jump would mark whole logs otherwise. */
const MAX_CELLS = 64;

const sameRecord = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function changedFields(a: NodeFrame, b: NodeFrame): ChangedField[] {
  const out: ChangedField[] = [];
  if (a.alive !== b.alive) out.push('alive');
  if (a.currentTerm !== b.currentTerm) out.push('currentTerm');
  if (a.votedFor !== b.votedFor) out.push('votedFor');
  if (a.log !== b.log && (a.log.length !== b.log.length || changedCells(a, b).length > 0)) out.push('log');
  if (a.commitIndex !== b.commitIndex) out.push('commitIndex');
  if (a.lastApplied !== b.lastApplied) out.push('lastApplied');
  if (a.role !== b.role) out.push('role');
  if (a.leaderId !== b.leaderId) out.push('leaderId');
  if (!sameRecord(a.nextIndex, b.nextIndex)) out.push('nextIndex');
  if (!sameRecord(a.matchIndex, b.matchIndex)) out.push('matchIndex');
  if (!sameList(a.votesGranted, b.votesGranted) || !sameList(a.votesRefused, b.votesRefused)) out.push('votes');
  return out;
}

function changedCells(a: NodeFrame, b: NodeFrame): number[] {
  const out: number[] = [];
  // Indexes are absolute: a log after a snapshot (§7) holds entries from snapshot.index + 1.
  const aBase = a.snapshot?.index ?? 0;
  const bBase = b.snapshot?.index ?? 0;
  for (let i = bBase + b.log.length; i > bBase && out.length < MAX_CELLS; i--) {
    const before = i > aBase ? a.log[i - aBase - 1] : undefined;
    const after = b.log[i - bBase - 1]!;
    const entryChanged = !before || before.term !== after.term || before.command !== after.command;
    const commitChanged = i <= a.commitIndex !== i <= b.commitIndex;
    if (entryChanged || commitChanged) out.push(i);
  }
  return out.reverse();
}

export function stepChanges(before: ClusterFrame, after: ClusterFrame): StepChanges {
  const fields: Record<NodeId, readonly ChangedField[]> = {};
  const cells: Record<NodeId, readonly number[]> = {};
  after.nodes.forEach((node, i) => {
    const old = before.nodes[i];
    if (!old || old.id !== node.id) return;
    const f = changedFields(old, node);
    if (f.length > 0) fields[node.id] = f;
    if (f.includes('log') || f.includes('commitIndex')) {
      const c = changedCells(old, node);
      if (c.length > 0) cells[node.id] = c;
    }
  });
  return { step: after.step, fields, cells };
}
