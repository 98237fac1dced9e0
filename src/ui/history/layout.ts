// Where the history panel draws each operation: a bar from invoke to response on a time axis
// (d3's linear scale), one row per client, and per key a line through instants at which the
// operations, in the order the checker found, can each take effect (the linearization points).

import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { ClientHistoryView, HistoryOperation } from '../../worker/protocol';

export interface OperationBox {
  readonly op: HistoryOperation;
  readonly x: number;
  readonly width: number;
  readonly row: number;
  /** No answer (still waiting, or failed): the bar runs to the end of the axis or to where the client gave up. */
  readonly open: boolean;
}

export interface LinearizationLine {
  readonly key: string;
  /** Points in the order found: x on the axis, row of the operation. */
  readonly points: readonly { readonly x: number; readonly row: number; readonly order: number }[];
}

export interface HistoryLayout {
  readonly scale: ScaleLinear<number, number>;
  readonly boxes: readonly OperationBox[];
  readonly lines: readonly LinearizationLine[];
  readonly rows: number;
}

/** The narrowest bar drawn, so an instant answer can still be seen and clicked. */
export const MIN_BAR = 10;

export function historyLayout(view: ClientHistoryView, left: number, right: number, now: number): HistoryLayout {
  const ops = view.operations;
  const first = ops.length > 0 ? Math.min(...ops.map((o) => o.call)) : 0;
  // The axis ends soon after the last answer, so short operations stay wide enough to read; while an
  // operation still waits for its answer, it runs to the instant shown.
  const waiting = ops.some((o) => o.ret === null && o.failedAt === null);
  const last = Math.max(waiting ? Math.max(now, view.end) : 0, ...ops.map((o) => o.ret ?? o.failedAt ?? o.call));
  const pad = Math.max(1, (last - first) * 0.04);
  const scale = scaleLinear()
    .domain([Math.max(0, first - pad), last + pad])
    .range([left, Math.max(left + 1, right)]);
  const domainEnd = last + pad;
  const boxes = ops.map((op): OperationBox => {
    const end = op.ret ?? op.failedAt ?? domainEnd;
    const x = scale(op.call);
    return { op, x, width: Math.max(MIN_BAR, scale(end) - x), row: op.client - 1, open: op.ret === null };
  });
  const rows = Math.max(view.clients, ...ops.map((o) => o.client), 1);

  // Per key, each operation placed at the earliest instant inside its bar not before the last one's:
  // for an order the checker accepted, that instant always lies inside the bar.
  const byKey = new Map<string, HistoryOperation[]>();
  for (const op of ops) {
    if (op.order === null || op.key === null) continue;
    const list = byKey.get(op.key);
    if (list) list.push(op);
    else byKey.set(op.key, [op]);
  }
  const lines: LinearizationLine[] = [];
  for (const [key, list] of [...byKey].sort(([a], [b]) => (a < b ? -1 : 1))) {
    list.sort((a, b) => a.order! - b.order!);
    let at = -Infinity;
    const points = list.map((op) => {
      at = Math.max(at, op.call);
      return { x: scale(at), row: op.client - 1, order: op.order! };
    });
    lines.push({ key, points });
  }
  return { scale, boxes, lines, rows };
}
