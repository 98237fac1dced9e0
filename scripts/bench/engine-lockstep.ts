// Two builds' engines side by side in one process, 50 virtual seconds of each in turn (the order
// alternating): on a shared machine the other jobs' load then falls on both alike, where fresh
// processes seconds apart can meet very different loads. Not a bench row (the two share caches and a
// heap, so each figure is higher than a lone run's): a way to compare two builds.
//   npx tsx scripts/bench/engine-lockstep.ts <before root> <after root> [history|bare] [virtual seconds = 3600]
// A root is a checkout with node_modules. Processor time is the process's, charged to the side running.

import path from 'node:path';
import type { Scenario } from '../../src/sim/scenario-types';
import { WRITE_EVERY } from './engine-run';

interface Engine {
  runUntil(t: number): void;
  perform(action: Record<string, unknown>): unknown;
}

interface Side {
  readonly name: string;
  readonly run: (until: number) => void;
  wall: number;
  cpu: number;
}

const command = (n: number): string => (n % 4 === 3 ? `get k${n % 7}` : `set k${n % 7} ${n}`);

async function side(name: string, root: string, mode: 'history' | 'bare'): Promise<Side> {
  const at = (file: string) => import(path.resolve(root, file));
  const scenario = (await at('src/scenario/validate.ts')).validateScenario({ version: 1, seed: 42, nodes: 5 })
    .scenario as Scenario;
  const engine: Engine =
    mode === 'history'
      ? new (await at('src/sim/history.ts')).History(scenario)
      : new (await at('src/sim/simulation.ts')).Simulation(scenario, { recordTrace: false });
  let n = 0;
  let t = WRITE_EVERY;
  // The workload of engine-run.ts: a write every 100 virtual ms.
  const run = (until: number): void => {
    for (; t <= until; t += WRITE_EVERY) {
      engine.runUntil(t);
      const submit = { do: 'submit', command: command(++n) };
      engine.perform(mode === 'history' ? submit : { at: t, ...submit });
    }
  };
  return { name, run, wall: 0, cpu: 0 };
}

const [before, after, modeArg = 'history', secondsArg = '3600'] = process.argv.slice(2);
if (before === undefined || after === undefined || (modeArg !== 'history' && modeArg !== 'bare')) {
  process.stderr.write('usage: engine-lockstep.ts <before root> <after root> [history|bare] [virtual seconds]\n');
  process.exit(2);
}
const sides = [await side('before', before, modeArg), await side('after', after, modeArg)];
const SLICE = 50_000;
const end = Number(secondsArg) * 1000;
for (let until = SLICE, k = 0; until <= end; until += SLICE, k++) {
  for (const s of k % 2 === 0 ? sides : [...sides].reverse()) {
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    s.run(until);
    s.wall += performance.now() - wall0;
    const cpu = process.cpuUsage(cpu0);
    s.cpu += (cpu.user + cpu.system) / 1000;
  }
}
for (const s of sides) {
  process.stdout.write(
    `${s.name} ${modeArg}: ${(s.wall / 1000).toFixed(2)} s wall, ${(s.cpu / 1000).toFixed(2)} s processor\n`,
  );
}
