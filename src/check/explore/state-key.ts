// The fingerprint of a cluster state, for the explorer's visited set: two states with the same key
// have the same futures, so the explorer visits each once (TLC's fingerprints, §14.3.1 of
// Lamport's "Specifying Systems", serve the same purpose).
//
// The key is the canonical text of everything that decides what can happen next: every node's
// Raft state (or its disk while it is down), the messages on the wire as a multiset (their ids
// and delivery times do not matter when the explorer picks the order), the network's cuts, the
// client's requests, and the checker's history (which leader each term had, what was committed),
// because a later event is judged against that history. Time, timers and the PRNG are left out:
// time never moves during an exploration and random loss is turned off. So are the options and
// unsafe switches: no choice of the explorer changes them.
//
// Symmetry reduction: when the nodes are interchangeable, a state and its copy with node names
// permuted have the same futures up to that renaming. The key renames nodes in an order fixed by
// what each node holds (names aside), so most permuted copies meet at one key. Two states with one
// key are always true renamings of each other, so the reduction never merges states that differ.

import { RaftLog } from '../../raft/log';
import type { NodeId } from '../../raft/types';
import type { ExplorationView, ExploredNode } from '../../sim/simulation';

/** A node's new name, or undefined for a string that is not a node's name. */
export type Rename = (name: string) => string | undefined;

/**
 * Sorts texts in place in the order Array.prototype.sort() gives them (UTF-16 code units), by
 * insertion for the few items a state's objects and sets hold: the built-in sort copies its input
 * into a scratch array first, and canonical texts are written by the ten thousand.
 */
function sortTexts(texts: string[]): void {
  if (texts.length > 32) {
    texts.sort();
    return;
  }
  for (let a = 1; a < texts.length; a++) {
    const x = texts[a]!;
    let b = a - 1;
    while (b >= 0 && texts[b]! > x) {
      texts[b + 1] = texts[b]!;
      b--;
    }
    texts[b + 1] = x;
  }
}

function isNameSet(values: readonly unknown[], rename: Rename): boolean {
  if (values.length === 0) return false;
  for (const item of values) if (typeof item !== 'string' || rename(item) === undefined) return false;
  return true;
}

/** Canonical text of a value: object keys sorted, node names renamed, sets of names sorted. */
export function canonical(value: unknown, rename: Rename): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(rename(value) ?? value);
  if (typeof value !== 'object') return String(value);
  if (value instanceof RaftLog) {
    return `L${value.snapshotIndex}/${value.snapshotTerm}${canonical(value.held(), rename)}`;
  }
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) items.push(canonical(value[i], rename));
    // An array of node names is a set (voters, votes granted, nodes heard from): its order carries nothing.
    if (isNameSet(value, rename)) sortTexts(items);
    return `[${items.join(',')}]`;
  }
  // Keys are always sorted: maps keyed by node name (nextIndex, matchIndex, …) change order when
  // renamed, and one state built two ways (a node booted after a restart, or restored from a
  // checkpoint) holds the same fields in a different insertion order. Unsorted, the same state
  // got two keys and was visited twice.
  const parts: string[] = [];
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    const renamed = rename(key);
    parts.push(`${renamed ?? key}:${canonical(item, rename)}`);
  }
  sortTexts(parts);
  return `{${parts.join(',')}}`;
}

/** A multiset's canonical text: its members' texts, sorted. */
function bag(items: readonly unknown[], rename: Rename): string {
  return `[${items
    .map((item) => canonical(item, rename))
    .sort()
    .join(',')}]`;
}

/** The checker's history, with "node:term" vote keys split so the node's name can be renamed. */
export function checkerText(checker: ExplorationView['checker'], rename: Rename): string {
  const { votes, ...rest } = checker;
  const voteList = Object.entries(votes).map(([key, candidate]) => {
    const cut = key.lastIndexOf(':');
    return [key.slice(0, cut), Number(key.slice(cut + 1)), candidate];
  });
  return `${canonical(rest, rename)}${bag(voteList, rename)}`;
}

export function networkText(network: ExplorationView['network'], rename: Rename): string {
  const { isolated, cutLinks, partition } = network;
  const cuts = cutLinks.map((link) => link.split('>'));
  return `${canonical(isolated, rename)}${bag(cuts, rename)}${partition === null ? '-' : bag(partition, rename)}`;
}

/** One message on the wire: who sends it to whom, what it says, and whether it dies on arrival. */
export function messageText(
  m: Pick<ExplorationView['inFlight'][number], 'from' | 'to' | 'payload' | 'lost'>,
  rename: Rename,
): string {
  return canonical([m.from, m.to, m.payload, m.lost], rename);
}

/** One node: its Raft state (or its disk while down), the highest term it reached, its clock rate. */
export function nodeStateText(node: ExploredNode, clockRate: number, rename: Rename): string {
  const held = node.state ?? { down: node.disk };
  return `${canonical(held, rename)}^${node.highestTerm}@${clockRate}`;
}

function nodeText(view: ExplorationView, index: number, rename: Rename): string {
  const node = view.nodes[index]!;
  return nodeStateText(node, view.clockRates[node.id] ?? 1, rename);
}

/**
 * The order nodes are renamed in: by what each holds with every name blanked out, ties kept in
 * their given order. Any order is sound; this one makes permuted copies of a state agree.
 */
function symmetricOrder(view: ExplorationView): number[] {
  const ids = new Set(view.nodes.map((n) => n.id));
  const blank: Rename = (name) => (ids.has(name) ? '*' : undefined);
  const texts = view.nodes.map((_, i) => nodeText(view, i, blank));
  return view.nodes.map((_, i) => i).sort((a, b) => (texts[a]! < texts[b]! ? -1 : texts[a]! > texts[b]! ? 1 : a - b));
}

/** The canonical text of the whole state; with `symmetric`, node names are replaced by their rank. */
export function stateText(view: ExplorationView, symmetric: boolean): string {
  const order = symmetric ? symmetricOrder(view) : view.nodes.map((_, i) => i);
  const names = new Map<NodeId, string>();
  order.forEach((index, rank) => names.set(view.nodes[index]!.id, symmetric ? `#${rank}` : view.nodes[index]!.id));
  const rename: Rename = (name) => names.get(name);
  const nodes = order.map((index) => nodeText(view, index, rename)).join('|');
  const wire = `[${view.inFlight
    .map((m) => messageText(m, rename))
    .sort()
    .join(',')}]`;
  return [
    nodes,
    wire,
    networkText(view.network, rename),
    canonical(view.client, rename),
    checkerText(view.checker, rename),
  ].join('\n');
}

/** A 53-bit hash of a text (cyrb53: two 32-bit multiply-xorshift lanes). */
export function fingerprint(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
