// The prefix of a node's log that a snapshot replaced (§7), drawn as one block over the
// columns it covers: its last included index and term. Opening it shows the key-value
// state the snapshot holds.

import type { NodeId } from '../../raft/types';
import type { SnapshotFrame } from '../../sim/types';
import { useStrings } from '../i18n';
import { termColor } from '../theme';
import { CELL_WIDTH, STRIDE } from './LogCell';
import styles from './SnapshotBlock.module.css';
import { SNAPSHOT_BLOCK_STRINGS } from './snapshot-strings';

interface SnapshotBlockProps {
  readonly node: NodeId;
  readonly snapshot: SnapshotFrame;
  /** The columns in view: the block is drawn over the part of [1, snapshot.index] inside them. */
  readonly from: number;
  readonly to: number;
}

export function SnapshotBlock({ node, snapshot, from, to }: SnapshotBlockProps) {
  const t = useStrings(SNAPSHOT_BLOCK_STRINGS);
  const first = Math.max(1, from);
  const last = Math.min(snapshot.index, to);
  if (last < first) return null;
  const entries = Object.entries(snapshot.state);
  return (
    <li
      className={styles.block}
      style={{
        left: (first - 1) * STRIDE,
        width: (last - first) * STRIDE + CELL_WIDTH,
        ['--term' as string]: termColor(snapshot.term),
      }}
    >
      <details className={styles.details}>
        <summary className={styles.summary} title={t.label(node, snapshot.index, snapshot.term)}>
          <span aria-hidden="true">▣</span> {t.short(snapshot.index, snapshot.term)}
        </summary>
        <div className={styles.popover} role="group" aria-label={t.stateLabel(node, snapshot.index)}>
          <p className={styles.heading}>{t.label(node, snapshot.index, snapshot.term)}</p>
          {entries.length === 0 ? (
            <p>{t.empty}</p>
          ) : (
            <dl className={styles.kv}>
              {entries.map(([key, value]) => (
                <div key={key}>
                  <dt>{key}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          )}
          <p className={styles.note}>{t.size(snapshot.size)}</p>
        </div>
      </details>
    </li>
  );
}
