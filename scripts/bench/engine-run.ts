// One engine measurement in this process, printed as one JSON line. The bench starts a fresh
// process for every run length and every sample (scripts/bench/engine.ts), so no run warms the
// JIT or fills the heap for the next one.
//   npx tsx scripts/bench/engine-run.ts <bare|history|host> <virtual seconds>
// (The bench itself runs a production build of this file: see engine-bundle.ts.)
//
// The workload everywhere: 5 nodes (seed 42), a client write every 100 virtual ms.
//   bare     the Simulation alone, no checker work kept apart, no trace, no history: this engine's bare loop
//   history  the History the worker runs: checker, trace, checkpoints, timeline
//   host     the worker's EngineHost driven by a fake wall clock at 1× (each tick 100 virtual ms, a frame
//            after every tick, each frame structured-cloned as postMessage would, its trace buffer transferred, the UI "ready" at once,
//            handing the frame's buffer back as the store does)

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { History } from '../../src/sim/history';
import { Simulation } from '../../src/sim/simulation';
import { validateScenario } from '../../src/scenario/validate';
import type { Scenario } from '../../src/sim/scenario-types';
import { EngineHost, type WallClock } from '../../src/worker/engine-host';
import { transferList, transferToWorker, type FromWorker, type ToWorker } from '../../src/worker/protocol';

export type EngineMode = 'bare' | 'history' | 'host';

export interface EngineSample {
  readonly mode: EngineMode;
  readonly virtualSeconds: number;
  readonly wallSeconds: number;
  /** Processor time of this process (user + system), less sensitive to other work on the machine. */
  readonly cpuSeconds: number;
  readonly events: number;
  /** JS heap plus array buffers after the run and a full collection (MB). */
  readonly heapMB: number;
  /** Peak resident set size of the process (MB). */
  readonly rssMB: number;
  readonly frames: number;
}

export const WRITE_EVERY = 100;

function collectGarbage(): void {
  if (typeof global.gc !== 'function') setFlagsFromString('--expose-gc');
  const gc = typeof global.gc === 'function' ? global.gc : (runInNewContext('gc') as () => void);
  gc();
}

function scenario(): Scenario {
  const result = validateScenario({ version: 1, seed: 42, nodes: 5 });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

const command = (n: number): string => (n % 4 === 3 ? `get k${n % 7}` : `set k${n % 7} ${n}`);

/** Runs the workload; returns the events processed, frames posted and what must stay alive until measured. */
function run(mode: EngineMode, end: number): { events: number; frames: number; keep: unknown } {
  const s = scenario();
  if (mode === 'bare') {
    const sim = new Simulation(s, { recordTrace: false });
    let n = 0;
    for (let t = WRITE_EVERY; t <= end; t += WRITE_EVERY) {
      sim.runUntil(t);
      sim.perform({ at: t, do: 'submit', command: command(++n) });
    }
    sim.runUntil(end);
    return { events: sim.stepCount, frames: 0, keep: sim };
  }
  if (mode === 'history') {
    const h = new History(s);
    let n = 0;
    for (let t = WRITE_EVERY; t <= end; t += WRITE_EVERY) {
      h.runUntil(t);
      h.perform({ do: 'submit', command: command(++n) });
    }
    h.runUntil(end);
    return { events: h.end.step, frames: 0, keep: h };
  }
  throw new Error(`run(${mode}): the host path is runHost`);
}

/** The worker's host at 1×, a tick every 100 wall ms of a fake clock; the UI is ready for every frame. */
async function runHost(end: number): Promise<{ events: number; frames: number; keep: unknown }> {
  let wall = 0;
  let tick: (() => void) | null = null;
  const clock: WallClock = {
    now: () => wall,
    every: (_ms, f) => {
      tick = f;
      return () => (tick = null);
    },
  };
  let frames = 0;
  let ready = false;
  let spare: ArrayBuffer | undefined;
  const host = new EngineHost((message: FromWorker) => {
    if (message.type !== 'packedFrame') return;
    // What postMessage does to every frame on its way to the UI thread (the packed trace is transferred).
    spare = structuredClone(message, { transfer: transferList(message) }).numbers.buffer;
    frames++;
    ready = true;
  }, clock);
  host.receive({ type: 'load', scenario: scenario() });
  host.receive({ type: 'speed', speed: 1 });
  host.receive({ type: 'play' });
  let n = 0;
  for (let t = WRITE_EVERY; t <= end; t += WRITE_EVERY) {
    wall += WRITE_EVERY;
    (tick as (() => void) | null)?.();
    host.receive({ type: 'act', action: { do: 'submit', command: command(++n) } });
    // The UI drew the frame and says so before the next tick.
    if (ready) {
      ready = false;
      // With the frame's buffer, handed back through postMessage as the store does.
      const back: ToWorker = spare === undefined ? { type: 'ready' } : { type: 'ready', spare };
      host.receive(structuredClone(back, { transfer: transferToWorker(back) }));
    }
  }
  const internals = host as unknown as { history: History };
  return { events: internals.history.end.step, frames, keep: host };
}

export async function measure(mode: EngineMode, virtualSeconds: number): Promise<EngineSample> {
  collectGarbage();
  const cpu0 = process.cpuUsage();
  const began = performance.now();
  const end = virtualSeconds * 1000;
  const result = mode === 'host' ? await runHost(end) : run(mode, end);
  const wallSeconds = (performance.now() - began) / 1000;
  const cpu = process.cpuUsage(cpu0);
  collectGarbage();
  const memory = process.memoryUsage();
  const sample: EngineSample = {
    mode,
    virtualSeconds,
    wallSeconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    events: result.events,
    heapMB: (memory.heapUsed + memory.arrayBuffers) / 2 ** 20,
    rssMB: process.resourceUsage().maxRSS / 1024,
    frames: result.frames,
  };
  // Alive until here, so the heap figure includes what the run keeps.
  void result.keep;
  return sample;
}

// Run directly, from source under tsx or as the production build engine-bundle.ts makes of it.
if (/engine-run\.(ts|mjs)$/.test(process.argv[1] ?? '')) {
  const mode = process.argv[2] as EngineMode;
  const seconds = Number(process.argv[3]);
  if (!['bare', 'history', 'host'].includes(mode) || !(seconds > 0)) {
    process.stderr.write('usage: engine-run.(ts|mjs) <bare|history|host> <virtual seconds>\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(await measure(mode, seconds))}\n`);
}
