// Control over time: a run the class can scrub, step back through and rewrite.
//
// The history never copies the cluster per event. It keeps checkpoints (Simulation.save)
// every few thousand events, spaced by the size of the state so their cost stays a small
// share of the run, and reaches any instant by restoring the nearest checkpoint before it
// and replaying: the simulation is deterministic, so the replay is the run. The trace
// computed so far is kept whole, so moving back loses nothing and moving forward again
// finds the same events.
//
// Acting at an instant earlier than the furthest one computed starts a branch: a new
// scenario made of the actions that had run by then plus the new one, each live action
// pinned to the step it followed (`afterStep`), so replaying that scenario from scratch
// gives the branch's trace byte for byte. Branches share their parent's checkpoints and
// trace before the fork; earlier branches are kept and can be returned to.

import { malformedAction } from './action-check';
import { EventBudget } from './event-budget';
import { milestoneMatcher, type MilestoneKind } from './event-kinds';
import { refusalText, type ActionRefusal } from './refusal';
import { stampAction, type Action, type Scenario } from './scenario-types';
import { Simulation, type SimCheckpoint } from './simulation';
import { TimelineBuilder, type TimelineMarks } from './timeline';
import { TraceLog, type TraceReader } from './trace-log';
import type { ClusterFrame, TraceEvent, Violation } from './types';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An action from the UI: the history decides when it happens (now) and where it replays. */
export type LiveAction = DistributiveOmit<Action, 'at' | 'afterStep'>;

/** A point of a run: `step` events processed, clock at `time` (at or after the last event's time). */
export interface Instant {
  readonly step: number;
  readonly time: number;
}

/** A branch being recomputed on return (History.beginSwitch): the instants it reached and was left at. */
export interface BranchReturn {
  readonly end: Instant;
  readonly left: Instant;
}

export interface HistorySettings {
  /** The fewest events between two checkpoints. */
  readonly minCheckpointInterval?: number;
  /** Events between checkpoints per unit of state (log entries and client requests). */
  readonly checkpointRatio?: number;
}

export interface BranchInfo {
  readonly id: number;
  /** The branch this one was forked from, and where; null for the first run. */
  readonly parent: number | null;
  readonly fork: Instant | null;
  readonly end: Instant;
  /** Actions the class took on this branch and its ancestors (pinned with afterStep). */
  readonly liveActions: number;
  readonly current: boolean;
}

export interface PerformResult {
  /** Why the simulation could not carry it out (it still counts as a step and is recorded). */
  readonly error?: string;
  /** The same, as data, when the simulation refused it (not for a malformed action). */
  readonly refusal?: ActionRefusal;
  /** True when acting in the past started a new branch. */
  readonly forked: boolean;
  readonly branch: number;
}

export type StepToResult =
  | { readonly found: true; readonly event: TraceEvent }
  | { readonly found: false; readonly reason: 'limit' | 'no-more-events' };

export interface StepToLimits {
  /** At most this many events ahead (default 100,000). */
  readonly maxSteps?: number;
  /** At most this many virtual ms ahead (default 60,000). */
  readonly maxTime?: number;
}

interface Branch {
  readonly id: number;
  readonly parent: number | null;
  readonly fork: Instant | null;
  readonly sim: Simulation;
  /** Taken right after an event (never at a time moved past the last event), in step order. */
  readonly checkpoints: SimCheckpoint[];
  /** Every event computed on this branch, up to `end`; sim.records is a prefix of it. */
  readonly trace: TraceLog;
  readonly violations: Violation[];
  readonly timeline: TimelineBuilder;
  end: Instant;
  /** sim.records[0..synced) and sim.violations[0..violationsSynced) share the objects of the above. */
  synced: number;
  violationsSynced: number;
  /** The time of the last event processed (sim.now may have moved past it). */
  eventTime: number;
  nextCheckpointStep: number;
}

/**
 * A branch the class is not on: its simulation, trace and checkpoints are let go, and only its
 * actions are kept. Returning to it replays them (the simulation is deterministic, so the replay is
 * the branch), which is far cheaper in memory than keeping every branch of a long lesson computed.
 */
interface DroppedBranch {
  readonly id: number;
  readonly parent: number | null;
  readonly fork: Instant | null;
  readonly end: Instant;
  /** Where the class left it, where switching back returns. */
  readonly left: Instant;
  readonly scenario: Scenario;
  readonly liveActions: number;
  readonly dropped: true;
}

const DEFAULT_MIN_INTERVAL = 2000;
const DEFAULT_RATIO = 0.1;

export class History {
  private readonly branchList: (Branch | DroppedBranch)[] = [];
  private current: Branch;
  private readonly minInterval: number;
  private readonly ratio: number;
  /** Every newly computed event counts against it (event-budget.ts); over it, moving throws. */
  private readonly budget = new EventBudget();

  constructor(scenario: Scenario, settings: HistorySettings = {}) {
    this.minInterval = settings.minCheckpointInterval ?? DEFAULT_MIN_INTERVAL;
    this.ratio = settings.checkpointRatio ?? DEFAULT_RATIO;
    this.current = this.computedBranch(0, null, null, scenario);
    this.branchList.push(this.current);
    this.afterMove();
  }

  /** A branch computed from its scenario, at its start. */
  private computedBranch(id: number, parent: number | null, fork: Instant | null, scenario: Scenario): Branch {
    const sim = new Simulation(scenario, { recordTrace: true });
    // The trace is held once: the simulation's records are a prefix of the kept trace, in its storage.
    const trace = copyOf(sim.records, sim.records.length);
    sim.records.shareStorageOf(trace, trace.length);
    return {
      id,
      parent,
      fork,
      sim,
      checkpoints: [],
      trace,
      violations: [],
      timeline: new TimelineBuilder(initialTerms(scenario)),
      end: { step: 0, time: 0 },
      synced: trace.length,
      violationsSynced: 0,
      eventTime: 0,
      nextCheckpointStep: 0,
    };
  }

  // ---- Where we are ----------------------------------------------------------------

  get now(): number {
    return this.current.sim.now;
  }

  get step(): number {
    return this.current.sim.stepCount;
  }

  get instant(): Instant {
    return { step: this.step, time: this.now };
  }

  /** The furthest instant computed so far on this branch. */
  get end(): Instant {
    return this.current.end;
  }

  /** Every event computed on this branch up to `end`, as objects built anew on each call. */
  get trace(): readonly TraceEvent[] {
    return this.current.trace.toArray();
  }

  /** The same events, read one at a time without building them all. */
  get records(): TraceReader {
    return this.current.trace;
  }

  /** How many events of `trace` have happened by the current instant. */
  get traceLength(): number {
    return this.current.sim.records.length;
  }

  /** Term bands, leaders, crashes, network changes, commits and violations up to `end`. */
  get marks(): TimelineMarks {
    return this.current.timeline.marks;
  }

  /** The simulation at the current instant, for reading only: act through the history. */
  get simulation(): Simulation {
    return this.current.sim;
  }

  /** The cluster at the current instant (see Simulation.snapshot for `logs: false` and `requests: false`). */
  snapshot(options: { readonly logs?: boolean; readonly requests?: boolean } = {}): ClusterFrame {
    return this.current.sim.snapshot(options);
  }

  // ---- Moving ------------------------------------------------------------------------

  /** Process one event. Returns false when nothing is left to happen. */
  stepForward(): boolean {
    return this.advance();
  }

  /** Back to the previous event: the last event itself when the clock had moved past it. */
  stepBack(): boolean {
    const b = this.current;
    if (b.sim.now > b.eventTime) {
      this.seekStep(b.sim.stepCount);
      return true;
    }
    if (b.sim.stepCount === 0) return false;
    this.seekStep(b.sim.stepCount - 1);
    return true;
  }

  /** Stand right after event `n` (or at the last event, if the run stops before n). */
  seekStep(n: number): void {
    const b = this.current;
    const target = Math.max(0, Math.floor(n));
    const here = b.sim.stepCount;
    const exact = b.sim.now === b.eventTime;
    const checkpoint = this.lastCheckpoint((c) => c.step <= target);
    if (target < here || (target === here && !exact) || checkpoint.step > here) this.restore(checkpoint);
    this.replayKnown(target, Infinity);
    while (b.sim.stepCount < target && this.advance());
  }

  /** Stand at virtual time `t` with every event up to and including `t` processed. */
  seekTime(t: number): void {
    const b = this.current;
    const target = Math.max(0, t);
    const checkpoint = this.lastCheckpoint((c) => c.now <= target);
    if (target < b.sim.now || checkpoint.step > b.sim.stepCount) this.restore(checkpoint);
    this.replayKnown(Infinity, target);
    this.advanceUntil(target, Infinity);
    // Nothing is left at or before the target: this only moves the clock.
    b.sim.runUntil(target);
    this.afterMove();
  }

  /**
   * Part of a seek to virtual time `t`, for far targets: each call computes at most `maxEvents` new
   * events, so the caller can yield, show progress and cancel in between. True once at `t`.
   */
  seekToward(t: number, maxEvents: number): boolean {
    const b = this.current;
    const target = Math.max(0, t);
    // What is already known is reached from the nearest checkpoint: a bounded replay.
    if (target <= b.end.time) {
      this.seekTime(target);
      return true;
    }
    if (b.sim.stepCount < b.end.step) this.seekStep(b.end.step);
    if (this.advanceUntil(target, maxEvents) === maxEvents) return false;
    this.seekTime(target);
    return true;
  }

  /** When the next event would happen on its own, if any (what a spread-out path must stop short of). */
  nextEventTime(): number | undefined {
    return this.current.sim.nextEventTime();
  }

  /** Play forward to `t` (nothing happens when `t` is not ahead). */
  runUntil(t: number): void {
    if (t > this.now) this.seekTime(t);
  }

  /**
   * Move to the event that is the next milestone of `kind` and return it. The search is bounded;
   * when nothing is found the view stays, and a future the search computed (nobody has seen it) is
   * forgotten again: acting there next is acting at the end of the run, not in its past.
   */
  stepToNext(kind: MilestoneKind, limits: StepToLimits = {}): StepToResult {
    const b = this.current;
    const maxSteps = limits.maxSteps ?? 100_000;
    const maxTime = limits.maxTime ?? 60_000;
    const start = this.instant;
    const endBefore = b.end;
    const matches = milestoneMatcher(kind, {
      committed: b.timeline.committedAt(start.step),
      nodes: b.sim.snapshot().nodes,
    });
    const within = (e: TraceEvent): boolean => e.step - start.step <= maxSteps && e.time - start.time <= maxTime;

    // The known future first: a scan of the kept trace, then one seek.
    let i = b.sim.records.length;
    for (; i < b.trace.length; i++) {
      const e = b.trace.at(i)!;
      if (!within(e)) return this.notFound(start, 'limit', endBefore);
      if (matches(e)) {
        this.seekStep(e.step);
        return { found: true, event: e };
      }
    }
    // Then compute new history, one event at a time.
    this.seekStep(b.end.step);
    for (;;) {
      const from = b.sim.records.length;
      if (!this.advance()) return this.notFound(start, 'no-more-events', endBefore);
      for (let k = from; k < b.sim.records.length; k++) {
        const e = b.sim.records.at(k)!;
        if (!within(e)) return this.notFound(start, 'limit', endBefore);
        if (matches(e)) return { found: true, event: e };
      }
      if (b.sim.stepCount - start.step >= maxSteps) return this.notFound(start, 'limit', endBefore);
    }
  }

  // ---- Acting ------------------------------------------------------------------------

  /**
   * Carry out a user action at the current instant. Before `end`, this starts a new branch:
   * the old future is kept on the old branch.
   */
  perform(action: LiveAction): PerformResult {
    let b = this.current;
    const malformed = malformedAction(action);
    if (malformed !== undefined) return { error: malformed, forked: false, branch: b.id };
    // Stamping puts the fields in the saved order and fills defaults, so the recorded action
    // is byte for byte what a saved and reloaded scenario replays.
    const stamped = stampAction(action, b.sim.now, b.sim.stepCount);
    let forked = false;
    if (b.sim.stepCount < b.end.step) {
      b = this.fork();
      forked = true;
    }
    const refusal = b.sim.perform(stamped);
    this.afterEvent();
    return refusal === undefined
      ? { forked, branch: b.id }
      : { error: refusalText(refusal), refusal, forked, branch: b.id };
  }

  // ---- Branches ----------------------------------------------------------------------

  get branch(): number {
    return this.current.id;
  }

  branches(): BranchInfo[] {
    return this.branchList.map((b) => ({
      id: b.id,
      parent: b.parent,
      fork: b.fork,
      end: b.end,
      liveActions: 'dropped' in b ? b.liveActions : b.sim.liveActions().length,
      current: b === this.current,
    }));
  }

  /** Return to a branch, at the instant it was left (recomputing it at once when it was let go). */
  switchBranch(id: number): void {
    const recomputing = this.beginSwitch(id);
    if (recomputing) this.recomputeToward(recomputing, Infinity);
  }

  /**
   * Return to a branch. One the class left was let go (drop) and is recomputed from its actions, to its end
   * and then back to where the class left it: for an hour that is seconds of work, which a caller that
   * must stay responsive (the worker answers the UI's watchdog) does in parts with recomputeToward. Returns
   * that work, or null when there is none (the branch was kept). Until it is done the branch stands short
   * of its end; stopped half-way, it ends where the recomputation stopped, and playing on computes the same
   * events again (they follow from its actions).
   */
  beginSwitch(id: number): BranchReturn | null {
    const found = this.branchList.find((b) => b.id === id);
    if (!found) throw new Error(`no branch ${id}`);
    this.budget.reset();
    if (found === this.current) return null;
    this.drop(this.current);
    if (!('dropped' in found)) {
      this.current = found;
      return null;
    }
    const b = this.computedBranch(found.id, found.parent, found.fork, found.scenario);
    this.branchList[this.branchList.indexOf(found)] = b;
    this.current = b;
    this.afterMove();
    return { end: found.end, left: found.left };
  }

  /** Part of a branch's recomputation (beginSwitch): at most `maxEvents` new events; true once it is done. */
  recomputeToward(recomputing: BranchReturn, maxEvents: number): boolean {
    const { end, left } = recomputing;
    const sim = this.current.sim;
    const missing = end.step - sim.stepCount;
    // Event by event up to the step it reached (an end may fall between two events of one instant).
    if (missing > 0 && this.advanceUntil(Infinity, Math.min(missing, maxEvents)) < missing) {
      if (sim.stepCount < end.step && sim.nextEventTime() !== undefined) return false;
    }
    if (this.now < end.time) this.seekTime(end.time);
    this.seekStep(left.step);
    if (this.now < left.time) this.seekTime(left.time);
    this.budget.reset();
    return true;
  }

  /** Let a branch the class leaves go, keeping what recomputes it. */
  private drop(b: Branch): void {
    const dropped: DroppedBranch = {
      id: b.id,
      parent: b.parent,
      fork: b.fork,
      end: b.end,
      left: { step: b.sim.stepCount, time: b.sim.now },
      scenario: this.branchScenario(b.id),
      liveActions: b.sim.liveActions().length,
      dropped: true,
    };
    this.branchList[this.branchList.indexOf(b)] = dropped;
  }

  /** A branch as a scenario: replaying it from scratch reproduces the branch's trace exactly. */
  branchScenario(id = this.current.id): Scenario {
    const b = this.branchList.find((x) => x.id === id);
    if (!b) throw new Error(`no branch ${id}`);
    if ('dropped' in b) return b.scenario;
    const scripted = b.sim.scenario.actions.filter((a) => a.afterStep === undefined);
    const actions = [...scripted, ...b.sim.liveActions()].sort((x, y) => x.at - y.at);
    return { ...b.sim.scenario, actions };
  }

  // ---- Inside ------------------------------------------------------------------------

  /**
   * Replay events already known (up to `end`) towards a step or a time without recording them:
   * the kept trace has their records, which then stand in for them. This is most of a seek.
   */
  private replayKnown(step: number, time: number): void {
    const b = this.current;
    const sim = b.sim;
    const limit = Math.min(step, b.end.step);
    if (sim.stepCount >= limit) return;
    sim.recording = false;
    try {
      while (sim.stepCount < limit && sim.stepBy(time));
    } finally {
      sim.recording = true;
    }
    b.eventTime = sim.now;
    const known = firstAfterStep(b.trace, sim.stepCount);
    sim.records.appendFrom(b.trace, sim.records.length, known);
    b.synced = known;
    this.afterMove();
  }

  private advance(): boolean {
    if (!this.current.sim.step()) return false;
    this.afterEvent();
    // After the bookkeeping, so a run stopped by the budget is a consistent instant to show.
    this.budget.note(this.current.sim.now);
    return true;
  }

  /**
   * Process the events at or before virtual time `t`, at most `maxEvents` of them, and return how
   * many: what playing and seeking forward do. The per-event part of the bookkeeping (clock,
   * checkpoint, budget) is done per event, the rest (trace, violations, timeline, end) once at the
   * end: it takes in whatever the events added, so once is the same as after each, at a fraction of
   * the cost. Also when the budget stops the run, so the instant shown is consistent.
   */
  private advanceUntil(t: number, maxEvents: number): number {
    const b = this.current;
    const sim = b.sim;
    let n = 0;
    try {
      while (n < maxEvents) {
        if (!sim.stepBy(t)) break;
        n++;
        b.eventTime = sim.now;
        if (sim.stepCount >= b.nextCheckpointStep) this.checkpoint();
        this.budget.note(sim.now);
      }
    } finally {
      this.afterMove();
    }
    return n;
  }

  /** Bookkeeping after an event: clock, checkpoint, trace, end. */
  private afterEvent(): void {
    const b = this.current;
    b.eventTime = b.sim.now;
    if (b.sim.stepCount >= b.nextCheckpointStep) this.checkpoint();
    this.afterMove();
  }

  private afterMove(): void {
    const b = this.current;
    const sim = b.sim;
    if (b.checkpoints.length === 0) this.checkpoint();
    syncTrace(sim.records, b.trace, b.synced);
    b.synced = sim.records.length;
    syncInto(sim.violations, b.violations, b.violationsSynced, () => true);
    b.violationsSynced = sim.violations.length;
    b.timeline.ingest(b.trace);
    if (sim.stepCount > b.end.step || (sim.stepCount === b.end.step && sim.now > b.end.time)) {
      b.end = { step: sim.stepCount, time: sim.now };
    }
  }

  private checkpoint(): void {
    const b = this.current;
    const last = b.checkpoints[b.checkpoints.length - 1];
    // Replays take the same path, so a checkpoint is only ever needed beyond the last one.
    if (last && last.step >= b.sim.stepCount) return;
    const c = b.sim.save(last);
    b.checkpoints.push(c);
    b.nextCheckpointStep = this.nextCheckpointAfter(c);
  }

  /** Spacing grows with the state, so checkpoints stay a small share of the work and memory. */
  private nextCheckpointAfter(c: SimCheckpoint): number {
    return c.step + Math.max(this.minInterval, Math.round(this.ratio * stateSize(c)));
  }

  private lastCheckpoint(fits: (c: SimCheckpoint) => boolean): SimCheckpoint {
    const list = this.current.checkpoints;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (fits(list[mid]!)) lo = mid + 1;
      else hi = mid;
    }
    // The first checkpoint is step 0 at time 0, which fits every target.
    return list[Math.max(0, lo - 1)]!;
  }

  private restore(c: SimCheckpoint): void {
    const b = this.current;
    const sim = b.sim;
    // Jumping ahead: the simulation's trace must hold the kept events up to the checkpoint.
    sim.records.appendFrom(b.trace, sim.records.length, c.traceLength);
    for (let i = sim.violations.length; i < c.violationCount; i++) sim.violations.push(b.violations[i]!);
    sim.restore(c);
    this.budget.reset();
    b.synced = c.traceLength;
    b.violationsSynced = c.violationCount;
    b.eventTime = c.now;
  }

  private notFound(start: Instant, reason: 'limit' | 'no-more-events', endBefore: Instant): StepToResult {
    if (this.step !== start.step || this.now !== start.time) {
      this.seekStep(start.step);
      if (this.now < start.time) this.seekTime(start.time);
    }
    // The search began at the end of what was known: what it computed past there goes again.
    if (endBefore.step === start.step) this.forgetFuture(endBefore);
    return { found: false, reason };
  }

  /** Drop the current branch's events after the current instant; `end` is where the branch ends then. */
  private forgetFuture(end: Instant): void {
    const b = this.current;
    const sim = b.sim;
    const kept = sim.records.length;
    b.trace.truncate(kept);
    b.violations.length = sim.violations.length;
    b.timeline.truncate(sim.stepCount, kept);
    const beyond = b.checkpoints.findIndex((c) => c.step > sim.stepCount);
    if (beyond >= 0) b.checkpoints.length = beyond;
    b.nextCheckpointStep = this.nextCheckpointAfter(b.checkpoints[b.checkpoints.length - 1]!);
    b.synced = Math.min(b.synced, kept);
    b.violationsSynced = Math.min(b.violationsSynced, b.violations.length);
    b.end = end;
  }

  /** A new branch from the current instant; the current branch keeps its future. */
  private fork(): Branch {
    const parent = this.current;
    const from = parent.sim;
    const at = from.save();
    const sim = new Simulation({ ...from.scenario, actions: from.actionsDone() }, { recordTrace: true });
    // The new simulation resumes from the parent's instant, trace included (held once, as the branch's).
    const trace = copyOf(parent.trace, from.records.length);
    sim.records.shareStorageOf(trace, trace.length);
    sim.violations.length = 0;
    for (const v of from.violations) sim.violations.push(v);
    sim.restore(at);
    const fork: Instant = { step: from.stepCount, time: from.now };
    const timeline = parent.timeline.clone();
    timeline.truncate(fork.step, from.records.length);
    // Checkpoints up to the fork are valid here: the actions that had run by then are the same.
    const checkpoints = parent.checkpoints.filter((c) => c.step <= fork.step);
    const branch: Branch = {
      id: this.branchList.length,
      parent: parent.id,
      fork,
      sim,
      checkpoints,
      trace,
      violations: parent.violations.slice(0, from.violations.length),
      timeline,
      end: fork,
      synced: from.records.length,
      violationsSynced: from.violations.length,
      eventTime: parent.eventTime,
      nextCheckpointStep: this.nextCheckpointAfter(checkpoints[checkpoints.length - 1]!),
    };
    this.branchList.push(branch);
    this.current = branch;
    this.drop(parent);
    return branch;
  }
}

/**
 * Make `live[from..]` and `kept` agree: events already kept replace their replayed twins (so
 * memory is not doubled), new ones are appended. A mismatch means the replay diverged, which
 * would make every later instant wrong, so it is an error rather than a silent fork.
 */
function syncInto<T>(live: T[], kept: T[], from: number, same: (a: T, b: T) => boolean): void {
  for (let i = from; i < live.length; i++) {
    if (i < kept.length) {
      if (!same(live[i]!, kept[i]!)) throw new Error(`replay diverged from the kept history at event ${i}`);
      live[i] = kept[i]!;
    } else kept.push(live[i]!);
  }
}

/** syncInto for traces: the replayed twins of kept records share the kept objects. */
function syncTrace(live: TraceLog, kept: TraceLog, from: number): void {
  if (live.isPrefixOf(kept)) {
    // One storage: new records are already in place; the kept trace only takes them in.
    if (live.length > kept.length) kept.appendFrom(live, kept.length, live.length);
    return;
  }
  const overlap = Math.min(live.length, kept.length);
  for (let i = from; i < overlap; i++) {
    if (!live.sameAs(i, kept, i)) throw new Error(`replay diverged from the kept history at event ${i}`);
    live.share(i, kept, i);
  }
  if (live.length > kept.length) kept.appendFrom(live, Math.max(from, kept.length), live.length);
}

function copyOf(trace: TraceLog, length: number): TraceLog {
  const copy = new TraceLog();
  copy.appendFrom(trace, 0, length);
  return copy;
}

/** The index of the first event recorded after `step` (the trace is in step order). */
function firstAfterStep(trace: TraceLog, step: number): number {
  let lo = 0;
  let hi = trace.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (trace.stepAt(mid) <= step) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Each node's term in the scenario's initial state, for the timeline. */
function initialTerms(scenario: Scenario): Record<string, number> {
  return Object.fromEntries(Object.entries(scenario.initial).map(([node, n]) => [node, n.term]));
}

/** What a checkpoint costs to take and keep, in log entries and client requests. */
function stateSize(c: SimCheckpoint): number {
  let size = c.client.requests.length;
  for (const n of Object.values(c.nodes)) size += (n.log ?? n.diskLog).entries.length;
  return size;
}
