// The plots strike at the moments they watch for, on the generator's oracle run; a case is
// judged by a fresh replay of its actions, so the replay must reach the same moments.

import { describe, expect, it } from 'vitest';
import type { NodeId } from '../../raft/types';
import type { Action, ScenarioInput } from '../../scenario/schema';
import { Prng } from '../../sim/prng';
import { HAND_DRIVEN_TIMING, raftEvents, simulation } from '../../sim/test-helpers';
import { Plotter, type Cue, type PlotSettings } from './plots';

const QUIET: PlotSettings = { strikeRate: 0, splitRate: 0, strandRate: 0, membership: true };

function plotted(input: ScenarioInput, cues: readonly Cue[], until: number): Action[] {
  const oracle = simulation(input);
  const host = {
    names: ['A', 'B', 'C', 'D', 'E'].slice(0, oracle.nodeIds.length),
    alive: new Set<NodeId>(oracle.nodeIds),
    singleChange: () => ({ add: [], remove: ['C'] }),
    write: (node: NodeId, at: number): Action => ({ at, do: 'submit', command: 'set x 1', node }),
  };
  const plotter = new Plotter(oracle, new Prng(7), QUIET, host);
  plotter.arm(cues);
  return plotter.advance(until);
}

describe('plots', () => {
  it('strike a node the moment it is elected, and the replay meets it still leading', () => {
    const input: ScenarioInput = {
      version: 1,
      nodes: 3,
      timing: HAND_DRIVEN_TIMING,
      actions: [{ at: 100, do: 'timeout', node: 'B' }],
    };
    const actions = plotted(input, [{ on: 'elected', strike: 'kill', after: 1 }], 1000);
    const won = raftEvents(replay(input, [], 1000), 'roleChanged').find((e) => e.event.to === 'leader')!;
    expect(actions).toEqual([{ at: Math.floor(won.time) + 1, do: 'kill', node: 'B' }]);
    // Replayed with the plot's action, B is killed as leader, 1 ms or less after it won.
    const sim = replay(input, actions, 1000);
    const crash = sim.trace.find((t) => t.kind === 'crashed')!;
    expect(crash).toMatchObject({ node: 'B' });
    expect(crash.time - won.time).toBeLessThanOrEqual(1);
    expect(raftEvents(sim, 'roleChanged', 'B').filter((e) => e.event.to === 'leader')).toHaveLength(1);
  });

  it('split the cluster along the line between the old and the new configuration', () => {
    // A leads {A,B,C} and adds D and E: at the switch, A and the new servers are a majority of
    // C_new, B and C a majority of C_old. Minority: A alone with what only C_new has.
    const input: ScenarioInput = {
      version: 1,
      nodes: 5,
      members: ['A', 'B', 'C'],
      timing: HAND_DRIVEN_TIMING,
      options: { membership: 'joint' },
      actions: [
        { at: 0, do: 'timeout', node: 'A' },
        { at: 200, do: 'change', add: ['D', 'E'] },
      ],
    };
    const minority = plotted(input, [{ on: 'switched', majority: false }], 2000);
    expect(minority).toMatchObject([
      {
        do: 'partition',
        groups: [
          ['A', 'D', 'E'],
          ['B', 'C'],
        ],
      },
    ]);
    // Majority of C_old,new's new half {A,B,C,D,E}: A, D and E already are one.
    const majority = plotted(input, [{ on: 'switched', majority: true }], 2000);
    expect(majority).toMatchObject([
      {
        do: 'partition',
        groups: [
          ['A', 'D', 'E'],
          ['B', 'C'],
        ],
      },
    ]);
    // Removing two of five: A alone is no majority of {A,B,C}; the majority split adds one of B, C.
    const shrink: ScenarioInput = {
      ...input,
      members: ['A', 'B', 'C', 'D', 'E'],
      actions: [
        { at: 0, do: 'timeout', node: 'A' },
        { at: 200, do: 'change', remove: ['D', 'E'] },
      ],
    };
    expect(plotted(shrink, [{ on: 'switched', majority: false }], 2000)).toMatchObject([
      { do: 'partition', groups: [['A'], ['B', 'C', 'D', 'E']] },
    ]);
    const [split] = plotted(shrink, [{ on: 'switched', majority: true }], 2000);
    const groups = split?.do === 'partition' ? split.groups : [];
    expect(groups[0]).toHaveLength(2);
    expect(groups[0]).toContain('A');
    expect(['B', 'C']).toContain(groups[0]!.find((id) => id !== 'A'));
  });
});

function replay(input: ScenarioInput, actions: readonly Action[], until: number) {
  const sim = simulation({ ...input, actions: [...(input.actions ?? []), ...actions].sort((a, b) => a.at - b.at) });
  sim.runUntil(until);
  return sim;
}
