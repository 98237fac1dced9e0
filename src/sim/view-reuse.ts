// A frame's copies of a node's fields, given again while the node still holds the same data. A node's
// slow fields (votes, indexes, key-value store, timers, snapshot) mostly stay as they were from one frame
// to the next, yet each frame copied every one of them and the worker's frame diff then compared the
// copies field by field to drop nearly all of them. Comparing the node's own data with the last copy costs
// no more than copying it, allocates nothing, and hands the diff the very same object, which it skips
// by identity. Nothing here trusts a mark that something changed: every field is checked against the
// node's live data on every frame, so a change the engine makes by any path (a step, a restore, a crash,
// a snapshot) cannot be missed.

import type { Snapshot } from '../raft/types';
import type { LearnerProgress, MembershipFrame, SnapshotFrame, TimerSnapshot } from './types';
import { snapshotFrame } from './snapshot-frame';

/** What a frame shows for an empty list or record: one shared frozen object, never a fresh copy. */
export const NOTHING: readonly never[] = Object.freeze([]);
export const NO_FIELDS: Readonly<Record<string, never>> = Object.freeze({});

/** `last` when it holds the same items as `list` in the same order, else a copy of `list`. */
export function listView<T>(last: readonly T[] | undefined, list: readonly T[] | undefined): readonly T[] {
  if (list === undefined || list.length === 0) return NOTHING;
  if (last !== undefined && last.length === list.length) {
    let k = 0;
    while (k < list.length && last[k] === list[k]) k++;
    if (k === list.length) return last;
  }
  return [...list];
}

/**
 * `last` when it has the same keys as `record`, in the same order, with the same values; else a copy of
 * `record`. Key order counts: the view lists a store's keys in it.
 */
export function recordView<T>(
  last: Readonly<Record<string, T>> | undefined,
  record: Readonly<Record<string, T>> | undefined,
): Readonly<Record<string, T>> {
  if (last !== undefined && sameRecord(last, record)) return last;
  let copy: Record<string, T> | null = null;
  for (const key in record) {
    copy ??= {};
    copy[key] = record[key]!;
  }
  return copy ?? NO_FIELDS;
}

function sameRecord<T>(last: Readonly<Record<string, T>>, record: Readonly<Record<string, T>> | undefined): boolean {
  const keys = Object.keys(last);
  let k = 0;
  for (const key in record) {
    if (keys[k] !== key || last[key] !== record[key]) return false;
    k++;
  }
  return k === keys.length;
}

/** `last` when it shows the same timer, else a new view of it. */
export function timerView(last: TimerSnapshot | null | undefined, t: TimerSnapshot | null): TimerSnapshot | null {
  if (t === null) return null;
  if (last != null && last.armedAt === t.armedAt && last.deadline === t.deadline) return last;
  return { armedAt: t.armedAt, deadline: t.deadline };
}

/**
 * A snapshot's view, made once per snapshot: a snapshot is never changed once taken (its size is a
 * serialization of its whole state, which each frame made again while the node held it).
 */
const snapshotViews = new WeakMap<Snapshot, SnapshotFrame>();

export function snapshotView(snapshot: Snapshot | null | undefined): SnapshotFrame | null {
  if (!snapshot) return null;
  let view = snapshotViews.get(snapshot);
  if (view === undefined) {
    view = snapshotFrame(snapshot)!;
    snapshotViews.set(snapshot, view);
  }
  return view;
}

/** `last` when it says the same as `next` (configurations and quorums are made once each: identity). */
export function membershipView(last: MembershipFrame | undefined, next: MembershipFrame): MembershipFrame {
  if (
    last !== undefined &&
    last.from === next.from &&
    last.configuration === next.configuration &&
    last.quorum === next.quorum &&
    sameLearners(last.learners, next.learners)
  )
    return last;
  return next;
}

function sameLearners(a: readonly LearnerProgress[], b: readonly LearnerProgress[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x.id !== y.id || x.matchIndex !== y.matchIndex || x.lastIndex !== y.lastIndex || x.caughtUp !== y.caughtUp)
      return false;
  }
  return true;
}
