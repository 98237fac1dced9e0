// The space-time diagram (Lamport's picture of a distributed run): one lane per node and
// one for the client, time flowing to the right, every message an arrow from its send to
// its arrival (a cross where it died). The window ends at the instant shown and follows the
// run; the wheel, a pinch or the +/− buttons zoom its time axis (d3-zoom does the maths,
// React owns the elements). Hovering an arrow highlights that message in the cluster view;
// clicking anywhere goes to that instant. It can take the stage (Maximize, Escape to go back):
// over the ring, the timeline and the logs, with the instant shown in the middle of its window.

import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { zoom, type ZoomBehavior } from 'd3-zoom';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CLIENT, type Endpoint } from '../../sim/types';
import { useSimStore } from '../../store/sim-store';
import { STRINGS as CLUSTER_STRINGS } from '../cluster/strings';
import { useStrings } from '../i18n';
import { messageName } from '../cluster/message-name';
import { useMeasuredBox } from '../use-box-size';
import { ArrowCanvas } from './ArrowCanvas';
import { ArrowView, InFlightHeads, plotX, type Plot } from './Arrows';
import { LaneMarks } from './LaneMarks';
import { arrowsAt, type Arrow } from './layout';
import { arrowNear, type ArrowFrame, type PaintedArrow } from './paint-arrows';
import styles from './SpaceTime.module.css';
import { SPACETIME_STRINGS } from './strings';

const GUTTER = 64;
const RIGHT = 16;
const TOP = 24;
const LANE_GAP = 40;
const BOTTOM = 14;
/** The window shown at zoom 1 (virtual ms). */
export const BASE_SPAN = 500;
const MIN_K = BASE_SPAN / 10_000;
const MAX_K = BASE_SPAN / 100;
/** While playing, ask the worker for a new window at most this often (wall ms). */
const REQUEST_INTERVAL = 250;
/** The in-flight clip's left edge, far left of any window (the plot clip cuts the rest). */
const CLIP_REACH = 100_000;

export function SpaceTimeDiagram() {
  const t = useStrings(SPACETIME_STRINGS);
  const c = useStrings(CLUSTER_STRINGS);
  const titleId = useId();
  const now = useSimStore((s) => s.snapshot?.time ?? 0);
  const step = useSimStore((s) => s.snapshot?.step ?? 0);
  const branch = useSimStore((s) => s.history?.branch ?? 0);
  const nodeIds = useSimStore(useShallow((s) => (s.snapshot?.nodes ?? []).map((n) => n.id)));
  const inFlight = useSimStore((s) => s.snapshot?.messages);
  const stWindow = useSimStore((s) => s.spaceTime);
  const requestSpaceTime = useSimStore((s) => s.requestSpaceTime);
  const seek = useSimStore((s) => s.seek);
  const selected = useSimStore((s) => s.selectedMessage);
  const hovered = useSimStore((s) => s.hoveredMessage);
  const selectMessage = useSimStore((s) => s.selectMessage);
  const hoverMessage = useSimStore((s) => s.hoverMessage);
  const playing = useSimStore((s) => s.playing);
  const ended = useSimStore((s) => s.endedMessages);

  const [span, setSpan] = useState(BASE_SPAN);
  const [showHeartbeats, setShowHeartbeats] = useState(true);
  /** Where the window ends after a click inside it, so the picture does not jump under the pointer. */
  const [anchor, setAnchor] = useState<number | null>(null);
  /** On the stage: the top of the area it covers (below the toolbar), or null in the side column. */
  const [stageTop, setStageTop] = useState<number | null>(null);
  const onStage = stageTop !== null;
  const toggleStage = (): void => {
    if (onStage) return setStageTop(null);
    const workspace = document.querySelector('.workspace');
    setStageTop(workspace ? Math.max(0, workspace.getBoundingClientRect().top) : 0);
  };
  const wrap = useRef<HTMLDivElement>(null);
  /** The arrows as the canvas last painted them (while playing), for a click to pick one. */
  const painted = useRef<readonly PaintedArrow[]>([]);
  const svgRef = useRef<SVGSVGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const lastRequest = useRef(-Infinity);
  // Measured through a callback ref: it follows the element when it is replaced (use-box-size.ts).
  const [{ width }, measureWrap] = useMeasuredBox(wrap, { width: 720, height: 0 });

  // The window follows the run, unless the class clicked inside it and is still inside it.
  const followed = anchor !== null && now <= anchor && now >= anchor - span ? anchor : now;
  // Early in a run the window starts at 0 and the cursor walks across it. On the stage the instant shown
  // is in the middle: what led to it on the left, the messages still in flight reaching out to the right.
  const viewTo = Math.max(onStage ? followed + span / 2 : followed, span);
  const viewFrom = viewTo - span;

  // Ask for the window's content; while playing, no more than a few times a second.
  useEffect(() => {
    const wait = Math.max(0, lastRequest.current + REQUEST_INTERVAL - performance.now());
    const timer = setTimeout(() => {
      lastRequest.current = performance.now();
      requestSpaceTime(viewFrom, viewTo);
    }, wait);
    return () => clearTimeout(timer);
  }, [viewFrom, viewTo, step, branch, requestSpaceTime]);

  // Wheel and pinch zoom the time axis; dragging is left to clicks (which seek).
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([MIN_K, MAX_K])
      .filter((event: Event) => event.type === 'wheel' || event.type.startsWith('touch'))
      .on('zoom', (event: { transform: { k: number } }) => setSpan(BASE_SPAN / event.transform.k));
    select(svg).call(behaviour);
    zoomRef.current = behaviour;
    return () => {
      select(svg).on('.zoom', null);
    };
  }, []);
  const zoomBy = (factor: number): void => {
    const svg = svgRef.current;
    const behaviour = zoomRef.current;
    if (svg && behaviour) select(svg).call(behaviour.scaleBy, factor);
  };

  const lanes: Endpoint[] = useMemo(() => [CLIENT, ...nodeIds], [nodeIds]);
  // On the stage the lanes share the screen's height (the head and the note take about 9rem).
  const laneGap =
    stageTop === null
      ? LANE_GAP
      : Math.max(LANE_GAP, Math.floor((window.innerHeight - stageTop - 170) / Math.max(1, lanes.length)));
  const laneY = useMemo(() => new Map(lanes.map((id, i) => [id, TOP + 14 + i * laneGap])), [lanes, laneGap]);
  const height = TOP + 14 + (lanes.length - 1) * laneGap + BOTTOM + 10;
  const plotRight = Math.max(GUTTER + 1, width - RIGHT);
  const x = scaleLinear().domain([viewFrom, viewTo]).range([GUTTER, plotRight]);
  // Arrows and marks sit in plot coordinates whose origin moves once per span; the group slides.
  const pxPerMs = (plotRight - GUTTER) / span;
  const origin = Math.floor(viewFrom / span) * span;
  const plot: Plot = useMemo(() => ({ origin, pxPerMs }), [origin, pxPerMs]);
  const slide = GUTTER + (origin - viewFrom) * pxPerMs;

  const arrows = arrowsAt(stWindow, inFlight ?? [], now, viewFrom, ended).filter((a) => showHeartbeats || !a.heartbeat);
  const marks = (stWindow?.marks ?? []).filter((m) => m.time <= now && m.time >= viewFrom && m.time <= viewTo);
  const clipId = useId();

  const timeAt = (clientX: number): number => {
    const rect = svgRef.current?.getBoundingClientRect();
    const px = rect && rect.width > 0 ? ((clientX - rect.left) * width) / rect.width : clientX;
    return Math.max(0, Math.round(x.invert(px) * 10) / 10);
  };
  const goTo = (time: number): void => {
    setAnchor(viewTo);
    seek(Math.max(0, time));
  };
  const onBackgroundClick = (e: MouseEvent<SVGSVGElement>): void => {
    // While playing the arrows are a painting: pick the one under the pointer from what was painted.
    const rect = svgRef.current?.getBoundingClientRect();
    const hit =
      playing && rect && rect.width > 0
        ? arrowNear(painted.current, ((e.clientX - rect.left) * width) / rect.width, e.clientY - rect.top)
        : undefined;
    if (hit) onArrowClick(hit, e.clientX);
    else goTo(timeAt(e.clientX));
  };
  const onArrowClick = (arrow: Arrow, clientX: number | null): void => {
    selectMessage(arrow.id);
    const end = arrow.endsAt ?? arrow.headAt;
    const inside = clientX === null ? (arrow.sentAt + end) / 2 : timeAt(clientX);
    // An instant strictly inside the flight, so the message is on the wire there.
    const lo = arrow.sentAt + Math.min(0.1, (end - arrow.sentAt) / 4);
    const hi = end - Math.min(0.1, (end - arrow.sentAt) / 4);
    goTo(Math.min(hi, Math.max(lo, inside)));
  };

  // Memoized arrows get callbacks that never change and read the latest closures.
  const latestClick = useRef(onArrowClick);
  useEffect(() => {
    latestClick.current = onArrowClick;
  });
  const onArrowClickStable = useCallback((arrow: Arrow, clientX: number | null) => {
    latestClick.current(arrow, clientX);
  }, []);

  const arrowView = (a: Arrow) => (
    <ArrowView
      key={a.id}
      arrow={a}
      plot={plot}
      fromY={laneY.get(a.from) ?? TOP}
      toY={laneY.get(a.to) ?? TOP}
      label={arrowLabel(t, messageName(c, a.from, a.to, a.payload), a)}
      emphasis={a.id === selected ? 'selected' : a.id === hovered ? 'hovered' : 'none'}
      onClick={onArrowClickStable}
      onHover={hoverMessage}
      clip={a.state === 'inFlight' ? `url(#${clipId}sent)` : undefined}
    />
  );

  const ticks = x.ticks(Math.max(2, Math.floor(width / 120)));
  const canvasFrame: ArrowFrame = {
    from: viewFrom,
    left: GUTTER,
    right: plotRight,
    pxPerMs,
    height,
    now,
    laneY,
    top: TOP,
    span,
  };

  return (
    <section
      className={`panel ${styles.panel} ${onStage ? styles.onStage : ''}`}
      style={onStage ? { top: stageTop } : undefined}
      aria-labelledby={titleId}
      role={onStage ? 'dialog' : undefined}
      aria-modal={onStage ? false : undefined}
      onKeyDown={(e) => {
        if (onStage && e.key === 'Escape') setStageTop(null);
      }}
    >
      <div className={styles.head}>
        <h2 id={titleId} className={styles.title}>
          {t.title}
        </h2>
        <div className={styles.tools}>
          <button
            type="button"
            className={styles.small}
            onClick={() => zoomBy(1.5)}
            aria-label={t.zoomIn}
            title={t.zoomIn}
          >
            +
          </button>
          <button
            type="button"
            className={styles.small}
            onClick={() => zoomBy(1 / 1.5)}
            aria-label={t.zoomOut}
            title={t.zoomOut}
          >
            −
          </button>
          <span className={styles.span}>{t.span(span)}</span>
          <label className={styles.check}>
            <input type="checkbox" checked={showHeartbeats} onChange={(e) => setShowHeartbeats(e.target.checked)} />
            {t.heartbeats}
          </label>
          <button
            type="button"
            className={styles.stageButton}
            aria-pressed={onStage}
            onClick={toggleStage}
            title={onStage ? t.backHint : undefined}
          >
            {onStage ? t.back : t.maximize}
          </button>
        </div>
      </div>
      <p className={styles.explain}>{t.explain}</p>
      <div ref={measureWrap} className={styles.wrap}>
        <svg
          ref={svgRef}
          width={width}
          height={height}
          className={styles.svg}
          role="group"
          aria-label={t.diagram(viewFrom, viewTo)}
          onClick={onBackgroundClick}
        >
          <g aria-hidden="true">
            {ticks.map((tick) => (
              <g key={tick} transform={`translate(${x(tick)} 0)`}>
                <line y1={TOP - 4} y2={height - BOTTOM} className={styles.grid} />
                <text y={TOP - 8} textAnchor="middle" className={styles.tickLabel}>
                  {(tick / 1000).toFixed(span < 600 ? 3 : 2)} s
                </text>
              </g>
            ))}
            {lanes.map((id) => (
              <g key={id} transform={`translate(0 ${laneY.get(id)})`}>
                <text
                  x={GUTTER - 10}
                  y={5}
                  textAnchor="end"
                  className={id === CLIENT ? styles.clientLabel : styles.laneLabel}
                >
                  {id === CLIENT ? t.client : id}
                </text>
                <line x1={GUTTER} x2={width - RIGHT} className={id === CLIENT ? styles.clientLane : styles.lane} />
              </g>
            ))}
          </g>
          <defs>
            <clipPath id={`${clipId}plot`}>
              <rect x={GUTTER} y={0} width={plotRight - GUTTER} height={height} />
            </clipPath>
            <clipPath id={`${clipId}sent`}>
              {/* In plot coordinates: up to now, so a flying message shows as far as it got. */}
              <rect x={-CLIP_REACH} y={0} width={plotX(plot, now) + CLIP_REACH} height={height} />
            </clipPath>
          </defs>
          <g clipPath={`url(#${clipId}plot)`}>
            <g transform={`translate(${slide} 0)`}>
              <LaneMarks marks={marks} plot={plot} laneY={laneY} top={TOP} bottom={height - BOTTOM} />
              {!playing && <g>{arrows.map(arrowView)}</g>}
              {!playing && <InFlightHeads arrows={arrows} plot={plot} now={now} laneY={laneY} top={TOP} />}
            </g>
          </g>
          <g aria-hidden="true">
            <line x1={x(now)} x2={x(now)} y1={TOP - 4} y2={height - BOTTOM} className={styles.cursor} />
          </g>
        </svg>
        {playing && (
          <ArrowCanvas
            arrows={arrows}
            frame={canvasFrame}
            width={width}
            selected={selected}
            hovered={hovered}
            look={`${branch}|${showHeartbeats}|${lanes.join()}|${laneGap}`}
            paintedRef={painted}
          />
        )}
      </div>
      {stWindow?.truncated && <p className={styles.note}>{t.truncated}</p>}
    </section>
  );
}

function arrowLabel(t: typeof SPACETIME_STRINGS.en, name: string, a: Arrow): string {
  const sent = t.sent(name, a.sentAt);
  if (a.state === 'inFlight') return `${sent}, ${t.inFlight}`;
  if (a.state === 'dropped') return `${sent}, ${t.droppedAt(a.headAt)}`;
  return `${sent}, ${t.delivered(a.headAt)}`;
}
