// The explorer's clocks (lease-clock.ts): a follower held by its leader's lease is offered a
// timeout only as a tick (a fast clock); without a lease, or with the drift-respecting lease that
// never outlasts a heartbeat here, timeouts are offered as they always were.

import { describe, expect, it } from 'vitest';
import { budgetOf, DEFAULT_BOUNDS } from './bounds';
import { choicesFrom, type Choice } from './choices';
import { startAt } from './explore';
import { aHoldsLease, A_LEASE_AT } from './lease-proof.fixture';

function timeoutsAtStart(leaseIgnoresDrift: boolean, ticks: number): Choice[] {
  const { sim } = startAt(aHoldsLease(leaseIgnoresDrift), A_LEASE_AT);
  const choices = choicesFrom(sim.explorationView(), budgetOf({ ...DEFAULT_BOUNDS, ticks }), 0);
  return choices.filter((c) => c.action.do === 'timeout');
}

const nodesOf = (choices: Choice[]) => choices.map((c) => ('node' in c.action ? c.action.node : ''));

describe('timeouts under a read lease', () => {
  it('while A’s lease holds, B and C may not time out without a tick', () => {
    expect(timeoutsAtStart(true, 0)).toEqual([]);
  });

  it('a tick lets each of them time out, and spends one', () => {
    const choices = timeoutsAtStart(true, 1);
    expect(nodesOf(choices)).toEqual(['B', 'C']);
    expect(choices.every((c) => c.spends === 'ticks')).toBe(true);
  });

  it('with the drift-respecting lease (15 ms, under a heartbeat) no lease holds: free timeouts, no tick spent', () => {
    const choices = timeoutsAtStart(false, 1);
    expect(nodesOf(choices)).toEqual(['B', 'C']);
    expect(choices.every((c) => c.spends === undefined)).toBe(true);
  });
});
