// What the timeline under the cluster draws: a band per term (with its leader), leader
// changes, crashes and restarts, network changes, commits and violations. Built as the
// trace grows, reading each event once, so a long run costs nothing more per frame.

import type { NodeId } from '../raft/types';
import type { Action } from './scenario-types';
import type { TraceReader } from './trace-log';
import type { TraceEvent, TraceKind } from './types';
import type { InvariantName } from './types';

interface Mark {
  readonly time: number;
  readonly step: number;
}

export interface TermBand {
  readonly term: number;
  /** The node elected leader of this term, once there is one. */
  leader: NodeId | null;
  leaderStep: number | null;
  readonly from: number;
  readonly fromStep: number;
  /** When the next term began; null for the current term. */
  to: number | null;
}

export interface LeaderMark extends Mark {
  readonly node: NodeId;
  readonly term: number;
}

export interface NodeMark extends Mark {
  readonly node: NodeId;
  readonly kind: 'crashed' | 'restarted';
}

export type NetworkAction = Extract<Action, { do: 'partition' | 'heal' | 'isolate' | 'restore' | 'cut' | 'mend' }>;

export interface NetworkMark extends Mark {
  readonly action: NetworkAction;
}

/** The cluster's commit frontier moved: entries up to `index` are committed (first seen on `node`). */
export interface CommitMark extends Mark {
  readonly node: NodeId;
  readonly index: number;
}

export interface ViolationMark extends Mark {
  readonly invariant: InvariantName;
  readonly detail: string;
}

export interface TimelineMarks {
  readonly terms: TermBand[];
  readonly leaders: LeaderMark[];
  readonly nodes: NodeMark[];
  readonly network: NetworkMark[];
  readonly commits: CommitMark[];
  readonly violations: ViolationMark[];
  /** Grows by one each time marks are taken away (a new branch); until then the arrays only grow. */
  revision: number;
  /** How many trace events have been read. */
  eventsRead: number;
}

/** The kinds of trace record read() looks at. */
const MARKING_KINDS = new Set<TraceKind>(['node', 'crashed', 'restarted', 'action', 'violation']);

const NETWORK_ACTIONS = new Set<Action['do']>(['partition', 'heal', 'isolate', 'restore', 'cut', 'mend']);

function isNetworkAction(action: Action): action is NetworkAction {
  return NETWORK_ACTIONS.has(action.do);
}

export class TimelineBuilder {
  readonly marks: TimelineMarks;

  constructor(initialTerm = 0, marks?: TimelineMarks) {
    this.marks = marks ?? {
      terms: [{ term: initialTerm, leader: null, leaderStep: null, from: 0, fromStep: 0, to: null }],
      leaders: [],
      nodes: [],
      network: [],
      commits: [],
      violations: [],
      revision: 0,
      eventsRead: 0,
    };
  }

  /** Read the events of `trace` not read yet, up to `upTo`. */
  ingest(trace: TraceReader, upTo = trace.length): void {
    const m = this.marks;
    for (let i = m.eventsRead; i < upTo; i++) {
      // Messages, timers and client events make no mark: a compact trace need not build them.
      if (trace.kindAt !== undefined && !MARKING_KINDS.has(trace.kindAt(i))) continue;
      this.read(trace.at(i)!);
    }
    if (upTo > m.eventsRead) m.eventsRead = upTo;
  }

  /** The highest index committed anywhere by the end of `step`. */
  committedAt(step: number): number {
    const commits = this.marks.commits;
    const i = lastAtOrBefore(commits, step, (c) => c.step);
    return i < 0 ? 0 : commits[i]!.index;
  }

  /** A copy that can be cut back without touching this one (marks themselves are shared). */
  clone(): TimelineBuilder {
    const m = this.marks;
    return new TimelineBuilder(0, {
      terms: m.terms.map((b) => ({ ...b })),
      leaders: [...m.leaders],
      nodes: [...m.nodes],
      network: [...m.network],
      commits: [...m.commits],
      violations: [...m.violations],
      revision: m.revision,
      eventsRead: m.eventsRead,
    });
  }

  /** Forget everything after `step`, whose last event is trace[traceLength - 1]. */
  truncate(step: number, traceLength: number): void {
    const m = this.marks;
    const cut = <T>(list: T[], stepOf: (x: T) => number): void => {
      list.length = lastAtOrBefore(list, step, stepOf) + 1;
    };
    cut(m.leaders, (x) => x.step);
    cut(m.nodes, (x) => x.step);
    cut(m.network, (x) => x.step);
    cut(m.commits, (x) => x.step);
    cut(m.violations, (x) => x.step);
    // The first band starts at step 0 and always stays.
    m.terms.length = Math.max(1, lastAtOrBefore(m.terms, step, (b) => b.fromStep) + 1);
    const last = m.terms[m.terms.length - 1]!;
    last.to = null;
    if (last.leaderStep !== null && last.leaderStep > step) {
      last.leader = null;
      last.leaderStep = null;
    }
    m.eventsRead = Math.min(m.eventsRead, traceLength);
    m.revision += 1;
  }

  private read(e: TraceEvent): void {
    const m = this.marks;
    const { time, step } = e;
    switch (e.kind) {
      case 'node': {
        const ev = e.event;
        const band = m.terms[m.terms.length - 1]!;
        if (ev.type === 'termChanged' && ev.to > band.term) {
          band.to = time;
          m.terms.push({ term: ev.to, leader: null, leaderStep: null, from: time, fromStep: step, to: null });
        } else if (ev.type === 'roleChanged' && ev.to === 'leader') {
          m.leaders.push({ time, step, node: e.node, term: ev.term });
          if (ev.term === band.term) {
            band.leader = e.node;
            band.leaderStep = step;
          }
        } else if (ev.type === 'commitAdvanced') {
          const highest = m.commits[m.commits.length - 1]?.index ?? 0;
          if (ev.to > highest) m.commits.push({ time, step, node: e.node, index: ev.to });
        }
        return;
      }
      case 'crashed':
      case 'restarted':
        m.nodes.push({ time, step, node: e.node, kind: e.kind });
        return;
      case 'action':
        if (e.error === undefined && isNetworkAction(e.action)) m.network.push({ time, step, action: e.action });
        return;
      case 'violation':
        m.violations.push({ time, step, invariant: e.violation.invariant, detail: e.violation.detail });
        return;
      default:
        return;
    }
  }
}

/** The marks of a whole trace at once (tests, the CLI); the history keeps a builder instead. */
export function timelineMarks(trace: readonly TraceEvent[], initialTerm = 0): TimelineMarks {
  const builder = new TimelineBuilder(initialTerm);
  builder.ingest(trace);
  return builder.marks;
}

/** Index of the last item whose step is at most `step` (items sorted by step), or -1. */
function lastAtOrBefore<T>(list: readonly T[], step: number, stepOf: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stepOf(list[mid]!) <= step) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
