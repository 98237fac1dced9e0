import { describe, expect, it } from 'vitest';
import type { SpaceTimeWindow } from '../sim/spacetime';
import type { TraceEvent, WireMessage } from '../sim/types';
import { envelope, snapshot } from '../ui/test/snapshot-fixtures';
import { arrowsAt } from '../ui/spacetime/layout';
import { trackEnded } from './ended-messages';

const vote: WireMessage = { type: 'RequestVote', term: 2, candidateId: 'A', lastLogIndex: 0, lastLogTerm: 0 };
const first = envelope(1, { from: 'A', to: 'B', sentAt: 100, deliverAt: 130, payload: vote });
const second = envelope(2, { from: 'A', to: 'C', sentAt: 100, deliverAt: 125, payload: vote });
const third = envelope(3, { from: 'A', to: 'D', sentAt: 110, deliverAt: 200, payload: vote });

/** A window asked for up to `to`, which holds none of the messages above yet. */
const windowTo = (to: number): SpaceTimeWindow => ({ from: to - 500, to, messages: [], marks: [], truncated: false });

describe('trackEnded: what ended between two space-time windows', () => {
  const before = snapshot({ time: 120, step: 10, messages: [first, second, third] });
  // At 131 the first arrived and the second was lost on the way (dropped at its arrival, 125), as
  // the engine's trace records that came with the frame say. The frame no longer lists the drop
  // among its recent ones (the engine forgets them after a while): the records are what counts.
  const after = snapshot({ time: 131, step: 14, messages: [third], recentlyDropped: [] });
  const records: TraceEvent[] = [
    { kind: 'sent', message: third, time: 110, step: 9 },
    { kind: 'dropped', message: second, reason: 'random-loss', time: 125, step: 11 },
    { kind: 'delivered', message: first, time: 130, step: 12 },
  ];

  it('keeps a delivered message and a dropped one, each with how and when it ended', () => {
    const ended = trackEnded([], before, after, records, windowTo(100));
    expect(ended.map((m) => [m.id, m.endedAt, m.endedStep, m.dropped])).toEqual([
      [2, 125, 11, 'random-loss'],
      [1, 130, 12, null],
    ]);
  });

  it('draws them as finished arrows until the window has them, so no arrow vanishes between windows', () => {
    const window = windowTo(100);
    const ended = trackEnded([], before, after, records, window);
    const arrows = arrowsAt(window, after.messages, 131, 0, ended);
    expect(arrows.map((a) => [a.id, a.state, a.headAt])).toEqual([
      [2, 'dropped', 125],
      [1, 'delivered', 130],
      [3, 'inFlight', 131],
    ]);
    // Without them (the old drawing) the two ended messages were in neither the window nor the frame.
    expect(arrowsAt(window, after.messages, 131, 0).map((a) => a.id)).toEqual([3]);
  });

  it('gives way to a window that covers their endings, and never draws one twice', () => {
    const ended = trackEnded([], before, after, records, windowTo(100));
    const covering: SpaceTimeWindow = {
      ...windowTo(131),
      messages: [
        { ...first, sentStep: 3, endedAt: 130, endedStep: 12, dropped: null, payload: vote },
        { ...second, sentStep: 3, endedAt: 125, endedStep: 11, dropped: 'random-loss', payload: vote },
      ],
    };
    expect(arrowsAt(covering, after.messages, 131, 0, ended).map((a) => a.id)).toEqual([1, 2, 3]);
    const later = snapshot({ ...after, time: 140, step: 15 });
    expect(trackEnded(ended, after, later, [], covering)).toEqual([]);
  });

  it('starts again after a jump back in time', () => {
    const ended = trackEnded([], before, after, records, windowTo(100));
    expect(ended).toHaveLength(2);
    expect(trackEnded(ended, after, before, [], windowTo(100))).toEqual([]);
  });

  it('returns the same list when nothing ended, so the view does not redraw for it', () => {
    const ended = trackEnded([], before, after, records, windowTo(100));
    const next = snapshot({ ...after, time: 135, step: 15 });
    expect(trackEnded(ended, after, next, [], windowTo(100))).toBe(ended);
  });

  it('never guesses: a message gone from the frame without a record of how it ended is left to the window', () => {
    // Inferring "not in flight any more, so delivered" would draw the lost second message as delivered.
    expect(trackEnded([], before, after, [], windowTo(100))).toEqual([]);
  });
});
