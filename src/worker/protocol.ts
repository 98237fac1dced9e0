// The one protocol between the UI thread and the simulation worker. Both sides
// import these types; nothing else crosses the boundary.

import type { KeyVerdict } from '../check/history-explain';
import type { ExploreBounds } from '../check/explore/bounds';
import type { ExploreResult } from '../check/explore/explore';
import type { Scenario } from '../sim/scenario-types';
import type { BranchInfo, Instant, LiveAction } from '../sim/history';
import type { MilestoneKind } from '../sim/event-kinds';
import type { ActionRefusal } from '../sim/refusal';
import type { SpaceTimeWindow } from '../sim/spacetime';
import type { MarkListName, TimelineMarks } from '../sim/timeline';
import { packedBuffers, type PackedTrace } from '../sim/trace-pack';
import type { ClusterFrame, NodeFrame, Violation } from '../sim/types';
import type { LogEntry } from '../raft/types';

export type { LiveAction } from '../sim/history';
export type { KeyVerdict, StaleRead } from '../check/history-explain';
export { DEFAULT_SPEED, MAX_SPEED, MIN_SPEED } from '../scenario/playback';

export type ToWorker =
  /** Start (or restart) a scenario from time 0, optionally going straight to the instant `at`. */
  | { readonly type: 'load'; readonly scenario: Scenario; readonly at?: number }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  /** Virtual milliseconds per wall-clock millisecond (1 = real time). */
  | { readonly type: 'speed'; readonly speed: number }
  /** Process exactly one event (pauses playback). */
  | { readonly type: 'step' }
  /** Back to the previous event (pauses playback). */
  | { readonly type: 'stepBack' }
  /** Forward to the next election, leader, commit, repair or violation (pauses playback). */
  | { readonly type: 'stepTo'; readonly kind: MilestoneKind }
  /** Show an earlier or later instant of the run (pauses playback). */
  | { readonly type: 'seek'; readonly time: number }
  /** A user action at the current instant; in the past it starts a new branch. */
  | { readonly type: 'act'; readonly action: LiveAction }
  /**
   * A path of user actions from the current instant, each a little after the one before (never
   * past an event due on its own): an explored stale read, so the history's checker sees the
   * write end before the read begins (src/sim/spread-path.ts).
   */
  | { readonly type: 'actSpread'; readonly actions: readonly LiveAction[] }
  | { readonly type: 'switchBranch'; readonly id: number }
  /** Manual delivery: time stands still until the user delivers, drops or fires something, or plays. */
  | { readonly type: 'manual'; readonly on: boolean }
  /** Ask for the space-time diagram's content for a window of virtual time. */
  | { readonly type: 'spaceTime'; readonly from: number; readonly to: number; readonly request: number }
  /** Ask for the client history with the linearizability checker's verdict (the history panel). */
  | { readonly type: 'clientHistory'; readonly request: number }
  /** Ask for the current branch as a scenario (to share or save it). */
  | { readonly type: 'exportScenario'; readonly request: number }
  /** The UI's watchdog asks whether the worker is alive: it answers `pong` at once. */
  | { readonly type: 'ping'; readonly id: number }
  /** Stop a far seek where it has got to. */
  | { readonly type: 'cancelSeek' }
  /**
   * The UI drew the last frame and can take the next one (flow control: at most one frame in flight).
   * `spare` is that frame's buffer, which the UI no longer reads, handed back (transferred) for the next.
   */
  | { readonly type: 'ready'; readonly spare?: ArrayBuffer };

export interface HistoryInfo {
  readonly end: Instant;
  readonly branch: number;
  readonly branches: readonly BranchInfo[];
}

/**
 * What is new in the timeline marks since the last update the UI got: only the tail of each list,
 * so a long run does not copy every commit again. The items of a list before `from` are those the
 * UI already has and are unchanged (a leader band or a lane that was still open is sent again
 * when its list changes: a mark is added or a span closes).
 */
export interface MarksUpdate {
  /** Start over with these lists (a new run, another branch, marks cut back by a branch); else continue. */
  readonly reset: boolean;
  /** The series of updates this one belongs to: a reset starts a new one, and only its own updates continue it. */
  readonly epoch: number;
  /** The lists with something new; a list left out is as the UI has it. A reset carries every list. */
  readonly lists: { readonly [K in MarkListName]?: { readonly from: number; readonly items: TimelineMarks[K] } };
  readonly revision: number;
  readonly eventsRead: number;
}

/** One client operation as the history panel draws it: an interval from invoke to response. */
export interface HistoryOperation {
  /** The client's requestId. */
  readonly id: number;
  readonly command: string;
  /** The key it acts on; null for a command the store refuses. */
  readonly key: string | null;
  /** The row: the logical client (1, 2, …) that issued it; one client sends one request at a time. */
  readonly client: number;
  /** When it was invoked (virtual ms). */
  readonly call: number;
  /** When the answer came, or null (still waiting, or failed). */
  readonly ret: number | null;
  readonly result: string | null;
  /** When the client gave up on it (deadline or refusal); it may still have taken effect. */
  readonly failedAt: number | null;
  /** The node that answered. */
  readonly by: string | null;
  /** Its place (1, 2, …) in its key's linearization, when the key is linearizable. */
  readonly order: number | null;
  /** Part of the smallest history no order explains. */
  readonly inCore: boolean;
}

export interface ClientHistoryView {
  /** The latest operations (and every one a failing part names), in invoke order. */
  readonly operations: readonly HistoryOperation[];
  /** How many operations the history holds in all. */
  readonly total: number;
  /** How many rows (logical clients). */
  readonly clients: number;
  /** The verdict for each key, sorted by key. */
  readonly keys: readonly KeyVerdict[];
  /** The history covers the run up to here (the branch's computed end). */
  readonly end: number;
}

/** A node as a frame carries it: the fields equal to the last frame's are left out (FrameMirror). */
export type NodeDelta = Partial<NodeFrame> &
  Pick<NodeFrame, 'id' | 'log'> & {
    /**
     * Instead of `kv`: the pairs changed or added since the last frame, when no key went and the new
     * ones come after the others (the UI's `{ ...kv, ...kvChanges }` is then the node's store, in order).
     */
    readonly kvChanges?: Readonly<Record<string, string>>;
  };

/** The cluster as a frame carries it: the fields equal to the last frame's are left out (FrameMirror). */
export type ClusterDelta = Partial<Omit<ClusterFrame, 'nodes'>> &
  Pick<ClusterFrame, 'requests'> & { readonly nodes: readonly NodeDelta[] };

/** A node as a packed frame carries it: its log tail too may travel in the numbers (NUMBER_FIELD_BITS.log). */
export type PackedNodeDelta = Omit<NodeDelta, 'log'> & Partial<Pick<NodeDelta, 'log'>>;

/** The cluster as a packed frame carries it (see PackedNodeDelta). */
export type PackedClusterDelta = Omit<ClusterDelta, 'nodes'> & {
  /**
   * Left out when every node would send its id alone (the numbers carry all that changed, as in nearly
   * every frame of a steady run): the nodes are then the last frame's, in its order.
   */
  readonly nodes?: readonly PackedNodeDelta[];
};

/**
 * The numbers of a packed frame that change nearly every frame, in one Float64Array the worker transfers
 * (cloning them as object fields was most of what a frame cost beyond the engine's own work). Its
 * layout: FRAME_HEAD slots, then per node (in the order of `snapshot.nodes`) NODE_SLOTS slots followed
 * by one slot per node for its nextIndex and one per node for its matchIndex (NaN: no entry for that
 * node), then the frame's request ids, then BRANCH_SLOTS per branch of the run. The worker writes it
 * (frame-numbers.ts), the store reads it (unpack-frame.ts).
 */
export const FRAME_HEAD = {
  time: 0,
  step: 1,
  endStep: 2,
  endTime: 3,
  branch: 4,
  speed: 5,
  /** FRAME_FLAGS, summed. */
  flags: 6,
  nodes: 7,
  requests: 8,
  branches: 9,
} as const;
export const FRAME_HEAD_SLOTS = 10;
export const FRAME_FLAGS = { playing: 1, manual: 2, resetFeed: 4, jumped: 8 } as const;

/**
 * A node's slots. `carried` is a sum of NUMBER_FIELD_BITS: the fields the numbers carry. A field they
 * cannot (a vote for a node outside the frame, a nextIndex whose keys are not in node order) travels
 * in the node's object instead, whole. Node references are positions in `snapshot.nodes` (-1: null);
 * NaN stands for a null number or timer.
 */
export const NODE_SLOT = {
  carried: 0,
  sharedLogPrefix: 1,
  alive: 2,
  role: 3,
  currentTerm: 4,
  votedFor: 5,
  leaderId: 6,
  commitIndex: 7,
  lastApplied: 8,
  electionArmedAt: 9,
  electionDeadline: 10,
  heartbeatArmedAt: 11,
  heartbeatDeadline: 12,
  conflictFrom: 13,
  clockRate: 14,
  /** How many of the packed frame's `entries` are this node's log tail (they follow the nodes' before it). */
  tailCount: 15,
  /** How many key-value pairs of the packed frame's `kvChanges` are this node's (they follow the nodes' before it). */
  kvChangeCount: 16,
} as const;
export const NODE_SLOTS = 17;

/** The node fields a packed frame may carry as numbers, and the bit `carried` has for each. */
export const NUMBER_FIELD_BITS = {
  alive: 1,
  role: 2,
  currentTerm: 4,
  votedFor: 8,
  leaderId: 16,
  commitIndex: 32,
  lastApplied: 64,
  electionTimer: 128,
  heartbeatTimer: 256,
  conflictFrom: 512,
  clockRate: 1024,
  nextIndex: 2048,
  matchIndex: 4096,
  /** The node's log tail (the entries after its shared prefix), among the packed frame's `entries`. */
  log: 8192,
} as const satisfies Partial<Record<keyof NodeFrame, number>>;
export type NumberField = keyof typeof NUMBER_FIELD_BITS;

/** Roles by the number a packed frame gives them. */
export const ROLE_NUMBERS: readonly NodeFrame['role'][] = ['follower', 'preCandidate', 'candidate', 'leader'];

/** A branch's slots (BranchInfo): a null parent is -1, a null fork NaN. */
export const BRANCH_SLOT = {
  id: 0,
  parent: 1,
  forkStep: 2,
  forkTime: 3,
  endStep: 4,
  endTime: 5,
  liveActions: 6,
  current: 7,
} as const;
export const BRANCH_SLOTS = 8;

/** Slots of a packed frame's numbers for `nodes` nodes, `requests` request ids and `branches` branches. */
export function frameNumberSlots(nodes: number, requests: number, branches: number): number {
  return FRAME_HEAD_SLOTS + nodes * (NODE_SLOTS + 2 * nodes) + requests + branches * BRANCH_SLOTS;
}

/** Where node `k`'s slots begin among `nodes`. */
export function nodeSlotsAt(nodes: number, k: number): number {
  return FRAME_HEAD_SLOTS + k * (NODE_SLOTS + 2 * nodes);
}

/**
 * A frame as the worker sends it. The store unpacks it into a FrameMessage (unpack-frame.ts) and
 * assembles that as before.
 */
export interface PackedFrameMessage {
  readonly type: 'packedFrame';
  /**
   * The FRAME_HEAD, node, request-id and branch numbers (see frameNumberSlots); transferred, usually as
   * a view into the end of `events.buffer` (see packedRoomAt).
   */
  readonly numbers: Float64Array<ArrayBuffer>;
  /** The cluster's other fields that changed since the last frame (see FrameMessage). */
  readonly snapshot: PackedClusterDelta;
  /**
   * The nodes' log tails one after the other, in node order (each node's `tailCount` says how many are
   * its): one list, not a list per node, and an entry every node appended is cloned once.
   */
  readonly entries: readonly LogEntry[];
  /**
   * The nodes' key-value changes (see NodeDelta.kvChanges) as keys and values one after the other, in node
   * order (each node's `kvChangeCount` says how many pairs are its): strings, not an object per node.
   */
  readonly kvChanges: readonly string[];
  /** As in FrameMessage. */
  readonly events: PackedTrace;
  readonly marks?: MarksUpdate;
}

/**
 * A frame as the store assembles it: every field as an object. The worker sends PackedFrameMessage;
 * this form is what the store unpacks it into (and what tests and fixtures give the store directly).
 */
export type FrameMessage = Extract<FromWorker, { type: 'frame' }>;

export type FromWorker =
  | PackedFrameMessage
  | {
      readonly type: 'frame';
      /** The cluster, without the fields that equal the last frame's (the store puts them back: restore-fields.ts). */
      readonly snapshot: ClusterDelta;
      /**
       * Per node (by position): how many leading log entries are the same as in the last frame. They are
       * left out; the node's `log` carries only the entries after them (empty when nothing changed).
       */
      readonly sharedLogPrefix: readonly number[];
      /**
       * The ids of the frame's client requests, in order. `snapshot.requests` carries only those that are
       * new or changed since the last frame; the others are the UI's from the last frame.
       */
      readonly requestIds: readonly number[];
      /**
       * Trace records since the previous frame (capped: a long unseen stretch sends only its tail), packed:
       * their columns in one buffer the worker transfers (see transferList), the store unpacks what it shows.
       */
      readonly events: PackedTrace;
      /**
       * True when the feed's records start over with `events`: the view jumped, a branch forked here, or a
       * stretch went unsent (more events than a frame carries).
       */
      readonly resetFeed: boolean;
      /**
       * The view jumped (a move back, another branch, a new run) rather than moved on: what the feed told
       * before is not the past of this instant. A seek forward or a fork is not a jump.
       */
      readonly jumped?: boolean;
      readonly playing: boolean;
      readonly speed: number;
      readonly manual: boolean;
      readonly history: HistoryInfo;
      /** Sent when they changed since the last frame. */
      readonly marks?: MarksUpdate;
    }
  /** A user action that could not be carried out, in words ("C is already down"). */
  | { readonly type: 'refused'; readonly action: LiveAction; readonly reason: string; readonly refusal?: ActionRefusal }
  /** A step-to search that found nothing within its bounds. */
  | { readonly type: 'notFound'; readonly kind: MilestoneKind; readonly reason: 'limit' | 'no-more-events' }
  /** Playback stopped on a safety violation. */
  | { readonly type: 'pausedOnViolation'; readonly violation: Violation }
  /** The run asked for more than `limit` events in the virtual millisecond at `time` (event-budget.ts): it stopped there. */
  | { readonly type: 'overBudget'; readonly time: number; readonly limit: number }
  /** A path performed spread out had a choice that could not be set apart in time (src/sim/spread-path.ts). */
  | { readonly type: 'spreadStuck' }
  /** A far seek is being computed in steps: it has reached `reached` of `target` (virtual ms). */
  | { readonly type: 'seekProgress'; readonly target: number; readonly reached: number }
  /**
   * A seek that posted progress (or any seek) ended: at its target, cancelled (it stays where it got to), or
   * refused as too far (it would cost about `estimate` events, more than `limit`): a link then opens at the
   * start, a seek in the run goes back to where it was.
   */
  | {
      readonly type: 'seekDone';
      readonly outcome: 'arrived' | 'cancelled' | 'tooFar';
      readonly target: number;
      readonly estimate?: number;
      readonly limit?: number;
      /** A refused link's instant: the run was opened at its start. */
      readonly restarted?: boolean;
    }
  | { readonly type: 'spaceTime'; readonly request: number; readonly window: SpaceTimeWindow }
  | { readonly type: 'scenario'; readonly request: number; readonly scenario: Scenario; readonly at: number }
  | { readonly type: 'clientHistory'; readonly request: number; readonly view: ClientHistoryView }
  | { readonly type: 'pong'; readonly id: number }
  | { readonly type: 'error'; readonly message: string };

/** What a message hands over rather than copies: a frame's numbers and packed trace buffers. */
export function transferList(message: FromWorker): Transferable[] {
  if (message.type === 'packedFrame') {
    // The numbers usually ride in the trace's buffer (engine-host.ts): a buffer listed twice cannot be transferred.
    const buffers = packedBuffers(message.events);
    return buffers.includes(message.numbers.buffer) ? buffers : [message.numbers.buffer, ...buffers];
  }
  return message.type === 'frame' ? packedBuffers(message.events) : [];
}

/** What the UI thread's postMessage hands over rather than copies: a frame's buffer, handed back. */
export function transferToWorker(message: ToWorker): Transferable[] {
  return message.type === 'ready' && message.spare !== undefined ? [message.spare] : [];
}

// ---- The exploration worker (explore.worker.ts) ------------------------------------------------
// A second worker, started for one exploration and terminated after it (or to cancel it): the bounded
// model checker runs for seconds to minutes and must not stall the engine worker the class is watching.

export type ToExploreWorker = {
  readonly type: 'explore';
  /** The current branch as a scenario (the engine's `exportScenario`), explored from the instant `at`. */
  readonly scenario: Scenario;
  readonly at: number;
  readonly bounds: ExploreBounds;
};

export interface ExploreProgressReport {
  /** Distinct states visited so far. */
  readonly states: number;
  /** The depth (choices from the start instant) being explored. */
  readonly depth: number;
  /** Distinct states per wall-clock second since the exploration began. */
  readonly statesPerSecond: number;
}

export type FromExploreWorker =
  | ({ readonly type: 'exploreProgress' } & ExploreProgressReport)
  | { readonly type: 'exploreDone'; readonly result: ExploreResult; readonly statesPerSecond: number }
  | { readonly type: 'exploreFailed'; readonly message: string };
