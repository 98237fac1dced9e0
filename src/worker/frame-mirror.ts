// What the UI holds of the cluster's fields, so a frame leaves out every field equal to the last
// frame's. Most of a frame does not change from one frame to the next (a node's configuration,
// quorum, votes, the network, the options), yet each was cloned to the UI thread every frame: after
// the trace records, the nodes were most of a frame's bytes. Comparing them here costs a fraction of
// cloning them, and an unchanged field then keeps its very object on the UI side.
// A node's `log` and the frame's `requests` have deltas of their own (LogMirror, RequestsSender):
// they always travel (a log tail in the numbers' entries, when they carry it), and are neither compared
// nor left out here.

// The fields a packed frame's numbers carry (frame-numbers.ts) are neither compared nor sent here.

import type { ClusterFrame, NodeFrame } from '../sim/types';
import { NUMBER_FIELD_BITS, type PackedClusterDelta, type PackedNodeDelta } from './protocol';

/** Messages in flight change nearly every frame: comparing them first would only add work. */
const ALWAYS_SENT_FRAME: ReadonlySet<string> = new Set(['requests', 'messages']);
const ALWAYS_SENT_NODE: ReadonlySet<string> = new Set(['id']);
/** The frame's counters travel as numbers, always; the nodes as deltas of their own (see delta). */
const NEVER_SENT_FRAME: ReadonlySet<string> = new Set(['time', 'step', 'nodes']);
const NUMBER_BITS: Readonly<Record<string, number>> = NUMBER_FIELD_BITS;

/**
 * How each field of a node is sent, worked out once per shape of node object (every node the engine
 * builds has the same fields in the same order): a field name looked up in a table or a set for each of
 * a node's 27 fields, five nodes a frame, cost more than the comparisons themselves.
 */
interface NodePlan {
  readonly keys: readonly (keyof NodeFrame)[];
  /** Per key: its NUMBER_FIELD_BITS bit, ALWAYS (sent every frame) or COMPARED. */
  readonly how: readonly number[];
  /** The NUMBER_FIELD_BITS of its keys, summed. */
  readonly numberBits: number;
  /**
   * The positions of the keys that are not numbers, in order: when the numbers carry every number field
   * (nearly always), only these can be sent, and a node costs half the look-ups.
   */
  readonly rest: readonly number[];
}
const ALWAYS = -1;
const COMPARED = 0;
/** The key-value store: sent as its changes when it only changed values and grew (kvChanges). */
const KV = -2;

function planFor(keys: readonly (keyof NodeFrame)[]): NodePlan {
  const how = keys.map(
    (key) => NUMBER_BITS[key] ?? (ALWAYS_SENT_NODE.has(key) ? ALWAYS : key === 'kv' ? KV : COMPARED),
  );
  return {
    keys,
    how,
    numberBits: how.reduce((sum, bit) => sum + Math.max(bit, 0), 0),
    rest: how.flatMap((bit, k) => (bit > 0 ? [] : [k])),
  };
}

/** Whether `node` has the plan's fields in the plan's order (walked, not listed: a list per node per frame). */
function fits(plan: NodePlan, node: NodeFrame): boolean {
  let k = 0;
  for (const key in node) if (plan.keys[k++] !== key) return false;
  return k === plan.keys.length;
}

export class FrameMirror {
  private last: ClusterFrame | null = null;
  private plan: NodePlan | null = null;

  /** The UI starts over (a new run): the next frame is sent whole. */
  forget(): void {
    this.last = null;
  }

  /**
   * `frame` with the fields equal to the last frame's left out, and those the numbers carry (`carried[k]`,
   * NUMBER_FIELD_BITS, for node k); remembers `frame` as what the UI has. A node's `log` goes as it is
   * unless the numbers carry it; its key-value changes go to `kv` when given, else in its object.
   */
  delta(frame: ClusterFrame, carried: readonly number[], kv?: KvChangesSink): PackedClusterDelta {
    const last = this.last;
    this.last = frame;
    const whole = last === null || last.nodes.length !== frame.nodes.length;
    let idsOnly = !whole;
    const nodes = frame.nodes.map((node, k) => {
      const before = whole ? undefined : last.nodes[k];
      if (this.plan === null || !fits(this.plan, node)) this.plan = planFor(Object.keys(node) as (keyof NodeFrame)[]);
      const had = kv?.pairs.length ?? 0;
      const sameNode = before?.id === node.id;
      const delta = changedNodeFields(node, sameNode ? before : undefined, carried[k] ?? 0, this.plan, kv);
      if (kv !== undefined) kv.counts[k] = (kv.pairs.length - had) / 2;
      if (idsOnly && !(sameNode && onlyId(delta))) idsOnly = false;
      return delta;
    });
    const out: Partial<Record<keyof ClusterFrame, unknown>> = {};
    for (const key of Object.keys(frame) as (keyof ClusterFrame)[]) {
      if (NEVER_SENT_FRAME.has(key)) continue;
      const value = frame[key];
      if (whole || ALWAYS_SENT_FRAME.has(key) || changed(value, last[key])) out[key] = value;
    }
    const rest = out as Omit<PackedClusterDelta, 'nodes'>;
    return idsOnly ? rest : { ...rest, nodes };
  }
}

/** Whether a node's delta holds its id and nothing else. */
function onlyId(delta: PackedNodeDelta): boolean {
  let keys = 0;
  for (const key in delta) if (key !== 'id' || ++keys > 1) return false;
  return true;
}

/** The same value (a number, or an object the engine kept) is the commonest case: no call for it. */
const changed = (value: unknown, before: unknown): boolean => value !== before && !sameData(value, before);

/** The node's fields the numbers do not carry and that differ from `before`'s (all of them without `before`). */
function changedNodeFields(
  node: NodeFrame,
  before: NodeFrame | undefined,
  carried: number,
  plan: NodePlan,
  kv: KvChangesSink | undefined,
): PackedNodeDelta {
  const { keys, how } = plan;
  const out: Partial<Record<keyof NodeFrame, unknown>> = {};
  const all = (carried & plan.numberBits) === plan.numberBits;
  const count = all ? plan.rest.length : keys.length;
  for (let r = 0; r < count; r++) {
    const k = all ? plan.rest[r]! : r;
    const key = keys[k]!;
    const bit = how[k]!;
    if (bit > 0) {
      // Carried as numbers; else sent whole, every frame (a rare shape: see frame-numbers.ts).
      if ((carried & bit) === 0) out[key] = node[key];
    } else if (bit === KV && before !== undefined) {
      // A store of a few dozen keys changes a value or two per frame: send those.
      if (node.kv === before.kv) continue;
      const changes = kvChanges(node.kv, before.kv);
      if (changes === null) out.kv = node.kv;
      else if (changes === NO_CHANGES) continue;
      else if (kv === undefined) (out as { kvChanges?: unknown }).kvChanges = changes;
      else for (const key in changes) kv.pairs.push(key, changes[key]!);
    } else if (bit === ALWAYS || before === undefined || changed(node[key], before[key])) {
      out[key] = node[key];
    }
  }
  return out as PackedNodeDelta;
}

/**
 * Where a packed frame's key-value changes go instead of the nodes' objects (an object per node per
 * frame): their keys and values one after the other, and per node how many pairs are its.
 */
export interface KvChangesSink {
  readonly pairs: string[];
  readonly counts: number[];
}

const NO_CHANGES: Readonly<Record<string, string>> = {};

/**
 * The pairs of `next` that are new or differ from `before`'s (NO_CHANGES when none), or null when
 * `before`'s keys are not the first keys of `next` in the same order (a key went, or came back).
 */
function kvChanges(
  next: Readonly<Record<string, string>>,
  before: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> | null {
  const keys = Object.keys(next);
  const had = Object.keys(before);
  if (keys.length < had.length) return null;
  for (let k = 0; k < had.length; k++) if (keys[k] !== had[k]) return null;
  let changes: Record<string, string> | null = null;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (k < had.length && next[key] === before[key]) continue;
    changes ??= {};
    changes[key] = next[key]!;
  }
  return changes ?? NO_CHANGES;
}

/** Equal as data: the same primitives, arrays and plain objects all the way down. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let k = 0; k < a.length; k++) if (!sameData(a[k], b[k])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const key of ka) if (!(key in rb) || !sameData(ra[key], rb[key])) return false;
  return true;
}
