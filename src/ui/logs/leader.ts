// Which node the log table and the facts treat as "the" leader: read from the snapshot's roles.
// Two nodes can both think they lead (an old leader cut off in an older term); the one
// with the highest term is the one the cluster follows.

import type { NodeFrame } from '../../sim/types';

export function leadersOf(nodes: readonly NodeFrame[]): NodeFrame[] {
  return nodes.filter((n) => n.alive && n.role === 'leader').sort((a, b) => b.currentTerm - a.currentTerm);
}

export function currentLeader(nodes: readonly NodeFrame[]): NodeFrame | null {
  return leadersOf(nodes)[0] ?? null;
}
