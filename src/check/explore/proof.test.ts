// Proof that the explorer is worth trusting: the safe rules (each option on its own) hold over a
// whole bounded space, an unsafe switch is caught within a stated bound and its counterexample
// replays in the headless runner, and a bound one step too tight misses the violation (so a
// "no violation" answer means something only together with its bounds).

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../scenario/run';
import type { ScenarioInput } from '../../scenario/schema';
import { validateScenario } from '../../scenario/validate';
import { HAND_DRIVEN_TIMING } from '../../sim/test-helpers';
import { DEFAULT_BOUNDS, type ExploreBounds } from './bounds';
import { explore } from './explore';

function scenarioOf(input: ScenarioInput) {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

/** A fresh hand-driven 3-node cluster: every election, vote and write is the explorer's choice. */
const fresh = (options: ScenarioInput['options'] = {}) =>
  scenarioOf({ version: 1, nodes: 3, timing: HAND_DRIVEN_TIMING, options });

/** Elections of terms 1 and 2 and one write, in every order, five choices deep (a few thousand states). */
const SMALL: ExploreBounds = { ...DEFAULT_BOUNDS, maxTerm: 2, maxLog: 1, writes: 1, heartbeats: 0, depth: 5 };

describe('safe rules hold over a bounded space', { timeout: 60_000 }, () => {
  const configurations: [string, ScenarioInput['options']][] = [
    ['default options', {}],
    ['preVote', { preVote: true }],
    ['checkQuorum', { checkQuorum: true }],
    ['leaderNoop', { leaderNoop: true }],
    ['fastBackup', { fastBackup: true }],
  ];
  for (const [name, options] of configurations) {
    it(`${name}: no violation within max term 2, max log 1, one write, depth 5`, () => {
      const result = explore(fresh(options), 0, SMALL);
      expect(result.counterexample).toBeNull();
      expect(['depth', 'exhausted']).toContain(result.outcome);
      expect(result.states).toBeGreaterThan(50);
    });
  }
});

/**
 * Figure 2 (persistent state): B leads term 1 with A's vote while C is down; C comes back at
 * 100 ms with term 0. A node that forgets its vote on restart can vote again in term 1.
 */
function bLeadsCDown(unsafe: ScenarioInput['unsafe'] = {}) {
  return scenarioOf({
    version: 1,
    nodes: 3,
    timing: HAND_DRIVEN_TIMING,
    unsafe,
    actions: [
      { at: 0, do: 'kill', node: 'C' },
      { at: 0, do: 'timeout', node: 'B' },
      { at: 100, do: 'restart', node: 'C' },
    ],
  });
}

/** One crash and one restart, no writes, depth 5: the bound forgetOnRestart is documented to break within. */
const CRASH_ONCE: ExploreBounds = {
  ...DEFAULT_BOUNDS,
  maxTerm: 1,
  maxLog: 0,
  writes: 0,
  heartbeats: 0,
  crashes: 1,
  restarts: 1,
  depth: 5,
};

describe('unsafe switches are caught within a stated bound', { timeout: 60_000 }, () => {
  it('forgetOnRestart: the shortest break is a crash and a restart that loses the term (two choices)', () => {
    const found = explore(bLeadsCDown({ forgetOnRestart: true }), 100, CRASH_ONCE).counterexample;
    expect(found).not.toBeNull();
    // Breadth-first finds this before the double vote (five choices): a node that reached term 1
    // comes back at term 0, which the checker's Term Monotonic invariant refuses.
    expect(found!.violation.invariant).toBe('Term Monotonic');
    expect(found!.path.map((a) => a.do)).toEqual(['kill', 'restart']);
    const report = runScenario(found!.scenario, 100);
    expect(report.violations[0]).toMatchObject({ invariant: 'Term Monotonic', time: 100 });
  });

  it('with votes kept on disk, the same bound holds no violation', () => {
    const result = explore(bLeadsCDown(), 100, CRASH_ONCE);
    expect(result.counterexample).toBeNull();
    expect(result.states).toBeGreaterThan(20);
  });

  it('the explorer can miss: one choice short of the bound, the same bug goes unseen', () => {
    // This is why a clean result is always reported with its bounds: depth 1 cannot hold the
    // two choices the shortest counterexample needs.
    const result = explore(bLeadsCDown({ forgetOnRestart: true }), 100, { ...CRASH_ONCE, depth: 1 });
    expect(result.counterexample).toBeNull();
    expect(result.outcome).toBe('depth');
  });

  it('the explorer can miss: without a crash in its choices, forgetting on restart is never exercised', () => {
    const result = explore(bLeadsCDown({ forgetOnRestart: true }), 100, { ...CRASH_ONCE, crashes: 0, restarts: 0 });
    expect(result.counterexample).toBeNull();
  });
});

describe('distinct-state counts', { timeout: 60_000 }, () => {
  // Measured with nodes rebuilt on every restore; refilling them in place (the speed-up) must visit
  // exactly the same states. A crash and restart boots a node whose fields are in another order than
  // a restored one's: the key must not tell the two apart.
  it('a fresh 3-node cluster, max term 3, max log 2, one write and one heartbeat, depth 6: 2,662 states', () => {
    const result = explore(fresh(), 0, { ...DEFAULT_BOUNDS, maxTerm: 3, maxLog: 2, depth: 6 });
    expect(result).toMatchObject({ states: 2662, transitions: 7310, outcome: 'depth' });
  });

  it('with a crash, a restart and a duplicate, max term 2, max log 1, depth 5: 1,756 states', () => {
    const bounds = { ...SMALL, crashes: 1, restarts: 1, duplicates: 1, depth: 5 };
    expect(explore(fresh(), 0, bounds)).toMatchObject({ states: 1756, transitions: 4956, outcome: 'depth' });
  });
});

/** A leads term 1 (all three saw its election), snapshotting after every applied entry (§7). */
const aLeadsSnapshotting = (unsafe: ScenarioInput['unsafe'] = {}) =>
  scenarioOf({
    version: 1,
    nodes: 3,
    timing: HAND_DRIVEN_TIMING,
    options: { snapshotThreshold: 1 },
    unsafe,
    actions: [{ at: 0, do: 'timeout', node: 'A' }],
  });

/** Two writes in term 1, depth 8: the bound snapshotUncommitted is documented to break within. */
const TWO_WRITES: ExploreBounds = { ...DEFAULT_BOUNDS, maxTerm: 1, maxLog: 2, writes: 2, heartbeats: 0, depth: 8 };

describe('snapshotUncommitted is caught within a stated bound', { timeout: 60_000 }, () => {
  it('two writes, the second still uncommitted when the first is applied: the snapshot applies it too', () => {
    const found = explore(aLeadsSnapshotting({ snapshotUncommitted: true }), 100, TWO_WRITES).counterexample;
    expect(found).not.toBeNull();
    expect(found!.violation).toMatchObject({ invariant: 'Commit Bounds', nodes: ['A'] });
    expect(found!.path.filter((a) => a.do === 'submit')).toHaveLength(2);
    const report = runScenario(found!.scenario, 100);
    expect(report.violations[0]).toMatchObject({ invariant: 'Commit Bounds', time: 100 });
  });

  it('snapshotting only what is applied, the same bound holds no violation', () => {
    const result = explore(aLeadsSnapshotting(), 100, TWO_WRITES);
    expect(result.counterexample).toBeNull();
    expect(result.states).toBeGreaterThan(500);
  });
});
