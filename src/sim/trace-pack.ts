// Trace records on their way from the worker to the UI thread. Cloning a record object per event
// (an event, an envelope and a payload each) was half of what the worker spent on a frame at 1×;
// packed, a frame's records are their rows' numbers in one transferable buffer (the TraceLog's own
// columns, copied by typed-array sets), the objects they refer to beside it (payloads, rarer events),
// and the names the rows index. The UI builds record objects only for the rows it reads.

import { ROW_BYTES, TraceChunk, type TraceRows } from './trace-chunk';
import { recordAt, type Extra } from './trace-record';
import type { Endpoint, TraceEvent } from './types';

export interface PackedTrace {
  readonly count: number;
  /** `count` rows of numbers, column after column (trace-chunk.ts): transfer it, do not copy it. */
  readonly columns: ArrayBuffer;
  /** What each row refers to (a payload, an event, an action), or undefined. */
  readonly refs: readonly unknown[];
  /** The endpoints the rows' node and peer bytes index. */
  readonly names: readonly Endpoint[];
  /** The rare fields of a few rows (trace-record.ts), by row. */
  readonly extras: readonly (readonly [number, Extra])[];
}

export const EMPTY_PACKED_TRACE: PackedTrace = {
  count: 0,
  columns: new ArrayBuffer(0),
  refs: [],
  names: [],
  extras: [],
};

/** The last `last` records of a packed trace (all by default), as record objects, oldest first. */
export function unpackTrace(packed: PackedTrace, last = packed.count): TraceEvent[] {
  const { count, names } = packed;
  if (packed.columns.byteLength !== count * ROW_BYTES || packed.refs.length !== count) {
    throw new Error(
      `a packed trace of ${count} records has ${packed.columns.byteLength} bytes and ${packed.refs.length} references`,
    );
  }
  const rows: TraceRows = new TraceChunk(count, packed.columns, packed.refs as unknown[]);
  const extras = new Map(packed.extras);
  const out: TraceEvent[] = [];
  for (let j = Math.max(0, count - last); j < count; j++) out.push(recordAt(rows, j, names, extras.get(j)));
  return out;
}
