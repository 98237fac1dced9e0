// A leads term 2 of three with lease reads and its no-op committed, the wire empty, its lease holding
// (500 ms, found by running the scenario: the first election waits out B's and C's boot-time contact,
// as a lease requires), and it has just been cut off from B and C (the lesson lease-fast-clock's
// story). B's and C's clocks keep their rate; any clock running fast is the explorer's choice.

import type { ScenarioInput } from '../../scenario/schema';
import { validateScenario } from '../../scenario/validate';
import type { Scenario } from '../../sim/scenario-types';

/** The start instant of the lease explorations. */
export const A_LEASE_AT = 500;

/** Drift bound 10, as in the lesson lease-fast-clock: the safe lease lasts 150 ÷ 10 = 15 ms, under a heartbeat. */
export function aHoldsLease(leaseIgnoresDrift: boolean): Scenario {
  const input: ScenarioInput = {
    version: 1,
    nodes: 3,
    seed: 1,
    timing: { latency: [2, 5], clockDriftBound: 10 },
    options: { reads: 'lease' },
    unsafe: { leaseIgnoresDrift },
    actions: [
      { at: 0, do: 'timeout', node: 'A' },
      // An entry of A's term, committed: a leader answers reads only once it has one (§6.4). Key y, so
      // that the explored write of x is the only one a read of x can miss.
      { at: 400, do: 'submit', command: 'set y 1', node: 'A' },
      // Cut off while its lease holds, as in the lesson: what it sends or is sent no longer arrives.
      { at: A_LEASE_AT - 10, do: 'isolate', node: 'A' },
      // A write on its way to B when the exploration starts: B takes it if it leads by the time it arrives.
      { at: A_LEASE_AT - 1, do: 'submit', command: 'set x 1', node: 'B' },
    ],
  };
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}
