// Each oracle of the fuzzer, shown able to fail: a wrong implementation is injected
// (a wrapper around the real simulation, see injected-faults.ts), and the oracle that
// guards against it must report it. Each test also runs the same case without the
// injection and sees it pass, so the failure comes from the injected fault alone.

import { describe, expect, it } from 'vitest';
import type { Action, Scenario } from '../../scenario/schema';
import { Simulation } from '../../sim/simulation';
import { FIGURE8_END, figure8, invariantsBroken, nodeOf, simulation } from '../../sim/test-helpers';
import type { Envelope } from '../../sim/types';
import type { FuzzCase } from './generate';
import { AckOnAppend, LocalReads, LosesMessages, ThrowsAt, WrongConfiguration } from './injected-faults';
import { describeFailure, runCase, type FuzzFailure } from './run';

const PLAIN = {
  preVote: false,
  checkQuorum: false,
  leaderNoop: false,
  fastBackup: false,
  maxEntriesPerMessage: 10,
  snapshotThreshold: 0,
  snapshotChunk: 256,
  reads: 'log' as const,
  followerReads: false,
};

function fuzzCase(faults: Action[], faultEnd: number, more: Partial<FuzzCase> = {}): FuzzCase {
  return { seed: 1, nodes: 3, options: PLAIN, unsafe: null, faults, faultEnd, ...more };
}

function failureOf(c: FuzzCase, start?: Parameters<typeof runCase>[1]): FuzzFailure | null {
  return runCase(c, start).failure;
}

function passes(c: FuzzCase): void {
  const failure = failureOf(c);
  expect(failure && describeFailure(failure)).toBeNull();
}

// C is cut off from the start, so its state machine lags behind every write until the heal.
const LAGGING_C = fuzzCase(
  [
    { at: 100, do: 'isolate', node: 'C' },
    { at: 1000, do: 'submit', command: 'set x v1' },
    { at: 1500, do: 'submit', command: 'get x' },
  ],
  2000,
);

describe('linearizability', () => {
  it('fails when a get is answered from a lagging replica', () => {
    passes(LAGGING_C);
    const failure = failureOf(LAGGING_C, (s) => new LocalReads(new Simulation(s), 'C'));
    expect(failure?.kind).toBe('linearizability');
    // The stale answer is what it names: the get saw no value after "set x v1" had completed.
    expect(failure?.detail).toMatch(/"get x" \[1500, [\d.]+\] → \(none\)/);
  });

  it('passes reads served by the same wrapper from a replica that is up to date', () => {
    // The rewriting alone is not what fails: A, on the majority side, has applied "set x v1"
    // before the get arrives, so its local answer happens to be current in this run.
    const leaderSide = failureOf(LAGGING_C, (s) => new LocalReads(new Simulation(s), 'A'));
    expect(leaderSide && describeFailure(leaderSide)).toBeNull();
  });
});

describe('liveness', () => {
  it('fails when one follower never receives AppendEntries after the heal', () => {
    // With pre-vote the starved follower cannot disturb the others (thesis §9.6): it just stays behind.
    const c = { ...LAGGING_C, options: { ...PLAIN, preVote: true } };
    passes(c);
    const starved = (m: Envelope): boolean => m.to === 'C' && m.payload.type === 'AppendEntries';
    const failure = failureOf(c, (s) => new LosesMessages(new Simulation(s), c.faultEnd, starved));
    expect(failure?.kind).toBe('liveness');
    expect(failure?.detail).toMatch(/C has commitIndex \d+, leader [AB] has \d+/);
  });

  it('fails when the healed cluster never answers a client', () => {
    // Before the probe had to succeed, a cluster frozen at the heal (nothing committed since,
    // every request closed) counted as settled.
    const toCluster = (m: Envelope): boolean => m.payload.type === 'ClientRequest';
    const failure = failureOf(LAGGING_C, (s) => new LosesMessages(new Simulation(s), LAGGING_C.faultEnd, toCluster));
    expect(failure?.kind).toBe('liveness');
    // Nothing moves for 3 s past the 10 s window: stuck, not slow.
    expect(failure?.detail).toMatch(/^1\d\.\d s after the heal at \d+ ms: 1 client request\(s\) still unanswered$/);
  });

  it('gives a cluster that is slow but moving more than the 10 s window', () => {
    // C misses 250 writes. Without fastBackup the leader finds C's end one entry per round trip,
    // then sends one entry per round trip: about 15 s after the heal. Raft promises progress, not a time.
    const writes = Array.from({ length: 250 }, (_, i): Action => ({
      at: 500 + i * 40,
      do: 'submit',
      command: `set k v${i}`,
    }));
    const c = fuzzCase([{ at: 100, do: 'isolate', node: 'C' }, ...writes], 11_000, {
      options: { ...PLAIN, maxEntriesPerMessage: 1 },
    });
    const outcome = runCase(c);
    expect(outcome.failure && describeFailure(outcome.failure)).toBeNull();
    expect(outcome.virtualMs).toBeGreaterThan(c.faultEnd + 10_000);
  });

  it("fails when a node settles on a configuration other than the leader's", () => {
    passes(LAGGING_C);
    const failure = failureOf(LAGGING_C, (s) => new WrongConfiguration(new Simulation(s), 'C'));
    expect(failure?.kind).toBe('liveness');
    expect(failure?.detail).toMatch(/C uses voters \{A,B\}, leader [AB] uses voters \{A,B,C\}$/);
  });

  it('fails when a node is still down', () => {
    // The ending restarts whatever the fault phase left dead; a crash after it stays.
    const c = fuzzCase([{ at: 2100, do: 'kill', node: 'B' }], 2000);
    expect(failureOf(c)).toEqual({ kind: 'liveness', detail: expect.stringContaining('B still down') });
  });
});

describe('durability', () => {
  // The leader of term 1 (B with this seed) is cut off with a write it accepts but can never
  // commit; every node is alone until long after the client's deadline, so the request fails,
  // and after the heal a leader that lacks the write overwrites it (§5.3).
  const DEPOSED = fuzzCase(
    [
      { at: 1000, do: 'partition', groups: [['A'], ['B'], ['C']] },
      { at: 1000, do: 'submit', command: 'set x lost', node: 'B' },
    ],
    7000,
  );

  // The fuzzer's clients wait as long as its liveness check (60 s); here the write must fail
  // before the heal, so the client gives up after the app's 5 s.
  const withAppDeadline = (s: Scenario): Scenario => ({ ...s, timing: { ...s.timing, clientDeadline: 5000 } });

  it('fails when a leader acknowledges a write before it commits, and the write is lost', () => {
    let correct: Simulation | null = null;
    const failure = failureOf(DEPOSED, (s) => (correct = new Simulation(withAppDeadline(s))));
    expect(failure && describeFailure(failure)).toBeNull();
    // The correct service never said "success", and the write really is gone.
    const sim = correct! as Simulation;
    const accepted = sim.trace.find((t) => t.kind === 'client' && t.event.type === 'accepted');
    expect(accepted).toMatchObject({ event: { node: 'B', requestId: 1 } });
    expect(sim.trace.some((t) => t.kind === 'client' && t.event.type === 'succeeded' && t.event.requestId === 1)).toBe(
      false,
    );
    for (const n of sim.snapshot().nodes) expect(n.log.some((e) => e.requestId === 1)).toBe(false);

    const early = failureOf(DEPOSED, (s) => new AckOnAppend(new Simulation(withAppDeadline(s))));
    expect(early?.kind).toBe('durability');
    expect(early?.detail).toContain('#1 "set x lost"');
  });

  it('passes writes acknowledged early that do commit', () => {
    // Acknowledging on append is a bug, but here every such write commits: durability sees no loss.
    const early = failureOf(LAGGING_C, (s) => new AckOnAppend(new Simulation(s)));
    expect(early && describeFailure(early)).toBeNull();
  });
});

describe('safety', () => {
  it('fails when a restart forgets currentTerm', () => {
    const c = fuzzCase(
      [
        { at: 1000, do: 'kill', node: 'A' },
        { at: 1100, do: 'restart', node: 'A' },
      ],
      2000,
      { unsafe: 'forgetOnRestart' },
    );
    passes({ ...c, unsafe: null });
    expect(failureOf(c)).toMatchObject({ kind: 'safety', invariant: 'Term Monotonic', time: 1100 });
  });
});

describe('safety under compaction', () => {
  // Figure 8 with every node snapshotting each entry it applies: the followers that counted the
  // stale entry as committed have compacted it, so E's overwrite never reaches their logs (a
  // follower keeps what its snapshot holds). The checker does not need that evidence: it keeps
  // its own copy of every log and of what was committed, through snapshots.
  it.each([0, 1, 2])('catches Figure 8 with snapshotThreshold %i', (snapshotThreshold) => {
    const input = { ...figure8({ commitPreviousTerms: true }), options: { snapshotThreshold } };
    const sim = simulation(input);
    sim.runUntil(FIGURE8_END);
    if (snapshotThreshold > 0) for (const id of ['B', 'C', 'D']) expect(nodeOf(sim, id).snapshot?.index).toBe(2);
    expect(sim.violations[0]).toMatchObject({ invariant: 'Leader Completeness', nodes: ['E'], index: 2 });
    expect(invariantsBroken(sim)).toContain('State Machine Safety');
    // Without the unsafe switch the same run is clean, compaction or not.
    const safe = simulation({ ...figure8(), options: { snapshotThreshold } });
    safe.runUntil(FIGURE8_END);
    expect(safe.violations).toEqual([]);
  });
});

describe('crash', () => {
  it('reports an engine that throws, with its message', () => {
    const failure = failureOf(LAGGING_C, (s) => new ThrowsAt(new Simulation(s), 1500));
    expect(failure?.kind).toBe('crash');
    expect(failure?.detail).toContain('injected failure at 1500 ms');
  });
});
