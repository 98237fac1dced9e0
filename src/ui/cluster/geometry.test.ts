import { describe, expect, it } from 'vitest';
import { layoutRing } from './geometry';

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

  it('frames every node and the client box in the viewBox', () => {
    const { positions, metrics, view, client } = layoutRing(FIVE, { width: 870, height: 300 }, 12);
    for (const p of positions.values()) {
      expect(p.y - metrics.top).toBeGreaterThanOrEqual(view.y);
      expect(p.y + metrics.bottom).toBeLessThanOrEqual(view.y + view.height);
    }
    expect(client.x).toBeGreaterThanOrEqual(view.x);
    expect(client.y).toBeGreaterThanOrEqual(view.y);
  });
});

describe('layoutRing before the first snapshot', () => {
  it('has a finite frame with no nodes', () => {
    const { view } = layoutRing([], { width: 800, height: 400 }, 12);
    expect([view.x, view.y, view.width, view.height].every(Number.isFinite)).toBe(true);
  });
});
