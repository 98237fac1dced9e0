// The facts a reading may need beyond its record, from what the worker sent: the leadership
// marks (which term a leader was leading) and the frame's quorum (the majority a commit needs).

import { useMemo } from 'react';
import type { NodeId } from '../../raft/types';
import type { LeaderMark } from '../../sim/timeline';
import type { NodeFrame } from '../../sim/types';
import { useSimStore } from '../../store/sim-store';
import type { RunFacts } from './reading';

const NO_MARKS: readonly LeaderMark[] = [];

/** Each node's votes needed, from the frame's quorum (in a joint configuration, the larger of the two). */
function majorities(nodes: readonly NodeFrame[] | undefined): ReadonlyMap<NodeId, number> {
  const needed = new Map<NodeId, number>();
  for (const n of nodes ?? []) {
    const most = Math.max(0, ...n.quorum.map((q) => q.needed));
    if (most > 0) needed.set(n.id, most);
  }
  return needed;
}

export function runFacts(leaders: readonly LeaderMark[], nodes: readonly NodeFrame[] | undefined): RunFacts {
  const needed = majorities(nodes);
  return {
    leaderTerm(node, step) {
      // A leader keeps its term until it steps down: the term of its latest election before `step`.
      for (let i = leaders.length - 1; i >= 0; i--) {
        const m = leaders[i]!;
        if (m.node === node && m.step <= step) return m.term;
      }
      return null;
    },
    majority: (node) => needed.get(node) ?? null,
  };
}

/** The run's facts; new ones only when a leadership mark or a quorum changes, not on every frame. */
export function useRunFacts(): RunFacts {
  const leaders = useSimStore((s) => s.marks?.leaders ?? NO_MARKS);
  // A string, so the store hands the same value back while the quorums stay the same.
  const quorums = useSimStore((s) => JSON.stringify([...majorities(s.snapshot?.nodes)]));
  return useMemo(() => {
    const needed = new Map(JSON.parse(quorums) as [NodeId, number][]);
    const facts = runFacts(leaders, []);
    return { ...facts, majority: (node: NodeId) => needed.get(node) ?? null };
  }, [leaders, quorums]);
}
