// The explorer's visited-set key of a lean state: short, exact, and cheap to build.
//
// Exact: each part of a state (a node, a message, the client, the checker's history, the network's
// cuts) is written as the same canonical text the reference explorer keys whole states by
// (state-key.ts), and that text is interned: the first distinct text gets number 0, the next 1, and
// so on. A state's key is the sequence of its parts' numbers (messages as a sorted multiset), so two
// states share a key exactly when their canonical texts are equal: no hash, no collision.
//
// Cheap: parts are immutable and shared between states (lean-cluster.ts), and each remembers its
// number under every renaming it has been keyed with, so a choice costs the texts of the parts it
// changed, not of the whole state. The key is written as integers into one reused array, which the
// visited set (visited-set.ts) copies only when the state is new: no string or array per state.
//
// Symmetry: nodes are ranked by their text with every name blanked (as state-key.ts does), ties in
// their given order, and renamed by rank. Ranking by the blanked text's number rather than by the
// text itself orders differently but ties exactly the same nodes, so it merges exactly the same
// states as the reference.

import type { NodeId } from '../../raft/types';
import type { NetworkState } from '../../sim/network';
import { BUDGET_KINDS, type Budget } from './bounds';
import type { Message, NodeSnap } from './lean-cluster';
import type { KeyedState } from './lean-draft';
import { checkerKeyText } from './checker-key';
import { canonical, messageText, networkText, nodeStateText, type Rename } from './state-key';

/** A part's numbers: [0] under the blanking renaming, [1 + p] under permutation p; -1 until computed. */
export type PartKeys = Int32Array;

/** The orders of `n` nodes, each as the list of node indices by rank. */
function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const rest of permutations(n - 1))
    for (let at = 0; at <= rest.length; at++) out.push([...rest.slice(0, at), n - 1, ...rest.slice(at)]);
  return out;
}

export class StateKeys {
  private readonly intern = new Map<string, number>();
  private readonly ids: ReadonlySet<NodeId>;
  private readonly blank: Rename;
  /** Every order of the nodes, its renaming, and its index by the order written in base n. */
  private readonly orders: number[][];
  private readonly renames: Rename[];
  /** By an order's code (its node indices as digits in base n): its index in `orders`. */
  private readonly orderIndex: Int32Array;
  private readonly networkKeys: PartKeys;
  private readonly rank: number[];
  private readonly blanks: number[];
  /** The last key written (its first `length` numbers, as `write` returns). */
  buffer = new Int32Array(64);
  /** Budgets are packed into one number, 6 bits each, when every one starts below 64. */
  private readonly packBudget: boolean;

  constructor(
    private readonly nodeIds: readonly NodeId[],
    private readonly clockRates: Readonly<Record<NodeId, number>>,
    private readonly network: NetworkState,
    private readonly symmetric: boolean,
    /** The budget the exploration starts with: no state has more left of any kind. */
    most: Budget,
  ) {
    this.ids = new Set(nodeIds);
    this.blank = (name) => (this.ids.has(name) ? '*' : undefined);
    const n = nodeIds.length;
    this.orders = symmetric ? permutations(n) : [nodeIds.map((_, i) => i)];
    this.renames = this.orders.map((order) => {
      const names = new Map<string, string>();
      order.forEach((i, rank) => names.set(nodeIds[i]!, symmetric ? `#${rank}` : nodeIds[i]!));
      return (name: string) => names.get(name);
    });
    this.orderIndex = new Int32Array(n ** n).fill(-1);
    this.orders.forEach((order, p) => (this.orderIndex[this.code(order)] = p));
    this.networkKeys = this.newKeys();
    this.rank = nodeIds.map((_, i) => i);
    this.blanks = nodeIds.map(() => 0);
    this.packBudget = BUDGET_KINDS.every((kind) => most[kind] >= 0 && most[kind] < 64);
  }

  /** How many distinct part texts have been interned (for memory reports). */
  get parts(): number {
    return this.intern.size;
  }

  private code(order: readonly number[]): number {
    let c = 0;
    for (const i of order) c = c * this.nodeIds.length + i;
    return c;
  }

  private newKeys(): PartKeys {
    return new Int32Array(this.orders.length + 1).fill(-1);
  }

  private number(text: string): number {
    let n = this.intern.get(text);
    if (n === undefined) {
      n = this.intern.size;
      this.intern.set(text, n);
    }
    return n;
  }

  private renaming(slot: number): Rename {
    return slot === 0 ? this.blank : this.renames[slot - 1]!;
  }

  private nodePart(snap: NodeSnap, i: number, slot: number): number {
    const keys = (snap.keys ??= this.newKeys());
    let n = keys[slot]!;
    if (n < 0) {
      const id = this.nodeIds[i]!;
      n = this.number(nodeStateText({ id, ...snap }, this.clockRates[id] ?? 1, this.renaming(slot)));
      keys[slot] = n;
    }
    return n;
  }

  private messagePart(m: Message, slot: number): number {
    const keys = (m.keys ??= this.newKeys());
    let n = keys[slot]!;
    if (n < 0) keys[slot] = n = this.number(messageText(m, this.renaming(slot)));
    return n;
  }

  /** The slot of the order nodes are renamed in: ranked by blanked text, ties in their given order. */
  private orderSlot(state: KeyedState): number {
    if (!this.symmetric) return 1;
    const { rank, blanks } = this;
    const nodes = state.nodes;
    const n = nodes.length;
    for (let i = 0; i < n; i++) {
      blanks[i] = this.nodePart(nodes[i]!, i, 0);
      rank[i] = i;
    }
    // Insertion sort: five nodes at most, and usually already in order.
    for (let a = 1; a < n; a++) {
      const x = rank[a]!;
      let b = a - 1;
      while (b >= 0 && blanks[rank[b]!]! > blanks[x]!) {
        rank[b + 1] = rank[b]!;
        b--;
      }
      rank[b + 1] = x;
    }
    return 1 + this.orderIndex[this.code(rank)]!;
  }

  /**
   * Writes the key of `state` into `buffer` and returns its length: the nodes' numbers in rank
   * order, the number of messages and their numbers sorted (a multiset), the network's, the
   * client's and the checker's numbers, then the budget left.
   */
  write(state: KeyedState): number {
    const slot = this.orderSlot(state);
    const order = this.orders[slot - 1]!;
    const { wire, added, addedCount } = state;
    const messages = wire.length + addedCount - state.goneCount;
    const length =
      order.length + 1 + messages + 3 + (this.packBudget ? 2 : BUDGET_KINDS.length) + (state.acked !== null ? 1 : 0);
    if (this.buffer.length < length) this.buffer = new Int32Array(length * 2);
    const key = this.buffer;
    let at = 0;
    for (let rank = 0; rank < order.length; rank++) {
      const i = order[rank]!;
      key[at++] = this.nodePart(state.nodes[i]!, i, slot);
    }
    key[at++] = messages;
    const first = at;
    for (let w = 0; w < wire.length + addedCount; w++) {
      if (state.isGone(w)) continue;
      const message = w < wire.length ? wire[w]!.message : added[w - wire.length]!;
      // Insertion sort as they come: a handful of messages, often already in order.
      const n = this.messagePart(message, slot);
      let b = at - 1;
      while (b >= first && key[b]! > n) {
        key[b + 1] = key[b]!;
        b--;
      }
      key[b + 1] = n;
      at++;
    }
    const rename = this.renaming(slot);
    const net = this.networkKeys;
    if (net[slot]! < 0) net[slot] = this.number(networkText(this.network, rename));
    key[at++] = net[slot]!;
    const clientKeys = (state.clientKeys ??= this.newKeys());
    if (clientKeys[slot]! < 0) clientKeys[slot] = this.number(canonical(state.client, rename));
    key[at++] = clientKeys[slot]!;
    const checker = state.checker;
    const checkerKeys = (checker.keys ??= this.newKeys());
    if (checkerKeys[slot]! < 0) checkerKeys[slot] = this.number(checkerKeyText(checker.state, rename));
    key[at++] = checkerKeys[slot]!;
    const left = state.left;
    if (this.packBudget) {
      // Field by field, in BUDGET_KINDS order (a loop over the names read them by computed key: slower);
      // two numbers, as eight fields of six bits would not fit one 32-bit slot.
      const { crashes, restarts, writes, duplicates, heartbeats, changes, reads, ticks } = left;
      key[at++] = (((crashes * 64 + restarts) * 64 + writes) * 64 + duplicates) * 64 + heartbeats;
      key[at++] = (changes * 64 + reads) * 64 + ticks;
    } else for (const kind of BUDGET_KINDS) key[at++] = left[kind];
    // Request ids are no node names: the client's order reads the same under every renaming.
    if (state.acked !== null) key[at++] = this.number(`acked${JSON.stringify(state.acked)}`);
    return at;
  }
}
