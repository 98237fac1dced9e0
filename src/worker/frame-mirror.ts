// What the UI holds of the cluster's fields, so a frame leaves out every field equal to the last
// frame's. Most of a frame does not change from one frame to the next (a node's configuration,
// quorum, votes, the network, the options), yet each was cloned to the UI thread every frame: after
// the trace records, the nodes were most of a frame's bytes. Comparing them here costs a fraction of
// cloning them, and an unchanged field then keeps its very object on the UI side.
// A node's `log` and the frame's `requests` have deltas of their own (LogMirror, RequestsSender):
// they always travel, and are neither compared nor left out here.

import type { ClusterFrame, NodeFrame } from '../sim/types';
import type { ClusterDelta, NodeDelta } from './protocol';

/** Messages in flight change nearly every frame: comparing them first would only add work. */
const ALWAYS_SENT_FRAME: ReadonlySet<string> = new Set(['nodes', 'requests', 'messages']);
const ALWAYS_SENT_NODE: ReadonlySet<string> = new Set(['id', 'log']);

export class FrameMirror {
  private last: ClusterFrame | null = null;

  /** The UI starts over (a new run): the next frame is sent whole. */
  forget(): void {
    this.last = null;
  }

  /** `frame` with the fields equal to the last frame's left out; remembers `frame` as what the UI has. */
  delta(frame: ClusterFrame): ClusterDelta {
    const last = this.last;
    this.last = frame;
    if (last === null || last.nodes.length !== frame.nodes.length) return frame;
    const nodes = frame.nodes.map((node, k) => {
      const before = last.nodes[k]!;
      return before.id === node.id ? (changedFields(node, before, ALWAYS_SENT_NODE) as NodeDelta) : node;
    });
    return { ...(changedFields(frame, last, ALWAYS_SENT_FRAME) as Omit<ClusterDelta, 'nodes'>), nodes };
  }
}

/** The fields of `next` that differ from `before`'s, plus those always sent. */
function changedFields<T extends ClusterFrame | NodeFrame>(
  next: T,
  before: T,
  always: ReadonlySet<string>,
): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T & string)[]) {
    const value = next[key];
    // The same value (a number, or an object the engine kept) is the commonest case: no call for it.
    if (always.has(key) || (value !== before[key] && !sameData(value, before[key]))) out[key] = value;
  }
  return out;
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
