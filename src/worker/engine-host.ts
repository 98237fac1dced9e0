// The simulation side of the worker, as a plain class so it can be tested without a Worker.
// It maps wall-clock time to virtual time with a speed factor, moves the run's history
// (play, step, step back, seek, branch) and posts at most one frame per UI frame: the UI
// says "ready" when it has drawn the last one.

import { EventBudgetExceeded } from '../sim/event-budget';
import type { LogEntry } from '../raft/types';
import { History } from '../sim/history';
import type { Scenario } from '../sim/scenario-types';
import { spaceTimeWindow } from '../sim/spacetime';
import { performSpread, type SpreadTarget } from '../sim/spread-path';
import { packedRoomAt } from '../sim/trace-pack';
import type { ClientHistoryTracker } from './client-history';
import { FrameMirror, type KvChangesSink } from './frame-mirror';
import { writeFrameNumbers, writeKvChangeCounts, type FrameCounters } from './frame-numbers';
import { LogMirror } from './log-mirror';
import { MarksSender } from './marks-sender';
import { RequestsSender } from './requests-sender';
import { messageProblem } from './message-guard';
import {
  DEFAULT_SPEED,
  frameNumberSlots,
  MAX_SPEED,
  MIN_SPEED,
  type FromWorker,
  type LiveAction,
  type PackedFrameMessage,
  type ToWorker,
} from './protocol';

/** The host's wall clock; in the worker it is performance.now and setInterval. */
export interface WallClock {
  now(): number;
  every(ms: number, tick: () => void): () => void;
}

/** Trace records sent with one frame at most; the event feed shows only the recent ones anyway. */
const MAX_EVENTS_PER_FRAME = 400;
/** Never simulate more than this much virtual time in one tick, so a slow tick cannot snowball. */
const MAX_VIRTUAL_MS_PER_TICK = 100;
const TICK_MS = 16;
/** While playing, new timeline marks are sent at most this often (wall ms). */
const MARKS_INTERVAL = 250;
/**
 * Far seeks run in slices of at most this much wall time (and SEEK_SLICE_EVENTS events), so the
 * worker keeps answering: progress goes out, and Cancel and the watchdog's pings get in.
 */
const SEEK_SLICE_MS = 40;
const SEEK_SLICE_EVENTS = 50_000;
const SEEK_CHUNK_EVENTS = 2_000;
/**
 * The most events a seek may compute. The history keeps every event (about 100 bytes each, with its
 * checkpoints), so this bounds a far seek's memory near 200 MB: a virtual hour of 9 nodes with 30% loss
 * and duplication (about 1.6 million events) fits; a virtual day (about 38 million) is refused.
 */
export const MAX_SEEK_EVENTS = 2_000_000;
/** Virtual time a far seek computes before it judges, from the events so far, whether the target is affordable. */
const SEEK_SAMPLE_MS = 5_000;

interface SeekJob {
  readonly target: number;
  /** Where the view was before: a refused seek goes back there. */
  readonly origin: number;
  /** For a link's instant: the scenario to open at the start if the instant is too far. */
  readonly reload: Scenario | null;
  /** One chunk of the work, at most this many new events: true once it has arrived. */
  readonly toward: (maxEvents: number) => boolean;
  /**
   * Whether the work is judged by its cost and refused past MAX_SEEK_EVENTS: a seek's is. Returning to a
   * branch recomputes events that were computed once already.
   */
  readonly judged: boolean;
  /** It posted progress, so the UI waits for its end. */
  announced: boolean;
  stop: () => void;
}

/** Messages that leave a far seek running; any other one stops it first. */
const KEEPS_SEEKING: ReadonlySet<ToWorker['type']> = new Set([
  'ready',
  'ping',
  'speed',
  'spaceTime',
  'exportScenario',
  'clientHistory',
]);

export class EngineHost {
  private history: History | null = null;
  private playing = false;
  private manual = false;
  private speed = DEFAULT_SPEED;
  private lastWall = 0;
  private stopTicking: (() => void) | null = null;
  private uiReady = true;
  /** The last frame's buffer, handed back by the UI with `ready`: the next frame packs into it. */
  private spare: ArrayBuffer | undefined = undefined;
  private dirty = false;
  /** How much of the trace the UI has: the feed continues from there. */
  private sentTrace = 0;
  /** The view jumped since the last frame (a new run, another branch): see FrameMessage.jumped. */
  private jumped = true;
  /** The feed's records start over with the next frame's (a new branch forked here), without a jump. */
  private restartFeed = false;
  private readonly marks = new MarksSender();
  private marksSentAt = -Infinity;
  /** The logs the UI has: a frame carries only the entries it lacks. */
  private readonly logMirror = new LogMirror();
  /** The requests the UI has: a frame carries only new or changed ones. */
  private readonly requestsSender = new RequestsSender();
  /** The cluster's other fields the UI has: a frame leaves out those that did not change. */
  private readonly frameMirror = new FrameMirror();
  private seekJob: SeekJob | null = null;
  /** The history panel's reader of the client history, loaded the first time the panel asks. */
  private clientHistory: ClientHistoryTracker | null = null;

  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly clock: WallClock,
  ) {}

  receive(message: ToWorker): void {
    const problem = messageProblem(message);
    if (problem !== undefined) return this.post({ type: 'error', message: `refused a message: ${problem}` });
    try {
      this.handle(message);
    } catch (e) {
      this.stopOn(e);
    }
  }

  /** Something went wrong while moving: stop playing and say what. */
  private stopOn(e: unknown): void {
    this.pause();
    this.endSeek('cancelled');
    if (e instanceof EventBudgetExceeded) {
      // The run is consistent at the instant it stopped: draw it, and say why time stands still.
      this.post({ type: 'overBudget', time: e.time, limit: e.limit });
      this.changed();
      return;
    }
    this.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }

  private handle(message: ToWorker): void {
    if (this.seekJob && !KEEPS_SEEKING.has(message.type)) {
      this.endSeek('cancelled');
      this.changed();
    }
    if (message.type === 'cancelSeek') return;
    if (message.type === 'ping') return this.post({ type: 'pong', id: message.id });
    if (message.type === 'load') return this.load(message.scenario, message.at);
    if (message.type === 'ready') {
      this.uiReady = true;
      if (message.spare instanceof ArrayBuffer) this.spare = message.spare;
      if (this.dirty) this.flush();
      return;
    }
    if (message.type === 'speed') {
      this.speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, message.speed));
      return this.changed();
    }
    const h = this.history;
    if (!h) return;
    switch (message.type) {
      case 'play':
        return this.play();
      case 'pause':
        this.pause();
        return this.changed();
      case 'step':
        this.pause();
        h.stepForward();
        return this.changed();
      case 'stepBack':
        this.pause();
        h.stepBack();
        return this.changed();
      case 'stepTo': {
        this.pause();
        const result = h.stepToNext(message.kind);
        if (!result.found) this.post({ type: 'notFound', kind: message.kind, reason: result.reason });
        return this.changed();
      }
      case 'seek':
        this.pause();
        return this.seek(h, Math.max(0, message.time), null);
      case 'act':
        return this.act(h, message.action);
      case 'actSpread':
        return this.actSpread(h, message.actions);
      case 'switchBranch':
        return this.switchBranch(h, message.id);
      case 'manual':
        this.manual = message.on;
        if (message.on) this.pause();
        return this.changed();
      case 'spaceTime':
        this.post({
          type: 'spaceTime',
          request: message.request,
          window: spaceTimeWindow(h.records, h.traceLength, message.from, message.to),
        });
        return;
      case 'exportScenario':
        this.post({ type: 'scenario', request: message.request, scenario: h.branchScenario(), at: h.now });
        return;
      case 'clientHistory':
        void this.sendClientHistory(message.request);
        return;
    }
  }

  /** The client history and the checker's verdict, for the history panel (the checker loads on first use). */
  private async sendClientHistory(request: number): Promise<void> {
    try {
      if (this.clientHistory === null) {
        const { ClientHistoryTracker } = await import('./client-history');
        this.clientHistory ??= new ClientHistoryTracker();
      }
      const h = this.history;
      if (!h) return;
      this.post({ type: 'clientHistory', request, view: this.clientHistory.view(h) });
    } catch (e) {
      this.stopOn(e);
    }
  }

  private load(scenario: Scenario, at?: number): void {
    this.pause();
    this.history = new History(scenario);
    this.marks.forget();
    this.sentTrace = 0;
    this.logMirror.forget();
    this.requestsSender.forget();
    this.frameMirror.forget();
    this.jumped = true;
    if (at !== undefined && at > 0) return this.seek(this.history, at, scenario);
    this.changed();
  }

  /**
   * Go to virtual time `target`. Near targets are reached at once; far ones are computed in slices
   * (seekProgress between them) and stop when they would cost more than MAX_SEEK_EVENTS.
   */
  private seek(h: History, target: number, reload: Scenario | null): void {
    const toward = (maxEvents: number): boolean => h.seekToward(target, maxEvents);
    this.startJob(h, { target, origin: h.now, reload, toward, judged: true, announced: false, stop: () => undefined });
  }

  /**
   * Return to a branch. A branch the class left is recomputed from its actions (History.beginSwitch): for
   * a long one that is seconds of work, done in slices as a far seek is, with its progress, so the worker
   * keeps answering the UI's watchdog (done at once, an hour's branch read as a worker that stopped responding).
   */
  private switchBranch(h: History, id: number): void {
    this.pause();
    const recomputing = h.beginSwitch(id);
    this.jumped = true;
    if (!recomputing) return this.changed();
    const toward = (maxEvents: number): boolean => h.recomputeToward(recomputing, maxEvents);
    const target = recomputing.end.time;
    this.startJob(h, {
      target,
      origin: h.now,
      reload: null,
      toward,
      judged: false,
      announced: false,
      stop: () => undefined,
    });
  }

  /** Runs a seek job: at once when it is short, else in slices between which the worker stays responsive. */
  private startJob(h: History, job: SeekJob): void {
    this.seekJob = job;
    if (this.seekSlice(h, job)) return;
    // The cluster at its present instant stays drawn while the seek goes on.
    this.changed();
    job.stop = this.clock.every(0, () => {
      if (this.seekJob !== job) return;
      try {
        this.seekSlice(h, job);
      } catch (e) {
        this.stopOn(e);
      }
    });
  }

  /** One slice of a far seek; true when the seek is over (arrived or refused). */
  private seekSlice(h: History, job: SeekJob): boolean {
    const began = this.clock.now();
    for (let done = 0; done < SEEK_SLICE_EVENTS; done += SEEK_CHUNK_EVENTS) {
      if (job.toward(SEEK_CHUNK_EVENTS)) {
        this.endSeek('arrived');
        this.changed();
        return true;
      }
      const estimate = job.judged ? estimatedEvents(h, job.target) : 0;
      if (estimate > MAX_SEEK_EVENTS) {
        this.refuseSeek(h, job, estimate);
        return true;
      }
      if (this.clock.now() - began >= SEEK_SLICE_MS) break;
    }
    job.announced = true;
    this.post({ type: 'seekProgress', target: job.target, reached: h.now });
    return false;
  }

  /** Too far to afford: say so, and open at the start (a link) or go back to where the view was. */
  private refuseSeek(h: History, job: SeekJob, estimate: number): void {
    this.endSeek('tooFar', { estimate, limit: MAX_SEEK_EVENTS, restarted: job.reload !== null });
    if (job.reload) {
      // A fresh history lets the computed events go.
      this.history = new History(job.reload);
      this.marks.forget();
      this.logMirror.forget();
      this.requestsSender.forget();
      this.frameMirror.forget();
      this.jumped = true;
    } else {
      h.seekTime(job.origin);
    }
    this.changed();
  }

  private endSeek(
    outcome: 'arrived' | 'cancelled' | 'tooFar',
    cost?: { estimate: number; limit: number; restarted: boolean },
  ): void {
    const job = this.seekJob;
    if (!job) return;
    job.stop();
    this.seekJob = null;
    if (job.announced || outcome === 'tooFar')
      this.post({ type: 'seekDone', outcome, target: job.target, ...(cost ?? {}) });
  }

  private act(h: History, live: LiveAction): void {
    this.perform(h, live);
    this.changed();
  }

  /** A path of actions a little apart in time, as the CLI replays an explored stale read. */
  private actSpread(h: History, actions: readonly LiveAction[]): void {
    this.pause();
    const target: SpreadTarget<LiveAction> = {
      get now() {
        return h.now;
      },
      nextEventTime: () => h.nextEventTime(),
      runUntil: (time) => h.runUntil(time),
      perform: (action) => this.perform(h, action),
    };
    const { stuck } = performSpread(target, actions);
    // Said, not hidden: the History tab would count the touching operations as concurrent.
    if (stuck) this.post({ type: 'spreadStuck' });
    this.changed();
  }

  /** A user action at the current instant; a refusal is reported with its reason. */
  private perform(h: History, live: LiveAction): void {
    const result = h.perform(live);
    if (result.error !== undefined) {
      this.post({
        type: 'refused',
        action: live,
        reason: result.error,
        ...(result.refusal ? { refusal: result.refusal } : {}),
      });
    }
    // The new branch shares the past up to here: the feed starts over with its records, its story goes on.
    if (result.forked) this.restartFeed = true;
  }

  private play(): void {
    if (this.playing) return;
    this.playing = true;
    this.manual = false;
    this.lastWall = this.clock.now();
    this.stopTicking = this.clock.every(TICK_MS, () => this.tick());
    this.changed();
  }

  private pause(): void {
    this.playing = false;
    this.stopTicking?.();
    this.stopTicking = null;
  }

  private tick(): void {
    const h = this.history;
    if (!h || !this.playing) return;
    const wall = this.clock.now();
    const advance = Math.min((wall - this.lastWall) * this.speed, MAX_VIRTUAL_MS_PER_TICK);
    this.lastWall = wall;
    const violationsBefore = h.simulation.violations.length;
    try {
      h.runUntil(h.now + advance);
    } catch (e) {
      this.stopOn(e);
      return;
    }
    const violations = h.simulation.violations;
    if (violations.length > violationsBefore) {
      // A class must not miss the moment Raft goes wrong: stop on it.
      const v = violations[violationsBefore]!;
      h.seekTime(v.time);
      this.pause();
      this.post({ type: 'pausedOnViolation', violation: v });
    }
    this.changed();
  }

  /**
   * The cluster as the UI lacks it. Long logs dominate the cost of copying a frame to the UI thread,
   * and they mostly grow at the end: a node's log carries only the entries the UI lacks, and its
   * shared log prefix says how many leading ones of the last frame's log it keeps (see LogMirror: the
   * cost is what changed, not the log's length). Likewise the requests: only new or changed ones
   * travel, and the request ids list the frame's requests in order. The fields that change nearly
   * every frame travel as numbers (frame-numbers.ts), the log tails and the key-value changes in one list
   * each beside them; any other field equal to the last frame's is left out (FrameMirror).
   */
  private packFrame(
    h: History,
    counters: Omit<FrameCounters, 'time' | 'step'>,
    events: { readonly from: number; readonly to: number },
  ): PackedFrameMessage {
    const frame = h.snapshot({ logs: false, requests: false });
    const sharedLogPrefix: number[] = [];
    const tails: LogEntry[][] = [];
    for (const node of frame.nodes) {
      const { shared, tail } = this.logMirror.delta(node.id, h.simulation.logOf(node.id));
      sharedLogPrefix.push(shared);
      tails.push(tail);
    }
    const requests = this.requestsSender.delta(h.simulation.recentRequests());
    const branches = h.branches();
    // The numbers ride in the packed trace's buffer, after its rows: one buffer to transfer, not two.
    const slots = frameNumberSlots(frame.nodes.length, requests.ids.length, branches.length);
    const spare = this.spare;
    this.spare = undefined;
    const packed = h.simulation.records.pack(events.from, events.to, slots * Float64Array.BYTES_PER_ELEMENT, spare);
    const { numbers, carried, entries } = writeFrameNumbers(
      { ...counters, time: frame.time, step: frame.step },
      frame.nodes,
      sharedLogPrefix,
      requests.ids,
      branches,
      tails,
      new Float64Array(packed.buffer, packedRoomAt(packed.count), slots),
    );
    const kv: KvChangesSink = { pairs: [], counts: [] };
    const snapshot = this.frameMirror.delta({ ...frame, requests: requests.changed }, carried, kv);
    writeKvChangeCounts(numbers, kv.counts);
    return { type: 'packedFrame', numbers, snapshot, entries, kvChanges: kv.pairs, events: packed };
  }

  /** Something changed: send a frame now if the UI is ready, else as soon as it is. */
  private changed(): void {
    this.dirty = true;
    if (this.uiReady) this.flush();
  }

  private flush(): void {
    const h = this.history;
    if (!h) return;
    const trace = h.simulation.records;
    // Moving back (a step back, a seek back) is a jump too: what the feed told is after the new instant.
    const jumped = this.jumped || this.sentTrace > trace.length;
    const restart = jumped || this.restartFeed;
    const from = restart ? Math.max(0, trace.length - MAX_EVENTS_PER_FRAME) : this.sentTrace;
    const start = Math.max(from, trace.length - MAX_EVENTS_PER_FRAME);
    // Also when more happened than a frame carries: the feed goes on from the newest records.
    const resetFeed = restart || start > from;
    const events = { from: start, to: trace.length };
    this.sentTrace = trace.length;
    this.jumped = false;
    this.restartFeed = false;
    this.dirty = false;
    this.uiReady = false;

    const wall = this.clock.now();
    const marks =
      !this.playing || wall - this.marksSentAt >= MARKS_INTERVAL ? this.marks.update(h.marks, h.branch) : undefined;
    if (marks) this.marksSentAt = wall;

    const frame = this.packFrame(
      h,
      {
        end: h.end,
        branch: h.branch,
        speed: this.speed,
        playing: this.playing,
        manual: this.manual,
        resetFeed,
        jumped,
      },
      events,
    );
    this.post(marks ? { ...frame, marks } : frame);
  }
}

/** The events a run needs to reach `target`, judged from its pace so far (exact once past the cap). */
function estimatedEvents(h: History, target: number): number {
  const events = h.end.step;
  if (events > MAX_SEEK_EVENTS) return events;
  if (h.now < Math.min(target, SEEK_SAMPLE_MS)) return events;
  return h.now > 0 ? (events / h.now) * target : events;
}
