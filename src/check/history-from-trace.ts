// Reads the client's history out of a simulation trace: for each request, when it was
// sent, when (if ever) it was answered and what the answer was.

import type { TraceEvent } from '../sim/types';
import type { Operation } from './linearizability';

interface Open {
  id: number;
  command: string;
  call: number;
  ret: number;
  result: string | null;
  /** Refused before sending: it never reached any node. */
  refused: boolean;
}

/**
 * The history as the client saw it. A request that failed (deadline passed, or a node
 * refused it) may still have been committed, so it counts as never answered (return
 * time Infinity): the checker may place it anywhere after its call, or nowhere.
 */
export function historyFromTrace(trace: Iterable<TraceEvent>): Operation[] {
  const byId = new Map<number, Open>();
  for (const t of trace) {
    if (t.kind !== 'client') continue;
    const e = t.event;
    // A membership change is no operation on the key-value store.
    if (e.type === 'submitted' && e.change === true) continue;
    switch (e.type) {
      case 'submitted':
      case 'refused':
        byId.set(e.requestId, {
          id: e.requestId,
          command: e.command,
          call: t.time,
          ret: Infinity,
          result: null,
          refused: e.type === 'refused',
        });
        break;
      case 'succeeded': {
        const open = byId.get(e.requestId);
        if (open && open.ret === Infinity) {
          open.ret = t.time;
          open.result = e.result;
        }
        break;
      }
      default:
        break;
    }
  }
  return [...byId.values()]
    .filter((o) => !o.refused)
    .map(({ id, command, call, ret, result }) => ({ id, command, call, ret, result }));
}

/** The ids of the requests whose client was told they succeeded. */
export function succeededRequests(trace: readonly TraceEvent[]): Set<number> {
  const ids = new Set<number>();
  for (const t of trace) if (t.kind === 'client' && t.event.type === 'succeeded') ids.add(t.event.requestId);
  return ids;
}

/** How many requests are still waiting for an answer or their deadline. */
export function pendingRequests(trace: readonly TraceEvent[]): number {
  const open = new Set<number>();
  for (const t of trace) {
    if (t.kind !== 'client') continue;
    const e = t.event;
    if (e.type === 'submitted') open.add(e.requestId);
    else if (e.type === 'succeeded' || e.type === 'failed') open.delete(e.requestId);
  }
  return open.size;
}
