// Structural sharing for frames: a node whose log did not change keeps the very same log
// array as in the previous frame, so memoized log rows skip re-rendering. Comparing 9 logs
// of 1,000 entries costs far less than redrawing them sixty times a second.

import type { LogEntry } from '../raft/types';
import type { ClusterFrame, NodeFrame } from '../sim/types';

function sameLog(a: readonly LogEntry[], b: readonly LogEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = a.length - 1; i >= 0; i--) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.term !== y.term || x.command !== y.command || x.requestId !== y.requestId) return false;
  }
  return true;
}

export function reuseLogs(previous: ClusterFrame | null, next: ClusterFrame): ClusterFrame {
  if (!previous) return next;
  let changed = false;
  const nodes = next.nodes.map((node, i): NodeFrame => {
    const before = previous.nodes[i];
    if (!before || before.id !== node.id || before.log === node.log || !sameLog(before.log, node.log)) return node;
    changed = true;
    return { ...node, log: before.log };
  });
  return changed ? { ...next, nodes } : next;
}

/**
 * Puts back the log entries the worker left out of a frame because the last frame had them
 * (`shared[i]` leading entries of node i). An unchanged log is the previous array itself.
 */
export function restoreSharedLogs(
  previous: ClusterFrame | null,
  next: ClusterFrame,
  shared: readonly number[],
): ClusterFrame {
  if (!shared.some((k) => k > 0)) return next;
  const nodes = next.nodes.map((node, i): NodeFrame => {
    const k = shared[i] ?? 0;
    if (k === 0) return node;
    const before = previous?.nodes[i];
    // The worker only leaves out what it sent in the frame before, so this is always there.
    if (!before || before.id !== node.id || before.log.length < k)
      throw new Error(`frame refers to a log the UI does not have (node ${node.id})`);
    const log =
      node.log.length === 0 && k === before.log.length ? before.log : [...before.log.slice(0, k), ...node.log];
    return { ...node, log };
  });
  return { ...next, nodes };
}
