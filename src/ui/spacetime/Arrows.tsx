// The space-time diagram's arrows, drawn so that playing costs little per frame.
//
// The window slides with the run every frame. Were arrows placed in window coordinates, every
// element of every arrow would move each frame (hundreds of arrows, each several elements: the
// heavy case spent most of its frame re-setting SVG attributes). Instead arrows are placed in
// "plot" coordinates fixed to an origin that only moves once per window span; the diagram slides
// them with one transform on their group. An arrow is then redrawn only when it changes itself.
// A message in flight is drawn whole, from its send to its arrival, and clipped at the cursor: the
// visible part is exactly the segment from its send to where it is now (it moves linearly), and
// only the clip and the heads at the cursor move each frame.

import { memo, type KeyboardEvent } from 'react';
import { messageLook } from '../cluster/message-kind';
import {
  carriesGlyph,
  CROSS_HALF,
  DASH,
  SEND_DOT_RADIUS,
  strokeOpacity,
  strokeWidth,
  tipPath,
  type Emphasis,
} from './arrow-look';
import { fractionAt, type Arrow } from './layout';
import styles from './SpaceTime.module.css';

export type { Emphasis } from './arrow-look';

/** Time to x within the sliding group: (t − origin) × pxPerMs. */
export interface Plot {
  readonly origin: number;
  readonly pxPerMs: number;
}

export const plotX = (plot: Plot, time: number): number => (time - plot.origin) * plot.pxPerMs;

interface GlyphProps {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly glyph: string;
  readonly color: string;
}

/** The message's kind glyph half-way along the part drawn, on arrows long enough to carry it. */
function MidGlyph({ x1, y1, x2, y2, glyph, color }: GlyphProps) {
  if (!carriesGlyph(x1, y1, x2, y2)) return null;
  return (
    <text
      x={(x1 + x2) / 2}
      y={(y1 + y2) / 2 - 4}
      textAnchor="middle"
      className={styles.glyph}
      fill={color}
      aria-hidden="true"
    >
      {glyph}
    </text>
  );
}

interface ArrowProps {
  readonly arrow: Arrow;
  readonly plot: Plot;
  readonly fromY: number;
  readonly toY: number;
  readonly label: string;
  readonly emphasis: Emphasis;
  /** Stable across renders (the diagram passes callbacks that read its latest state). */
  readonly onClick: (arrow: Arrow, clientX: number | null) => void;
  readonly onHover: (id: number | null) => void;
  /** For a message in flight: the clip that shows the part sent so far. */
  readonly clip: string | undefined;
}

/** One message: its line (whole, for one in flight: the group's clip shows the part sent so far), send dot, end. */
function ArrowShape({ arrow, plot, fromY, toY, label, emphasis, onClick, onHover, clip }: ArrowProps) {
  const look = messageLook(arrow.payload);
  const inFlight = arrow.state === 'inFlight';
  const x1 = plotX(plot, arrow.sentAt);
  const x2 = plotX(plot, inFlight ? (arrow.endsAt ?? arrow.headAt) : arrow.headAt);
  const y2 = arrow.diesMidway ? (fromY + toY) / 2 : toY;
  const width = strokeWidth(emphasis, arrow.heartbeat);
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onClick(arrow, null);
    }
  };
  return (
    <g
      className={styles.arrow}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-pressed={emphasis === 'selected'}
      data-state={arrow.state}
      clipPath={clip}
      onClick={(e) => {
        e.stopPropagation();
        onClick(arrow, e.clientX);
      }}
      onKeyDown={onKeyDown}
      onPointerEnter={() => onHover(arrow.id)}
      onPointerLeave={() => onHover(null)}
      onFocus={() => onHover(arrow.id)}
      onBlur={() => onHover(null)}
    >
      <title>{label}</title>
      <line x1={x1} y1={fromY} x2={x2} y2={y2} className={styles.hit} />
      <line
        x1={x1}
        y1={fromY}
        x2={x2}
        y2={y2}
        stroke={look.color}
        strokeWidth={width}
        strokeDasharray={look.dashed || inFlight ? DASH.join(' ') : undefined}
        strokeOpacity={strokeOpacity(emphasis, arrow.heartbeat)}
      />
      {!arrow.heartbeat && <circle cx={x1} cy={fromY} r={SEND_DOT_RADIUS} fill={look.color} />}
      {inFlight ? null : arrow.state === 'dropped' ? (
        <path
          d={`M${x2 - CROSS_HALF},${y2 - CROSS_HALF} L${x2 + CROSS_HALF},${y2 + CROSS_HALF} M${x2 + CROSS_HALF},${
            y2 - CROSS_HALF
          } L${x2 - CROSS_HALF},${y2 + CROSS_HALF}`}
          className={styles.cross}
          data-testid="drop-cross"
        />
      ) : (
        <path d={tipPath(x2, y2, Math.atan2(y2 - fromY, x2 - x1))} fill={look.color} />
      )}
      {!inFlight && !arrow.heartbeat && (
        <MidGlyph x1={x1} y1={fromY} x2={x2} y2={y2} glyph={look.glyph} color={look.color} />
      )}
    </g>
  );
}

/** Redraw an arrow only when something it shows changed (a flying one's head is drawn by InFlightHeads). */
function sameArrow(a: ArrowProps, b: ArrowProps): boolean {
  const p = a.arrow;
  const q = b.arrow;
  return (
    p.id === q.id &&
    p.state === q.state &&
    p.sentAt === q.sentAt &&
    p.endsAt === q.endsAt &&
    (p.state === 'inFlight' || p.headAt === q.headAt) &&
    p.diesMidway === q.diesMidway &&
    p.heartbeat === q.heartbeat &&
    p.payload === q.payload &&
    a.plot.origin === b.plot.origin &&
    a.plot.pxPerMs === b.plot.pxPerMs &&
    a.fromY === b.fromY &&
    a.toY === b.toY &&
    a.label === b.label &&
    a.emphasis === b.emphasis &&
    a.onClick === b.onClick &&
    a.onHover === b.onHover &&
    a.clip === b.clip
  );
}

export const ArrowView = memo(ArrowShape, sameArrow);

interface HeadsProps {
  readonly arrows: readonly Arrow[];
  readonly plot: Plot;
  readonly now: number;
  readonly laneY: ReadonlyMap<string, number>;
  readonly top: number;
}

/** Where each message in flight is now: its head at the cursor, and its glyph mid-way along the part drawn. */
export function InFlightHeads({ arrows, plot, now, laneY, top }: HeadsProps) {
  const xNow = plotX(plot, now);
  return (
    <g aria-hidden="true" pointerEvents="none">
      {arrows.map((a) => {
        if (a.state !== 'inFlight') return null;
        const look = messageLook(a.payload);
        const fromY = laneY.get(a.from) ?? top;
        const toY = laneY.get(a.to) ?? top;
        const x1 = plotX(plot, a.sentAt);
        const y2 = fromY + fractionAt(a.sentAt, a.endsAt ?? now, now) * (toY - fromY);
        const angle = Math.atan2(toY - fromY, plotX(plot, a.endsAt ?? now) - x1);
        return (
          <g key={a.id}>
            <path d={tipPath(xNow, y2, angle)} fill={look.color} />
            {!a.heartbeat && <MidGlyph x1={x1} y1={fromY} x2={xNow} y2={y2} glyph={look.glyph} color={look.color} />}
          </g>
        );
      })}
    </g>
  );
}
