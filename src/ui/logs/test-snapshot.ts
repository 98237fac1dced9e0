// Hand-made snapshots for the component tests of the logs, inspector, facts and feed.

import type { ClusterSnapshot, NodeSnapshot } from '../../sim/types';

export function makeNode(id: string, fields: Partial<NodeSnapshot> = {}): NodeSnapshot {
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
    electionTimer: null,
    heartbeatTimer: null,
    ...fields,
  };
}

export function makeSnapshot(nodes: readonly NodeSnapshot[], fields: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
  return {
    time: 1000,
    step: 10,
    nodes,
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
