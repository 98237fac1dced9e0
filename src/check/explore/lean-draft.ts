// A state being built from its parent by one choice, before anyone knows whether it is new.
//
// Most choices (about three in four) lead to a state already visited. So a choice does not build
// its state: it writes what changed into one reused draft — the nodes it stepped, the message it
// took off the wire, the messages it put on — and the key is read from the draft (lean-key.ts).
// Only a new state is then made into a LeanState (`materialize`). Building every state first made
// a copy of the wire, an object per message sent and a state object per choice: most of the
// explorer's garbage.

import type { ClientState } from '../../sim/client';
import type { Violation } from '../../sim/types';
import type { Budget } from './bounds';
import type { CheckerSnap, LeanState, Message, NodeSnap, Wire } from './lean-cluster';
import type { PartKeys } from './lean-key';
import type { AckedBefore } from './stale-read';

/** What the key reads of a state: a LeanState, or a draft with its wire given as changes. */
export interface KeyedState {
  readonly nodes: readonly NodeSnap[];
  /**
   * The messages in flight: `wire`, then `added`'s first `addedCount`, without those `isGone` names
   * (numbered in that order: an added message's number is wire.length + its index in `added`).
   */
  readonly wire: readonly Wire[];
  readonly added: readonly Message[];
  readonly addedCount: number;
  /** How many of them are gone: the one taken, and those forgotten as dead (dead-messages.ts). */
  readonly goneCount: number;
  isGone(at: number): boolean;
  readonly client: ClientState;
  /** The key's cache for the client's part, shared with the parent while the client is. */
  clientKeys: PartKeys | undefined;
  readonly checker: CheckerSnap;
  readonly left: Budget;
  /** The order of the client's requests, when reads are judged (stale-read.ts); null otherwise. */
  readonly acked: AckedBefore | null;
}

export class Draft implements KeyedState {
  /** The parent's nodes, with the ones the choice stepped replaced. */
  readonly nodes: NodeSnap[] = [];
  /** The parent's nodes array, shared by the new state when no node changed. */
  private parentNodes: readonly NodeSnap[] = [];
  /** The parent's wire, never written. */
  wire: readonly Wire[] = [];
  removed = -1;
  /** Messages forgotten as dead (dead-messages.ts), by number (see KeyedState.wire). */
  private readonly pruned: number[] = [];
  private prunedCount = 0;
  // Scratch arrays are overwritten, never emptied: `length = 0` drops their storage, and the next
  // push allocates it again, once per choice.
  readonly added: Message[] = [];
  addedCount = 0;
  client!: ClientState;
  /** Whether `client` is this draft's own copy (the parent's is never written). */
  clientCopied = false;
  clientKeys: PartKeys | undefined;
  checker!: CheckerSnap;
  /** The first message id the draft hands out: its parent's next. */
  firstMessageId = 0;
  left!: Budget;
  /** Replaced (never written in place) when a submit adds to it: the parent's is shared. */
  acked: AckedBefore | null = null;
  /** The violations the checker found on the way, if any. */
  found: Violation[] | null = null;

  /** Starts over from `from`, with `left` of the budget after the choice. */
  reset(from: LeanState, left: Budget): void {
    const nodes = this.nodes;
    for (let i = 0; i < from.nodes.length; i++) nodes[i] = from.nodes[i]!;
    this.parentNodes = from.nodes;
    this.wire = from.wire;
    this.removed = -1;
    this.prunedCount = 0;
    this.addedCount = 0;
    this.client = from.client;
    this.clientCopied = false;
    this.clientKeys = from.clientKeys;
    this.checker = from.checker;
    this.firstMessageId = from.nextMessageId;
    this.left = left;
    this.acked = from.acked;
    this.found = null;
  }

  add(message: Message): void {
    if (this.addedCount < this.added.length) this.added[this.addedCount] = message;
    else this.added.push(message);
    this.addedCount += 1;
  }

  get goneCount(): number {
    return this.prunedCount + (this.removed >= 0 ? 1 : 0);
  }

  isGone(at: number): boolean {
    if (at === this.removed) return true;
    for (let k = 0; k < this.prunedCount; k++) if (this.pruned[k] === at) return true;
    return false;
  }

  /** Forgets the message numbered `at` (see KeyedState.wire): it can never matter again. */
  prune(at: number): void {
    if (this.prunedCount < this.pruned.length) this.pruned[this.prunedCount] = at;
    else this.pruned.push(at);
    this.prunedCount += 1;
  }

  /** Whether the choice stepped node `i` (so messages to it may have become dead). */
  nodeChanged(i: number): boolean {
    return this.nodes[i] !== this.parentNodes[i];
  }

  /** The index in `wire` of the message with this id (it must be there and not taken yet). */
  indexOf(id: number): number {
    const wire = this.wire;
    for (let at = 0; at < wire.length; at++) if (wire[at]!.id === id && at !== this.removed) return at;
    throw new Error(`message ${id} is not in flight`);
  }

  private nodesChanged(): boolean {
    for (let i = 0; i < this.nodes.length; i++) if (this.nodes[i] !== this.parentNodes[i]) return true;
    return false;
  }

  /** The draft as a state of its own: copies of what it holds, the parent's parts shared. */
  materialize(): LeanState {
    const wire: Wire[] = [];
    const parents = this.wire.length;
    for (let at = 0; at < parents; at++) if (!this.isGone(at)) wire.push(this.wire[at]!);
    // A forgotten message keeps its id: the Simulation, replaying the path, sends it too.
    let id = this.firstMessageId;
    for (let k = 0; k < this.addedCount; k++, id++)
      if (!this.isGone(parents + k)) wire.push({ id, message: this.added[k]! });
    return {
      nodes: this.nodesChanged() ? this.nodes.slice() : this.parentNodes,
      wire,
      client: this.client,
      checker: this.checker,
      nextMessageId: id,
      left: this.left,
      acked: this.acked,
      clientKeys: this.clientKeys,
    };
  }
}
