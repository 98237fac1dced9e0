// The live cluster: nodes on a ring, the network between them and every message in flight,
// all placed by the snapshot's virtual time. The SVG scales with its box through its viewBox.

import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { useLessonFocus } from '../lessons/lesson-state';
import { useViolationHighlight } from '../safety/highlight';
import { useBoxSize } from '../use-box-size';
import { CLIENT_BOX, layoutRing, VIEW_HEIGHT, VIEW_WIDTH } from './geometry';
import { MessageLegend } from './MessageLegend';
import { MessageLayer } from './MessageLayer';
import { MotionProvider } from './motion-context';
import { NodeBadge } from './NodeBadge';
import { NetworkLayer } from './PartitionLines';
import styles from './Cluster.module.css';
import { STRINGS } from './strings';

function ClientBox() {
  const t = useStrings(STRINGS);
  return (
    <g className={styles.client} aria-hidden="true">
      <rect x={CLIENT_BOX.x} y={CLIENT_BOX.y} width={CLIENT_BOX.width} height={CLIENT_BOX.height} rx={10} />
      <text x={CLIENT_BOX.x + CLIENT_BOX.width / 2} y={CLIENT_BOX.y + CLIENT_BOX.height / 2 + 8} textAnchor="middle">
        ⌨ {t.client}
      </text>
    </g>
  );
}

export function ClusterView() {
  const ids = useSimStore(useShallow((s) => s.snapshot?.nodes.map((n) => n.id) ?? []));
  const t = useStrings(STRINGS);
  // The node list changes only when a scenario is loaded: the ring is laid out once per cluster.
  const layout = useMemo(() => layoutRing(ids), [ids]);
  // Pointed out on the ring: the nodes a violation names, and the nodes the lesson's pause is about.
  const violations = useViolationHighlight();
  const focus = useLessonFocus();
  // The messages are painted over the SVG in CSS pixels: they need the drawing's rendered size.
  const drawing = useRef<HTMLDivElement>(null);
  const box = useBoxSize(drawing, { width: VIEW_WIDTH, height: VIEW_HEIGHT });

  return (
    <MotionProvider drawn={ids.length > 0}>
      <figure className={styles.view}>
        <div className={styles.body}>
          <div ref={drawing} className={styles.drawing}>
            <svg
              className={styles.svg}
              viewBox={`0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`}
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
              <NetworkLayer layout={layout} ids={ids} />
              <ClientBox />
              {ids.map((id) => {
                const p = layout.positions.get(id)!;
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
                    radius={layout.nodeRadius}
                    violation={violation}
                    focus={focus?.nodes?.includes(id) ?? false}
                  />
                );
              })}
            </svg>
            <MessageLayer layout={layout} box={box} drawing={drawing} />
          </div>
          <MessageLegend />
        </div>
      </figure>
    </MotionProvider>
  );
}
