// The data a cluster holds before its client history begins, as operations the linearizability checker
// can place: a scenario may start the nodes from a snapshot (§7) or with commands already in their logs
// (Figures 7 and 8 do). Without them, a read answered from that data looks like a read of a value nobody
// wrote, and the history panel would show a stale read on a correct run.
//
// - The newest snapshot holds committed state: each of its keys is a write that completed before
//   anything else happened.
// - A command in a log past that snapshot may be committed later by a leader (§5.4.2), or overwritten:
//   it is a write that was called before the history and never answered, which the checker may place
//   anywhere, or nowhere. Two nodes' different entries at one index are both offered: at most one of
//   them takes effect, so this never invents a violation, though it may miss one that hinges on which.

import { parseCommand } from '../raft/kv';
import type { Scenario } from '../sim/scenario-types';
import type { Operation } from './linearizability';

/** When the snapshot's writes completed, and when the logs' commands were called: before any client. */
const SNAPSHOT_CALL = -2;
const SNAPSHOT_RETURN = -1;
const LOG_CALL = -1;

/** Operations standing for the initial data, with negative ids (a client's are never negative). */
export function initialOperations(scenario: Pick<Scenario, 'initial'>): Operation[] {
  const nodes = Object.values(scenario.initial);
  let newest: { index: number; state: Record<string, string> } | null = null;
  for (const node of nodes) {
    const s = node.snapshot;
    if (s && (newest === null || s.index > newest.index)) newest = s;
  }
  const ops: Operation[] = [];
  const id = (): number => -(ops.length + 1);
  for (const [key, value] of Object.entries(newest?.state ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    ops.push({ id: id(), command: `set ${key} ${value}`, call: SNAPSHOT_CALL, ret: SNAPSHOT_RETURN, result: null });
  }
  const after = newest?.index ?? 0;
  const offered = new Set<string>();
  for (const node of nodes) {
    const first = (node.snapshot?.index ?? 0) + 1;
    node.log.forEach((entry, k) => {
      const index = first + k;
      if (index <= after || !('command' in entry)) return;
      const parsed = parseCommand(entry.command);
      // Only writes change what a read can see; a refused command never applies.
      if (!parsed.ok || parsed.command.op === 'get') return;
      const seen = `${index}|${entry.command}`;
      if (offered.has(seen)) return;
      offered.add(seen);
      ops.push({ id: id(), command: entry.command, call: LOG_CALL, ret: Infinity, result: null });
    });
  }
  return ops;
}
