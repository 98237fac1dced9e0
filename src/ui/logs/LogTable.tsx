// The logs of every node, one row per node and one column per log index, with each
// node's key-value state beside it. Long logs scroll sideways and stay pinned to the
// newest entries unless the user scrolls back; only the visible columns are drawn.
// Scrolling stops on whole columns, so the first column in view is never cut in half.

import { useEffect, useState, type UIEvent } from 'react';
import type { NodeId } from '../../raft/types';
import type { NodeFrame, TraceEvent } from '../../sim/types';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { useLessonFocus } from '../lessons/lesson-state';
import { useViolationHighlight } from '../safety/highlight';
import { ROLE_COLOR, termColor } from '../theme';
import { useStickToEnd } from '../use-stick-to-end';
import { useHeldSimStore, useScrubbing } from '../time/scrubbing';
import { currentLeader } from './leader';
import { inkOn, STRIDE } from './LogCell';
import { LogRow, type LeaderMarks, type Truncation } from './LogRow';
import styles from './LogTable.module.css';
import { LOG_STRINGS } from './strings';

/** Below this many columns every cell is drawn; above it, only the visible window. */
const VIRTUALIZE_FROM = 80;
/** Columns drawn beyond each edge of the view: few, since every drawn cell costs each frame; a scroll redraws the window. */
const OVERSCAN = 2;
/** Assumed view width before the first measurement. */
const DEFAULT_WIDTH = 1600;

// Glyphs every common font has (✋ is missing from many).
const ROLE_GLYPH: Record<string, string> = { leader: '♛', candidate: '◆', follower: '•' };

const NONE: readonly number[] = [];
const NO_REPAIRS: Readonly<Record<NodeId, readonly Truncation[]>> = {};

/** Each node's entriesTruncated events of the steps after `from`, up to `to`. */
function truncationsBetween(
  feed: readonly TraceEvent[],
  from: number,
  to: number,
): Readonly<Record<NodeId, readonly Truncation[]>> {
  const found: Record<NodeId, Truncation[]> = {};
  for (let i = feed.length - 1; i >= 0; i--) {
    const r = feed[i]!;
    if (r.step <= from) break;
    if (r.step > to || r.kind !== 'node' || r.event.type !== 'entriesTruncated') continue;
    (found[r.node] ??= []).unshift(r.event);
  }
  return Object.keys(found).length === 0 ? NO_REPAIRS : found;
}

export function LogTable() {
  const t = useStrings(LOG_STRINGS);
  // Held while the timeline is dragged (ui/time/scrubbing.ts): the cells catch up when the drag rests.
  const nodes = useHeldSimStore((s) => s.snapshot?.nodes);
  const held = useScrubbing((s) => s.active);
  const selected = useSimStore((s) => s.selectedNode);
  const selectNode = useSimStore((s) => s.selectNode);
  // While stepping: the cells the last step added, replaced or committed.
  const changes = useHeldSimStore((s) => s.changes);
  // The first column in view while scrolled back, and the view's width: only these decide which columns are drawn.
  const [firstColumn, setFirstColumn] = useState(1);
  const [viewWidth, setViewWidth] = useState(0);
  // The repairs (§7.2) of the steps between the frame drawn before and this one, from the nodes'
  // own entriesTruncated events: a step back or a seek back has none, whatever the logs do.
  const step = useHeldSimStore((s) => s.snapshot?.step ?? 0);
  const feed = useHeldSimStore((s) => s.feed);
  const [repairs, setRepairs] = useState({ step, byNode: NO_REPAIRS });
  if (repairs.step !== step)
    setRepairs({ step, byNode: step > repairs.step ? truncationsBetween(feed, repairs.step, step) : NO_REPAIRS });
  // Pointed out: entries and nodes a safety violation names, and the log indexes a lesson's pause is about.
  const violations = useViolationHighlight();
  const focus = useLessonFocus();

  // Indexes are absolute: a log after a snapshot (§7) ends at snapshot.index + log.length.
  const maxLength = nodes ? Math.max(0, ...nodes.map((n) => (n.snapshot?.index ?? 0) + n.log.length)) : 0;
  // One spare column past the longest log: where a caught-up follower's nextIndex points.
  const columns = maxLength + 1;

  // Room after the last column so that the scrolled-to end lands on a column boundary too.
  const width = viewWidth || DEFAULT_WIDTH;
  const overflow = columns * STRIDE - width;
  const endPad = overflow > 0 ? (STRIDE - (overflow % STRIDE)) % STRIDE : 0;

  // Keep the newest entries in view unless the user scrolled back (a snap to the nearest column end is not that).
  const {
    ref: scroller,
    pinned,
    onScroll: followScroll,
    toEnd,
  } = useStickToEnd<HTMLDivElement>('x', STRIDE, columns * STRIDE + endPad);

  // The scroller exists once the first frame has nodes: measure it from then on.
  const drawn = nodes !== undefined;
  useEffect(() => {
    const el = scroller.current;
    if (!drawn || !el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setViewWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [scroller, drawn]);

  // Following the end scrolls on every new entry: only a scroll that moves the first column re-draws.
  const onScroll = (e: UIEvent<HTMLDivElement>): void => {
    const el = e.currentTarget;
    setFirstColumn(Math.floor(el.scrollLeft / STRIDE) + 1);
    followScroll(el);
  };

  if (!nodes) {
    return (
      <div className={styles.panel}>
        <h2 className={styles.title}>{t.title}</h2>
        <p>{t.waiting}</p>
      </div>
    );
  }

  const visible = Math.ceil(width / STRIDE);
  let from = 1;
  let to = columns;
  if (columns > VIRTUALIZE_FROM) {
    const start = pinned ? columns - visible + 1 : firstColumn;
    from = Math.max(1, start - OVERSCAN);
    to = Math.min(columns, start + visible + OVERSCAN);
  }

  const leader = currentLeader(nodes);
  const marksFor = (node: NodeFrame): LeaderMarks | null =>
    leader && node.id !== leader.id
      ? { leader: leader.id, next: leader.nextIndex[node.id] ?? 0, match: leader.matchIndex[node.id] ?? 0 }
      : null;

  const flaggedOf = (id: string): readonly number[] => {
    const found = violations.entries.filter((e) => e.node === id).map((e) => e.index);
    return found.length > 0 ? found : NONE;
  };
  const focusNodes = focus?.nodes ?? [];
  const focusOf = (id: string): readonly number[] =>
    focus?.indexes && (focusNodes.length === 0 || focusNodes.includes(id)) ? focus.indexes : NONE;
  const labelClass = (n: NodeFrame): string =>
    [
      styles.nodeLabel,
      n.alive ? '' : styles.dead,
      selected === n.id ? styles.selected : '',
      violations.nodes.includes(n.id) ? styles.labelViolation : '',
      focusNodes.includes(n.id) ? styles.labelFocus : '',
    ]
      .filter(Boolean)
      .join(' ');

  const indexes = [];
  for (let i = from; i <= to; i++) {
    indexes.push(
      <span key={i} className={styles.index} style={{ left: (i - 1) * STRIDE }}>
        {i}
      </span>,
    );
  }

  return (
    <div className={styles.panel}>
      <div className={styles.heading}>
        <h2 className={styles.title}>{t.title}</h2>
        {!pinned ? (
          <button type="button" className={styles.newest} aria-label={t.newestLabel} onClick={toEnd}>
            {t.newest}
          </button>
        ) : null}
        <Legend leader={leader?.id ?? null} />
      </div>
      <div className={held ? `${styles.body} ${styles.held}` : styles.body}>
        <div className={styles.labels}>
          <div className={styles.indexHeader} aria-hidden="true">
            {t.index}
          </div>
          {nodes.map((n) => {
            const role = n.alive ? t.roleName(n.role) : t.down;
            return (
              <button
                type="button"
                key={n.id}
                className={labelClass(n)}
                aria-label={t.nodeLabel(n.id, t.roleName(n.role), n.currentTerm, n.alive)}
                aria-pressed={selected === n.id}
                onClick={() => selectNode(selected === n.id ? null : n.id)}
              >
                <span className={styles.nodeId}>{n.id}</span>
                {violations.nodes.includes(n.id) ? (
                  <span className={styles.violationMark} aria-hidden="true">
                    !
                  </span>
                ) : null}
                <span className={styles.nodeMeta}>
                  <span style={{ color: n.alive ? ROLE_COLOR[n.role] : ROLE_COLOR.dead }}>
                    {n.alive ? ROLE_GLYPH[n.role] : '✕'} {role}
                  </span>
                  <span>
                    <span
                      className={styles.termChip}
                      style={{ background: termColor(n.currentTerm), color: inkOn(termColor(n.currentTerm)) }}
                    >
                      {t.termChip(n.currentTerm)}
                    </span>{' '}
                    {t.commitShort(n.commitIndex)}
                  </span>
                </span>
              </button>
            );
          })}
        </div>
        <div
          ref={scroller}
          className={styles.scroller}
          onScroll={onScroll}
          tabIndex={0}
          role="region"
          aria-label={t.title}
          aria-busy={held}
        >
          <div className={styles.indexRow} style={{ width: columns * STRIDE + endPad }} aria-hidden="true">
            {indexes}
          </div>
          {nodes.map((n) => (
            <LogRow
              key={n.id}
              node={n}
              columns={columns}
              from={from}
              to={to}
              marks={marksFor(n)}
              flagged={flaggedOf(n.id)}
              focused={focusOf(n.id)}
              changed={changes?.cells[n.id] ?? NONE}
              truncations={repairs.byNode[n.id]}
            />
          ))}
        </div>
        <div className={styles.kvColumn}>
          <div className={styles.indexHeader}>{t.stateMachine}</div>
          {nodes.map((n) => {
            const pairs = Object.entries(n.kv);
            const text = pairs.length === 0 ? t.empty : pairs.map(([k, v]) => `${k} = ${v}`).join(', ');
            return (
              <div
                key={n.id}
                className={`${styles.kv} ${n.alive ? '' : styles.dead}`}
                aria-label={t.kvLabel(n.id)}
                role="group"
                title={text}
              >
                {pairs.length === 0 ? (
                  <span className={styles.kvEmpty}>{t.empty}</span>
                ) : (
                  pairs.map(([k, v]) => (
                    <span key={k} className={styles.kvPair}>
                      <b>{k}</b> = {v}
                    </span>
                  ))
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function Legend({ leader }: { leader: string | null }) {
  const t = useStrings(LOG_STRINGS);
  return (
    <details className={styles.legendDetails}>
      <summary>{t.legend}</summary>
      <ul className={styles.legend} aria-label={t.legend}>
        <li>
          <span className={`${styles.sample} ${styles.committed}`} aria-hidden="true">
            ✓
          </span>
          {t.legendCommitted}
        </li>
        <li>
          <span className={`${styles.sample} ${styles.uncommitted}`} aria-hidden="true" />
          {t.legendUncommitted}
        </li>
        <li>
          <span className={styles.appliedDot} aria-hidden="true">
            ●
          </span>{' '}
          {t.legendApplied}
        </li>
        {leader ? (
          <>
            <li>
              <span className={styles.legendNext} aria-hidden="true">
                ▼ {t.next}
              </span>{' '}
              {t.legendNext(leader)}
            </li>
            <li>
              <span className={styles.legendMatch} aria-hidden="true">
                {t.match}
              </span>{' '}
              {t.legendMatch(leader)}
            </li>
            <li>
              <span className={`${styles.sample} ${styles.uncommitted} ${styles.doomed}`} aria-hidden="true" />
              {t.legendDoomed(leader)}
            </li>
          </>
        ) : (
          <li>{t.legendNoLeader}</li>
        )}
        <li>
          <span className={`${styles.sample} ${styles.dead} ${styles.committed}`} aria-hidden="true" />
          {t.legendDown}
        </li>
      </ul>
    </details>
  );
}
