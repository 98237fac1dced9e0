// The cluster as a deterministic discrete-event simulation.
//
// It owns everything a Raft node must not: the virtual clock, the event queue,
// the seeded PRNG, the network, crashes and the client. Each step pops the next
// event (a delivery, a timer, a user action, a client timer), feeds it to the
// node it concerns, and carries out what the node asks for. The same scenario
// always produces the same trace, in Node and in the browser.

import { RaftLog } from '../raft/log';
import { initialState, RaftNode } from '../raft/node';
import { clientReplyFor } from './client-reply';
import type {
  ClientAnswer,
  Configuration,
  LogEntry,
  NodeId,
  PersistentState,
  RaftConfig,
  RaftInput,
  RaftMessage,
  RaftOptions,
  RaftOutput,
  RaftState,
  TimerKind,
  UnsafeSwitches,
} from '../raft/types';
import {
  emptyCheckerState,
  type CheckerState,
  restoreCheckerState,
  SafetyChecker,
  type SavedCheckerState,
} from './checker';
import {
  Client,
  emptyClientState,
  restoreClientState,
  saveClientState,
  type ClientState,
  type ClientTimerKind,
  type SavedClientState,
} from './client';
import { EventQueue, type SavedQueue } from './event-queue';
import { InFlight } from './in-flight';
import { initialConfigurationOf, logEntryOf } from './membership';
import { membershipFrame, quorumView } from './membership-frame';
import { Network, type NetworkState } from './network';
import { Prng } from './prng';
import { refusalText, type ActionRefusal } from './refusal';
import { nodeNames, type Action, type Scenario } from './scenario-types';
import { conflictFrom } from './log-conflict';
import { cloneRaftState, shareAppliedRequests } from './raft-state-clone';
import { shareArray, unshareArray, type SharedArray } from './shared-array';
import { incomingFrame, initialSnapshot, transfersFrame } from './snapshot-frame';
import { TraceLog } from './trace-log';
import { listView, membershipView, NO_FIELDS, recordView, snapshotView, timerView } from './view-reuse';
import {
  CLIENT,
  type ClientEvent,
  type ClientRequestRecord,
  type ClusterFrame,
  type DropReason,
  type DroppedMessage,
  type Endpoint,
  type Envelope,
  type NodeFrame,
  type NodeReadFrame,
  type TimerSnapshot,
  type TraceEvent,
  type Violation,
  type WireMessage,
} from './types';

/** How `snapshot` builds a frame (see there). */
export interface SnapshotOptions {
  readonly logs?: boolean;
  readonly requests?: boolean;
  readonly fresh?: boolean;
}

/** A message to deliver (the envelope itself, so a send allocates no wrapper), or a timer. */
export type QueueItem =
  | Envelope
  | ArmedTimer
  | { readonly kind: 'client'; readonly timer: ClientTimerKind; readonly requestId: number; readonly attempt: number };

/** What the view and the runner show of a node's reads: those waiting, and the lease. */
function readFrame(r: RaftNode['state']['reads'], leader: boolean): NodeReadFrame | null {
  if (r.pending.length === 0 && !(leader && r.round > 0)) return null;
  return {
    pending: r.pending.map((p) => ({
      requestId: p.requestId,
      key: p.key,
      readIndex: p.readIndex,
      round: p.round,
      for: p.for,
    })),
    round: r.round,
    leaseUntilTick: r.leaseUntilTick,
    tick: r.tick,
  };
}

function isDelivery(item: QueueItem): item is Envelope {
  return (item as { readonly kind?: string }).kind === undefined;
}

/** A node's running timer; the same object waits in the queue (stale once re-armed or stopped). */
interface ArmedTimer extends TimerSnapshot {
  readonly kind: 'timer';
  readonly node: NodeId;
  readonly timer: TimerKind;
  readonly generation: number;
}

/** Everything the simulation knows about one node, alive or dead. */
interface NodeSlot {
  /** null while the node is down: its volatile state is gone. */
  raft: RaftNode | null;
  /** What is on the node's disk while it is down. */
  disk: PersistentState;
  timers: Record<TimerKind, ArmedTimer | null>;
  /** The highest term the node ever reached, to check that a restart does not lose it. */
  highestTerm: number;
  /** Log indexes whose apply the node reported as a retry (entryApplied.retry, thesis §6.3), for the frame. */
  retried: number[];
}

/** The log of a frame taken without logs (see snapshot). */
const NO_ENTRIES: readonly LogEntry[] = Object.freeze([]);
function hasFields(record: object | undefined): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}

/** A dropped message stays visible this long (virtual ms) so the view can fade it out. */
const DROP_FADE = 60;

/** How many of the latest client requests a frame shows. */
const RECENT_REQUESTS = 50;

/** A log in a checkpoint: its entries (immutable objects) in chunks shared with the previous checkpoint. */
export interface SavedLog {
  readonly entries: SharedArray<LogEntry>;
  readonly snapshotIndex: number;
  readonly snapshotTerm: number;
}

/** Stands in for the log in a saved state or disk; the real one is beside it as a SavedLog. */
const SAVED_APART = new RaftLog();

/** The last save of each live log, and the log's rewrite count then (see saveLog). */
const lastSaves = new WeakMap<RaftLog, { saved: SavedLog; rewrites: number }>();

function saveLog(log: RaftLog, previous: SavedLog | undefined): SavedLog {
  // Saved from this very log, which has removed nothing since: the entries saved then are still its
  // prefix, and their chunks are taken without comparing them (a checkpoint costs what changed).
  const last = lastSaves.get(log);
  const grownOnly =
    previous !== undefined &&
    last?.saved === previous &&
    last.rewrites === log.rewrites &&
    previous.snapshotIndex === log.snapshotIndex;
  const saved: SavedLog = {
    entries: shareArray(log.held(), previous?.entries, { unchanged: grownOnly ? previous.entries.length : 0 }),
    snapshotIndex: log.snapshotIndex,
    snapshotTerm: log.snapshotTerm,
  };
  lastSaves.set(log, { saved, rewrites: log.rewrites });
  return saved;
}

function restoreLog(saved: SavedLog): RaftLog {
  return new RaftLog(unshareArray(saved.entries), saved.snapshotIndex, saved.snapshotTerm);
}

/**
 * The part of the simulation that changes as it runs; saved in a checkpoint. Long arrays (logs, the
 * checker's and the client's) share their unchanged chunks with the checkpoint before.
 */
export interface SimCheckpoint {
  readonly now: number;
  readonly step: number;
  readonly prng: number;
  readonly queue: SavedQueue<QueueItem>;
  readonly nodes: Record<
    NodeId,
    {
      alive: boolean;
      /** The node's state, its log left out (it is `log`). */
      state: RaftNode['state'] | null;
      /** The node's log when alive (else empty). */
      log: SavedLog | null;
      /** What is on disk, its log left out (it is `diskLog`). */
      disk: PersistentState;
      diskLog: SavedLog;
      timers: NodeSlot['timers'];
      highestTerm: number;
      retried: number[];
    }
  >;
  readonly network: NetworkState;
  readonly client: SavedClientState;
  readonly checker: SavedCheckerState;
  readonly inFlight: readonly Envelope[];
  readonly recentlyDropped: readonly DroppedMessage[];
  readonly nextMessageId: number;
  readonly nextTimerGeneration: number;
  readonly options: RaftOptions;
  readonly unsafe: UnsafeSwitches;
  readonly violationCount: number;
  readonly traceLength: number;
  /** How many scripted actions (no afterStep) and live actions (with afterStep) have run. */
  readonly scriptCursor: number;
  readonly liveCursor: number;
  /** Clock rates other than 1, by node (the `clock` action). */
  readonly clockRates: Readonly<Record<NodeId, number>>;
}

/** One node as the explorer sees it: its state when alive, else what is on its disk. */
export interface ExploredNode {
  readonly id: NodeId;
  readonly state: Readonly<RaftState> | null;
  readonly disk: Readonly<PersistentState> | null;
  readonly highestTerm: number;
}

export interface ExplorationView {
  readonly nodes: readonly ExploredNode[];
  readonly inFlight: readonly Envelope[];
  readonly checker: Readonly<CheckerState>;
  readonly client: Readonly<ClientState>;
  readonly network: Readonly<NetworkState>;
  readonly options: Readonly<RaftOptions>;
  readonly unsafe: Readonly<UnsafeSwitches>;
  readonly clockRates: Readonly<Record<NodeId, number>>;
}

export interface SimulationSettings {
  /** Keep the full trace (the UI and --trace need it; a long benchmark may not). */
  readonly recordTrace?: boolean;
}

export class Simulation {
  readonly scenario: Scenario;
  readonly nodeIds: readonly NodeId[];
  /** Every record so far, compact; `trace` gives them as objects. */
  readonly records = new TraceLog();
  readonly violations: Violation[] = [];
  private recordTrace: boolean;

  private now_ = 0;
  private step_ = 0;
  private prng: Prng;
  private queue = new EventQueue<QueueItem>();
  private slots = new Map<NodeId, NodeSlot>();
  private network: Network;
  private client: Client;
  private checker: SafetyChecker;
  private inFlight = new InFlight();
  private recentlyDropped: DroppedMessage[] = [];
  private nextMessageId = 1;
  private nextTimerGeneration = 1;
  private options: RaftOptions;
  private unsafe: UnsafeSwitches;
  /** Scenario actions by time; they run before any other event at their time. */
  private readonly script: Action[];
  /** Actions pinned to a step (`afterStep`): a live action replays exactly where it was taken. */
  private readonly live: Action[];
  private scriptCursor = 0;
  private liveCursor = 0;
  /** Whether the action dueAction() last returned is the next live one (else the next scripted one). */
  private liveDue = false;
  /** A node's clock rate (1 unless a `clock` action set it): its timers run that much faster. */
  private clockRates: Record<NodeId, number> = {};

  constructor(scenario: Scenario, settings: SimulationSettings = {}) {
    this.scenario = scenario;
    this.recordTrace = settings.recordTrace ?? true;
    this.nodeIds = nodeNames(scenario.nodes);
    this.prng = new Prng(scenario.seed);
    this.options = { ...scenario.options };
    this.unsafe = { ...scenario.unsafe };
    const { network, timing } = scenario;
    this.network = Network.create(timing.latency, network.dropRate, network.duplicateRate, network.reorder);
    this.checker = new SafetyChecker(emptyCheckerState());
    this.client = this.makeClient(emptyClientState());

    // §6: `members` vote from the start; the other nodes are spares until a change adds them.
    const initialConfiguration: Configuration = initialConfigurationOf(scenario.members, this.nodeIds);
    for (const id of this.nodeIds) {
      const init = scenario.initial[id];
      const entries = init?.log.map(logEntryOf) ?? [];
      const snapshot = initialSnapshot(init?.snapshot, initialConfiguration);
      const disk: PersistentState = {
        currentTerm: init?.term ?? 0,
        votedFor: init?.votedFor ?? null,
        log: new RaftLog(entries, snapshot?.lastIncludedIndex ?? 0, snapshot?.lastIncludedTerm ?? 0),
        initialConfiguration,
        snapshot,
      };
      this.slots.set(id, {
        raft: null,
        disk,
        timers: { election: null, heartbeat: null },
        highestTerm: disk.currentTerm,
        retried: [],
      });
      if (!snapshot) this.addViolations(this.checker.seedLog(id, disk.log.held(), 0));
    }
    // Logs that start after a snapshot are seeded after the whole ones, whose prefixes they may share.
    for (const id of this.nodeIds) {
      const { log, currentTerm } = this.slots.get(id)!.disk;
      if (log.snapshotIndex > 0)
        this.addViolations(
          this.checker.seedSnapshotLog(id, log.snapshotIndex, log.snapshotTerm, log.held(), 0, currentTerm),
        );
    }
    // Actions are kept beside the queue (not in it) so a branch can drop the scripted future
    // while restoring a checkpoint of its parent; stable sorts keep the written order of ties.
    this.script = scenario.actions.filter((a) => a.afterStep === undefined).sort((a, b) => a.at - b.at);
    this.live = scenario.actions
      .filter((a) => a.afterStep !== undefined)
      .sort((a, b) => a.afterStep! - b.afterStep! || a.at - b.at);
    for (const id of this.nodeIds) this.boot(id);
  }

  get now(): number {
    return this.now_;
  }

  /** Every record so far as TraceEvent objects, built anew on each call: hot paths read `records`. */
  get trace(): TraceEvent[] {
    return this.records.toArray();
  }

  /** Pause recording while replaying events whose records are kept elsewhere (a history's trace). */
  set recording(on: boolean) {
    this.recordTrace = on;
  }

  /** How many events have been processed. */
  get stepCount(): number {
    return this.step_;
  }

  // ---- Running ---------------------------------------------------------------

  /** The time of the next event that will really do something, if any. */
  nextEventTime(): number | undefined {
    this.discardStale();
    const due = this.dueAction();
    if (due !== null) return Math.max(due.at, this.now_);
    return this.queue.peekTime();
  }

  /** Process exactly one event. Returns false when nothing is left to happen. */
  step(): boolean {
    this.discardStale();
    const due = this.dueAction();
    if (due !== null) {
      this.runDue(due);
      return true;
    }
    return this.runQueued(Infinity);
  }

  /**
   * Process the next event if it happens by `time` (and say whether one did): `nextEventTime() <= time`
   * then `step()`, fused as in runUntil, for a caller that does its own work after each event.
   */
  stepBy(time: number): boolean {
    this.discardStale();
    const due = this.dueAction();
    if (due !== null) {
      if (Math.max(due.at, this.now_) > time) return false;
      this.runDue(due);
      return true;
    }
    return this.runQueued(time);
  }

  /** Process every event up to and including `time`, then stand at `time`. */
  runUntil(time: number): void {
    // nextEventTime() then step(), fused: both look at the same state, so one look does.
    for (;;) {
      this.discardStale();
      const due = this.dueAction();
      if (due !== null) {
        if (Math.max(due.at, this.now_) > time) break;
        this.runDue(due);
      } else if (!this.runQueued(time)) break;
    }
    if (time > this.now_) this.now_ = time;
  }

  /** Run the due action (the result of dueAction()) as the next step. */
  private runDue(action: Action): void {
    if (this.liveDue) this.liveCursor += 1;
    else this.scriptCursor += 1;
    this.now_ = Math.max(this.now_, action.at);
    this.step_ += 1;
    this.applyAction(action);
  }

  /** Pop and process the next queued event if it is due by `time`; false when there is none. */
  private runQueued(time: number): boolean {
    const at = this.queue.peekTime();
    if (at === undefined || at > time) return false;
    const item = this.queue.pop()!;
    this.now_ = at;
    this.step_ += 1;
    this.process(item);
    return true;
  }

  /**
   * Carry out a user action now (from the UI). It is stamped with the step it follows and kept,
   * so replaying from an earlier checkpoint applies it at exactly this point again; live actions
   * that were taken later than now on this run are forgotten.
   */
  perform(action: Action): ActionRefusal | undefined {
    // Object.assign gives the spread's result, several times faster; only an own "__proto__" key would differ.
    const stamped: Action = Object.hasOwn(action, '__proto__')
      ? { ...action, at: this.now_, afterStep: this.step_ }
      : Object.assign({}, action, { at: this.now_, afterStep: this.step_ });
    if (this.live.length !== this.liveCursor) this.live.length = this.liveCursor;
    this.live.push(stamped);
    this.liveCursor += 1;
    this.step_ += 1;
    return this.applyAction(stamped);
  }

  /** Every action that has run so far, scripted and live, in time order: a branch's script. */
  actionsDone(): Action[] {
    const done = [...this.script.slice(0, this.scriptCursor), ...this.live.slice(0, this.liveCursor)];
    return done.sort((a, b) => a.at - b.at);
  }

  /** Live actions taken on this run (with `afterStep`), including any beyond the current instant. */
  liveActions(): readonly Action[] {
    return this.live;
  }

  /**
   * The action that must be the next step, if any. A live action comes first once its step is
   * reached (it was taken before whatever followed it); a scripted action at time t comes before
   * other events at t, as a scenario promises. Sets liveDue to say which list it came from.
   */
  private dueAction(): Action | null {
    const scripted = this.script[this.scriptCursor];
    const pinned = this.live[this.liveCursor];
    if (scripted === undefined && pinned === undefined) return null;
    const top = this.queue.peekTime() ?? Infinity;
    if (pinned && pinned.afterStep! <= this.step_ && pinned.at <= top && (!scripted || pinned.at <= scripted.at)) {
      this.liveDue = true;
      return pinned;
    }
    if (scripted && scripted.at <= top) {
      this.liveDue = false;
      return scripted;
    }
    return null;
  }

  private discardStale(): void {
    for (;;) {
      const top = this.queue.peek();
      if (top === undefined || !this.isStale(top)) return;
      this.queue.pop();
    }
  }

  /** A timer that was re-armed or stopped, or whose node crashed, no longer fires. */
  private isStale(item: QueueItem): boolean {
    // A message the user already delivered or dropped leaves no empty step behind.
    if (isDelivery(item)) return !this.inFlight.has(item.id);
    if (item.kind !== 'timer') return false;
    const armed = this.slots.get(item.node)!.timers[item.timer];
    return armed === null || armed.generation !== item.generation;
  }

  private process(item: QueueItem): void {
    if (isDelivery(item)) return this.deliver(item);
    switch (item.kind) {
      case 'timer': {
        const slot = this.slots.get(item.node)!;
        slot.timers[item.timer] = null;
        if (this.recordTrace) this.records.timerFired(item.node, item.timer, this.now_, this.step_);
        return this.feed(item.node, slot.raft!.step({ kind: 'timer', timer: item.timer }), slot);
      }
      case 'client':
        return this.client.onTimer(item.timer, item.requestId, item.attempt);
    }
  }

  // ---- Nodes -----------------------------------------------------------------

  private config(id: NodeId): RaftConfig {
    return {
      id,
      heartbeatInterval: this.scenario.timing.heartbeatInterval,
      options: this.options,
      unsafe: this.unsafe,
      electionTimeoutMin: this.scenario.timing.electionTimeout[0],
      clockDriftBound: this.scenario.timing.clockDriftBound,
    };
  }

  private boot(id: NodeId): void {
    const slot = this.slots.get(id)!;
    const raft = new RaftNode(this.config(id), initialState(slot.disk), () => this.drawElectionTimeout());
    slot.raft = raft;
    this.feed(id, raft.step({ kind: 'start' }));
  }

  private drawElectionTimeout(): number {
    const range = this.scenario.timing.electionTimeout;
    return this.prng.between(range[0], range[1]);
  }

  /** Carry out a node's output: record its events, arm its timers, send its messages. */
  private feed(id: NodeId, out: RaftOutput, slot: NodeSlot = this.slots.get(id)!): void {
    const state = slot.raft!.state;
    // Indexed loops: an empty list of a node's output is one shared frozen array (src/raft/output.ts),
    // and for-of over a frozen array takes the slow iterator path, allocating at every step.
    const { events, answers, timers, messages } = out;
    for (let k = 0; k < events.length; k++) {
      const event = events[k]!;
      if (this.recordTrace) this.records.node(id, event, this.now_, this.step_);
      this.addViolations(this.checker.observe(id, event, state, this.now_));
      if (event.type === 'entryApplied' && event.retry && !slot.retried.includes(event.index))
        slot.retried.push(event.index);
      else if (event.type === 'entriesTruncated' && slot.retried.length > 0)
        slot.retried = slot.retried.filter((i) => i < event.fromIndex);
    }
    for (let k = 0; k < answers.length; k++) this.answerClient(id, answers[k]!);
    if (state.currentTerm > slot.highestTerm) slot.highestTerm = state.currentTerm;
    for (let k = 0; k < timers.length; k++) {
      const t = timers[k]!;
      if ('stop' in t) slot.timers[t.timer] = null;
      else {
        const timer: ArmedTimer = {
          kind: 'timer',
          node: id,
          timer: t.timer,
          generation: this.nextTimerGeneration++,
          armedAt: this.now_,
          // The node asked for `after` ms of its own clock (§6.4.1: clocks may drift).
          deadline: this.now_ + t.after / (this.clockRates[id] ?? 1),
        };
        slot.timers[t.timer] = timer;
        this.queue.push(timer.deadline, timer);
      }
    }
    for (let k = 0; k < messages.length; k++) {
      const m = messages[k]!;
      this.send(id, m.to, m.message);
    }
  }

  // ---- Network -----------------------------------------------------------------

  private send(from: Endpoint, to: Endpoint, payload: WireMessage): void {
    const nodeLink = from !== CLIENT && to !== CLIENT;
    const lost = nodeLink && this.prng.chance(this.network.state.dropRate);
    this.emitMessage(from, to, payload, lost, false);
    if (nodeLink && this.prng.chance(this.network.state.duplicateRate))
      this.emitMessage(from, to, payload, false, true);
  }

  private emitMessage(from: Endpoint, to: Endpoint, payload: WireMessage, lost: boolean, duplicate: boolean): void {
    const message: Envelope = {
      id: this.nextMessageId++,
      from,
      to,
      sentAt: this.now_,
      deliverAt: this.network.deliveryTime(this.now_, from, to, this.prng),
      payload,
      lost,
      duplicate,
    };
    this.inFlight.add(message);
    this.queue.push(message.deliverAt, message);
    if (this.recordTrace) this.records.message('sent', message, this.now_, this.step_);
  }

  private deliver(message: Envelope): void {
    if (!this.inFlight.delete(message.id)) return; // Already dropped by the user.
    const slot = message.to === CLIENT ? undefined : this.slots.get(message.to)!;
    const reason = this.dropReason(message, slot);
    if (reason) return this.drop(message, reason);
    if (this.recordTrace) this.records.message('delivered', message, this.now_, this.step_);
    const { from, to, payload } = message;
    if (to === CLIENT) {
      if (payload.type === 'ClientReply') this.client.onReply(from, payload);
      return;
    }
    if (payload.type === 'ClientRequest' && payload.change !== undefined) {
      const { add, remove } = payload.change;
      const input: RaftInput = { kind: 'changeMembership', add, remove, requestId: payload.requestId };
      return this.feed(to, slot!.raft!.step(input), slot);
    }
    if (payload.type === 'ClientRequest') return this.onClientRequest(to, payload.requestId, payload.command);
    if (payload.type === 'ClientReply') return;
    this.feed(to, slot!.raft!.step({ kind: 'message', from, message: payload as RaftMessage }), slot);
  }

  private dropReason(message: Envelope, receiver: NodeSlot | undefined): DropReason | null {
    if (message.lost) return 'random-loss';
    if (receiver !== undefined && !receiver.raft) return 'receiver-dead';
    if (!this.network.isUp(message.from, message.to)) return 'link-down';
    return null;
  }

  private drop(message: Envelope, reason: DropReason): void {
    this.recentlyDropped.push({ message, droppedAt: this.now_, reason });
    if (this.recentlyDropped.length > 64) this.pruneDropped();
    if (this.recordTrace) this.records.dropped(message, reason, this.now_, this.step_);
  }

  private pruneDropped(): void {
    this.recentlyDropped = this.recentlyDropped.filter((d) => d.droppedAt >= this.now_ - DROP_FADE);
  }

  // ---- Client --------------------------------------------------------------------

  private makeClient(state: ClientState): Client {
    return new Client(
      state,
      {
        now: () => this.now_,
        nodeIds: this.nodeIds,
        sendRequest: (to, requestId, command, change) =>
          this.send(
            CLIENT,
            to,
            change === undefined
              ? { type: 'ClientRequest', requestId, command }
              : { type: 'ClientRequest', requestId, command, change },
          ),
        schedule: (after, timer, requestId, attempt) =>
          this.queue.push(this.now_ + after, { kind: 'client', timer, requestId, attempt }),
        record: (event: ClientEvent) => {
          if (this.recordTrace) this.records.client(event, this.now_, this.step_);
        },
      },
      this.scenario.timing.clientTimeout,
      this.scenario.timing.clientDeadline,
    );
  }

  private onClientRequest(node: NodeId, requestId: number, command: string): void {
    this.feed(node, this.slots.get(node)!.raft!.step({ kind: 'propose', command, requestId }));
  }

  /** Carry a node's answer to the client: a reply on the wire, or (accepted) a note in the trace. */
  private answerClient(node: NodeId, answer: ClientAnswer): void {
    const { requestId } = answer;
    if (requestId === undefined) return;
    if (answer.outcome === 'accepted' && this.recordTrace) {
      const event: ClientEvent = { type: 'accepted', requestId, node, index: answer.index, term: answer.term };
      this.records.client(event, this.now_, this.step_);
    }
    const pending = this.client.state.requests[requestId - 1]?.status === 'pending';
    const reply = clientReplyFor(answer, pending);
    if (reply !== null) this.send(node, CLIENT, reply);
  }

  // ---- Actions ----------------------------------------------------------------------

  /** Apply a user or scenario action. Returns why, when it could not be carried out. */
  private applyAction(action: Action): ActionRefusal | undefined {
    const refusal = this.tryAction(action);
    if (this.recordTrace) {
      const refused = refusal === undefined ? undefined : { error: refusalText(refusal), refusal };
      this.records.action(action, refused, this.now_, this.step_);
    }
    return refusal;
  }

  private tryAction(action: Action): ActionRefusal | undefined {
    const size = this.nodeIds.length;
    if ('node' in action && action.node !== undefined && !this.known(action.node)) {
      return { code: 'unknown-node', node: action.node, clusterSize: size };
    }
    switch (action.do) {
      case 'kill':
        if (!this.alive(action.node)) return { code: 'already-down', node: action.node };
        return this.kill(action.node);
      case 'restart':
        if (this.alive(action.node)) return { code: 'already-running', node: action.node };
        return this.restart(action.node);
      case 'timeout':
      case 'heartbeat': {
        if (!this.alive(action.node)) return { code: 'node-down', node: action.node };
        const slot = this.slots.get(action.node)!;
        if (action.do === 'heartbeat' && slot.raft!.state.role !== 'leader') {
          return { code: 'not-leader', node: action.node };
        }
        const timer = action.do === 'timeout' ? 'election' : 'heartbeat';
        slot.timers[timer] = null;
        if (this.recordTrace) {
          this.records.timerFired(action.node, timer, this.now_, this.step_);
        }
        const input: RaftInput = { kind: 'timer', timer, forced: true };
        this.feed(action.node, slot.raft!.step(input));
        return undefined;
      }
      case 'setTimeout':
        return this.rearmElectionTimer(action.node, action.ms);
      case 'isolate':
        this.network.isolate(action.node);
        return undefined;
      case 'restore':
        this.network.restore(action.node);
        return undefined;
      case 'partition': {
        const unknown = action.groups.flat().find((id) => !this.known(id));
        if (unknown) return { code: 'unknown-node', node: unknown, clusterSize: size };
        this.network.partition(action.groups);
        return undefined;
      }
      case 'heal':
        this.network.heal();
        return undefined;
      case 'cut':
      case 'mend': {
        if (!this.known(action.from) || !this.known(action.to))
          return { code: 'unknown-link', from: action.from, to: action.to };
        if (action.from === action.to) return { code: 'self-link', node: action.from };
        if (action.do === 'cut') this.network.cut(action.from, action.to, action.oneWay);
        else this.network.mend(action.from, action.to, action.oneWay);
        return undefined;
      }
      case 'network': {
        const s = this.network.state;
        if (action.dropRate !== undefined) s.dropRate = action.dropRate;
        if (action.duplicateRate !== undefined) s.duplicateRate = action.duplicateRate;
        if (action.reorder !== undefined) s.reorder = action.reorder;
        if (action.latency !== undefined) s.latency = [Math.min(...action.latency), Math.max(...action.latency)];
        return undefined;
      }
      case 'snapshot': {
        if (!this.alive(action.node)) return { code: 'node-down', node: action.node };
        const slot = this.slots.get(action.node)!;
        this.feed(action.node, slot.raft!.step({ kind: 'snapshot' }), slot);
        return undefined;
      }
      case 'setOptions':
        this.options = { ...this.options, ...action.options };
        this.unsafe = { ...this.unsafe, ...action.unsafe };
        for (const [id, slot] of this.slots) {
          if (slot.raft)
            this.feed(id, slot.raft.step({ kind: 'setOptions', options: this.options, unsafe: this.unsafe }));
        }
        return undefined;
      case 'submit':
        this.client.submit(action.command, action.node ?? null);
        return undefined;
      case 'change': {
        const unknown = [...(action.add ?? []), ...(action.remove ?? [])].find((id) => !this.known(id));
        if (unknown) return { code: 'unknown-node', node: unknown, clusterSize: size };
        this.client.submitChange(action.add ?? [], action.remove ?? []);
        return undefined;
      }
      case 'drop': {
        const message = this.inFlight.get(action.message);
        if (!message) return { code: 'message-gone', message: action.message };
        this.inFlight.delete(action.message);
        this.drop(message, 'dropped-by-user');
        return undefined;
      }
      case 'deliver': {
        // Manual delivery: this message arrives now, ahead of its time; its queued arrival is then void.
        const message = this.inFlight.get(action.message);
        if (!message) return { code: 'message-gone', message: action.message };
        this.deliver(message);
        return undefined;
      }
      case 'duplicate': {
        const message = this.inFlight.get(action.message);
        if (!message) return { code: 'message-gone', message: action.message };
        const copy: Envelope = {
          ...message,
          id: this.nextMessageId++,
          sentAt: this.now_,
          lost: false,
          duplicate: true,
        };
        this.inFlight.add(copy);
        this.queue.push(copy.deliverAt, copy);
        if (this.recordTrace) this.records.message('sent', copy, this.now_, this.step_);
        return undefined;
      }
      case 'transfer':
        return this.transfer(action.to);
      case 'clock':
        this.clockRates = { ...this.clockRates, [action.node]: action.rate };
        return undefined;
    }
  }

  /**
   * The class sets when a node's running election timer fires (§5.2's randomized timeout, chosen by
   * hand). The timer the node armed is replaced, as a node's own re-arm replaces it; the node's later
   * timeouts come from its ElectionTimeoutSource as before.
   */
  private rearmElectionTimer(id: NodeId, ms: number): ActionRefusal | undefined {
    if (!this.alive(id)) return { code: 'node-down', node: id };
    const slot = this.slots.get(id)!;
    if (slot.timers.election === null) return { code: 'no-election-timer', node: id };
    this.feed(id, { events: [], answers: [], messages: [], timers: [{ timer: 'election', after: ms }] }, slot);
    return undefined;
  }

  /** Thesis §3.10: hand the transfer request to the leader (the one of the highest term, if several think they lead). */
  private transfer(to: NodeId): ActionRefusal | undefined {
    if (!this.known(to)) return { code: 'unknown-node', node: to, clusterSize: this.nodeIds.length };
    let leader: NodeId | null = null;
    let term = -1;
    for (const [id, slot] of this.slots) {
      const s = slot.raft?.state;
      if (s?.role === 'leader' && s.currentTerm > term) [leader, term] = [id, s.currentTerm];
    }
    if (leader === null) return { code: 'transfer-refused', to, reason: 'no-leader' };
    if (!this.alive(to)) return { code: 'transfer-refused', to, reason: 'target-down' };
    const out = this.slots.get(leader)!.raft!.step({ kind: 'transfer', to });
    const refused = out.events.find((e) => e.type === 'transferRefused');
    this.feed(leader, out);
    return refused?.type === 'transferRefused' ? { code: 'transfer-refused', to, reason: refused.reason } : undefined;
  }

  // Methods, not closures made per action: an action is frequent enough for that to show.
  private known(id: NodeId): boolean {
    return this.slots.has(id);
  }

  private alive(id: NodeId): boolean {
    return this.slots.get(id)?.raft != null;
  }

  /** Crash: volatile state and timers are gone; currentTerm, votedFor and the log stay on disk. */
  private kill(id: NodeId): undefined {
    const slot = this.slots.get(id)!;
    const s = slot.raft!.state;
    slot.disk = {
      currentTerm: s.currentTerm,
      votedFor: s.votedFor,
      log: s.log.clone(),
      initialConfiguration: s.initialConfiguration,
      snapshot: s.snapshot,
    };
    slot.raft = null;
    slot.timers = { election: null, heartbeat: null };
    if (this.recordTrace) this.records.crashed(id, this.now_, this.step_);
    return undefined;
  }

  private restart(id: NodeId): undefined {
    const slot = this.slots.get(id)!;
    if (this.unsafe.forgetOnRestart) slot.disk = { ...slot.disk, currentTerm: 0, votedFor: null };
    if (this.recordTrace) {
      const { currentTerm: term, votedFor } = slot.disk;
      this.records.restarted(id, term, votedFor, this.now_, this.step_);
    }
    const committed = slot.disk.log.snapshotIndex; // A snapshot holds only committed entries.
    this.addViolations(this.checker.observeRestart(id, slot.highestTerm, slot.disk.currentTerm, this.now_, committed));
    this.boot(id);
    return undefined;
  }

  // ---- Records --------------------------------------------------------------------------

  private addViolations(found: readonly Violation[]): void {
    if (found.length === 0) return;
    for (const violation of found) {
      this.violations.push(violation);
      if (this.recordTrace) this.records.violation(violation, this.now_, this.step_);
    }
  }

  // ---- Exploration -------------------------------------------------------------------------

  /**
   * Everything that decides what can happen next, as live read-only views (not copies), for the
   * state-space explorer (src/check/explore), which tells states apart by it. Time, timers and the
   * PRNG are left out: an exploration never lets time move and turns random loss off.
   */
  explorationView(): ExplorationView {
    return {
      nodes: this.nodeIds.map((id) => {
        const slot = this.slots.get(id)!;
        const state = slot.raft?.state ?? null;
        return { id, state, disk: state === null ? slot.disk : null, highestTerm: slot.highestTerm };
      }),
      inFlight: this.inFlight.values(),
      checker: this.checker.state,
      client: this.client.state,
      network: this.network.state,
      options: this.options,
      unsafe: this.unsafe,
      clockRates: this.clockRates,
    };
  }

  // ---- Snapshots and checkpoints -------------------------------------------------------------

  /**
   * The whole cluster as plain data, for the UI and the CLI. With `logs: false` every node's `log` is
   * left empty: a caller that sends only what changed reads the entries from `logOf` instead; with
   * `requests: false` the requests are, and such a caller reads them from `recentRequests`. Parts the
   * engine holds unchanged since the last frame are that frame's very objects (frames are read-only);
   * `fresh: true` builds every part anew and leaves the next frame to reuse the last one's.
   */
  snapshot(options: SnapshotOptions = {}): ClusterFrame {
    this.pruneDropped();
    const leader = this.ruling();
    const withLogs = options.logs ?? true;
    const last = options.fresh === true ? null : this.lastFrame;
    const nodes: NodeFrame[] = this.nodeIds.map((id, k) => this.nodeSnapshot(id, leader, withLogs, last?.nodes[k]));
    const frame: ClusterFrame = {
      time: this.now_,
      step: this.step_,
      nodes,
      messages: this.inFlight.values(),
      recentlyDropped: listView(last?.recentlyDropped, this.recentlyDropped),
      network: this.network.snapshot(),
      requests: options.requests === false ? [] : this.recentRequests().map((r) => ({ ...r })),
      violations: listView(last?.violations, this.violations),
      options: this.options,
      unsafe: this.unsafe,
      membership: membershipView(
        last?.membership,
        membershipFrame(
          nodes.map((n) => ({ id: n.id, state: this.slots.get(n.id)!.raft?.state, configuration: n.configuration })),
          leader?.id ?? null,
        ),
      ),
    };
    if (options.fresh !== true) this.lastFrame = frame;
    return frame;
  }

  /**
   * The last frame given, whose parts the next one gives again where the engine still holds the same
   * data (see view-reuse.ts): compared with the live state every time, never trusted blindly.
   */
  private lastFrame: ClusterFrame | null = null;

  /**
   * The client requests a frame shows (the latest RECENT_REQUESTS), as the live records: the caller
   * must copy what it keeps, for the client edits them as they progress.
   */
  recentRequests(): readonly Readonly<ClientRequestRecord>[] {
    return this.client.state.requests.slice(-RECENT_REQUESTS);
  }

  /**
   * The log copy the last snapshot gave, per node, and what it was taken from: an unchanged log is
   * given again as the same array (frames are read-only), so a frame costs nothing per entry for it.
   */
  private readonly logCopies = new Map<
    NodeId,
    { held: readonly LogEntry[]; length: number; last: LogEntry | undefined; base: number; copy: LogEntry[] }
  >();

  /**
   * The node's entries as a frame gives them. Entries are never changed in place: the log only grows
   * at its end, truncates its tail or moves its snapshot, so the same array, length, last entry and
   * snapshot index mean the same entries.
   */
  private logCopy(id: NodeId, log: RaftLog): LogEntry[] {
    const held = log.held();
    const last = held[held.length - 1];
    const cached = this.logCopies.get(id);
    if (
      cached !== undefined &&
      cached.held === held &&
      cached.length === held.length &&
      cached.last === last &&
      cached.base === log.snapshotIndex
    ) {
      return cached.copy;
    }
    const copy = [...held];
    this.logCopies.set(id, { held, length: held.length, last, base: log.snapshotIndex, copy });
    return copy;
  }

  /** The log a frame shows for the node (the live node's, else the one on its disk); for reading only. */
  logOf(id: NodeId): Readonly<RaftLog> {
    const slot = this.slots.get(id);
    if (!slot) throw new Error(`no node ${id}`);
    return slot.raft?.state.log ?? slot.disk.log;
  }

  /** The leader the cluster follows: the live leader of the highest term (an old one cut off may linger). */
  private ruling(): { id: NodeId; state: RaftState } | null {
    let found: { id: NodeId; state: RaftState } | null = null;
    for (const [id, slot] of this.slots) {
      const s = slot.raft?.state;
      if (s?.role === 'leader' && (!found || s.currentTerm > found.state.currentTerm)) found = { id, state: s };
    }
    return found;
  }

  /** The node's view; `last` is its view in the last frame, whose unchanged parts are given again. */
  private nodeSnapshot(
    id: NodeId,
    leader: { id: NodeId; state: RaftState } | null,
    withLog: boolean,
    last: NodeFrame | undefined,
  ): NodeFrame {
    const slot = this.slots.get(id)!;
    const s = slot.raft?.state;
    const log = s?.log ?? slot.disk.log;
    const configuration = s?.configuration ?? slot.disk.initialConfiguration;
    if (last?.id !== id) last = undefined;
    return {
      id,
      alive: s !== undefined,
      role: s?.role ?? 'follower',
      currentTerm: s?.currentTerm ?? slot.disk.currentTerm,
      votedFor: s ? s.votedFor : slot.disk.votedFor,
      leaderId: s?.leaderId ?? null,
      log: withLog ? this.logCopy(id, log) : NO_ENTRIES,
      snapshot: snapshotView(s?.snapshot ?? slot.disk.snapshot),
      incomingSnapshot: incomingFrame(s?.incomingSnapshot ?? null),
      snapshotTransfers: hasFields(s?.snapshotTransfers) ? transfersFrame(s?.snapshotTransfers) : NO_FIELDS,
      commitIndex: s?.commitIndex ?? 0,
      lastApplied: s?.lastApplied ?? 0,
      nextIndex: recordView(last?.nextIndex, s?.nextIndex),
      matchIndex: recordView(last?.matchIndex, s?.matchIndex),
      commitDeferred: s?.commitDeferred ?? null,
      retried: listView(last?.retried, slot.retried),
      votesGranted: listView(last?.votesGranted, s?.votesGranted),
      votesRefused: listView(last?.votesRefused, s?.votesRefused),
      configuration,
      quorum: quorumView(configuration),
      kv: recordView(last?.kv, s?.kv.data),
      electionTimer: timerView(last?.electionTimer, slot.timers.election),
      heartbeatTimer: timerView(last?.heartbeatTimer, slot.timers.heartbeat),
      conflictFrom:
        leader === null || leader.id === id
          ? null
          : conflictFrom(log, {
              log: leader.state.log,
              currentTerm: leader.state.currentTerm,
              matchIndex: leader.state.matchIndex[id] ?? 0,
            }),
      clockRate: this.clockRates[id] ?? 1,
      transfer: s?.transfer ? { to: s.transfer.to, timeoutNowSent: s.transfer.timeoutNowSent } : null,
      reads: s ? readFrame(s.reads, s.role === 'leader') : null,
    };
  }

  /**
   * Everything needed to resume from this instant; the trace itself is append-only and kept by length.
   * Given the checkpoint taken before this one, the long arrays share what has not changed since.
   */
  save(previous?: SimCheckpoint): SimCheckpoint {
    const nodes: SimCheckpoint['nodes'] = {};
    for (const [id, slot] of this.slots) {
      const before = previous?.nodes[id];
      const state = slot.raft?.state;
      nodes[id] = {
        alive: slot.raft !== null,
        state: state ? cloneRaftState({ ...state, log: SAVED_APART }) : null,
        log: state ? saveLog(state.log, before?.log ?? undefined) : null,
        disk: { ...slot.disk, log: SAVED_APART },
        diskLog: saveLog(slot.disk.log, before?.diskLog),
        timers: { ...slot.timers },
        highestTerm: slot.highestTerm,
        retried: [...slot.retried],
      };
    }
    // The copies above are this checkpoint's own: their equal remembered requests are kept once.
    shareAppliedRequests(Object.values(nodes).flatMap((n) => (n.state === null ? [] : [n.state])));
    return {
      now: this.now_,
      step: this.step_,
      prng: this.prng.save(),
      queue: this.queue.save(),
      nodes,
      network: structuredClone(this.network.state),
      client: saveClientState(this.client.state, previous?.client),
      checker: this.checker.save(previous?.checker),
      inFlight: this.inFlight.values(),
      recentlyDropped: [...this.recentlyDropped],
      nextMessageId: this.nextMessageId,
      nextTimerGeneration: this.nextTimerGeneration,
      options: { ...this.options },
      unsafe: { ...this.unsafe },
      violationCount: this.violations.length,
      traceLength: this.records.length,
      scriptCursor: this.scriptCursor,
      liveCursor: this.liveCursor,
      clockRates: { ...this.clockRates },
    };
  }

  /** Return to a checkpoint taken earlier by this simulation (the trace and violations are cut back). */
  restore(c: SimCheckpoint): void {
    this.now_ = c.now;
    this.step_ = c.step;
    this.prng = Prng.restore(c.prng);
    this.queue = EventQueue.restore(c.queue);
    this.options = { ...c.options };
    this.unsafe = { ...c.unsafe };
    for (const [id, saved] of Object.entries(c.nodes)) {
      const slot = this.slots.get(id)!;
      slot.disk = { ...saved.disk, log: restoreLog(saved.diskLog) };
      slot.timers = { ...saved.timers };
      slot.highestTerm = saved.highestTerm;
      slot.retried = [...saved.retried];
      if (saved.state && saved.log) {
        const state = { ...cloneRaftState(saved.state), log: restoreLog(saved.log) };
        // A live node is refilled rather than rebuilt: restoring is the explorer's inner loop.
        if (slot.raft) slot.raft.reload(this.config(id), state);
        else slot.raft = new RaftNode(this.config(id), state, () => this.drawElectionTimeout());
      } else {
        slot.raft = null;
      }
    }
    this.network = new Network(structuredClone(c.network));
    this.client = this.makeClient(restoreClientState(c.client));
    this.checker = new SafetyChecker(restoreCheckerState(c.checker));
    this.inFlight = new InFlight(c.inFlight);
    this.recentlyDropped = [...c.recentlyDropped];
    this.nextMessageId = c.nextMessageId;
    this.nextTimerGeneration = c.nextTimerGeneration;
    this.violations.length = c.violationCount;
    this.records.truncate(c.traceLength);
    this.scriptCursor = c.scriptCursor;
    this.liveCursor = c.liveCursor;
    this.clockRates = { ...c.clockRates };
  }
}
