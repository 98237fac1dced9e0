// The headless runner's command line.
//   npm run --silent sim -- FILE.json [--until MS] [--trace]
// prints the cluster at MS as JSON; exit 0 without violations, 1 with violations,
// 2 for bad input (with a message naming the field on stderr).

import { readFileSync } from 'node:fs';
import { runScenario } from '../src/scenario/run';
import { validateScenario } from '../src/scenario/validate';

const USAGE = 'usage: sim FILE.json [--until MS] [--trace]';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function main(argv: string[]): void {
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
  const out = runScenario(result.scenario, until, trace);
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(out.violations.length > 0 ? 1 : 0);
}

main(process.argv.slice(2));
