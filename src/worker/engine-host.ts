// The simulation side of the worker, as a plain class so it can be tested without a Worker.
// It maps wall-clock time to virtual time with a speed factor, advances the simulation and
// posts at most one frame per UI frame (the UI says "ready" when it has drawn the last one).

import { Simulation } from '../sim/simulation';
import type { Action, Scenario } from '../scenario/schema';
import { DEFAULT_SPEED, MAX_SPEED, MIN_SPEED, type FromWorker, type LiveAction, type ToWorker } from './protocol';

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

export class EngineHost {
  private sim: Simulation | null = null;
  private playing = false;
  private speed = DEFAULT_SPEED;
  private lastWall = 0;
  private stopTicking: (() => void) | null = null;
  private uiReady = true;
  private dirty = false;
  private sentTrace = 0;

  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly clock: WallClock,
  ) {}

  receive(message: ToWorker): void {
    try {
      this.handle(message);
    } catch (e) {
      this.pause();
      this.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }

  private handle(message: ToWorker): void {
    switch (message.type) {
      case 'load':
        return this.load(message.scenario, message.at);
      case 'play':
        return this.play();
      case 'pause':
        this.pause();
        return this.changed();
      case 'speed':
        this.speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, message.speed));
        return this.changed();
      case 'step':
        this.pause();
        this.sim?.step();
        return this.changed();
      case 'act':
        return this.act(message.action);
      case 'ready':
        this.uiReady = true;
        if (this.dirty) this.flush();
        return;
    }
  }

  private load(scenario: Scenario, at?: number): void {
    this.sim = new Simulation(scenario);
    this.sentTrace = 0;
    if (at !== undefined) this.sim.runUntil(at);
    this.changed();
  }

  private act(live: LiveAction): void {
    const sim = this.sim;
    if (!sim) return;
    const action = { ...live, at: sim.now } as Action;
    const error = sim.perform(action);
    if (error !== undefined) this.post({ type: 'refused', action: live, reason: error });
    this.changed();
  }

  private play(): void {
    if (this.playing) return;
    this.playing = true;
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
    const sim = this.sim;
    if (!sim || !this.playing) return;
    const wall = this.clock.now();
    const advance = Math.min((wall - this.lastWall) * this.speed, MAX_VIRTUAL_MS_PER_TICK);
    this.lastWall = wall;
    try {
      sim.runUntil(sim.now + advance);
    } catch (e) {
      this.pause();
      this.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
      return;
    }
    this.changed();
  }

  /** Something changed: send a frame now if the UI is ready, else as soon as it is. */
  private changed(): void {
    this.dirty = true;
    if (this.uiReady) this.flush();
  }

  private flush(): void {
    const sim = this.sim;
    if (!sim) return;
    const trace = sim.trace;
    // A trace cut back (by a future rewind) restarts the feed from there.
    if (this.sentTrace > trace.length) this.sentTrace = trace.length;
    const from = Math.max(this.sentTrace, trace.length - MAX_EVENTS_PER_FRAME);
    const events = trace.slice(from);
    const skipped = from - this.sentTrace;
    this.sentTrace = trace.length;
    this.dirty = false;
    this.uiReady = false;
    this.post({ type: 'frame', snapshot: sim.snapshot(), events, skipped, playing: this.playing, speed: this.speed });
  }
}
