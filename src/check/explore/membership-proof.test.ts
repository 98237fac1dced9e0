// The explorer's membership-change choice (§6) reaches the two unsafe membership switches: each
// yields a counterexample within a stated bound that replays to the same violation in the headless
// runner, and with the safe rules the same bound ends with no violation.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../scenario/run';
import type { ScenarioInput } from '../../scenario/schema';
import { validateScenario } from '../../scenario/validate';
import type { ExploreBounds } from './bounds';
import { explore } from './explore';
import { aLeadsWithNoop, ONE_CHANGE, secondLeaderChanges } from './membership.fixture';

function scenarioOf(input: ScenarioInput) {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

describe('directMembershipChange is caught within a stated bound', { timeout: 120_000 }, () => {
  it('removing two of three servers at once: C_new = {A} commits alone, C_old elects a leader without it', () => {
    const found = explore(scenarioOf(aLeadsWithNoop({ directMembershipChange: true })), 100, ONE_CHANGE).counterexample;
    expect(found).not.toBeNull();
    expect(found!.violation).toMatchObject({ invariant: 'Leader Completeness', nodes: ['B'], term: 2 });
    expect(found!.path.find((a) => a.do === 'change')).toMatchObject({ add: [], remove: ['B', 'C'] });
    const report = runScenario(found!.scenario, 100);
    expect(report.violations[0]).toMatchObject({ invariant: 'Leader Completeness', time: 100 });
    expect(report.violations[0]!.detail).toBe(found!.violation.detail);
  });

  it('one server at a time, the same bound holds no violation', () => {
    const result = explore(scenarioOf(aLeadsWithNoop()), 100, ONE_CHANGE);
    expect(result.counterexample).toBeNull();
    expect(result.outcome).toBe('depth');
    expect(result.states).toBeGreaterThan(1000);
  });

  it('the explorer can miss: with no change in its budget, the switch is never exercised', () => {
    const result = explore(scenarioOf(aLeadsWithNoop({ directMembershipChange: true })), 100, {
      ...ONE_CHANGE,
      changes: 0,
    });
    expect(result.counterexample).toBeNull();
  });
});

/** One change, terms up to 3, depth 7: the bound changeBeforeTermCommit is documented to break within. */
const SECOND_LEADER: ExploreBounds = { ...ONE_CHANGE, maxTerm: 3, maxLog: 1, depth: 7 };

describe('changeBeforeTermCommit is caught within a stated bound', { timeout: 300_000 }, () => {
  it('a new leader changes before committing in its term: a committed C2 is missing from the next leader', () => {
    const scenario = scenarioOf(secondLeaderChanges({ changeBeforeTermCommit: true }));
    const found = explore(scenario, 100, SECOND_LEADER).counterexample;
    expect(found).not.toBeNull();
    expect(found!.violation).toMatchObject({ invariant: 'Leader Completeness', nodes: ['B'], term: 3 });
    expect(found!.path).toHaveLength(7);
    expect(found!.path.find((a) => a.do === 'change')).toMatchObject({ add: [], remove: ['B'] });
    const report = runScenario(found!.scenario, 100);
    expect(report.violations[0]).toMatchObject({ invariant: 'Leader Completeness', time: 100 });
    expect(report.violations[0]!.detail).toBe(found!.violation.detail);
  });

  it('with the 2015 correction, the same bound holds no violation', () => {
    const result = explore(scenarioOf(secondLeaderChanges()), 100, SECOND_LEADER);
    expect(result.counterexample).toBeNull();
    expect(result.outcome).toBe('depth');
    expect(result.states).toBeGreaterThan(50_000);
  });
});
