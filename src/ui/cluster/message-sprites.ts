// Where each message is drawn at an instant, and how: a pure function of the snapshot's virtual
// time, the messages in flight and the ones dropped a moment ago. The canvas paints these and
// the overlay of message buttons sits on them, so both always agree with the engine.

import type { DropReason, DroppedMessage, Envelope } from '../../sim/types';
import { CLIENT, type Endpoint } from '../../sim/types';
import { messagePath, pointAlong, travelFraction, type Layout, type Segment } from './geometry';
import { messageLook, type MessageLook } from './message-kind';
import { DOT_SCALE, HOVER_SCALE, SELECT_RADIUS } from './message-shape';

/** How long (virtual ms) a dropped message takes to fade out; the snapshot keeps them about this long. */
export const FADE_MS = 60;

export interface MessageSprite {
  readonly message: Envelope;
  readonly x: number;
  readonly y: number;
  readonly look: MessageLook;
  readonly scale: number;
  readonly selected: boolean;
  readonly hovered: boolean;
}

export interface FadingSprite {
  readonly x: number;
  readonly y: number;
  readonly look: MessageLook;
  readonly scale: number;
  /** 1 when it died, 0 FADE_MS later. */
  readonly opacity: number;
  readonly reason: DropReason;
}

export type Lanes = ReadonlyMap<string, Segment>;

/** Every lane of the ring once (both directions of every pair, the client included). */
export function lanesOf(layout: Layout): Lanes {
  const endpoints: Endpoint[] = [CLIENT, ...layout.positions.keys()];
  const lanes = new Map<string, Segment>();
  for (const a of endpoints)
    for (const b of endpoints) {
      if (a === b) continue;
      const path = messagePath(layout, a, b);
      if (path) lanes.set(`${a}>${b}`, path);
    }
  return lanes;
}

function laneOf(lanes: Lanes, message: Envelope): Segment | undefined {
  return lanes.get(`${message.from}>${message.to}`);
}

/** The messages in flight at `time`, in the order they are drawn (later ones on top). */
export function placeMessages(
  lanes: Lanes,
  time: number,
  messages: readonly Envelope[],
  selected: number | null,
  hovered: number | null,
): MessageSprite[] {
  const sprites: MessageSprite[] = [];
  for (const message of messages) {
    const lane = laneOf(lanes, message);
    if (!lane) continue;
    const p = pointAlong(lane, travelFraction(time, message.sentAt, message.deliverAt));
    const isHovered = hovered === message.id;
    sprites.push({
      message,
      x: p.x,
      y: p.y,
      look: messageLook(message.payload),
      scale: isHovered ? DOT_SCALE * HOVER_SCALE : DOT_SCALE,
      selected: selected === message.id,
      hovered: isHovered,
    });
  }
  return sprites;
}

/** Messages that died in the last FADE_MS virtual ms, fading where they died. */
export function placeDropped(lanes: Lanes, time: number, dropped: readonly DroppedMessage[]): FadingSprite[] {
  const sprites: FadingSprite[] = [];
  for (const d of dropped) {
    const lane = laneOf(lanes, d.message);
    const opacity = Math.max(0, 1 - (time - d.droppedAt) / FADE_MS);
    if (!lane || opacity <= 0) continue;
    const p = pointAlong(lane, travelFraction(d.droppedAt, d.message.sentAt, d.message.deliverAt));
    sprites.push({ x: p.x, y: p.y, look: messageLook(d.message.payload), scale: DOT_SCALE, opacity, reason: d.reason });
  }
  return sprites;
}

/** The message drawn on top at (x, y) in viewBox units: within its selection ring, the last one drawn wins. */
export function spriteAt(sprites: readonly MessageSprite[], x: number, y: number): MessageSprite | undefined {
  for (let i = sprites.length - 1; i >= 0; i--) {
    const s = sprites[i]!;
    if (Math.hypot(s.x - x, s.y - y) <= SELECT_RADIUS * s.scale) return s;
  }
  return undefined;
}
