// `npm run bench`: one table of the project's performance figures, each beside its
// target, written to bench-results/latest.json and compared with the previous run.
// Figures whose source is not in the tree yet are shown as "n/a".

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCampaign } from '../src/check/fuzz/campaign';
import { measureEngine } from './bench/engine';
import { measureFirstLoad } from './bench/first-load';
import { measureLinearizability } from './bench/linearizability';
import { DISPLAY_FRAME_MS, measureUi, type UiFigures } from './bench/ui';

interface Row {
  readonly name: string;
  readonly value: number | null;
  readonly unit: string;
  readonly target: string;
  /** Whether the figure meets its target; null when there is no figure or no numeric target. */
  readonly met: boolean | null;
  readonly note?: string;
}

const root = new URL('..', import.meta.url).pathname;
const resultsDir = join(root, 'bench-results');

async function optionalImport(relative: string): Promise<Record<string, unknown> | null> {
  if (!existsSync(join(root, relative))) return null;
  try {
    return (await import(join(root, relative))) as Record<string, unknown>;
  } catch (e) {
    process.stderr.write(`bench: cannot load ${relative}: ${String(e)}\n`);
    return null;
  }
}

function engineRows(): Row[] {
  const rows: Row[] = [];
  for (const seconds of [60, 600, 3600]) {
    process.stderr.write(`engine: ${seconds} virtual s …\n`);
    const f = measureEngine(seconds);
    const label = `engine ${seconds} s run`;
    // The target is the hour's; shorter runs are mostly the JIT warming up, shown for their trend.
    const hour = seconds === 3600;
    rows.push({
      name: `${label}: virtual s / wall s`,
      value: f.virtualPerWallSecond,
      unit: 'x',
      target: hour ? '≥ 1800 (1 virtual h < 2 s)' : '—',
      met: hour ? f.virtualPerWallSecond >= 1800 : null,
    });
    rows.push({ name: `${label}: events / wall s`, value: f.eventsPerWallSecond, unit: '/s', target: '—', met: null });
    rows.push({
      name: `${label}: heap after run`,
      value: f.heapMB,
      unit: 'MB',
      target: 'grows with trace only',
      met: null,
      note: `${f.events.toLocaleString('en')} events, ${f.traceEvents.toLocaleString('en')} trace records, ${f.violations} violations`,
    });
    if (hour) {
      rows.push({
        name: 'engine: one virtual hour',
        value: f.wallSeconds,
        unit: 's wall',
        target: '< 2 s',
        met: f.wallSeconds < 2,
      });
    }
  }
  return rows;
}

function fuzzRow(): Row {
  process.stderr.write('fuzzer: 200 scenarios …\n');
  const began = performance.now();
  const result = runCampaign({ seeds: 200, firstSeed: 1 });
  const minutes = (performance.now() - began) / 60_000;
  return {
    name: 'fuzzer scenarios / min',
    value: result.cases / minutes,
    unit: '/min',
    target: '—',
    met: null,
    note: `${result.failures.length} failed of ${result.cases}`,
  };
}

/**
 * First load as the browser fetches it: every JS file requested before the ring's first frame (the worker
 * included), gzip -9; CSS and fonts on their own line (see scripts/bench/first-load.ts).
 */
async function firstLoadRows(): Promise<Row[]> {
  const name = "first-load JS before the ring's first frame, gzip -9 (worker included)";
  const out = mkdtempSync(join(tmpdir(), 'raft-bench-'));
  try {
    execFileSync(
      join(root, 'node_modules/.bin/vite'),
      ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    process.stderr.write('first load (Chromium) …\n');
    const f = await measureFirstLoad(out);
    const worker = f.files.filter((file) => file.path.includes('worker')).reduce((n, file) => n + file.kB, 0);
    return [
      {
        name,
        value: f.jsKB,
        unit: 'kB',
        target: '≤ 110 kB',
        met: f.jsKB <= 110,
        note: `${f.files.length} files; worker ${worker.toFixed(1)} kB`,
      },
      { name: 'first-load CSS and fonts, gzip -9', value: f.cssFontKB, unit: 'kB', target: '—', met: null },
      {
        name: 'JS fetched by 3 s after the first frame, gzip -9',
        value: f.jsIdleKB,
        unit: 'kB',
        target: '—',
        met: null,
        note: 'side panels, motion and the service worker registration load after the ring',
      },
    ];
  } catch (e) {
    return [
      { name, value: null, unit: 'kB', target: '≤ 110 kB', met: null, note: `not measured: ${String(e).slice(0, 80)}` },
    ];
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Frame times in headless Chromium at 1366×768: 9 nodes, 1,000-entry logs, ~200 messages in flight. */
async function uiRows(): Promise<Row[]> {
  const target = '≤ 16.7 ms';
  try {
    process.stderr.write('UI frames (10 s in Chromium) …\n');
    const { heavy, typical } = await measureUi();
    const note = (f: UiFigures) => `${f.frames} frames, ${Math.round(f.messagesInFlight)} messages drawn on average`;
    return [
      {
        name: 'UI frame time, median',
        value: heavy.medianMs,
        unit: 'ms',
        target,
        met: heavy.medianMs <= 16.7,
        note: note(heavy),
      },
      {
        name: 'UI frame time, p95',
        value: heavy.p95DisplayMs,
        unit: 'ms',
        target,
        met: heavy.p95DisplayMs <= DISPLAY_FRAME_MS,
        note: `in whole 60 Hz frames; as measured ${heavy.p95Ms.toFixed(1)} ms (timestamps are coarsened to 0.1 ms); ${(100 * heavy.lateShare).toFixed(1)}% of frames late`,
      },
      {
        name: 'UI frame time, p95, 5 nodes typical',
        value: typical.p95DisplayMs,
        unit: 'ms',
        target: '—',
        met: null,
        note: `${note(typical)}; ${(100 * typical.lateShare).toFixed(1)}% late`,
      },
    ];
  } catch (e) {
    const note = `not measured: ${String(e).slice(0, 80)}`;
    return [{ name: 'UI frame time, p95', value: null, unit: 'ms', target, met: null, note }];
  }
}

async function seekRow(): Promise<Row> {
  const mod = await optionalImport('scripts/bench/seek.ts');
  const measure = mod?.measureSeek;
  if (typeof measure !== 'function')
    return { name: 'seek time (median)', value: null, unit: 'ms', target: '< 100 ms', met: null };
  process.stderr.write('seek …\n');
  const figures = await (measure as () => Promise<{ medianMs: number; worstMs: number }>)();
  return {
    name: 'seek time (median)',
    value: figures.medianMs,
    unit: 'ms',
    target: '< 100 ms',
    met: figures.medianMs < 100,
    note: `worst ${figures.worstMs.toFixed(1)} ms`,
  };
}

async function linkRow(): Promise<Row> {
  const lessons = await optionalImport('src/scenario/lessons/index.ts');
  const url = await optionalImport('src/scenario/url.ts');
  const validate = await optionalImport('src/scenario/validate.ts');
  const list = lessons?.LESSONS;
  const encode = url?.encodeLink;
  const check = validate?.validateScenario;
  const none: Row = { name: 'lesson link length (median)', value: null, unit: 'chars', target: '< 2000', met: null };
  if (!Array.isArray(list) || typeof encode !== 'function' || typeof check !== 'function') return none;
  const lengths: number[] = [];
  for (const lesson of list as { id: string; scenario: unknown }[]) {
    const parsed = (check as (s: unknown) => { ok: boolean; scenario?: unknown })(lesson.scenario);
    if (!parsed.ok) continue;
    const fragment = (encode as (l: unknown) => string)({ scenario: parsed.scenario, view: { lesson: lesson.id } });
    lengths.push(fragment.length);
  }
  if (lengths.length === 0) return none;
  lengths.sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)]!;
  return { ...none, value: median, met: median < 2000, note: `${lengths.length} lessons, longest ${lengths.at(-1)}` };
}

async function robustRows(): Promise<Row[]> {
  const mod = await optionalImport('scripts/bench/robust.ts');
  const density = mod?.measureEventDensity;
  const budget = (await optionalImport('src/sim/event-budget.ts'))?.MAX_EVENTS_PER_VIRTUAL_MS;
  if (typeof density !== 'function' || typeof budget !== 'number') return [];
  process.stderr.write('event density …\n');
  const f = (density as () => { lessons: number; fuzz: number })();
  return [
    {
      name: 'busiest virtual ms (lessons, 400 fuzz cases)',
      value: Math.max(f.lessons, f.fuzz),
      unit: 'events',
      target: `≤ ${budget / 10} (a tenth of the event budget)`,
      met: Math.max(f.lessons, f.fuzz) <= budget / 10,
      note: `lessons ${f.lessons}, fuzz ${f.fuzz}`,
    },
  ];
}

function linearizabilityRow(): Row {
  process.stderr.write('linearizability checker …\n');
  const f = measureLinearizability();
  return {
    name: `linearizability check (${f.operations} ops, ${f.clients} clients)`,
    value: f.ms,
    unit: 'ms',
    target: '< 1000 ms, decided',
    // An undecided search is not a pass, however fast it gave up.
    met: f.verdict === 'linearizable' && f.ms < 1000,
    note: f.verdict,
  };
}

function format(value: number | null): string {
  if (value === null) return 'n/a';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en');
  return value >= 100 ? value.toFixed(0) : value.toFixed(value >= 10 ? 1 : 2);
}

async function main(): Promise<void> {
  const rows: Row[] = [
    ...engineRows(),
    fuzzRow(),
    linearizabilityRow(),
    ...(await uiRows()),
    ...(await firstLoadRows()),
    await seekRow(),
    await linkRow(),
    ...(await robustRows()),
  ];

  const latest = join(resultsDir, 'latest.json');
  let previous: Record<string, number | null> = {};
  if (existsSync(latest)) {
    try {
      const old = JSON.parse(readFileSync(latest, 'utf8')) as { rows?: Row[] };
      for (const r of old.rows ?? []) previous[r.name] = r.value;
    } catch {
      previous = {};
    }
  }

  const header = ['figure', 'value', 'unit', 'target', 'ok', 'previous', 'note'];
  const table = rows.map((r) => [
    r.name,
    format(r.value),
    r.unit,
    r.target,
    r.met === null ? '' : r.met ? 'yes' : 'NO',
    r.name in previous ? format(previous[r.name] ?? null) : '',
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of table) process.stdout.write(`${line(row)}\n`);

  mkdirSync(resultsDir, { recursive: true });
  if (existsSync(latest)) renameSync(latest, join(resultsDir, 'previous.json'));
  writeFileSync(
    latest,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`,
  );
  process.stdout.write(
    `\nwritten to bench-results/latest.json${Object.keys(previous).length ? ' (previous run kept as previous.json)' : ''}\n`,
  );
}

void main();
