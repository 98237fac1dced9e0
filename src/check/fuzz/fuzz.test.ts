// The fuzzer at a CI-sized budget, and proof that its safety check is not vacuous:
// with each unsafe switch on, it must catch a violation of the matching invariant.

import { describe, expect, it } from 'vitest';
import { DEFAULT_SEEDS, runCampaign } from './campaign';
import { describeFailure } from './run';
import type { UnsafeName } from './generate';

describe('fuzzer', () => {
  it('finds no failure in a few hundred small faulty scenarios', () => {
    const result = runCampaign({ seeds: 300, firstSeed: 1, faultMs: 2500 });
    const failures = result.failures.map((f) => `seed ${f.seed}: ${describeFailure(f.failure)}`);
    expect(failures).toEqual([]);
    expect(result.cases).toBe(300);
    // The budget really exercised the cluster: every case played its whole fault phase and more.
    expect(result.virtualMs).toBeGreaterThan(300 * 2500);
    expect(result.events).toBeGreaterThan(300 * 500);
  }, 120_000);

  const expected: Record<UnsafeName, readonly string[]> = {
    // A stale log wins an election: the new leader lacks a committed entry.
    noElectionRestriction: ['Leader Completeness', 'State Machine Safety', 'Log Matching'],
    // Figure 8: an old-term entry counted as committed is later overwritten.
    commitPreviousTerms: ['Leader Completeness', 'State Machine Safety'],
    // A restart that forgets currentTerm takes the term backwards.
    forgetOnRestart: ['Term Monotonic', 'Vote Stability', 'Election Safety'],
    // §7: a snapshot past commitIndex puts uncommitted entries in the state machine.
    snapshotUncommitted: ['State Machine Safety', 'Commit Bounds'],
    // §6, Figure 10: C_old and C_new majorities elect two leaders, whose logs then diverge (and one
    // truncates entries another node had already counted as committed).
    directMembershipChange: [
      'Election Safety',
      'Leader Completeness',
      'State Machine Safety',
      'Log Matching',
      'Commit Bounds',
    ],
    // The 2015 single-server bug: a stale configuration elects a leader that overwrites a commit.
    changeBeforeTermCommit: ['Leader Completeness', 'State Machine Safety', 'Election Safety', 'Log Matching'],
    // A deposed leader (or a lagging follower) answers a get from its own state: a stale read.
    localReads: ['linearizability'],
    // A lease that ignores fast clocks outlives the followers' patience: a new leader writes, the old one reads.
    leaseIgnoresDrift: ['linearizability'],
  };

  // Every switch a safety invariant catches is proven here; the read switches, judged by linearizability
  // alone, are shown by `npm run fuzz -- --unsafe NAME`. (`expected` names every switch, so a new one is
  // proven here as soon as it is given the invariants that must catch it.)
  const proven = (Object.keys(expected) as UnsafeName[]).filter((name) =>
    expected[name].some((kind) => kind !== 'linearizability'),
  );
  it('proves every switch but the read switches', () => {
    expect(proven).toHaveLength(6);
    expect(proven).not.toContain('localReads');
    expect(proven).not.toContain('leaseIgnoresDrift');
  });
  for (const unsafe of proven) {
    it(`catches the unsafe switch ${unsafe} within the default budget`, () => {
      const result = runCampaign({ seeds: DEFAULT_SEEDS, unsafe, stopAtFirst: true });
      const found = result.failures[0];
      expect(found, `no violation in ${result.cases} scenarios`).toBeDefined();
      const failure = found!.failure;
      expect(expected[unsafe]).toContain(failure.kind === 'safety' ? failure.invariant : failure.kind);
    }, 120_000);
  }

  it('shrinks a failure to a smaller case that fails the same way', () => {
    const result = runCampaign({ seeds: 50, unsafe: 'noElectionRestriction', stopAtFirst: true, shrink: true });
    const found = result.failures[0]!;
    const shrunk = found.shrunk!;
    expect(shrunk.failure.kind).toBe('safety');
    expect(shrunk.case.faults.length + shrunk.case.nodes).toBeLessThanOrEqual(
      found.case.faults.length + found.case.nodes,
    );
  }, 120_000);
});
