// Paints the space-time diagram's arrows on a canvas while the run plays. Under load hundreds of
// messages enter and leave the window between two frames; as SVG each was a group of half a dozen
// elements created and removed (most of a heavy frame went to making DOM nodes, styling and laying
// them out). On a canvas the cost is a few lines and fills per arrow. Paused, the diagram draws
// them as SVG buttons instead (Arrows.tsx), with the same look (arrow-look.ts).

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

const GLYPH_FONT = `700 11px system-ui, 'Noto Sans KR', 'Apple SD Gothic Neo', sans-serif`;

/** Where each arrow runs on screen: a flying one only as far as it got by `now`. */
export function arrowSegments(arrows: readonly Arrow[], f: ArrowFrame): PaintedArrow[] {
  const x = (t: number): number => f.left + (t - f.from) * f.pxPerMs;
  return arrows.map((arrow) => {
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
  });
}

/**
 * Clears the canvas and paints `painted` (from arrowSegments) inside the plot, heartbeats first so
 * the messages that matter are on top. `pixels` is the device pixel ratio the canvas was sized with.
 */
export function paintArrows(
  ctx: CanvasRenderingContext2D,
  pixels: number,
  painted: readonly PaintedArrow[],
  f: ArrowFrame,
  emphasis: (id: number) => Emphasis,
): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(pixels, 0, 0, pixels, 0, 0);
  ctx.save();
  ctx.beginPath();
  ctx.rect(f.left, 0, Math.max(0, f.right - f.left), f.height);
  ctx.clip();
  ctx.lineCap = 'butt';
  for (const pass of [true, false]) {
    for (const p of painted) if (p.arrow.heartbeat === pass) paintOne(ctx, p, emphasis(p.arrow.id));
  }
  ctx.restore();
}

function paintOne(ctx: CanvasRenderingContext2D, p: PaintedArrow, emphasis: Emphasis): void {
  const { arrow, x1, y1, x2, y2, angle } = p;
  const look = messageLook(arrow.payload);
  const inFlight = arrow.state === 'inFlight';
  ctx.globalAlpha = strokeOpacity(emphasis, arrow.heartbeat);
  ctx.strokeStyle = look.color;
  ctx.lineWidth = strokeWidth(emphasis, arrow.heartbeat);
  ctx.setLineDash(look.dashed || inFlight ? [...DASH] : []);
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
  ctx.globalAlpha = 1;
  ctx.fillStyle = look.color;
  if (!arrow.heartbeat) {
    ctx.beginPath();
    ctx.arc(x1, y1, SEND_DOT_RADIUS, 0, 2 * Math.PI);
    ctx.fill();
  }
  if (arrow.state === 'dropped') {
    ctx.strokeStyle = CROSS_COLOR;
    ctx.lineWidth = CROSS_WIDTH;
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.moveTo(x2 - CROSS_HALF, y2 - CROSS_HALF);
    ctx.lineTo(x2 + CROSS_HALF, y2 + CROSS_HALF);
    ctx.moveTo(x2 + CROSS_HALF, y2 - CROSS_HALF);
    ctx.lineTo(x2 - CROSS_HALF, y2 + CROSS_HALF);
    ctx.stroke();
  } else {
    const [a, b, c] = tipCorners(x2, y2, angle);
    ctx.beginPath();
    ctx.moveTo(a![0], a![1]);
    ctx.lineTo(b![0], b![1]);
    ctx.lineTo(c![0], c![1]);
    ctx.closePath();
    ctx.fill();
  }
  if (!arrow.heartbeat && carriesGlyph(x1, y1, x2, y2)) {
    ctx.font = GLYPH_FONT;
    ctx.textAlign = 'center';
    ctx.lineWidth = 3;
    ctx.setLineDash([]);
    ctx.strokeStyle = '#ffffff';
    const gx = (x1 + x2) / 2;
    const gy = (y1 + y2) / 2 - 4;
    ctx.strokeText(look.glyph, gx, gy);
    ctx.fillText(look.glyph, gx, gy);
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
