// Tab memory for a long class session (issue 14, target 7): a one-hour history opened from a link, then
// the teacher goes back three times and acts differently (three branches), and finally returns to the
// original run, which the app recomputes from its actions because an inactive branch is let go.
// What is measured is the memory footprint of the tab's renderer process (main thread and workers):
// private pages plus swap, read from /proc, as the operating system would have to find it. Linux only.
// `npx tsx scripts/bench/tab-memory.ts [dist]` measures an existing build.

import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { serveStatic } from '../../e2e/support/static-server';
import { launchBenchChromium } from './browser';
import { scenarioSchema } from '../../src/scenario/schema';
import { encodeLink, MAX_LINK_ACTIONS } from '../../src/scenario/url';

const HOUR = 3_600_000;

export interface TabMemoryFigures {
  /** Renderer footprint after the hour is on screen. */
  readonly hourMB: number;
  /** The largest footprint seen across the branches and the return to the original run. */
  readonly peakMB: number;
  /** Footprint at the end, back on the original run. */
  readonly endMB: number;
  /** The page's own JS heap (main thread) after the hour and at the end: the rest is the workers'. */
  readonly pageHeapHourMB: number;
  readonly pageHeapEndMB: number;
  /** Branches the list showed at the end. */
  readonly branches: number;
}

/** The default cluster for an hour, a client write spread evenly over it (as many as a link holds). */
export function hourLink(): string {
  const every = Math.floor(HOUR / MAX_LINK_ACTIONS);
  const actions = Array.from({ length: MAX_LINK_ACTIONS }, (_, i) => ({
    at: 300 + i * every,
    do: 'submit' as const,
    command: `set k${i % 50} ${i}`,
  }));
  const scenario = scenarioSchema.parse({ version: 1, nodes: 5, seed: 2026, actions });
  return encodeLink({ scenario, at: HOUR, view: { lang: 'en', speed: 1 } });
}

/** Private memory (clean + dirty) plus swap of one process, in MB; 0 once it has gone. */
function footprintMB(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kB = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0);
    return (kB('Private_Clean') + kB('Private_Dirty') + kB('Swap')) / 1024;
  } catch {
    return 0;
  }
}

/** Chromium renderer processes started under this process. */
function rendererPids(): number[] {
  const parentOf = new Map<number, number>();
  const renderers: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name may hold spaces or parentheses, so fields are read after its closing one.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(pid, Number(fields[1]));
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) renderers.push(pid);
    } catch {
      // The process ended while the table was read.
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parentOf.get(pid); p !== undefined && p > 1; p = parentOf.get(p)) if (p === process.pid) return true;
    return false;
  };
  return renderers.filter(descends);
}

/**
 * What the tab holds on to: garbage collected first in the page and in each of its workers (Chromium runs
 * with --expose-gc), so the figure is what the app keeps, not when the collector last ran. The page's
 * renderer is the largest of the renderers (an idle spare holds a few MB).
 */
async function tabFootprintMB(page: Page): Promise<number> {
  await page.evaluate('gc()');
  for (const worker of page.workers()) await worker.evaluate('gc()');
  await page.waitForTimeout(500);
  return Math.max(0, ...rendererPids().map(footprintMB));
}

/** The main thread's JS heap in use (Chromium's performance.memory, precise with the flag above). */
async function pageHeapMB(page: Page): Promise<number> {
  return ((await page.evaluate('performance.memory.usedJSHeapSize')) as number) / 1024 / 1024;
}

/** Virtual ms at the timeline's right end. */
async function timelineEnd(page: Page): Promise<number> {
  return Number(await page.getByRole('slider', { name: 'Timeline' }).getAttribute('aria-valuemax'));
}

/** Seek to a share of the hour by clicking the timeline, then act there: a client write starts a branch. */
async function branchAt(page: Page, share: number, command: string): Promise<void> {
  const track = page.getByRole('slider', { name: 'Timeline' });
  const box = (await track.boundingBox())!;
  await track.click({ position: { x: 8 + share * (box.width - 16), y: box.height / 2 } });
  await page.getByRole('combobox', { name: 'Client command' }).fill(command);
  await page.getByRole('button', { name: 'Send to leader' }).click();
  // Then play the branch on past the next commit, so it holds events of its own.
  await page.getByRole('button', { name: 'Next commit' }).click();
}

export async function measureTabMemory(dist: string): Promise<TabMemoryFigures> {
  const site = await serveStatic(dist, '/');
  const browser = await launchBenchChromium(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${site.url}${hourLink()}`);
    await page.getByRole('button', { name: 'Play', exact: true }).first().waitFor({ timeout: 600_000 });
    // The worker computes the hour before the page shows its end.
    const deadline = Date.now() + 600_000;
    while ((await timelineEnd(page)) < HOUR && Date.now() < deadline) await page.waitForTimeout(500);
    await page.waitForTimeout(2000);
    const hourMB = await tabFootprintMB(page);
    const pageHeapHourMB = await pageHeapMB(page);
    let peakMB = hourMB;
    for (const [i, share] of [0.75, 0.5, 0.25].entries()) {
      await branchAt(page, share, `set other ${i}`);
      await page.waitForTimeout(1000);
      peakMB = Math.max(peakMB, await tabFootprintMB(page));
    }
    const branches = page.getByRole('list', { name: 'Branches' });
    await branches.getByRole('button', { name: 'Switch to the original run' }).click();
    while ((await timelineEnd(page)) < HOUR && Date.now() < deadline) await page.waitForTimeout(500);
    await page.waitForTimeout(2000);
    const endMB = await tabFootprintMB(page);
    const pageHeapEndMB = await pageHeapMB(page);
    return {
      hourMB,
      peakMB: Math.max(peakMB, endMB),
      endMB,
      pageHeapHourMB,
      pageHeapEndMB,
      branches: await branches.getByRole('listitem').count(),
    };
  } finally {
    await browser.close();
    await site.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dist = process.argv[2] ?? new URL('../../dist', import.meta.url).pathname;
  if (process.argv[2] === undefined)
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  console.log(JSON.stringify(await measureTabMemory(dist), null, 2));
}
