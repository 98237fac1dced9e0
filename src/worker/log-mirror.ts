// What the UI holds of each node's log, so a frame carries only the entries it lacks. A log
// mostly grows at its end; comparing or copying it whole every frame made each frame cost as
// much as the log is long (an hour into a run, most of the worker's time). Here a frame costs
// what changed: while the node's log is the same object and has removed nothing since the last
// frame (RaftLog.rewrites), the UI's entries are still its prefix, unchecked. After a truncation,
// a compaction, a restart or a restore, the mirror is compared entry by entry, once.

import type { RaftLog } from '../raft/log';
import type { LogEntry, NodeId } from '../raft/types';

/** Updated in place frame after frame: a record per node per frame was garbage for nothing. */
interface Mirrored {
  source: Readonly<RaftLog>;
  held: readonly LogEntry[];
  rewrites: number;
  base: number;
  /** The entries the UI has for the node: the frames sent so far, put together. Never handed out. */
  entries: LogEntry[];
}

export interface LogDelta {
  /** How many leading entries of the last frame's log the UI keeps. */
  readonly shared: number;
  /** The entries that follow them. */
  readonly tail: LogEntry[];
}

export class LogMirror {
  private readonly nodes = new Map<NodeId, Mirrored>();

  /** The UI starts over (a new run): the next frame sends every log whole. */
  forget(): void {
    this.nodes.clear();
  }

  /** What the next frame sends for node `id`, whose log is now `log`; the mirror then holds it. */
  delta(id: NodeId, log: Readonly<RaftLog>): LogDelta {
    const held = log.held();
    const m = this.nodes.get(id);
    let shared = 0;
    let entries: LogEntry[];
    if (
      m !== undefined &&
      m.source === log &&
      m.held === held &&
      m.rewrites === log.rewrites &&
      m.base === log.snapshotIndex &&
      held.length >= m.entries.length
    ) {
      // Only appended to since the last frame.
      shared = m.entries.length;
      entries = m.entries;
      for (let k = shared; k < held.length; k++) entries.push(held[k]!);
    } else {
      // Entries are immutable objects: the same object at the same place is the same entry.
      if (m !== undefined) {
        const limit = Math.min(m.entries.length, held.length);
        while (shared < limit && m.entries[shared] === held[shared]) shared++;
      }
      entries = held.slice();
    }
    if (m === undefined) {
      this.nodes.set(id, { source: log, held, rewrites: log.rewrites, base: log.snapshotIndex, entries });
    } else {
      m.source = log;
      m.held = held;
      m.rewrites = log.rewrites;
      m.base = log.snapshotIndex;
      m.entries = entries;
    }
    return { shared, tail: held.slice(shared) };
  }
}
