// How long a seek takes in a long history: 10 virtual minutes of a 5-node cluster with a
// client write every 100 ms, then 100 seeks to random instants (from wherever the previous
// seek left the history). Target: under 100 ms each.
//   npx tsx scripts/bench/seek.ts

import { pathToFileURL } from 'node:url';
import { validateScenario } from '../../src/scenario/validate';
import type { Scenario } from '../../src/scenario/schema';
import { History } from '../../src/sim/history';
import { Simulation } from '../../src/sim/simulation';
import { Prng } from '../../src/sim/prng';

const HISTORY_MS = 600_000;
const WRITE_EVERY = 100;
const SEEKS = 100;

export interface SeekFigures {
  medianMs: number;
  worstMs: number;
  seeks: number;
  historyVirtualMs: number;
}

interface Details extends SeekFigures {
  buildMs: number;
  /** Processor time per seek, less sensitive than wall time to other work on the machine. */
  medianCpuMs: number;
  worstCpuMs: number;
  steps: number;
  traceEvents: number;
  checkpoints: number;
  heapMb: number;
}

function tenMinutes(): Scenario {
  const actions = [];
  for (let at = WRITE_EVERY; at <= HISTORY_MS; at += WRITE_EVERY) {
    actions.push({ at, do: 'submit' as const, command: `set k${(at / WRITE_EVERY) % 50} ${at}` });
  }
  const result = validateScenario({ version: 1, nodes: 5, seed: 2026, actions });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

async function measure(): Promise<Details> {
  const started = performance.now();
  const history = new History(tenMinutes());
  history.runUntil(HISTORY_MS);
  const buildMs = performance.now() - started;

  // Seeded, so every run of the benchmark visits the same instants.
  const prng = new Prng(7);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < SEEKS; i++) {
    const t = prng.between(0, HISTORY_MS);
    const before = performance.now();
    const cpuBefore = process.cpuUsage();
    history.seekTime(t);
    times.push(performance.now() - before);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
    if (history.now !== t) throw new Error(`seek to ${t} landed at ${history.now}`);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const internals = history as unknown as { current: { checkpoints: unknown[] } };
  return {
    medianMs: (times[SEEKS / 2 - 1]! + times[SEEKS / 2]!) / 2,
    worstMs: times[SEEKS - 1]!,
    seeks: SEEKS,
    historyVirtualMs: HISTORY_MS,
    buildMs,
    medianCpuMs: (cpu[SEEKS / 2 - 1]! + cpu[SEEKS / 2]!) / 2,
    worstCpuMs: cpu[SEEKS - 1]!,
    steps: history.end.step,
    traceEvents: history.records.length,
    checkpoints: internals.current.checkpoints.length,
    heapMb: process.memoryUsage().heapUsed / 1e6,
  };
}

export async function measureSeek(): Promise<SeekFigures & { medianCpuMs: number; worstCpuMs: number }> {
  const { medianMs, worstMs, seeks, historyVirtualMs, medianCpuMs, worstCpuMs } = await measure();
  return { medianMs, worstMs, seeks, historyVirtualMs, medianCpuMs, worstCpuMs };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const d = await measure();
  // The same run without a history, to show what keeping one costs.
  const plainStart = performance.now();
  new Simulation(tenMinutes()).runUntil(HISTORY_MS);
  const plainMs = performance.now() - plainStart;
  const ms = (x: number): string => `${x.toFixed(1)} ms`;
  process.stdout.write(
    [
      `history: ${d.historyVirtualMs / 1000} virtual s, 5 nodes, a write every ${WRITE_EVERY} ms`,
      `  built in ${ms(d.buildMs)}: ${d.steps} events, ${d.traceEvents} trace records, ${d.checkpoints} checkpoints, heap ${d.heapMb.toFixed(0)} MB`,
      `  the same run as a bare simulation (trace on, no history): ${ms(plainMs)}`,
      `seek to a random instant (${d.seeks} seeks): median ${ms(d.medianMs)}, worst ${ms(d.worstMs)} (target < 100 ms)`,
      `  processor time per seek: median ${ms(d.medianCpuMs)}, worst ${ms(d.worstCpuMs)}`,
      '',
    ].join('\n'),
  );
}
