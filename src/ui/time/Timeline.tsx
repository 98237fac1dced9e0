// The strip under the cluster: the whole run computed so far (0 … history end) with a band
// per leader and term (coloured by term, labelled "T1 B"; a gap while nobody leads), a thin
// lane per node whose term climbs alone (isolated E, a minority side), leader elections,
// crashes and restarts, network changes, commits and violations, and the current instant as
// a cursor. It is a slider: click or drag to go to an instant; arrow keys step one event.

import { memo, useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { LeaderBand, TimelineMarks } from '../../sim/timeline';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { termColor } from '../theme';
import { TIME_STRINGS } from './strings';
import styles from './Time.module.css';
import { clearReport } from './TimeControls';
import { clampedLinear } from './clamped-linear';
import { useMeasuredBox } from '../use-box-size';
import { scrubEnded, scrubMoved } from './scrubbing';

const HEIGHT_BASE = 52;
const PAD = 8;
const BAND_TOP = 3;
const BAND_HEIGHT = 22;
const MARK_Y_BASE = 35;
const TICK_TOP_BASE = 44;
/** A node's own lane (its term climbing alone), under the leaders' bands. */
const LANE_HEIGHT = 8;
const LANE_GAP = 1;
/** Commit ticks closer than this (px) are thinned out: a dense run shows a comb, not a smear. */
const MIN_COMMIT_GAP = 4;
/** Page Up / Page Down move this much virtual time. */
const PAGE_MS = 100;

/**
 * A row for each leader band so that bands that overlap in time (an old leader still leading a
 * minority side while the majority elects a new one) sit one above the other. Layout only.
 */
/** A label's width in Latin characters: a Hangul syllable is about two ("임기 3" is as wide as "T3 B" twice). */
function textUnits(label: string): number {
  return [...label].reduce((n, ch) => n + (/[\uac00-\ud7a3]/.test(ch) ? 2 : 1), 0);
}

export function bandRows(bands: readonly LeaderBand[]): { rows: number[]; count: number } {
  const rowEnds: number[] = [];
  const rows = bands.map((band) => {
    let row = rowEnds.findIndex((end) => end <= band.from);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = band.to ?? Infinity;
    return row;
  });
  return { rows, count: Math.max(1, rowEnds.length) };
}

/** The nodes that have a lane, in name order. */
export function laneNodes(marks: TimelineMarks): string[] {
  return [...new Set(marks.lanes.map((l) => l.node))].sort();
}

/** Keeps only the items at least `gap` pixels from the previous one kept. */
export function thinOut<T>(items: readonly T[], x: (item: T) => number, gap: number): T[] {
  const kept: T[] = [];
  let last = -Infinity;
  for (const item of items) {
    const px = x(item);
    if (px - last >= gap) {
      kept.push(item);
      last = px;
    }
  }
  return kept;
}

export function Timeline() {
  const t = useStrings(TIME_STRINGS);
  const marks = useSimStore((s) => s.marks);
  const end = useSimStore((s) => s.history?.end.time ?? s.snapshot?.time ?? 0);
  const time = useSimStore((s) => s.snapshot?.time ?? 0);
  const seek = useSimStore((s) => s.seek);
  const step = useSimStore((s) => s.step);
  const stepBack = useSimStore((s) => s.stepBack);
  const wrap = useRef<HTMLDivElement>(null);
  // Measured through a callback ref: it follows the element when it is replaced (use-box-size.ts).
  const [{ width }, measureWrap] = useMeasuredBox(wrap, { width: 800, height: 0 });
  const dragging = useRef(false);
  const lastSeek = useRef<number | null>(null);
  // The track's box, read when a press starts: reading it on every move would lay out the page the last seek
  // changed, once per pointer move, in the middle of the drag.
  const pressedBox = useRef<DOMRect | null>(null);

  const domainEnd = Math.max(end, time, 1);
  const x = timeScale(domainEnd, width);

  const timeAt = (clientX: number, rect: DOMRect): number => {
    const px = rect.width > 0 ? ((clientX - rect.left) * width) / rect.width : clientX;
    return Math.round(x.invert(px) * 10) / 10;
  };
  /** Seeks unless the instant is the one last asked for; true when it did. */
  const seekTo = (target: number): boolean => {
    const clamped = Math.min(Math.max(0, target), domainEnd);
    if (lastSeek.current === clamped) return false;
    lastSeek.current = clamped;
    clearReport();
    seek(clamped);
    return true;
  };
  // A drag cut short by the timeline going away must not leave the event feed held.
  useEffect(() => scrubEnded, []);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    if (e.button !== 0) return;
    // No text selection and no native drag: a selected term label ("T1 B") would be dragged away by the
    // next press, and the browser's drag-and-drop cancels the scrub after its first seek.
    e.preventDefault();
    dragging.current = true;
    lastSeek.current = null;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    e.currentTarget.focus();
    pressedBox.current = e.currentTarget.getBoundingClientRect();
    seekTo(timeAt(e.clientX, pressedBox.current));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    // A press alone (a click) redraws everything at once; moving while pressed holds the feed (scrubbing.ts).
    if (dragging.current && pressedBox.current && seekTo(timeAt(e.clientX, pressedBox.current))) scrubMoved();
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>): void => {
    dragging.current = false;
    scrubEnded();
    if (e.currentTarget.hasPointerCapture?.(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    let handled = true;
    lastSeek.current = null;
    switch (e.key) {
      case 'ArrowLeft':
      case 'ArrowDown':
        clearReport();
        stepBack();
        break;
      case 'ArrowRight':
      case 'ArrowUp':
        clearReport();
        step();
        break;
      case 'PageDown':
        seekTo(time - PAGE_MS);
        break;
      case 'PageUp':
        seekTo(time + PAGE_MS);
        break;
      case 'Home':
        seekTo(0);
        break;
      case 'End':
        seekTo(domainEnd);
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  const cursorX = x(time);
  // The track grows by one thin row per node with a lane; the marks and ticks move down with it.
  const lanes = marks ? laneNodes(marks).length : 0;
  const lanesHeight = lanes === 0 ? 0 : lanes * (LANE_HEIGHT + LANE_GAP) + 2;
  const height = HEIGHT_BASE + lanesHeight;

  return (
    <div className={styles.timeline}>
      <div
        ref={measureWrap}
        className={styles.track}
        style={{ height }}
        role="slider"
        tabIndex={0}
        aria-label={t.timeline}
        aria-valuemin={0}
        aria-valuemax={Math.round(domainEnd)}
        aria-valuenow={Math.round(time * 10) / 10}
        aria-valuetext={t.sliderText(time, domainEnd)}
        aria-orientation="horizontal"
        aria-keyshortcuts="ArrowLeft ArrowRight PageUp PageDown Home End"
        title={t.timelineHint}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      >
        <svg width={width} height={height} className={styles.timelineSvg} aria-hidden="true">
          {marks && <MarksLayer marks={marks} end={domainEnd} width={width} lanesHeight={lanesHeight} />}
        </svg>
        {/* The cursor on a layer of its own: a seek moves it without touching the marks (nor their text). */}
        <svg width={width} height={height} className={styles.cursorLayer} aria-hidden="true">
          {/* What has been computed but lies ahead of the instant shown. */}
          <rect
            x={cursorX}
            y={0}
            width={Math.max(0, x(domainEnd) - cursorX)}
            height={height}
            className={styles.future}
          />
          <line x1={cursorX} x2={cursorX} y1={0} y2={height} className={styles.cursor} />
          <path d={`M${cursorX - 6},0 L${cursorX + 6},0 L${cursorX},8 Z`} className={styles.cursorHead} />
        </svg>
      </div>
      <div className={styles.timelineFoot}>
        <span>0</span>
        <span className={styles.cursorLabel}>{t.timeValue(time)}</span>
        <span>{t.timeValue(domainEnd)}</span>
      </div>
      {marks && <ViolationList marks={marks} onSeek={seekTo} />}
    </div>
  );
}

/** The time → pixel mapping of a timeline `width` pixels wide showing 0 … `end`. */
function timeScale(end: number, width: number) {
  return clampedLinear([0, end], [PAD, Math.max(PAD + 1, width - PAD)]);
}

interface LayerProps {
  readonly marks: TimelineMarks;
  readonly end: number;
  readonly width: number;
  /** Height of the lanes under the bands: everything below them moves down by it. */
  readonly lanesHeight: number;
}

/** Memoized: a seek moves only the cursor; the marks redraw when they, the run's end or the width change. */
const MarksLayer = memo(function MarksLayer({ marks, end, width, lanesHeight }: LayerProps) {
  const t = useStrings(TIME_STRINGS);
  const x = timeScale(end, width);
  const commits = thinOut(marks.commits, (c) => x(c.time), MIN_COMMIT_GAP);
  const { rows, count } = bandRows(marks.leaderships);
  const rowHeight = BAND_HEIGHT / count;
  const laneRow = new Map(laneNodes(marks).map((node, i) => [node, i]));
  const lanesTop = BAND_TOP + BAND_HEIGHT + 2;
  const markY = MARK_Y_BASE + lanesHeight;
  const tickTop = TICK_TOP_BASE + lanesHeight;
  const bottom = HEIGHT_BASE + lanesHeight;
  return (
    <g>
      {marks.leaderships.map((band, i) => {
        const x0 = x(band.from);
        const x1 = x(band.to ?? end);
        const w = Math.max(1, x1 - x0);
        const y = BAND_TOP + rows[i]! * rowHeight;
        const colour = termColor(band.term);
        const short = t.termShort(band.term, band.node);
        return (
          <g key={`${band.node}-${band.term}`} data-testid="term-band">
            <title>{t.leaderBand(band.node, band.term, band.from, band.to, band.end)}</title>
            <rect x={x0} y={y} width={w} height={rowHeight} fill={colour} fillOpacity={0.22} />
            <rect x={x0} y={y} width={w} height={Math.min(4, rowHeight / 3)} fill={colour} />
            <line x1={x0} x2={x0} y1={y} y2={y + rowHeight} stroke={colour} strokeWidth={1.5} />
            {w > textUnits(short) * 8 + 6 && rowHeight >= 11 && (
              <text
                x={x0 + 4}
                y={y + Math.min(18, rowHeight - 2)}
                className={styles.bandLabel}
                style={count > 1 ? { fontSize: Math.min(13, rowHeight - 1) } : undefined}
              >
                {short}
              </text>
            )}
          </g>
        );
      })}
      {marks.lanes.map((lane) => {
        const x0 = x(lane.from);
        const w = Math.max(1, x(lane.to ?? end) - x0);
        const y = lanesTop + laneRow.get(lane.node)! * (LANE_HEIGHT + LANE_GAP);
        const colour = termColor(lane.term);
        const long = t.laneShort(lane.node, lane.term);
        const label =
          w > textUnits(long) * 5 + 4 ? long : w > String(lane.term).length * 5 + 3 ? String(lane.term) : '';
        return (
          <g key={`${lane.node}-${lane.term}-${lane.fromStep}`} data-testid="term-lane">
            <title>{t.laneTitle(lane.node, lane.term)}</title>
            <rect x={x0} y={y} width={w} height={LANE_HEIGHT} fill={colour} fillOpacity={0.35} />
            <line x1={x0} x2={x0} y1={y} y2={y + LANE_HEIGHT} stroke={colour} strokeWidth={1} />
            {label && (
              <text x={x0 + 2} y={y + LANE_HEIGHT - 1} className={styles.laneLabel}>
                {label}
              </text>
            )}
          </g>
        );
      })}
      {commits.map((c) => (
        <line key={`c${c.step}`} x1={x(c.time)} x2={x(c.time)} y1={tickTop} y2={bottom} className={styles.commitTick}>
          <title>{t.commit(c.index, c.time)}</title>
        </line>
      ))}
      {marks.leaders.map((l) => (
        <g key={`l${l.step}`} transform={`translate(${x(l.time)} ${markY})`} data-testid="leader-mark">
          <title>{t.leaderMark(l.node, l.term, l.time)}</title>
          <path d="M-6,5 L0,-6 L6,5 Z" fill={termColor(l.term)} stroke="#0f172a" strokeWidth={0.75} />
        </g>
      ))}
      {marks.nodes.map((n) => (
        <g key={`n${n.step}-${n.node}`} transform={`translate(${x(n.time)} ${markY})`}>
          <title>{n.kind === 'crashed' ? t.crashed(n.node, n.time) : t.restarted(n.node, n.time)}</title>
          {n.kind === 'crashed' ? (
            <path d="M-5,-5 L5,5 M5,-5 L-5,5" className={styles.crashMark} />
          ) : (
            <circle r={4.5} className={styles.restartMark} />
          )}
        </g>
      ))}
      {marks.network.map((n) => (
        <g key={`w${n.step}`} transform={`translate(${x(n.time)} ${markY})`}>
          <title>{t.network(n.action, n.time)}</title>
          <path d="M0,-6 L6,0 L0,6 L-6,0 Z" className={styles.networkMark} />
        </g>
      ))}
      {marks.violations.map((v) => (
        <g key={`v${v.step}`} data-testid="violation-mark">
          <title>{t.violation(v.invariant, v.time)}</title>
          <line x1={x(v.time)} x2={x(v.time)} y1={0} y2={bottom} className={styles.violationLine} />
          <circle cx={x(v.time)} cy={markY} r={8} className={styles.violationDot} />
          <text x={x(v.time)} y={markY + 4.5} textAnchor="middle" className={styles.violationGlyph}>
            !
          </text>
        </g>
      ))}
    </g>
  );
});

/** How many violation buttons the timeline shows; the safety panel lists them all. */
const MAX_VIOLATION_BUTTONS = 5;

/**
 * Violations also as buttons: the most important moments of a run, one click away. Several
 * violations of one invariant at one shown instant (one per node, say) are one button with their count.
 */
function ViolationList({ marks, onSeek }: { marks: TimelineMarks; onSeek: (time: number) => void }) {
  const t = useStrings(TIME_STRINGS);
  if (marks.violations.length === 0) return null;
  // Grouped by what the button says: the same invariant at the same shown millisecond.
  const groups: { label: string; time: number; step: number; count: number }[] = [];
  for (const v of marks.violations) {
    const label = t.violation(v.invariant, v.time);
    const last = groups.at(-1);
    if (last && last.label === label) last.count++;
    else groups.push({ label, time: v.time, step: v.step, count: 1 });
  }
  const hidden = groups.slice(MAX_VIOLATION_BUTTONS).reduce((n, g) => n + g.count, 0);
  return (
    <p className={styles.violations}>
      <strong>{t.violationsCount(marks.violations.length)}:</strong>
      {groups.slice(0, MAX_VIOLATION_BUTTONS).map((g) => (
        <button key={g.step} type="button" className={styles.violationButton} onClick={() => onSeek(g.time)}>
          ! {g.label}
          {g.count > 1 ? ` ${t.violationTimes(g.count)}` : ''}
        </button>
      ))}
      {hidden > 0 ? <span>{t.violationsMore(hidden)}</span> : null}
    </p>
  );
}
