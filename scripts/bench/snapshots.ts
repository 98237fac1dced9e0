// Log compaction (§7) in figures: one virtual hour of a 5-node cluster taking a write every
// 100 ms, with snapshots off and on (snapshotThreshold 100), the checker on and the trace off,
// so the memory measured is the cluster's own. With snapshots on, every node's log must stay
// under the threshold plus one round's worth of entries.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { validateScenario } from '../../src/scenario/validate';
import { Simulation } from '../../src/sim/simulation';

export interface SnapshotFigures {
  readonly threshold: number;
  readonly wallSeconds: number;
  readonly virtualPerWallSecond: number;
  /** Live memory after the run and a full collection (MB). */
  readonly heapMB: number;
  /** The longest log any node held at the end, in entries (those after its snapshot). */
  readonly longestLog: number;
  readonly violations: number;
}

const WRITE_EVERY = 100; // ms
export const SNAPSHOT_BENCH_THRESHOLD = 100;

function collectGarbage(): void {
  if (typeof global.gc !== 'function') setFlagsFromString('--expose-gc');
  const gc = typeof global.gc === 'function' ? global.gc : (runInNewContext('gc') as () => void);
  gc();
}

export function measureSnapshots(threshold: number, virtualSeconds = 3600): SnapshotFigures {
  const result = validateScenario({ version: 1, seed: 42, nodes: 5, options: { snapshotThreshold: threshold } });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  collectGarbage();
  const before = process.memoryUsage();
  const began = performance.now();
  const sim = new Simulation(result.scenario, { recordTrace: false });
  const end = virtualSeconds * 1000;
  let n = 0;
  for (let t = WRITE_EVERY; t <= end; t += WRITE_EVERY) {
    sim.runUntil(t);
    n++;
    sim.perform({ at: t, do: 'submit', command: `set k${n % 50} ${n}` });
  }
  sim.runUntil(end);
  const wallSeconds = (performance.now() - began) / 1000;
  collectGarbage();
  const after = process.memoryUsage();
  const heapMB = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 2 ** 20;
  const longestLog = Math.max(...sim.snapshot().nodes.map((node) => node.log.length));
  return {
    threshold,
    wallSeconds,
    virtualPerWallSecond: virtualSeconds / wallSeconds,
    heapMB,
    longestLog,
    violations: sim.violations.length,
  };
}
