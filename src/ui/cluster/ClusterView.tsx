// The live cluster: the voters on a ring (spare servers and learners apart from it, §6), the
// network between them and every message in flight, all placed by the snapshot's virtual time.
// The SVG scales with its box through its viewBox.

import { MotionProvider } from './motion-context';
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { useLessonFocus } from '../lessons/lesson-state';
import { useViolationHighlight } from '../safety/highlight';
import { useMeasuredBox } from '../use-box-size';
import { usePresentStore } from '../chrome/present-store';
import { layoutRing, VIEW_HEIGHT, VIEW_WIDTH, type Rect } from './geometry';
import { MessageLegend } from './MessageLegend';
import { MessageLayer } from './MessageLayer';
import { DOT_SCALE, HEARTBEAT_RADIUS } from './message-shape';
import { MembershipKey } from './MembershipKey';
import { parseRingSplit, ringSplitKey } from './membership-view';
import { QuorumOutlines } from './QuorumOutlines';
import { NodeBadge } from './NodeBadge';
import { NetworkLayer } from './PartitionLines';
import { PartitionKey } from './PartitionKey';
import styles from './Cluster.module.css';
import { STRINGS } from './strings';

/** The smallest text on the ring, in CSS pixels: what the back row of a classroom can read while presenting. */
const MIN_TEXT_PX = { normal: 12, presenting: 18 } as const;
/** The smallest message glyph, in CSS pixels. */
const MIN_GLYPH_PX = { normal: 16, presenting: 24 } as const;
/** The smallest message's width in viewBox units (a heartbeat, drawn DOT_SCALE larger): every message meets the minimum. */
const GLYPH_UNITS = 2 * HEARTBEAT_RADIUS * DOT_SCALE;
/** The client's label at label scale 1, in viewBox units (a little larger than a node's 16-unit caption). */
const CLIENT_TEXT_UNITS = 20;
/** Below this width the drawing's height follows its width (one column): the ring stays a circle. */
const STRETCH_FROM_PX = 600;

/** The client's box; `k` is the nodes' label scale, so its label grows with theirs. */
function ClientBox({ box, k }: { box: Rect; k: number }) {
  const t = useStrings(STRINGS);
  return (
    <g className={styles.client} aria-hidden="true">
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={10 * k} />
      <text
        x={box.x + box.width / 2}
        y={box.y + box.height / 2 + 8 * k}
        textAnchor="middle"
        style={{ fontSize: `${CLIENT_TEXT_UNITS * k}px` }}
      >
        ⌨ {t.client}
      </text>
    </g>
  );
}

export function ClusterView() {
  const ids = useSimStore(useShallow((s) => s.snapshot?.nodes.map((n) => n.id) ?? []));
  // The ring re-forms round the voters of the configuration the cluster follows, as it changes.
  const splitKey = useSimStore((s) => ringSplitKey(s.snapshot));
  const { ring, apart } = useMemo(() => parseRingSplit(splitKey), [splitKey]);
  const t = useStrings(STRINGS);
  const presenting = usePresentStore((s) => s.presenting);
  // Pointed out on the ring: the nodes a violation names, and the nodes the lesson's pause is about.
  const violations = useViolationHighlight();
  const focus = useLessonFocus();
  // The messages are painted over the SVG in CSS pixels: they need the drawing's rendered size.
  const drawing = useRef<HTMLDivElement>(null);
  const [box, measureDrawing] = useMeasuredBox(drawing, { width: VIEW_WIDTH, height: VIEW_HEIGHT });
  const mode = presenting ? 'presenting' : 'normal';
  // Laid out for the panel's size: a wide stage gets a wide ring, a small one larger texts.
  const layout = useMemo(
    () =>
      box.width < STRETCH_FROM_PX
        ? layoutRing(ring, { width: box.width, height: box.width * 10 }, MIN_TEXT_PX[mode], apart)
        : layoutRing(ring, box, MIN_TEXT_PX[mode], apart),
    [ring, apart, box, mode],
  );
  const glyph = layout.scale > 0 ? Math.max(1, MIN_GLYPH_PX[mode] / (GLYPH_UNITS * layout.scale)) : 1;
  const { view } = layout;

  return (
    <MotionProvider drawn={ids.length > 0}>
      <figure className={styles.view}>
        <div className={styles.body}>
          <div ref={measureDrawing} className={styles.drawing}>
            <svg
              className={styles.svg}
              viewBox={`${view.x.toFixed(1)} ${view.y.toFixed(1)} ${view.width.toFixed(1)} ${view.height.toFixed(1)}`}
              role="group"
              aria-label={t.clusterLabel}
            >
              <defs>
                <marker
                  id="cut-arrow"
                  viewBox="0 0 10 10"
                  refX={8}
                  refY={5}
                  markerWidth={7}
                  markerHeight={7}
                  orient="auto-start-reverse"
                >
                  <path d="M0,0 L10,5 L0,10 Z" fill="#b91c1c" />
                </marker>
              </defs>
              <QuorumOutlines layout={layout} />
              <NetworkLayer layout={layout} ids={ids} />
              <ClientBox box={layout.client} k={layout.metrics.k} />
              {ids.map((id) => {
                const p = layout.positions.get(id);
                if (!p) return null;
                const violation = violations.now.includes(id)
                  ? 'now'
                  : violations.nodes.includes(id)
                    ? 'past'
                    : undefined;
                return (
                  <NodeBadge
                    key={id}
                    id={id}
                    x={p.x}
                    y={p.y}
                    metrics={layout.metrics}
                    violation={violation}
                    focus={focus?.nodes?.includes(id) ?? false}
                  />
                );
              })}
            </svg>
            <MessageLayer layout={layout} box={box} drawing={drawing} glyph={glyph} />
          </div>
          <PartitionKey />
          <MembershipKey />
          <MessageLegend />
        </div>
      </figure>
    </MotionProvider>
  );
}
