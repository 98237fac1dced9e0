// Figure 7 of the Raft paper: when the leader of term 8 comes to power, a follower's
// log may lack entries (a, b), hold extra uncommitted entries (c, d), or both (e, f).
// §5.3: the leader finds the last index where the logs agree by backing nextIndex up,
// then overwrites everything after it, so each follower ends with the leader's log.

import { describe, expect, it } from 'vitest';
import { logOf, makeNode, persistent, Router, termsOf } from './test-helpers';

const LEADER = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6];

const FOLLOWERS: Record<string, number[]> = {
  a: [1, 1, 1, 4, 4, 5, 5, 6, 6],
  b: [1, 1, 1, 4],
  c: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6],
  d: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7],
  e: [1, 1, 1, 4, 4, 4, 4],
  f: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3],
};

/** The length of the longest prefix on which the follower agrees with the leader. */
function agreement(follower: number[]): number {
  let i = 0;
  while (i < follower.length && i < LEADER.length && follower[i] === LEADER[i]) i++;
  return i;
}

/**
 * A (the leader-to-be, holding the figure's top log), B (the follower of the figure)
 * and C (an empty voter, so A wins term 8 even when B's log is more up to date, as in
 * (d)). leaderNoop gives the leader an entry of term 8: without a new entry at index
 * 11, Figure 2 has nothing that conflicts with the extra entries of (c) and (d).
 */
function figure7(follower: number[], fastBackup: boolean): Router {
  const cluster = ['A', 'B', 'C'];
  const options = { fastBackup, leaderNoop: true };
  const a = makeNode('A', { cluster, options, persistent: persistent(7, LEADER) });
  const b = makeNode('B', { cluster, options, persistent: persistent(follower.at(-1)!, follower) });
  const c = makeNode('C', { cluster, options, persistent: persistent(7) });
  const net = new Router([a, b, c]);
  net.fire('A', 'election');
  net.deliverAll();
  // One heartbeat round carries the final commitIndex to the followers.
  net.fire('A', 'heartbeat');
  net.deliverAll();
  return net;
}

describe('Figure 7: the leader of term 8 brings every follower log to its own', () => {
  for (const fastBackup of [false, true]) {
    for (const [name, follower] of Object.entries(FOLLOWERS)) {
      it(`(${name}) ${follower.join(' ')} ends equal to the leader's log${fastBackup ? ' with fastBackup' : ''}`, () => {
        const net = figure7(follower, fastBackup);
        const a = net.node('A');
        const b = net.node('B');
        expect(a.state.role).toBe('leader');
        expect(a.state.currentTerm).toBe(8);
        expect(termsOf(a.state.log)).toEqual([...LEADER, 8]);
        expect(b.state.log.held()).toEqual(a.state.log.held());
        expect(b.state.currentTerm).toBe(8);
        // The entries both had agreed on were never touched (Log Matching).
        expect(b.state.log.slice(1, agreement(follower) + 1)).toEqual(logOf(...follower).slice(0, agreement(follower)));
        // With entry 11 of term 8 on a majority, the whole log is committed everywhere.
        expect(a.state.commitIndex).toBe(11);
        expect(b.state.commitIndex).toBe(11);
      });
    }
  }

  it('(c) and (d): the extra entries after index 10 are deleted, nothing before them', () => {
    for (const name of ['c', 'd']) {
      const net = figure7(FOLLOWERS[name]!, false);
      const truncations = net.eventsOf('entriesTruncated', 'B');
      expect(truncations).toHaveLength(1);
      expect(truncations[0]!.fromIndex).toBe(11);
      expect(termsOf(truncations[0]!.removed)).toEqual(FOLLOWERS[name]!.slice(10));
    }
  });

  it('without fastBackup the leader decrements nextIndex by one per refusal (§5.3)', () => {
    for (const follower of Object.values(FOLLOWERS)) {
      const net = figure7(follower, false);
      const steps = net.eventsOf('nextIndexBackedUp', 'A').filter((e) => e.follower === 'B');
      // nextIndex starts at 11 (the leader's last index + 1) and must reach the agreement point + 1.
      expect(steps).toHaveLength(11 - (agreement(follower) + 1));
      for (const s of steps) expect(s.to).toBe(s.from - 1);
    }
  });

  it('with fastBackup one refusal per conflicting term suffices (end of §5.3)', () => {
    for (const follower of Object.values(FOLLOWERS)) {
      const net = figure7(follower, true);
      const refusals = net.eventsOf('appendRefused', 'B').length;
      const conflicting = new Set(follower.slice(agreement(follower), LEADER.length)).size;
      const tooShort = follower.length < LEADER.length ? 1 : 0;
      expect(refusals).toBeLessThanOrEqual(conflicting + tooShort);
      const slow = figure7(follower, false).eventsOf('appendRefused', 'B').length;
      expect(refusals).toBeLessThanOrEqual(slow);
    }
  });

  it('the leader never skips past a term it shares with the follower', () => {
    // (e) holds term 4 at 4–7, the leader at 4–5: the skip must land on 6, the first index after the leader's term 4.
    const net = figure7(FOLLOWERS.e!, true);
    const steps = net.eventsOf('nextIndexBackedUp', 'A').filter((s) => s.follower === 'B');
    expect(steps.at(-1)!.to).toBe(6);
    expect(steps.every((s) => s.to > agreement(FOLLOWERS.e!))).toBe(true);
  });
});
