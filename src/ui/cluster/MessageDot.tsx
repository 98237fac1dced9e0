// One message on the wire: a shape and a glyph per kind (never colour alone), drawn
// where virtual time puts it. Clicking or pressing Enter selects it for the details panel.

import { memo, type KeyboardEvent } from 'react';
import type { MessageLook } from './message-kind';
import styles from './Cluster.module.css';

/** Messages are drawn a little larger than their shapes' unit size, to read from the back of a room. */
const DOT_SCALE = 1.2;

/** Dark glyph on light fills, white on the rest. */
function glyphColor(look: MessageLook): string {
  return look.kind === 'heartbeat' ? '#0f172a' : '#ffffff';
}

function pillWidth(glyph: string): number {
  return Math.max(36, glyph.length * 9 + 18);
}

export function MessageShape({ look }: { look: MessageLook }) {
  const common = {
    fill: look.color,
    stroke: look.dashed ? '#0f172a' : '#ffffff',
    strokeWidth: look.dashed ? 2 : 1.5,
    strokeDasharray: look.dashed ? '4 3' : undefined,
  };
  let shape;
  switch (look.shape) {
    case 'diamond':
      shape = <path d="M0,-19 L19,0 L0,19 L-19,0 Z" {...common} />;
      break;
    case 'circle':
      shape = <circle r={look.kind === 'heartbeat' ? 12 : 14} {...common} />;
      break;
    case 'square':
      shape = <rect x={-13} y={-13} width={26} height={26} rx={3} {...common} />;
      break;
    case 'envelope':
      shape = <rect x={-20} y={-14} width={40} height={28} rx={4} {...common} />;
      break;
    case 'pill': {
      const w = pillWidth(look.glyph);
      shape = <rect x={-w / 2} y={-13} width={w} height={26} rx={13} {...common} />;
      break;
    }
  }
  return (
    <>
      {shape}
      <text className={styles.msgGlyph} y={5} textAnchor="middle" fill={glyphColor(look)}>
        {look.glyph}
      </text>
    </>
  );
}

interface MessageDotProps {
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly look: MessageLook;
  readonly label: string;
  readonly selected: boolean;
  /** Pointed at elsewhere (space-time diagram, manual delivery list): drawn larger, with a halo. */
  readonly hovered?: boolean;
  readonly onSelect: (id: number) => void;
}

export const MessageDot = memo(function MessageDot({
  id,
  x,
  y,
  look,
  label,
  selected,
  hovered = false,
  onSelect,
}: MessageDotProps) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(id);
    }
  };
  return (
    <g
      className={styles.msg}
      transform={`translate(${x.toFixed(1)} ${y.toFixed(1)}) scale(${hovered ? DOT_SCALE * 1.5 : DOT_SCALE})`}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-pressed={selected}
      data-kind={look.kind}
      data-hovered={hovered || undefined}
      data-x={x.toFixed(1)}
      data-y={y.toFixed(1)}
      onClick={() => onSelect(id)}
      onKeyDown={onKeyDown}
    >
      <circle className={styles.msgFocus} r={25} />
      {hovered && <circle className={styles.msgHovered} r={30} />}
      {selected && <circle className={styles.msgSelected} r={25} />}
      <MessageShape look={look} />
    </g>
  );
});

/** A message that died in the last few virtual ms: it fades where it died, under a red cross. */
export const DroppedDot = memo(function DroppedDot({
  x,
  y,
  look,
  opacity,
  reason,
}: {
  x: number;
  y: number;
  look: MessageLook;
  opacity: number;
  reason: string;
}) {
  return (
    <g
      className={styles.dropped}
      transform={`translate(${x.toFixed(1)} ${y.toFixed(1)}) scale(${DOT_SCALE})`}
      opacity={opacity.toFixed(2)}
      data-dropped={reason}
      aria-hidden="true"
    >
      <MessageShape look={look} />
      <path className={styles.dropCross} d="M-16,-16 L16,16 M16,-16 L-16,16" />
    </g>
  );
});
