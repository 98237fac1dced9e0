// The explorer's own cluster: just enough of the simulation to take one choice from one state.
// Time stands still during an exploration, so there is no clock, event queue, timer, PRNG, trace or
// history here: a state is each node's Raft state (or its disk while down), the messages on the
// wire, the client's requests and the checker's history. States are immutable once made and share
// every part a choice did not change (copy-on-write): a choice copies only the node it steps, the
// checker when an event reaches it, and the client when it is involved.
//
// The semantics are the Simulation's (src/sim/simulation.ts: feed, deliver, answerClient, kill,
// restart), step for step, including the order in which message ids are handed out: a path found
// here is replayed by the Simulation, whose ids must be the same. fast-vs-reference.test.ts holds
// this cluster to the Simulation-based reference explorer.

import { parseCommand } from '../../raft/kv';
import { initialState, RaftNode } from '../../raft/node';
import type {
  NodeId,
  PersistentState,
  RaftConfig,
  RaftInput,
  RaftMessage,
  RaftOutput,
  RaftState,
} from '../../raft/types';
import type { ClientAnswer } from '../../raft/types';
import { Client, cloneClientState, type ClientState } from '../../sim/client';
import { clientReplyFor } from '../../sim/client-reply';
import { cloneCheckerState, SafetyChecker, type CheckerState } from '../../sim/checker';
import { Network, type NetworkState } from '../../sim/network';
import { cloneRaftState } from '../../sim/raft-state-clone';
import type { Action, Scenario } from '../../sim/scenario-types';
import { CLIENT, type Endpoint, type Violation, type WireMessage } from '../../sim/types';
import type { Budget } from './bounds';
import type { PartKeys } from './lean-key';
import { Draft } from './lean-draft';
import { checkerStateHash, sameCheckerState } from './checker-equal';
import { isDeadMessage, isReply, type Receiver } from './dead-messages';
import { nodeStateText, type Rename } from './state-key';
import { staleRead, succeededIds, type AckedBefore } from './stale-read';

/** What one step of a node gave: its next state and its output (the same for every state it is taken from). */
interface StepResult {
  readonly next: NodeSnap;
  readonly out: RaftOutput;
  /** out.messages as shared message objects, so their keys are computed once. */
  readonly sent: readonly Message[];
}

/**
 * One node in one state; never changed once made, and interned (one object per distinct content),
 * so the steps taken from it are remembered in `steps` and its key parts in `keys` (lean-key.ts).
 */
export interface NodeSnap {
  readonly state: RaftState | null;
  readonly disk: PersistentState | null;
  readonly highestTerm: number;
  keys: PartKeys | undefined;
  steps: Map<unknown, StepResult> | undefined;
}

// Parts are made with every field present, caches included, so all parts of one kind share one
// object shape: fields added later, in varying order, made the key's reads of them polymorphic.

export function nodeSnap(state: RaftState | null, disk: PersistentState | null, highestTerm: number): NodeSnap {
  return { state, disk, highestTerm, keys: undefined, steps: undefined };
}

/**
 * The checker's history in one state; never changed once made, and interned like node states. What
 * the checker makes of a step depends only on its history and the step, so that is remembered too.
 */
export interface CheckerSnap {
  readonly state: CheckerState;
  keys: PartKeys | undefined;
  after: Map<unknown, CheckResult> | undefined;
}

interface CheckResult {
  readonly next: CheckerSnap;
  readonly violations: readonly Violation[];
}

/** A message's content, shared by every state (and every copy) that carries it. */
export interface Message {
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly payload: WireMessage;
  /** Dies on arrival (random loss decided before the exploration began). */
  readonly lost: boolean;
  keys: PartKeys | undefined;
}

export function message(from: Endpoint, to: Endpoint, payload: WireMessage, lost: boolean): Message {
  return { from, to, payload, lost, keys: undefined };
}

/** One message in flight in one state: its id there (the Simulation's, for the path) and its content. */
export interface Wire {
  readonly id: number;
  readonly message: Message;
}

export interface LeanState {
  readonly nodes: readonly NodeSnap[];
  /** In id order (the order they were sent), as the Simulation lists them. */
  readonly wire: readonly Wire[];
  readonly client: ClientState;
  readonly checker: CheckerSnap;
  readonly nextMessageId: number;
  readonly left: Budget;
  /** Only when reads are judged: the order of the client's requests (stale-read.ts), part of the key. */
  readonly acked: AckedBefore | null;
  /** The state key's cache for the client's part (lean-key.ts). */
  clientKeys: PartKeys | undefined;
}

/** What the Simulation at the start instant hands over (see explore.ts). */
export interface LeanStart {
  readonly scenario: Scenario;
  readonly at: number;
  readonly nodeIds: readonly NodeId[];
  readonly network: NetworkState;
  readonly options: RaftConfig['options'];
  readonly unsafe: RaftConfig['unsafe'];
  /** Judge every answered read with the stale-read check (the explorer's `reads` bound is above 0). */
  readonly judgeReads: boolean;
}

const NO_OUTPUT: RaftOutput = { messages: [], timers: [], events: [], answers: [] };

// The inputs a node's steps are remembered under (a message is remembered under its own object).
const TIMEOUT: RaftInput = { kind: 'timer', timer: 'election', forced: true };
const HEARTBEAT: RaftInput = { kind: 'timer', timer: 'heartbeat', forced: true };
const KILL = 'kill';
const START = 'start';

/** Names kept as they are, but known as names (so sets of them are written in one order). */
const keepName: Rename = (name) => name;

/** What a node is given when a message reaches it (Simulation.deliver). */
function inputOf({ from, payload }: Message): RaftInput {
  if (payload.type === 'ClientRequest' && payload.change !== undefined) {
    const { add, remove } = payload.change;
    return { kind: 'changeMembership', add, remove, requestId: payload.requestId };
  }
  if (payload.type === 'ClientRequest')
    return { kind: 'propose', command: payload.command, requestId: payload.requestId };
  return { kind: 'message', from, message: payload as RaftMessage };
}

export class LeanCluster {
  private readonly rafts: (RaftNode | null)[];
  private readonly configs: RaftConfig[];
  private readonly network: Network;
  private readonly index = new Map<NodeId, number>();
  /** Per node: every distinct state met, by its canonical text. */
  private readonly snaps: Map<string, NodeSnap>[];
  /** Every distinct checker history met, by its hash (checker-equal.ts). */
  private readonly checkers = new Map<number, CheckerSnap[]>();
  /** The state being built by the choice under way (lean-draft.ts). */
  private readonly draft = new Draft();
  /** Keys an initial log writes: the stale-read check does not judge reads of their starting value. */
  private readonly initialKeys = new Set<string>();

  constructor(private readonly start: LeanStart) {
    const { scenario } = start;
    this.network = new Network(structuredClone(start.network));
    this.configs = start.nodeIds.map((id) => ({
      id,
      heartbeatInterval: scenario.timing.heartbeatInterval,
      options: start.options,
      unsafe: start.unsafe,
      electionTimeoutMin: scenario.timing.electionTimeout[0],
      clockDriftBound: scenario.timing.clockDriftBound,
    }));
    start.nodeIds.forEach((id, i) => this.index.set(id, i));
    this.rafts = start.nodeIds.map(() => null);
    this.snaps = start.nodeIds.map(() => new Map());
    for (const node of Object.values(scenario.initial))
      for (const entry of node.log)
        if ('command' in entry) {
          const parsed = parseCommand(entry.command);
          if (parsed.ok) this.initialKeys.add(parsed.command.key);
        }
  }

  /**
   * The state reached by one choice, as a draft: valid until the next `take`, and made a state of
   * its own by `materialize` (when it is new). Its `found` says what the checker found on the way.
   */
  take(from: LeanState, action: Action, left: Budget): Draft {
    this.draft.reset(from, left);
    this.perform(action);
    if (this.draft.clientCopied) this.draft.clientKeys = undefined;
    if (this.forgetsDead) this.pruneDead(false);
    return this.draft;
  }

  /** The draft of `state` itself, with its dead messages forgotten (the start is keyed like any other). */
  draftOf(state: LeanState): Draft {
    this.draft.reset(state, state.left);
    if (this.forgetsDead) this.pruneDead(true);
    return this.draft;
  }

  /** Dead messages are forgotten (dead-messages.ts) unless a restart can take a term back. */
  private get forgetsDead(): boolean {
    return !this.start.unsafe.forgetOnRestart;
  }

  /**
   * Forgets the draft's messages that became dead: any of them when `all`; otherwise those the
   * choice sent, and replies to a node it stepped (the parent's other messages were alive, deadness
   * lasts, and only a reply dies of its receiver's change: dead-messages.ts).
   */
  private pruneDead(all: boolean): void {
    const d = this.draft;
    const parents = d.wire.length;
    for (let at = 0; at < parents; at++) {
      if (at === d.removed) continue;
      const m = d.wire[at]!.message;
      if (!all && (!isReply(m.payload) || !d.nodeChanged(this.index.get(m.to)!))) continue;
      if (this.isDead(m)) d.prune(at);
    }
    for (let k = 0; k < d.addedCount; k++) if (this.isDead(d.added[k]!)) d.prune(parents + k);
  }

  private isDead(m: Message): boolean {
    return isDeadMessage(m.payload, !m.lost && this.network.isUp(m.from, m.to), this.receiver(m.to));
  }

  private receiver(to: Endpoint): Receiver | undefined {
    if (to === CLIENT) return undefined;
    const snap = this.draft.nodes[this.index.get(to)!]!;
    return snap.state ?? { currentTerm: snap.disk!.currentTerm, role: 'follower' };
  }

  private perform(action: Action): void {
    switch (action.do) {
      case 'deliver':
        return this.deliver(this.takeWire(action.message));
      case 'drop':
        this.takeWire(action.message);
        return;
      case 'duplicate': {
        // The copy is never lost, even when the original is (Simulation: duplicate).
        const d = this.draft;
        const original = d.wire[d.indexOf(action.message)]!.message;
        this.addWire(original.lost ? message(original.from, original.to, original.payload, false) : original);
        return;
      }
      case 'timeout':
        return this.stepNode(this.index.get(action.node)!, TIMEOUT);
      case 'heartbeat':
        return this.stepNode(this.index.get(action.node)!, HEARTBEAT);
      case 'kill':
        return this.kill(this.index.get(action.node)!);
      case 'restart':
        return this.restart(this.index.get(action.node)!);
      case 'submit': {
        const client = this.client();
        // Remembered before it is sent: what it follows is what had succeeded by now.
        const before = this.start.judgeReads ? succeededIds(client.state.requests) : [];
        const record = client.submit(action.command, action.node ?? null);
        if (this.start.judgeReads) {
          const acked = [...(this.draft.acked ?? [])];
          acked[record.id - 1] = before;
          this.draft.acked = acked;
        }
        return;
      }
      case 'change':
        // Simulation.perform: the client takes the administrator's request to the leader (§6).
        this.client().submitChange(action.add ?? [], action.remove ?? []);
        return;
      default:
        throw new Error(`the explorer does not choose "${action.do}" actions`);
    }
  }

  // ---- Parts copied on first write ------------------------------------------------------

  private client(): Client {
    const d = this.draft;
    if (!d.clientCopied) {
      d.client = cloneClientState(d.client);
      d.clientCopied = true;
    }
    const at = this.start.at;
    return new Client(
      d.client,
      {
        now: () => at,
        nodeIds: this.start.nodeIds,
        sendRequest: (to, requestId, command, change) =>
          this.send(
            CLIENT,
            to,
            change === undefined
              ? { type: 'ClientRequest', requestId, command }
              : { type: 'ClientRequest', requestId, command, change },
          ),
        // Time never moves: the client's timers never fire.
        schedule: () => undefined,
        record: () => undefined,
      },
      this.start.scenario.timing.clientTimeout,
      this.start.scenario.timing.clientDeadline,
    );
  }

  /**
   * The checker's history after what is remembered under `memo` (what was observed), if it was
   * observed from this history before: true when so (the draft then holds the result).
   */
  private checkedBefore(memo: unknown): boolean {
    const result = this.draft.checker.after?.get(memo);
    if (result === undefined) return false;
    this.checked(result);
    return true;
  }

  /** The checker's history after `observe` runs on it, remembered under `memo`. */
  private check(memo: unknown, observe: (checker: SafetyChecker) => readonly Violation[]): void {
    const from = this.draft.checker;
    const copy = cloneCheckerState(from.state);
    const violations = observe(new SafetyChecker(copy));
    // Often nothing the checker keeps changed (about four times in ten): the same history, unhashed.
    const next = sameCheckerState(copy, from.state) ? from : this.checkerSnap(copy);
    const result = { next, violations };
    (from.after ??= new Map()).set(memo, result);
    this.checked(result);
  }

  private checked(result: CheckResult): void {
    const d = this.draft;
    d.checker = result.next;
    if (result.violations.length > 0) (d.found ??= []).push(...result.violations);
  }

  /** One object per distinct checker history (compared field by field: checker-equal.ts). */
  checkerSnap(state: CheckerState): CheckerSnap {
    const hash = checkerStateHash(state);
    let bucket = this.checkers.get(hash);
    if (bucket === undefined) this.checkers.set(hash, (bucket = []));
    for (const known of bucket) if (sameCheckerState(known.state, state)) return known;
    const snap: CheckerSnap = { state, keys: undefined, after: undefined };
    bucket.push(snap);
    return snap;
  }

  private takeWire(id: number): Message {
    const d = this.draft;
    // One choice takes at most one message off the wire.
    if (d.removed >= 0) throw new Error('a second message taken in one choice');
    d.removed = d.indexOf(id);
    return d.wire[d.removed]!.message;
  }

  /** Puts a message on the wire with the next id, as the Simulation numbers what it sends. */
  private addWire(message: Message): void {
    this.draft.add(message);
  }

  // ---- Nodes (Simulation.feed, kill, restart) -----------------------------------------------

  /**
   * Node i takes `input`. A node's step depends only on its state and the input, so the result is
   * remembered on the (interned) state under `memo`, the input's identity: most steps are taken from
   * states met before. What the output does to the client and the checker depends on the rest of
   * the state, so `feed` runs every time.
   */
  private stepNode(i: number, memo: Message | RaftInput): void {
    const snap = this.draft.nodes[i]!;
    const steps = (snap.steps ??= new Map());
    let result = steps.get(memo);
    if (result === undefined) {
      // The input is made only now: most steps are remembered, and it was garbage for them.
      const input = 'payload' in memo ? inputOf(memo) : memo;
      const raft = this.load(i, cloneRaftState(snap.state!));
      result = this.settle(i, raft, raft.step(input), snap.highestTerm);
      steps.set(memo, result);
    }
    this.feed(i, result);
  }

  private load(i: number, state: RaftState): RaftNode {
    let raft = this.rafts[i];
    if (raft) raft.reload(this.configs[i]!, state);
    else {
      // The node's own state object is refilled by every later reload: it must be a private copy.
      raft = new RaftNode(this.configs[i]!, state, () => this.start.scenario.timing.electionTimeout[0]);
      this.rafts[i] = raft;
    }
    return raft;
  }

  /** Keeps what a step left: the node's state (interned) and its messages as shared objects. */
  private settle(i: number, raft: RaftNode, out: RaftOutput, highestTerm: number): StepResult {
    // The node's state object is refilled by the next load: keep its fields, which no one else holds.
    const state = { ...raft.state };
    const next = this.intern(i, nodeSnap(state, null, Math.max(highestTerm, state.currentTerm)));
    const id = this.configs[i]!.id;
    const sent = out.messages.map((m) => message(id, m.to, m.message, false));
    return { next, out, sent };
  }

  /** One object per distinct node content (its canonical text, names kept), so steps are shared. */
  private intern(i: number, snap: NodeSnap): NodeSnap {
    const id = this.configs[i]!.id;
    const text = nodeStateText({ id, ...snap }, 1, keepName);
    const known = this.snaps[i]!.get(text);
    if (known) return known;
    this.snaps[i]!.set(text, snap);
    return snap;
  }

  /** Simulation.feed: the checker sees every event, the client every answer, then messages go out. */
  private feed(i: number, result: StepResult): void {
    const { next, out, sent } = result;
    const id = this.configs[i]!.id;
    const state = next.state!;
    // The closure is made only when the checker meets this step from this history for the first time.
    if (out.events.length > 0 && !this.checkedBefore(result)) {
      this.check(result, (checker) => {
        const found: Violation[] = [];
        for (const event of out.events) found.push(...checker.observe(id, event, state, this.start.at));
        return found;
      });
    }
    for (let a = 0; a < out.answers.length; a++) this.answerClient(id, out.answers[a]!);
    this.draft.nodes[i] = next;
    for (let m = 0; m < sent.length; m++) this.addWire(sent[m]!);
  }

  private kill(i: number): void {
    const snap = this.draft.nodes[i]!;
    const steps = (snap.steps ??= new Map());
    let dead = steps.get(KILL)?.next;
    if (dead === undefined) {
      const state = snap.state!;
      const disk: PersistentState = {
        currentTerm: state.currentTerm,
        votedFor: state.votedFor,
        log: state.log.clone(),
        initialConfiguration: state.initialConfiguration,
        snapshot: state.snapshot,
      };
      dead = this.intern(i, nodeSnap(null, disk, snap.highestTerm));
      steps.set(KILL, { next: dead, out: NO_OUTPUT, sent: [] });
    }
    this.draft.nodes[i] = dead;
  }

  private restart(i: number): void {
    const snap = this.draft.nodes[i]!;
    let disk = snap.disk!;
    if (this.start.unsafe.forgetOnRestart) disk = { ...disk, currentTerm: 0, votedFor: null };
    const id = this.configs[i]!.id;
    const committed = disk.log.snapshotIndex;
    // Remembered under the down node's (interned) state, which holds everything observeRestart reads.
    if (!this.checkedBefore(snap))
      this.check(snap, (checker) =>
        checker.observeRestart(id, snap.highestTerm, disk.currentTerm, this.start.at, committed),
      );
    const steps = (snap.steps ??= new Map());
    let result = steps.get(START);
    if (result === undefined) {
      const raft = this.load(i, initialState(disk));
      result = this.settle(i, raft, raft.step({ kind: 'start' }), snap.highestTerm);
      steps.set(START, result);
    }
    this.feed(i, result);
  }

  // ---- Network and client (Simulation.send, deliver, answerClient) ------------------------------

  /** A client request or reply (random loss and duplication are off during an exploration). */
  private send(from: Endpoint, to: Endpoint, payload: WireMessage): void {
    this.addWire(message(from, to, payload, false));
  }

  private deliver(delivered: Message): void {
    const { from, to, payload } = delivered;
    if (delivered.lost) return;
    if (to !== CLIENT && this.draft.nodes[this.index.get(to)!]!.state === null) return;
    if (!this.network.isUp(from, to)) return;
    if (to === CLIENT) {
      if (payload.type === 'ClientReply') this.reply(from, payload);
      return;
    }
    if (payload.type === 'ClientReply') return;
    this.stepNode(this.index.get(to)!, delivered);
  }

  /** The client takes a reply; a read it settles is judged, when reads are (stale-read.ts). */
  private reply(from: NodeId, payload: Extract<WireMessage, { type: 'ClientReply' }>): void {
    const client = this.client();
    const judged = this.start.judgeReads && payload.success && this.pending(payload.requestId);
    client.onReply(from, payload);
    if (!judged) return;
    const d = this.draft;
    const stale = staleRead(client.state.requests, d.acked ?? [], payload.requestId, from, this.initialKeys);
    if (stale !== null)
      (d.found ??= []).push({ invariant: 'Linearizability', time: this.start.at, nodes: [from], detail: stale });
  }

  private pending(requestId: number): boolean {
    return this.draft.client.requests[requestId - 1]?.status === 'pending';
  }

  private answerClient(node: NodeId, answer: ClientAnswer): void {
    const { requestId } = answer;
    if (requestId === undefined) return;
    const reply = clientReplyFor(answer, this.pending(requestId));
    if (reply !== null) this.send(node, CLIENT, reply);
  }
}
