// One log entry: its term (colour and number), its command, and whether it is committed
// and applied. A new entry drops in from above (a CSS animation); one removed by conflict
// repair falls away (LogRow's ghosts).

import { memo, useState, type CSSProperties } from 'react';
import type { LogEntry } from '../../raft/types';
import { useStrings } from '../i18n';
import { inkOn, termColor } from '../theme';
import styles from './LogTable.module.css';
import { LOG_STRINGS } from './strings';

export const CELL_WIDTH = 72;
export const CELL_GAP = 4;
export const STRIDE = CELL_WIDTH + CELL_GAP;

export interface LogCellProps {
  readonly index: number;
  readonly entry: LogEntry;
  readonly committed: boolean;
  readonly applied: boolean;
  /** Its apply was a retry of a request already applied (thesis §6.3): it changed nothing. */
  readonly retry?: boolean;
  /** The leader's repair will delete it (§5.3): its log disagrees with the leader's from here on. */
  readonly doomed?: boolean;
  readonly label: string;
  /** Pointed out: named by a safety violation, or the index a lesson's pause is about. */
  readonly flag?: 'violation' | 'focus' | 'changed';
  /** The row's last entry. */
  readonly newest: boolean;
  /** It takes the place of an entry a repair just removed. */
  readonly replacing: boolean;
}

/** Black or white text, whichever reads better on `hex` (by WCAG contrast). */
export { inkOn } from '../theme';

/**
 * What a cell shows for an entry's command: a configuration entry (§6) names its voters (both sets in
 * C_old,new); a leader's no-op entry has no command.
 */
export function commandText(
  entry: LogEntry,
  noop: string,
  config: (voters: string, old: string | null) => string,
): string {
  if (entry.config) return config(entry.config.voters.join(','), entry.config.old?.join(',') ?? null);
  return entry.command === '' ? noop : entry.command;
}

/** Where the cell of `index` sits in its row, in the colour of its term (shared with the falling ghosts). */
export function cellPlace(index: number, term: number): CSSProperties {
  return { left: (index - 1) * STRIDE, ['--term' as string]: termColor(term) };
}

const FLAG_CLASS = { violation: styles.flagViolation, focus: styles.flagFocus, changed: styles.flagChanged } as const;

/** The coloured term badge, the commit and apply marks and the command: shared with the falling ghosts. */
export function CellFace({
  entry,
  committed,
  applied,
  retry = false,
}: Pick<LogCellProps, 'entry' | 'committed' | 'applied' | 'retry'>) {
  const t = useStrings(LOG_STRINGS);
  const color = termColor(entry.term);
  const isNoop = entry.command === '' && !entry.config;
  return (
    <>
      <span className={styles.term} style={{ background: color, color: inkOn(color) }} aria-hidden="true">
        {entry.term}
      </span>
      <span className={styles.marks} aria-hidden="true">
        {committed ? '✓' : ''}
        {applied ? <span className={styles.appliedDot}>●</span> : null}
        {retry ? (
          <span className={styles.retryMark} title={t.retryMark}>
            ↻
          </span>
        ) : null}
      </span>
      <span className={isNoop ? `${styles.command} ${styles.noop}` : styles.command} aria-hidden="true">
        {commandText(entry, t.noop, t.config)}
      </span>
    </>
  );
}

export const LogCell = memo(function LogCell({
  index,
  entry,
  committed,
  applied,
  retry = false,
  doomed = false,
  label,
  flag,
  newest,
  replacing,
}: LogCellProps) {
  // How it appeared decides whether it drops in (a one-shot animation): a repair's replacement always
  // does; an appended entry does while it is the newest, so a row animates one append at a time and
  // a busy cluster never has hundreds of cells animating at once.
  const [appeared] = useState({ newest, replacing });
  const entering = appeared.replacing || (appeared.newest && newest);
  const className = [
    styles.cell,
    committed ? styles.committed : styles.uncommitted,
    entering ? styles.entering : '',
    doomed ? styles.doomed : '',
    flag ? FLAG_CLASS[flag] : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li
      className={className}
      style={cellPlace(index, entry.term)}
      aria-label={label}
      title={label}
      data-committed={committed}
      data-doomed={doomed || undefined}
      data-flag={flag}
    >
      <CellFace entry={entry} committed={committed} applied={applied} retry={retry} />
    </li>
  );
}, sameCell);

/** Entries are compared by term and command: the same entry arrives as a new object in each frame. */
function sameCell(a: LogCellProps, b: LogCellProps): boolean {
  return (
    a.index === b.index &&
    a.entry.term === b.entry.term &&
    a.entry.command === b.entry.command &&
    a.committed === b.committed &&
    a.applied === b.applied &&
    a.retry === b.retry &&
    a.doomed === b.doomed &&
    a.label === b.label &&
    a.flag === b.flag &&
    a.newest === b.newest
  );
}
