// Structural sharing for frames: a node whose log did not change keeps the very same log
// array as in the previous frame, so memoized log rows skip re-rendering. Comparing 9 logs
// of 1,000 entries costs far less than redrawing them sixty times a second.

import type { LogEntry } from '../raft/types';
import type { ClusterSnapshot, NodeSnapshot } from '../sim/types';

function sameLog(a: readonly LogEntry[], b: readonly LogEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = a.length - 1; i >= 0; i--) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.term !== y.term || x.command !== y.command || x.requestId !== y.requestId) return false;
  }
  return true;
}

export function reuseLogs(previous: ClusterSnapshot | null, next: ClusterSnapshot): ClusterSnapshot {
  if (!previous) return next;
  let changed = false;
  const nodes = next.nodes.map((node, i): NodeSnapshot => {
    const before = previous.nodes[i];
    if (!before || before.id !== node.id || before.log === node.log || !sameLog(before.log, node.log)) return node;
    changed = true;
    return { ...node, log: before.log };
  });
  return changed ? { ...next, nodes } : next;
}

/** Puts back the logs the worker left out of a frame because they had not changed. */
export function restoreUnchangedLogs(
  previous: ClusterSnapshot | null,
  next: ClusterSnapshot,
  unchanged: readonly number[],
): ClusterSnapshot {
  if (unchanged.length === 0 || !previous) return next;
  const nodes = next.nodes.map((node, i) => {
    const before = previous.nodes[i];
    return unchanged.includes(i) && before && before.id === node.id ? { ...node, log: before.log } : node;
  });
  return { ...next, nodes };
}
