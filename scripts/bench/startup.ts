// Start-up long tasks alone, quickly: builds one or more commits, opens the bench's heavy link (9 nodes,
// 1,000-entry logs) or its 5-node link in each, interleaved, several times, and prints every main-thread
// task over 50 ms before the Play button is there (the bench's start-up row, from `scripts/bench/ui.ts`).
// With `trace`, each open also records a Chrome trace and prints what each long task did: its trace
// events by self time and the JS functions sampled inside it (a tool for looking: tracing adds overhead).
//
//   npx tsx scripts/bench/startup.ts [heavy|typical] [repeats] [trace] [REF …]
//
// REF is a commit or `.` (the working tree, the default). The build is minified unless `trace` is given.
// Every build is served from one port (UI_BENCH_PORT), each in a folder of its own: the app runs from any folder.

import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { buildApp, launchBenchChromium, previewApp } from './browser';
import { TASK_TRACE_CATEGORIES, mainThread, taskThreadTimes, type TaskCpu, type TraceEvent } from './task-thread-time';
import { LONG_TASK_PROBE, heavyLink, typicalLink, waitForStartup } from './ui';

const root = new URL('../..', import.meta.url).pathname;
const args = process.argv.slice(2);
const which = args.find((a) => a === 'heavy' || a === 'typical') ?? 'heavy';
const repeats = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const tracing = args.includes('trace');
const refs = args.filter((a) => !['heavy', 'typical', 'trace'].includes(a) && !/^\d+$/.test(a));
if (refs.length === 0) refs.push('.');
const PORT = Number(process.env.UI_BENCH_PORT ?? 4380);

/** Builds `ref` into `site/<folder>`; returns the folder's name. */
function build(ref: string, scratch: string, site: string, folder: string): string {
  const out = join(site, folder);
  let src = root;
  if (ref !== '.') {
    src = join(scratch, `src-${ref.replace(/\W/g, '_')}`);
    execFileSync('mkdir', ['-p', src]);
    execFileSync('sh', ['-c', `git -C '${root}' archive '${ref}' | tar -x -C '${src}'`]);
    symlinkSync(join(root, 'node_modules'), join(src, 'node_modules'));
  }
  buildApp(out, { source: src, extraArgs: tracing ? ['--minify', 'false'] : [] });
  return folder;
}

const fmt = (m: Map<string, number>, n: number): string =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `      ${v.toFixed(1).padStart(7)} ms  ${k}`)
    .join('\n');

function add(m: Map<string, number>, k: string, v: number): void {
  m.set(k, (m.get(k) ?? 0) + v);
}

/**
 * The thread time over which `trace` describes a task (STARTUP_DESCRIBE_MS, default 50): lower it to look
 * inside the tasks that are long in wall time but not in thread time.
 */
const DESCRIBE_MS = Number(process.env.STARTUP_DESCRIBE_MS ?? 50);

/** For each main-thread task over DESCRIBE_MS of thread time: its trace events by self time, and the JS sampled inside it. */
function describeLongTasks(events: readonly TraceEvent[]): string {
  const main = mainThread(events);
  if (!main) return '    no renderer main thread in the trace';
  const onMain = events
    .filter((e) => e.tid === main.tid && e.pid === main.pid && e.ph === 'X' && (e.dur ?? 0) > 0)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // The sampling profiler's chunks on the main thread: sample times and stacks.
  const nodes = new Map<number, { parent?: number; label: string }>();
  const samples: { ts: number; node: number }[] = [];
  // Chunks come from a profiler thread; the main thread's profile is the one whose `Profile` event is on it.
  const mainProfile = events.find((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid);
  let clock = mainProfile?.args?.data?.startTime ?? 0;
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || mainProfile === undefined || e.id !== mainProfile.id || e.pid !== main.pid)
      continue;
    const data = e.args?.data;
    for (const n of data?.cpuProfile?.nodes ?? []) {
      const file = n.callFrame.url?.split('/').pop() ?? '';
      nodes.set(n.id, { parent: n.parent, label: `${n.callFrame.functionName || '(anonymous)'} ${file}` });
    }
    const ids = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    ids.forEach((id, i) => {
      clock += deltas[i] ?? 0;
      samples.push({ ts: clock, node: id });
    });
  }
  const out: string[] = [];
  let i = 0;
  while (i < onMain.length) {
    const task = onMain[i]!;
    const end = task.ts + (task.dur ?? 0);
    let j = i + 1;
    while (j < onMain.length && onMain[j]!.ts < end) j++;
    // Thread time, not wall time: on a loaded machine the other jobs stretch every task.
    if (task.name === 'RunTask' && (task.tdur ?? 0) > DESCRIBE_MS * 1000) {
      const inside = onMain.slice(i, j);
      const self = new Map<string, number>();
      const stack: { e: TraceEvent; end: number; child: number }[] = [];
      const pop = (): void => {
        const s = stack.pop();
        if (!s) return;
        const url = s.e.args?.data?.url?.split('/').pop();
        add(self, url ? `${s.e.name} ${url}` : s.e.name, ((s.e.dur ?? 0) - s.child) / 1000);
      };
      for (const e of inside) {
        while (stack.length > 0 && stack[stack.length - 1]!.end <= e.ts) pop();
        const parent = stack[stack.length - 1];
        if (parent) parent.child += e.dur ?? 0;
        stack.push({ e, end: e.ts + (e.dur ?? 0), child: 0 });
      }
      while (stack.length > 0) pop();
      const jsSelf = new Map<string, number>();
      const jsIncl = new Map<string, number>();
      const within = samples.filter((s) => s.ts >= task.ts && s.ts <= end);
      // Each sample weighs the task's thread time over its sample count: on a loaded machine the gaps
      // between samples include time the thread waited, which would credit whoever ran just before.
      const perSample = within.length === 0 ? 0 : (task.tdur ?? 0) / 1000 / within.length;
      within.forEach((s) => {
        const ms = perSample;
        const leaf = nodes.get(s.node);
        if (leaf) add(jsSelf, leaf.label, ms);
        const seen = new Set<string>();
        for (let at: number | undefined = s.node; at !== undefined; at = nodes.get(at)?.parent) {
          const n = nodes.get(at);
          if (!n) break;
          if (!seen.has(n.label) && !/^\((root|program|idle)\)/.test(n.label)) add(jsIncl, n.label, ms);
          seen.add(n.label);
        }
      });
      out.push(
        `    task: ${((task.tdur ?? 0) / 1000).toFixed(0)} ms thread time (${((task.dur ?? 0) / 1000).toFixed(0)} ms wall), trace events by self wall time:`,
        fmt(self, 10),
        '    JS self (thread time shared out by sample count):',
        fmt(jsSelf, 12),
        '    JS inclusive:',
        fmt(jsIncl, 25),
      );
    }
    i = j;
  }
  return out.join('\n');
}

async function openOnce(
  browser: Browser,
  folder: string,
): Promise<{ tasks: number[]; readyMs: number; trace: string; cpu: TaskCpu[] }> {
  const heavy = which === 'heavy';
  const page = await browser.newPage({
    viewport: heavy ? { width: 1920, height: 1080 } : { width: 1366, height: 768 },
  });
  try {
    // The long tasks (wall time) from an open that is not traced: a trace is recorded by the browser
    // process, which shares the machine, and stretched the page's tasks by half or more.
    const plain = await browser.newPage({ viewport: page.viewportSize() ?? undefined });
    let tasks: number[];
    let readyMs: number;
    try {
      await plain.addInitScript(LONG_TASK_PROBE);
      await plain.goto(`http://127.0.0.1:${PORT}/${folder}/${heavy ? heavyLink() : typicalLink(1)}`);
      readyMs = await waitForStartup(plain);
      tasks = (await plain.evaluate('window.__longTasks.slice()')) as number[];
    } finally {
      await plain.close();
    }
    // Then a light trace (top-level tasks only) for each task's thread time: on a loaded machine a task's
    // wall time includes the other jobs, its thread time only what the page did. `trace` records the detail.
    {
      await browser.startTracing(page, {
        categories: tracing
          ? [
              'devtools.timeline',
              'disabled-by-default-devtools.timeline',
              'toplevel',
              'v8',
              'v8.execute',
              'blink',
              'disabled-by-default-v8.cpu_profiler',
            ]
          : TASK_TRACE_CATEGORIES,
      });
    }
    const link = heavy ? heavyLink() : typicalLink(1);
    await page.goto(`http://127.0.0.1:${PORT}/${folder}/${link}`);
    await waitForStartup(page);
    let trace = '';
    let cpu: TaskCpu[] = [];
    {
      const buffer = await browser.stopTracing();
      // STARTUP_TRACE_OUT keeps the raw trace, to open in Chrome's Performance panel.
      if (process.env.STARTUP_TRACE_OUT) writeFileSync(process.env.STARTUP_TRACE_OUT, buffer);
      const raw = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };
      cpu = taskThreadTimes(raw.traceEvents);
      if (tracing) trace = describeLongTasks(raw.traceEvents);
    }
    return { tasks, readyMs, trace, cpu };
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'raft-startup-'));
  const site = join(scratch, 'site');
  let server: ChildProcess | null = null;
  const browser = await launchBenchChromium();
  try {
    const variants = refs.map((ref, i) => ({ ref, folder: build(ref, scratch, site, `v${i}`) }));
    server = previewApp(site, PORT);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (let r = 0; r < repeats; r++) {
      for (const { ref, folder } of variants) {
        const { tasks, readyMs, trace, cpu } = await openOnce(browser, folder);
        const over = cpu.filter((t) => t.ms > 50);
        const longest = tasks.length === 0 ? 0 : Math.max(...tasks);
        console.log(
          `${ref.padEnd(10)} ${which}: ${tasks.length} long tasks, longest ${longest.toFixed(0).padStart(4)} ms [${tasks.map((t) => t.toFixed(0)).join(', ')}]; Play after ${readyMs.toFixed(0)} ms | thread time: ${over.length} tasks over 50 ms [${over.map((t) => t.ms.toFixed(0)).join(', ')}], longest ${Math.max(0, ...cpu.map((t) => t.ms)).toFixed(0)}`,
        );
        for (const t of over) console.log(`    ${t.ms.toFixed(0).padStart(4)} ms: ${t.what}`);
        if (trace) console.log(trace);
      }
    }
  } finally {
    await browser.close();
    server?.kill();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
