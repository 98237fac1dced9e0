// A joint configuration's two voter sets on the ring (§6, Figure 11): while C_old,new is in
// force every decision needs a majority of C_old AND a majority of C_new, so each set gets its
// own outline: C_old dashed, C_new solid, in two colours. Read from the frame's configuration.
// Where the ring is flattened and a set's outline would pass over a node outside it, that set is
// drawn as a ring round each of its members instead (the key under the drawing names the sets).

import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { NodeId } from '../../raft/types';
import { useSimStore } from '../../store/sim-store';
import { convexHull, outlineClearOf, roundedHull, type Layout, type Point } from './geometry';
import styles from './Cluster.module.css';

/** The two sets' colours, shared with the key under the drawing and the cluster facts. */
export const SET_COLOR = { old: '#be185d', new: '#0f766e' } as const;

/** The joint configuration's sets as "old|new" ("" in a single configuration), a stable slice. */
function jointSets(s: ReturnType<typeof useSimStore.getState>): string {
  const c = s.snapshot?.membership.configuration;
  return c?.old === undefined ? '' : `${c.old.join(' ')}|${c.voters.join(' ')}`;
}

export const QuorumOutlines = memo(function QuorumOutlines({ layout }: { layout: Layout }) {
  const sets = useSimStore(useShallow(jointSets));
  if (sets === '') return null;
  const [old = [], next = []] = sets.split('|').map((g) => (g ? g.split(' ') : []));
  const points = (ids: readonly NodeId[]): Point[] =>
    ids.flatMap((id) => {
      const p = layout.positions.get(id);
      return p ? [p] : [];
    });
  // Apart enough that a server in both sets shows both outlines; both inside the node's reserved room.
  const r = layout.nodeRadius;
  const outline = (ids: readonly NodeId[], pad: number): string => {
    const members = points(ids);
    const others = points([...layout.positions.keys()].filter((id) => !ids.includes(id)));
    return outlineClearOf(convexHull(members), others, pad + r)
      ? roundedHull(members, pad)
      : members.map((p) => roundedHull([p], pad)).join('');
  };
  return (
    <g aria-hidden="true" data-testid="joint-outlines">
      <path
        className={styles.setOutline}
        d={outline(old, r + 34)}
        stroke={SET_COLOR.old}
        fill={SET_COLOR.old}
        strokeDasharray="14 8"
        data-set="old"
      />
      <path
        className={styles.setOutline}
        d={outline(next, r + 22)}
        stroke={SET_COLOR.new}
        fill={SET_COLOR.new}
        data-set="new"
      />
    </g>
  );
});
