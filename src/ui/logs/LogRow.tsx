// One node's log as a row of cells, with the leader's nextIndex (▼) and matchIndex
// (underline) for this node when it is a follower. Only the columns in [from, to] are drawn.
// Entries that a leader's repair removes (§7.2) stay a moment as ghosts that fall away, so
// overwriting can be watched, not just inferred.

import { memo, useState } from 'react';
import type { LogEntry } from '../../raft/types';
import type { NodeFrame } from '../../sim/types';
import { useStrings } from '../i18n';
import { CELL_WIDTH, CellFace, cellPlace, commandText, LogCell, STRIDE } from './LogCell';
import styles from './LogTable.module.css';
import { SnapshotBlock } from './SnapshotBlock';
import { LOG_STRINGS } from './strings';

export interface LeaderMarks {
  readonly leader: string;
  readonly next: number;
  readonly match: number;
}

interface LogRowProps {
  readonly node: NodeFrame;
  readonly columns: number;
  readonly from: number;
  readonly to: number;
  readonly marks: LeaderMarks | null;
  /** Indexes of entries a safety violation names (outlined in red). */
  readonly flagged?: readonly number[];
  /** Indexes a lesson's pause points at (outlined in amber). */
  readonly focused?: readonly number[];
  /** Indexes the last step added, replaced or committed (while stepping). */
  readonly changed?: readonly number[];
  /** The class moved back in time: entries that disappear were not removed by a repair. */
  readonly rewound?: boolean;
}

/** An entry removed from the log a moment ago, drawn falling away where it was. */
interface Ghost {
  readonly key: string;
  readonly index: number;
  readonly entry: LogEntry;
}

let ghostSerial = 0;

/**
 * Entries of `before` in [from, to] that `after` no longer holds (gone, or another term at that
 * index). Each log starts after its snapshot (`base`); entries a snapshot took in are not gone.
 */
function removedEntries(
  before: readonly LogEntry[],
  beforeBase: number,
  after: readonly LogEntry[],
  afterBase: number,
  from: number,
  to: number,
): Ghost[] {
  const ghosts: Ghost[] = [];
  for (
    let index = Math.max(1, from, beforeBase + 1, afterBase + 1);
    index <= Math.min(to, beforeBase + before.length);
    index++
  ) {
    const was = before[index - beforeBase - 1]!;
    if (after[index - afterBase - 1]?.term !== was.term)
      ghosts.push({ key: `ghost-${++ghostSerial}`, index, entry: was });
  }
  return ghosts;
}

export const LogRow = memo(LogRowView, sameRow);

function LogRowView({ node, columns, from, to, marks, flagged, focused, changed, rewound = false }: LogRowProps) {
  const t = useStrings(LOG_STRINGS);
  const [ghosts, setGhosts] = useState<readonly Ghost[]>([]);
  // The log this row last drew: when a new one arrives, entries it lost become ghosts (React's
  // "adjust state while rendering" pattern: no extra commit, no effect).
  const [drawnLog, setDrawnLog] = useState(node.log);
  const base = node.snapshot?.index ?? 0;
  const [drawnBase, setDrawnBase] = useState(base);
  if (drawnLog !== node.log) {
    setDrawnLog(node.log);
    setDrawnBase(base);
    const removed = rewound ? [] : removedEntries(drawnLog, drawnBase, node.log, base, from, to);
    if (removed.length > 0) setGhosts([...ghosts, ...removed]);
  }
  const forget = (key: string) => setGhosts((g) => g.filter((ghost) => ghost.key !== key));

  const last = Math.min(to, base + node.log.length);
  const cells = [];
  for (let index = Math.max(1, from, base + 1); index <= last; index++) {
    const entry = node.log[index - base - 1]!;
    const committed = index <= node.commitIndex;
    const applied = index <= node.lastApplied;
    const state = [committed ? t.committed : t.uncommitted, ...(applied ? [t.applied] : [])].join(', ');
    cells.push(
      <LogCell
        // Keyed by node, index and term: a repaired entry is a new cell that drops in.
        key={`${node.id}-${index}-${entry.term}`}
        index={index}
        newest={index === base + node.log.length}
        replacing={ghosts.some((g) => g.index === index)}
        entry={entry}
        committed={committed}
        applied={applied}
        label={t.cell(index, entry.term, commandText(entry, t.noop), state)}
        flag={
          flagged?.includes(index)
            ? 'violation'
            : focused?.includes(index)
              ? 'focus'
              : changed?.includes(index)
                ? 'changed'
                : undefined
        }
      />,
    );
  }
  const inWindow = (i: number): boolean => i >= from && i <= to;
  return (
    <ol
      className={`${styles.row} ${node.alive ? '' : styles.dead}`}
      style={{ width: columns * STRIDE }}
      aria-label={t.rowLabel(node.id)}
    >
      {node.snapshot && from <= node.snapshot.index ? (
        <SnapshotBlock node={node.id} snapshot={node.snapshot} from={from} to={to} />
      ) : null}
      {cells}
      {ghosts.map((ghost) => (
        <li
          key={ghost.key}
          className={`${styles.cell} ${styles.uncommitted} ${styles.ghost}`}
          style={cellPlace(ghost.index, ghost.entry.term)}
          aria-hidden="true"
          onAnimationEnd={() => forget(ghost.key)}
        >
          <CellFace entry={ghost.entry} committed={false} applied={false} />
        </li>
      ))}
      {marks && inWindow(marks.next) ? (
        <li
          className={styles.nextMarker}
          style={{ left: (marks.next - 1) * STRIDE, width: CELL_WIDTH }}
          title={t.nextMarker(marks.leader, node.id, marks.next)}
        >
          {/* An image inside a list item (a list holds only list items). */}
          <span role="img" aria-label={t.nextMarker(marks.leader, node.id, marks.next)}>
            ▼ {t.next}
          </span>
        </li>
      ) : null}
      {marks && marks.match > 0 && inWindow(marks.match) ? (
        <li
          className={styles.matchMarker}
          style={{ left: (marks.match - 1) * STRIDE, width: CELL_WIDTH }}
          title={t.matchMarker(marks.leader, node.id, marks.match)}
        >
          <span role="img" aria-label={t.matchMarker(marks.leader, node.id, marks.match)}>
            {t.match}
          </span>
        </li>
      ) : null}
    </ol>
  );
}

const sameList = (a: readonly number[] | undefined, b: readonly number[] | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]));

/** A row redraws only when what it shows changed (the store keeps an unchanged log's array). */
function sameRow(a: LogRowProps, b: LogRowProps): boolean {
  return (
    a.node.id === b.node.id &&
    a.node.alive === b.node.alive &&
    a.node.log === b.node.log &&
    a.node.snapshot?.index === b.node.snapshot?.index &&
    a.node.commitIndex === b.node.commitIndex &&
    a.node.lastApplied === b.node.lastApplied &&
    a.columns === b.columns &&
    a.from === b.from &&
    a.to === b.to &&
    a.marks?.leader === b.marks?.leader &&
    a.marks?.next === b.marks?.next &&
    a.marks?.match === b.marks?.match &&
    sameList(a.flagged, b.flagged) &&
    sameList(a.focused, b.focused) &&
    sameList(a.changed, b.changed) &&
    a.rewound === b.rewound
  );
}
