// Who sits on the ring and who apart from it, read from the configuration the frame says the
// cluster follows (§6): the voters (of both sets in C_old,new) on the ring, in node order; spare
// servers and learners apart. Nothing here decides Raft: it sorts what the engine reported.

import type { NodeId } from '../../raft/types';
import type { ClusterFrame, LearnerProgress } from '../../sim/types';
import type { Standing } from './membership-strings';

export interface RingSplit {
  readonly ring: readonly NodeId[];
  readonly apart: readonly NodeId[];
}

function isVoter(frame: ClusterFrame, id: NodeId): boolean {
  const c = frame.membership.configuration;
  return c.voters.includes(id) || (c.old?.includes(id) ?? false);
}

export function ringSplit(frame: ClusterFrame | null): RingSplit {
  if (!frame) return { ring: [], apart: [] };
  const ids = frame.nodes.map((n) => n.id);
  return { ring: ids.filter((id) => isVoter(frame, id)), apart: ids.filter((id) => !isVoter(frame, id)) };
}

/** The split as one string ("A B C|D E"), so a component re-renders only when it changes. */
export function ringSplitKey(frame: ClusterFrame | null): string {
  const { ring, apart } = ringSplit(frame);
  return `${ring.join(' ')}|${apart.join(' ')}`;
}

export function parseRingSplit(key: string): RingSplit {
  const [ring = '', apart = ''] = key.split('|');
  return { ring: ring ? ring.split(' ') : [], apart: apart ? apart.split(' ') : [] };
}

export function standingOf(frame: ClusterFrame, id: NodeId): Standing {
  if (isVoter(frame, id)) return 'voter';
  return frame.membership.configuration.learners.includes(id) ? 'learner' : 'spare';
}

export function learnerProgressOf(frame: ClusterFrame, id: NodeId): LearnerProgress | undefined {
  return frame.membership.learners.find((l) => l.id === id);
}
