// The client history the history panel draws, built in the worker: each client operation from
// its invoke to its response, on the row of the logical client that issued it, with the
// linearizability checker's verdict for each key (the order found, or the smallest failing part
// and its stale read, or undecided). The UI draws this; it never runs the checker itself.
//
// Loaded on demand (the first time the panel asks), so the worker's first load does not carry the
// checker. The trace is read incrementally: each request reads only the events since the last,
// and a key is checked again only when its operations changed (HistoryExplainer's cache).

import { HistoryExplainer, keyOf, type ExplainOptions } from '../check/history-explain';
import { initialOperations } from '../check/initial-state';
import type { Operation } from '../check/linearizability';
import type { History } from '../sim/history';
import type { TraceReader } from '../sim/trace-log';
import type { ClientHistoryView, HistoryOperation } from './protocol';

/** The operations sent to the UI at most: the latest ones, plus any a failing part names. */
export const MAX_SENT_OPERATIONS = 400;

interface OpenOperation {
  id: number;
  command: string;
  key: string | null;
  client: number;
  call: number;
  ret: number | null;
  result: string | null;
  failedAt: number | null;
  by: string | null;
}

export class ClientHistoryTracker {
  private source: { history: History; branch: number; reader: TraceReader; revision: number } | null = null;
  private read = 0;
  private operations: OpenOperation[] = [];
  private byId = new Map<number, OpenOperation>();
  /** Per logical client: until when its current operation runs (Infinity while it waits for an answer). */
  private busyUntil: number[] = [];
  /** The operations standing for the run's initial data (negative ids; never drawn). */
  private initial: readonly Operation[] = [];
  private readonly explainer: HistoryExplainer;

  /** `options`: the checker's search budget (tests make it tiny to see an undecided verdict). */
  constructor(options: ExplainOptions = {}) {
    this.explainer = new HistoryExplainer(options);
  }

  /** The history of the run's current branch, as far as it has been computed. */
  view(h: History): ClientHistoryView {
    this.follow(h);
    // The data the run starts with (an initial snapshot, commands in the initial logs): reads may return it.
    const checked: Operation[] = [...this.initial];
    for (const o of this.operations)
      checked.push({
        id: o.id,
        command: o.command,
        call: o.call,
        // A failed request may still have been committed: it counts as never answered.
        ret: o.ret ?? Infinity,
        result: o.ret === null ? null : o.result,
      });
    const keys = this.explainer.explain(checked);
    const order = new Map<number, number>();
    const core = new Set<number>();
    for (const k of keys) {
      // The initial data's operations are not drawn: the order counts the client's own.
      if (k.outcome === 'linearizable') k.order.filter((id) => id >= 0).forEach((id, i) => order.set(id, i + 1));
      else if (k.outcome === 'notLinearizable') for (const id of k.core) core.add(id);
    }
    const from = Math.max(0, this.operations.length - MAX_SENT_OPERATIONS);
    const operations: HistoryOperation[] = [];
    this.operations.forEach((o, i) => {
      if (i < from && !core.has(o.id)) return;
      operations.push({ ...o, order: order.get(o.id) ?? null, inCore: core.has(o.id) });
    });
    return {
      operations,
      total: this.operations.length,
      clients: this.busyUntil.length,
      keys,
      end: h.end.time,
    };
  }

  /** Reads the trace events since the last call; starts over on another run, branch or a cut trace. */
  private follow(h: History): void {
    const reader = h.records;
    const revision = h.marks.revision;
    const s = this.source;
    if (
      s === null ||
      s.history !== h ||
      s.branch !== h.branch ||
      s.reader !== reader ||
      s.revision !== revision ||
      reader.length < this.read
    ) {
      this.source = { history: h, branch: h.branch, reader, revision };
      this.initial = initialOperations(h.branchScenario());
      this.read = 0;
      this.operations = [];
      this.byId.clear();
      this.busyUntil = [];
    }
    const length = reader.length;
    for (let i = this.read; i < length; i++) {
      if (reader.kindAt && reader.kindAt(i) !== 'client') continue;
      const t = reader.at(i);
      if (t === undefined || t.kind !== 'client') continue;
      const e = t.event;
      switch (e.type) {
        case 'submitted': {
          // A membership change is no operation on the key-value store.
          if (e.change === true) break;
          const op: OpenOperation = {
            id: e.requestId,
            command: e.command,
            key: keyOf(e.command),
            client: this.freeClient(t.time),
            call: t.time,
            ret: null,
            result: null,
            failedAt: null,
            by: null,
          };
          this.operations.push(op);
          this.byId.set(op.id, op);
          break;
        }
        case 'succeeded': {
          const op = this.byId.get(e.requestId);
          if (op && op.ret === null && op.failedAt === null) {
            op.ret = t.time;
            op.result = e.result;
            op.by = e.by;
            this.busyUntil[op.client - 1] = t.time;
          }
          break;
        }
        case 'failed': {
          const op = this.byId.get(e.requestId);
          if (op && op.ret === null && op.failedAt === null) {
            op.failedAt = t.time;
            this.busyUntil[op.client - 1] = t.time;
          }
          break;
        }
        default:
          break;
      }
    }
    this.read = length;
  }

  /**
   * The simulated client sends requests concurrently; the panel draws them as Porcupine does, one
   * row per sequential client: a request takes the first row whose last request had ended before it.
   */
  private freeClient(at: number): number {
    let lane = this.busyUntil.findIndex((until) => until < at);
    if (lane < 0) {
      lane = this.busyUntil.length;
      this.busyUntil.push(Infinity);
    } else this.busyUntil[lane] = Infinity;
    return lane + 1;
  }
}
