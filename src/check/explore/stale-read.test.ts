// The explorer's read check on hand-made client histories: it names a read that misses a write
// acknowledged before the read was sent, and only such a read. The wrong answers are injected
// here by hand, so the check is seen to fail as well as to pass.

import { describe, expect, it } from 'vitest';
import type { ClientRequestRecord } from '../../sim/types';
import { staleRead, type AckedBefore } from './stale-read';

function request(id: number, command: string, result: string | null, times: [number, number] = [0, 0]) {
  const record: ClientRequestRecord = {
    id,
    command,
    node: null,
    submittedAt: times[0],
    deadline: times[0] + 5000,
    status: result === null ? 'pending' : 'succeeded',
    target: 'B',
    attempts: 1,
    result,
    error: null,
    answeredAt: result === null ? null : times[1],
  };
  return record;
}

const NONE = new Set<string>();

describe('staleRead', () => {
  // "set x 1" succeeded, then "get x" was sent (the explorer remembers request 1 before request 2).
  const acked: AckedBefore = [[], [1]];

  it('a read answered "(none)" after a write succeeded is stale (an injected wrong answer)', () => {
    const requests = [request(1, 'set x 1', '1'), request(2, 'get x', '(none)')];
    expect(staleRead(requests, acked, 2, 'B', NONE)).toBe(
      '"get x" returned (none) from B, but "set x 1" had succeeded before the read was sent',
    );
  });

  it('the right answer is not stale', () => {
    const requests = [request(1, 'set x 1', '1'), request(2, 'get x', '1')];
    expect(staleRead(requests, acked, 2, 'B', NONE)).toBeNull();
  });

  it('an older value is stale once a later write succeeded before the read; not while they overlap', () => {
    const requests = [request(1, 'set x 1', '1'), request(2, 'set x 2', '2'), request(3, 'get x', '1')];
    // Write 2 was sent after write 1 succeeded: x = 1 cannot come after it.
    expect(staleRead(requests, [[], [1], [1, 2]], 3, 'C', NONE)).toMatch(/"set x 2" had succeeded/);
    // Write 2 was sent before write 1 succeeded: they may take effect in either order.
    expect(staleRead(requests, [[], [], [1, 2]], 3, 'C', NONE)).toBeNull();
  });

  it('a read sent before the write succeeded may miss it', () => {
    const requests = [request(1, 'set x 1', '1'), request(2, 'get x', '(none)')];
    expect(staleRead(requests, [[], []], 2, 'B', NONE)).toBeNull();
  });

  it('requests from before the exploration are ordered by their times', () => {
    const requests = [request(1, 'set x 1', '1', [10, 40]), request(2, 'get x', '(none)', [50, 60])];
    expect(staleRead(requests, [], 2, 'B', NONE)).not.toBeNull();
    const touching = [request(1, 'set x 1', '1', [10, 50]), request(2, 'get x', '(none)', [50, 60])];
    expect(staleRead(touching, [], 2, 'B', NONE)).toBeNull();
  });

  it('does not judge a starting value an initial log may have set, nor other keys', () => {
    const requests = [request(1, 'set x 1', '1'), request(2, 'get x', '(none)')];
    expect(staleRead(requests, acked, 2, 'B', new Set(['x']))).toBeNull();
    const otherKey = [request(1, 'set y 1', '1'), request(2, 'get x', '(none)')];
    expect(staleRead(otherKey, acked, 2, 'B', NONE)).toBeNull();
  });
});
