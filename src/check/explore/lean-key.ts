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
// changed, not of the whole state.
//
// Symmetry: nodes are ranked by their text with every name blanked (as state-key.ts does), ties in
// their given order, and renamed by rank. Ranking by the blanked text's number rather than by the
// text itself orders differently but ties exactly the same nodes, so it merges exactly the same
// states as the reference.

import type { NodeId } from '../../raft/types';
import type { NetworkState } from '../../sim/network';
import { BUDGET_KINDS } from './bounds';
import type { LeanState, Message, NodeSnap } from './lean-cluster';
import { checkerKeyText } from './checker-key';
import { canonical, messageText, networkText, nodeStateText, type Rename } from './state-key';

/** A part's numbers: [0] under the blanking renaming, [1 + p] under permutation p; -1 until computed. */
export type PartKeys = Int32Array;

/**
 * A number as one UTF-16 code unit, or three (a marker, then two) past 65,534: part numbers stay
 * small in most explorations, and a short key hashes and compares faster. Still one way to read it.
 */
function push(codes: number[], n: number): void {
  if (n < 0xffff) codes.push(n);
  else codes.push(0xffff, n >>> 16, n & 0xffff);
}

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
  private readonly orderIndex = new Map<number, number>();
  private readonly networkKeys: PartKeys;
  private readonly rank: number[];
  private readonly codes: number[] = [];
  private readonly wire: number[] = [];

  constructor(
    private readonly nodeIds: readonly NodeId[],
    private readonly clockRates: Readonly<Record<NodeId, number>>,
    private readonly network: NetworkState,
    private readonly symmetric: boolean,
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
    this.orders.forEach((order, p) => this.orderIndex.set(this.code(order), p));
    this.networkKeys = this.newKeys();
    this.rank = nodeIds.map((_, i) => i);
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
  private orderSlot(state: LeanState): number {
    if (!this.symmetric) return 1;
    const rank = this.rank;
    const nodes = state.nodes;
    const n = nodes.length;
    const blanks = this.wire; // borrowed as scratch: the wire is read after
    blanks.length = 0;
    for (let i = 0; i < n; i++) {
      blanks.push(this.nodePart(nodes[i]!, i, 0));
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
    return 1 + this.orderIndex.get(this.code(rank))!;
  }

  key(state: LeanState): string {
    const slot = this.orderSlot(state);
    const order = this.orders[slot - 1]!;
    const codes = this.codes;
    codes.length = 0;
    for (let rank = 0; rank < order.length; rank++) {
      const i = order[rank]!;
      push(codes, this.nodePart(state.nodes[i]!, i, slot));
    }
    const wire = this.wire;
    wire.length = 0;
    for (const w of state.wire) wire.push(this.messagePart(w.message, slot));
    wire.sort((a, b) => a - b);
    push(codes, wire.length);
    for (const n of wire) push(codes, n);
    const rename = this.renaming(slot);
    const net = this.networkKeys;
    if (net[slot]! < 0) net[slot] = this.number(networkText(this.network, rename));
    push(codes, net[slot]!);
    const clientKeys = (state.clientKeys ??= this.newKeys());
    if (clientKeys[slot]! < 0) clientKeys[slot] = this.number(canonical(state.client, rename));
    push(codes, clientKeys[slot]!);
    const checker = state.checker;
    const checkerKeys = (checker.keys ??= this.newKeys());
    if (checkerKeys[slot]! < 0) checkerKeys[slot] = this.number(checkerKeyText(checker.state, rename));
    push(codes, checkerKeys[slot]!);
    const left = state.left;
    for (const kind of BUDGET_KINDS) push(codes, left[kind]);
    // Request ids are no node names: the client's order reads the same under every renaming.
    if (state.acked !== null) push(codes, this.number(`acked${JSON.stringify(state.acked)}`));
    return String.fromCharCode.apply(null, codes);
  }
}
