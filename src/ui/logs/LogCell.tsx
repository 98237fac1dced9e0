// One log entry: its term (colour and number), its command, and whether it is committed
// and applied. An entry removed by conflict repair (§7.2) falls away in red; a new one
// drops in from above, so backtracking and overwriting can be watched, not just inferred.

import { m } from 'motion/react';
import type { LogEntry } from '../../raft/types';
import { termColor } from '../theme';
import styles from './LogTable.module.css';

export const CELL_WIDTH = 68;
export const CELL_GAP = 4;
export const STRIDE = CELL_WIDTH + CELL_GAP;

export interface LogCellProps {
  readonly index: number;
  readonly entry: LogEntry;
  readonly committed: boolean;
  readonly applied: boolean;
  readonly label: string;
  readonly commandText: string;
  readonly isNoop: boolean;
  /** Pointed out: named by a safety violation, or the index a lesson's pause is about. */
  readonly flag?: 'violation' | 'focus' | 'changed';
}

/** Black or white text, whichever reads better on `hex`. */
export function inkOn(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#111827' : '#ffffff';
}

const FLAG_CLASS = { violation: styles.flagViolation, focus: styles.flagFocus, changed: styles.flagChanged } as const;

export function LogCell({ index, entry, committed, applied, label, commandText, isNoop, flag }: LogCellProps) {
  const color = termColor(entry.term);
  // `custom` is the row's current log: an entry still there left the window by scrolling (no show);
  // one that is gone or holds another term was truncated by the leader's repair.
  const variants = {
    exit: (log: readonly LogEntry[]) =>
      log[index - 1]?.term === entry.term
        ? { opacity: 0, transition: { duration: 0 } }
        : { opacity: 0, y: 26, rotate: 8, scale: 0.85, transition: { duration: 0.9, ease: 'easeIn' as const } },
  };
  return (
    <m.li
      className={`${styles.cell} ${committed ? styles.committed : styles.uncommitted}${flag ? ` ${FLAG_CLASS[flag]}` : ''}`}
      style={{ left: (index - 1) * STRIDE, ['--term' as string]: color }}
      aria-label={label}
      title={label}
      data-committed={committed}
      data-flag={flag}
      initial={{ opacity: 0, y: -22 }}
      animate={{ opacity: 1, y: 0, transition: { duration: 0.45, ease: 'easeOut' } }}
      exit="exit"
      variants={variants}
    >
      <span className={styles.term} style={{ background: color, color: inkOn(color) }} aria-hidden="true">
        {entry.term}
      </span>
      <span className={styles.marks} aria-hidden="true">
        {committed ? '✓' : ''}
        {applied ? <span className={styles.appliedDot}>●</span> : null}
      </span>
      <span className={isNoop ? `${styles.command} ${styles.noop}` : styles.command} aria-hidden="true">
        {commandText}
      </span>
    </m.li>
  );
}
