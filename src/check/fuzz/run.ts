// Plays one fuzz case and judges it: safety (the simulation's invariant checker),
// liveness after the ending heals everything, durability of the writes the client
// was told succeeded, and linearizability of what the client saw.

import type { Scenario } from '../../scenario/schema';
import type { TraceReader } from '../../sim/trace-log';
import type { ClusterFrame, InvariantName, TraceEvent, Violation } from '../../sim/types';
import { Simulation } from '../../sim/simulation';
import { describeLostWrites, lostWrites, type AcknowledgedRequest } from '../durability';
import { historyFromTrace } from '../history-from-trace';
import { checkLinearizability } from '../linearizability';
import { LIVENESS_CAP, LIVENESS_LIMIT, LIVENESS_WINDOW, toScenario, type FuzzCase } from './generate';

/** How often the settled state is looked for inside that window. */
const POLL_EVERY = 100;
/** Past the window, a cluster that has not moved for this long is stuck, not slow. */
const STALL_MS = 3_000;
/** See livenessCap. */
const CATCH_UP_MS_PER_ENTRY = 200;

export type FuzzFailure =
  | { readonly kind: 'safety'; readonly invariant: InvariantName; readonly time: number; readonly detail: string }
  | { readonly kind: 'liveness'; readonly detail: string }
  | { readonly kind: 'durability'; readonly detail: string }
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
    case 'durability':
      return `durability: ${f.detail}`;
    case 'linearizability':
      return `linearizability: ${f.detail}`;
    case 'crash':
      return `engine threw: ${f.detail}`;
  }
}

/**
 * What the judge reads of a run. The Simulation is one; a test may pass a wrapper around
 * it that injects a broken component, to show that an oracle catches it.
 */
export interface JudgedRun {
  readonly violations: readonly Violation[];
  readonly records: TraceReader;
  readonly stepCount: number;
  readonly now: number;
  runUntil(time: number): void;
  snapshot(): ClusterFrame;
}

function simulate(scenario: Scenario): JudgedRun {
  return new Simulation(scenario, { recordTrace: true });
}

export function runCase(c: FuzzCase, start: (scenario: Scenario) => JudgedRun = simulate): FuzzOutcome {
  let sim: JudgedRun | null = null;
  try {
    sim = start(toScenario(c));
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

function judge(sim: JudgedRun, c: FuzzCase): FuzzOutcome {
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

  const clients = new ClientTracker(c.faultEnd);
  let problem: FuzzFailure | null = null;
  let progress = '';
  let movedAt = c.faultEnd;
  for (let t = c.faultEnd; ; t += POLL_EVERY) {
    sim.runUntil(t);
    const broken = safety();
    if (broken) return outcome(broken);
    clients.read(sim.records);
    const snap = sim.snapshot();
    // Liveness first: until the cluster has settled, a committed log may still be catching up.
    const unsettled = settledProblem(snap, clients);
    const lost = unsettled === null ? lostWrites(clients.acknowledged(), clusterNodes(snap)) : [];
    const after = `${((t - c.faultEnd) / 1000).toFixed(1)} s after the heal at ${c.faultEnd} ms`;
    problem =
      unsettled !== null
        ? { kind: 'liveness', detail: `${after}: ${unsettled}` }
        : lost.length > 0
          ? { kind: 'durability', detail: `${after}: ${describeLostWrites(lost)}` }
          : null;
    if (problem === null) break;
    const now = progressOf(snap);
    if (now !== progress) [progress, movedAt] = [now, t];
    const elapsed = t - c.faultEnd;
    if (elapsed >= livenessCap(snap) || (elapsed >= LIVENESS_WINDOW && t - movedAt >= STALL_MS)) break;
  }
  if (problem) return outcome(problem);

  const lin = checkLinearizability(historyFromTrace(records(sim.records)));
  if (lin.ok === false) {
    const ops = lin.operations
      .map((o) => `#${o.id} "${o.command}" [${o.call}, ${o.ret === Infinity ? '∞' : o.ret}] → ${o.result ?? '?'}`)
      .join('; ');
    return outcome({ kind: 'linearizability', detail: `${lin.reason}: ${ops}` });
  }
  return outcome(null, lin.ok === 'unknown');
}

/**
 * How long a healed cluster that still makes progress may take: at least LIVENESS_CAP, and longer
 * for a long log (the longest now: retries still pending at the heal lengthen it after). Without
 * fastBackup and with one entry per message, a follower behind by the whole log is found one entry
 * per round trip and filled one entry per round trip: 2 round trips (≤ 40 ms each on the healed
 * network) per entry. A configuration change can put two such catch-ups in a row (a leader that
 * removed itself, then its successor); a margin on top gives 200 ms. Never past LIVENESS_LIMIT, so
 * a livelock that keeps appending (a no-op per election) still ends.
 */
function livenessCap(now: ClusterFrame): number {
  const longest = Math.max(0, ...now.nodes.map((n) => (n.snapshot?.index ?? 0) + n.log.length));
  return Math.min(LIVENESS_LIMIT, Math.max(LIVENESS_CAP, longest * CATCH_UP_MS_PER_ENTRY));
}

/**
 * What moves while a healed cluster catches up: commit points, log ends, the leaders' nextIndex
 * (backtracking, §5.3) and matchIndex, and snapshot chunks in flight (§7).
 */
function progressOf(snap: ClusterFrame): string {
  return JSON.stringify(
    snap.nodes.map((n) => [
      n.commitIndex,
      (n.snapshot?.index ?? 0) + n.log.length,
      n.nextIndex,
      n.matchIndex,
      n.incomingSnapshot?.received ?? null,
    ]),
  );
}

/** The nodes of the leader's configuration (§6): a removed server's log stops growing, rightly. */
function clusterNodes(snap: ClusterFrame): ClusterFrame['nodes'] {
  const leader = snap.nodes.find((n) => n.role === 'leader');
  if (!leader) return snap.nodes;
  const c = leader.configuration;
  return snap.nodes.filter((n) => c.voters.includes(n.id) || c.old?.includes(n.id) || c.learners.includes(n.id));
}

function* records(trace: TraceReader): Generator<TraceEvent> {
  for (let i = 0; i < trace.length; i++) yield trace.at(i)!;
}

/** Follows the client part of the trace incrementally, so polling stays O(new events). */
class ClientTracker {
  readonly open = new Set<number>();
  readonly succeeded = new Set<number>();
  /** Requests sent once the cluster was healed: each of them must succeed. */
  readonly sinceHeal = new Set<number>();
  readonly failedSinceHeal: number[] = [];
  private readonly commands = new Map<number, string>();
  private readAt = 0;

  constructor(private readonly healAt: number) {}

  read(trace: TraceReader): void {
    for (; this.readAt < trace.length; this.readAt++) {
      const t = trace.at(this.readAt)!;
      if (t.kind !== 'client') continue;
      const e = t.event;
      if (e.type === 'submitted') {
        this.open.add(e.requestId);
        this.commands.set(e.requestId, e.command);
        if (t.time >= this.healAt) this.sinceHeal.add(e.requestId);
      } else if (e.type === 'succeeded') {
        this.open.delete(e.requestId);
        this.succeeded.add(e.requestId);
      } else if (e.type === 'failed') {
        this.open.delete(e.requestId);
        if (this.sinceHeal.has(e.requestId)) this.failedSinceHeal.push(e.requestId);
      }
    }
  }

  /** The requests the client was told succeeded, with their commands. */
  acknowledged(): AcknowledgedRequest[] {
    return [...this.succeeded].map((id) => ({ id, command: this.commands.get(id) ?? '' }));
  }
}

/**
 * Why the cluster is not (yet) in the settled state liveness asks for, or null when it is:
 * every node up, one leader whose term every node has reached, every request answered,
 * the healed cluster has served a request (the ending's probe), and every node's committed
 * log is the leader's. Without the probe, a cluster frozen at the heal (nothing committed,
 * a stale leader, candidates in higher terms) would look settled.
 */
function settledProblem(snap: ClusterFrame, clients: ClientTracker): string | null {
  const down = snap.nodes.filter((n) => !n.alive).map((n) => n.id);
  if (down.length > 0) return `${down.join(', ')} still down`;
  const leaders = snap.nodes.filter((n) => n.role === 'leader');
  if (leaders.length !== 1) {
    return leaders.length === 0
      ? 'no leader'
      : `${leaders.length} leaders (${leaders.map((l) => `${l.id} in term ${l.currentTerm}`).join(', ')})`;
  }
  const leader = leaders[0]!;
  // §6: spares and removed servers are outside the cluster; only the leader's configuration must settle.
  const c = leader.configuration;
  const nodes = snap.nodes.filter((n) => c.voters.includes(n.id) || c.old?.includes(n.id) || c.learners.includes(n.id));
  const elsewhere = nodes.find((n) => n.currentTerm !== leader.currentTerm);
  if (elsewhere)
    return `${elsewhere.id} is in term ${elsewhere.currentTerm}, leader ${leader.id} in term ${leader.currentTerm}`;
  if (clients.open.size > 0) return `${clients.open.size} client request(s) still unanswered`;
  if (clients.failedSinceHeal.length > 0)
    return `request(s) #${clients.failedSinceHeal.join(', #')}, sent after the heal, failed`;
  if (![...clients.sinceHeal].some((id) => clients.succeeded.has(id)))
    return 'no request sent after the heal has succeeded yet';
  const committed = leader.commitIndex;
  for (const n of nodes) {
    if (n.commitIndex !== committed)
      return `${n.id} has commitIndex ${n.commitIndex}, leader ${leader.id} has ${committed}`;
    // §7: entries a snapshot replaced are compared through the state machine below.
    const nBase = n.snapshot?.index ?? 0;
    const leaderBase = leader.snapshot?.index ?? 0;
    for (let index = Math.max(nBase, leaderBase) + 1; index <= committed; index++) {
      const a = n.log[index - nBase - 1]!;
      const b = leader.log[index - leaderBase - 1]!;
      if (a.term !== b.term || a.command !== b.command || a.requestId !== b.requestId)
        return `${n.id} and ${leader.id} differ at committed index ${index}`;
    }
    if (JSON.stringify(sortedKeys(n.kv)) !== JSON.stringify(sortedKeys(leader.kv)))
      return `${n.id} and ${leader.id} applied the same ${committed} entries but hold different key-value states`;
    // §6: the same committed log gives the same configuration (a snapshot must not carry another one).
    if (votersOf(n.configuration) !== votersOf(c))
      return `${n.id} uses ${votersOf(n.configuration)}, leader ${leader.id} uses ${votersOf(c)}`;
  }
  return null;
}

/** A configuration's voters (and C_old's in a joint one) as text; learners are the leader's own business. */
function votersOf(c: ClusterFrame['nodes'][number]['configuration']): string {
  const voters = `voters {${[...c.voters].sort().join(',')}}`;
  return c.old === undefined ? voters : `${voters} and old {${[...c.old].sort().join(',')}}`;
}

function sortedKeys(kv: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(kv).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
}
