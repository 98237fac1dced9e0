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
  /** The messages in flight: `wire` without the one at `removed` (-1: none), then `added`'s first `addedCount`. */
  readonly wire: readonly Wire[];
  readonly removed: number;
  readonly added: readonly Message[];
  readonly addedCount: number;
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
    for (let at = 0; at < this.wire.length; at++) if (at !== this.removed) wire.push(this.wire[at]!);
    let id = this.firstMessageId;
    for (let k = 0; k < this.addedCount; k++) wire.push({ id: id++, message: this.added[k]! });
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
