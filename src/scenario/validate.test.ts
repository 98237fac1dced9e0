// Scenario validation: bad input is refused with messages that name the field and
// say what is wrong, in the words a student can act on.

import { describe, expect, it } from 'vitest';
import { validateScenario } from './validate';

function errorsOf(input: unknown): string[] {
  const result = validateScenario(input);
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.errors;
}

describe('validateScenario', () => {
  it('fills every default of a minimal scenario', () => {
    const result = validateScenario({ version: 1, nodes: 3 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.timing.electionTimeout).toEqual([150, 300]);
    expect(result.scenario.options.preVote).toBe(false);
    expect(result.scenario.unsafe.commitPreviousTerms).toBe(false);
    expect(result.scenario.actions).toEqual([]);
  });

  it('names an action’s node that is not in the cluster', () => {
    const errors = errorsOf({
      version: 1,
      nodes: 5,
      actions: [
        { at: 0, do: 'heal' },
        { at: 10, do: 'kill', node: 'A' },
        { at: 20, do: 'kill', node: 'F' },
      ],
    });
    expect(errors).toEqual(['actions[2].node: no node "F" in a 5-node cluster']);
  });

  it('names unknown nodes in links, partitions and initial states', () => {
    const errors = errorsOf({
      version: 1,
      nodes: 3,
      initial: { D: { term: 1 }, A: { term: 1, votedFor: 'E' } },
      actions: [
        { at: 0, do: 'cut', from: 'A', to: 'D' },
        {
          at: 0,
          do: 'partition',
          groups: [
            ['A', 'B'],
            ['B', 'E'],
          ],
        },
      ],
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        'initial.D: no node "D" in a 3-node cluster',
        'initial.A.votedFor: no node "E" in a 3-node cluster',
        'actions[0].to: no node "D" in a 3-node cluster',
        'actions[1].groups[1][0]: "B" is in two groups',
        'actions[1].groups[1][1]: no node "E" in a 3-node cluster',
      ]),
    );
  });

  it('refuses a log whose terms decrease, and a term older than the last entry', () => {
    const errors = errorsOf({
      version: 1,
      nodes: 3,
      initial: {
        B: {
          term: 1,
          log: [
            { term: 2, command: 'set x 1' },
            { term: 1, command: 'set x 2' },
          ],
        },
      },
    });
    expect(errors).toEqual([
      'initial.B.log[1].term: terms in a log never decrease (1 after 2)',
      'initial.B.term: 1 is older than the term 2 of its last log entry',
    ]);
  });

  it('names unknown fields wherever they are', () => {
    const errors = errorsOf({
      version: 1,
      nodes: 3,
      colour: 'red',
      timing: { electionTimeout: [150, 300], bogus: 2 },
      actions: [{ at: 0, do: 'heal', node: 'A' }],
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        '(scenario): unknown field "colour"',
        'timing: unknown field "bogus"',
        'actions[0]: unknown field "node"',
      ]),
    );
  });

  it('tells a missing field from a mistyped one', () => {
    expect(errorsOf({ version: 1 })).toEqual(['nodes: missing (expected number)']);
    const mistyped = errorsOf({ version: 1, nodes: 'three' });
    expect(mistyped).toHaveLength(1);
    expect(mistyped[0]).toMatch(/^nodes: /);
    expect(mistyped[0]).not.toMatch(/missing/);
    expect(mistyped[0]).toMatch(/string/);
  });

  it('refuses ranges whose minimum is above their maximum', () => {
    expect(errorsOf({ version: 1, nodes: 3, timing: { electionTimeout: [300, 150] } })).toEqual([
      'timing.electionTimeout: the minimum 300 is above the maximum 150',
    ]);
    // A network action's latency obeys the same rule as timing.latency (README, Bounds).
    expect(errorsOf({ version: 1, nodes: 3, actions: [{ at: 5, do: 'network', latency: [50, 10] }] })).toEqual([
      'actions[0].latency: the minimum 50 is above the maximum 10',
    ]);
  });

  it('names a node listed twice in a change or a configuration entry, as in members', () => {
    expect(
      errorsOf({
        version: 1,
        nodes: 5,
        initial: { A: { term: 1, log: [{ term: 1, config: { voters: ['A', 'B', 'A'], old: ['C', 'C'] } }] } },
        actions: [{ at: 5, do: 'change', add: ['D', 'D'], remove: ['E', 'E'] }],
      }),
    ).toEqual([
      'initial.A.log[0].config.voters[2]: "A" is listed twice',
      'initial.A.log[0].config.old[1]: "C" is listed twice',
      'actions[0].add[1]: "D" is listed twice',
      'actions[0].remove[1]: "E" is listed twice',
    ]);
  });

  it('names a transfer to a node that is not in the cluster, as for every other action', () => {
    expect(errorsOf({ version: 1, nodes: 3, actions: [{ at: 5, do: 'transfer', to: 'E' }] })).toEqual([
      'actions[0].to: no node "E" in a 3-node cluster',
    ]);
  });

  it('sorts actions by time, keeping the written order at equal times, unless time order is required', () => {
    const input = {
      version: 1,
      nodes: 3,
      actions: [
        { at: 50, do: 'kill', node: 'A' },
        { at: 10, do: 'kill', node: 'B' },
        { at: 50, do: 'kill', node: 'C' },
      ],
    };
    const result = validateScenario(input);
    expect(result.ok && result.scenario.actions.map((a) => ('node' in a ? a.node : null))).toEqual(['B', 'A', 'C']);
    expect(validateScenario(input, { requireTimeOrder: true })).toEqual({
      ok: false,
      errors: ["actions[1].at: 10 ms is before the previous action's 50 ms"],
    });
  });
});

describe('snapshots in a scenario (§7)', () => {
  it('accepts a node that starts from a snapshot, a threshold, a chunk size and a snapshot action', () => {
    const result = validateScenario({
      version: 1,
      nodes: 3,
      options: { snapshotThreshold: 10, snapshotChunk: 64 },
      initial: {
        A: { term: 3, snapshot: { index: 4, term: 2, state: { x: '1' } }, log: [{ term: 3, command: 'set y 2' }] },
      },
      actions: [{ at: 5, do: 'snapshot', node: 'B' }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.initial.A!.snapshot).toEqual({ index: 4, term: 2, state: { x: '1' } });
    expect(result.scenario.options).toMatchObject({ snapshotThreshold: 10, snapshotChunk: 64 });
  });

  it('names the field of a snapshot index below 1, a log going below the snapshot term, and a negative threshold', () => {
    expect(errorsOf({ version: 1, nodes: 3, initial: { A: { snapshot: { index: -1, term: 1 } } } })[0]).toMatch(
      /^initial\.A\.snapshot\.index: /,
    );
    expect(
      errorsOf({
        version: 1,
        nodes: 3,
        initial: { A: { term: 3, snapshot: { index: 4, term: 2, state: {} }, log: [{ term: 1, command: 'set y 2' }] } },
      }),
    ).toEqual(["initial.A.log[0].term: terms in a log never decrease (1 after the snapshot's term 2)"]);
    expect(errorsOf({ version: 1, nodes: 3, options: { snapshotThreshold: -2 } })[0]).toMatch(
      /^options\.snapshotThreshold: /,
    );
    expect(errorsOf({ version: 1, nodes: 3, options: { snapshotChunk: 0 } })[0]).toMatch(/^options\.snapshotChunk: /);
    expect(errorsOf({ version: 1, nodes: 3, actions: [{ at: 5, do: 'snapshot', node: 'F' }] })).toEqual([
      'actions[0].node: no node "F" in a 3-node cluster',
    ]);
  });
});
