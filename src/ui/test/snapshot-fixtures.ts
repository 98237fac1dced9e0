// Hand-made snapshots for the component tests: nodes, messages and whole cluster snapshots.

import { Quorum } from '../../raft/quorum';
import type { Configuration, NodeId } from '../../raft/types';
import { DEFAULT_OPTIONS, SAFE_SWITCHES } from '../../raft/types';
import type { ClusterFrame, Envelope, NodeFrame } from '../../sim/types';

const FIVE_VOTERS: Configuration = { voters: ['A', 'B', 'C', 'D', 'E'], learners: [] };

/** A live follower in term 1 with an empty log, its election timer armed at 0 for 200 ms. */
export function node(id: NodeId, fields: Partial<NodeFrame> = {}): NodeFrame {
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
    snapshot: null,
    incomingSnapshot: null,
    snapshotTransfers: {},
    commitDeferred: null,
    retried: [],
    configuration: FIVE_VOTERS,
    quorum: new Quorum(FIVE_VOTERS).describe(),
    kv: {},
    electionTimer: { armedAt: 0, deadline: 200 },
    heartbeatTimer: null,
    conflictFrom: null,
    clockRate: 1,
    transfer: null,
    reads: null,
    ...fields,
  };
}

/** The same follower as `node` but with no timer armed. */
export function makeNode(id: NodeId, fields: Partial<NodeFrame> = {}): NodeFrame {
  return node(id, { electionTimer: null, ...fields });
}

export function envelope(id: number, fields: Partial<Envelope> & Pick<Envelope, 'payload'>): Envelope {
  return { id, from: 'A', to: 'B', sentAt: 100, deliverAt: 120, lost: false, duplicate: false, ...fields };
}

/** A snapshot of the given nodes at time 1000, step 10, on a healthy network with nothing in flight. */
export function makeSnapshot(nodes: readonly NodeFrame[], fields: Partial<ClusterFrame> = {}): ClusterFrame {
  // Nodes left with the default configuration are voters of exactly the cluster drawn.
  const voters: Configuration = { voters: nodes.map((n) => n.id), learners: [] };
  const quorum = new Quorum(voters).describe();
  // The cluster's configuration, as the simulation reports it: the leader's, else the first node's.
  const from = nodes.find((n) => n.role === 'leader') ?? nodes[0];
  const configuration = !from || from.configuration === FIVE_VOTERS ? voters : from.configuration;
  return {
    time: 1000,
    step: 10,
    nodes: nodes.map((n) => (n.configuration === FIVE_VOTERS ? { ...n, configuration: voters, quorum } : n)),
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
    options: DEFAULT_OPTIONS,
    unsafe: SAFE_SWITCHES,
    membership: {
      from: from?.id ?? null,
      configuration,
      quorum: new Quorum(configuration).describe(),
      learners: [],
    },
    ...fields,
  };
}

/** Five `node` followers A–E at time 110, step 1. */
export function snapshot(fields: Partial<ClusterFrame> = {}): ClusterFrame {
  return makeSnapshot(
    ['A', 'B', 'C', 'D', 'E'].map((id) => node(id)),
    { time: 110, step: 1, ...fields },
  );
}
