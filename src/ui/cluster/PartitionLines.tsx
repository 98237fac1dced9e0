// The network as students should see it: faint lines for working links, partition groups
// as tinted hulls, dashed links where the network is cut (with an arrow for a one-way cut),
// and nothing drawn to an isolated node except a broken line. Reads the network snapshot only.
// Where a ring is flattened to fit a wide, short panel, a group's hull could pass over a node of
// another group; such a group is drawn as a tinted halo round each member instead, and the key
// under the drawing (PartitionKey) names every group's members.

import { useMemo } from 'react';
import type { NodeId } from '../../raft/types';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { groupOutline, outlineClearOf, RING_CENTER, type Layout, type Point, type Segment } from './geometry';
import styles from './Cluster.module.css';
import { STRINGS } from './strings';

/** One tint per partition group, in the order the network lists them (the key uses the same). */
export const GROUP_TINT = ['#bfdbfe', '#bbf7d0', '#fde68a', '#fbcfe8', '#ddd6fe', '#fed7aa'];

/** A halo is a narrow ring round one node, not a wide area: it needs a stronger tint than a hull to be seen. */
export const HALO_OPACITY = 0.8;

/** A group's label at label scale 1, in viewBox units: a node's caption size, so it meets the same minimum. */
const GROUP_LABEL_UNITS = 16;

/** The network as short strings, so this layer re-renders only when the topology changes. */
function useTopology() {
  const isolated = useSimStore((s) => s.snapshot?.network.isolated.join(' ') ?? '');
  const cut = useSimStore((s) => s.snapshot?.network.cutLinks.join(' ') ?? '');
  const partition = useSimStore((s) => s.snapshot?.network.partition?.map((g) => g.join(' ')).join('|') ?? '');
  return useMemo(
    () => ({
      isolated: isolated ? isolated.split(' ') : [],
      cutLinks: cut ? cut.split(' ') : [],
      partition: partition ? partition.split('|').map((g) => g.split(' ')) : null,
    }),
    [isolated, cut, partition],
  );
}

/** The part of the line from a to b outside both nodes, so an arrowhead is not hidden under a node. */
function trimmed(a: Point, b: Point, inset: number): Segment {
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const ux = (b.x - a.x) / len;
  const uy = (b.y - a.y) / len;
  return { from: { x: a.x + ux * inset, y: a.y + uy * inset }, to: { x: b.x - ux * inset, y: b.y - uy * inset } };
}

interface Pair {
  readonly a: NodeId;
  readonly b: NodeId;
}

export function NetworkLayer({ layout, ids }: { layout: Layout; ids: readonly NodeId[] }) {
  const { isolated, cutLinks, partition } = useTopology();
  const t = useStrings(STRINGS);
  const cut = useMemo(() => new Set(cutLinks), [cutLinks]);

  const pairs = useMemo(() => {
    const list: Pair[] = [];
    ids.forEach((a, i) => ids.slice(i + 1).forEach((b) => list.push({ a, b })));
    return list;
  }, [ids]);

  const groupOf = (id: NodeId): number => (partition ? partition.findIndex((g) => g.includes(id)) : 0);
  const pos = (id: NodeId) => layout.positions.get(id)!;
  const pad = layout.nodeRadius + 26;

  return (
    <g>
      {partition?.map((group, i) => {
        const d = groupOutline(layout, group, ids);
        if (!d) return null;
        const points = group.map(pos).filter(Boolean);
        const tint = GROUP_TINT[i % GROUP_TINT.length]!;
        const inRingOrder = ids.filter((id) => group.includes(id)).map(pos);
        const others = ids.filter((id) => !group.includes(id)).map(pos);
        if (!outlineClearOf(inRingOrder, others, pad + layout.nodeRadius))
          return (
            <g key={`group-${i}`} className={styles.group} opacity={HALO_OPACITY}>
              {points.map((p, j) => (
                <circle key={j} cx={p.x} cy={p.y} r={pad} fill={tint} />
              ))}
            </g>
          );
        const cx = points.reduce((sum, p) => sum + p.x, 0) / points.length;
        const cy = points.reduce((sum, p) => sum + p.y, 0) / points.length;
        // Small groups: put the label beside the hull, towards the middle of the ring.
        const towardsMiddle = points.length < 3;
        const dx = RING_CENTER.x - cx;
        const dy = RING_CENTER.y - cy;
        const len = Math.hypot(dx, dy) || 1;
        const lx = towardsMiddle ? cx + (dx / len) * (pad + 14) : cx;
        const ly = towardsMiddle ? cy + (dy / len) * (pad + 14) : cy;
        return (
          <g key={`group-${i}`} className={styles.group}>
            {/* One opaque shape inside a translucent group: overlapping parts do not darken. */}
            <g opacity={0.45}>
              <path d={d} fill={tint} stroke={tint} strokeWidth={pad * 2} strokeLinejoin="round" />
            </g>
            <text
              className={styles.groupLabel}
              x={lx}
              y={ly}
              textAnchor="middle"
              style={{ fontSize: `${GROUP_LABEL_UNITS * layout.metrics.k}px` }}
            >
              {t.group(i + 1)}
            </text>
          </g>
        );
      })}
      {pairs.map(({ a, b }) => {
        const pa = pos(a);
        const pb = pos(b);
        const ab = cut.has(`${a}>${b}`);
        const ba = cut.has(`${b}>${a}`);
        const apart = isolated.includes(a) || isolated.includes(b) || groupOf(a) !== groupOf(b) || groupOf(a) < 0;
        if (ab || ba) {
          const oneWay = ab !== ba;
          const [from, to] = ab ? [a, b] : [b, a];
          const { from: pf, to: pt } = trimmed(pos(from), pos(to), layout.nodeRadius + 14);
          const mx = (pf.x + pt.x) / 2;
          const my = (pf.y + pt.y) / 2;
          return (
            <g key={`${a}${b}`} className={styles.cutLink}>
              <title>{oneWay ? t.cutOneWay(from, to) : t.cutLink(a, b)}</title>
              <line x1={pf.x} y1={pf.y} x2={pt.x} y2={pt.y} markerEnd={oneWay ? 'url(#cut-arrow)' : undefined} />
              <text x={mx} y={my + 7} textAnchor="middle" className={styles.cutMark}>
                ✂
              </text>
            </g>
          );
        }
        // A server apart from the ring (spare or learner) gets no working-link lines: they would cross the ring.
        if (layout.apart.includes(a) || layout.apart.includes(b)) return null;
        return (
          <line
            key={`${a}${b}`}
            className={apart ? styles.linkDown : styles.link}
            x1={pa.x}
            y1={pa.y}
            x2={pb.x}
            y2={pb.y}
          />
        );
      })}
    </g>
  );
}
