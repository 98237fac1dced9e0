import { describe, expect, it } from 'vitest';
import { envelope } from '../test/snapshot-fixtures';
import { layoutRing } from './geometry';
import { messageLook } from './message-kind';
import { DOT_SCALE, HOVER_SCALE, shapeHalfWidth, shapePath } from './message-shape';
import { FADE_MS, lanesOf, placeDropped, placeMessages, spriteAt } from './message-sprites';
import { fitViewBox } from './paint-messages';

const layout = layoutRing(['A', 'B', 'C']);
const lanes = lanesOf(layout);
const vote = envelope(1, {
  from: 'A',
  to: 'B',
  sentAt: 100,
  deliverAt: 200,
  payload: { type: 'RequestVote', term: 2, candidateId: 'A', lastLogIndex: 0, lastLogTerm: 0 },
});
const heartbeat = envelope(2, {
  from: 'B',
  to: 'C',
  sentAt: 100,
  deliverAt: 200,
  payload: {
    type: 'AppendEntries',
    term: 2,
    leaderId: 'B',
    prevLogIndex: 0,
    prevLogTerm: 0,
    entries: [],
    leaderCommit: 0,
  },
});

describe('placeMessages', () => {
  it('moves a message along its lane in proportion to virtual time, from sender to receiver', () => {
    const at = (time: number) => placeMessages(lanes, time, [vote], null, null)[0]!;
    const start = at(100);
    const end = at(200);
    const a = layout.positions.get('A')!;
    const b = layout.positions.get('B')!;
    // It leaves from A's side and arrives on B's side.
    expect(Math.hypot(start.x - a.x, start.y - a.y)).toBeLessThan(Math.hypot(start.x - b.x, start.y - b.y));
    expect(Math.hypot(end.x - b.x, end.y - b.y)).toBeLessThan(Math.hypot(end.x - a.x, end.y - a.y));
    const quarter = at(125);
    expect(quarter.x).toBeCloseTo(start.x + (end.x - start.x) / 4, 6);
    expect(quarter.y).toBeCloseTo(start.y + (end.y - start.y) / 4, 6);
    // Before it is sent and after it arrives it stays at the ends.
    expect(at(50)).toMatchObject({ x: start.x, y: start.y });
    expect(at(250)).toMatchObject({ x: end.x, y: end.y });
  });

  it('marks the selected and the pointed-at message, and draws the pointed-at one larger', () => {
    const [v, h] = placeMessages(lanes, 150, [vote, heartbeat], 1, 2);
    expect(v).toMatchObject({ selected: true, hovered: false, scale: DOT_SCALE });
    expect(h).toMatchObject({ selected: false, hovered: true, scale: DOT_SCALE * HOVER_SCALE });
    expect(v!.look.glyph).toBe('V?');
    expect(h!.look.glyph).toBe('♥');
  });

  it('skips a message whose endpoint is not on the ring', () => {
    expect(placeMessages(lanes, 150, [{ ...vote, to: 'Z' }], null, null)).toEqual([]);
  });
});

describe('placeDropped', () => {
  it('fades a dropped message where it died, and forgets it once faded', () => {
    const dropped = [{ message: vote, droppedAt: 150, reason: 'random-loss' as const }];
    const died = placeMessages(lanes, 150, [vote], null, null)[0]!;
    const [fading] = placeDropped(lanes, 150 + FADE_MS / 4, dropped);
    expect(fading).toMatchObject({ x: died.x, y: died.y, reason: 'random-loss' });
    expect(fading!.opacity).toBeCloseTo(0.75, 6);
    expect(placeDropped(lanes, 150 + FADE_MS, dropped)).toEqual([]);
  });
});

describe('spriteAt', () => {
  it('finds the message under a point, the one drawn last when two overlap', () => {
    const sprites = placeMessages(lanes, 150, [vote, { ...vote, id: 9 }], null, null);
    const { x, y } = sprites[0]!;
    expect(spriteAt(sprites, x + 5, y - 5)?.message.id).toBe(9);
    expect(spriteAt(sprites, x + 200, y)).toBeUndefined();
  });
});

describe('fitViewBox', () => {
  it('scales the drawing to fit and centres it along the spare axis, as SVG does', () => {
    expect(fitViewBox(500, 840, 1000, 840)).toEqual({ scale: 0.5, x: 0, y: 210 });
    expect(fitViewBox(2000, 420, 1000, 840)).toEqual({ scale: 0.5, x: 750, y: 0 });
    expect(fitViewBox(0, 0, 1000, 840).scale).toBe(0);
  });
});

describe('shapePath', () => {
  it('gives every kind a closed outline, and a pill as wide as its text needs', () => {
    const short = messageLook({ type: 'ClientRequest', requestId: 1, command: 'x' });
    const long = messageLook({ type: 'ClientRequest', requestId: 1, command: 'set counter 1' });
    for (const look of [short, long, messageLook(vote.payload), messageLook(heartbeat.payload)])
      expect(shapePath(look)).toMatch(/^M.*Z$/);
    expect(shapeHalfWidth(long)).toBeGreaterThan(shapeHalfWidth(short));
  });
});
