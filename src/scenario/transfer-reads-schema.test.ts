// The contract of the transfer and clock actions and the read options at the edge: old files
// open with the defaults, and a bad value is refused with a message naming its field.

import { describe, expect, it } from 'vitest';
import { malformedAction } from '../sim/action-check';
import { validateScenario } from './validate';

describe('transfer, clock and read options at the edge', () => {
  it('a scenario written before them opens with reads through the log and real-time clocks', () => {
    const result = validateScenario({ version: 1, nodes: 3 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.options).toMatchObject({ reads: 'log', followerReads: false });
    expect(result.scenario.unsafe).toMatchObject({ localReads: false, leaseIgnoresDrift: false });
    expect(result.scenario.timing.clockDriftBound).toBe(1);
  });

  it('accepts a transfer and a clock action', () => {
    const result = validateScenario({
      version: 1,
      nodes: 3,
      options: { reads: 'lease' },
      actions: [
        { at: 1, do: 'transfer', to: 'B' },
        { at: 2, do: 'clock', node: 'C', rate: 1.3 },
      ],
    });
    expect(result.ok).toBe(true);
  });

  it('names the field of a bad value', () => {
    const bad = (input: object): string => {
      const result = validateScenario({ version: 1, nodes: 3, ...input });
      return result.ok ? '' : result.errors.join('; ');
    };
    expect(bad({ options: { reads: 'fast' } })).toMatch(/options\.reads/);
    expect(bad({ actions: [{ at: 1, do: 'clock', node: 'A', rate: 40 }] })).toMatch(/actions\[0\]\.rate/);
    expect(bad({ actions: [{ at: 1, do: 'transfer', to: 'Z' }] })).toMatch(/actions\[0\]\.to/);
    expect(bad({ timing: { clockDriftBound: 0.5 } })).toMatch(/timing\.clockDriftBound/);
  });

  it('a live action from the UI is checked too', () => {
    expect(malformedAction({ do: 'transfer', to: 'Q' } as never)).toMatch(/^to:/);
    expect(malformedAction({ do: 'clock', node: 'A', rate: 0 } as never)).toMatch(/^rate:/);
    expect(malformedAction({ do: 'clock', node: 'A', rate: 2 } as never)).toBeUndefined();
  });
});
