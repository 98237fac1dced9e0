// Two builds' History and worker host path, side by side in one process, a tick of each in turn: on a
// shared machine the other jobs' load then falls on all four alike, where fresh processes a few seconds
// apart can meet very different loads. Each tick is timed; the host's flush, its frame building and the
// clone are timed apart. Not a bench row (the four share caches and a heap, so each figure is higher
// than a lone run's): a way to compare two builds.
//   npx tsx scripts/bench/host-lockstep.ts <before root> <after root> [virtual seconds = 600]
// A root is a checkout with node_modules (a git worktree of the commit to compare).
// The root given second comes out about 15% ahead in host ÷ History even against the very same commit
// (0.43–0.45 first, 0.49–0.52 second, three runs): compare two builds by running both orders.

import path from 'node:path';
import type { WallClock } from '../../src/worker/engine-host';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';
import type { Scenario } from '../../src/sim/scenario-types';
import { WRITE_EVERY } from './engine-run';

interface Build {
  readonly EngineHost: new (post: (m: FromWorker) => void, clock: WallClock) => { receive(m: ToWorker): void };
  readonly transferList: (m: FromWorker) => Transferable[];
  readonly scenario: Scenario;
  readonly History: new (s: Scenario) => {
    runUntil(t: number): void;
    perform(a: { do: 'submit'; command: string }): unknown;
  };
}

async function load(root: string): Promise<Build> {
  const at = (file: string) => import(path.resolve(root, file));
  const validated = (await at('src/scenario/validate.ts')).validateScenario({ version: 1, seed: 42, nodes: 5 });
  return {
    EngineHost: (await at('src/worker/engine-host.ts')).EngineHost,
    transferList: (await at('src/worker/protocol.ts')).transferList,
    History: (await at('src/sim/history.ts')).History,
    scenario: validated.scenario,
  };
}

const command = (n: number): string => (n % 4 === 3 ? `get k${n % 7}` : `set k${n % 7} ${n}`);
const parts = new Map<string, number>();
const add = (key: string, ms: number): void => void parts.set(key, (parts.get(key) ?? 0) + ms);

/** Times a method of the host class under `label` (the frame's building was renamed between builds). */
function timeMethod(proto: Record<string, unknown>, name: string, label: string): void {
  const original = proto[name];
  if (typeof original !== 'function') return;
  proto[name] = function (this: unknown, ...args: unknown[]) {
    const began = performance.now();
    try {
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } finally {
      add(label, performance.now() - began);
    }
  };
}

function hostRunner(b: Build, side: string): () => void {
  const proto = b.EngineHost.prototype as Record<string, unknown>;
  timeMethod(proto, 'flush', `${side} flush`);
  timeMethod(proto, 'packFrame', `${side} frame building`);
  timeMethod(proto, 'frameSnapshot', `${side} frame building`);
  let wall = 0;
  let tick: (() => void) | null = null;
  let ready = false;
  let n = 0;
  /** The frame's buffer, handed back with `ready` as the store does (a build before that ignores it). */
  let spare: ArrayBuffer | undefined;
  const host = new b.EngineHost(
    (m) => {
      if (m.type !== 'frame' && m.type !== 'packedFrame') return;
      const began = performance.now();
      const received = structuredClone(m, { transfer: b.transferList(m) });
      add(`${side} clone`, performance.now() - began);
      if (received.type === 'packedFrame') spare = received.numbers.buffer;
      ready = true;
    },
    {
      now: () => wall,
      every: (_ms, f) => {
        tick = f;
        return () => (tick = null);
      },
    },
  );
  host.receive({ type: 'load', scenario: b.scenario });
  host.receive({ type: 'speed', speed: 1 });
  host.receive({ type: 'play' });
  return () => {
    wall += WRITE_EVERY;
    (tick as (() => void) | null)?.();
    host.receive({ type: 'act', action: { do: 'submit', command: command(++n) } });
    if (ready) {
      ready = false;
      const back = spare === undefined ? {} : { spare };
      host.receive(structuredClone({ type: 'ready', ...back }, { transfer: spare === undefined ? [] : [spare] }));
    }
  };
}

function historyRunner(b: Build): () => void {
  const h = new b.History(b.scenario);
  let n = 0;
  let t = 0;
  return () => {
    t += WRITE_EVERY;
    h.runUntil(t);
    h.perform({ do: 'submit', command: command(++n) });
  };
}

const [beforeRoot, afterRoot, secondsArg] = process.argv.slice(2);
if (!beforeRoot || !afterRoot) {
  process.stderr.write('usage: host-lockstep.ts <before root> <after root> [virtual seconds]\n');
  process.exit(2);
}
const seconds = Number(secondsArg ?? 600);
const before = await load(beforeRoot);
const after = await load(afterRoot);
const runners: [string, () => void][] = [
  ['before history', historyRunner(before)],
  ['before host', hostRunner(before, 'before')],
  ['after history', historyRunner(after)],
  ['after host', hostRunner(after, 'after')],
];
const spent = new Map(runners.map(([name]) => [name, 0]));
const ticks = (seconds * 1000) / WRITE_EVERY;
for (let i = 0; i < ticks; i++) {
  // Alternate the order, so neither build always runs right after the other's garbage.
  for (const [name, step] of i % 2 === 0 ? runners : [...runners].reverse()) {
    const began = performance.now();
    step();
    spent.set(name, spent.get(name)! + performance.now() - began);
  }
}
for (const [name, ms] of spent)
  console.log(`${name.padEnd(15)} ${(ms / 1000).toFixed(2)} s  ${Math.round((seconds * 1000) / ms)} virtual s/s`);
for (const side of ['before', 'after'])
  console.log(`${side} host ÷ History: ${(spent.get(`${side} history`)! / spent.get(`${side} host`)!).toFixed(3)}`);
for (const [name, ms] of [...parts].sort())
  console.log(`${name.padEnd(24)} ${((ms / ticks) * 1000).toFixed(1)} µs per frame`);
