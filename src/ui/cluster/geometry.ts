// Where things sit in the cluster drawing: nodes on a ring, the client in a corner,
// and the straight paths messages travel along. Pure functions of the node list and
// of virtual time, so a paused or rewound screen is exact.

import { arc } from 'd3-shape';
import type { NodeId } from '../../raft/types';
import { CLIENT, type Endpoint } from '../../sim/types';

export const VIEW_WIDTH = 1000;
export const VIEW_HEIGHT = 840;
const CENTER_X = 500;
const CENTER_Y = 420;
export const RING_CENTER: Point = { x: CENTER_X, y: CENTER_Y };
const RING_RADIUS = 285;

/** The client box, off the ring in the top-left corner. */
export const CLIENT_BOX = { x: 18, y: 18, width: 150, height: 56 } as const;
const CLIENT_CENTER = { x: CLIENT_BOX.x + CLIENT_BOX.width / 2, y: CLIENT_BOX.y + CLIENT_BOX.height / 2 };
/** How far a message path starts from the client box's centre (it leaves from the box's edge). */
const CLIENT_INSET = 30;

/** Requests and replies on the same link travel on two lanes, this far apart on each side. */
const LANE_OFFSET = 9;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Layout {
  readonly nodeRadius: number;
  readonly positions: ReadonlyMap<NodeId, Point>;
}

/** Node radius shrinks a little as the ring fills, so 9 nodes and their labels still fit. */
function nodeRadiusFor(count: number): number {
  if (count <= 5) return 80;
  if (count <= 7) return 70;
  return 60;
}

/** Nodes clockwise from 12 o'clock, in the order the cluster lists them. */
export function layoutRing(ids: readonly NodeId[]): Layout {
  const positions = new Map<NodeId, Point>();
  const count = ids.length;
  ids.forEach((id, i) => {
    if (count === 1) {
      positions.set(id, { x: CENTER_X, y: CENTER_Y });
      return;
    }
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
    positions.set(id, { x: CENTER_X + RING_RADIUS * Math.cos(angle), y: CENTER_Y + RING_RADIUS * Math.sin(angle) });
  });
  return { nodeRadius: nodeRadiusFor(count), positions };
}

export function endpointCenter(layout: Layout, endpoint: Endpoint): Point | undefined {
  if (endpoint === CLIENT) return CLIENT_CENTER;
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
  const insetA = from === CLIENT ? CLIENT_INSET : layout.nodeRadius;
  const insetB = to === CLIENT ? CLIENT_INSET : layout.nodeRadius;
  // Right-hand normal of the direction of travel (SVG y points down).
  const nx = -uy * LANE_OFFSET;
  const ny = ux * LANE_OFFSET;
  return {
    from: { x: a.x + ux * insetA + nx, y: a.y + uy * insetA + ny },
    to: { x: b.x - ux * insetB + nx, y: b.y - uy * insetB + ny },
  };
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

const arcPath = arc<{ inner: number; outer: number; end: number }>()
  .innerRadius((d) => d.inner)
  .outerRadius((d) => d.outer)
  .startAngle(0)
  .endAngle((d) => d.end)
  .cornerRadius(2);

/** A ring segment clockwise from 12 o'clock covering `fraction` of the circle, centred on (0, 0). */
export function ringArc(inner: number, outer: number, fraction: number): string {
  return arcPath({ inner, outer, end: 2 * Math.PI * Math.min(1, Math.max(0, fraction)) }) ?? '';
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
