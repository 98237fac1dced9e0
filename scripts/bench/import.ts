// A valid 10,000-action scenario imported into the authoring panel, in headless Chromium: the time from
// choosing the file to "Imported …" on screen, and the longest stretch the page's main thread was
// blocked meanwhile (Long Tasks API). Issue 13: under a second, without blocking the page.
//
// Baseline, measured in the same run on the same pages: a one-action file through the same path (file
// read, import worker, panel drawn). On a shared machine both move with the load; the difference is
// what the 10,000 actions themselves cost. `npx tsx scripts/bench/import.ts` runs it alone.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readImport } from '../../src/ui/authoring/draft';
import { warmUpFile } from '../../src/ui/authoring/import-warm-up';
import { buildApp, launchBenchChromium, previewApp } from './browser';

export const IMPORT_ACTIONS = 10_000;

export interface ImportFigures {
  /** Choosing the file to the result on screen, median of the runs. */
  readonly resultMs: number;
  /** The same for a one-action file, median of runs interleaved with those above. */
  readonly baselineMs: number;
  /** The longest main-thread task while importing the big file and autosaving it (worst run). */
  readonly longestTaskMs: number;
  /** After a reload, opening the panel to "draft restored" for the big draft, median of the runs. */
  readonly restoreMs: number;
  /** The longest main-thread task while that draft is restored (worst run). */
  readonly restoreLongestTaskMs: number;
  /** readImport alone in Node, after the worker's warm-up (what the import worker does), best of 3. */
  readonly validateMs: number;
  /** readImport alone in Node, first call in this process (a cold worker), in ms. */
  readonly validateColdMs: number;
}

/** A port nobody listens on now (several checkouts may bench at once). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function scenarioText(count: number): string {
  const actions = Array.from({ length: count }, (_, i) =>
    i % 4 === 0
      ? { at: i * 10, do: 'kill', node: 'ABCDE'[i % 5] }
      : i % 4 === 1
        ? { at: i * 10, do: 'restart', node: 'ABCDE'[(i - 1) % 5] }
        : { at: i * 10, do: 'submit', command: `set k${i % 50} ${i}` },
  );
  return JSON.stringify({ version: 1, nodes: 5, seed: 3, actions });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const LONG_TASKS = `new Promise((resolve) => {
  window.__tasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask' });
  resolve(true);
})`;

export async function measureImport(runs = 3): Promise<ImportFigures> {
  const text = scenarioText(IMPORT_ACTIONS);
  let began = performance.now();
  if (!readImport(text).ok) throw new Error('the bench scenario is not valid');
  const validateColdMs = performance.now() - began;
  readImport(warmUpFile());
  let validateMs = Infinity;
  for (let i = 0; i < 3; i++) {
    began = performance.now();
    readImport(text);
    validateMs = Math.min(validateMs, performance.now() - began);
  }

  const port = await freePort();
  const out = mkdtempSync(join(tmpdir(), 'raft-import-bench-'));
  // Files on disk: Playwright hands a path to the browser as a user's choice would, whereas a buffer is
  // rebuilt into a File by script in the page, which would count as the page's own work.
  const files = mkdtempSync(join(tmpdir(), 'raft-import-file-'));
  const big = join(files, 'big.scenario.json');
  const small = join(files, 'small.scenario.json');
  writeFileSync(big, text);
  writeFileSync(small, scenarioText(1));
  buildApp(out);
  const server = previewApp(out, port);
  const browser = await launchBenchChromium();
  /** The longest task that ended after `since` (page time). */
  const longestSince = async (page: Page, since: number): Promise<number> => {
    const tasks = (await page.evaluate('window.__tasks')) as [number, number][];
    let longest = 0;
    for (const [taskStart, duration] of tasks) if (taskStart + duration >= since) longest = Math.max(longest, duration);
    return longest;
  };
  /**
   * One import on a fresh page: ms from choosing the file to the result, and the longest task meanwhile
   * and until the draft was autosaved. With `restore`, the page is then reloaded and the panel opened
   * again: ms to "draft restored", and the longest task meanwhile.
   */
  const importOnce = async (
    file: string,
    name: string,
    restore = false,
  ): Promise<{ ms: number; longest: number; restoreMs: number; restoreLongest: number }> => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      await page.addInitScript(() => localStorage.setItem('raft-classroom.lang', 'en'));
      await page.goto(`http://127.0.0.1:${port}/`);
      // Paused, so the long tasks counted are the import's, not the playing cluster's frames.
      const pause = page.getByRole('button', { name: 'Pause', exact: true });
      await pause.waitFor({ timeout: 120_000 });
      await pause.click();
      await page.getByRole('button', { name: 'Author a lesson' }).click();
      const input = page.getByLabel('Import a JSON file (scenario or lesson)');
      await input.waitFor({ state: 'attached' });
      await page.evaluate(LONG_TASKS);
      // The page settles first (the engine worker, the side panels loading after the first frame, the
      // import worker warming up while a teacher would be choosing the file).
      await page.waitForTimeout(3000);
      const pageBegan = (await page.evaluate('performance.now()')) as number;
      const start = performance.now();
      await input.setInputFiles(file);
      await page.getByText(`Imported “${name}”.`).waitFor({ timeout: 60_000 });
      const ms = performance.now() - start;
      // The draft is autosaved AUTOSAVE_DELAY_MS (400 ms) after the import: that write is the import's
      // work too, so the window stays open past it.
      await page.waitForTimeout(1200);
      const longest = await longestSince(page, pageBegan);
      if (!restore) return { ms, longest, restoreMs: 0, restoreLongest: 0 };
      await page.reload();
      await pause.waitFor({ timeout: 120_000 });
      await pause.click();
      await page.evaluate(LONG_TASKS);
      await page.waitForTimeout(3000);
      const restoreBegan = (await page.evaluate('performance.now()')) as number;
      const restoreStart = performance.now();
      await page.getByRole('button', { name: 'Author a lesson' }).click();
      await page.getByText('Your draft was restored as you left it.').waitFor({ timeout: 60_000 });
      const restoreMs = performance.now() - restoreStart;
      await page.waitForTimeout(300);
      return { ms, longest, restoreMs, restoreLongest: await longestSince(page, restoreBegan) };
    } finally {
      await page.close();
    }
  };
  try {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const times: number[] = [];
    const baselines: number[] = [];
    const restores: number[] = [];
    let longest = 0;
    let restoreLongest = 0;
    // Interleaved, so the baseline sees the same load as the figure it is compared with.
    for (let i = 0; i < runs; i++) {
      const one = await importOnce(big, 'big.scenario.json', true);
      times.push(one.ms);
      longest = Math.max(longest, one.longest);
      restores.push(one.restoreMs);
      restoreLongest = Math.max(restoreLongest, one.restoreLongest);
      baselines.push((await importOnce(small, 'small.scenario.json')).ms);
    }
    return {
      resultMs: median(times),
      baselineMs: median(baselines),
      longestTaskMs: longest,
      restoreMs: median(restores),
      restoreLongestTaskMs: restoreLongest,
      validateMs,
      validateColdMs,
    };
  } finally {
    await browser.close();
    server.kill();
    rmSync(out, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  measureImport().then(
    (f) => console.log(JSON.stringify(f, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
