// The kept trace's own rows: what a TraceLog holds, narrower than the rows a frame carries
// (trace-chunk.ts, whose layout the UI thread reads and which stays as it is). Every MB a run
// keeps costs its first touch (some 6 ms per MB on the bench's machine), and a virtual hour keeps
// 2.6 M rows, so a row holds only what it must:
// - a step as 16 bits above the chunk's first step (a chunk of 4,096 rows spans a couple of
//   thousand steps); a chunk whose steps do not fit that widens to 32 bits;
// - a time once per step, not per row: every record of an event has the event's time, and an
//   event records two or three rows. A chunk whose steps span more than its table of step times,
//   or whose rows of one step differ in time, keeps a time per row instead;
// - a reference as 32 bits: a payload's index in the log's ReplyTable or AppendTable as it is,
//   any object as its place in the chunk's `objects`, which hold only the rows that refer to one
//   (a quarter of them), rather than 8 bytes of pointer on every row.
// The columns that mean the same as a frame's keep their names and types (RowColumns).

import { CHUNK_SIZE, type RowColumns, type TraceChunk } from './trace-chunk';

/** Bytes per row: num1 (8), num0 and refs (4 each), step times (8 per two rows), steps (2), four single bytes. */
const STORED_ROW_BYTES = 26;

const NARROW_STEPS = 0xffff;

export class StoredChunk implements RowColumns {
  readonly num1: Float64Array;
  readonly num0: Uint32Array;
  /**
   * A row's reference: for a payload kept as numbers its table index; otherwise 0 for none and
   * k for `objects[k - 1]`. Which one the row's kind and code say (trace-record.ts).
   */
  readonly refs: Uint32Array;
  readonly kinds: Uint8Array;
  readonly nodes: Uint8Array;
  readonly peers: Uint8Array;
  readonly codes: Uint8Array;
  /** Steps above `stepBase`, while every step written fits 16 bits. */
  private readonly narrowSteps: Uint16Array;
  private stepBase = 0;
  /** All steps in full, once one did not fit (rare: thousands of steps with no record between). */
  private wideSteps: Uint32Array | null = null;
  /** The time of step `stepBase + k` at k, for the steps of narrow rows below its length. */
  private readonly stepTimes: Float64Array;
  /** A time per row, once a row's time could not be kept by its step. */
  private wideTimes: Float64Array | null = null;
  /** The objects rows refer to, in row order. */
  private readonly objects: unknown[] = [];

  constructor(readonly rows: number = CHUNK_SIZE) {
    const buffer = new ArrayBuffer(rows * STORED_ROW_BYTES);
    // The 8-byte columns first, then the 4-, 2- and 1-byte ones: every view is aligned. The step
    // times are written from their start, so the pages past the steps a chunk spans stay untouched.
    const halfRows = rows >>> 1;
    this.num1 = new Float64Array(buffer, 0, rows);
    this.stepTimes = new Float64Array(buffer, 8 * rows, halfRows);
    const at = 8 * rows + 8 * halfRows;
    this.num0 = new Uint32Array(buffer, at, rows);
    this.refs = new Uint32Array(buffer, at + 4 * rows, rows);
    this.narrowSteps = new Uint16Array(buffer, at + 8 * rows, rows);
    this.kinds = new Uint8Array(buffer, at + 10 * rows, rows);
    this.nodes = new Uint8Array(buffer, at + 11 * rows, rows);
    this.peers = new Uint8Array(buffer, at + 12 * rows, rows);
    this.codes = new Uint8Array(buffer, at + 13 * rows, rows);
  }

  stepAt(j: number): number {
    return this.wideSteps === null ? this.stepBase + this.narrowSteps[j]! : this.wideSteps[j]!;
  }

  timeAt(j: number): number {
    return this.wideTimes === null ? this.stepTimes[this.stepAt(j) - this.stepBase]! : this.wideTimes[j]!;
  }

  /** Rows are written in order from 0 (a cut chunk is written again from where it was cut). */
  setStepAndTime(j: number, step: number, time: number): void {
    if (j === 0) {
      this.stepBase = step;
      this.wideSteps = null;
      this.wideTimes = null;
    }
    this.setStep(j, step);
    if (this.wideTimes === null) {
      const k = step - this.stepBase;
      if (this.wideSteps === null && k < this.stepTimes.length) {
        const previous = j === 0 ? -1 : this.stepAt(j - 1);
        // The first row of a step sets its time; the step's other rows must have the same.
        if (previous < step) {
          this.stepTimes[k] = time;
          return;
        }
        if (previous === step && Object.is(this.stepTimes[k], time)) return;
      }
      const wide = new Float64Array(this.rows);
      for (let r = 0; r < j; r++) wide[r] = this.timeAt(r);
      this.wideTimes = wide;
    }
    this.wideTimes[j] = time;
  }

  private setStep(j: number, step: number): void {
    if (this.wideSteps === null) {
      const above = step - this.stepBase;
      if (above >= 0 && above <= NARROW_STEPS) {
        this.narrowSteps[j] = above;
        return;
      }
      const wide = new Uint32Array(this.rows);
      for (let k = 0; k < j; k++) wide[k] = this.stepBase + this.narrowSteps[k]!;
      this.wideSteps = wide;
    }
    this.wideSteps[j] = step;
  }

  /** The object row j refers to (for a row that does not hold a table index). */
  objectAt(j: number): unknown {
    const k = this.refs[j]!;
    return k === 0 ? undefined : this.objects[k - 1];
  }

  /** Row j, the chunk's last row written, refers to `o` (a row that does not hold a table index). */
  setObject(j: number, o: unknown): void {
    if (o === undefined) {
      this.refs[j] = 0;
      return;
    }
    this.objects.push(o);
    this.refs[j] = this.objects.length;
  }

  /** Row j, which already refers to an object, refers to an equal one instead (a replayed twin's). */
  replaceObject(j: number, o: unknown): void {
    const k = this.refs[j]!;
    if (k !== 0) this.objects[k - 1] = o;
  }

  /**
   * Rows from `from` on are cut: the objects only they referred to are let go. `holdsObject` tells
   * the rows whose reference is an object's place from those holding a table index.
   */
  cutObjects(from: number, holdsObject: (chunk: StoredChunk, j: number) => boolean): void {
    let kept = 0;
    for (let j = from - 1; j >= 0 && kept === 0; j--) if (holdsObject(this, j)) kept = this.refs[j]!;
    this.objects.length = kept;
  }
}

/** Below this many records, a copy goes record by record rather than through typed-array views. */
const SHORT_RUN = 64;

const SAME_COLUMNS = [
  'num1',
  'num0',
  'kinds',
  'nodes',
  'peers',
  'codes',
] as const satisfies readonly (keyof RowColumns)[];

/**
 * Rows [s, s + n) of `source` as rows [at, at + n) of a frame's `target`, each reference as the
 * frame's rows hold it: a table index as a number (the caller turns it into the frame's form), an
 * object as itself. `holdsObject` as in cutObjects.
 */
export function copyToFrame(
  target: TraceChunk,
  at: number,
  source: StoredChunk,
  s: number,
  n: number,
  holdsObject: (chunk: StoredChunk, j: number) => boolean,
): void {
  copyColumns(target, at, source, s, n);
  for (let k = 0; k < n; k++) {
    target.steps[at + k] = source.stepAt(s + k);
    target.times[at + k] = source.timeAt(s + k);
    target.refs[at + k] = holdsObject(source, s + k) ? source.objectAt(s + k) : source.refs[s + k];
  }
}

/**
 * Rows [s, s + n) of `source` as rows [at, at + n) of `target`, the chunk's last rows written (so
 * objects are appended in row order). A table index is copied as it is: the caller translates it
 * when the two logs keep different tables.
 */
export function copyStored(
  target: StoredChunk,
  at: number,
  source: StoredChunk,
  s: number,
  n: number,
  holdsObject: (chunk: StoredChunk, j: number) => boolean,
): void {
  copyColumns(target, at, source, s, n);
  for (let k = 0; k < n; k++) {
    target.setStepAndTime(at + k, source.stepAt(s + k), source.timeAt(s + k));
    if (holdsObject(source, s + k)) target.setObject(at + k, source.objectAt(s + k));
    else target.refs[at + k] = source.refs[s + k]!;
  }
}

function copyColumns(target: RowColumns, at: number, source: RowColumns, s: number, n: number): void {
  if (n >= SHORT_RUN) {
    for (const column of SAME_COLUMNS) target[column].set(source[column].subarray(s, s + n), at);
  } else {
    // A history appends a record or two after each event: views would cost more than the copy.
    for (const column of SAME_COLUMNS) {
      const to = target[column];
      const from = source[column];
      for (let k = 0; k < n; k++) to[at + k] = from[s + k]!;
    }
  }
}
