// The runner's membership contract (README, issue 15): `members`, the `change` action, config
// per node and configuration entries in logs, and bad input named by its field.

import { describe, expect, it } from 'vitest';
import { runScenario } from './run';
import { validateScenario } from './validate';

function run(input: unknown, until: number): ReturnType<typeof runScenario> {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return runScenario(result.scenario, until);
}

describe('membership in the headless runner', () => {
  it('adds spare D: every node ends with config {A,B,C,D} and the entry {term, config} in its log', () => {
    const report = run(
      {
        version: 1,
        nodes: 4,
        members: ['A', 'B', 'C'],
        options: { leaderNoop: true },
        actions: [{ at: 1000, do: 'change', add: ['D'] }],
      },
      3000,
    );
    expect(report.violations).toEqual([]);
    for (const node of report.nodes) {
      expect(node.config).toEqual({ voters: ['A', 'B', 'C', 'D'], learners: [] });
      expect(node.log).toContainEqual({ term: node.log.at(-1)!.term, config: { voters: ['A', 'B', 'C', 'D'] } });
    }
  });

  it('a node that snapshotted below an uncommitted change reports the configuration of its log once the change is truncated', () => {
    // B leads term 1 and commits its no-op; cut off, it accepts "remove C" (index 2, in force at once),
    // snapshots through index 1, and is overwritten at index 2 by the leader A and C elect meanwhile.
    // The client gives up before that leader could take the change again.
    const report = run(
      {
        version: 1,
        nodes: 3,
        options: { leaderNoop: true },
        timing: { clientDeadline: 300 },
        actions: [
          { at: 1000, do: 'isolate', node: 'B' },
          { at: 1000, do: 'change', remove: ['C'] },
          { at: 1300, do: 'snapshot', node: 'B' },
          { at: 2500, do: 'restore', node: 'B' },
          { at: 3000, do: 'submit', command: 'set x 1' },
        ],
      },
      5000,
    );
    const b = report.nodes.find((n) => n.id === 'B')!;
    expect(b.snapshot).toEqual({ index: 1, term: 1 });
    expect(b.log.some((e) => 'config' in e)).toBe(false);
    for (const node of report.nodes) expect(node.config).toEqual({ voters: ['A', 'B', 'C'], learners: [] });
  });

  it('a spare is in no configuration and never campaigns', () => {
    const report = run({ version: 1, nodes: 4, members: ['A', 'B', 'C'] }, 5000);
    const d = report.nodes.find((n) => n.id === 'D')!;
    // Nobody sends to a spare, and it never times out into an election: it stays at term 0.
    expect(d.term).toBe(0);
    expect(d.role).toBe('follower');
    expect(d.config.voters).toEqual(['A', 'B', 'C']);
  });

  it('joint mode goes through C_old,new, then C_new', () => {
    const report = run(
      {
        version: 1,
        nodes: 5,
        members: ['A', 'B', 'C'],
        options: { leaderNoop: true, membership: 'joint' },
        actions: [{ at: 1000, do: 'change', add: ['D', 'E'], remove: ['A', 'B'] }],
      },
      4000,
    );
    const c = report.nodes.find((n) => n.id === 'C')!;
    const configs = c.log.flatMap((e) => ('config' in e ? [e.config] : []));
    expect(configs).toEqual([{ voters: ['C', 'D', 'E'], old: ['A', 'B', 'C'] }, { voters: ['C', 'D', 'E'] }]);
    expect(c.config).toEqual({ voters: ['C', 'D', 'E'], learners: [] });
    expect(report.nodes.find((n) => n.role === 'leader')!.id).toMatch(/[CDE]/);
  });

  it('an initial log may hold configuration entries, which the nodes use', () => {
    const config = { voters: ['A', 'B'] };
    const initial = { A: { term: 1, log: [{ term: 1, config }] }, B: { term: 1, log: [{ term: 1, config }] } };
    const report = run({ version: 1, nodes: 3, initial }, 2000);
    expect(report.nodes.find((n) => n.id === 'A')!.config.voters).toEqual(['A', 'B']);
    expect(report.nodes.find((n) => n.id === 'B')!.config.voters).toEqual(['A', 'B']);
  });

  it('refuses bad input with the field named', () => {
    const errors = (input: unknown): string[] => {
      const r = validateScenario(input);
      return r.ok ? [] : r.errors;
    };
    expect(errors({ version: 1, nodes: 3, members: ['A', 'F'] })).toEqual([
      'members[1]: no node "F" in a 3-node cluster',
    ]);
    expect(errors({ version: 1, nodes: 3, actions: [{ at: 1, do: 'change', add: ['D'] }] })).toEqual([
      'actions[0].add[0]: no node "D" in a 3-node cluster',
    ]);
    expect(errors({ version: 1, nodes: 3, actions: [{ at: 1, do: 'change', add: ['A'], remove: ['A'] }] })).toEqual([
      'actions[0].remove[0]: "A" is both added and removed',
    ]);
    expect(errors({ version: 1, nodes: 3, members: ['A'], actions: [{ at: 1, do: 'change', remove: ['A'] }] })).toEqual(
      ['actions[0].remove: removes the last voter (A): a cluster needs at least one'],
    );
    expect(errors({ version: 1, nodes: 3, actions: [{ at: 1, do: 'change' }] })).toEqual([
      'actions[0].add: a change adds or removes at least one node',
    ]);
  });
});
