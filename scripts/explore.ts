// The bounded model checker's command line.
//   npm run --silent explore -- FILE.json [--at MS] [--max-term N] [--max-log N] [--crashes N]
//       [--restarts N] [--writes N] [--duplicates N] [--heartbeats N] [--changes N] [--reads N]
//       [--ticks N] [--depth N] [--max-states N] [--no-symmetry] [--no-drops]
// Runs FILE's scenario to MS (default: its last scripted action), then explores every order of
// events from there within the bounds (src/check/explore). Prints one JSON object: the counts,
// whether the bounded space was exhausted, and any counterexample as a scenario and a share link.
// Exit: 0 when no violation was found (exhausted, or stopped at a bound); 1 with a violation;
// 2 for bad input (the option or field named on stderr); 3 for an internal error.

import { MAX_TIME } from '../src/scenario/bounds';
import { cut } from '../src/scenario/bounded-text';
import { compactScenario, encodeCheckedLink } from '../src/scenario/url';
import {
  BOUND_RANGES,
  DEFAULT_BOUNDS,
  MAX_EXPLORED_NODES,
  type ExploreBounds,
  type NumericBound,
} from '../src/check/explore/bounds';
import { explore } from '../src/check/explore/explore';
import { fail, InputError, readCount, readScenario, readTime } from './cli-input';

const USAGE = [
  'usage: explore FILE.json [--at MS] [--max-term N] [--max-log N] [--crashes N] [--restarts N]',
  '               [--writes N] [--duplicates N] [--heartbeats N] [--changes N] [--reads N] [--ticks N]',
  '               [--depth N] [--max-states N] [--no-symmetry] [--no-drops]',
  `  defaults: --max-term ${DEFAULT_BOUNDS.maxTerm} --max-log ${DEFAULT_BOUNDS.maxLog} --crashes ${DEFAULT_BOUNDS.crashes}` +
    ` --restarts ${DEFAULT_BOUNDS.restarts} --writes ${DEFAULT_BOUNDS.writes} --duplicates ${DEFAULT_BOUNDS.duplicates}` +
    ` --heartbeats ${DEFAULT_BOUNDS.heartbeats} --changes ${DEFAULT_BOUNDS.changes}` +
    ` --reads ${DEFAULT_BOUNDS.reads} --ticks ${DEFAULT_BOUNDS.ticks} --depth ${DEFAULT_BOUNDS.depth} --max-states ${DEFAULT_BOUNDS.maxStates}`,
].join('\n');

/** The options that set a numeric bound; their ranges are BOUND_RANGES. */
const NUMERIC: Record<string, NumericBound> = {
  '--max-term': 'maxTerm',
  '--max-log': 'maxLog',
  '--crashes': 'crashes',
  '--restarts': 'restarts',
  '--writes': 'writes',
  '--duplicates': 'duplicates',
  '--heartbeats': 'heartbeats',
  '--changes': 'changes',
  '--reads': 'reads',
  '--ticks': 'ticks',
  '--depth': 'depth',
  '--max-states': 'maxStates',
};

function main(argv: string[]): void {
  let file: string | undefined;
  let at: number | undefined;
  const bounds: ExploreBounds = { ...DEFAULT_BOUNDS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const numeric = NUMERIC[arg];
    if (numeric) {
      const [min, max] = BOUND_RANGES[numeric];
      bounds[numeric] = readCount(arg, argv[++i], min, max, USAGE);
    } else if (arg === '--at') at = readTime('--at', argv[++i], MAX_TIME, USAGE);
    else if (arg === '--no-symmetry') bounds.symmetry = false;
    else if (arg === '--no-drops') bounds.drops = false;
    else if (arg.startsWith('--')) fail(`unknown option ${cut(arg)}\n${USAGE}`);
    else if (file === undefined) file = arg;
    else fail(`unexpected argument "${cut(arg)}"\n${USAGE}`);
  }
  if (file === undefined) fail(USAGE);
  const scenario = readScenario(file);
  if (scenario.nodes > MAX_EXPLORED_NODES)
    fail(`nodes: ${scenario.nodes} nodes; the explorer takes clusters of up to ${MAX_EXPLORED_NODES}`);
  const start = at ?? Math.max(0, ...scenario.actions.map((a) => a.at));

  const began = performance.now();
  const result = explore(scenario, start, bounds, {
    onProgress: (p) => process.stderr.write(`depth ${p.depth}: ${p.states} states, ${p.frontier} to expand\n`),
  });
  const seconds = (performance.now() - began) / 1000;
  const found = result.counterexample;
  const link = found ? encodeCheckedLink({ scenario: found.scenario, at: found.violation.time }) : null;
  const out = {
    at: start,
    bounds,
    states: result.states,
    transitions: result.transitions,
    depth: result.depth,
    outcome: result.outcome,
    exhausted: result.outcome === 'exhausted',
    symmetry: result.symmetry,
    statesPerSecond: Math.round(result.states / Math.max(seconds, 1e-3)),
    violation: found?.violation ?? null,
    path: found?.path ?? null,
    scenario: found ? compactScenario(found.scenario) : null,
    link: link?.ok ? `http://localhost:4173/${link.fragment}` : null,
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  process.exitCode = found ? 1 : 0;
}

try {
  main(process.argv.slice(2));
} catch (e) {
  // Never a stack trace: bad input exits 2 with its message, anything else 3 with one line.
  if (e instanceof InputError) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`explore: internal error: ${cut(e instanceof Error ? e.message : String(e), 200)}\n`);
    process.exitCode = 3;
  }
}
