import { arc } from 'd3-shape';
import { describe, expect, it } from 'vitest';
import { ringArc } from './geometry';

// d3-shape (a dev dependency only) is the oracle: the timer rings must look exactly as they did when
// d3 drew them, without d3-shape in the first load.
const d3Arc = arc<{ inner: number; outer: number; end: number }>()
  .innerRadius((d) => d.inner)
  .outerRadius((d) => d.outer)
  .startAngle(0)
  .endAngle((d) => d.end)
  .cornerRadius(2);

const d3Ring = (inner: number, outer: number, fraction: number): string =>
  d3Arc({ inner, outer, end: 2 * Math.PI * Math.min(1, Math.max(0, fraction)) }) ?? '';

/** Every coordinate pair a path visits (the end points of its commands). */
function points(path: string): [number, number][] {
  const out: [number, number][] = [];
  for (const command of path.match(/[MLA][^MLAZ]*/g) ?? []) {
    const n = command.slice(1).split(',').map(Number);
    out.push([n[n.length - 2]!, n[n.length - 1]!]);
  }
  return out;
}

describe('ringArc (election and heartbeat timer rings)', () => {
  // The radii ElectionTimerArc draws: node radius + 4 inside, + 8 (heartbeat) or + 12 (election) outside.
  const rings = [30, 42, 57, 80].flatMap((r) => [
    [r + 4, r + 8],
    [r + 4, r + 12],
  ]);

  it("draws d3-shape's path for every fraction whose corners fit, the empty ring and the full ring", () => {
    for (const [inner, outer] of rings) {
      for (let f = 0; f <= 1.0001; f += 0.01) {
        if (f > 0 && f < 0.025) continue; // slivers: see below
        expect(ringArc(inner!, outer!, f)).toBe(d3Ring(inner!, outer!, f));
      }
      expect(ringArc(inner!, outer!, -1)).toBe(d3Ring(inner!, outer!, 0));
      expect(ringArc(inner!, outer!, 2)).toBe(d3Ring(inner!, outer!, 1));
    }
  });

  it('keeps a sliver too thin for two corners inside its ring, starting at 12 o’clock', () => {
    for (const [inner, outer] of rings) {
      for (const f of [0.0005, 0.002, 0.005, 0.01]) {
        const path = ringArc(inner!, outer!, f);
        const visited = points(path);
        expect(visited[0]![0]).toBe(0);
        for (const [x, y] of visited) {
          const r = Math.hypot(x, y);
          expect(r).toBeGreaterThanOrEqual(inner! - 0.01);
          expect(r).toBeLessThanOrEqual(outer! + 0.01);
          expect(Math.atan2(x, -y)).toBeGreaterThanOrEqual(-0.001);
          expect(Math.atan2(x, -y)).toBeLessThanOrEqual(2 * Math.PI * f + 0.001);
        }
      }
    }
  });
});
