// What the browser benches share: a production build in a folder of their own, `vite preview`
// serving it, and headless Chromium launched one way for all of them (no GPU on this machine, so
// every canvas is drawn on the CPU: the figures include that).

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';

const root = new URL('../..', import.meta.url).pathname;
const vite = join(root, 'node_modules/.bin/vite');

/** Builds the app found in `source` (the working tree by default) into `out`. */
export function buildApp(out: string, options: { source?: string; extraArgs?: readonly string[] } = {}): void {
  execFileSync(vite, ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error', ...(options.extraArgs ?? [])], {
    cwd: options.source ?? root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Serves a build on 127.0.0.1:`port` until the returned process is killed. */
export function previewApp(out: string, port: number): ChildProcess {
  return spawn(vite, ['preview', '--outDir', out, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: root,
    stdio: 'ignore',
  });
}

/** Headless Chromium as every bench runs it; `extraArgs` adds flags (--expose-gc, …). */
export function launchBenchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', ...extraArgs],
  });
}
