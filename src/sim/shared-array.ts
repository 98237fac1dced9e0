// Checkpoints of arrays that mostly grow at the end (a log, the checker's per-index hashes, the
// client's requests). A checkpoint keeps an array as fixed-size chunks, and a chunk that is the
// same as in the previous checkpoint is that chunk, not a copy: a history's checkpoints then hold
// one copy of the common prefix between them, and each new one costs only what changed since.
//
// The last, partial chunk is shared too: a save whose array grew past the previous save's tail
// appends the new items to that tail chunk in place, when nobody has appended to it since. The
// previous save reads only its own `length` items, so the items past them are invisible to it.
// (Copying the tail into every checkpoint was half of an hour's checkpoint memory: 176 saves of
// 20 arrays, each with a tail of some 500 items.)

/** Items per chunk by default: small enough that an edit near the end copies little, large enough to share well. */
export const SHARED_CHUNK = 1024;

export interface SharedArray<T> {
  /**
   * Every chunk but the last holds SHARED_CHUNK items. The items a save uses are never mutated; the
   * last chunk may hold more items than this save's `length` reaches (a later save appended them).
   */
  readonly chunks: readonly (readonly T[])[];
  /** How many items this save holds: read no further, even when the last chunk is longer. */
  readonly length: number;
}

export interface ShareOptions<T> {
  /** Whether a live item and a kept one are the same (default: the very same value). */
  readonly same?: (live: T, kept: T) => boolean;
  /** Makes the kept copy of a mutable item (default: the item itself). */
  readonly copy?: (item: T) => T;
  /**
   * Items per chunk, the same for every save of one array. A chunk with a changed item is copied
   * whole: items that change (`copy` makes objects) are better kept in smaller chunks.
   */
  readonly chunkSize?: number;
  /**
   * How many leading items the caller knows to be unchanged since `previous` was saved: full chunks
   * inside them are reused without comparing (what makes a checkpoint cost what changed).
   */
  readonly unchanged?: number;
}

/** `items` as chunks, reusing every full chunk of `previous` whose items are all the same as the ones here. */
export function shareArray<T>(
  items: readonly T[],
  previous: SharedArray<T> | undefined,
  options: ShareOptions<T> = {},
): SharedArray<T> {
  const { same, copy, chunkSize = SHARED_CHUNK } = options;
  const unchanged = Math.min(options.unchanged ?? 0, previous?.length ?? 0);
  const chunks: (readonly T[])[] = [];
  for (let start = 0; start < items.length; start += chunkSize) {
    const end = Math.min(items.length, start + chunkSize);
    const old = previous?.chunks[start / chunkSize];
    if (old !== undefined) {
      // The items of `old` the previous save uses (all of a chunk before its last).
      const used = Math.min(old.length, previous!.length - start);
      const kept = end - start === chunkSize && used === chunkSize;
      const growable = !kept && used === old.length && used <= end - start && used > 0;
      if ((kept || growable) && (start + used <= unchanged || allSame(items, start, old, used, same))) {
        if (growable) appendCopies(old as T[], items, start + used, end, copy);
        chunks.push(old);
        continue;
      }
    }
    const chunk = items.slice(start, end);
    if (copy !== undefined) for (let k = 0; k < chunk.length; k++) chunk[k] = copy(chunk[k]!);
    chunks.push(chunk);
  }
  return { chunks, length: items.length };
}

/** The previous save's tail chunk, grown in place: only past the items any earlier save uses. */
function appendCopies<T>(chunk: T[], items: readonly T[], from: number, to: number, copy?: (item: T) => T): void {
  for (let i = from; i < to; i++) chunk.push(copy === undefined ? items[i]! : copy(items[i]!));
}

function allSame<T>(
  items: readonly T[],
  start: number,
  chunk: readonly T[],
  n: number,
  same: ((a: T, b: T) => boolean) | undefined,
): boolean {
  // The very same value, without a call per item: the checker's arrays compare a million items an hour.
  if (same === undefined) {
    for (let k = 0; k < n; k++) if (items[start + k] !== chunk[k]) return false;
    return true;
  }
  for (let k = 0; k < n; k++) if (!same(items[start + k]!, chunk[k]!)) return false;
  return true;
}

/** A fresh array with the saved items (each through `copy`, when items are mutable). */
export function unshareArray<T>(saved: SharedArray<T>, copy?: (item: T) => T): T[] {
  // Pushed, not preallocated: a packed array stays fast for the code that grows it afterwards.
  const out: T[] = [];
  let left = saved.length;
  for (const chunk of saved.chunks) {
    // The last chunk may hold items a later save appended: this save ends at its length.
    const n = Math.min(chunk.length, left);
    if (copy === undefined) for (let k = 0; k < n; k++) out.push(chunk[k]!);
    else for (let k = 0; k < n; k++) out.push(copy(chunk[k]!));
    left -= n;
  }
  return out;
}
