// The configuration the view draws (§6): the leader's, with its learners' catch-up; with no
// leader, the newest configuration entry a live server holds.

import { describe, expect, it } from 'vitest';
import { RaftLog } from '../raft/log';
import { initialState } from '../raft/node';
import type { Configuration, LogEntry } from '../raft/types';
import type { ScenarioInput } from '../scenario/schema';
import { membershipFrame } from './membership-frame';
import { simulation } from './test-helpers';
import type { ClusterFrame } from './types';

const ABC: Configuration = { voters: ['A', 'B', 'C'], learners: [] };

/** Frames every millisecond until `until`, to catch states that last a few milliseconds. */
function frames(input: ScenarioInput, until: number): ClusterFrame[] {
  const sim = simulation(input);
  const out: ClusterFrame[] = [];
  for (let t = 0; t <= until; t++) {
    sim.runUntil(t);
    out.push(sim.snapshot());
  }
  return out;
}

describe('membershipFrame in a running cluster', () => {
  const addD: ScenarioInput = {
    version: 1,
    seed: 3,
    nodes: 4,
    members: ['A', 'B', 'C'],
    options: { leaderNoop: true },
    actions: [
      { at: 600, do: 'submit', command: 'set x 1' },
      { at: 1000, do: 'change', add: ['D'] },
    ],
  };

  it('shows the leader’s configuration, then D as a learner catching up, then D as a voter', () => {
    const all = frames(addD, 1600);
    const before = all[999]!;
    const leader = before.nodes.find((n) => n.role === 'leader')!;
    expect(before.membership.from).toBe(leader.id);
    expect(before.membership.configuration.voters).toEqual(['A', 'B', 'C']);
    expect(before.membership.quorum).toEqual([{ voters: ['A', 'B', 'C'], needed: 2 }]);

    const learning = all.filter((f) => f.membership.learners.length > 0);
    expect(learning.length).toBeGreaterThan(0);
    const first = learning[0]!.membership.learners[0]!;
    expect(first.id).toBe('D');
    expect(first.caughtUp).toBe(false);
    // The leader's own facts: its matchIndex for D and its last index.
    const ledBy = learning[0]!.nodes.find((n) => n.id === learning[0]!.membership.from)!;
    expect(first.matchIndex).toBe(ledBy.matchIndex['D'] ?? 0);
    expect(first.lastIndex).toBe((ledBy.snapshot?.index ?? 0) + ledBy.log.length);
    expect(first.matchIndex).toBeLessThan(first.lastIndex);

    const after = all[1600]!;
    expect(after.membership.configuration.voters).toEqual(['A', 'B', 'C', 'D']);
    expect(after.membership.learners).toEqual([]);
    expect(after.membership.quorum).toEqual([{ voters: ['A', 'B', 'C', 'D'], needed: 3 }]);
  });

  it('shows both voter sets of a joint configuration', () => {
    const joint = frames(
      {
        ...addD,
        nodes: 5,
        options: { leaderNoop: true, membership: 'joint' },
        actions: [{ at: 1000, do: 'change', add: ['D', 'E'], remove: ['A'] }],
      },
      1600,
    );
    const inJoint = joint.find((f) => f.membership.configuration.old !== undefined);
    expect(inJoint?.membership.quorum).toEqual([
      { voters: ['B', 'C', 'D', 'E'], needed: 3 },
      { voters: ['A', 'B', 'C'], needed: 2 },
    ]);
    expect(joint[1600]!.membership.configuration).toEqual({ voters: ['B', 'C', 'D', 'E'], learners: [] });
  });
});

describe('membershipFrame with no leader', () => {
  const noop: LogEntry = { term: 1, command: '', noop: true };
  const addD: LogEntry = { term: 2, command: '', config: { voters: ['A', 'B', 'C', 'D'] } };

  it('takes the newest configuration entry a live server holds, not the highest term', () => {
    // B holds C_new; A lagged behind with the old configuration but timed out to a higher term.
    const a = {
      ...initialState({ currentTerm: 7, votedFor: null, log: new RaftLog([noop]), initialConfiguration: ABC }),
    };
    const b = initialState({
      currentTerm: 2,
      votedFor: null,
      log: new RaftLog([noop, addD]),
      initialConfiguration: ABC,
    });
    const frame = membershipFrame(
      [
        { id: 'A', state: a, configuration: a.configuration },
        { id: 'B', state: b, configuration: b.configuration },
        { id: 'C', state: undefined, configuration: ABC },
      ],
      null,
    );
    expect(frame.from).toBe('B');
    expect(frame.configuration.voters).toEqual(['A', 'B', 'C', 'D']);
    expect(frame.learners).toEqual([]);
  });

  it('falls back to the first node’s configuration when every node is down', () => {
    const frame = membershipFrame([{ id: 'A', state: undefined, configuration: ABC }], null);
    expect(frame).toEqual({
      from: null,
      configuration: ABC,
      quorum: [{ voters: ['A', 'B', 'C'], needed: 2 }],
      learners: [],
    });
  });
});
