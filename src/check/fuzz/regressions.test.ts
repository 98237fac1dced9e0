// Cases the fuzzer found, kept as plain scenarios so they stay fixed.

import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../scenario/validate';
import { Simulation } from '../../sim/simulation';

function play(input: unknown, until: number): Simulation {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  const sim = new Simulation(result.scenario, { recordTrace: true });
  sim.runUntil(until);
  return sim;
}

const SEED_5194 = {
  version: 1,
  seed: 5194,
  nodes: 5,
  timing: {
    electionTimeout: [150, 300],
    heartbeatInterval: 50,
    latency: [10, 20],
    clientTimeout: 500,
    clientDeadline: 5000,
  },
  options: { preVote: true, checkQuorum: false, leaderNoop: false, fastBackup: false, maxEntriesPerMessage: 10 },
  unsafe: { noElectionRestriction: false, commitPreviousTerms: false, forgetOnRestart: false },
  network: { dropRate: 0, duplicateRate: 0, reorder: false },
  initial: {},
  actions: [
    { at: 1247, do: 'network', dropRate: 0.02, duplicateRate: 0.13, reorder: false, latency: [2, 6] },
    { at: 1741, do: 'network', dropRate: 0, duplicateRate: 0.11, reorder: true, latency: [10, 21] },
    { at: 1938, do: 'cut', from: 'E', to: 'D', oneWay: false },
    { at: 2038, do: 'timeout', node: 'A' },
    { at: 2185, do: 'submit', command: 'set z v1', node: 'D' },
    { at: 2185, do: 'submit', command: 'set y v2', node: 'B' },
    { at: 2185, do: 'submit', command: 'set x v3', node: 'E' },
    { at: 2185, do: 'submit', command: 'del z', node: 'E' },
    { at: 2584, do: 'heal' },
    { at: 2947, do: 'submit', command: 'get y', node: 'A' },
    { at: 2947, do: 'submit', command: 'del x', node: 'B' },
    { at: 3303, do: 'submit', command: 'set z v4' },
    { at: 3303, do: 'submit', command: 'set x v5', node: 'E' },
    { at: 3652, do: 'cut', from: 'C', to: 'E', oneWay: true },
    { at: 3966, do: 'network', dropRate: 0, duplicateRate: 0.01, reorder: false, latency: [198, 560] },
    { at: 4180, do: 'submit', command: 'del z', node: 'B' },
    { at: 4451, do: 'setOptions', options: { preVote: false, checkQuorum: false, leaderNoop: true } },
    { at: 4650, do: 'submit', command: 'get z' },
    { at: 4650, do: 'submit', command: 'get x', node: 'C' },
    { at: 4650, do: 'submit', command: 'set x v6' },
    { at: 4650, do: 'submit', command: 'del x' },
    { at: 4705, do: 'heal' },
    { at: 4705, do: 'network', dropRate: 0, duplicateRate: 0, reorder: false, latency: [10, 20] },
    { at: 5205, do: 'submit', command: 'get x' },
  ],
};

const SEED_279 = {
  version: 1,
  seed: 279,
  nodes: 3,
  timing: {
    electionTimeout: [150, 300],
    heartbeatInterval: 50,
    latency: [10, 20],
    clientTimeout: 500,
    clientDeadline: 5000,
    clockDriftBound: 1,
  },
  options: {
    preVote: false,
    checkQuorum: true,
    leaderNoop: true,
    fastBackup: true,
    maxEntriesPerMessage: 10,
    snapshotThreshold: 0,
    snapshotChunk: 64,
    membership: 'single',
    reads: 'lease',
    followerReads: false,
  },
  unsafe: {
    noElectionRestriction: false,
    commitPreviousTerms: false,
    forgetOnRestart: false,
    snapshotUncommitted: false,
    directMembershipChange: false,
    changeBeforeTermCommit: false,
    localReads: false,
    leaseIgnoresDrift: false,
  },
  network: { dropRate: 0, duplicateRate: 0, reorder: false },
  initial: {},
  actions: [
    { at: 686, do: 'change', add: [], remove: ['B'] },
    { at: 829, do: 'timeout', node: 'C' },
    { at: 905, do: 'isolate', node: 'A' },
    { at: 1027, do: 'submit', command: 'set y v1' },
    { at: 1027, do: 'submit', command: 'get z' },
    { at: 1027, do: 'submit', command: 'get z', node: 'B' },
    { at: 1027, do: 'submit', command: 'get z' },
    { at: 1077, do: 'timeout', node: 'C' },
    { at: 1171, do: 'submit', command: 'del x' },
    { at: 1171, do: 'submit', command: 'get x', node: 'B' },
    { at: 1171, do: 'submit', command: 'get z' },
    { at: 1171, do: 'submit', command: 'get y' },
    { at: 1243, do: 'heal' },
    { at: 1512, do: 'timeout', node: 'C' },
    { at: 1600, do: 'change', add: ['B'], remove: [] },
    { at: 1736, do: 'change', add: [], remove: ['A'] },
    { at: 2139, do: 'submit', command: 'set x v2', node: 'C' },
    { at: 2139, do: 'submit', command: 'set y v3' },
    { at: 2289, do: 'isolate', node: 'C' },
    { at: 2800, do: 'heal' },
    { at: 2800, do: 'network', dropRate: 0, duplicateRate: 0, reorder: false, latency: [10, 20] },
    { at: 2800, do: 'setOptions', options: { preVote: true, leaderNoop: true } },
    { at: 3300, do: 'submit', command: 'get x' },
  ],
};

const SEED_831 = {
  version: 1,
  seed: 831,
  nodes: 3,
  timing: {
    electionTimeout: [150, 300],
    heartbeatInterval: 50,
    latency: [10, 20],
    clientTimeout: 500,
    clientDeadline: 5000,
    clockDriftBound: 1.6,
  },
  options: {
    preVote: false,
    checkQuorum: false,
    leaderNoop: false,
    fastBackup: false,
    maxEntriesPerMessage: 10,
    snapshotThreshold: 0,
    snapshotChunk: 256,
    membership: 'joint',
    reads: 'lease',
    followerReads: true,
  },
  unsafe: {
    noElectionRestriction: false,
    commitPreviousTerms: false,
    forgetOnRestart: false,
    snapshotUncommitted: false,
    directMembershipChange: false,
    changeBeforeTermCommit: false,
    localReads: false,
    leaseIgnoresDrift: false,
  },
  network: { dropRate: 0, duplicateRate: 0, reorder: false },
  initial: {},
  actions: [
    { at: 880, do: 'setOptions', options: { preVote: false, checkQuorum: false, leaderNoop: false } },
    { at: 975, do: 'change', add: [], remove: ['A', 'C'] },
    { at: 1500, do: 'heal' },
    { at: 1500, do: 'network', dropRate: 0, duplicateRate: 0, reorder: false, latency: [10, 20] },
    { at: 1500, do: 'setOptions', options: { preVote: true, leaderNoop: true } },
    { at: 2000, do: 'submit', command: 'get x' },
  ],
};

describe('fuzzer regressions', () => {
  it('a rejoining node that overwrites an uncommitted entry and commits in the same message breaks nothing', () => {
    // Fuzz seed 32, shrunk. C, cut off alone, accepted "set y v3" at index 2 in term 1 but could
    // not commit it; after the heal one AppendEntries replaces it and commits index 2. The checker
    // once compared the truncation with C's commitIndex after the whole message and cried
    // "State Machine Safety".
    const sim = play(
      {
        version: 1,
        seed: 32,
        nodes: 3,
        actions: [
          { at: 1265, do: 'submit', command: 'get y' },
          { at: 1680, do: 'partition', groups: [['A', 'B'], ['C']] },
          { at: 2140, do: 'submit', command: 'set y v3' },
          { at: 5177, do: 'heal' },
        ],
      },
      8000,
    );
    const truncated = sim.trace.filter(
      (t) => t.kind === 'node' && t.node === 'C' && t.event.type === 'entriesTruncated',
    );
    expect(truncated).toHaveLength(1);
    expect(sim.violations).toEqual([]);
  });
  // Fuzz seed 5194 (the 10,000-seed run), shrunk. Leader Completeness (Figure 3) asks a new leader
  // to hold the entries committed in LOWER terms only. Here E wins term 2 with votes from A and C
  // that arrive late, after B, leader of term 4, has committed its term-4 entry 9; E lacks entry 9
  // and may (E's appends are refused as stale and it steps down at once).
  it('a stale candidate that wins a lower term after a higher term committed more is not a violation', () => {
    const sim = play(SEED_5194, 5100);
    const nodeEvents = sim.trace.filter((t) => t.kind === 'node');
    const commit9 = nodeEvents.find(
      (t) => t.node === 'B' && t.event.type === 'commitAdvanced' && t.event.to >= 9 && t.event.by === 'majority',
    );
    const eLeads = nodeEvents.find(
      (t) => t.node === 'E' && t.event.type === 'roleChanged' && t.event.to === 'leader' && t.event.term === 2,
    );
    expect(commit9).toBeDefined();
    expect(eLeads).toBeDefined();
    expect(eLeads!.time).toBeGreaterThan(commit9!.time);
    expect(sim.violations).toEqual([]);
  });
  // Fuzz seed 279 (the 10,000-seed run), shrunk. C led alone in {C} and promoted learner B
  // (entry 9: {B, C}); cut off, C stepped down before B got entry 9. B, whose own log still says {C},
  // is no voter and never campaigns, and it kept C as its known leader for ever, so it refused every
  // pre-vote of C's as "leader alive": no leader again. A timer that runs out means no leader was
  // heard for an election timeout (thesis §9.6), voter or not.
  it('a non-voter whose election timer runs out forgets its leader, so a pre-vote can win again', () => {
    const sim = play(SEED_279, 12800);
    const newLeader = sim.trace.find(
      (t) => t.kind === 'node' && t.time > 2800 && t.event.type === 'roleChanged' && t.event.to === 'leader',
    );
    expect(newLeader).toBeDefined();
    expect(sim.violations).toEqual([]);
  });
  // Fuzz seed 831 (the 10,000-seed run), shrunk. A joint change left B the only voter; B led term 3
  // with no entry of its own term. A lease read made B append the no-op it needs (§6.4 step 1), but
  // appending did not try to commit: with no follower to reply, nothing ever did, and the read
  // waited for ever. A lone voter's own copy is the majority, so every append now tries to commit.
  it('a lone voter commits the no-op a read appends, and answers the read', () => {
    const sim = play(SEED_831, 11500);
    const answered = sim.trace.find(
      (t) => t.kind === 'client' && t.event.type === 'succeeded' && t.event.requestId === 2,
    );
    expect(answered).toBeDefined();
    expect(sim.violations).toEqual([]);
  });
});
