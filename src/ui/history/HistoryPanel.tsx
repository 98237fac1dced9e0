// The client history, drawn as Porcupine's visualiser draws one: a time axis, one row per client,
// each operation a bar from invoke to response. Over it, the linearizability checker's verdict as
// the worker computed it: the order found (numbers, and a line through the instants the operations
// take effect), or the smallest part no order explains with its stale read named, or undecided.
// Each bar is a button: it moves the run to the instant the operation was invoked.

import { useEffect, useId, useRef } from 'react';
import { useSimStore } from '../../store/sim-store';
import type { ClientHistoryView, HistoryOperation, KeyVerdict } from '../../worker/protocol';
import { useStrings } from '../i18n';
import { useMeasuredBox } from '../use-box-size';
import styles from './History.module.css';
import { historyLayout } from './layout';
import { HISTORY_STRINGS } from './strings';

type Strings = typeof HISTORY_STRINGS.en;

/** While playing, ask the worker for the history at most this often (wall ms): the checker runs there. */
const REQUEST_INTERVAL = 500;
const GUTTER = 92;
const RIGHT = 30;
const AXIS = 26;

const LINE_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#8a7a00', '#6a3d9a'];

/** Ask for the history when the run moves, no more than twice a second. */
function useClientHistory(): ClientHistoryView | null {
  const view = useSimStore((s) => s.clientHistory);
  const step = useSimStore((s) => s.snapshot?.step ?? 0);
  const end = useSimStore((s) => s.history?.end.step ?? 0);
  const branch = useSimStore((s) => s.history?.branch ?? 0);
  const request = useSimStore((s) => s.requestClientHistory);
  const last = useRef(-Infinity);
  useEffect(() => {
    const wait = Math.max(0, last.current + REQUEST_INTERVAL - performance.now());
    const timer = setTimeout(() => {
      last.current = performance.now();
      request();
    }, wait);
    return () => clearTimeout(timer);
  }, [step, end, branch, request]);
  return view;
}

/** The operation's accessible name: what it did, on which row, when, and what the checker says of it. */
export function operationName(op: HistoryOperation, t: Strings, stale: ReadonlySet<number>): string {
  const base =
    op.ret !== null
      ? t.opName(op.command, op.client, op.call, op.ret)
      : op.failedAt !== null
        ? t.opFailed(op.command, op.client, op.call, op.failedAt)
        : t.opPending(op.command, op.client, op.call);
  const result = op.ret !== null && op.result !== null ? t.opResult(op.result, op.by) : '';
  const order = op.order !== null && op.key !== null ? t.opOrder(op.order, op.key) : '';
  const core = stale.has(op.id) ? t.opStale : op.inCore ? t.opCore : '';
  return `${base}${result}${order}${core}`;
}

/** The sentence that names the stale read, from the worker's finding. */
export function staleSentence(
  verdict: Extract<KeyVerdict, { outcome: 'notLinearizable' }>,
  ops: ReadonlyMap<number, HistoryOperation>,
  t: Strings,
): string {
  const s = verdict.stale;
  if (s === null) return t.noStale;
  const read = ops.get(s.read);
  const value = read?.result === '(none)' ? null : (read?.result ?? null);
  const readText = read?.command ?? `#${s.read}`;
  switch (s.kind) {
    case 'overwritten':
      // A negative id stands for the run's initial snapshot (src/check/initial-state.ts), which no row draws.
      return t.staleOverwritten(
        readText,
        value,
        ops.get(s.write)?.command ?? (s.write < 0 ? t.initialWrite : `#${s.write}`),
      );
    case 'olderThanRead': {
      const earlier = ops.get(s.earlier);
      const newer = earlier?.result === '(none)' ? null : (earlier?.result ?? null);
      return t.staleOlderThanRead(readText, value, earlier?.command ?? `#${s.earlier}`, newer);
    }
    case 'neverWritten':
      return t.staleNeverWritten(readText, value);
  }
}

function Verdict({ view, t }: { readonly view: ClientHistoryView; readonly t: Strings }) {
  const ops = new Map(view.operations.map((o) => [o.id, o]));
  const bad = view.keys.filter((k) => k.outcome === 'notLinearizable');
  const undecided = view.keys.filter((k) => k.outcome === 'undecided');
  if (bad.length === 0 && undecided.length === 0)
    return (
      <div className={`${styles.verdict} ${styles.ok}`} data-testid="history-verdict">
        <strong>{t.verdictOk}</strong> <span>{t.verdictOkDetail(view.keys.length)}</span>
      </div>
    );
  return (
    <>
      {bad.map((k) => (
        <div key={k.key} className={`${styles.verdict} ${styles.bad}`} data-testid="history-verdict">
          <strong>{t.verdictBad(k.key)}</strong> <span>{staleSentence(k, ops, t)}</span>{' '}
          <span className={styles.detail}>{t.verdictBadDetail(k.core.length, k.until)}</span>
        </div>
      ))}
      {undecided.map((k) => (
        <div key={k.key} className={`${styles.verdict} ${styles.undecided}`} data-testid="history-verdict">
          <strong>{t.verdictUndecided(k.key)}</strong> <span>{t.verdictUndecidedDetail(k.maxSteps)}</span>
        </div>
      ))}
    </>
  );
}

/** `stage`: drawn on the presenter's stage instead of the ring, with taller rows. */
export function HistoryPanel({ stage = false }: { readonly stage?: boolean }) {
  const t = useStrings(HISTORY_STRINGS);
  const titleId = useId();
  const view = useClientHistory();
  const now = useSimStore((s) => s.snapshot?.time ?? 0);
  const seek = useSimStore((s) => s.seek);
  const wrap = useRef<HTMLDivElement>(null);
  // The empty note and the diagram's wrap take turns as the measured element: measure whichever is there.
  const [{ width }, measureWrap] = useMeasuredBox(wrap, { width: 640, height: 0 });

  const head = (
    <div className={styles.head}>
      <h2 id={titleId} className={styles.title}>
        {t.title}
      </h2>
    </div>
  );
  if (view === null || view.operations.length === 0)
    return (
      <section className={`${styles.panel} ${stage ? styles.stage : ''}`} aria-labelledby={titleId}>
        {head}
        <p className={styles.note} ref={measureWrap}>
          {view === null ? t.waiting : t.empty}
        </p>
        <p className={styles.note}>{t.explain}</p>
      </section>
    );

  const rowHeight = stage ? 56 : 34;
  const barHeight = stage ? 36 : 24;
  const layout = historyLayout(view, GUTTER, width - RIGHT, now);
  const { scale } = layout;
  const height = AXIS + layout.rows * rowHeight + 6;
  const rowY = (row: number): number => AXIS + row * rowHeight + (rowHeight - barHeight) / 2;
  const ticks = scale.ticks(Math.max(2, Math.floor((width - GUTTER) / 90)));
  const format = scale.tickFormat(ticks.length, ',d');
  const failing = view.keys.some((k) => k.outcome === 'notLinearizable');
  const stale = new Set<number>();
  const witness = new Set<number>();
  for (const k of view.keys) {
    if (k.outcome !== 'notLinearizable' || k.stale === null) continue;
    stale.add(k.stale.read);
    if (k.stale.kind === 'overwritten') witness.add(k.stale.write);
    if (k.stale.kind === 'olderThanRead') witness.add(k.stale.earlier);
  }
  const [from, to] = scale.domain() as [number, number];
  const nowShown = now >= from && now <= to;

  return (
    <section className={`${styles.panel} ${stage ? styles.stage : ''}`} aria-labelledby={titleId}>
      {head}
      <Verdict view={view} t={t} />
      <div className={styles.wrap} ref={measureWrap}>
        <div className={styles.plot} style={{ height }} role="group" aria-label={t.diagram(view.total, view.clients)}>
          <svg className={styles.svg} width={width} height={height} aria-hidden="true">
            <text x={4} y={AXIS - 9} className={styles.axisLabel}>
              ms
            </text>
            {ticks.map((tick) => (
              <g key={tick}>
                <line x1={scale(tick)} x2={scale(tick)} y1={AXIS - 6} y2={height} className={styles.grid} />
                <text x={scale(tick)} y={AXIS - 9} textAnchor="middle" className={styles.tick}>
                  {format(tick)}
                </text>
              </g>
            ))}
            {Array.from({ length: layout.rows }, (_, row) => (
              <text key={row} x={4} y={rowY(row) + barHeight / 2 + 5} className={styles.rowLabel}>
                {t.clientRow(row + 1)}
              </text>
            ))}
            {nowShown ? (
              <line x1={scale(now)} x2={scale(now)} y1={AXIS - 4} y2={height} className={styles.now} />
            ) : null}
            {layout.lines.map((line, i) => (
              <polyline
                key={line.key}
                points={line.points.map((p) => `${p.x},${rowY(p.row) + barHeight / 2}`).join(' ')}
                className={styles.linearization}
                stroke={LINE_COLORS[i % LINE_COLORS.length]}
              />
            ))}
          </svg>
          {layout.boxes.map((box) => {
            const op = box.op;
            const classes = [
              styles.op,
              box.open ? styles.open : '',
              op.failedAt !== null ? styles.failed : '',
              op.inCore ? styles.core : failing ? styles.dim : '',
              stale.has(op.id) ? styles.stale : '',
              witness.has(op.id) ? styles.witness : '',
              op.call > now ? styles.future : '',
            ];
            const name = operationName(op, t, stale);
            return (
              <button
                key={op.id}
                type="button"
                className={classes.filter(Boolean).join(' ')}
                style={{ left: box.x, top: rowY(box.row), width: box.width, height: barHeight }}
                aria-label={name}
                title={`${name}. ${t.opSeek(op.call)}`}
                onClick={() => seek(op.call)}
              >
                {op.order !== null ? <span className={styles.order}>{op.order}</span> : null}
                <span className={styles.command}>
                  {op.command}
                  {op.ret !== null && op.result !== null && !op.command.startsWith('set ') ? ` → ${op.result}` : ''}
                </span>
              </button>
            );
          })}
        </div>
      </div>
      {view.total > view.operations.length ? (
        <p className={styles.note}>{t.onlyLatest(view.operations.length, view.total)}</p>
      ) : null}
      <p className={styles.note}>
        {t.axis} · <span className={styles.legend}>{t.legendOrder}</span> · <span>{t.legendCore}</span> ·{' '}
        <span>{t.legendPending}</span>
      </p>
      {stage ? null : <p className={styles.note}>{t.explain}</p>}
    </section>
  );
}
