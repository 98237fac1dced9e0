// Plays one fuzz case and judges it: safety (the simulation's invariant checker),
// liveness after the ending heals everything, and linearizability of what the
// client saw.

import type { InvariantName } from '../../sim/types';
import type { TraceReader } from '../../sim/trace-log';
import type { ClusterSnapshot } from '../../sim/types';
import { Simulation } from '../../sim/simulation';
import { historyFromTrace } from '../history-from-trace';
import { checkLinearizability } from '../linearizability';
import { toScenario, type FuzzCase } from './generate';

/** How long after the heal the cluster has to settle (virtual ms). */
export const LIVENESS_WINDOW = 10_000;
/** How often the settled state is looked for inside that window. */
const POLL_EVERY = 100;

export type FuzzFailure =
  | { readonly kind: 'safety'; readonly invariant: InvariantName; readonly time: number; readonly detail: string }
  | { readonly kind: 'liveness'; readonly detail: string }
  | { readonly kind: 'linearizability'; readonly detail: string }
  | { readonly kind: 'crash'; readonly detail: string };

export interface FuzzOutcome {
  readonly failure: FuzzFailure | null;
  /** Queue events processed. */
  readonly events: number;
  /** Virtual ms simulated. */
  readonly virtualMs: number;
  /** The linearizability search gave up (too many concurrent operations): neither pass nor fail. */
  readonly undecided: boolean;
}

/** Two failures are "the same bug" for shrinking when kind (and invariant) match. */
export function sameFailure(a: FuzzFailure, b: FuzzFailure): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== 'safety' || (b.kind === 'safety' && a.invariant === b.invariant);
}

export function describeFailure(f: FuzzFailure): string {
  switch (f.kind) {
    case 'safety':
      return `safety: ${f.invariant} at ${f.time} ms — ${f.detail}`;
    case 'liveness':
      return `liveness: ${f.detail}`;
    case 'linearizability':
      return `linearizability: ${f.detail}`;
    case 'crash':
      return `engine threw: ${f.detail}`;
  }
}

export function runCase(c: FuzzCase): FuzzOutcome {
  let sim: Simulation | null = null;
  try {
    sim = new Simulation(toScenario(c), { recordTrace: true });
    return judge(sim, c);
  } catch (e) {
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    return {
      failure: { kind: 'crash', detail },
      events: sim?.stepCount ?? 0,
      virtualMs: sim?.now ?? 0,
      undecided: false,
    };
  }
}

function judge(sim: Simulation, c: FuzzCase): FuzzOutcome {
  const outcome = (failure: FuzzFailure | null, undecided = false): FuzzOutcome => ({
    failure,
    events: sim.stepCount,
    virtualMs: sim.now,
    undecided,
  });
  const safety = (): FuzzFailure | null => {
    const v = sim.violations[0];
    return v ? { kind: 'safety', invariant: v.invariant, time: v.time, detail: v.detail } : null;
  };

  sim.runUntil(c.faultEnd - 1);
  const early = safety();
  if (early) return outcome(early);

  const clients = new ClientTracker();
  let unsettled = 'the cluster never settled';
  for (let t = c.faultEnd; t <= c.faultEnd + LIVENESS_WINDOW; t += POLL_EVERY) {
    sim.runUntil(t);
    const broken = safety();
    if (broken) return outcome(broken);
    clients.read(sim.records);
    const why = settledProblem(sim.snapshot(), clients);
    if (why === null) {
      unsettled = '';
      break;
    }
    unsettled = why;
  }
  if (unsettled !== '') {
    return outcome({
      kind: 'liveness',
      detail: `${LIVENESS_WINDOW / 1000} s after the heal at ${c.faultEnd} ms: ${unsettled}`,
    });
  }

  const lin = checkLinearizability(historyFromTrace(sim.records));
  if (lin.ok === false) {
    const ops = lin.operations
      .map((o) => `#${o.id} "${o.command}" [${o.call}, ${o.ret === Infinity ? '∞' : o.ret}] → ${o.result ?? '?'}`)
      .join('; ');
    return outcome({ kind: 'linearizability', detail: `${lin.reason}: ${ops}` });
  }
  return outcome(null, lin.ok === 'unknown');
}

/** Follows the client part of the trace incrementally, so polling stays O(new events). */
class ClientTracker {
  readonly open = new Set<number>();
  readonly succeeded = new Set<number>();
  private readAt = 0;

  read(trace: TraceReader): void {
    for (; this.readAt < trace.length; this.readAt++) {
      const t = trace.at(this.readAt)!;
      if (t.kind !== 'client') continue;
      const e = t.event;
      if (e.type === 'submitted') this.open.add(e.requestId);
      else if (e.type === 'succeeded') {
        this.open.delete(e.requestId);
        this.succeeded.add(e.requestId);
      } else if (e.type === 'failed') this.open.delete(e.requestId);
    }
  }
}

/** Why the cluster is not (yet) in the settled state liveness asks for, or null when it is. */
function settledProblem(snap: ClusterSnapshot, clients: ClientTracker): string | null {
  const down = snap.nodes.filter((n) => !n.alive).map((n) => n.id);
  if (down.length > 0) return `${down.join(', ')} still down`;
  const leaders = snap.nodes.filter((n) => n.role === 'leader');
  if (leaders.length !== 1) {
    return leaders.length === 0
      ? 'no leader'
      : `${leaders.length} leaders (${leaders.map((l) => `${l.id} in term ${l.currentTerm}`).join(', ')})`;
  }
  if (clients.open.size > 0) return `${clients.open.size} client request(s) still unanswered`;
  const leader = leaders[0]!;
  const committed = leader.commitIndex;
  for (const n of snap.nodes) {
    if (n.commitIndex !== committed)
      return `${n.id} has commitIndex ${n.commitIndex}, leader ${leader.id} has ${committed}`;
    for (let i = 0; i < committed; i++) {
      const a = n.log[i]!;
      const b = leader.log[i]!;
      if (a.term !== b.term || a.command !== b.command || a.requestId !== b.requestId)
        return `${n.id} and ${leader.id} differ at committed index ${i + 1}`;
    }
  }
  const inLog = new Set<number>();
  for (let i = 0; i < committed; i++) {
    const id = leader.log[i]!.requestId;
    if (id !== undefined) inLog.add(id);
  }
  const lost = [...clients.succeeded].filter((id) => !inLog.has(id));
  if (lost.length > 0)
    return `request(s) #${lost.join(', #')} were answered "success" but are not in the committed log`;
  return null;
}
