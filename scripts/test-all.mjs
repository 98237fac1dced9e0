// Runs every check and test suite in turn and ends with one plain line
// "N passed, N failed" over all of them; exits non-zero on any failure.
// typecheck and lint count as one check each; vitest and Playwright report their own counts.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const out = join('test-results', 'summary');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

let passed = 0;
let failed = 0;

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

for (const [title, script] of [
  ['typecheck', 'typecheck'],
  ['lint', 'lint'],
]) {
  if (run(title, 'npm', ['run', '--silent', script])) passed++;
  else failed++;
}

// Unit, component and property tests.
const vitestJson = join(out, 'vitest.json');
const vitestOk = run('unit tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  if (!vitestOk && vitest.numFailedTests === 0) failed++; // a suite that failed to load
} else failed++;

// End-to-end tests in Chromium against the built app.
const playwrightJson = join(out, 'playwright.json');
const e2eOk = run('e2e tests', 'npx', ['playwright', 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
});
const playwright = readJson(playwrightJson);
if (playwright?.stats) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  if (!e2eOk && playwright.stats.unexpected === 0) failed++;
} else failed++;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
