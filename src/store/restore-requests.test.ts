import { describe, expect, it } from 'vitest';
import type { ClientRequestRecord } from '../sim/types';
import { makeNode, makeSnapshot } from '../ui/test/snapshot-fixtures';
import { restoreRequests } from './restore-requests';

const request = (id: number, fields: Partial<ClientRequestRecord> = {}): ClientRequestRecord => ({
  id,
  command: `set x ${id}`,
  node: null,
  submittedAt: id * 100,
  deadline: id * 100 + 5000,
  status: 'pending',
  target: 'A',
  attempts: 1,
  result: null,
  error: null,
  answeredAt: null,
  ...fields,
});

describe('restoreRequests', () => {
  const before = makeSnapshot([makeNode('A')], { requests: [request(1), request(2), request(3)] });

  it('keeps the requests the frame left out as the very objects the UI has, in the listed order', () => {
    const answered = request(2, { status: 'succeeded', result: 'ok', answeredAt: 350 });
    const next = makeSnapshot([makeNode('A')], { requests: [answered, request(4)] });
    const out = restoreRequests(before, next, [2, 3, 4]);
    expect(out.requests).toEqual([answered, request(3), request(4)]);
    expect(out.requests[1]).toBe(before.requests[2]);
  });

  it('gives a frame that carries every request as it is', () => {
    const next = makeSnapshot([makeNode('A')], { requests: [request(7)] });
    expect(restoreRequests(before, next, [7])).toBe(next);
  });

  it('says so when a frame refers to a request the UI never had', () => {
    const next = makeSnapshot([makeNode('A')], { requests: [] });
    expect(() => restoreRequests(before, next, [3, 9])).toThrow(/client request 9/);
  });
});
