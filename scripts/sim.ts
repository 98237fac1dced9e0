// The headless runner's command line.
//   npm run --silent sim -- FILE.json [--until MS] [--trace]
// prints the cluster at MS as JSON; exit 0 without violations, 1 with violations,
// 2 for bad input (with a message naming the field on stderr).
//   npm run --silent sim -- encode FILE.json [--at MS]   prints the share-link fragment (#v1.…)
//   npm run --silent sim -- decode 'URL-or-fragment'      prints the link's scenario as JSON
//   npm run --silent sim -- lessons                       lists the lesson library with links
// The subcommands exit 0 on success and 2 on bad input.

import { readFileSync } from 'node:fs';
import { LESSONS } from '../src/scenario/lessons';
import { runScenario } from '../src/scenario/run';
import { compactScenario, decodeLink, encodeLink, MAX_AT } from '../src/scenario/url';
import type { Scenario } from '../src/scenario/schema';
import { validateScenario } from '../src/scenario/validate';

const USAGE = [
  'usage: sim FILE.json [--until MS] [--trace]',
  '       sim encode FILE.json [--at MS]',
  "       sim decode 'URL-or-fragment'",
  '       sim lessons',
].join('\n');

/** Bad input: reported on stderr with exit status 2 by main(). */
class InputError extends Error {}

function fail(message: string): never {
  throw new InputError(message);
}

function readScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    fail(`${file}: cannot read (${(e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    fail(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const result = validateScenario(json);
  if (!result.ok) fail(result.errors.join('\n'));
  return result.scenario;
}

function run(argv: string[]): void {
  let file: string | undefined;
  let until = 10_000;
  let trace = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--trace') trace = true;
    else if (arg === '--until') {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value < 0) fail(`--until: expected a time in ms, got "${argv[i] ?? ''}"`);
      until = value;
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}\n${USAGE}`);
    else if (file === undefined) file = arg;
    else fail(`unexpected argument "${arg}"\n${USAGE}`);
  }
  if (file === undefined) fail(USAGE);
  const scenario = readScenario(file);
  const out = runScenario(scenario, until, trace);
  process.stdout.write(`${JSON.stringify(out)}\n`);
  // exitCode, not exit(): exit() can cut off a large output still flowing into a pipe.
  process.exitCode = out.violations.length > 0 ? 1 : 0;
}

function encode(argv: string[]): void {
  let file: string | undefined;
  let at = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--at') {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value < 0 || value > MAX_AT)
        fail(`--at: expected a time from 0 to ${MAX_AT} ms, got "${argv[i] ?? ''}"`);
      at = value;
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}\n${USAGE}`);
    else if (file === undefined) file = arg;
    else fail(`unexpected argument "${arg}"\n${USAGE}`);
  }
  if (file === undefined) fail(USAGE);
  const scenario = readScenario(file);
  process.stdout.write(`${encodeLink({ scenario, at })}\n`);
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
    const link = encodeLink({ scenario: scenario.scenario, view: { lesson: lesson.id, beat: 0 } });
    process.stdout.write(`§${lesson.section}\t${lesson.id}\t${lesson.title.en}\t${link}\n`);
  }
}

function main(argv: string[]): void {
  const [first, ...rest] = argv;
  try {
    if (first === 'encode') encode(rest);
    else if (first === 'decode') decode(rest);
    else if (first === 'lessons') lessons(rest);
    else run(argv);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 2;
  }
}

main(process.argv.slice(2));
