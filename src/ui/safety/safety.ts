// Safety properties (Figure 3 of the paper, plus the checker's extra per-node checks) and their
// live status, read from the violations the worker's checker recorded. Pure and tested.

import type { NodeId } from '../../raft/types';
import type { InvariantName, Violation } from '../../sim/types';

/** Figure 3's five properties first, then the checker's extra checks. */
export const FIGURE_3: readonly InvariantName[] = [
  'Election Safety',
  'Leader Append-Only',
  'Log Matching',
  'Leader Completeness',
  'State Machine Safety',
];
export const EXTRA_CHECKS: readonly InvariantName[] = [
  'Term Monotonic',
  'Vote Stability',
  'Commit Bounds',
  'Configuration Safety',
  'Commit Quorum',
];

export interface InvariantStatus {
  readonly invariant: InvariantName;
  /** Its violations so far, oldest first (empty: it holds). */
  readonly violations: readonly Violation[];
}

export function invariantStatus(violations: readonly Violation[]): InvariantStatus[] {
  return [...FIGURE_3, ...EXTRA_CHECKS].map((invariant) => ({
    invariant,
    violations: violations.filter((v) => v.invariant === invariant),
  }));
}

/** An entry a violation is about: this node's log at this index. */
export interface HighlightEntry {
  readonly node: NodeId;
  readonly index: number;
}

export interface ViolationHighlight {
  /** Every node named by a violation so far, in first-seen order. */
  readonly nodes: readonly NodeId[];
  /** Every (node, index) named by a violation so far. */
  readonly entries: readonly HighlightEntry[];
  /** The nodes named by a violation that happened exactly at the viewed instant. */
  readonly now: readonly NodeId[];
}

export const NO_HIGHLIGHT: ViolationHighlight = { nodes: [], entries: [], now: [] };

/** The nodes and log entries involved in the violations at the viewed instant (`time`). */
export function violationHighlight(violations: readonly Violation[], time: number): ViolationHighlight {
  if (violations.length === 0) return NO_HIGHLIGHT;
  const nodes: NodeId[] = [];
  const now: NodeId[] = [];
  const entries: HighlightEntry[] = [];
  const seen = new Set<string>();
  for (const v of violations) {
    if (v.time > time) continue;
    for (const n of v.nodes) {
      if (!nodes.includes(n)) nodes.push(n);
      if (v.time === time && !now.includes(n)) now.push(n);
      if (v.index !== undefined && !seen.has(`${n}:${v.index}`)) {
        seen.add(`${n}:${v.index}`);
        entries.push({ node: n, index: v.index });
      }
    }
  }
  return { nodes, entries, now };
}
