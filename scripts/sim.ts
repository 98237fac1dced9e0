// The headless runner's command line.
//   npm run --silent sim -- FILE.json [--until MS] [--trace]
// prints the cluster at MS as JSON; exit 0 without violations, 1 with violations,
// 2 for bad input (with a message naming the field on stderr), 3 for an internal error.
// With --trace, every trace event is first written as one JSON line as the run goes (so an
// hour-long run streams instead of building one huge string), and the report is the last line.
//   npm run --silent sim -- encode FILE.json [--at MS]   prints the share-link fragment (#v1.…)
//   npm run --silent sim -- decode 'URL-or-fragment'      prints the link's scenario as JSON
//   npm run --silent sim -- lessons                       lists the lesson library with links
// The subcommands exit 0 on success and 2 on bad input.

import { once } from 'node:events';
import { MAX_TIME } from '../src/scenario/bounds';
import { cut } from '../src/scenario/bounded-text';
import { LESSONS } from '../src/scenario/lessons';
import { report, runScenario } from '../src/scenario/run';
import { compactScenario, decodeLink, encodeCheckedLink, encodeLink, MAX_AT } from '../src/scenario/url';
import type { Scenario } from '../src/scenario/schema';
import { validateScenario } from '../src/scenario/validate';
import { Simulation } from '../src/sim/simulation';
import { fail, InputError, readScenario, readTime } from './cli-input';

const USAGE = [
  'usage: sim FILE.json [--until MS] [--trace]',
  '       sim encode FILE.json [--at MS]',
  "       sim decode 'URL-or-fragment'",
  '       sim lessons',
].join('\n');

async function run(argv: string[]): Promise<void> {
  let file: string | undefined;
  let until = 10_000;
  let trace = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--trace') trace = true;
    else if (arg === '--until') until = readTime('--until', argv[++i], MAX_TIME, USAGE);
    else if (arg.startsWith('--')) fail(`unknown option ${cut(arg)}\n${USAGE}`);
    else if (file === undefined) file = arg;
    else fail(`unexpected argument "${cut(arg)}"\n${USAGE}`);
  }
  if (file === undefined) fail(USAGE);
  const scenario = readScenario(file);
  const out = trace ? await runStreamingTrace(scenario, until) : runScenario(scenario, until);
  await write(`${JSON.stringify(out)}\n`);
  // exitCode, not exit(): exit() can cut off a large output still flowing into a pipe.
  process.exitCode = out.violations.length > 0 ? 1 : 0;
}

/** Virtual time run between two writes of trace lines. */
const TRACE_SLICE_MS = 1_000;

/** Runs to `until`, writing each trace event as a JSON line as it comes; returns the report (without trace). */
async function runStreamingTrace(scenario: Scenario, until: number): Promise<ReturnType<typeof report>> {
  const sim = new Simulation(scenario, { recordTrace: true });
  let written = 0;
  for (let t = Math.min(until, TRACE_SLICE_MS); ; t = Math.min(until, t + TRACE_SLICE_MS)) {
    sim.runUntil(t);
    const records = sim.records;
    let lines = '';
    for (; written < records.length; written++) lines += `${JSON.stringify(records.at(written))}\n`;
    await write(lines);
    if (t >= until) break;
  }
  return report(sim, false);
}

/** Writes to stdout and waits while the pipe is full, so a long output never piles up in memory. */
async function write(text: string): Promise<void> {
  if (text.length > 0 && !process.stdout.write(text)) await once(process.stdout, 'drain');
}

function encode(argv: string[]): void {
  let file: string | undefined;
  let at = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--at') at = readTime('--at', argv[++i], MAX_AT, USAGE);
    else if (arg.startsWith('--')) fail(`unknown option ${cut(arg)}\n${USAGE}`);
    else if (file === undefined) file = arg;
    else fail(`unexpected argument "${cut(arg)}"\n${USAGE}`);
  }
  if (file === undefined) fail(USAGE);
  const scenario = readScenario(file);
  // What the app writes, it can read: a link the decoder would refuse is not printed.
  const link = encodeCheckedLink({ scenario, at });
  if (!link.ok) fail(`this scenario makes a link that cannot be opened: ${link.error}`);
  process.stdout.write(`${link.fragment}\n`);
}

function decode(argv: string[]): void {
  if (argv.length !== 1) fail(USAGE);
  const result = decodeLink(argv[0]!);
  if (!result.ok) fail(result.error);
  process.stdout.write(`${JSON.stringify(compactScenario(result.link.scenario), null, 2)}\n`);
}

function lessons(argv: string[]): void {
  if (argv.length > 0) fail(USAGE);
  for (const lesson of LESSONS) {
    const scenario = validateScenario(lesson.scenario);
    if (!scenario.ok) fail(`lesson ${lesson.id}: ${scenario.errors.join('; ')}`);
    // At the first pause, whose caption the lesson shows, and in whatever language the reader uses.
    const link = encodeLink({
      scenario: scenario.scenario,
      at: lesson.beats[0]?.at ?? 0,
      view: { lesson: lesson.id, beat: 0, lang: null },
    });
    process.stdout.write(`§${lesson.section}\t${lesson.id}\t${lesson.title.en}\t${link}\n`);
  }
}

async function main(argv: string[]): Promise<void> {
  const [first, ...rest] = argv;
  try {
    if (first === 'encode') encode(rest);
    else if (first === 'decode') decode(rest);
    else if (first === 'lessons') lessons(rest);
    else await run(argv);
  } catch (e) {
    // Never a stack trace: bad input exits 2 with its message, anything else 3 with one line.
    if (e instanceof InputError) {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`sim: internal error: ${cut(e instanceof Error ? e.message : String(e), 200)}\n`);
      process.exitCode = 3;
    }
  }
}

void main(process.argv.slice(2));
