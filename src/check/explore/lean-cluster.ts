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
import { cloneCheckerState, SafetyChecker, type CheckerState } from '../../sim/checker';
import { Network, type NetworkState } from '../../sim/network';
import { cloneRaftState } from '../../sim/raft-state-clone';
import type { Action, Scenario } from '../../sim/scenario-types';
import { CLIENT, type Endpoint, type Envelope, type Violation, type WireMessage } from '../../sim/types';
import type { Budget } from './bounds';

/** The state key's memo of one part's text under each renaming (lean-key.ts), by renaming. */
export type PartKeys = Map<string, number>;

/** One node in one state; never changed once made. `keys` belongs to the state key (lean-key.ts). */
export interface NodeSnap {
  readonly state: RaftState | null;
  readonly disk: PersistentState | null;
  readonly highestTerm: number;
  keys?: PartKeys;
}

/** One message on the wire, shared by every state it is in flight in. */
export interface Wire {
  readonly envelope: Envelope;
  keys?: PartKeys;
}

export interface LeanState {
  readonly nodes: readonly NodeSnap[];
  /** In id order (the order they were sent), as the Simulation lists them. */
  readonly wire: readonly Wire[];
  readonly client: ClientState;
  readonly checker: CheckerState;
  readonly nextMessageId: number;
  readonly left: Budget;
  /** Caches of the state key for the client's and the checker's parts (lean-key.ts). */
  clientKeys?: PartKeys;
  checkerKeys?: PartKeys;
}

/** What the Simulation at the start instant hands over (see explore.ts). */
export interface LeanStart {
  readonly scenario: Scenario;
  readonly at: number;
  readonly nodeIds: readonly NodeId[];
  readonly network: NetworkState;
  readonly options: RaftConfig['options'];
  readonly unsafe: RaftConfig['unsafe'];
}

/** A state being built from its parent by one choice: the parts copied so far. */
interface Draft {
  nodes: NodeSnap[];
  wire: Wire[];
  wireCopied: boolean;
  client: ClientState;
  clientCopied: boolean;
  checker: CheckerState;
  checkerCopied: boolean;
  nextMessageId: number;
  violations: Violation[] | null;
}

const NO_VIOLATIONS: readonly Violation[] = Object.freeze([]);

export class LeanCluster {
  private readonly rafts: (RaftNode | null)[];
  private readonly configs: RaftConfig[];
  private readonly network: Network;
  private readonly index = new Map<NodeId, number>();
  /** The state being built by the choice under way. */
  private draft: Draft | null = null;

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
  }

  /** The state reached by one choice, with the violations the checker found on the way. */
  take(from: LeanState, action: Action, left: Budget): { state: LeanState; violations: readonly Violation[] } {
    const draft: Draft = {
      nodes: from.nodes.slice(),
      wire: from.wire as Wire[],
      wireCopied: false,
      client: from.client,
      clientCopied: false,
      checker: from.checker,
      checkerCopied: false,
      nextMessageId: from.nextMessageId,
      violations: null,
    };
    this.draft = draft;
    this.perform(action);
    this.draft = null;
    const state: LeanState = {
      nodes: draft.nodes,
      wire: draft.wire,
      client: draft.client,
      checker: draft.checker,
      nextMessageId: draft.nextMessageId,
      left,
      clientKeys: draft.clientCopied ? undefined : from.clientKeys,
      checkerKeys: draft.checkerCopied ? undefined : from.checkerKeys,
    };
    return { state, violations: draft.violations ?? NO_VIOLATIONS };
  }

  private perform(action: Action): void {
    switch (action.do) {
      case 'deliver':
        return this.deliver(this.takeWire(action.message));
      case 'drop':
        this.takeWire(action.message);
        return;
      case 'duplicate': {
        const d = this.draft!;
        const original = d.wire.find((w) => w.envelope.id === action.message)!.envelope;
        this.addWire({ ...original, id: d.nextMessageId++, sentAt: this.start.at, lost: false, duplicate: true });
        return;
      }
      case 'timeout':
      case 'heartbeat': {
        const i = this.index.get(action.node)!;
        const timer = action.do === 'timeout' ? 'election' : 'heartbeat';
        return this.stepNode(i, { kind: 'timer', timer, forced: true });
      }
      case 'kill':
        return this.kill(this.index.get(action.node)!);
      case 'restart':
        return this.restart(this.index.get(action.node)!);
      case 'submit':
        this.client().submit(action.command, action.node ?? null);
        return;
      default:
        throw new Error(`the explorer does not choose "${action.do}" actions`);
    }
  }

  // ---- Parts copied on first write ------------------------------------------------------

  private client(): Client {
    const d = this.draft!;
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

  private checker(): SafetyChecker {
    const d = this.draft!;
    if (!d.checkerCopied) {
      d.checker = cloneCheckerState(d.checker);
      d.checkerCopied = true;
    }
    return new SafetyChecker(d.checker);
  }

  private found(violations: readonly Violation[]): void {
    if (violations.length === 0) return;
    const d = this.draft!;
    (d.violations ??= []).push(...violations);
  }

  private wireForWrite(): Wire[] {
    const d = this.draft!;
    if (!d.wireCopied) {
      d.wire = d.wire.slice();
      d.wireCopied = true;
    }
    return d.wire;
  }

  private takeWire(id: number): Envelope {
    const wire = this.wireForWrite();
    const at = wire.findIndex((w) => w.envelope.id === id);
    const [taken] = wire.splice(at, 1);
    return taken!.envelope;
  }

  private addWire(envelope: Envelope): void {
    this.wireForWrite().push({ envelope });
  }

  // ---- Nodes (Simulation.feed, kill, restart) -----------------------------------------------

  /** Refill node i's RaftNode with a private copy of its state, step it, keep the result. */
  private stepNode(i: number, input: RaftInput): void {
    const snap = this.draft!.nodes[i]!;
    const raft = this.load(i, cloneRaftState(snap.state!));
    this.feed(i, raft, raft.step(input), snap.highestTerm);
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

  private feed(i: number, raft: RaftNode, out: RaftOutput, highestTerm: number): void {
    const id = this.configs[i]!.id;
    const state = raft.state;
    if (out.events.length > 0) {
      const checker = this.checker();
      for (const event of out.events) this.found(checker.observe(id, event, state, this.start.at));
    }
    for (const answer of out.answers) this.answerClient(id, answer);
    // The node's state object is refilled by the next load: keep its fields, which no one else holds.
    this.draft!.nodes[i] = {
      state: { ...state },
      disk: null,
      highestTerm: Math.max(highestTerm, state.currentTerm),
    };
    for (const m of out.messages) this.send(id, m.to, m.message);
  }

  private kill(i: number): void {
    const s = this.draft!.nodes[i]!;
    const state = s.state!;
    const disk: PersistentState = {
      currentTerm: state.currentTerm,
      votedFor: state.votedFor,
      log: state.log.clone(),
      initialConfiguration: state.initialConfiguration,
      snapshot: state.snapshot,
    };
    this.draft!.nodes[i] = { state: null, disk, highestTerm: s.highestTerm };
  }

  private restart(i: number): void {
    const s = this.draft!.nodes[i]!;
    let disk = s.disk!;
    if (this.start.unsafe.forgetOnRestart) disk = { ...disk, currentTerm: 0, votedFor: null };
    const id = this.configs[i]!.id;
    const committed = disk.log.snapshotIndex;
    this.found(this.checker().observeRestart(id, s.highestTerm, disk.currentTerm, this.start.at, committed));
    const raft = this.load(i, initialState(disk));
    this.feed(i, raft, raft.step({ kind: 'start' }), s.highestTerm);
  }

  // ---- Network and client (Simulation.send, deliver, answerClient) ------------------------------

  private send(from: Endpoint, to: Endpoint, payload: WireMessage): void {
    const d = this.draft!;
    const at = this.start.at;
    // Random loss and duplication are off during an exploration; delivery times are never read.
    this.addWire({
      id: d.nextMessageId++,
      from,
      to,
      sentAt: at,
      deliverAt: at,
      payload,
      lost: false,
      duplicate: false,
    });
  }

  private deliver(message: Envelope): void {
    const { from, to, payload } = message;
    if (message.lost) return;
    if (to !== CLIENT && this.draft!.nodes[this.index.get(to)!]!.state === null) return;
    if (!this.network.isUp(from, to)) return;
    if (to === CLIENT) {
      if (payload.type === 'ClientReply') this.client().onReply(from, payload);
      return;
    }
    const i = this.index.get(to)!;
    if (payload.type === 'ClientRequest' && payload.change !== undefined) {
      const { add, remove } = payload.change;
      return this.stepNode(i, { kind: 'changeMembership', add, remove, requestId: payload.requestId });
    }
    if (payload.type === 'ClientRequest')
      return this.stepNode(i, { kind: 'propose', command: payload.command, requestId: payload.requestId });
    if (payload.type === 'ClientReply') return;
    this.stepNode(i, { kind: 'message', from, message: payload as RaftMessage });
  }

  private pending(requestId: number): boolean {
    return this.draft!.client.requests[requestId - 1]?.status === 'pending';
  }

  private answerClient(node: NodeId, answer: ClientAnswer): void {
    const { requestId } = answer;
    if (requestId === undefined) return;
    switch (answer.outcome) {
      case 'accepted':
        return;
      case 'applied':
      case 'read':
        if (this.pending(requestId))
          this.send(node, CLIENT, { type: 'ClientReply', requestId, success: true, result: answer.result });
        return;
      case 'notLeader':
        return this.send(node, CLIENT, {
          type: 'ClientReply',
          requestId,
          success: false,
          leaderHint: answer.leaderHint,
        });
      case 'invalidCommand':
        return this.send(node, CLIENT, { type: 'ClientReply', requestId, success: false, error: answer.message });
      case 'changeRefused':
        return this.send(
          node,
          CLIENT,
          answer.retry
            ? { type: 'ClientReply', requestId, success: false, leaderHint: node }
            : { type: 'ClientReply', requestId, success: false, error: `change refused: ${answer.reason}` },
        );
      case 'transferring':
        return this.send(node, CLIENT, {
          type: 'ClientReply',
          requestId,
          success: false,
          leaderHint: null,
          transferringTo: answer.to,
        });
    }
  }
}
