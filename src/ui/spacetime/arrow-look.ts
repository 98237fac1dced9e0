// How a space-time arrow looks, shared by the SVG arrows (paused: each one a button) and the canvas
// that paints them while playing (paint-arrows.ts), so an arrow looks the same either way.

/** Length of an arrow's tip (px). */
export const HEAD = 7;
/** Arrows shorter than this carry no glyph: it would cover the arrow. */
export const GLYPH_MIN_LENGTH = 46;
/** Radius of the dot where a message (not a heartbeat) was sent. */
export const SEND_DOT_RADIUS = 2.5;
/** Half the size of the cross where a message died. */
export const CROSS_HALF = 6;
export const CROSS_COLOR = '#b91c1c';
export const CROSS_WIDTH = 2.5;
/** The dashes of a message in flight, or of a dashed kind (pre-vote, redirect). */
export const DASH: readonly number[] = [5, 3];

export type Emphasis = 'none' | 'hovered' | 'selected';

export function strokeWidth(emphasis: Emphasis, heartbeat: boolean): number {
  return emphasis === 'none' ? (heartbeat ? 1 : 2.25) : 4;
}

/** Heartbeats are drawn faint unless pointed at: they are most of the traffic. */
export function strokeOpacity(emphasis: Emphasis, heartbeat: boolean): number {
  return heartbeat && emphasis === 'none' ? 0.45 : 1;
}

/** The tip's three corners: the point at (x2, y2), the barbs back along `angle`. */
export function tipCorners(x2: number, y2: number, angle: number): readonly [number, number][] {
  return [
    [x2, y2],
    [x2 - HEAD * Math.cos(angle - 0.45), y2 - HEAD * Math.sin(angle - 0.45)],
    [x2 - HEAD * Math.cos(angle + 0.45), y2 - HEAD * Math.sin(angle + 0.45)],
  ];
}

export function tipPath(x2: number, y2: number, angle: number): string {
  const [a, b, c] = tipCorners(x2, y2, angle);
  return `M${a![0]},${a![1]} L${b![0]},${b![1]} L${c![0]},${c![1]} Z`;
}

/** Whether an arrow from (x1, y1) to (x2, y2) is long enough to carry its glyph. */
export function carriesGlyph(x1: number, y1: number, x2: number, y2: number): boolean {
  return Math.hypot(x2 - x1, y2 - y1) > GLYPH_MIN_LENGTH;
}
