// Paints the messages in flight on a canvas laid over the cluster drawing. Hundreds of messages
// move every frame; as canvas stamps they cost no DOM, style, layout or SVG paint work, which
// is what kept a busy 9-node cluster from playing smoothly. The shapes come from message-shape.ts,
// the same geometry the SVG key uses, so a message looks the same in the key and on the wire.

import { makeStampImage, type StampContext, type StampImage } from '../canvas/stamp-image';
import type { MessageLook } from './message-kind';
import type { FadingSprite, MessageSprite } from './message-sprites';
import {
  GLYPH_BASELINE,
  GLYPH_FONT_PX,
  glyphColor,
  HOVER_RADIUS,
  ringPath,
  SELECT_RADIUS,
  shapeHalfWidth,
  shapeInk,
  shapePath,
} from './message-shape';

/** How the drawing's viewBox maps onto the box: CSS pixels per unit, and the centring offset. */
export interface ViewFit {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
  /** How much larger than the drawing's scale the message glyphs are drawn (a small drawing keeps them legible). */
  readonly glyph?: number;
}

/** The SVG default (preserveAspectRatio xMidYMid meet): scale to fit, centre the rest. */
export function fitViewBox(width: number, height: number, viewWidth: number, viewHeight: number): ViewFit {
  const scale = Math.max(0, Math.min(width / viewWidth, height / viewHeight));
  return { scale, x: (width - viewWidth * scale) / 2, y: (height - viewHeight * scale) / 2 };
}

/** The fit for a viewBox that starts at (view.x, view.y) rather than at the origin. */
export function fitView(
  width: number,
  height: number,
  view: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
  glyph = 1,
): ViewFit {
  const f = fitViewBox(width, height, view.width, view.height);
  return { scale: f.scale, x: f.x - view.x * f.scale, y: f.y - view.y * f.scale, glyph };
}

const FONT = `800 ${GLYPH_FONT_PX}px system-ui, 'Noto Sans KR', 'Apple SD Gothic Neo', sans-serif`;
const CROSS = 'M-16,-16L16,16M16,-16L-16,16';
const SELECTED = { fill: 'rgb(250 204 21 / 0.45)', stroke: '#0f172a', width: 3 } as const;
const HOVERED = { fill: 'rgb(250 204 21 / 0.55)', stroke: '#0f172a', width: 4 } as const;
/** Room around a shape for the halo, the selection ring and their strokes (viewBox units). */
const MARGIN = HOVER_RADIUS + 3;

// A Path2D per outline: a few dozen distinct shapes.
const paths = new Map<string, Path2D>();
function path(d: string): Path2D {
  let p = paths.get(d);
  if (!p) {
    p = new Path2D(d);
    paths.set(d, p);
  }
  return p;
}

function ring(ctx: StampContext, r: number, look: { fill: string; stroke: string; width: number }): void {
  const p = path(ringPath(r));
  ctx.fillStyle = look.fill;
  ctx.fill(p);
  ctx.strokeStyle = look.stroke;
  ctx.lineWidth = look.width;
  ctx.setLineDash([]);
  ctx.stroke(p);
}

function shape(ctx: StampContext, look: MessageLook): void {
  const p = path(shapePath(look));
  const ink = shapeInk(look);
  ctx.fillStyle = ink.fill;
  ctx.fill(p);
  ctx.strokeStyle = ink.stroke;
  ctx.lineWidth = ink.strokeWidth;
  ctx.setLineDash(ink.dash ? [...ink.dash] : []);
  ctx.stroke(p);
  ctx.font = FONT;
  ctx.textAlign = 'center';
  ctx.fillStyle = glyphColor(look);
  ctx.fillText(look.glyph, 0, GLYPH_BASELINE);
}

function cross(ctx: StampContext): void {
  ctx.strokeStyle = '#b91c1c';
  ctx.lineWidth = 4;
  ctx.setLineDash([]);
  ctx.lineCap = 'round';
  ctx.stroke(path(CROSS));
}

interface StampSpec {
  readonly look: MessageLook;
  readonly selected: boolean;
  readonly hovered: boolean;
  readonly dropped: boolean;
}

/** A message drawn once at its on-screen size; `cx`, `cy` is its centre in the stamp. */
interface Stamp {
  readonly image: StampImage;
  readonly cx: number;
  readonly cy: number;
}

// Software canvases raster every path and glyph on the main thread; copying a ready stamp is far
// cheaper. A few dozen looks × sizes exist at once; the cache is emptied if it ever grows large.
const stamps = new Map<string, Stamp>();
const MAX_STAMPS = 400;

function stampFor(spec: StampSpec, k: number): Stamp | null {
  const { look } = spec;
  const key = `${look.kind}|${look.glyph}|${look.color}|${look.dashed}|${spec.selected}|${spec.hovered}|${spec.dropped}|${k.toFixed(3)}`;
  const cached = stamps.get(key);
  if (cached) return cached;
  const halfWidth = Math.max(MARGIN, shapeHalfWidth(look) + 3);
  const cx = halfWidth * k;
  const cy = MARGIN * k;
  const image = makeStampImage(Math.ceil(2 * halfWidth * k), Math.ceil(2 * MARGIN * k), (ctx) => {
    ctx.setTransform(k, 0, 0, k, cx, cy);
    if (spec.hovered) ring(ctx, HOVER_RADIUS, HOVERED);
    if (spec.selected) ring(ctx, SELECT_RADIUS, SELECTED);
    shape(ctx, look);
    if (spec.dropped) cross(ctx);
  });
  if (!image) return null;
  const stamp = { image, cx, cy };
  if (stamps.size >= MAX_STAMPS) stamps.clear();
  stamps.set(key, stamp);
  return stamp;
}

function stamp(
  ctx: CanvasRenderingContext2D,
  pixels: number,
  fit: ViewFit,
  sprite: MessageSprite | FadingSprite,
  spec: StampSpec,
): void {
  const s = stampFor(spec, pixels * fit.scale * (fit.glyph ?? 1) * sprite.scale);
  if (!s) return;
  // Whole device pixels: a stamp copied at a fractional offset would be resampled and blur.
  const x = Math.round(pixels * (fit.x + fit.scale * sprite.x) - s.cx);
  const y = Math.round(pixels * (fit.y + fit.scale * sprite.y) - s.cy);
  ctx.drawImage(s.image, x, y);
}

/**
 * Clears the canvas and draws the fading messages, then the ones in flight on top.
 * `pixels` is the device pixel ratio the canvas was sized with.
 */
export function paintMessages(
  ctx: CanvasRenderingContext2D,
  pixels: number,
  fit: ViewFit,
  flying: readonly MessageSprite[],
  fading: readonly FadingSprite[],
): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  if (fit.scale <= 0) return;
  for (const sprite of fading) {
    ctx.globalAlpha = sprite.opacity;
    stamp(ctx, pixels, fit, sprite, { look: sprite.look, selected: false, hovered: false, dropped: true });
  }
  ctx.globalAlpha = 1;
  for (const sprite of flying) {
    stamp(ctx, pixels, fit, sprite, {
      look: sprite.look,
      selected: sprite.selected,
      hovered: sprite.hovered,
      dropped: false,
    });
  }
}
