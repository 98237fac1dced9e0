// The outline, ink and glyph of a message, as data: one geometry for the canvas that draws the
// messages in flight and for the SVG that draws the same shapes in the key and the details panel.
// Units are the cluster drawing's viewBox units, centred on (0, 0).

import type { MessageLook } from './message-kind';

/** Messages are drawn a little larger than their shapes' unit size, to read from the back of a room. */
export const DOT_SCALE = 1.2;
/** A message pointed at elsewhere (space-time diagram, manual delivery list) is drawn this much larger. */
export const HOVER_SCALE = 1.5;
/** Radius of the ring marking a selected message, and of the area that picks a message up. */
export const SELECT_RADIUS = 25;
/** Radius of the halo around a message pointed at elsewhere. */
export const HOVER_RADIUS = 30;
/** The glyph's baseline, below the shape's centre so the glyph looks centred. */
export const GLYPH_BASELINE = 5;
/** A heartbeat's radius: the smallest message shape (the others are 26 units across or more). */
export const HEARTBEAT_RADIUS = 12;
export const GLYPH_FONT_PX = 14;

export interface ShapeInk {
  readonly fill: string;
  readonly stroke: string;
  readonly strokeWidth: number;
  /** Dash and gap lengths, or null for a solid outline. */
  readonly dash: readonly [number, number] | null;
}

function circle(r: number): string {
  return `M${-r},0A${r},${r} 0 1 0 ${r},0A${r},${r} 0 1 0 ${-r},0Z`;
}

function roundedRect(x: number, y: number, width: number, height: number, r: number): string {
  const right = x + width;
  const bottom = y + height;
  return (
    `M${x + r},${y}H${right - r}A${r},${r} 0 0 1 ${right},${y + r}V${bottom - r}` +
    `A${r},${r} 0 0 1 ${right - r},${bottom}H${x + r}A${r},${r} 0 0 1 ${x},${bottom - r}` +
    `V${y + r}A${r},${r} 0 0 1 ${x + r},${y}Z`
  );
}

/** A client message's pill grows with its text (a command, "✓ ok", "↪ B"). */
function pillWidth(glyph: string): number {
  return Math.max(36, glyph.length * 9 + 18);
}

/** The outline of a message's shape as an SVG path (also what a canvas Path2D reads). */
export function shapePath(look: MessageLook): string {
  switch (look.shape) {
    case 'diamond':
      return 'M0,-19L19,0L0,19L-19,0Z';
    case 'circle':
      return circle(look.kind === 'heartbeat' ? HEARTBEAT_RADIUS : 14);
    case 'square':
      return roundedRect(-13, -13, 26, 26, 3);
    case 'envelope':
      return roundedRect(-20, -14, 40, 28, 4);
    case 'pill': {
      const w = pillWidth(look.glyph);
      return roundedRect(-w / 2, -13, w, 26, 13);
    }
  }
}

/** Half the width of a message's shape (pills grow with their text). */
export function shapeHalfWidth(look: MessageLook): number {
  switch (look.shape) {
    case 'diamond':
      return 19;
    case 'circle':
      return 14;
    case 'square':
      return 13;
    case 'envelope':
      return 20;
    case 'pill':
      return pillWidth(look.glyph) / 2;
  }
}

/** Dashed dark outline for pre-votes and redirects; a thin white one otherwise. */
export function shapeInk(look: MessageLook): ShapeInk {
  return look.dashed
    ? { fill: look.color, stroke: '#0f172a', strokeWidth: 2, dash: [4, 3] }
    : { fill: look.color, stroke: '#ffffff', strokeWidth: 1.5, dash: null };
}

/** Dark glyph on the light heartbeat fill, white on the rest. */
export function glyphColor(look: MessageLook): string {
  return look.kind === 'heartbeat' ? '#0f172a' : '#ffffff';
}

/** A circle path of radius `r` around (0, 0): the selection ring and the hover halo. */
export function ringPath(r: number): string {
  return circle(r);
}
