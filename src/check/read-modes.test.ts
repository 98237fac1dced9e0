// Reads without the log, judged by the linearizability checker on kept scenarios: each unsafe
// read switch returns stale data that the checker names, and the same run without the switch
// (or with the drift bound the clocks really need) is linearizable.

import { describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/validate';
import { Simulation } from '../sim/simulation';
import { historyFromTrace } from './history-from-trace';
import { checkLinearizability, type Operation } from './linearizability';
import { deposedLeader } from './deposed-leader.fixture';

function history(input: unknown, until: number): Operation[] {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  const sim = new Simulation(result.scenario);
  sim.runUntil(until);
  return historyFromTrace(sim.trace);
}

/** What the client saw of `command`s sent at `call`: the answer, or null if none yet. */
function answerAt(h: readonly Operation[], command: string, call: number): string | null {
  return h.find((o) => o.command === command && o.call === call)?.result ?? null;
}

/**
 * Lease reads; A leads (by transfer) and is cut off at 1101 ms, just after B's and C's clocks
 * were made ten times fast: they time out within 15–30 ms, elect a leader and commit "set x 2"
 * while A still trusts a lease of a whole election timeout, unless it divides by the drift bound.
 */
export function fastClocks(clockDriftBound: number, leaseIgnoresDrift: boolean): unknown {
  return {
    version: 1,
    seed: 2,
    nodes: 3,
    timing: { latency: [2, 5], clockDriftBound },
    options: { reads: 'lease', leaderNoop: true },
    unsafe: { leaseIgnoresDrift },
    actions: [
      { at: 600, do: 'transfer', to: 'A' },
      { at: 800, do: 'submit', command: 'set x 1' },
      { at: 1050, do: 'clock', node: 'B', rate: 10 },
      { at: 1050, do: 'clock', node: 'C', rate: 10 },
      { at: 1101, do: 'isolate', node: 'A' },
      { at: 1135, do: 'submit', command: 'set x 2', node: 'B' },
      { at: 1150, do: 'submit', command: 'get x', node: 'A' },
      { at: 1160, do: 'submit', command: 'get x', node: 'A' },
    ],
  };
}

describe('unsafe.localReads', () => {
  it('a deposed leader answers a get from its own state: the checker finds no linearization', () => {
    const h = history(deposedLeader('log', true), 4000);
    expect(answerAt(h, 'set x 2', 1500)).toBe('2');
    expect(answerAt(h, 'get x', 1700)).toBe('1'); // Stale: "set x 2" had completed at 1500-something.
    const result = checkLinearizability(h);
    expect(result.ok).toBe(false);
    if (result.ok === false) expect(result.key).toBe('x');
  });

  it.each(['log', 'readIndex'] as const)('with reads %s the same run is linearizable', (reads) => {
    const h = history(deposedLeader(reads, false), 4000);
    // A cannot confirm it leads: the client gives up on it and gets the new value elsewhere.
    expect(answerAt(h, 'get x', 1700)).toBe('2');
    expect(checkLinearizability(h)).toEqual({ ok: true });
  });
});

describe('unsafe.leaseIgnoresDrift', () => {
  it('a lease that ignores fast clocks answers a stale get: not linearizable', () => {
    const h = history(fastClocks(10, true), 4000);
    // "set x 2" completed at about 1152 ms; the get sent at 1160 ms still sees 1.
    expect(answerAt(h, 'set x 2', 1135)).toBe('2');
    expect(answerAt(h, 'get x', 1160)).toBe('1');
    expect(checkLinearizability(h).ok).toBe(false);
  });

  it('dividing the lease by the drift bound fixes it', () => {
    const h = history(fastClocks(10, false), 4000);
    expect(answerAt(h, 'get x', 1160)).toBe('2');
    expect(checkLinearizability(h)).toEqual({ ok: true });
  });
});
