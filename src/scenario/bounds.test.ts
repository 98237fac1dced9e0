// One set of bounds for every source: each limit is refused with the field's name, and the value at
// the limit is accepted.

import { describe, expect, it } from 'vitest';
import { MAX_TIME, MIN_ELECTION_TIMEOUT } from './bounds';
import { validateScenario } from './validate';

function errorsOf(input: Record<string, unknown>): string[] {
  const result = validateScenario({ version: 1, nodes: 3, ...input });
  return result.ok ? [] : result.errors;
}

describe('scenario bounds', () => {
  it.each([
    [
      'a heartbeat under 1 ms',
      { timing: { heartbeatInterval: 1e-9, electionTimeout: [1, 2] } },
      'timing.heartbeatInterval',
    ],
    ['the smallest double as heartbeat', { timing: { heartbeatInterval: 5e-324 } }, 'timing.heartbeatInterval'],
    [
      'an election timeout under two heartbeats',
      { timing: { heartbeatInterval: 50, electionTimeout: [99, 300] } },
      'timing.electionTimeout',
    ],
    ['a micro election timeout', { timing: { electionTimeout: [1e-6, 2e-6] } }, 'timing.electionTimeout'],
    [
      'an election timeout under 10 ms, even at two heartbeats',
      { timing: { heartbeatInterval: 1, electionTimeout: [9.9, 300] } },
      'timing.electionTimeout',
    ],
    ['an election timeout min above max', { timing: { electionTimeout: [300, 150] } }, 'timing.electionTimeout'],
    ['an election timeout of 1e308', { timing: { electionTimeout: [1e308, 1e308] } }, 'timing.electionTimeout[0]'],
    ['a latency over 10 s', { timing: { latency: [10, 10_001] } }, 'timing.latency[1]'],
    ['a client timeout under 10 ms', { timing: { clientTimeout: 1e-9 } }, 'timing.clientTimeout'],
    ['a client deadline under 10 ms', { timing: { clientDeadline: 5 } }, 'timing.clientDeadline'],
    ['an action past a day', { actions: [{ at: MAX_TIME + 1, do: 'heal' }] }, 'actions[0].at'],
    [
      'a network latency over 10 s',
      { actions: [{ at: 0, do: 'network', latency: [0, 20_000] }] },
      'actions[0].latency[1]',
    ],
    ['ten nodes', { nodes: 10 }, 'nodes'],
    ['a huge term', { initial: { A: { term: 1e12 } } }, 'initial.A.term'],
  ])('refuses %s, naming the field', (_name, input, field) => {
    const errors = errorsOf(input);
    expect(errors.some((e) => e.startsWith(`${field}:`))).toBe(true);
  });

  it('accepts every value at its limit', () => {
    expect(
      errorsOf({
        timing: {
          heartbeatInterval: 1,
          electionTimeout: [MIN_ELECTION_TIMEOUT, MAX_TIME],
          latency: [0, 10_000],
          clientTimeout: 10,
          clientDeadline: 10,
        },
        actions: [{ at: MAX_TIME, do: 'heal' }],
      }),
    ).toEqual([]);
  });

  // Issue 13: the link fuzz's seeds 940, 1556, 3836, 8660 and 8748 all came down to this scenario:
  // identical 2 ms timers split the vote every round, and every message arrives twice, so 9 nodes
  // made ~220 events per virtual ms, over the link budget of 200.
  it('refuses the endless split vote of 2 ms timers, naming the election timeout', () => {
    const errors = errorsOf({
      nodes: 9,
      timing: { heartbeatInterval: 1, electionTimeout: [2, 2], latency: [0, 0] },
      network: { dropRate: 0, duplicateRate: 1, reorder: true },
    });
    expect(errors).toEqual(['timing.electionTimeout: the minimum 2 ms must be at least 10 ms']);
  });

  it('names both election timeout rules when both are broken', () => {
    const errors = errorsOf({ timing: { heartbeatInterval: 50, electionTimeout: [5, 300] } });
    expect(errors).toEqual([
      'timing.electionTimeout: the minimum 5 ms must be at least 10 ms',
      'timing.electionTimeout: the minimum 5 ms must be at least 2 × the heartbeat (100 ms)',
    ]);
  });
});
