// @vitest-environment jsdom
// What the space-time canvas strokes while the run plays, read from a recording 2D context (jsdom has no
// canvas): every message in flight is one dashed line from where it was sent to the cursor.

import { describe, expect, it } from 'vitest';
import type { WireMessage } from '../../sim/types';
import type { Arrow } from './layout';
import { ArrowPainter, type ArrowFrame } from './paint-arrows';

interface Stroke {
  readonly dash: readonly number[];
  readonly segments: readonly (readonly [number, number, number, number])[];
}

/** A 2D context that keeps, for every stroke, the dash in force and the straight segments of its path. */
function recordingContext(): { ctx: CanvasRenderingContext2D; strokes: Stroke[] } {
  const strokes: Stroke[] = [];
  let dash: readonly number[] = [];
  let path: [number, number, number, number][] = [];
  let pen: [number, number] = [0, 0];
  const ctx = {
    canvas: { width: 800, height: 300 },
    setTransform: () => undefined,
    clearRect: () => undefined,
    save: () => undefined,
    restore: () => undefined,
    clip: () => undefined,
    rect: () => undefined,
    arc: () => undefined,
    closePath: () => undefined,
    fill: () => undefined,
    drawImage: () => undefined,
    getTransform: () => ({ a: 1 }),
    setLineDash: (segments: readonly number[]) => {
      dash = [...segments];
    },
    beginPath: () => {
      path = [];
    },
    moveTo: (x: number, y: number) => {
      pen = [x, y];
    },
    lineTo: (x: number, y: number) => {
      path.push([pen[0], pen[1], x, y]);
      pen = [x, y];
    },
    stroke: () => {
      strokes.push({ dash, segments: path.filter(([x1, y1, x2, y2]) => x1 !== x2 || y1 !== y2) });
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, strokes };
}

const vote: WireMessage = { type: 'RequestVote', term: 2, candidateId: 'A', lastLogIndex: 0, lastLogTerm: 0 };

function arrow(id: number, from: 'A' | 'B' | 'C', to: 'A' | 'B' | 'C', sentAt: number, state: Arrow['state']): Arrow {
  const ends = state === 'inFlight' ? sentAt + 40 : sentAt + 10;
  return {
    id,
    from,
    to,
    sentAt,
    headAt: state === 'inFlight' ? 100 : ends,
    endsAt: ends,
    state,
    diesMidway: false,
    dropped: null,
    payload: vote,
    heartbeat: false,
  };
}

// Time t is at x = 10 + t (1 px per ms); lanes A, B, C at y 20, 120, 220; the cursor at 100 ms.
const frame: ArrowFrame = {
  from: 0,
  left: 10,
  right: 790,
  pxPerMs: 1,
  height: 300,
  now: 100,
  laneY: new Map([
    ['A', 20],
    ['B', 120],
    ['C', 220],
  ]),
  top: 0,
  span: 1000,
};

describe('ArrowPainter', () => {
  it('strokes every message in flight as a dashed line from its sending to the cursor', () => {
    const { ctx, strokes } = recordingContext();
    const painter = new ArrowPainter(document.createElement('div'), 'tile');
    const arrows = [
      arrow(1, 'A', 'B', 80, 'inFlight'),
      arrow(2, 'A', 'C', 90, 'inFlight'),
      arrow(3, 'B', 'C', 20, 'delivered'),
    ];
    painter.paint(ctx, 1, arrows, frame, () => 'none', '');

    const dashed = strokes.filter((s) => s.dash.length > 0).flatMap((s) => s.segments);
    // Sent at 80 ms from A (y 20) toward B (y 120), half-way at 100 ms of its 40: it reaches y 70 at the cursor.
    expect(dashed).toContainEqual([90, 20, 110, 70]);
    // Sent at 90 ms toward C (y 220), a quarter of the way: y 70 as well.
    expect(dashed).toContainEqual([100, 20, 110, 70]);
    expect(dashed).toHaveLength(2);
    // The delivered message is not on this canvas: finished arrows live in tiles (none in jsdom).
    expect(strokes.flatMap((s) => s.segments)).not.toContainEqual(expect.arrayContaining([30, 120]));
  });
});
