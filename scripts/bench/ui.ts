// The UI figures: frame times in headless Chromium at 1366×768 while the app plays, opened from a
// share link: a heavy cluster (9 nodes, 1,000-entry logs, about 250 messages in flight) and the
// default 5-node cluster under a client command every 100 ms. `npx tsx scripts/bench/ui.ts` runs it alone.

import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { nodeNames, scenarioSchema } from '../../src/scenario/schema';
import { encodeLink } from '../../src/scenario/url';

const root = new URL('../..', import.meta.url).pathname;
const PORT = 4399;
const SECONDS = 10;

/** Headless Chromium draws at 60 Hz. */
export const DISPLAY_FRAME_MS = 1000 / 60;

export interface UiFigures {
  readonly medianMs: number;
  /** As measured: rAF timestamps are coarsened to 0.1 ms, so one display frame reads 16.6 to 16.8 ms. */
  readonly p95Ms: number;
  /** Each gap counted in whole display frames (a 16.8 ms gap is one frame, a 33.3 ms gap two), in ms. */
  readonly p95DisplayMs: number;
  /** Share of frames that took longer than one display frame (p95 stays at one frame while this is ≤ 5%). */
  readonly lateShare: number;
  readonly frames: number;
  /** Messages drawn in flight, averaged over the samples taken. */
  readonly messagesInFlight: number;
}

/** 9 nodes that already agree on 1,000 entries; a slow network and fast heartbeats keep ~200 messages in the air. */
function heavyLink(): string {
  const log = Array.from({ length: 1000 }, (_, i) => ({
    term: 1 + Math.floor(i / 250),
    command: `set k${i % 20} ${i}`,
  }));
  const initial = Object.fromEntries(nodeNames(9).map((id) => [id, { term: 4, votedFor: null, log }]));
  const actions = Array.from({ length: 40 }, (_, i) => ({
    at: 400 + i * 50,
    do: 'submit' as const,
    command: `set x ${i}`,
  }));
  const scenario = scenarioSchema.parse({
    version: 1,
    nodes: 9,
    seed: 5,
    timing: { electionTimeout: [800, 1200], heartbeatInterval: 20, latency: [150, 260] },
    initial,
    actions,
  });
  return encodeLink({ scenario, at: 0, view: { lang: 'en', speed: 0.5 } });
}

/** Runs in the page: rAF gaps for SECONDS, and how many messages are drawn, sampled every 30 frames. */
const FRAME_PROBE = `new Promise((resolve) => {
  const gaps = [];
  const inFlight = [];
  let last = performance.now();
  const end = last + SECONDS * 1000;
  const frame = (t) => {
    gaps.push(t - last);
    last = t;
    if (gaps.length % 30 === 0) inFlight.push(document.querySelectorAll('[data-kind]').length);
    if (t < end) requestAnimationFrame(frame);
    else {
      gaps.sort((a, b) => a - b);
      const at = (p) => gaps[Math.min(gaps.length - 1, Math.floor(p * gaps.length))];
      const displayFrames = (gap) => Math.max(1, Math.round(gap / FRAME_MS));
      resolve({
        medianMs: at(0.5),
        p95Ms: at(0.95),
        p95DisplayMs: displayFrames(at(0.95)) * FRAME_MS,
        lateShare: gaps.filter((g) => displayFrames(g) > 1).length / gaps.length,
        frames: gaps.length,
        messagesInFlight: inFlight.reduce((a, b) => a + b, 0) / Math.max(1, inFlight.length),
      });
    }
  };
  requestAnimationFrame(frame);
})`;

/** The default 5-node cluster under a client command every 100 ms: what a class usually watches. */
function typicalLink(): string {
  const actions = Array.from({ length: 150 }, (_, i) => ({
    at: 400 + i * 100,
    do: 'submit' as const,
    command: `set k${i % 5} ${i}`,
  }));
  const scenario = scenarioSchema.parse({ version: 1, nodes: 5, seed: 1, actions });
  return encodeLink({ scenario, at: 0, view: { lang: 'en', speed: 0.1 } });
}

export interface UiRun {
  readonly heavy: UiFigures;
  readonly typical: UiFigures;
}

export async function measureUi(): Promise<UiRun> {
  const out = mkdtempSync(join(tmpdir(), 'raft-ui-bench-'));
  execFileSync(
    join(root, 'node_modules/.bin/vite'),
    ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const server = spawn(
    join(root, 'node_modules/.bin/vite'),
    ['preview', '--outDir', out, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
    { cwd: root, stdio: 'ignore' },
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  try {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const run = async (link: string): Promise<UiFigures> => {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(`http://127.0.0.1:${PORT}/${link}`);
      const play = page.getByRole('button', { name: 'Play', exact: true });
      await play.first().waitFor();
      await play.first().click();
      // Let the first election happen and traffic build up.
      await page.waitForTimeout(4000);
      // A string, not a function: tsx would wrap a function's inner helpers in a __name() the page lacks.
      const probe = FRAME_PROBE.replaceAll('SECONDS', String(SECONDS)).replaceAll('FRAME_MS', String(DISPLAY_FRAME_MS));
      const figures = (await page.evaluate(probe)) as UiFigures;
      await page.close();
      return figures;
    };
    return { heavy: await run(heavyLink()), typical: await run(typicalLink()) };
  } finally {
    await browser.close();
    server.kill();
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  measureUi().then(
    (f) => console.log(JSON.stringify(f, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
