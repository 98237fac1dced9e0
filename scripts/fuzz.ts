// The fault-injecting fuzzer's command line.
//   npm run fuzz -- [--seeds N] [--seed S] [--minutes M] [--nodes N] [--unsafe NAME]
//   npm run fuzz -- --links N [--seed S]   the link fuzzer (src/check/links/link-fuzz.ts)
// Plays N random scenarios (crashes, partitions, lossy links, concurrent clients),
// each ending healed, and checks safety, liveness, durability and linearizability. A failure is
// shrunk and printed as scenario JSON (and a share link) ready for `npm run sim`.
// Exit: 0 when every case passed; 1 on a failure. With --unsafe the roles swap:
// finding a safety violation is the point, so 0 when one is found, 1 when none is.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEEDS, runCampaign, type FoundFailure } from '../src/check/fuzz/campaign';
import { toScenario, UNSAFE_NAMES, type UnsafeName } from '../src/check/fuzz/generate';
import { describeFailure } from '../src/check/fuzz/run';
import { runLinkCampaign } from '../src/check/links/link-fuzz';
import { MAX_NODES } from '../src/scenario/schema';
import type { Scenario } from '../src/scenario/schema';

const USAGE =
  'usage: fuzz [--seeds N] [--seed S] [--minutes M] [--nodes N] [--unsafe NAME]\n' +
  '  --seeds N     how many scenarios (default ' +
  DEFAULT_SEEDS +
  ')\n' +
  '  --seed S      the first seed (alone: replay just that seed)\n' +
  '  --minutes M   the fault phase of each scenario, in virtual minutes (default 2–6 s)\n' +
  '  --nodes N     a fixed cluster size (default 3–9)\n' +
  `  --unsafe NAME turn on one unsafe switch (${UNSAFE_NAMES.join(', ')}) and expect a violation\n` +
  '  --links N     instead: N mutated share links, each refused with a named field or played 5 s within budget';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function numberArg(name: string, text: string | undefined, min: number, max: number): number {
  const value = Number(text);
  if (text === undefined || !Number.isFinite(value) || value < min || value > max)
    fail(`${name}: expected a number from ${min} to ${max}, got "${text ?? ''}"`);
  return value;
}

/** The share link, when the URL module of the app is present (it is written separately). */
async function shareLink(scenario: Scenario): Promise<string | null> {
  const path = fileURLToPath(new URL('../src/scenario/url.ts', import.meta.url));
  if (!existsSync(path)) return null;
  try {
    const mod = (await import('../src/scenario/url')) as Record<string, unknown>;
    const encode = mod.encodeLink;
    if (typeof encode !== 'function') return null;
    const fragment: unknown = encode({ scenario });
    return typeof fragment === 'string' ? `http://localhost:4173/${fragment}` : null;
  } catch {
    return null;
  }
}

async function report(found: FoundFailure): Promise<void> {
  const { seed, failure, shrunk } = found;
  const small = shrunk?.case ?? found.case;
  const scenario = toScenario(small);
  const out = process.stdout;
  out.write(`\nseed ${seed} failed: ${describeFailure(failure)}\n`);
  if (shrunk) {
    out.write(
      `shrunk in ${shrunk.tries} replays to ${small.nodes} nodes and ${small.faults.length} fault actions: ` +
        `${describeFailure(shrunk.failure)}\n`,
    );
  }
  out.write(`scenario (save as a file and run: npm run sim -- FILE.json --until ${small.faultEnd + 10_000}):\n`);
  out.write(`${JSON.stringify(scenario)}\n`);
  const link = await shareLink(scenario);
  if (link) out.write(`link: ${link}\n`);
}

async function main(argv: string[]): Promise<void> {
  let seeds: number | undefined;
  let firstSeed: number | undefined;
  let faultMs: number | undefined;
  let nodes: number | undefined;
  let unsafe: UnsafeName | null = null;
  let links: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = argv[i + 1];
    if (arg === '--links') links = numberArg(arg, value, 1, 1e7);
    else if (arg === '--seeds') seeds = numberArg(arg, value, 1, 1e9);
    else if (arg === '--seed') firstSeed = numberArg(arg, value, 0, 0xffffffff);
    else if (arg === '--minutes') faultMs = numberArg(arg, value, 0.001, 24 * 60) * 60_000;
    else if (arg === '--nodes') nodes = numberArg(arg, value, 1, MAX_NODES);
    else if (arg === '--unsafe') {
      if (!UNSAFE_NAMES.includes(value as UnsafeName)) fail(`--unsafe: expected one of ${UNSAFE_NAMES.join(', ')}`);
      unsafe = value as UnsafeName;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return;
    } else fail(`unknown argument "${arg}"`);
    i++;
  }
  if (links !== undefined) return fuzzLinks(links, firstSeed ?? 1);
  const count = seeds ?? (firstSeed !== undefined ? 1 : DEFAULT_SEEDS);
  const start = firstSeed ?? 1;
  process.stdout.write(
    `fuzzing seeds ${start}–${start + count - 1}` +
      `${nodes ? `, ${nodes} nodes` : ''}${faultMs ? `, ${faultMs / 1000} s of faults each` : ''}` +
      `${unsafe ? `, unsafe: ${unsafe}` : ''}\n`,
  );
  const began = performance.now();
  const result = runCampaign(
    {
      seeds: count,
      firstSeed: start,
      ...(nodes !== undefined ? { nodes } : {}),
      ...(faultMs !== undefined ? { faultMs } : {}),
      unsafe,
      stopAtFirst: true,
      shrink: true,
    },
    (_seed, done) => {
      if (process.stdout.isTTY && done % 50 === 0) process.stdout.write(`\r${done}/${count}`);
    },
  );
  const wall = (performance.now() - began) / 1000;
  if (process.stdout.isTTY) process.stdout.write('\r');
  for (const f of result.failures) await report(f);

  const perMinute = Math.round((result.cases / wall) * 60);
  process.stdout.write(
    `\n${result.cases} scenarios, ${result.events.toLocaleString('en')} events, ` +
      `${(result.virtualMs / 1000).toFixed(0)} virtual s in ${wall.toFixed(1)} s wall (${perMinute.toLocaleString('en')} scenarios/min); ` +
      `${result.failures.length} failed${result.undecided ? `, ${result.undecided} linearizability searches gave up` : ''}\n`,
  );
  if (unsafe) {
    // The read switches break linearizability, not a log invariant: the history checker must catch them.
    const readSwitch = unsafe === 'localReads' || unsafe === 'leaseIgnoresDrift';
    const found = result.failures.find((f) => f.failure.kind === (readSwitch ? 'linearizability' : 'safety'));
    if (found) {
      const what = found.failure.kind === 'safety' ? found.failure.invariant : found.failure.kind;
      process.stdout.write(`unsafe ${unsafe}: the checker caught "${what}" (seed ${found.seed})\n`);
      process.exit(0);
    }
    process.stdout.write(`unsafe ${unsafe}: no violation found — the checks may be vacuous\n`);
    process.exit(1);
  }
  process.exit(result.failures.length === 0 ? 0 : 1);
}

function fuzzLinks(count: number, firstSeed: number): void {
  process.stdout.write(`fuzzing ${count} links from seed ${firstSeed}\n`);
  const began = performance.now();
  const result = runLinkCampaign(count, firstSeed, (done) => {
    if (process.stdout.isTTY && done % 100 === 0) process.stdout.write(`\r${done}/${count}`);
  });
  if (process.stdout.isTTY) process.stdout.write('\r');
  for (const f of result.failures.slice(0, 20))
    process.stdout.write(`seed ${f.seed} (${f.mutation}) failed: ${f.detail}\n  ${f.link.slice(0, 300)}\n`);
  const wall = (performance.now() - began) / 1000;
  for (const [mutation, n] of Object.entries(result.byMutation))
    process.stdout.write(`  ${mutation.padEnd(20)} ${n.refused} refused, ${n.played} played\n`);
  process.stdout.write(
    `${result.links} links: ${result.refused} refused with a named field or step, ${result.played} played 5 s ` +
      `(${result.events.toLocaleString('en')} events) in ${wall.toFixed(1)} s wall; ${result.failures.length} failed\n`,
  );
  process.exit(result.failures.length === 0 ? 0 : 1);
}

void main(process.argv.slice(2));
