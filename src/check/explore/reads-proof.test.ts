// The explorer's read choice reaches unsafe.localReads: a counterexample within a stated bound,
// which replays in the Simulation to a history the linearizability checker rejects (the check the
// history panel runs); with ReadIndex, or reads through the log, the same bound holds no stale read.

import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../scenario/schema';
import { validateScenario } from '../../scenario/validate';
import { Simulation } from '../../sim/simulation';
import { HAND_DRIVEN_TIMING } from '../../sim/test-helpers';
import { historyFromTrace } from '../history-from-trace';
import { checkLinearizability } from '../linearizability';
import { DEFAULT_BOUNDS, type ExploreBounds } from './bounds';
import { explore } from './explore';

/** A leads term 1 of three; the write, its replication, its answer and the read are the explorer's. */
function aLeads(options: ScenarioInput['options'], unsafe: ScenarioInput['unsafe'] = {}) {
  const result = validateScenario({
    version: 1,
    nodes: 3,
    timing: HAND_DRIVEN_TIMING,
    options,
    unsafe,
    actions: [{ at: 0, do: 'timeout', node: 'A' }],
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

/** One write and one read, term 1, depth 8: the bound localReads is documented to break within. */
const WRITE_THEN_READ: ExploreBounds = {
  ...DEFAULT_BOUNDS,
  maxTerm: 1,
  maxLog: 1,
  writes: 1,
  reads: 1,
  heartbeats: 0,
  depth: 8,
};

describe('localReads is caught within a stated bound', { timeout: 120_000 }, () => {
  it('a follower answers from its own state after the write was acknowledged: a stale read', () => {
    const found = explore(aLeads({}, { localReads: true }), 100, WRITE_THEN_READ).counterexample;
    expect(found).not.toBeNull();
    expect(found!.violation.invariant).toBe('Linearizability');
    expect(found!.violation.detail).toMatch(/^"get x" returned \(none\) from [BC], but "set x 1" had succeeded/);
    expect(found!.path).toHaveLength(8);

    // The counterexample as a scenario of its own: played by the Simulation (as the runner and the
    // app play a link), its client history is one the linearizability checker rejects.
    const sim = new Simulation(found!.scenario);
    sim.runUntil(found!.violation.time);
    const history = historyFromTrace(sim.trace);
    const [write, read] = history;
    expect(write).toMatchObject({ command: 'set x 1', result: '1' });
    expect(read).toMatchObject({ command: 'get x', result: '(none)' });
    expect(write!.ret).toBeLessThan(read!.call);
    expect(checkLinearizability(history)).toMatchObject({ ok: false, key: 'x' });
  });

  it.each([
    ['ReadIndex', { reads: 'readIndex' as const }],
    ['reads through the log', {}],
  ])('with %s, the same bound holds no stale read', (_name, options) => {
    const result = explore(aLeads(options), 100, WRITE_THEN_READ);
    expect(result.counterexample).toBeNull();
    expect(result.outcome).toBe('depth');
    expect(result.states).toBeGreaterThan(2000);
  });

  it('the explorer can miss: with no read in its budget, local reads are never exercised', () => {
    const result = explore(aLeads({}, { localReads: true }), 100, { ...WRITE_THEN_READ, reads: 0 });
    expect(result.counterexample).toBeNull();
  });
});
