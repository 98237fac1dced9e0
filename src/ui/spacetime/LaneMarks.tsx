// Marks on the space-time diagram's lanes: role changes, new terms, commits, crashes, restarts and
// violations. Placed in the sliding plot coordinates (see Arrows.tsx), so they are redrawn only when
// the marks or the plot origin change, not every frame.

import { memo } from 'react';
import type { LaneMark } from '../../sim/spacetime';
import type { Endpoint } from '../../sim/types';
import { useStrings } from '../i18n';
import { ROLE_COLOR } from '../theme';
import { plotX, type Plot } from './Arrows';
import styles from './SpaceTime.module.css';
import { SPACETIME_STRINGS } from './strings';

interface MarksProps {
  readonly marks: readonly LaneMark[];
  readonly plot: Plot;
  readonly laneY: ReadonlyMap<Endpoint, number>;
  readonly top: number;
  readonly bottom: number;
}

function LaneMarksShape({ marks, plot, laneY, top, bottom }: MarksProps) {
  const t = useStrings(SPACETIME_STRINGS);
  return (
    <g aria-hidden="true">
      {marks.map((m, i) => {
        const key = `${m.kind}-${m.step}-${i}`;
        const mx = plotX(plot, m.time);
        if (m.kind === 'violation') {
          return (
            <g key={key} data-testid="lane-violation">
              <title>{t.violation(m.invariant, m.time)}</title>
              <line x1={mx} x2={mx} y1={top - 4} y2={bottom} className={styles.violation} />
              <circle cx={mx} cy={top + 2} r={7} className={styles.violationDot} />
              <text x={mx} y={top + 6} textAnchor="middle" className={styles.violationGlyph}>
                !
              </text>
            </g>
          );
        }
        const y = laneY.get(m.node);
        if (y === undefined) return null;
        switch (m.kind) {
          case 'role':
            return (
              <g key={key} transform={`translate(${mx} ${y})`}>
                <title>{t.role(m.node, m.role, m.term, m.time)}</title>
                <circle r={8} fill={ROLE_COLOR[m.role]} stroke="#ffffff" strokeWidth={1.5} />
                <text y={4} textAnchor="middle" className={styles.roleGlyph}>
                  {t.roleLetter(m.role)}
                </text>
              </g>
            );
          case 'term':
            return (
              <g key={key} transform={`translate(${mx} ${y - 12})`}>
                <title>{t.term(m.node, m.term, m.time)}</title>
                <text textAnchor="middle" className={styles.termLabel}>
                  {t.termMark(m.term)}
                </text>
              </g>
            );
          case 'commit':
            return (
              <g key={key} transform={`translate(${mx} ${y + 18})`}>
                <title>{t.commit(m.node, m.index, m.time)}</title>
                <text textAnchor="middle" className={styles.commitLabel}>
                  ✓{m.index}
                </text>
              </g>
            );
          case 'crashed':
          case 'restarted':
            return (
              <g key={key} transform={`translate(${mx} ${y})`}>
                <title>{m.kind === 'crashed' ? t.crashed(m.node, m.time) : t.restarted(m.node, m.time)}</title>
                {m.kind === 'crashed' ? (
                  <path d="M-7,-7 L7,7 M7,-7 L-7,7" className={styles.crash} />
                ) : (
                  <circle r={6} className={styles.restart} />
                )}
              </g>
            );
        }
      })}
    </g>
  );
}

function sameMarks(a: MarksProps, b: MarksProps): boolean {
  return (
    a.marks.length === b.marks.length &&
    a.marks.every((m, i) => m === b.marks[i]) &&
    a.plot.origin === b.plot.origin &&
    a.plot.pxPerMs === b.plot.pxPerMs &&
    a.laneY === b.laneY &&
    a.top === b.top &&
    a.bottom === b.bottom
  );
}

export const LaneMarks = memo(LaneMarksShape, sameMarks);
