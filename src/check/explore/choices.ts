// What can happen next, from one state of an exploration: every choice a scheduler, a faulty
// network or the class could make while time stands still. Each is an ordinary manual-delivery
// action, so a path of choices is a scenario the runner replays and a link can share.

import type { Action } from '../../sim/scenario-types';
import type { ExplorationView } from '../../sim/simulation';
import { CLIENT } from '../../sim/types';
import type { Budget } from './bounds';

export interface Choice {
  readonly action: Action;
  /** The budget this choice spends one of, if any. */
  readonly spends?: keyof Budget;
}

/** Every choice from a state, given what is left of each budget. */
export function choicesFrom(
  view: {
    readonly nodes: ExplorationView['nodes'];
    readonly inFlight: readonly Pick<ExplorationView['inFlight'][number], 'id' | 'from' | 'to' | 'lost'>[];
  },
  left: Budget,
  writesDone: number,
): Choice[] {
  const out: Choice[] = [];
  for (const m of view.inFlight) {
    out.push({ action: { at: 0, do: 'deliver', message: m.id } });
    // A lost message dies on arrival anyway; client messages travel outside the nodes' network.
    if (m.lost || m.from === CLIENT || m.to === CLIENT) continue;
    out.push({ action: { at: 0, do: 'drop', message: m.id } });
    if (left.duplicates > 0) out.push({ action: { at: 0, do: 'duplicate', message: m.id }, spends: 'duplicates' });
  }
  for (const node of view.nodes) {
    const s = node.state;
    if (s === null) {
      if (left.restarts > 0) out.push({ action: { at: 0, do: 'restart', node: node.id }, spends: 'restarts' });
      continue;
    }
    if (s.role === 'leader') {
      if (left.heartbeats > 0) out.push({ action: { at: 0, do: 'heartbeat', node: node.id }, spends: 'heartbeats' });
      // A write goes to a node that believes it leads: sent elsewhere it would only be redirected.
      if (left.writes > 0) {
        const command = `set x ${writesDone + 1}`;
        out.push({ action: { at: 0, do: 'submit', command, node: node.id }, spends: 'writes' });
      }
    } else {
      // §5.2: a follower or candidate whose election timer fires starts an election (or a pre-vote).
      out.push({ action: { at: 0, do: 'timeout', node: node.id } });
    }
    if (left.crashes > 0) out.push({ action: { at: 0, do: 'kill', node: node.id }, spends: 'crashes' });
  }
  return out;
}
