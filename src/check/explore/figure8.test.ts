// Figure 8 found by the explorer itself (commitPreviousTerms), and the same bounds clean with the
// safe rule. The full search from the middle of the figure (11 choices, about 800,000 states, tens of
// seconds) is measured in the README; this file keeps to bounds that run in seconds.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../scenario/run';
import type { ScenarioInput } from '../../scenario/schema';
import { validateScenario } from '../../scenario/validate';
import { DEFAULT_BOUNDS, type ExploreBounds } from './bounds';
import { explore } from './explore';
import { FIGURE8_LATE_AT, figure8Late } from './figure8.fixture';

function scenarioOf(input: ScenarioInput) {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

/** Figure 8's bounds: terms up to 4, logs of length 2; the two writes are already in the logs. */
const FIGURE8: ExploreBounds = { ...DEFAULT_BOUNDS, maxTerm: 4, maxLog: 2, writes: 0, heartbeats: 0, depth: 8 };

describe('Figure 8, found by the explorer', { timeout: 60_000 }, () => {
  it('the start is clean: A has committed its term-1 entry by counting, nothing is broken yet', () => {
    const report = runScenario(scenarioOf(figure8Late()), FIGURE8_LATE_AT);
    expect(report.violations).toEqual([]);
  });

  it('commitPreviousTerms: B wins term 4 without the committed entry, in four choices', () => {
    const found = explore(scenarioOf(figure8Late()), FIGURE8_LATE_AT, FIGURE8).counterexample;
    expect(found).not.toBeNull();
    expect(found!.violation).toMatchObject({ invariant: 'Leader Completeness', nodes: ['B'] });
    // B has not heard of term 3: one timeout to term 3 (C already voted for A), one to term 4,
    // its RequestVote to C (whose last term 1 is older than B's 2), and C's vote back.
    expect(found!.path.map((a) => a.do)).toEqual(['timeout', 'timeout', 'deliver', 'deliver']);
    const report = runScenario(found!.scenario, FIGURE8_LATE_AT);
    expect(report.violations[0]).toMatchObject({ invariant: 'Leader Completeness', time: FIGURE8_LATE_AT });
  });

  it('with the safe rule, the same bounds hold no violation', () => {
    const result = explore(scenarioOf(figure8Late({})), FIGURE8_LATE_AT, FIGURE8);
    expect(result.counterexample).toBeNull();
    expect(result.outcome).toBe('depth');
    expect(result.states).toBeGreaterThan(1000);
  });
});
