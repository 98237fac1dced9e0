// One node's log as a row of cells, with the leader's nextIndex (▼) and matchIndex for this node
// when it is a follower, both in a lane at the top of the row's own box (never over a neighbour's
// cells). Only the columns in [from, to] are drawn. The suffix the leader's repair will delete
// (§5.3, the frame's conflictFrom) is marked before it happens; when it is deleted (§7.2), the
// entries stay a moment as ghosts that fall away (motion, once loaded), so overwriting can be watched.
// The ghosts are the entries the node's own entriesTruncated events name, never a guess from
// comparing frames. An entry whose apply the engine reported as a retry (thesis §6.3) carries a ↻ mark.

import { memo, useState } from 'react';
import type { LogEntry, RaftEvent } from '../../raft/types';
import type { NodeFrame } from '../../sim/types';
import { useLoadedMotion } from '../cluster/motion-context';
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
  /** The node's entriesTruncated events since the frame drawn before (a new array each time there are new ones). */
  readonly truncations?: readonly Truncation[];
}

export type Truncation = Extract<RaftEvent, { type: 'entriesTruncated' }>;

/** An entry removed from the log a moment ago, drawn falling away where it was. */
interface Ghost {
  readonly key: string;
  readonly index: number;
  readonly entry: LogEntry;
}

let ghostSerial = 0;

/** The entries the truncations removed, in [from, to], as ghosts. */
function ghostsOf(truncations: readonly Truncation[], from: number, to: number): Ghost[] {
  const ghosts: Ghost[] = [];
  for (const t of truncations)
    t.removed.forEach((entry, k) => {
      const index = t.fromIndex + k;
      if (index >= from && index <= to) ghosts.push({ key: `ghost-${++ghostSerial}`, index, entry });
    });
  return ghosts;
}

const NO_TRUNCATIONS: readonly Truncation[] = [];

export const LogRow = memo(LogRowView, sameRow);

function LogRowView({
  node,
  columns,
  from,
  to,
  marks,
  flagged,
  focused,
  changed,
  truncations = NO_TRUNCATIONS,
}: LogRowProps) {
  const t = useStrings(LOG_STRINGS);

  const [ghosts, setGhosts] = useState<readonly Ghost[]>([]);
  // The truncations this row last took in: new ones add ghosts (React's "adjust state while
  // rendering" pattern: no extra commit, no effect).
  const [taken, setTaken] = useState(truncations);
  if (taken !== truncations) {
    setTaken(truncations);
    const removed = ghostsOf(truncations, from, to);
    if (removed.length > 0) setGhosts([...ghosts, ...removed]);
  }
  // Motion is fetched once a repair is in sight (a doomed suffix) or under way (ghosts).
  const motion = useLoadedMotion(node.conflictFrom !== null || ghosts.length > 0);
  const forget = (key: string) => setGhosts((g) => g.filter((ghost) => ghost.key !== key));

  // The log starts after its snapshot: index i is node.log[i - base - 1].
  const base = node.snapshot?.index ?? 0;
  const last = Math.min(to, base + node.log.length);
  const cells = [];
  for (let index = Math.max(1, from, base + 1); index <= last; index++) {
    const entry = node.log[index - base - 1]!;
    const committed = index <= node.commitIndex;
    const applied = index <= node.lastApplied;
    const retry = node.retried.includes(index);
    // Only a follower of a leader has a doomed suffix; the frame says where it starts.
    const doomed = marks !== null && node.conflictFrom !== null && index >= node.conflictFrom;
    const state = [
      committed ? t.committed : t.uncommitted,
      ...(applied ? [t.applied] : []),
      ...(retry ? [t.retry] : []),
      ...(doomed ? [t.doomed(marks.leader)] : []),
    ].join(', ');
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
        retry={retry}
        doomed={doomed}
        label={t.cell(index, entry.term, commandText(entry, t.noop, t.config), state)}
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
      {ghosts.map((ghost) =>
        motion ? (
          <motion.LazyMotion key={ghost.key} features={motion.domAnimation}>
            <motion.MotionConfig reducedMotion="user">
              <motion.m.li
                className={`${styles.cell} ${styles.uncommitted} ${styles.ghostMotion}`}
                style={cellPlace(ghost.index, ghost.entry.term)}
                aria-hidden="true"
                initial={{ opacity: 1, y: 0, rotate: 0, scale: 1 }}
                animate={{ opacity: 0, y: 26, rotate: 8, scale: 0.85 }}
                transition={{ duration: 0.9, ease: 'easeIn' }}
                onAnimationComplete={() => forget(ghost.key)}
              >
                <CellFace entry={ghost.entry} committed={false} applied={false} />
              </motion.m.li>
            </motion.MotionConfig>
          </motion.LazyMotion>
        ) : (
          // Before motion has loaded (the first frames): the same fall as a CSS animation.
          <li
            key={ghost.key}
            className={`${styles.cell} ${styles.uncommitted} ${styles.ghost}`}
            style={cellPlace(ghost.index, ghost.entry.term)}
            aria-hidden="true"
            onAnimationEnd={() => forget(ghost.key)}
          >
            <CellFace entry={ghost.entry} committed={false} applied={false} />
          </li>
        ),
      )}
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
    a.node.retried.length === b.node.retried.length &&
    a.node.conflictFrom === b.node.conflictFrom &&
    a.columns === b.columns &&
    a.from === b.from &&
    a.to === b.to &&
    a.marks?.leader === b.marks?.leader &&
    a.marks?.next === b.marks?.next &&
    a.marks?.match === b.marks?.match &&
    sameList(a.flagged, b.flagged) &&
    sameList(a.focused, b.focused) &&
    sameList(a.changed, b.changed) &&
    a.truncations === b.truncations
  );
}
