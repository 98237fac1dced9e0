// The records of one step (one queue event), as an entry sees them: a node's decision can take
// several events (a new term and the step-down it causes; a commit and the entries it applies),
// and a sentence may tell them together.

import type { NodeId, RaftEvent } from '../../raft/types';
import type { TraceEvent } from '../../sim/types';
import type { Reading, Readings, StepView } from './reading';

export function stepView(records: readonly TraceEvent[]): StepView {
  return {
    records,
    events<T extends RaftEvent['type']>(node: NodeId, type: T): Extract<RaftEvent, { type: T }>[] {
      const found: Extract<RaftEvent, { type: T }>[] = [];
      for (const r of records)
        if (r.kind === 'node' && r.node === node && r.event.type === type)
          found.push(r.event as Extract<RaftEvent, { type: T }>);
      return found;
    },
  };
}

/** Readings as a list. */
export function asList(r: Readings): readonly Reading[] {
  return r === null ? [] : Array.isArray(r) ? r : [r as Reading];
}

/** Split a trace into steps, in order: records of one queue event share a step number. */
export function groupSteps(records: readonly TraceEvent[]): TraceEvent[][] {
  const groups: TraceEvent[][] = [];
  let current: TraceEvent[] | null = null;
  for (const r of records) {
    if (current === null || current[0]!.step !== r.step) {
      current = [];
      groups.push(current);
    }
    current.push(r);
  }
  return groups;
}
