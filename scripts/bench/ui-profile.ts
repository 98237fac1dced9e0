// Where the heavy case's frames go: plays the heavy link (scripts/bench/ui.ts) in headless Chromium
// with a Chrome trace and a JS sampling profile running, then prints what the main thread did — by
// trace event (script, style, layout, paint, GC …) over all tasks and inside the long ones — and the
// functions that took the most samples. A tool for looking, not a bench row: its timings include
// the tracing overhead.
//
//   npx tsx scripts/bench/ui-profile.ts [space-time|messages|typical|drag|drag-back] [seconds]
//
// `typical` is the bench's 5-node cluster under a write every 100 ms at 1× (1366×768), no panel opened.
//
// The build is not minified, so the profile names functions and components. UI_BENCH_PORT picks the port.
// UI_PROFILE_OUT=/tmp/x.cpuprofile keeps the raw JS profile (DevTools opens it).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { frameProbe, heavyLink, measureDrag, tenMinuteLink, typicalLink, type UiFigures } from './ui';
import { buildApp, launchBenchChromium, previewApp } from './browser';

const PORT = Number(process.env.UI_BENCH_PORT ?? 4398);
const mode = process.argv[2] ?? 'space-time';
const seconds = Number(process.argv[3] ?? 5);
/** `trace=0`: frame figures only, without the tracing overhead. */
const tracing = process.argv[4] !== 'trace=0';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) time: what the task cost even when the machine's other jobs delayed it. */
  readonly tdur?: number;
  readonly tid: number;
  readonly pid: number;
  readonly args?: { name?: string };
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly children?: number[];
}

const top = (m: Map<string, number>, n: number): string =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`)
    .join('\n');

function add(m: Map<string, number>, k: string, v: number): void {
  m.set(k, (m.get(k) ?? 0) + v);
}

/** Self time by event name on the renderer's main thread, overall and inside tasks over 50 ms. */
function summariseTrace(events: readonly TraceEvent[]): string {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return 'no renderer main thread in the trace';
  const spans = events
    .filter((e) => e.tid === main.tid && e.pid === main.pid && e.ph === 'X' && (e.dur ?? 0) > 0)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const longSelf = new Map<string, number>();
  const stack: { e: TraceEvent; end: number; child: number; long: boolean }[] = [];
  let longTasks = 0;
  let longTotal = 0;
  let cpu = 0;
  const pop = (): void => {
    const s = stack.pop();
    if (!s) return;
    const own = ((s.e.dur ?? 0) - s.child) / 1000;
    add(self, s.e.name, own);
    if (s.long) add(longSelf, s.e.name, own);
  };
  for (const e of spans) {
    const end = e.ts + (e.dur ?? 0);
    while (stack.length > 0 && (stack[stack.length - 1]?.end ?? Infinity) <= e.ts) pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.child += e.dur ?? 0;
    const long = parent ? parent.long : (e.dur ?? 0) > 50_000;
    if (!parent) cpu += (e.tdur ?? 0) / 1000;
    if (!parent && long) {
      longTasks++;
      longTotal += (e.dur ?? 0) / 1000;
    }
    stack.push({ e, end, child: 0, long });
  }
  while (stack.length > 0) pop();
  return [
    `main thread CPU (thread time of its tasks): ${cpu.toFixed(0)} ms`,
    `main thread, self time by trace event (all tasks):`,
    top(self, 22),
    `tasks over 50 ms: ${longTasks}, ${longTotal.toFixed(0)} ms in all; self time inside them:`,
    top(longSelf, 22),
  ].join('\n');
}

async function profileJs(cdp: CDPSession, run: () => Promise<void>): Promise<string> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await run();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  // UI_PROFILE_OUT=file.cpuprofile keeps the raw profile, for DevTools or a script of one's own.
  if (process.env.UI_PROFILE_OUT) writeFileSync(process.env.UI_PROFILE_OUT, JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode): string =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    add(self, label(node), ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at);
      if (!n) break;
      const l = label(n);
      if (!seen.has(l)) add(inclusive, l, ms);
      seen.add(l);
    }
  });
  for (const k of ['(idle) :0', '(root) :0', '(program) :0']) inclusive.delete(k);
  // React's own frames hide which component costs what: the app's functions alone, inclusive.
  const app = new Map([...inclusive].filter(([k]) => !/ (core|vendor)[-.]|:0$/.test(k)));
  return [
    'JS self time:',
    top(self, 30),
    'JS inclusive time:',
    top(inclusive, 25),
    'app functions, inclusive:',
    top(app, 40),
  ].join('\n');
}

async function main(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'raft-ui-profile-'));
  buildApp(out, { extraArgs: tracing ? ['--minify', 'false'] : [] });
  const server = previewApp(out, PORT);
  const browser = await launchBenchChromium();
  try {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const drag = mode === 'drag' || mode === 'drag-back';
    const laptop = drag || mode === 'typical';
    const page: Page = await browser.newPage({
      viewport: laptop ? { width: 1366, height: 768 } : { width: 1920, height: 1080 },
    });
    const link = drag ? tenMinuteLink() : mode === 'typical' ? typicalLink(1) : heavyLink();
    await page.goto(`http://127.0.0.1:${PORT}/${link}`);
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await play.first().waitFor();
    if (mode === 'space-time') await page.getByRole('tab', { name: 'Space-time' }).click();
    if (mode === 'messages') {
      await page.getByRole('tab', { name: /^Events/ }).click();
      await page.getByLabel(/Show messages/).check();
    }
    if (!drag) {
      await play.first().click();
      await page.waitForTimeout(4000);
    }
    if (!tracing && !drag) {
      const f = (await page.evaluate(frameProbe(seconds))) as UiFigures;
      console.log(
        `${mode}: ${f.frames} frames, p95 ${f.p95Ms.toFixed(1)} ms, median ${f.medianMs.toFixed(1)}, > 33: ${f.over33}, > 50: ${f.over50}, longest ${f.maxMs.toFixed(0)} ms, ${Math.round(f.messagesInFlight)} messages`,
      );
      return;
    }
    const cdp = await page.context().newCDPSession(page);
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-devtools.timeline.frame',
        'toplevel',
        'v8',
        'blink',
      ],
    });
    let frames = '';
    const js = await profileJs(cdp, async () => {
      if (drag) {
        const f = await measureDrag(page, mode === 'drag-back' ? 'back' : 'forward');
        frames = `drag: ${f.frames} frames, p95 ${f.p95Ms.toFixed(1)} ms, > 50 ms: ${f.over50}, longest ${f.maxMs.toFixed(0)} ms`;
      } else {
        const f = (await page.evaluate(frameProbe(seconds))) as UiFigures;
        frames = `${mode} (traced): ${f.frames} frames, p95 ${f.p95Ms.toFixed(1)} ms, > 50: ${f.over50}, longest ${f.maxMs.toFixed(0)} ms`;
      }
    });
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    console.log(frames);
    console.log(summariseTrace(trace.traceEvents));
    console.log(js);
  } finally {
    await browser.close();
    server.kill();
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
