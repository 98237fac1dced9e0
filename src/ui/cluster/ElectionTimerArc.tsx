// The election timer as a ring around a node, depleting from 12 o'clock as virtual time
// runs towards its deadline. It jumps back whenever a heartbeat or a vote re-arms it, which is
// the whole point students watch for. A leader shows its heartbeat timer.
//
// A full ring is the longest election timeout the scenario draws, not this timer's own length:
// the arcs then show how much time each node has left, so at t = 0 a class can see whose
// randomized timeout is shortest (§3's prediction) instead of five identical full rings.

import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { NodeId } from '../../raft/types';
import { useSimStore } from '../../store/sim-store';
import { ringArc, timerRemaining } from './geometry';
import styles from './Cluster.module.css';

interface TimerView {
  readonly time: number;
  readonly armedAt: number;
  readonly deadline: number;
  readonly heartbeat: boolean;
  /** The span a full ring stands for, in virtual ms. */
  readonly fullRing: number;
}

export const ElectionTimerArc = memo(function ElectionTimerArc({ id, radius }: { id: NodeId; radius: number }) {
  const view = useSimStore(
    useShallow((s): TimerView | null => {
      const snapshot = s.snapshot;
      const node = snapshot?.nodes.find((n) => n.id === id);
      if (!snapshot || !node || !node.alive) return null;
      const timer = node.electionTimer ?? node.heartbeatTimer;
      if (!timer) return null;
      return {
        time: snapshot.time,
        armedAt: timer.armedAt,
        deadline: timer.deadline,
        heartbeat: node.electionTimer === null,
        fullRing:
          node.electionTimer === null
            ? timer.deadline - timer.armedAt
            : Math.max(s.scenario.timing.electionTimeout[1], timer.deadline - timer.armedAt),
      };
    }),
  );
  if (!view) return null;
  const remaining = timerRemaining(view.time, view.deadline - view.fullRing, view.deadline);
  const inner = radius + 4;
  const outer = radius + (view.heartbeat ? 8 : 12);
  return (
    <g aria-hidden="true" className={view.heartbeat ? styles.heartbeatTimer : styles.electionTimer}>
      <path className={styles.timerTrack} d={ringArc(inner, outer, 1)} />
      <path
        className={styles.timerFill}
        data-remaining={remaining.toFixed(3)}
        data-urgent={!view.heartbeat && remaining < 0.25 ? 'true' : undefined}
        d={ringArc(inner, outer, remaining)}
      />
    </g>
  );
});
