// A frame carries only the requests the UI lacks as they are now; whatever order they come in, the
// UI must end up with every request of the frame, as it is.

import { describe, expect, it } from 'vitest';
import type { ClientRequestRecord } from '../sim/types';
import { RequestsSender } from './requests-sender';

const request = (id: number, status: ClientRequestRecord['status'] = 'pending'): ClientRequestRecord => ({
  id,
  command: `set k ${id}`,
  node: null,
  submittedAt: id * 100,
  deadline: id * 100 + 5000,
  status,
  target: 'A',
  attempts: 1,
  result: status === 'succeeded' ? String(id) : null,
  error: null,
  answeredAt: status === 'succeeded' ? id * 100 + 50 : null,
});

/** What the UI holds after a frame: the requests it had, updated by the frame's changed ones. */
function received(held: Map<number, ClientRequestRecord>, sender: RequestsSender, now: ClientRequestRecord[]) {
  const { ids, changed } = sender.delta(now);
  for (const r of changed) held.set(r.id, r);
  return { list: ids.map((id) => held.get(id)), changed };
}

describe('the requests a frame sends', () => {
  it('are only the new and the changed ones, the rest named by id', () => {
    const sender = new RequestsSender();
    const held = new Map<number, ClientRequestRecord>();
    expect(received(held, sender, [request(1), request(2)]).changed).toHaveLength(2);
    const next = [request(1, 'succeeded'), request(2), request(3)];
    const { list, changed } = received(held, sender, next);
    expect(changed.map((r) => r.id)).toEqual([1, 3]);
    expect(list).toEqual(next);
  });

  it('still give the UI every request as it is when they come out of id order', () => {
    const sender = new RequestsSender();
    const held = new Map<number, ClientRequestRecord>();
    received(held, sender, [request(1), request(2), request(3)]);
    const shuffled = [request(3, 'succeeded'), request(1), request(4), request(2, 'succeeded')];
    expect(received(held, sender, shuffled).list).toEqual(shuffled);
    // (The engine sends them in id order; out of it, some merely travel again.)
    expect(received(held, sender, shuffled).list).toEqual(shuffled);
  });

  it('keep naming the right requests frame after frame, as a window of them slides on', () => {
    // The sender reuses its lists every other frame: what it compares with must still be the last frame's.
    const sender = new RequestsSender();
    const held = new Map<number, ClientRequestRecord>();
    for (let frame = 1; frame <= 6; frame++) {
      const now = [frame, frame + 1, frame + 2].map((id) => request(id, id <= frame + 1 ? 'succeeded' : 'pending'));
      const { list, changed } = received(held, sender, now);
      expect(list).toEqual(now);
      // After the first frame: the request answered since, and the new one.
      if (frame > 1) expect(changed.map((r) => r.id)).toEqual([frame + 1, frame + 2]);
    }
  });

  it('send a live record again when it changes, and a settled one replaced by a new record of its id', () => {
    // A settled record is not compared again while it is the same object; a rewind gives new records.
    const sender = new RequestsSender();
    const held = new Map<number, ClientRequestRecord>();
    const live = [request(1, 'succeeded'), request(2)];
    received(held, sender, live);
    live[1]!.attempts = 2;
    expect(received(held, sender, live).changed.map((r) => r.id)).toEqual([2]);
    expect(received(held, sender, live).changed).toEqual([]);
    const rewound = [request(1), live[1]!];
    const { list, changed } = received(held, sender, rewound);
    expect(changed.map((r) => r.id)).toEqual([1]);
    expect(list).toEqual(rewound);
    live[1]!.status = 'failed';
    expect(received(held, sender, rewound).list).toEqual(rewound);
  });
});
