// Trace rows as a frame carries them to the UI thread (trace-pack.ts): one typed array per
// column, views of one transferable ArrayBuffer, and one reference per row. What each column
// means is trace-record.ts's business; here a chunk is only rows of numbers and one reference.
// A TraceLog keeps its rows narrower (stored-chunk.ts), in chunks of CHUNK_SIZE rows, so the
// log grows without ever copying what it holds.

export const CHUNK_BITS = 12;
export const CHUNK_SIZE = 1 << CHUNK_BITS;
/** `i & IN_CHUNK` is record i's row in its chunk; `i >>> CHUNK_BITS` is the chunk. */
export const IN_CHUNK = CHUNK_SIZE - 1;

/** Bytes of numbers per row: times and num1 (8 each), steps and num0 (4 each), four single bytes. */
export const ROW_BYTES = 28;

/** The columns a frame's rows and a log's stored rows hold alike. */
export interface RowColumns {
  readonly kinds: Uint8Array;
  readonly nodes: Uint8Array;
  readonly peers: Uint8Array;
  readonly codes: Uint8Array;
  readonly num0: Uint32Array;
  readonly num1: Float64Array;
}

/** What reading a frame's row needs: the columns, the times, the steps and the references. */
export interface TraceRows extends RowColumns {
  readonly times: Float64Array;
  readonly steps: Uint32Array;
  readonly refs: readonly unknown[];
}

export class TraceChunk implements TraceRows {
  readonly kinds: Uint8Array;
  readonly times: Float64Array;
  /** Whole numbers below 2^32 (a run's events are bounded far below that): half a Float64's bytes. */
  readonly steps: Uint32Array;
  /** The record's node (a message's sender), as an index into the log's names. */
  readonly nodes: Uint8Array;
  /** A message's receiver, as an index into the log's names. */
  readonly peers: Uint8Array;
  /** A small code whose meaning depends on the kind (timer kind, drop reason and flags, …). */
  readonly codes: Uint8Array;
  /** Two numbers whose meaning depends on the kind: num0 a whole number below 2^32 (an id, an index). */
  readonly num0: Uint32Array;
  readonly num1: Float64Array;
  /**
   * What the record is about: an object the run made anyway (or undefined). Allocated at its
   * full size once, rather than grown a dozen times by pushes.
   */
  readonly refs: unknown[];

  /** `rows` rows, over `buffer` from `at` (a multiple of 8; rows × ROW_BYTES; a fresh zeroed buffer by default). */
  constructor(
    readonly rows: number = CHUNK_SIZE,
    readonly buffer: ArrayBuffer = new ArrayBuffer(rows * ROW_BYTES),
    refs?: unknown[],
    at = 0,
  ) {
    if (buffer.byteLength < at + rows * ROW_BYTES || at % 8 !== 0)
      throw new Error(`a chunk of ${rows} rows needs ${rows * ROW_BYTES} bytes from an 8-byte boundary`);
    // The 8-byte columns first, then the 4-byte ones, then the bytes: every view is aligned.
    this.times = new Float64Array(buffer, at, rows);
    this.num1 = new Float64Array(buffer, at + 8 * rows, rows);
    this.steps = new Uint32Array(buffer, at + 16 * rows, rows);
    this.num0 = new Uint32Array(buffer, at + 20 * rows, rows);
    this.kinds = new Uint8Array(buffer, at + 24 * rows, rows);
    this.nodes = new Uint8Array(buffer, at + 25 * rows, rows);
    this.peers = new Uint8Array(buffer, at + 26 * rows, rows);
    this.codes = new Uint8Array(buffer, at + 27 * rows, rows);
    this.refs = refs ?? new Array<unknown>(rows).fill(undefined);
  }
}
