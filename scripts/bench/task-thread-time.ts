// The thread (CPU) time of each task on a page's main thread, from a Chrome trace. A long task's wall time
// (what PerformanceObserver reports, and what the bench judges) includes the time the machine's other jobs held
// the processor; its thread time is only what the page did. Both are printed, so a missed start-up figure says
// which of the two it is.

/** The light trace that is enough for taskThreadTimes: top-level tasks with their thread time. */
export const TASK_TRACE_CATEGORIES = ['disabled-by-default-devtools.timeline'];

export interface TraceEvent {
  readonly name: string;
  readonly cat?: string;
  readonly ph: string;
  readonly ts: number;
  readonly id?: string;
  readonly dur?: number;
  /** Thread time (CPU), µs. */
  readonly tdur?: number;
  readonly tid: number;
  readonly pid: number;
  readonly args?: {
    name?: string;
    data?: {
      url?: string;
      startTime?: number;
      cpuProfile?: CpuProfile;
      timeDeltas?: number[];
    };
  };
}

export interface CpuProfile {
  readonly nodes?: { id: number; parent?: number; callFrame: { functionName: string; url?: string } }[];
  readonly samples?: number[];
}

export function mainThread(events: readonly TraceEvent[]): TraceEvent | undefined {
  return events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
}

/** A main-thread task's thread (CPU) time and, for a long one, its largest inner events. */
export interface TaskCpu {
  readonly ms: number;
  readonly what: string;
}

/** The thread (CPU) time of every top-level task on the page's main thread, in trace order. */
export function taskThreadTimes(events: readonly TraceEvent[]): TaskCpu[] {
  const main = mainThread(events);
  if (!main) return [];
  const onMain = events
    .filter((e) => e.tid === main.tid && e.pid === main.pid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out: TaskCpu[] = [];
  let end = -Infinity;
  onMain.forEach((t, i) => {
    if (t.name !== 'RunTask' || t.ts < end) return;
    end = t.ts + (t.dur ?? 0);
    const ms = (t.tdur ?? 0) / 1000;
    let what = '';
    if (ms > 50) {
      const inner: TraceEvent[] = [];
      for (let j = i + 1; j < onMain.length && onMain[j]!.ts < end; j++) inner.push(onMain[j]!);
      what = inner
        .filter((e) => !/RunTask|Microtask/.test(e.name))
        .sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))
        .slice(0, 3)
        .map(
          (e) =>
            `${e.name}${e.args?.data?.url ? ` ${e.args.data.url.split('/').pop()}` : ''} ${((e.tdur ?? 0) / 1000).toFixed(0)}`,
        )
        .join(', ');
    }
    out.push({ ms, what });
  });
  return out;
}
