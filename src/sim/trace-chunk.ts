// The storage under a TraceLog: records in chunks of fixed size, one typed array per
// column, so the log grows without ever copying what it holds (doubling typed arrays cost a
// zero-fill and a copy of everything so far each time). What each column means is the
// log's business (trace-log.ts); here a chunk is only rows of numbers and one reference.

export const CHUNK_BITS = 12;
export const CHUNK_SIZE = 1 << CHUNK_BITS;
/** `i & IN_CHUNK` is record i's row in its chunk; `i >>> CHUNK_BITS` is the chunk. */
export const IN_CHUNK = CHUNK_SIZE - 1;

export class TraceChunk {
  readonly kinds = new Uint8Array(CHUNK_SIZE);
  readonly times = new Float64Array(CHUNK_SIZE);
  /** Whole numbers below 2^32 (a run's events are bounded far below that): half a Float64's bytes. */
  readonly steps = new Uint32Array(CHUNK_SIZE);
  /** The record's node (a message's sender), as an index into the log's names. */
  readonly nodes = new Uint8Array(CHUNK_SIZE);
  /** A message's receiver, as an index into the log's names. */
  readonly peers = new Uint8Array(CHUNK_SIZE);
  /** A small code whose meaning depends on the kind (timer kind, drop reason and flags, …). */
  readonly codes = new Uint8Array(CHUNK_SIZE);
  /** Two numbers whose meaning depends on the kind: num0 a whole number below 2^32 (an id, an index). */
  readonly num0 = new Uint32Array(CHUNK_SIZE);
  readonly num1 = new Float64Array(CHUNK_SIZE);
  /**
   * What the record is about: an object the run made anyway (or undefined). Allocated at its
   * full size once, rather than grown a dozen times by pushes.
   */
  readonly refs: unknown[] = new Array<unknown>(CHUNK_SIZE).fill(undefined);
}

const COLUMNS = [
  'kinds',
  'times',
  'steps',
  'nodes',
  'peers',
  'codes',
  'num0',
  'num1',
] as const satisfies readonly (keyof TraceChunk)[];

/** Below this many records, a copy goes record by record rather than through typed-array views. */
const SHORT_RUN = 64;

/** Rows [s, s + n) of `source` are copied to rows [at, at + n) of `target`. */
export function copyRows(target: TraceChunk, at: number, source: TraceChunk, s: number, n: number): void {
  if (n >= SHORT_RUN) {
    for (const column of COLUMNS) target[column].set(source[column].subarray(s, s + n), at);
  } else {
    // A history appends a record or two after each event: views would cost more than the copy.
    for (const column of COLUMNS) {
      const to = target[column];
      const from = source[column];
      for (let k = 0; k < n; k++) to[at + k] = from[s + k]!;
    }
  }
  for (let k = 0; k < n; k++) target.refs[at + k] = source.refs[s + k];
}
