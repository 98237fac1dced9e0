// The engine benchmark: a 5-node cluster, 20 client commands per virtual second,
// invariant checker and full trace on, run for a given virtual time.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { validateScenario } from '../../src/scenario/validate';
import { Simulation } from '../../src/sim/simulation';

export interface EngineFigures {
  readonly virtualSeconds: number;
  readonly wallSeconds: number;
  readonly events: number;
  readonly traceEvents: number;
  readonly eventsPerWallSecond: number;
  readonly virtualPerWallSecond: number;
  /**
   * Memory still in use after the run and a full collection: the trace and the cluster (MB).
   * The JS heap plus array buffers, where the trace keeps most of its columns.
   */
  readonly heapMB: number;
  readonly violations: number;
}

const COMMAND_EVERY = 50; // ms: 20 commands per virtual second

/** A full garbage collection, even without --expose-gc: each run starts clean, and live heap is measurable. */
function collectGarbage(): void {
  if (typeof global.gc !== 'function') setFlagsFromString('--expose-gc');
  const gc = typeof global.gc === 'function' ? global.gc : (runInNewContext('gc') as () => void);
  gc();
}

export function measureEngine(virtualSeconds: number): EngineFigures {
  const result = validateScenario({ version: 1, seed: 42, nodes: 5 });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  collectGarbage();
  const began = performance.now();
  const sim = new Simulation(result.scenario, { recordTrace: true });
  const end = virtualSeconds * 1000;
  let n = 0;
  // Commands are performed as the run goes (a scenario file holds at most 10,000 actions).
  for (let t = COMMAND_EVERY; t <= end; t += COMMAND_EVERY) {
    sim.runUntil(t);
    n++;
    sim.perform({ at: t, do: 'submit', command: n % 4 === 3 ? `get k${n % 7}` : `set k${n % 7} ${n}` });
  }
  sim.runUntil(end);
  const wallSeconds = (performance.now() - began) / 1000;
  collectGarbage();
  const memory = process.memoryUsage();
  const heapMB = (memory.heapUsed + memory.arrayBuffers) / 2 ** 20;
  return {
    virtualSeconds,
    wallSeconds,
    events: sim.stepCount,
    traceEvents: sim.records.length,
    eventsPerWallSecond: sim.stepCount / wallSeconds,
    virtualPerWallSecond: virtualSeconds / wallSeconds,
    heapMB,
    violations: sim.violations.length,
  };
}
