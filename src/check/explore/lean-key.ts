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
import type { LeanState, NodeSnap, PartKeys } from './lean-cluster';
import { canonical, checkerText, messageText, networkText, nodeStateText, type Rename } from './state-key';

const BLANK = '*';

/** A number as two UTF-16 code units: part numbers may pass 65,535 in a long exploration. */
function push(codes: number[], n: number): void {
  codes.push(n >>> 16, n & 0xffff);
}

export class StateKeys {
  private readonly intern = new Map<string, number>();
  private readonly renames = new Map<string, Rename>();
  private readonly ids: ReadonlySet<NodeId>;
  private readonly blank: Rename;
  private readonly networkKeys: PartKeys = new Map();

  constructor(
    private readonly nodeIds: readonly NodeId[],
    private readonly clockRates: Readonly<Record<NodeId, number>>,
    private readonly network: NetworkState,
    private readonly symmetric: boolean,
  ) {
    this.ids = new Set(nodeIds);
    this.blank = (name) => (this.ids.has(name) ? BLANK : undefined);
  }

  /** How many distinct part texts have been interned (for memory reports). */
  get parts(): number {
    return this.intern.size;
  }

  private number(text: string): number {
    let n = this.intern.get(text);
    if (n === undefined) {
      n = this.intern.size;
      this.intern.set(text, n);
    }
    return n;
  }

  /** The part's number under the renaming `order`, computed once per part and renaming. */
  private part(keys: PartKeys, order: string, text: (rename: Rename) => string): number {
    let n = keys.get(order);
    if (n === undefined) {
      n = this.number(text(order === BLANK ? this.blank : this.rename(order)));
      keys.set(order, n);
    }
    return n;
  }

  /** The renaming that gives the node at `order[rank]` the name `#rank` (or keeps names, without symmetry). */
  private rename(order: string): Rename {
    let rename = this.renames.get(order);
    if (rename === undefined) {
      const names = new Map<string, string>();
      for (let rank = 0; rank < order.length; rank++) {
        const id = this.nodeIds[order.charCodeAt(rank)]!;
        names.set(id, this.symmetric ? `#${rank}` : id);
      }
      rename = (name) => names.get(name);
      this.renames.set(order, rename);
    }
    return rename;
  }

  private nodeKeys(snap: NodeSnap): PartKeys {
    return (snap.keys ??= new Map());
  }

  private nodeText(snap: NodeSnap, i: number): (rename: Rename) => string {
    const id = this.nodeIds[i]!;
    return (rename) => nodeStateText({ id, ...snap }, this.clockRates[id] ?? 1, rename);
  }

  /** The order nodes are renamed in, as a string of their indices. */
  private order(state: LeanState): string {
    const n = state.nodes.length;
    const indices = Array.from({ length: n }, (_, i) => i);
    if (this.symmetric) {
      const blanks = state.nodes.map((snap, i) => this.part(this.nodeKeys(snap), BLANK, this.nodeText(snap, i)));
      indices.sort((a, b) => blanks[a]! - blanks[b]! || a - b);
    }
    return String.fromCharCode(...indices);
  }

  key(state: LeanState): string {
    const order = this.order(state);
    const codes: number[] = [];
    for (let rank = 0; rank < order.length; rank++) {
      const i = order.charCodeAt(rank);
      const snap = state.nodes[i]!;
      push(codes, this.part(this.nodeKeys(snap), order, this.nodeText(snap, i)));
    }
    const wire = state.wire.map(({ message: m }) => this.part((m.keys ??= new Map()), order, (r) => messageText(m, r)));
    wire.sort((a, b) => a - b);
    push(codes, wire.length);
    for (const n of wire) push(codes, n);
    push(
      codes,
      this.part(this.networkKeys, order, (r) => networkText(this.network, r)),
    );
    push(
      codes,
      this.part((state.clientKeys ??= new Map()), order, (r) => canonical(state.client, r)),
    );
    push(
      codes,
      this.part((state.checker.keys ??= new Map()), order, (r) => checkerText(state.checker.state, r)),
    );
    for (const kind of BUDGET_KINDS) push(codes, state.left[kind]);
    return String.fromCharCode(...codes);
  }
}
