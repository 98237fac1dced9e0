// Before and after on a shared machine: builds two commits, then plays the heavy case (space-time
// open, or "Show messages") in each, interleaved, several times, and prints the frame figures and
// the main thread's CPU time per frame (CDP Performance.getMetrics ThreadTime). Wall-clock frame
// gaps on a loaded machine measure the other jobs too; CPU per frame measures the page. A drag also prints
// the main thread's CPU per instant shown over the whole drag, and the page's long tasks.
//
//   npx tsx scripts/bench/ui-compare.ts REF_BEFORE REF_AFTER [space-time|messages|drag|typical] [repeats] [seconds]
//
// `typical` is the bench's 5-node cluster under a write every 100 ms at 1× (1366×768), no panel opened.
//
// REF may be a commit or `.` (the working tree). UI_BENCH_PORT picks the first of two ports.

import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  frameProbe,
  heavyLink,
  measureDrag,
  tenMinuteLink,
  typicalLink,
  waitForTenMinutes,
  type UiFigures,
} from './ui';
import { buildApp, launchBenchChromium, previewApp } from './browser';

const root = new URL('../..', import.meta.url).pathname;
const [before = 'HEAD', after = '.', panel = 'space-time', repeatsArg = '3', secondsArg = '6'] = process.argv.slice(2);
const PORT = Number(process.env.UI_BENCH_PORT ?? 4396);

function build(ref: string, scratch: string): string {
  const out = join(scratch, `dist-${ref.replace(/\W/g, '_')}`);
  let src = root;
  if (ref !== '.') {
    src = join(scratch, `src-${ref.replace(/\W/g, '_')}`);
    execFileSync('mkdir', ['-p', src]);
    execFileSync('sh', ['-c', `git -C '${root}' archive '${ref}' | tar -x -C '${src}'`]);
    symlinkSync(join(root, 'node_modules'), join(src, 'node_modules'));
  }
  buildApp(out, { source: src });
  return out;
}

/** In the page, from before the drag: instants the timeline showed (one per seek drawn) and long tasks. */
const DRAG_COUNTERS = `(() => {
  const c = { instants: 0, longTasks: [] };
  window.__dragCounters = c;
  const slider = document.querySelector('[role="slider"][aria-valuemax]');
  new MutationObserver(() => c.instants++).observe(slider, { attributes: true, attributeFilter: ['aria-valuenow'] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) c.longTasks.push(e.duration);
  }).observe({ type: 'longtask' });
})()`;

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'raft-ui-compare-'));
  const servers: ChildProcess[] = [];
  const browser = await launchBenchChromium();
  try {
    const variants = [before, after].map((ref, i) => {
      const out = build(ref, scratch);
      const port = PORT + i;
      servers.push(previewApp(out, port));
      return { ref, port };
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (let r = 0; r < Number(repeatsArg); r++) {
      for (const { ref, port } of variants) {
        const drag = panel === 'drag';
        const typical = panel === 'typical';
        const page = await browser.newPage({
          viewport: drag || typical ? { width: 1366, height: 768 } : { width: 1920, height: 1080 },
        });
        const link = drag ? tenMinuteLink() : typical ? typicalLink(1) : heavyLink();
        await page.goto(`http://127.0.0.1:${port}/${link}`);
        const play = page.getByRole('button', { name: 'Play', exact: true });
        await play.first().waitFor();
        if (panel === 'space-time') await page.getByRole('tab', { name: 'Space-time' }).click();
        else if (panel === 'messages') {
          await page.getByRole('tab', { name: /^Events/ }).click();
          await page.getByLabel(/Show messages/).check();
        }
        if (!drag) {
          await play.first().click();
          await page.waitForTimeout(4000);
        }
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        const metric = async (): Promise<Record<string, number>> => {
          const { metrics } = (await cdp.send('Performance.getMetrics')) as {
            metrics: { name: string; value: number }[];
          };
          return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
        };
        if (drag) {
          await waitForTenMinutes(page);
          await page.evaluate(DRAG_COUNTERS);
        }
        const m0 = await metric();
        const f = drag ? await measureDrag(page) : ((await page.evaluate(frameProbe(Number(secondsArg)))) as UiFigures);
        const m1 = await metric();
        const per = (name: string): string => ((((m1[name] ?? 0) - (m0[name] ?? 0)) * 1000) / f.frames).toFixed(1);
        if (drag) {
          // The drag outlasts the frame probe (each move waits for the page): per instant shown, over the whole drag.
          const c = (await page.evaluate('window.__dragCounters')) as { instants: number; longTasks: number[] };
          const perInstant = (name: string): string =>
            ((((m1[name] ?? 0) - (m0[name] ?? 0)) * 1000) / Math.max(1, c.instants)).toFixed(1);
          console.log(
            `${ref.padEnd(10)} drag: ${c.instants} instants shown | per instant: main-thread CPU ${perInstant('ThreadTime')} ms, script ${perInstant('ScriptDuration')}, layout ${perInstant('LayoutDuration')}, style ${perInstant('RecalcStyleDuration')} | long tasks ${c.longTasks.length}, longest ${Math.max(0, ...c.longTasks).toFixed(0)} ms`,
          );
        }
        console.log(
          `${ref.padEnd(10)} ${panel}: ${String(f.frames).padStart(4)} frames, p95 ${f.p95Ms.toFixed(1).padStart(6)} ms, median ${f.medianMs.toFixed(1).padStart(5)}, > 50: ${String(f.over50).padStart(3)}, longest ${f.maxMs.toFixed(0).padStart(4)} ms | per frame: main-thread CPU ${per('ThreadTime')} ms, script ${per('ScriptDuration')}, layout ${per('LayoutDuration')}, style ${per('RecalcStyleDuration')} | ${Math.round(f.messagesInFlight)} in flight`,
        );
        await page.close();
      }
    }
  } finally {
    await browser.close();
    for (const s of servers) s.kill();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
