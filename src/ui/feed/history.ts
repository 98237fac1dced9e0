// The store keeps only the last few hundred trace records, and heartbeats fill those in
// a second or two. The feed keeps its own longer history of the steps worth telling
// (anything beyond messages and timer ticks), so an election stays readable after
// thousands of heartbeats.

import type { TraceEvent } from '../../sim/types';

/** How many records of significant steps the feed keeps. */
export const HISTORY_LENGTH = 4000;

export interface FeedHistory {
  readonly records: readonly TraceEvent[];
  /** The newest store record already taken in, to find where the next frame's records start. */
  readonly last: TraceEvent | null;
}

export const EMPTY_HISTORY: FeedHistory = { records: [], last: null };

const NOISE = new Set<TraceEvent['kind']>(['sent', 'delivered', 'dropped', 'timerFired']);

/** Records of the steps that have something besides messages and timer ticks in them. */
export function significant(records: readonly TraceEvent[]): TraceEvent[] {
  const kept: TraceEvent[] = [];
  let start = 0;
  for (let i = 1; i <= records.length; i++) {
    if (i < records.length && records[i]!.step === records[start]!.step) continue;
    const group = records.slice(start, i);
    if (group.some((r) => !NOISE.has(r.kind))) kept.push(...group);
    start = i;
  }
  return kept;
}

/** Take in the store's feed after a change: append what is new, start over after a reload or a rewind. */
export function extendHistory(history: FeedHistory, feed: readonly TraceEvent[]): FeedHistory {
  const newest = feed[feed.length - 1];
  if (newest === undefined) return EMPTY_HISTORY;
  if (newest === history.last) return history;
  let fresh: readonly TraceEvent[];
  let base = history.records;
  const seen = history.last === null ? -1 : feed.lastIndexOf(history.last);
  if (seen >= 0) fresh = feed.slice(seen + 1);
  else {
    fresh = feed;
    // Not found: a new run or a rewind (earlier records) starts over; a skipped stretch just continues.
    if (history.last === null || feed[0]!.time < history.last.time || feed[0]!.step <= history.last.step) base = [];
  }
  const records = [...base, ...significant(fresh)];
  return { records: records.length > HISTORY_LENGTH ? records.slice(-HISTORY_LENGTH) : records, last: newest };
}

/** The records of the last `steps` distinct steps: a feed that shows N items narrates only those. */
export function lastSteps(records: readonly TraceEvent[], steps: number): readonly TraceEvent[] {
  let seen = 0;
  let i = records.length;
  while (i > 0) {
    const step = records[i - 1]!.step;
    if (++seen > steps) break;
    while (i > 0 && records[i - 1]!.step === step) i--;
  }
  return i === 0 ? records : records.slice(i);
}
