// What one step of a node asks the host to do, collected while the step runs.
//
// Most steps add one item to a list, or none. A list therefore starts as one shared, frozen empty
// list and is made on its first item at its exact size (`[item]`): an empty `[]` grows room for 17
// items on its first push, and those four lists per step were the largest share of what a step
// allocated (and of the garbage collector's work in a long run).

import type { ClientAnswer, OutgoingMessage, RaftEvent, RaftOutput, TimerRequest } from './types';

const NONE: readonly never[] = Object.freeze([]);

/** A RaftOutput being filled: each list is replaced on its first item, then grown in place. */
export interface CollectingOutput extends RaftOutput {
  messages: readonly OutgoingMessage[];
  timers: readonly TimerRequest[];
  events: readonly RaftEvent[];
  answers: readonly ClientAnswer[];
}

export function emptyOutput(): CollectingOutput {
  return { messages: NONE, timers: NONE, events: NONE, answers: NONE };
}

/**
 * `list` with `item` added: a new one-item list in place of the shared empty one, else `list`
 * itself, pushed to (a non-empty list was made by this function for the output being filled).
 */
export function withItem<T>(list: readonly T[], item: T): readonly T[] {
  if (list.length === 0) return [item];
  (list as T[]).push(item);
  return list;
}
