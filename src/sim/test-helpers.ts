// Helpers for the simulation tests: build a scenario from a literal, run it, and read
// the cluster and its trace in the words of the paper.

import type { NodeId, RaftEvent } from '../raft/types';
import type { ScenarioInput } from '../scenario/schema';
import { validateScenario } from '../scenario/validate';
import { Simulation } from './simulation';
import type { ClientEvent, InvariantName, NodeFrame } from './types';

/**
 * Election timeouts far beyond the length of a test run: no node starts an election on
 * its own, so the test decides who runs, with `timeout` actions.
 */
export const HAND_DRIVEN_TIMING = { electionTimeout: [50_000, 60_000] as [number, number] };

/** Faults for a busy five-node run: A crashes at 1.5 s and restarts at 2.5 s; {A, B} and {C, D, E} are split from 3 s to 4 s. */
export const CRASH_AND_PARTITION: NonNullable<ScenarioInput['actions']> = [
  { at: 1500, do: 'kill', node: 'A' },
  { at: 2500, do: 'restart', node: 'A' },
  {
    at: 3000,
    do: 'partition',
    groups: [
      ['A', 'B'],
      ['C', 'D', 'E'],
    ],
  },
  { at: 4000, do: 'heal' },
];

export function simulation(input: ScenarioInput): Simulation {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(`bad test scenario:\n${result.errors.join('\n')}`);
  return new Simulation(result.scenario);
}

export function run(input: ScenarioInput, until: number): Simulation {
  const sim = simulation(input);
  sim.runUntil(until);
  return sim;
}

export function nodeOf(sim: Simulation, id: NodeId): NodeFrame {
  const found = sim.snapshot().nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

/** The live leaders with the highest term (at most one in a safe run). */
export function currentLeader(sim: Simulation): NodeFrame | undefined {
  const leaders = sim.snapshot().nodes.filter((n) => n.alive && n.role === 'leader');
  return leaders.sort((x, y) => y.currentTerm - x.currentTerm)[0];
}

export function invariantsBroken(sim: Simulation): InvariantName[] {
  return [...new Set(sim.violations.map((v) => v.invariant))].sort();
}

export interface Timed<T> {
  readonly time: number;
  readonly node: NodeId;
  readonly event: T;
}

/** The Raft events of the trace, optionally of one type and one node, with their times. */
export function raftEvents<T extends RaftEvent['type']>(
  sim: Simulation,
  type: T,
  node?: NodeId,
): Timed<Extract<RaftEvent, { type: T }>>[] {
  const out: Timed<Extract<RaftEvent, { type: T }>>[] = [];
  for (const t of sim.trace) {
    if (t.kind !== 'node' || t.event.type !== type || (node !== undefined && t.node !== node)) continue;
    out.push({ time: t.time, node: t.node, event: t.event as Extract<RaftEvent, { type: T }> });
  }
  return out;
}

export function clientEvents<T extends ClientEvent['type']>(
  sim: Simulation,
  type: T,
): Extract<ClientEvent, { type: T }>[] {
  const out: Extract<ClientEvent, { type: T }>[] = [];
  for (const t of sim.trace) if (t.kind === 'client' && t.event.type === type) out.push(t.event as never);
  return out;
}

/** Entries given as terms, with commands that depend only on (index, term), as Log Matching requires. */
export function logOf(...terms: number[]): { term: number; command: string }[] {
  return terms.map((term, i) => ({ term, command: `set x${i + 1} ${term}` }));
}

export function termsOf(log: readonly { term: number }[]): number[] {
  return log.map((e) => e.term);
}

/**
 * Figure 8 of the paper with S1..S5 as A..E, starting where (c) begins: A and B hold
 * the term-2 entry at index 2, C and D only index 1, and E (S5, down) holds the term-3
 * entry it accepted as leader of term 3. A is elected in term 4 and replicates index 2
 * to C and D; then A crashes, E comes back and times out twice: its term-4 bid meets
 * voters already spent on A, its term-5 bid wins whenever its last term (3) beats theirs.
 *
 * With `termFourEntry`, A first gets a client command of term 4 onto a majority — (e).
 */
export function figure8(options: { termFourEntry?: boolean; commitPreviousTerms?: boolean } = {}): ScenarioInput {
  const entry2 = logOf(1, 2);
  return {
    version: 1,
    nodes: 5,
    timing: { ...HAND_DRIVEN_TIMING, heartbeatInterval: 50, latency: [10, 20] },
    unsafe: { commitPreviousTerms: options.commitPreviousTerms ?? false },
    initial: {
      A: { term: 3, log: entry2 },
      B: { term: 3, log: entry2 },
      C: { term: 3, log: logOf(1) },
      D: { term: 3, log: logOf(1) },
      E: { term: 3, log: logOf(1, 3) },
    },
    actions: [
      { at: 0, do: 'kill', node: 'E' },
      { at: 0, do: 'timeout', node: 'A' },
      ...(options.termFourEntry ? [{ at: 100, do: 'submit' as const, command: 'set y 4', node: 'A' }] : []),
      { at: 300, do: 'kill', node: 'A' },
      { at: 310, do: 'restart', node: 'E' },
      { at: 320, do: 'timeout', node: 'E' },
      { at: 400, do: 'timeout', node: 'E' },
    ],
  };
}

/** When A has replicated what it can, before it crashes at 300. */
export const FIGURE8_BEFORE_CRASH = 250;
export const FIGURE8_END = 1000;
