// Where things sit in the cluster drawing: nodes on a ring, the client in a corner,
// and the straight paths messages travel along. Pure functions of the node list and
// of virtual time, so a paused or rewound screen is exact.

import type { NodeId } from '../../raft/types';
import { CLIENT, type Endpoint } from '../../sim/types';

/** The drawing's default frame (a 5-node circle), used before the panel has been measured. */
export const VIEW_WIDTH = 1000;
export const VIEW_HEIGHT = 840;
const CENTER_X = 500;
const CENTER_Y = 420;
export const RING_CENTER: Point = { x: CENTER_X, y: CENTER_Y };
const RING_RADIUS = 285;

const CLIENT_SIZE = { width: 150, height: 56 } as const;

/** Requests and replies on the same link travel on two lanes, this far apart on each side. */
const LANE_OFFSET = 9;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Where a node's texts sit and how large they are, in viewBox units, for a label scale `k`
 * (1 on a large screen; more when the drawing is small, so no text falls under the minimum).
 */
export interface NodeMetrics {
  readonly k: number;
  readonly r: number;
  readonly letterSize: number;
  readonly letterY: number;
  readonly numberSize: number;
  readonly captionSize: number;
  readonly termY: number;
  readonly roleSize: number;
  readonly pillTop: number;
  readonly pillHeight: number;
  readonly pillTextY: number;
  /** Width of a role pill for a label of `chars` characters. */
  readonly pillWidth: (chars: number) => number;
  readonly tallySize: number;
  readonly tallyY: number;
  readonly isolationY: number;
  readonly violationY: (isolated: boolean) => number;
  /** How far the node and its texts reach above, below and to each side of its centre. */
  readonly top: number;
  readonly bottom: number;
  readonly halfWidth: number;
}

export function nodeMetrics(baseRadius: number, k: number): NodeMetrics {
  const s = Math.max(1, k);
  // The circle grows with its texts (more slowly), so the letter and the term still fit inside.
  const r = baseRadius * Math.max(1, 0.4 + 0.4 * s);
  const captionSize = 16 * s;
  const pillHeight = 28 * s;
  const pillTop = r + 12;
  const tallyY = pillTop + pillHeight + 19 * s + 2;
  const isolationY = -(r + 20 + 16 * s);
  return {
    k: s,
    r,
    letterSize: 0.58 * r,
    letterY: -0.1 * r,
    numberSize: Math.max(0.42 * r, 19 * s),
    captionSize,
    termY: 0.62 * r,
    roleSize: 19 * s,
    pillTop,
    pillHeight,
    pillTextY: pillTop + pillHeight * 0.73,
    pillWidth: (chars) => Math.max(96 * s, chars * 12 * s + 30 * s),
    tallySize: 19 * s,
    tallyY,
    isolationY,
    violationY: (isolated) => (isolated ? isolationY - 22 * s : -(r + 14 + 16 * s)),
    top: r + 24 + 32 * s,
    bottom: tallyY + 8 * s,
    halfWidth: Math.max(r + 26, 70 * s),
  };
}

export interface Layout {
  readonly nodeRadius: number;
  /** Every node's centre: the ring's and those set apart from it. */
  readonly positions: ReadonlyMap<NodeId, Point>;
  /** The nodes on the ring, in ring order (clockwise from 12 o'clock). */
  readonly ring: readonly NodeId[];
  /** The nodes drawn apart from the ring (spare servers and learners). */
  readonly apart: readonly NodeId[];
  /** The node's drawing and texts at this size (see nodeMetrics). */
  readonly metrics: NodeMetrics;
  /** The viewBox: every node, its texts and the client box. */
  readonly view: Rect;
  /** The client box, in the view's top-left corner. */
  readonly client: Rect;
  /** CSS pixels per viewBox unit in the box the layout was made for (0 before it is measured). */
  readonly scale: number;
}

/** Node radius shrinks a little as the ring fills, so 9 nodes and their labels still fit. */
function nodeRadiusFor(count: number): number {
  if (count <= 5) return 80;
  if (count <= 7) return 70;
  return 60;
}

/** Nodes clockwise from 12 o'clock on an ellipse with half-axes rx, ry, in the order the cluster lists them. */
function ringPositions(ids: readonly NodeId[], rx: number, ry: number): Map<NodeId, Point> {
  const positions = new Map<NodeId, Point>();
  const count = ids.length;
  ids.forEach((id, i) => {
    if (count === 1) {
      positions.set(id, { x: CENTER_X, y: CENTER_Y });
      return;
    }
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
    positions.set(id, { x: CENTER_X + rx * Math.cos(angle), y: CENTER_Y + ry * Math.sin(angle) });
  });
  return positions;
}

/** The room between two nodes' texts in the rows layout. */
const ROW_GAP = 14;

/**
 * The ring folded into `rows` rows, in ring order as a snake (the top row left to right, the next
 * right to left, …), so neighbours on the ring stay neighbours. The top row holds what is left over
 * at its right end, leaving its left end to the client's box (frame() puts it in the top-left
 * corner). For a short, wide stage whose ellipse cannot keep large texts apart (seven nodes in
 * presenter mode beside a lesson at 1280×720).
 */
function rowPositions(ids: readonly NodeId[], rows: number, m: NodeMetrics): Map<NodeId, Point> {
  const positions = new Map<NodeId, Point>();
  const perRow = Math.ceil(ids.length / rows);
  const first = ids.length - perRow * (rows - 1);
  const dx = 2 * m.halfWidth + ROW_GAP;
  const dy = m.top + m.bottom + ROW_GAP;
  // The client's box with frame()'s margin and gaps, beside the top row's first node.
  const clientRoom = CLIENT_SIZE.width * m.k + 2 * 8 - 12 + ROW_GAP;
  const shift = Math.max(0, clientRoom - (perRow - first) * dx);
  const x = (column: number) => CENTER_X + (column - (perRow - 1) / 2) * dx;
  ids.forEach((id, i) => {
    const row = i < first ? 0 : 1 + Math.floor((i - first) / perRow);
    const k = row === 0 ? i : (i - first) % perRow;
    const y = CENTER_Y + (row - (rows - 1) / 2) * dy;
    if (row === 0) positions.set(id, { x: x(perRow - first + k) + shift, y });
    else positions.set(id, { x: x(row % 2 === 1 ? perRow - 1 - k : k), y });
  });
  return positions;
}

function nodeRect(p: Point, m: NodeMetrics): Rect {
  return { x: p.x - m.halfWidth, y: p.y - m.top, width: 2 * m.halfWidth, height: m.top + m.bottom };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * The frame around every node's texts, with the client box in its top-left corner. The box and its
 * label grow with the nodes' label scale `k`, so "Client" reads as well as the nodes' texts. If it would
 * cover a node, the frame grows upwards or to the left, whichever leaves the larger drawing in `box`.
 */
function frame(rects: readonly Rect[], k: number, box: BoxLike | null): { view: Rect; client: Rect } {
  const size = { width: CLIENT_SIZE.width * k, height: CLIENT_SIZE.height * k };
  // No nodes yet (before the first snapshot): the default frame.
  if (rects.length === 0)
    return { view: { x: 0, y: 0, width: VIEW_WIDTH, height: VIEW_HEIGHT }, client: { x: 18, y: 18, ...CLIENT_SIZE } };
  const margin = 12;
  const gap = 8;
  let x0 = Math.min(...rects.map((r) => r.x)) - margin;
  const y0 = Math.min(...rects.map((r) => r.y)) - margin;
  const x1 = Math.max(...rects.map((r) => r.x + r.width)) + margin;
  const y1 = Math.max(...rects.map((r) => r.y + r.height)) + margin;
  x0 = Math.min(x0, CENTER_X - size.width - 40);
  const inCorner: Rect = { x: x0 + gap, y: y0 + gap, ...size };
  if (!rects.some((r) => overlaps(r, inCorner)))
    return { view: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, client: inCorner };
  const upY = y0 - size.height - 2 * gap;
  const up = {
    view: { x: x0, y: upY, width: x1 - x0, height: y1 - upY },
    client: { x: x0 + gap, y: upY + gap, ...size },
  };
  const leftX = x0 - size.width - 2 * gap;
  const left = {
    view: { x: leftX, y: y0, width: x1 - leftX, height: y1 - y0 },
    client: { x: leftX + gap, y: y0 + gap, ...size },
  };
  return box && fitScale(box, left.view) > fitScale(box, up.view) ? left : up;
}

function fitScale(box: { width: number; height: number }, view: Rect): number {
  return Math.max(0, Math.min(box.width / view.width, box.height / view.height));
}

/** How much the texts must grow so the smallest one (16 units at k = 1) is `minTextPx` CSS pixels at `scale`. */
function labelScaleFor(scale: number, minTextPx: number, cap = MAX_LABEL_SCALE): number {
  // Capped: past this the texts would crowd out the ring itself (the panel is simply too small).
  return scale > 0 ? Math.min(cap, Math.max(1, minTextPx / (16 * scale))) : 1;
}

const MAX_LABEL_SCALE = 2.6;
/** In rows there is no ring for the texts to crowd: they may grow further. */
const MAX_ROWS_LABEL_SCALE = 8;

/** Where the servers outside the ring go: in columns to its right, or in rows below it. */
type ApartSide = 'right' | 'below';

/** The room between the ring's texts and the servers set apart from it. */
const APART_GAP = 48;
/** The room between two servers set apart. */
const APART_SPACING = 16;

/**
 * Spare servers and learners (§6, dissertation §4.2.1) sit apart from the ring of voters, so the
 * ring shows exactly who votes. Columns to the right of the ring (as many rows as the ring is
 * tall), or rows below it (as many as fit its width), centred on the ring.
 */
function apartPositions(
  apart: readonly NodeId[],
  ring: ReadonlyMap<NodeId, Point>,
  m: NodeMetrics,
  side: ApartSide,
): Map<NodeId, Point> {
  const positions = new Map<NodeId, Point>();
  if (apart.length === 0) return positions;
  const ringPoints = [...ring.values()];
  const xs = ringPoints.map((p) => p.x);
  const ys = ringPoints.map((p) => p.y);
  const minX = ringPoints.length > 0 ? Math.min(...xs) : CENTER_X;
  const maxX = ringPoints.length > 0 ? Math.max(...xs) : CENTER_X;
  const minY = ringPoints.length > 0 ? Math.min(...ys) : CENTER_Y;
  const maxY = ringPoints.length > 0 ? Math.max(...ys) : CENTER_Y;
  const width = 2 * m.halfWidth + APART_SPACING;
  const height = m.top + m.bottom + APART_SPACING;
  if (side === 'right') {
    const rows = Math.max(1, Math.floor((maxY - minY) / height) + 1);
    const x0 = maxX + 2 * m.halfWidth + APART_GAP;
    apart.forEach((id, i) => {
      const column = Math.floor(i / rows);
      const inColumn = Math.min(rows, apart.length - column * rows);
      const row = i % rows;
      const y = (minY + maxY) / 2 + (row - (inColumn - 1) / 2) * height + (m.top - m.bottom) / 2;
      positions.set(id, { x: x0 + column * width, y });
    });
  } else {
    const perRow = Math.max(1, Math.floor((maxX - minX) / width) + 1);
    const y0 = maxY + m.bottom + APART_GAP + m.top;
    apart.forEach((id, i) => {
      const row = Math.floor(i / perRow);
      const inRow = Math.min(perRow, apart.length - row * perRow);
      const column = i % perRow;
      positions.set(id, { x: (minX + maxX) / 2 + (column - (inRow - 1) / 2) * width, y: y0 + row * height });
    });
  }
  return positions;
}

/** How the ring's nodes are placed: on an ellipse (half-axes times the circle's radius), or folded into rows. */
type Placement = { readonly rx: number; readonly ry: number } | { readonly rows: number };

/** The ring placed as `placement` says, and the servers apart from it on `side`. */
function build(
  ids: readonly NodeId[],
  apart: readonly NodeId[],
  side: ApartSide,
  placement: Placement,
  k: number,
  box: BoxLike | null,
): Layout {
  // Sized by every server, so a node keeps its size as it joins or leaves the ring.
  const base = nodeRadiusFor(ids.length + apart.length);
  const metrics = nodeMetrics(base, k);
  // The ring does not grow with the nodes: larger texts use the room between them (the search below
  // stretches the ring where they would touch).
  const ring =
    'rows' in placement
      ? rowPositions(ids, placement.rows, metrics)
      : ringPositions(ids, RING_RADIUS * placement.rx, RING_RADIUS * placement.ry);
  const positions = new Map([...ring, ...apartPositions(apart, ring, metrics, side)]);
  const { view, client } = frame(
    [...positions.values()].map((p) => nodeRect(p, metrics)),
    metrics.k,
    box,
  );
  return {
    nodeRadius: metrics.r,
    positions,
    ring: ids,
    apart,
    metrics,
    view,
    client,
    scale: box ? fitScale(box, view) : 0,
  };
}

interface BoxLike {
  readonly width: number;
  readonly height: number;
}

function collides(layout: Layout): boolean {
  const rects = [...layout.positions.values()].map((p) => nodeRect(p, layout.metrics));
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length; j++) if (overlaps(rects[i]!, rects[j]!)) return true;
  return false;
}

/**
 * The ring laid out for a drawing box of `box` CSS pixels: nodes on an ellipse stretched to the
 * box's shape (a wide, short stage gets a wide ring, so the drawing is as large as it can be),
 * texts grown until the smallest is `minTextPx`, and no node's texts touching another's.
 * Without a box (before measuring, or where the box follows the drawing), a circle.
 */
export function layoutRing(
  ids: readonly NodeId[],
  box: BoxLike | null = null,
  minTextPx = 0,
  apart: readonly NodeId[] = [],
): Layout {
  const circle = (side: ApartSide) => (k: number) => build(ids, apart, side, { rx: 1, ry: 1 }, k, box);
  if (!box || box.width <= 0 || box.height <= 0) return circle('right')(1);
  const settle = (make: (k: number) => Layout, cap = MAX_LABEL_SCALE): Layout => {
    // The label scale depends on the drawing's scale, which depends on the labels: a few rounds settle it.
    // Until it stops moving (a wide drawing settles in a few rounds; rows, whose size follows k
    // closely, need more).
    let layout = make(1);
    for (let round = 0; round < 40; round++) {
      const k = labelScaleFor(layout.scale, minTextPx, cap);
      if (Math.abs(k - layout.metrics.k) < 0.0005 * k) break;
      layout = make(k);
    }
    return layout;
  };
  const sides: readonly ApartSide[] = apart.length > 0 ? ['right', 'below'] : ['right'];
  // The texts reach the asked size (within rounding), or no layout of this family could do better.
  const readable = (l: Layout): boolean => 16 * l.metrics.k * l.scale >= minTextPx * 0.995;
  let best = settle(circle('right'));
  let bestCollides = collides(best);
  let bestReadable = readable(best);
  const consider = (candidate: Layout): void => {
    const touching = collides(candidate);
    const reads = readable(candidate);
    // No texts touching comes first; then texts at the asked size; then the larger drawing.
    const better =
      bestCollides !== touching ? !touching : bestReadable !== reads ? reads : candidate.scale > best.scale * 1.01;
    if (better) {
      best = candidate;
      bestCollides = touching;
      bestReadable = reads;
    }
  };
  if (apart.length > 0) consider(settle(circle('below')));
  if (ids.length < 2) return best;
  for (const ryFactor of [1.4, 1.2, 1, 0.85, 0.72, 0.6, 0.5, 0.42, 0.34, 0.26]) {
    for (const rxFactor of [1, 1.2, 1.45, 1.7, 2, 2.4, 2.9, 3.5, 4.2]) {
      if (rxFactor === 1 && ryFactor === 1) continue;
      for (const side of sides)
        consider(settle((k) => build(ids, apart, side, { rx: rxFactor, ry: ryFactor }, k, box)));
    }
  }
  // Only when no ellipse keeps texts of the asked size apart: rows (a ring drawn as a ring reads better).
  if ((bestCollides || !bestReadable) && ids.length >= 4)
    for (const rows of [2, 3])
      for (const side of sides)
        consider(settle((k) => build(ids, apart, side, { rows }, k, box), MAX_ROWS_LABEL_SCALE));
  return best;
}

export function endpointCenter(layout: Layout, endpoint: Endpoint): Point | undefined {
  if (endpoint === CLIENT)
    return { x: layout.client.x + layout.client.width / 2, y: layout.client.y + layout.client.height / 2 };
  return layout.positions.get(endpoint);
}

export interface Segment {
  readonly from: Point;
  readonly to: Point;
}

/**
 * The lane a message from `from` to `to` travels along: from the sender's edge to the
 * receiver's edge, shifted to the right of its direction so the reply does not hide it.
 */
export function messagePath(layout: Layout, from: Endpoint, to: Endpoint): Segment | undefined {
  const a = endpointCenter(layout, from);
  const b = endpointCenter(layout, to);
  if (!a || !b) return undefined;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return { from: a, to: b };
  const ux = dx / length;
  const uy = dy / length;
  // A message to or from the client leaves from its box's edge where the lane crosses it, not from inside
  // the box: the box is wide, and a message starting within it would cover its label.
  const clientInset = boxExit(layout.client, ux, uy) + 2;
  const insetA = from === CLIENT ? clientInset : layout.nodeRadius;
  const insetB = to === CLIENT ? clientInset : layout.nodeRadius;
  // Right-hand normal of the direction of travel (SVG y points down).
  const nx = -uy * LANE_OFFSET;
  const ny = ux * LANE_OFFSET;
  return {
    from: { x: a.x + ux * insetA + nx, y: a.y + uy * insetA + ny },
    to: { x: b.x - ux * insetB + nx, y: b.y - uy * insetB + ny },
  };
}

/** How far from a box's centre a line in direction (ux, uy) leaves the box. */
function boxExit(box: Rect, ux: number, uy: number): number {
  const alongX = ux === 0 ? Infinity : box.width / 2 / Math.abs(ux);
  const alongY = uy === 0 ? Infinity : box.height / 2 / Math.abs(uy);
  return Math.min(alongX, alongY);
}

/** How far along its path a message is at `time`: 0 when sent, 1 when it arrives (clamped). */
export function travelFraction(time: number, sentAt: number, deliverAt: number): number {
  if (deliverAt <= sentAt) return 1;
  return Math.min(1, Math.max(0, (time - sentAt) / (deliverAt - sentAt)));
}

export function pointAlong(segment: Segment, fraction: number): Point {
  return {
    x: segment.from.x + (segment.to.x - segment.from.x) * fraction,
    y: segment.from.y + (segment.to.y - segment.from.y) * fraction,
  };
}

/** What is left of a timer at `time`: 1 just armed, 0 at its deadline. */
export function timerRemaining(time: number, armedAt: number, deadline: number): number {
  if (deadline <= armedAt) return 0;
  return Math.min(1, Math.max(0, (deadline - time) / (deadline - armedAt)));
}

/** Corner radius of a timer ring's ends, in viewBox units. */
const ARC_CORNER = 2;

/** Path numbers to three decimals, as d3-path writes them. */
const num = (v: number): string => String(Math.round(v * 1000) / 1000);
/** The point at radius `r` and angle `a` clockwise from 12 o'clock. */
const polar = (r: number, a: number): string => `${num(r * Math.sin(a))},${num(-r * Math.cos(a))}`;

/**
 * A ring segment clockwise from 12 o'clock covering `fraction` of the circle, centred on (0, 0), its four
 * corners rounded. The same path as d3-shape's arc().cornerRadius(2) (the test holds it to that), written
 * out because d3-shape would cost ≈ 4 kB gzip of the first load for this one shape. Only a sliver too thin
 * for two corners differs: its corners shrink until they meet, where d3 merges them into one arc.
 */
export function ringArc(inner: number, outer: number, fraction: number): string {
  const angle = 2 * Math.PI * Math.min(1, Math.max(0, fraction));
  const r0 = Math.min(inner, outer);
  const r1 = Math.max(inner, outer);
  if (angle <= 1e-12) return `M${polar(r1, 0)}L${polar(r0, 0)}Z`;
  if (angle >= 2 * Math.PI - 1e-12) {
    // A full annulus: the outer circle clockwise, the inner one back, so the hole stays empty.
    return (
      `M${polar(r1, 0)}A${num(r1)},${num(r1)},0,1,1,${polar(r1, Math.PI)}A${num(r1)},${num(r1)},0,1,1,${polar(r1, 0)}` +
      `M${polar(r0, 0)}A${num(r0)},${num(r0)},0,1,0,${polar(r0, Math.PI)}A${num(r0)},${num(r0)},0,1,0,${polar(r0, 0)}Z`
    );
  }
  // A corner circle touches its ring and the radial edge: its centre sits rc in from both. Where the inner
  // corners would overlap (a thin sliver), the radius shrinks so that they just meet.
  const half = Math.sin(Math.min(angle, Math.PI) / 2);
  const rc = Math.min(ARC_CORNER, (r1 - r0) / 2, (r0 * half) / (1 - half));
  const outerShift = Math.asin(rc / (r1 - rc));
  const innerShift = Math.asin(rc / (r0 + rc));
  const outerEdge = Math.sqrt((r1 - rc) ** 2 - rc * rc);
  const innerEdge = Math.sqrt((r0 + rc) ** 2 - rc * rc);
  const corner = `A${num(rc)},${num(rc)},0,0,1,`;
  const large = angle - 2 * outerShift > Math.PI ? 1 : 0;
  const largeInner = angle - 2 * innerShift > Math.PI ? 1 : 0;
  return (
    `M${polar(outerEdge, 0)}${corner}${polar(r1, outerShift)}` +
    `A${num(r1)},${num(r1)},0,${large},1,${polar(r1, angle - outerShift)}${corner}${polar(outerEdge, angle)}` +
    `L${polar(innerEdge, angle)}${corner}${polar(r0, angle - innerShift)}` +
    `A${num(r0)},${num(r0)},0,${largeInner},0,${polar(r0, innerShift)}${corner}${polar(innerEdge, 0)}Z`
  );
}

/**
 * The outline of a group of nodes on the ring. Points on a circle are in convex position,
 * so the members in ring order already form their convex hull.
 */
export function groupOutline(layout: Layout, ids: readonly NodeId[], order: readonly NodeId[]): string {
  const points = order.filter((id) => ids.includes(id)).map((id) => layout.positions.get(id)!);
  if (points.length === 0) return '';
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('') + 'Z';
}

/** The convex hull of `points` (Andrew's monotone chain), clockwise on screen (SVG y points down). */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length <= 2) return sorted;
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const half = (list: readonly Point[]): Point[] => {
    const out: Point[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  const hull = [...half(sorted), ...half([...sorted].reverse())];
  return hull.length > 0 ? hull : [sorted[0]!];
}

const f1 = (v: number): string => v.toFixed(1);

/**
 * The outline that keeps `pad` away from every one of `points`: their convex hull grown by
 * `pad`, with round corners (one node: a circle; two: a capsule). Used to draw a voter set.
 */
export function roundedHull(points: readonly Point[], pad: number): string {
  const hull = convexHull(points);
  if (hull.length === 0) return '';
  if (hull.length === 1) {
    const { x, y } = hull[0]!;
    return `M${f1(x - pad)},${f1(y)}A${pad},${pad} 0 1 1 ${f1(x + pad)},${f1(y)}A${pad},${pad} 0 1 1 ${f1(x - pad)},${f1(y)}Z`;
  }
  // Each edge moved out along its outward normal; an arc of radius `pad` round each corner joins them.
  const normals = hull.map((a, i) => {
    const b = hull[(i + 1) % hull.length]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    return { x: (b.y - a.y) / len, y: -(b.x - a.x) / len };
  });
  const out = (p: Point, n: Point) => `${f1(p.x + n.x * pad)},${f1(p.y + n.y * pad)}`;
  let d = `M${out(hull[0]!, normals[0]!)}`;
  hull.forEach((_, i) => {
    const next = hull[(i + 1) % hull.length]!;
    d += `L${out(next, normals[i]!)}`;
    d += `A${pad},${pad} 0 0 1 ${out(next, normals[(i + 1) % hull.length]!)}`;
  });
  return `${d}Z`;
}

/** Distance from p to the segment a–b. */
function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Whether p lies inside the polygon (even-odd rule). */
function insidePolygon(p: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/**
 * Whether a group's outline (the polygon through its members, drawn with a stroke `pad` wide on each side)
 * stays `clearance` away from every other node. On a flattened ring the chord between two members can pass
 * right over a node of another group, which would then look like one of them.
 */
export function outlineClearOf(members: readonly Point[], others: readonly Point[], clearance: number): boolean {
  if (members.length === 0) return true;
  return others.every((p) => {
    if (members.length >= 3 && insidePolygon(p, members)) return false;
    let nearest = Infinity;
    members.forEach((a, i) => {
      const b = members[(i + 1) % members.length]!;
      nearest = Math.min(nearest, distanceToSegment(p, a, b));
    });
    return nearest >= clearance;
  });
}
