// The engine benchmark: 5 nodes, a client write every 100 virtual ms, for 600 s and for a virtual
// hour. Every sample is a fresh process (scripts/bench/engine-run.ts), the modes interleaved so
// that load from other work on the machine falls on all of them alike:
//   bare     this engine's bare loop (no trace, no history): the baseline, in the same run
//   history  the History the worker runs (checker, trace, checkpoints, timeline)
//   host     the worker's EngineHost with a frame after every tick, frames structured-cloned
// Figures are medians with their range; processor time is given beside wall time, because this
// machine is shared and wall time then measures the other jobs too. Every mode runs one production
// build of engine-run.ts (engine-bundle.ts), as the browser runs the engine; BENCH_ENGINE_SOURCE=tsx
// runs the source under tsx instead.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineMode, EngineSample } from './engine-run';

const root = new URL('../..', import.meta.url).pathname;

/**
 * How a sample runs engine-run: as the production build engine-bundle.ts makes (the default, built
 * once per bench run into a temporary directory, the same file for every mode), or from source
 * under tsx with BENCH_ENGINE_SOURCE=tsx, as the bench did before the fifth round.
 */
let engineCommand: string[] | undefined;

function engineRunCommand(): string[] {
  if (engineCommand !== undefined) return engineCommand;
  if (process.env.BENCH_ENGINE_SOURCE === 'tsx') {
    engineCommand = ['--import', 'tsx', 'scripts/bench/engine-run.ts'];
    return engineCommand;
  }
  const outDir = mkdtempSync(join(tmpdir(), 'raft-engine-bench-'));
  process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
  process.stderr.write(`engine: building engine-run for the bench in ${outDir} …\n`);
  const built = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench/engine-bundle.ts', outDir], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  engineCommand = [built.trim().split('\n').at(-1)!];
  return engineCommand;
}

export interface EngineStat {
  readonly mode: EngineMode;
  readonly virtualSeconds: number;
  readonly samples: readonly EngineSample[];
  /** Virtual s per wall s: median, lowest, highest. */
  readonly perWall: Spread;
  /** Virtual s per processor s of the process. */
  readonly perCpu: Spread;
  readonly heapMB: Spread;
  readonly rssMB: Spread;
}

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { median, min: sorted[0]!, max: sorted[n - 1]! };
}

function sample(mode: EngineMode, seconds: number): EngineSample {
  const out = execFileSync(process.execPath, [...engineRunCommand(), mode, String(seconds)], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as EngineSample;
}

export interface EnginePlan {
  readonly seconds: number;
  readonly modes: readonly EngineMode[];
  readonly samples: number;
}

/** Runs each plan's modes `samples` times, interleaved, and sums them up. */
export function measureEngines(plans: readonly EnginePlan[]): EngineStat[] {
  const stats: EngineStat[] = [];
  for (const plan of plans) {
    const runs = new Map<EngineMode, EngineSample[]>(plan.modes.map((m) => [m, []]));
    for (let k = 0; k < plan.samples; k++) {
      for (const mode of plan.modes) {
        process.stderr.write(`engine: ${mode} ${plan.seconds} virtual s, sample ${k + 1}/${plan.samples} …\n`);
        runs.get(mode)!.push(sample(mode, plan.seconds));
      }
    }
    for (const [mode, samples] of runs) {
      stats.push({
        mode,
        virtualSeconds: plan.seconds,
        samples,
        perWall: spread(samples.map((s) => s.virtualSeconds / s.wallSeconds)),
        perCpu: spread(samples.map((s) => s.virtualSeconds / s.cpuSeconds)),
        heapMB: spread(samples.map((s) => s.heapMB)),
        rssMB: spread(samples.map((s) => s.rssMB)),
      });
    }
  }
  return stats;
}
