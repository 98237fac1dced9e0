// The headless runner: plays a scenario to a given time and reports the cluster in
// the JSON shape of the public contract (`npm run sim -- FILE.json --until MS`).

import { Simulation } from '../sim/simulation';
import type { Configuration, EntryConfig, LogEntry } from '../raft/types';
import type { NodeReadFrame, TraceEvent } from '../sim/types';
import type { Scenario } from './schema';

export interface RunReport {
  time: number;
  nodes: {
    id: string;
    alive: boolean;
    role: 'follower' | 'candidate' | 'leader';
    /** A follower running a pre-vote round (thesis §9.6): it has not raised its term. */
    preCandidate: boolean;
    term: number;
    votedFor: string | null;
    commitIndex: number;
    lastApplied: number;
    /** §7: the last index and term the node's snapshot covers, or null; `log` holds only the entries after it. */
    snapshot: { index: number; term: number } | null;
    /** The node's log; a configuration entry (§6) is `{ term, config }`, with no command. */
    log: ({ term: number; command: string } | { term: number; config: EntryConfig })[];
    state: Record<string, string>;
    /** The configuration the node uses (§6): `old` only in a joint configuration; lists sorted. */
    config: { voters: string[]; old?: string[]; learners: string[] };
    /** Only where relevant: reads waiting here and the leader's lease (thesis §6.4). */
    reads?: NodeReadFrame;
    /** Only while a leader hands over (thesis §3.10). */
    transfer?: { to: string; timeoutNowSent: boolean };
    /** Only when the node's clock does not run at real time (the `clock` action). */
    clockRate?: number;
  }[];
  violations: { invariant: string; time: number; detail: string }[];
  trace?: TraceEvent[];
}

export function runScenario(scenario: Scenario, until: number, withTrace = false): RunReport {
  const sim = new Simulation(scenario, { recordTrace: withTrace });
  sim.runUntil(until);
  return report(sim, withTrace);
}

export function report(sim: Simulation, withTrace: boolean): RunReport {
  const snap = sim.snapshot();
  const out: RunReport = {
    time: snap.time,
    nodes: snap.nodes.map((n) => ({
      id: n.id,
      alive: n.alive,
      // The contract's roles are Figure 2's three; a pre-candidate is still a follower of its term.
      role: n.role === 'preCandidate' ? 'follower' : n.role,
      preCandidate: n.role === 'preCandidate',
      term: n.currentTerm,
      votedFor: n.votedFor,
      commitIndex: n.commitIndex,
      lastApplied: n.lastApplied,
      snapshot: n.snapshot === null ? null : { index: n.snapshot.index, term: n.snapshot.term },
      log: n.log.map(reportEntry),
      state: { ...n.kv },
      config: reportConfig(n.configuration),
      ...(n.reads === null ? {} : { reads: n.reads }),
      ...(n.transfer === null ? {} : { transfer: { ...n.transfer } }),
      ...(n.clockRate === 1 ? {} : { clockRate: n.clockRate }),
    })),
    violations: snap.violations.map((v) => ({ invariant: v.invariant, time: v.time, detail: v.detail })),
  };
  if (withTrace) out.trace = sim.trace;
  return out;
}

function reportEntry(e: LogEntry): { term: number; command: string } | { term: number; config: EntryConfig } {
  if (e.config === undefined) return { term: e.term, command: e.command };
  const { voters, old } = e.config;
  return { term: e.term, config: old === undefined ? { voters: [...voters] } : { voters: [...voters], old: [...old] } };
}

function reportConfig(c: Configuration): { voters: string[]; old?: string[]; learners: string[] } {
  const sorted = (ids: readonly string[]): string[] => [...ids].sort();
  return c.old === undefined
    ? { voters: sorted(c.voters), learners: sorted(c.learners) }
    : { voters: sorted(c.voters), old: sorted(c.old), learners: sorted(c.learners) };
}
