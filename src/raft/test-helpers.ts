// Helpers for the tests of src/raft: build nodes by hand and pass their messages
// around without the simulator, so a test can drive one rule of the paper at a time.

import { RaftLog } from './log';
import { initialState, RaftNode } from './node';
import type {
  ClientAnswer,
  LogEntry,
  NodeId,
  RaftConfig,
  RaftEvent,
  RaftInput,
  RaftMessage,
  RaftOptions,
  RaftOutput,
  Snapshot,
  TimerKind,
  UnsafeSwitches,
} from './types';
import { DEFAULT_OPTIONS, SAFE_SWITCHES } from './types';

/** Every test node draws the same election timeout, so a re-armed timer is easy to spot. */
export const ELECTION_TIMEOUT = 200;
export const HEARTBEAT_INTERVAL = 50;

/** What a test puts on a node's disk; the configuration comes from the setup's cluster. */
export interface Disk {
  readonly currentTerm: number;
  readonly votedFor: NodeId | null;
  readonly log: RaftLog;
  /** §7: the snapshot the log starts after, if any. */
  readonly snapshot?: Snapshot | null;
}

export interface NodeSetup {
  /** The node's initial configuration: every node listed is a voter. */
  readonly cluster?: readonly NodeId[];
  readonly persistent?: Disk;
  readonly options?: Partial<RaftOptions>;
  readonly unsafe?: Partial<UnsafeSwitches>;
  /** The bound on clock drift a lease divides by (thesis §6.4.1); the node's default is 1. */
  readonly clockDriftBound?: number;
}

export function config(id: NodeId, setup: NodeSetup = {}): RaftConfig {
  return {
    id,
    heartbeatInterval: HEARTBEAT_INTERVAL,
    options: { ...DEFAULT_OPTIONS, ...setup.options },
    unsafe: { ...SAFE_SWITCHES, ...setup.unsafe },
    ...(setup.clockDriftBound === undefined ? {} : { clockDriftBound: setup.clockDriftBound }),
  };
}

/** A node as the host boots it: `new RaftNode(config, initialState(disk), timeouts)`, not yet started. */
export function makeNode(id: NodeId, setup: NodeSetup = {}): RaftNode {
  const disk = setup.persistent ?? { currentTerm: 0, votedFor: null, log: new RaftLog() };
  const initialConfiguration = { voters: setup.cluster ?? ['A', 'B', 'C'], learners: [] };
  return new RaftNode(config(id, setup), initialState({ ...disk, initialConfiguration }), () => ELECTION_TIMEOUT);
}

/**
 * A log with the given terms. The command depends only on (index, term), so two logs
 * built here that agree on an entry's index and term agree on its command, as the
 * Log Matching property requires of real logs.
 */
export function logOf(...terms: number[]): LogEntry[] {
  return terms.map((term, i) => ({ term, command: `set x${i + 1} ${term}` }));
}

export function termsOf(log: RaftLog | readonly LogEntry[]): number[] {
  return (log instanceof RaftLog ? log.held() : log).map((e) => e.term);
}

export function persistent(currentTerm: number, terms: number[] = [], votedFor: NodeId | null = null): Disk {
  return { currentTerm, votedFor, log: new RaftLog(logOf(...terms)) };
}

export function messagesOf<T extends RaftMessage['type']>(
  out: RaftOutput,
  type: T,
): { to: NodeId; message: Extract<RaftMessage, { type: T }> }[] {
  return out.messages
    .filter((m) => m.message.type === type)
    .map((m) => ({ to: m.to, message: m.message as Extract<RaftMessage, { type: T }> }));
}

/** The one message of `type` the output sends to `to`. */
export function messageTo<T extends RaftMessage['type']>(
  out: RaftOutput,
  to: NodeId,
  type: T,
): Extract<RaftMessage, { type: T }> {
  const found = messagesOf(out, type).filter((m) => m.to === to);
  if (found.length !== 1) throw new Error(`expected one ${type} to ${to}, got ${found.length}`);
  return found[0]!.message;
}

export function eventsOf<T extends RaftEvent['type']>(out: RaftOutput, type: T): Extract<RaftEvent, { type: T }>[] {
  return out.events.filter((e): e is Extract<RaftEvent, { type: T }> => e.type === type);
}

/** Did this output (re-)arm the election timer? */
export function armsElectionTimer(out: RaftOutput): boolean {
  return out.timers.some((t) => t.timer === 'election' && 'after' in t);
}

export function start(node: RaftNode): RaftOutput {
  return node.step({ kind: 'start' });
}

export function timeout(node: RaftNode): RaftOutput {
  return node.step({ kind: 'timer', timer: 'election' });
}

export function receive(node: RaftNode, from: NodeId, message: RaftMessage): RaftOutput {
  return node.step({ kind: 'message', from, message });
}

/** A client proposal; returns the output and the node's one answer to it. */
export function propose(
  node: RaftNode,
  command: string,
  requestId?: number,
): { out: RaftOutput; answer: ClientAnswer } {
  const out = node.step(
    requestId === undefined ? { kind: 'propose', command } : { kind: 'propose', command, requestId },
  );
  const answers = out.answers.filter((a) => a.outcome !== 'applied');
  if (answers.length !== 1) throw new Error(`expected one answer to the proposal, got ${answers.length}`);
  return { out, answer: answers[0]! };
}

export function voteReply(term: number, voteGranted: boolean): RaftMessage {
  return { type: 'RequestVoteReply', term, voteGranted };
}

/** The answer to a pre-vote round at `term` (the request's term, echoed), from a voter at `voterTerm`. */
export function preVoteReply(term: number, voteGranted: boolean, voterTerm = term - 1): RaftMessage {
  return { type: 'PreVoteReply', term, voteGranted, voterTerm };
}

/** Time `node` out and hand it a granted vote from each of `voters`; returns the outputs. */
export function elect(node: RaftNode, voters: readonly NodeId[]): RaftOutput[] {
  const outs = [timeout(node)];
  for (const v of voters) outs.push(receive(node, v, voteReply(node.state.currentTerm, true)));
  return outs;
}

interface Packet {
  readonly from: NodeId;
  readonly to: NodeId;
  readonly message: RaftMessage;
}

/**
 * A perfect network for a handful of nodes: messages arrive in the order sent, timers
 * fire only when the test says so. Nodes in `down` neither send nor receive.
 */
export class Router {
  readonly nodes = new Map<NodeId, RaftNode>();
  readonly events: { node: NodeId; event: RaftEvent }[] = [];
  readonly delivered: Packet[] = [];
  /** Every answer a node gave a client, in order. */
  readonly answers: { node: NodeId; answer: ClientAnswer }[] = [];
  readonly down = new Set<NodeId>();
  private queue: Packet[] = [];

  constructor(nodes: readonly RaftNode[]) {
    for (const n of nodes) this.nodes.set(n.id, n);
    for (const n of nodes) this.take(n.id, start(n));
  }

  node(id: NodeId): RaftNode {
    const n = this.nodes.get(id);
    if (!n) throw new Error(`no node ${id}`);
    return n;
  }

  fire(id: NodeId, timer: TimerKind): void {
    this.take(id, this.node(id).step({ kind: 'timer', timer }));
  }

  /** Any input to one node; its messages join the queue. */
  step(id: NodeId, input: RaftInput): RaftOutput {
    const out = this.node(id).step(input);
    this.take(id, out);
    return out;
  }

  propose(id: NodeId, command: string): void {
    this.take(id, this.node(id).step({ kind: 'propose', command }));
  }

  /** §6: an administrator's membership change, handed to `id`. */
  change(id: NodeId, add: readonly NodeId[], remove: readonly NodeId[], requestId?: number): void {
    const input = { kind: 'changeMembership', add, remove } as const;
    this.take(id, this.node(id).step(requestId === undefined ? input : { ...input, requestId }));
  }

  /** Deliver until nothing is in flight; returns how many messages were delivered. */
  deliverAll(limit = 10_000): number {
    let count = 0;
    while (this.queue.length > 0) {
      if (++count > limit) throw new Error('the messages never stopped');
      const p = this.queue.shift()!;
      if (this.down.has(p.to) || this.down.has(p.from)) continue;
      this.delivered.push(p);
      this.take(p.to, this.node(p.to).step({ kind: 'message', from: p.from, message: p.message }));
    }
    return count;
  }

  eventsOf<T extends RaftEvent['type']>(type: T, node?: NodeId): Extract<RaftEvent, { type: T }>[] {
    return this.events
      .filter((e) => node === undefined || e.node === node)
      .map((e) => e.event)
      .filter((e): e is Extract<RaftEvent, { type: T }> => e.type === type);
  }

  private take(id: NodeId, out: RaftOutput): void {
    for (const event of out.events) this.events.push({ node: id, event });
    for (const answer of out.answers) this.answers.push({ node: id, answer });
    for (const m of out.messages) this.queue.push({ from: id, to: m.to, message: m.message });
  }
}
