// The UI's side of the timeline marks: the worker sends only what is new (worker/marks-sender.ts),
// and this puts it onto the marks the store has. An update of another series than the store's
// (left over from the run before a reload) is not applied: the next reset sets things right.

import type { MarkListName, TimelineMarks } from '../sim/timeline';
import type { MarksUpdate } from '../worker/protocol';

export interface HeldMarks {
  readonly marks: TimelineMarks;
  /** The series of updates they were built from. */
  readonly epoch: number;
}

/** The marks after `update`, or null when it does not continue `held` (the caller keeps what it has). */
export function applyMarksUpdate(held: HeldMarks | null, update: MarksUpdate): HeldMarks | null {
  if (!update.reset && (held === null || held.epoch !== update.epoch)) return null;
  const base = update.reset ? null : held!.marks;
  // A gap would mean an update was lost: refuse rather than draw a timeline with holes.
  const names = Object.keys(update.lists) as MarkListName[];
  if (names.some((name) => (update.lists[name]?.from ?? 0) > (base?.[name].length ?? 0))) return null;
  // A list the update leaves out has nothing new (a reset leaves out none).
  const join = <T>(
    before: readonly T[] | undefined,
    list: { readonly from: number; readonly items: readonly T[] } | undefined,
  ): T[] => {
    if (list === undefined) return before !== undefined ? (before as T[]) : [];
    return before !== undefined && list.items.length === 0 && list.from === before.length
      ? (before as T[])
      : [...(before ?? []).slice(0, list.from), ...list.items];
  };
  const l = update.lists;
  const marks: TimelineMarks = {
    leaderships: join(base?.leaderships, l.leaderships),
    lanes: join(base?.lanes, l.lanes),
    leaders: join(base?.leaders, l.leaders),
    nodes: join(base?.nodes, l.nodes),
    network: join(base?.network, l.network),
    commits: join(base?.commits, l.commits),
    violations: join(base?.violations, l.violations),
    revision: update.revision,
    eventsRead: update.eventsRead,
  };
  return { marks, epoch: update.epoch };
}
