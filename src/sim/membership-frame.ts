// Which configuration the view draws (§6), read from the nodes' own state: every server uses the
// latest configuration in its log, so servers can disagree while a change travels. The cluster
// follows its leader, so the leader's configuration is the one shown (with its learners, which
// only a leader knows, dissertation §4.2.1). With no leader, the newest configuration entry any
// live server holds: the one the next leader will most likely use.

import { Quorum } from '../raft/quorum';
import type { Configuration, NodeId, QuorumSet, RaftState } from '../raft/types';
import type { LearnerProgress, MembershipFrame } from './types';

export interface MembershipSource {
  readonly id: NodeId;
  /** The running node's state; undefined while it is down. */
  readonly state: RaftState | undefined;
  /** What the node uses when down: its configuration from disk. */
  readonly configuration: Configuration;
}

/** (term, index) of the entry a node's configuration comes from: later in the log order is newer. */
function configEntryOf(s: RaftState): readonly [number, number] {
  const index = s.membership.configIndex;
  return [index === 0 ? 0 : (s.log.term(index) ?? s.log.snapshotTerm), index];
}

function newer(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
}

function learnerProgressOf(leader: RaftState): LearnerProgress[] {
  const waiting = leader.membership.pending?.waiting ?? [];
  const lastIndex = leader.log.lastIndex();
  return leader.configuration.learners.map((id) => ({
    id,
    matchIndex: leader.matchIndex[id] ?? 0,
    lastIndex,
    caughtUp: !waiting.includes(id),
  }));
}

/** `leader`: the leader the cluster follows (the live leader of the highest term), if any. */
export function membershipFrame(nodes: readonly MembershipSource[], leader: NodeId | null): MembershipFrame {
  const ruling = leader === null ? undefined : nodes.find((n) => n.id === leader)?.state;
  if (leader !== null && ruling) return frameOf(leader, ruling.configuration, learnerProgressOf(ruling));
  let best: { id: NodeId; state: RaftState } | null = null;
  for (const n of nodes) {
    if (!n.state) continue;
    if (!best || newer(configEntryOf(n.state), configEntryOf(best.state))) best = { id: n.id, state: n.state };
  }
  if (best) return frameOf(best.id, best.state.configuration, []);
  const first = nodes[0];
  return frameOf(null, first?.configuration ?? { voters: [], learners: [] }, []);
}

function frameOf(from: NodeId | null, configuration: Configuration, learners: LearnerProgress[]): MembershipFrame {
  return { from, configuration, quorum: quorumView(configuration), learners };
}

/**
 * What a quorum means in a configuration, as frames show it. A configuration is never changed once
 * made (a new one replaces it), so each is described once: a frame then holds the very object the
 * last frame held, which the worker's frame diff recognises without comparing it.
 */
const quorumViews = new WeakMap<Configuration, readonly QuorumSet[]>();

export function quorumView(configuration: Configuration): readonly QuorumSet[] {
  let view = quorumViews.get(configuration);
  if (view === undefined) {
    view = new Quorum(configuration).describe();
    quorumViews.set(configuration, view);
  }
  return view;
}
