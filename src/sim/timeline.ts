// What the timeline under the cluster draws: a band per leader and term (from the leader's
// election to its step-down or crash), a thin lane for a node whose term climbs alone
// (isolated, or on a minority side), leader changes, crashes and restarts, network changes,
// commits and violations. Built as the trace grows, reading each event once, so a long run
// costs nothing more per frame.
//
// Bands follow leadership events, never "the highest term anywhere": while isolated E climbs
// through terms 2…15 (notes §6.1), B still leads term 1 for the rest of the cluster, and the
// timeline says so — E's climb is drawn in E's own lane.

import type { NodeId, RaftEvent } from '../raft/types';
import type { Action } from './scenario-types';
import type { TraceReader } from './trace-log';
import type { TraceEvent, TraceKind } from './types';
import type { InvariantName } from './types';

interface Mark {
  readonly time: number;
  readonly step: number;
}

/** An interval of the run, open (`to` null) while it lasts. */
interface Span {
  readonly from: number;
  readonly fromStep: number;
  to: number | null;
  toStep: number | null;
}

/** One node leading one term: from its election to the moment it stops leading. */
export interface LeaderBand extends Span {
  readonly node: NodeId;
  readonly term: number;
  /** Why it ended: the leader became a follower (it saw a higher term, lost its quorum…) or crashed. */
  end: 'steppedDown' | 'crashed' | null;
}

/**
 * A node's term while it is above the term of every leader elected so far, reached on its own while
 * the rest followed a leader (§5.2: each timeout without a heartbeat raises the term by one). One
 * span per term, so the lane shows the climb. It ends when a leader of at least that term is
 * elected, when the node's term changes (the next span begins if it is still ahead) or when it crashes.
 */
export interface TermLane extends Span {
  readonly node: NodeId;
  readonly term: number;
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
  /** In the order they began; two can overlap (an old leader cut off on a minority side). */
  readonly leaderships: LeaderBand[];
  /** In the order they began. */
  readonly lanes: TermLane[];
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

/** The lists of TimelineMarks, by name, in one fixed order (the worker sends what is new in each). */
export const MARK_LIST_NAMES = [
  'leaderships',
  'lanes',
  'leaders',
  'nodes',
  'network',
  'commits',
  'violations',
] as const;
export type MarkListName = (typeof MARK_LIST_NAMES)[number];

/** Fails to compile when TimelineMarks gains a list MARK_LIST_NAMES does not name. */
type MarkLists = {
  [K in keyof TimelineMarks]: TimelineMarks[K] extends readonly unknown[] ? K : never;
}[keyof TimelineMarks];
const everyListNamed: Exclude<MarkLists, MarkListName> extends never ? true : never = true;
void everyListNamed;

/** The kinds of trace record read() looks at. */
const MARKING_KINDS = new Set<TraceKind>(['node', 'crashed', 'restarted', 'action', 'violation']);

/** The node events `read` draws from; any other node event makes no mark. */
const MARKING_NODE_EVENTS = new Set<RaftEvent['type']>(['termChanged', 'roleChanged', 'commitAdvanced']);

const NETWORK_ACTIONS = new Set<Action['do']>(['partition', 'heal', 'isolate', 'restore', 'cut', 'mend']);

function isNetworkAction(action: Action): action is NetworkAction {
  return NETWORK_ACTIONS.has(action.do);
}

/** A node's term from `step` on (step -1: the scenario's initial state). */
interface TermAt {
  readonly step: number;
  readonly term: number;
}

export class TimelineBuilder {
  readonly marks: TimelineMarks;
  /** Each node's term changes, so a cut-back builder knows every node's term at the cut. */
  private readonly termsOf: Map<NodeId, TermAt[]>;
  /** Nodes down since their last crash. */
  private readonly down: Set<NodeId>;
  /** leadTerm(), kept as elections happen (there are far more term changes than elections). */
  private topTerm = 0;
  /** How many leader bands are open. */
  private leading = 0;

  /** `initialTerms`: each node's term in the scenario's initial state (0 when left out). */
  constructor(initialTerms: Readonly<Record<NodeId, number>> = {}, state?: TimelineBuilder) {
    if (state) {
      const m = state.marks;
      this.marks = {
        leaderships: m.leaderships.map((b) => ({ ...b })),
        lanes: m.lanes.map((l) => ({ ...l })),
        leaders: [...m.leaders],
        nodes: [...m.nodes],
        network: [...m.network],
        commits: [...m.commits],
        violations: [...m.violations],
        revision: m.revision,
        eventsRead: m.eventsRead,
      };
      this.termsOf = new Map([...state.termsOf].map(([node, list]) => [node, [...list]]));
      this.down = new Set(state.down);
      this.topTerm = state.topTerm;
      this.leading = state.leading;
      return;
    }
    this.marks = {
      leaderships: [],
      lanes: [],
      leaders: [],
      nodes: [],
      network: [],
      commits: [],
      violations: [],
      revision: 0,
      eventsRead: 0,
    };
    this.termsOf = new Map(Object.entries(initialTerms).map(([node, term]) => [node, [{ step: -1, term }]]));
    this.down = new Set();
  }

  /** Read the events of `trace` not read yet, up to `upTo`. */
  ingest(trace: TraceReader, upTo = trace.length): void {
    const m = this.marks;
    for (let i = m.eventsRead; i < upTo; i++) {
      // Messages, timers and client events make no mark: a compact trace need not build them.
      if (trace.kindAt !== undefined && !MARKING_KINDS.has(trace.kindAt(i))) continue;
      // Nor do most node events (an append or an apply per node per entry): read only those that can.
      const type = trace.nodeEventTypeAt?.(i);
      if (type !== undefined && !MARKING_NODE_EVENTS.has(type)) continue;
      // A commit marks only when it goes past every commit before it: once per index, and there is a
      // commit per node per index. The others are told apart by their index, without building them.
      if (type === 'commitAdvanced' && trace.commitToAt !== undefined) {
        const to = trace.commitToAt(i);
        if (to !== undefined && to <= (m.commits[m.commits.length - 1]?.index ?? 0)) continue;
      }
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
    return new TimelineBuilder({}, this);
  }

  /** Forget everything after `step`, whose last event is trace[traceLength - 1]. */
  truncate(step: number, traceLength: number): void {
    const m = this.marks;
    const cut = <T>(list: T[], stepOf: (x: T) => number): void => {
      list.length = lastAtOrBefore(list, step, stepOf) + 1;
    };
    cut(m.leaderships, (x) => x.fromStep);
    cut(m.lanes, (x) => x.fromStep);
    cut(m.leaders, (x) => x.step);
    cut(m.nodes, (x) => x.step);
    cut(m.network, (x) => x.step);
    cut(m.commits, (x) => x.step);
    cut(m.violations, (x) => x.step);
    // What ended after the cut is still going on at the cut.
    for (const span of [...m.leaderships, ...m.lanes]) {
      if (span.toStep !== null && span.toStep > step) reopen(span);
    }
    for (const [node, list] of this.termsOf) {
      cut(list, (x) => x.step);
      // A node first heard of after the cut has no term yet, as in a fresh builder.
      if (list.length === 0) this.termsOf.delete(node);
    }
    this.down.clear();
    for (const n of m.nodes) {
      if (n.kind === 'crashed') this.down.add(n.node);
      else this.down.delete(n.node);
    }
    this.topTerm = this.leadTerm();
    this.leading = m.leaderships.filter((b) => b.to === null).length;
    m.eventsRead = Math.min(m.eventsRead, traceLength);
    m.revision += 1;
  }

  private read(e: TraceEvent): void {
    const m = this.marks;
    const { time, step } = e;
    switch (e.kind) {
      case 'node': {
        const ev = e.event;
        if (ev.type === 'termChanged') this.termIs(e.node, ev.to, ev.cause === 'election', time, step);
        else if (ev.type === 'roleChanged' && ev.to === 'leader') this.elected(e.node, ev.term, time, step);
        else if (ev.type === 'roleChanged' && ev.from === 'leader')
          this.stopsLeading(e.node, 'steppedDown', time, step);
        else if (ev.type === 'commitAdvanced') {
          const highest = m.commits[m.commits.length - 1]?.index ?? 0;
          if (ev.to > highest) m.commits.push({ time, step, node: e.node, index: ev.to });
        }
        return;
      }
      case 'crashed':
        m.nodes.push({ time, step, node: e.node, kind: e.kind });
        this.down.add(e.node);
        this.stopsLeading(e.node, 'crashed', time, step);
        this.closeLane(e.node, time, step);
        return;
      case 'restarted':
        m.nodes.push({ time, step, node: e.node, kind: e.kind });
        this.down.delete(e.node);
        // The term it kept on disk: it climbs from there.
        this.noteTerm(e.node, e.term, step);
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

  /** The highest term any leader was elected in so far (0 before the first election). */
  private leadTerm(): number {
    let term = 0;
    for (const band of this.marks.leaderships) term = Math.max(term, band.term);
    return term;
  }

  /** `ownElection`: the node raised its term to stand for election (else it learned the term from another node). */
  private termIs(node: NodeId, term: number, ownElection: boolean, time: number, step: number): void {
    this.noteTerm(node, term, step);
    const open = this.openLane(node);
    if (open) close(open, time, step);
    // A climb on its own: its own election while the rest of the cluster follows a leader of an older
    // term, or the next step of a climb already drawn. A term learned from a candidate is no climb of its own.
    if (term > this.topTerm && (open !== undefined || (ownElection && this.leading > 0))) {
      this.marks.lanes.push({ node, term, from: time, fromStep: step, to: null, toStep: null });
    }
  }

  private elected(node: NodeId, term: number, time: number, step: number): void {
    const m = this.marks;
    m.leaders.push({ time, step, node, term });
    m.leaderships.push({ node, term, from: time, fromStep: step, to: null, toStep: null, end: null });
    this.topTerm = Math.max(this.topTerm, term);
    this.leading += 1;
    // A leader of a term at least as high: those nodes are no longer ahead of every leader.
    for (const lane of m.lanes) if (lane.to === null && lane.term <= term) close(lane, time, step);
    // Nodes that climbed while nobody led and are still ahead of this leader: from now on they are alone.
    for (const [other, list] of this.termsOf) {
      const current = list[list.length - 1]!.term;
      if (current > term && !this.down.has(other) && !this.openLane(other)) {
        m.lanes.push({ node: other, term: current, from: time, fromStep: step, to: null, toStep: null });
      }
    }
  }

  private stopsLeading(node: NodeId, why: 'steppedDown' | 'crashed', time: number, step: number): void {
    for (const band of this.marks.leaderships) {
      if (band.node === node && band.to === null) {
        close(band, time, step);
        band.end = why;
        this.leading -= 1;
      }
    }
  }

  private closeLane(node: NodeId, time: number, step: number): void {
    const open = this.openLane(node);
    if (open) close(open, time, step);
  }

  private openLane(node: NodeId): TermLane | undefined {
    const lanes = this.marks.lanes;
    for (let i = lanes.length - 1; i >= 0; i--) {
      const lane = lanes[i]!;
      if (lane.node === node && lane.to === null) return lane;
    }
    return undefined;
  }

  private noteTerm(node: NodeId, term: number, step: number): void {
    let list = this.termsOf.get(node);
    if (!list) this.termsOf.set(node, (list = []));
    if (list[list.length - 1]?.term !== term) list.push({ step, term });
  }
}

function close(span: Span, time: number, step: number): void {
  span.to = time;
  span.toStep = step;
}

function reopen(span: LeaderBand | TermLane): void {
  span.to = null;
  span.toStep = null;
  if ('end' in span) span.end = null;
}

/** The marks of a whole trace at once (tests, the CLI); the history keeps a builder instead. */
export function timelineMarks(
  trace: readonly TraceEvent[],
  initialTerms: Readonly<Record<NodeId, number>> = {},
): TimelineMarks {
  const builder = new TimelineBuilder(initialTerms);
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
