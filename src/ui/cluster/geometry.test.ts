import { describe, expect, it } from 'vitest';
import { CLIENT } from '../../sim/types';
import { layoutRing, messagePath, outlineClearOf, RING_CENTER, roundedHull, type Point } from './geometry';

const FIVE = ['A', 'B', 'C', 'D', 'E'];

describe('layoutRing for a measured box', () => {
  it('keeps the smallest text at the asked size where the box allows it (presenter at 1280×720)', () => {
    const layout = layoutRing(FIVE, { width: 1260, height: 430 }, 18);
    // The smallest text is 16 units × k; on screen it is that times the drawing's scale.
    expect(16 * layout.metrics.k * layout.scale).toBeGreaterThanOrEqual(17.9);
  });

  it('never lets one node and its texts overlap another', () => {
    for (const box of [
      { width: 1260, height: 430 },
      { width: 870, height: 300 },
      { width: 1800, height: 600 },
    ]) {
      const { positions, metrics } = layoutRing(FIVE, box, 12);
      const points = [...positions.values()];
      for (let i = 0; i < points.length; i++)
        for (let j = i + 1; j < points.length; j++) {
          const a = points[i]!;
          const b = points[j]!;
          const apartX = Math.abs(a.x - b.x) >= 2 * metrics.halfWidth;
          const apartY = Math.abs(a.y - b.y) >= metrics.top + metrics.bottom;
          expect(apartX || apartY, `${FIVE[i]} and ${FIVE[j]} in ${box.width}×${box.height}`).toBe(true);
        }
    }
  });

  it('folds seven nodes into rows when no ellipse keeps 18 px texts apart (presenter with a lesson, 1280×720)', () => {
    const SEVEN = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    for (const box of [
      { width: 864, height: 362 },
      { width: 864, height: 401 },
    ]) {
      const { positions, metrics, scale } = layoutRing(SEVEN, box, 18);
      expect(16 * metrics.k * scale, `text in ${box.width}×${box.height}`).toBeGreaterThanOrEqual(17.9);
      const points = [...positions.values()];
      for (let i = 0; i < points.length; i++)
        for (let j = i + 1; j < points.length; j++) {
          const apartX = Math.abs(points[i]!.x - points[j]!.x) >= 2 * metrics.halfWidth;
          const apartY = Math.abs(points[i]!.y - points[j]!.y) >= metrics.top + metrics.bottom;
          expect(apartX || apartY, `${SEVEN[i]} and ${SEVEN[j]} in ${box.width}×${box.height}`).toBe(true);
        }
    }
  });

  it('frames every node and the client box in the viewBox', () => {
    const { positions, metrics, view, client } = layoutRing(FIVE, { width: 870, height: 300 }, 12);
    for (const p of positions.values()) {
      expect(p.y - metrics.top).toBeGreaterThanOrEqual(view.y);
      expect(p.y + metrics.bottom).toBeLessThanOrEqual(view.y + view.height);
    }
    expect(client.x).toBeGreaterThanOrEqual(view.x);
    expect(client.y).toBeGreaterThanOrEqual(view.y);
  });

  it("grows the client's box with the nodes' texts, so its label stays readable, and keeps it off every node", () => {
    // The normal layout's ring panel at 1280×720 and at 1366×768: short and wide.
    for (const box of [
      { width: 851, height: 170 },
      { width: 910, height: 202 },
      { width: 1260, height: 430 },
    ]) {
      const { positions, metrics, client, scale } = layoutRing(FIVE, box, 12);
      // The label is 20 units at k = 1 and 56 units is the box's height then: both grow by k.
      expect(client.height).toBeCloseTo(56 * metrics.k);
      expect(20 * metrics.k * scale, `client label in ${box.width}×${box.height}`).toBeGreaterThanOrEqual(12);
      for (const p of positions.values()) {
        const apartX = client.x + client.width <= p.x - metrics.halfWidth || p.x + metrics.halfWidth <= client.x;
        const apartY = client.y + client.height <= p.y - metrics.top || p.y + metrics.bottom <= client.y;
        expect(apartX || apartY).toBe(true);
      }
    }
  });
});

describe('layoutRing before the first snapshot', () => {
  it('has a finite frame with no nodes', () => {
    const { view } = layoutRing([], { width: 800, height: 400 }, 12);
    expect([view.x, view.y, view.width, view.height].every(Number.isFinite)).toBe(true);
  });
});

describe('layoutRing with servers apart from the ring (§6: spares and learners do not vote)', () => {
  const angle = (p: Point) => Math.atan2(p.y - RING_CENTER.y, p.x - RING_CENTER.x);

  it('spaces the voters evenly round the whole ring, however many servers are apart', () => {
    for (const ring of [
      ['A', 'B', 'C'],
      ['A', 'B', 'C', 'D'],
      ['B', 'C', 'D', 'E'],
    ]) {
      const apart = FIVE.filter((id) => !ring.includes(id));
      const { positions } = layoutRing(ring, null, 0, apart);
      const step = (2 * Math.PI) / ring.length;
      ring.forEach((id, i) => {
        const p = positions.get(id)!;
        // Clockwise from 12 o'clock, one step per voter.
        const expected = -Math.PI / 2 + i * step;
        expect(Math.cos(angle(p) - expected), `${id} of ${ring.join('')}`).toBeCloseTo(1, 6);
      });
    }
  });

  it('puts every server apart outside the ring, in the frame, and touching nothing', () => {
    for (const box of [
      { width: 1260, height: 430 },
      { width: 870, height: 300 },
      { width: 500, height: 5000 },
    ]) {
      const ring = ['A', 'B', 'C'];
      const apart = ['D', 'E', 'F', 'G'];
      const layout = layoutRing(ring, box, 12, apart);
      const { positions, metrics, view } = layout;
      expect(layout.ring).toEqual(ring);
      expect(layout.apart).toEqual(apart);
      const ringPoints = ring.map((id) => positions.get(id)!);
      const all = [...ring, ...apart];
      for (const id of apart) {
        const p = positions.get(id)!;
        // Beyond the ring's extent on one side: right of it or below it.
        const right = ringPoints.every((q) => p.x - q.x >= 2 * metrics.halfWidth);
        const below = ringPoints.every((q) => p.y - q.y >= metrics.top + metrics.bottom);
        expect(right || below, `${id} in ${box.width}×${box.height}`).toBe(true);
        expect(p.x - metrics.halfWidth).toBeGreaterThanOrEqual(view.x);
        expect(p.x + metrics.halfWidth).toBeLessThanOrEqual(view.x + view.width);
        expect(p.y - metrics.top).toBeGreaterThanOrEqual(view.y);
        expect(p.y + metrics.bottom).toBeLessThanOrEqual(view.y + view.height);
      }
      for (let i = 0; i < all.length; i++)
        for (let j = i + 1; j < all.length; j++) {
          const a = positions.get(all[i]!)!;
          const b = positions.get(all[j]!)!;
          const apartX = Math.abs(a.x - b.x) >= 2 * metrics.halfWidth;
          const apartY = Math.abs(a.y - b.y) >= metrics.top + metrics.bottom;
          expect(apartX || apartY, `${all[i]} and ${all[j]} in ${box.width}×${box.height}`).toBe(true);
        }
    }
  });

  it('keeps the node size when a server moves between the ring and apart', () => {
    const before = layoutRing(['A', 'B', 'C'], null, 0, ['D', 'E']);
    const after = layoutRing(['A', 'B', 'C', 'D', 'E'], null, 0, []);
    expect(before.nodeRadius).toBe(after.nodeRadius);
  });
});

describe('messagePath to and from the client', () => {
  it('leaves the client box where the lane crosses its edge, so the message never covers the box’s label', () => {
    const layout = layoutRing(FIVE, { width: 1260, height: 430 }, 12);
    const box = layout.client;
    for (const id of FIVE) {
      const lane = messagePath(layout, CLIENT, id)!;
      const inside =
        lane.from.x > box.x + 1 &&
        lane.from.x < box.x + box.width - 1 &&
        lane.from.y > box.y + 1 &&
        lane.from.y < box.y + box.height - 1;
      expect(inside, `the lane to ${id} starts inside the client box`).toBe(false);
      // …and not far from it either: within the lane's offset of the box's edge.
      const gap = Math.max(
        box.x - lane.from.x,
        lane.from.x - (box.x + box.width),
        box.y - lane.from.y,
        lane.from.y - (box.y + box.height),
      );
      expect(gap).toBeLessThan(20);
    }
  });
});

describe('outlineClearOf: may a partition group be drawn as one outline?', () => {
  // Three nodes on a flattened ring: A at the top, barely above the chord from C to B.
  const A = { x: 500, y: 100 };
  const B = { x: 800, y: 160 };
  const C = { x: 200, y: 160 };

  it('no, when the chord between two members passes within the clearance of another node', () => {
    expect(outlineClearOf([B, C], [A], 100)).toBe(false);
    expect(outlineClearOf([B, C], [A], 59)).toBe(true);
  });

  it('no, when another node lies inside the members’ polygon', () => {
    const square = [
      { x: 0, y: 0 },
      { x: 1000, y: 0 },
      { x: 1000, y: 1000 },
      { x: 0, y: 1000 },
    ];
    expect(outlineClearOf(square, [{ x: 500, y: 500 }], 10)).toBe(false);
    expect(outlineClearOf(square, [{ x: 1500, y: 500 }], 10)).toBe(true);
  });

  it('yes, on a round ring where the groups are neighbours', () => {
    const ring = layoutRing(['A', 'B', 'C', 'D', 'E'], { width: 800, height: 800 }, 12);
    const at = (id: string) => ring.positions.get(id)!;
    const pad = ring.nodeRadius + 26;
    expect(outlineClearOf([at('A'), at('B')], [at('C'), at('D'), at('E')], pad + ring.nodeRadius)).toBe(true);
    expect(outlineClearOf([at('C'), at('D'), at('E')], [at('A'), at('B')], pad + ring.nodeRadius)).toBe(true);
  });
});

describe('roundedHull: the outline round a voter set', () => {
  /** The corners of the outline's straight parts (every M and L point, and every arc's end). */
  const corners = (d: string): Point[] => {
    const all = [...d.matchAll(/(?:[ML]|A\S+ \S+ \S+ \S+ )(-?[\d.]+),(-?[\d.]+)/g)].map((m) => ({
      x: +m[1]!,
      y: +m[2]!,
    }));
    // The last arc ends where the outline began.
    const [first, last] = [all[0], all[all.length - 1]];
    return first && last && all.length > 1 && first.x === last.x && first.y === last.y ? all.slice(0, -1) : all;
  };

  it('is a circle of radius pad round one node', () => {
    const d = roundedHull([{ x: 100, y: 50 }], 30);
    for (const p of corners(d)) expect(Math.hypot(p.x - 100, p.y - 50)).toBeCloseTo(30, 1);
  });

  it('stays pad away from the nodes and encloses all of them', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 200, y: 40 },
      { x: 120, y: 180 },
      { x: 90, y: 60 }, // inside the others' hull
    ];
    const pad = 25;
    const outline = corners(roundedHull(points, pad));
    expect(outline.length).toBeGreaterThanOrEqual(6);
    for (const c of outline) {
      const nearest = Math.min(...points.map((p) => Math.hypot(p.x - c.x, p.y - c.y)));
      expect(nearest).toBeCloseTo(pad, 0);
    }
    // Every node is on the inner side of every straight part of the outline (the outline is convex).
    for (let i = 0; i < outline.length; i++) {
      const a = outline[i]!;
      const b = outline[(i + 1) % outline.length]!;
      for (const p of points) {
        const side = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
        expect(side).toBeGreaterThan(0);
      }
    }
  });

  it('is a capsule round two nodes', () => {
    const outline = corners(
      roundedHull(
        [
          { x: 0, y: 0 },
          { x: 100, y: 0 },
        ],
        10,
      ),
    );
    expect(outline.map((p) => Math.abs(p.y))).toEqual([10, 10, 10, 10]);
    expect(outline.map((p) => p.x)).toEqual([0, 100, 100, 0]);
  });
});
