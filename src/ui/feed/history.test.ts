import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../sim/types';
import { EMPTY_HISTORY, extendHistory, lastSteps } from './history';

const tick = (step: number): TraceEvent => ({ time: step, step, kind: 'timerFired', node: 'A', timer: 'heartbeat' });
const crash = (step: number): TraceEvent => ({ time: step, step, kind: 'crashed', node: 'B' });

describe('feed history', () => {
  it('keeps significant steps after the store has dropped them, and skips heartbeat-only steps', () => {
    const first = [tick(1), crash(2), tick(2)];
    let h = extendHistory(EMPTY_HISTORY, first);
    expect(h.records).toEqual([first[1], first[2]]);
    // The store slides on: only heartbeats remain in it.
    const later = [tick(3), tick(4)];
    h = extendHistory(h, [...first.slice(2), ...later]);
    h = extendHistory(h, later);
    expect(h.records).toHaveLength(2);
    expect(h.records[0]).toBe(first[1]);
  });

  it('starts over when the run is reloaded or rewound', () => {
    const h = extendHistory(EMPTY_HISTORY, [crash(5)]);
    expect(extendHistory(h, []).records).toEqual([]);
    const rewound = extendHistory(h, [crash(3)]);
    expect(rewound.records.map((r) => r.step)).toEqual([3]);
  });
});

describe('lastSteps', () => {
  const at = (step: number) => ({ time: step, step, kind: 'crashed', node: 'A' }) as const;
  it('keeps whole steps, the newest ones', () => {
    const records = [at(1), at(2), at(2), at(3), at(4), at(4)];
    expect(lastSteps(records, 2)).toEqual([at(3), at(4), at(4)]);
    expect(lastSteps(records, 3).map((r) => r.step)).toEqual([2, 2, 3, 4, 4]);
    expect(lastSteps(records, 10)).toBe(records);
  });
});
