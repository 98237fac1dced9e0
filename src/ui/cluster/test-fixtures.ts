// Hand-made snapshots for the cluster view's component tests.

import type { NodeId } from '../../raft/types';
import type { ClusterSnapshot, Envelope, NodeSnapshot } from '../../sim/types';

export function node(id: NodeId, fields: Partial<NodeSnapshot> = {}): NodeSnapshot {
  return {
    id,
    alive: true,
    role: 'follower',
    currentTerm: 1,
    votedFor: null,
    leaderId: null,
    log: [],
    commitIndex: 0,
    lastApplied: 0,
    nextIndex: {},
    matchIndex: {},
    votesGranted: [],
    votesRefused: [],
    preCandidate: false,
    kv: {},
    electionTimer: { armedAt: 0, deadline: 200 },
    heartbeatTimer: null,
    ...fields,
  };
}

export function envelope(id: number, fields: Partial<Envelope> & Pick<Envelope, 'payload'>): Envelope {
  return { id, from: 'A', to: 'B', sentAt: 100, deliverAt: 120, lost: false, duplicate: false, ...fields };
}

export function snapshot(fields: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
  return {
    time: 110,
    step: 1,
    nodes: ['A', 'B', 'C', 'D', 'E'].map((id) => node(id)),
    messages: [],
    recentlyDropped: [],
    network: {
      isolated: [],
      cutLinks: [],
      partition: null,
      latency: [10, 20],
      dropRate: 0,
      duplicateRate: 0,
      reorder: false,
    },
    requests: [],
    violations: [],
    ...fields,
  };
}
