// First load as the browser sees it: every JS response (the worker and its imports included) requested
// before the ring's first frame, each gzip -9'd from the build; CSS and fonts on their own line. Also what
// is fetched until the network is idle, for comparison. `npx tsx scripts/bench/first-load.ts` runs it alone
// on an existing `dist/` (the bench builds one first).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../../e2e/support/static-server';
import { launchBenchChromium } from './browser';

export interface FirstLoadFigures {
  /** gzip -9 kB of every JS file requested before the ring's first frame. */
  readonly jsKB: number;
  readonly cssFontKB: number;
  /** Every JS file requested until the network is idle (lazy chunks loaded just after the first frame). */
  readonly jsIdleKB: number;
  /** Each file requested before the first frame, with its gzip -9 size in kB. */
  readonly files: readonly { readonly path: string; readonly kB: number }[];
}

/** Runs in the page: calls the binding in the frame where the ring's first node is drawn. */
const RING_PROBE = `(() => {
  const seen = () => document.querySelector('svg[role="group"] [role="button"]');
  const done = () => requestAnimationFrame(() => window.__ringFrame());
  new MutationObserver((_, observer) => {
    if (seen()) { observer.disconnect(); done(); }
  }).observe(document, { childList: true, subtree: true });
})()`;

export async function measureFirstLoad(dist: string): Promise<FirstLoadFigures> {
  const site = await serveStatic(dist, '/');
  const browser = await launchBenchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const before: string[] = [];
    const all: string[] = [];
    let framed = false;
    let resolveFrame!: () => void;
    const frame = new Promise<void>((resolve) => (resolveFrame = resolve));
    await page.exposeFunction('__ringFrame', () => {
      framed = true;
      resolveFrame();
    });
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      all.push(path);
      if (!framed) before.push(path);
    });
    await page.addInitScript(RING_PROBE);
    await page.goto(site.url);
    await frame;
    // The chunks loaded just after the first frame (side panels, motion, the service worker's registration).
    await page.waitForTimeout(3000);
    const size = (path: string): number =>
      gzipSync(readFileSync(join(dist, path.replace(/^\//, ''))), { level: 9 }).length / 1000;
    const isJs = (p: string): boolean => p.endsWith('.js');
    const isCssFont = (p: string): boolean => /\.(css|woff2?|ttf|otf)$/.test(p);
    const unique = (paths: string[]): string[] => [...new Set(paths)];
    const files = unique(before.filter(isJs)).map((path) => ({ path, kB: size(path) }));
    const sum = (paths: string[]): number => paths.reduce((n, p) => n + size(p), 0);
    return {
      jsKB: files.reduce((n, f) => n + f.kB, 0),
      cssFontKB: sum(unique(before.filter(isCssFont))),
      jsIdleKB: sum(unique(all.filter(isJs))),
      files,
    };
  } finally {
    await browser.close();
    await site.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dist = process.argv[2] ?? new URL('../../dist', import.meta.url).pathname;
  console.log(JSON.stringify(await measureFirstLoad(dist), null, 2));
}
