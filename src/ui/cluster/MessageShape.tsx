// A message's shape and glyph as SVG, for the message key and the details panel. The messages in
// flight are painted on a canvas from the same geometry (message-shape.ts).

import type { MessageLook } from './message-kind';
import { GLYPH_BASELINE, glyphColor, shapeInk, shapePath } from './message-shape';
import styles from './Cluster.module.css';

export function MessageShape({ look }: { look: MessageLook }) {
  const ink = shapeInk(look);
  return (
    <>
      <path
        d={shapePath(look)}
        fill={ink.fill}
        stroke={ink.stroke}
        strokeWidth={ink.strokeWidth}
        strokeDasharray={ink.dash ? ink.dash.join(' ') : undefined}
      />
      <text className={styles.msgGlyph} y={GLYPH_BASELINE} textAnchor="middle" fill={glyphColor(look)}>
        {look.glyph}
      </text>
    </>
  );
}
