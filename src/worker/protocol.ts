// The one protocol between the UI thread and the simulation worker. Both sides
// import these types; nothing else crosses the boundary.

import type { Action, Scenario } from '../scenario/schema';
import type { ClusterSnapshot, TraceEvent } from '../sim/types';

/** A user action as the UI sends it: the worker stamps it with the current virtual time. */
export type LiveAction = DistributiveOmit<Action, 'at'>;

export type ToWorker =
  /** Start (or restart) a scenario from time 0, optionally running straight to `at`. */
  | { readonly type: 'load'; readonly scenario: Scenario; readonly at?: number }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  /** Virtual milliseconds per wall-clock millisecond (1 = real time). */
  | { readonly type: 'speed'; readonly speed: number }
  /** Process exactly one event (pauses playback). */
  | { readonly type: 'step' }
  | { readonly type: 'act'; readonly action: LiveAction }
  /** The UI drew the last frame and can take the next one (flow control: at most one frame in flight). */
  | { readonly type: 'ready' };

export type FromWorker =
  | {
      readonly type: 'frame';
      readonly snapshot: ClusterSnapshot;
      /** Trace records since the previous frame (capped: a long unseen stretch sends only its tail). */
      readonly events: readonly TraceEvent[];
      /** How many records of the trace were skipped by the cap. */
      readonly skipped: number;
      readonly playing: boolean;
      readonly speed: number;
    }
  /** A user action that could not be carried out, in words ("C is already down"). */
  | { readonly type: 'refused'; readonly action: LiveAction; readonly reason: string }
  | { readonly type: 'error'; readonly message: string };

export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export { DEFAULT_SPEED, MAX_SPEED, MIN_SPEED } from '../scenario/playback';
