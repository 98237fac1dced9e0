// Paints the space-time diagram's arrows on a canvas while the run plays. Under load hundreds of
// messages enter and leave the window between two frames; as SVG each was a group of half a dozen
// elements created and removed (most of a heavy frame went to making DOM nodes, styling and laying
// them out). Paused, the diagram draws them as SVG buttons instead (Arrows.tsx), with the same
// look (arrow-look.ts).
//
// A finished arrow never changes; only the window slides over it. So finished arrows are painted
// once, into tiles one window span wide fixed in time, which the compositor slides (a transform:
// no copy, no re-raster on the main thread), and each frame paints only the messages still in
// flight, on a canvas on top. Arrows of one look are
// stroked as one path: a software canvas pays per path and per state change.

import { makeStampImage, type StampImage } from '../canvas/stamp-image';
import { messageLook } from '../cluster/message-kind';
import {
  carriesGlyph,
  CROSS_COLOR,
  CROSS_HALF,
  CROSS_WIDTH,
  DASH,
  SEND_DOT_RADIUS,
  strokeOpacity,
  strokeWidth,
  tipCorners,
  type Emphasis,
} from './arrow-look';
import { fractionAt, type Arrow } from './layout';

/** Where the arrows go on the canvas: time to x, lanes to y, and the plot's edges. */
export interface ArrowFrame {
  /** x of time t: left + (t − from) × pxPerMs. */
  readonly from: number;
  readonly left: number;
  readonly right: number;
  readonly pxPerMs: number;
  readonly height: number;
  readonly now: number;
  readonly laneY: ReadonlyMap<string, number>;
  readonly top: number;
  /** The window's length (ms): the tiles' width in time. */
  readonly span: number;
}

/** An arrow as painted, in canvas CSS pixels, for picking it under the pointer. */
export interface PaintedArrow {
  readonly arrow: Arrow;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** The tip's direction: along the whole path, for a message still flying too. */
  readonly angle: number;
}

/** Where each arrow runs on screen: a flying one only as far as it got by `now`. */
export function arrowSegments(arrows: readonly Arrow[], f: ArrowFrame): PaintedArrow[] {
  return arrows.map((arrow) => segment(arrow, f, (t) => f.left + (t - f.from) * f.pxPerMs));
}

function segment(arrow: Arrow, f: ArrowFrame, x: (t: number) => number): PaintedArrow {
  const y1 = f.laneY.get(arrow.from) ?? f.top;
  const toY = f.laneY.get(arrow.to) ?? f.top;
  if (arrow.state === 'inFlight') {
    const y2 = y1 + fractionAt(arrow.sentAt, arrow.endsAt ?? f.now, f.now) * (toY - y1);
    const angle = Math.atan2(toY - y1, x(arrow.endsAt ?? f.now) - x(arrow.sentAt));
    return { arrow, x1: x(arrow.sentAt), y1, x2: x(f.now), y2, angle };
  }
  const x1 = x(arrow.sentAt);
  const x2 = x(arrow.headAt);
  const y2 = arrow.diesMidway ? (y1 + toY) / 2 : toY;
  return { arrow, x1, y1, x2, y2, angle: Math.atan2(y2 - y1, x2 - x1) };
}

type EmphasisOf = (id: number) => Emphasis;

/** Paints `painted` in batches: lines of one look as one path, heartbeats first, then dots, tips, crosses, glyphs. */
function paintBatch(ctx: CanvasRenderingContext2D, painted: readonly PaintedArrow[], emphasis: EmphasisOf): void {
  const lines = new Map<string, PaintedArrow[]>();
  const fills = new Map<string, PaintedArrow[]>();
  const crosses: PaintedArrow[] = [];
  const glyphs: PaintedArrow[] = [];
  // Heartbeats' lines first: the messages that matter are drawn over them.
  const ordered = [...painted.filter((p) => p.arrow.heartbeat), ...painted.filter((p) => !p.arrow.heartbeat)];
  for (const p of ordered) {
    const { arrow } = p;
    const look = messageLook(arrow.payload);
    const e = emphasis(arrow.id);
    const dashed = look.dashed || arrow.state === 'inFlight';
    const key = `${arrow.heartbeat ? 0 : 1}|${look.color}|${strokeWidth(e, arrow.heartbeat)}|${strokeOpacity(e, arrow.heartbeat)}|${dashed ? 1 : 0}`;
    let list = lines.get(key);
    if (!list) lines.set(key, (list = []));
    list.push(p);
    if (arrow.state === 'dropped') crosses.push(p);
    let fill = fills.get(look.color);
    if (!fill) fills.set(look.color, (fill = []));
    fill.push(p);
    if (!arrow.heartbeat && carriesGlyph(p.x1, p.y1, p.x2, p.y2)) glyphs.push(p);
  }
  ctx.lineCap = 'butt';
  for (const [key, list] of lines) {
    const [, color, width, alpha, dashed] = key.split('|');
    ctx.globalAlpha = Number(alpha);
    ctx.strokeStyle = color!;
    ctx.lineWidth = Number(width);
    if (dashed === '1') {
      // A dashed line is stroked on its own: a software canvas dashes a single straight line on a fast
      // path, but one path of many lines through its general dasher, about three times slower in
      // Chromium (and every message in flight is dashed, redrawn every frame).
      ctx.setLineDash(DASH);
      for (const p of list) {
        ctx.beginPath();
        ctx.moveTo(p.x1, p.y1);
        ctx.lineTo(p.x2, p.y2);
        ctx.stroke();
      }
      continue;
    }
    ctx.setLineDash([]);
    ctx.beginPath();
    for (const p of list) {
      ctx.moveTo(p.x1, p.y1);
      ctx.lineTo(p.x2, p.y2);
    }
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
  for (const [color, list] of fills) {
    ctx.fillStyle = color;
    ctx.beginPath();
    for (const p of list) {
      if (!p.arrow.heartbeat) {
        ctx.moveTo(p.x1 + SEND_DOT_RADIUS, p.y1);
        ctx.arc(p.x1, p.y1, SEND_DOT_RADIUS, 0, 2 * Math.PI);
      }
      if (p.arrow.state === 'dropped') continue;
      const [a, b, c] = tipCorners(p.x2, p.y2, p.angle);
      ctx.moveTo(a![0], a![1]);
      ctx.lineTo(b![0], b![1]);
      ctx.lineTo(c![0], c![1]);
      ctx.closePath();
    }
    ctx.fill();
  }
  if (crosses.length > 0) {
    ctx.strokeStyle = CROSS_COLOR;
    ctx.lineWidth = CROSS_WIDTH;
    ctx.beginPath();
    for (const { x2, y2 } of crosses) {
      ctx.moveTo(x2 - CROSS_HALF, y2 - CROSS_HALF);
      ctx.lineTo(x2 + CROSS_HALF, y2 + CROSS_HALF);
      ctx.moveTo(x2 + CROSS_HALF, y2 - CROSS_HALF);
      ctx.lineTo(x2 - CROSS_HALF, y2 + CROSS_HALF);
    }
    ctx.stroke();
  }
  const k = glyphs.length > 0 ? ctx.getTransform().a : 1;
  for (const p of glyphs) {
    const look = messageLook(p.arrow.payload);
    const s = glyphStamp(look.glyph, look.color, k);
    if (!s) continue;
    ctx.drawImage(
      s.image,
      (p.x1 + p.x2) / 2 - s.cx / k,
      (p.y1 + p.y2) / 2 - 4 - s.baseline / k,
      s.width / k,
      s.height / k,
    );
  }
}

const GLYPH_FONT_PX = 11;
const GLYPH_FONT = (k: number) =>
  `700 ${GLYPH_FONT_PX * k}px system-ui, 'Noto Sans KR', 'Apple SD Gothic Neo', sans-serif`;

interface GlyphStamp {
  readonly image: StampImage;
  readonly width: number;
  readonly height: number;
  /** The text's centre and baseline inside the stamp (device px). */
  readonly cx: number;
  readonly baseline: number;
}

// A glyph with its white outline, drawn once per look and scale: text is the dearest thing to raster.
const glyphStamps = new Map<string, GlyphStamp | null>();

function glyphStamp(glyph: string, color: string, k: number): GlyphStamp | null {
  const key = `${glyph}|${color}|${k}`;
  const cached = glyphStamps.get(key);
  if (cached !== undefined) return cached;
  const size = Math.ceil(GLYPH_FONT_PX * k);
  const width = size * 3;
  const height = size * 2;
  const cx = width / 2;
  const baseline = size * 1.4;
  const image = makeStampImage(width, height, (ctx) => {
    ctx.font = GLYPH_FONT(k);
    ctx.textAlign = 'center';
    ctx.lineWidth = 3 * k;
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#ffffff';
    ctx.strokeText(glyph, cx, baseline);
    ctx.fillStyle = color;
    ctx.fillText(glyph, cx, baseline);
  });
  const stamp = image ? { image, width, height, cx, baseline } : null;
  if (glyphStamps.size > 200) glyphStamps.clear();
  glyphStamps.set(key, stamp);
  return stamp;
}

/** How far past its ends an arrow's marks reach (a cross's arm, half a glyph), in px. */
const EDGE_PX = 12;

interface Tile {
  readonly canvas: HTMLCanvasElement;
  readonly ctx: CanvasRenderingContext2D;
  readonly painted: Set<number>;
}

/**
 * Paints the arrows frame after frame. Finished ones go into tiles: canvases inside `container` (an
 * element clipped to the plot, starting at its left edge) that are only moved, by a transform the
 * compositor applies, so the main thread neither copies nor re-rasters them. Messages in flight are
 * painted on the frame's own canvas. Anything that changes how finished arrows look (`look`:
 * selection, heartbeats shown, lanes …), the scale, or time going back starts the tiles again.
 */
export class ArrowPainter {
  private tiles = new Map<number, Tile>();
  private key = '';
  private lastNow = -Infinity;

  constructor(
    private readonly container: HTMLElement,
    private readonly tileClass: string,
  ) {}

  paint(
    ctx: CanvasRenderingContext2D,
    pixels: number,
    arrows: readonly Arrow[],
    f: ArrowFrame,
    emphasis: EmphasisOf,
    look: string,
  ): PaintedArrow[] {
    const key = `${look}|${f.pxPerMs}|${f.span}|${f.height}|${pixels}`;
    if (key !== this.key || f.now < this.lastNow) {
      this.clear();
      this.key = key;
    }
    this.lastNow = f.now;
    const first = Math.floor(f.from / f.span);
    for (const [k, tile] of this.tiles) {
      if (k >= first && k <= first + 1) continue;
      tile.canvas.remove();
      this.tiles.delete(k);
    }

    const finished = arrows.filter((a) => a.state !== 'inFlight');
    // An arrow ending just past a tile's edge still reaches into it with its cross or glyph.
    const reach = EDGE_PX / f.pxPerMs;
    for (const k of [first, first + 1]) {
      const tile = this.tile(k, pixels, f);
      if (!tile) continue;
      const start = k * f.span;
      const end = start + f.span;
      // Whole device pixels: a tile placed at a fractional offset would be resampled and blur.
      const x = Math.round((start - f.from) * f.pxPerMs * pixels) / pixels;
      tile.canvas.style.transform = `translateX(${x}px)`;
      const fresh = finished.filter(
        (a) =>
          !tile.painted.has(a.id) &&
          Math.min(a.sentAt, a.headAt) - reach <= end &&
          Math.max(a.sentAt, a.headAt) + reach >= start,
      );
      if (fresh.length === 0) continue;
      for (const a of fresh) tile.painted.add(a.id);
      tile.ctx.setTransform(pixels, 0, 0, pixels, 0, 0);
      paintBatch(
        tile.ctx,
        fresh.map((a) => segment(a, f, (t) => (t - start) * f.pxPerMs)),
        emphasis,
      );
    }

    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.setTransform(pixels, 0, 0, pixels, 0, 0);
    ctx.save();
    ctx.beginPath();
    ctx.rect(f.left, 0, Math.max(0, f.right - f.left), f.height);
    ctx.clip();
    paintBatch(
      ctx,
      arrowSegments(
        arrows.filter((a) => a.state === 'inFlight'),
        f,
      ),
      emphasis,
    );
    ctx.restore();
    return arrowSegments(arrows, f);
  }

  /** Removes every tile (the painter is done, or what they show no longer holds). */
  clear(): void {
    for (const tile of this.tiles.values()) tile.canvas.remove();
    this.tiles.clear();
  }

  private tile(k: number, pixels: number, f: ArrowFrame): Tile | null {
    const kept = this.tiles.get(k);
    if (kept) return kept;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(f.span * f.pxPerMs * pixels);
    canvas.height = Math.ceil(f.height * pixels);
    canvas.style.width = `${canvas.width / pixels}px`;
    canvas.style.height = `${canvas.height / pixels}px`;
    canvas.className = this.tileClass;
    canvas.setAttribute('aria-hidden', 'true');
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    this.container.append(canvas);
    const tile = { canvas, ctx, painted: new Set<number>() };
    this.tiles.set(k, tile);
    return tile;
  }
}

/** The arrow whose painted line passes within `reach` px of (x, y), the nearest; undefined if none. */
export function arrowNear(painted: readonly PaintedArrow[], x: number, y: number, reach = 6): Arrow | undefined {
  let best: Arrow | undefined;
  let bestDistance = reach;
  for (const p of painted) {
    const d = distanceToSegment(x, y, p.x1, p.y1, p.x2, p.y2);
    if (d <= bestDistance) {
      best = p.arrow;
      bestDistance = d;
    }
  }
  return best;
}

function distanceToSegment(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / length2));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}
