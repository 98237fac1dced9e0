// Fast clocks against a read lease (thesis §6.4.1), found by the explorer: with
// unsafe.leaseIgnoresDrift, two ticks (B's and C's clocks running fast, lease-clock.ts) let B win
// term 4 and commit the write on its way to it while the cut-off A still trusts its lease and answers a read with the
// old value. The counterexample replays in the Simulation to a history the linearizability checker
// rejects. With the drift bound respected, the same bound holds no stale read; with no tick in the
// budget the clocks keep the lease's rate and the unsafe lease goes unseen.
//
// The bound is the smallest that holds the counterexample: 12 choices, about 30,000 states found
// unsafe and 28,000 clean (a second or two each: messages to and from the cut-off A die on arrival,
// and dead messages are forgotten, dead-messages.ts; see the README).

import { describe, expect, it } from 'vitest';
import { historyFromTrace } from '../history-from-trace';
import { checkLinearizability } from '../linearizability';
import { Simulation } from '../../sim/simulation';
import { DEFAULT_BOUNDS, type ExploreBounds } from './bounds';
import { explore } from './explore';
import { aHoldsLease, A_LEASE_AT } from './lease-proof.fixture';

/** Two fast clocks and one read (the write is on its way at the start); terms up to 4 (A leads term 2), logs of length 2, depth 12. */
export const FAST_CLOCKS: ExploreBounds = {
  ...DEFAULT_BOUNDS,
  maxTerm: 4,
  maxLog: 2,
  writes: 0,
  reads: 1,
  heartbeats: 0,
  ticks: 2,
  depth: 12,
};

describe('leaseIgnoresDrift is caught within a stated bound', { timeout: 120_000 }, () => {
  it('two fast clocks elect B while A trusts its lease: a stale read that replays in the runner', () => {
    const found = explore(aHoldsLease(true), A_LEASE_AT, FAST_CLOCKS).counterexample;
    expect(found).not.toBeNull();
    expect(found!.violation.invariant).toBe('Linearizability');
    expect(found!.violation.detail).toMatch(/^"get x" returned \(none\) from A, but "set x 1" had succeeded/);
    expect(found!.path).toHaveLength(12);
    // B's and C's timers run out early (the two ticks), B once more to term 4; the rest is ordinary Raft.
    expect(found!.path.filter((a) => a.do === 'timeout').map((a) => ('node' in a ? a.node : ''))).toEqual([
      'B',
      'B',
      'C',
    ]);

    // The counterexample as a scenario of its own, played by the Simulation as the runner and a link play it.
    const sim = new Simulation(found!.scenario);
    sim.runUntil(found!.violation.time);
    const history = historyFromTrace(sim.trace);
    const write = history.find((o) => o.command === 'set x 1');
    const read = history.find((o) => o.command === 'get x');
    expect(write).toMatchObject({ result: '1' });
    expect(read).toMatchObject({ result: '(none)' });
    expect(write!.ret).toBeLessThan(read!.call);
    expect(checkLinearizability(history)).toMatchObject({ ok: false, key: 'x' });
  });

  it('with the drift bound respected (a lease of 150 ÷ 10 ms, under a heartbeat), the same bound is clean', () => {
    const result = explore(aHoldsLease(false), A_LEASE_AT, FAST_CLOCKS);
    expect(result.counterexample).toBeNull();
    expect(result.outcome).toBe('depth');
    expect(result.depth).toBe(12);
  });

  it('the explorer can miss: with no tick, clocks keep the lease’s rate and B and C never time out', () => {
    const result = explore(aHoldsLease(true), A_LEASE_AT, { ...FAST_CLOCKS, ticks: 0 });
    expect(result.counterexample).toBeNull();
    expect(result.outcome).toBe('exhausted');
  });
});
