// Small explorations whose exact figures (states, transitions, depth, outcome) were measured with
// the reference explorer before the fast one existed, and measured again with it when both began
// to forget dead messages (dead-messages.ts): every figure fell, and every counterexample stayed
// as short. The fast explorer must reproduce them all.
// The reference offers the same choices, membership changes and reads included, but it does not
// judge reads (the stale-read check and the client order it keys by are the fast explorer's alone,
// stale-read.ts): every fixture here keeps `reads` at 0.

import type { ScenarioInput } from '../../scenario/schema';
import { validateScenario } from '../../scenario/validate';
import type { Scenario } from '../../sim/scenario-types';
import { HAND_DRIVEN_TIMING } from '../../sim/test-helpers';
import { DEFAULT_BOUNDS, type ExploreBounds } from './bounds';
import { cBackBehind } from './c-back-behind.fixture';
import { aHoldsLease, A_LEASE_AT } from './lease-proof.fixture';
import { aLeadsWithNoop, ONE_CHANGE } from './membership.fixture';

export interface ReferenceFixture {
  readonly name: string;
  readonly scenario: Scenario;
  readonly at: number;
  readonly bounds: ExploreBounds;
  /** What the reference explorer reported. */
  readonly expected: { states: number; transitions: number; depth: number; outcome: string };
}

function scenarioOf(input: ScenarioInput): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

const fresh = (options: ScenarioInput['options'] = {}) =>
  scenarioOf({ version: 1, nodes: 3, timing: HAND_DRIVEN_TIMING, options });

const TERM3_LOG2: ExploreBounds = { ...DEFAULT_BOUNDS, maxTerm: 3, maxLog: 2, depth: 6 };
const FAULTS: ExploreBounds = {
  ...DEFAULT_BOUNDS,
  maxTerm: 2,
  maxLog: 1,
  writes: 1,
  heartbeats: 0,
  crashes: 1,
  restarts: 1,
  duplicates: 1,
  depth: 5,
};
/** Fast clocks against a lease (lease-clock.ts): without a tick B and C may not time out at all. */
const TWO_TICKS: ExploreBounds = {
  ...DEFAULT_BOUNDS,
  maxTerm: 4,
  maxLog: 2,
  writes: 1,
  heartbeats: 1,
  ticks: 2,
  depth: 5,
};
const ELECTIONS_ONLY: ExploreBounds = { ...DEFAULT_BOUNDS, writes: 0, heartbeats: 0, maxTerm: 3, depth: 4 };

export const REFERENCE_FIXTURES: readonly ReferenceFixture[] = [
  {
    name: 'fresh 3 nodes, max term 3, max log 2, a write and a heartbeat, depth 6, symmetry on',
    scenario: fresh(),
    at: 0,
    bounds: TERM3_LOG2,
    expected: { states: 2662, transitions: 7310, depth: 6, outcome: 'depth' },
  },
  {
    name: 'the same with symmetry off, depth 5',
    scenario: fresh(),
    at: 0,
    bounds: { ...TERM3_LOG2, depth: 5, symmetry: false },
    expected: { states: 2705, transitions: 5853, depth: 5, outcome: 'depth' },
  },
  {
    name: 'a crash, a restart and a duplicate, max term 2, max log 1, depth 5',
    scenario: fresh(),
    at: 0,
    bounds: FAULTS,
    expected: { states: 1756, transitions: 4956, depth: 5, outcome: 'depth' },
  },
  {
    name: 'preVote, checkQuorum and leaderNoop, max term 2, max log 2, depth 6',
    scenario: fresh({ preVote: true, checkQuorum: true, leaderNoop: true }),
    at: 0,
    bounds: { ...TERM3_LOG2, maxTerm: 2 },
    expected: { states: 1642, transitions: 5709, depth: 6, outcome: 'depth' },
  },
  {
    name: 'C back behind without the election restriction: a counterexample',
    scenario: scenarioOf(cBackBehind({ noElectionRestriction: true })),
    at: 1000,
    bounds: ELECTIONS_ONLY,
    expected: { states: 644, transitions: 1427, depth: 4, outcome: 'violation' },
  },
  {
    name: 'a 2-node cluster, term 1 only, exhausted',
    scenario: scenarioOf({ version: 1, nodes: 2, timing: HAND_DRIVEN_TIMING }),
    at: 0,
    bounds: { ...DEFAULT_BOUNDS, maxTerm: 1, maxLog: 0, writes: 0, heartbeats: 0, depth: 60, symmetry: false },
    expected: { states: 35, transitions: 108, depth: 6, outcome: 'exhausted' },
  },
  // Membership changes (§6): the reference performs the same `change` actions on a whole Simulation.
  {
    name: 'A leads with its no-op committed, one change, directMembershipChange: a counterexample',
    scenario: scenarioOf(aLeadsWithNoop({ directMembershipChange: true })),
    at: 100,
    bounds: ONE_CHANGE,
    expected: { states: 1850, transitions: 5413, depth: 5, outcome: 'violation' },
  },
  {
    name: 'the same with the safe rules, two changes, depth 4, symmetry off',
    scenario: scenarioOf(aLeadsWithNoop()),
    at: 100,
    bounds: { ...ONE_CHANGE, changes: 2, depth: 4, symmetry: false },
    expected: { states: 2059, transitions: 5281, depth: 4, outcome: 'depth' },
  },
  // Fast clocks (lease reads): a follower held by its leader's lease times out only by spending a tick.
  {
    name: 'A holds a lease, cut off, leaseIgnoresDrift: two ticks, a write and a heartbeat, depth 5',
    scenario: aHoldsLease(true),
    at: A_LEASE_AT,
    bounds: TWO_TICKS,
    expected: { states: 438, transitions: 1292, depth: 5, outcome: 'depth' },
  },
  {
    name: 'the same with one tick, symmetry off',
    scenario: aHoldsLease(true),
    at: A_LEASE_AT,
    bounds: { ...TWO_TICKS, ticks: 1, symmetry: false },
    expected: { states: 202, transitions: 640, depth: 5, outcome: 'depth' },
  },
];
