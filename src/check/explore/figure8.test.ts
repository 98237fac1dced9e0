// Figure 8 found by the explorer itself (commitPreviousTerms), and the same bounds clean with the
// safe rule. From the middle of the figure (both writes taken, nothing replicated): the violation
// in 11 choices, and with the safe rule the whole space within the same bounds, about two million
// states, exhausted in about a minute. Without drop choices (a message never delivered stands for a
// lost one, drops.test.ts) and with dead messages forgotten (dead-messages.test.ts); with drop
// choices the safe space was still growing past 16 million states. Later in the figure the search
// takes seconds, with drop choices too.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../scenario/run';
import type { ScenarioInput } from '../../scenario/schema';
import { validateScenario } from '../../scenario/validate';
import { DEFAULT_BOUNDS, type ExploreBounds } from './bounds';
import { explore } from './explore';
import { FIGURE8_FROM_MIDDLE, FIGURE8_LATE_AT, figure8Late, figure8Middle } from './figure8.fixture';

function scenarioOf(input: ScenarioInput) {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

/** Figure 8's bounds: terms up to 4, logs of length 2; the two writes are already in the logs. */
const FIGURE8: ExploreBounds = { ...DEFAULT_BOUNDS, maxTerm: 4, maxLog: 2, writes: 0, heartbeats: 0, depth: 8 };

describe('Figure 8 from its middle, whole', { timeout: 600_000 }, () => {
  it('commitPreviousTerms: A commits its term-1 entry by counting in term 3, and B wins term 4 without it', () => {
    const found = explore(scenarioOf(figure8Middle()), 0, FIGURE8_FROM_MIDDLE).counterexample;
    expect(found).not.toBeNull();
    expect(found!.violation).toMatchObject({ invariant: 'Leader Completeness', nodes: ['B'], term: 4 });
    // A's election (its timeout, two requests, a vote back), A's entry taken by C (a refusal, the
    // retry and its success: commit by counting), B's timeout to term 4 and C's vote.
    expect(found!.path).toHaveLength(11);
    const report = runScenario(found!.scenario, 0);
    expect(report.violations[0]).toMatchObject({ invariant: 'Leader Completeness', time: 0 });
  });

  it('with the safe rule, every state within the same bounds is visited and none breaks an invariant', () => {
    const result = explore(scenarioOf(figure8Middle({})), 0, FIGURE8_FROM_MIDDLE);
    expect(result.counterexample).toBeNull();
    expect(result.outcome).toBe('exhausted');
    expect(result.states).toBeGreaterThan(1_000_000);
  });
});

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
