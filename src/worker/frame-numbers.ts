// Writes the numbers of a packed frame (layout in protocol.ts): the node fields that change nearly
// every frame (terms, commit and apply indexes, timers, nextIndex and matchIndex …), the shared log
// prefixes, the request ids, the run's branches and the frame's own counters. As object fields they were most of what
// cloning a frame to the UI thread cost; as one transferred Float64Array they cost a copy of bytes.

import type { LogEntry, NodeId } from '../raft/types';
import type { BranchInfo, Instant } from '../sim/history';
import type { NodeFrame, TimerSnapshot } from '../sim/types';
import {
  BRANCH_SLOT,
  BRANCH_SLOTS,
  FRAME_FLAGS,
  FRAME_HEAD,
  frameNumberSlots,
  NODE_SLOT,
  NODE_SLOTS,
  nodeSlotsAt,
  NUMBER_FIELD_BITS,
  ROLE_NUMBERS,
} from './protocol';

export interface FrameCounters {
  readonly time: number;
  readonly step: number;
  readonly end: Instant;
  readonly branch: number;
  readonly speed: number;
  readonly playing: boolean;
  readonly manual: boolean;
  readonly resetFeed: boolean;
  readonly jumped: boolean;
}

/** Every number field carried: what a node of the usual shape gets. */
export const ALL_CARRIED = Object.values(NUMBER_FIELD_BITS).reduce((sum, bit) => sum + bit, 0);

export interface WrittenNumbers {
  readonly numbers: Float64Array<ArrayBuffer>;
  /** Per node, the NUMBER_FIELD_BITS the numbers carry: the others must travel in the node's object. */
  readonly carried: readonly number[];
  /** The nodes' log tails one after the other (the packed frame's `entries`); empty without `tails`. */
  readonly entries: LogEntry[];
}

/** The frame's numbers, in a new array or in `into` (zeroed, exactly frameNumberSlots long). */
export function writeFrameNumbers(
  counters: FrameCounters,
  nodes: readonly NodeFrame[],
  sharedLogPrefix: readonly number[],
  requestIds: readonly number[],
  branches: readonly BranchInfo[],
  tails?: readonly (readonly LogEntry[])[],
  into?: Float64Array<ArrayBuffer>,
): WrittenNumbers {
  const n = nodes.length;
  const slots = frameNumberSlots(n, requestIds.length, branches.length);
  if (into !== undefined && into.length !== slots)
    throw new Error(`a frame of ${n} nodes needs ${slots} numbers, not ${into.length}`);
  const x = into ?? new Float64Array(slots);
  x[FRAME_HEAD.time] = counters.time;
  x[FRAME_HEAD.step] = counters.step;
  x[FRAME_HEAD.endStep] = counters.end.step;
  x[FRAME_HEAD.endTime] = counters.end.time;
  x[FRAME_HEAD.branch] = counters.branch;
  x[FRAME_HEAD.speed] = counters.speed;
  x[FRAME_HEAD.flags] =
    (counters.playing ? FRAME_FLAGS.playing : 0) +
    (counters.manual ? FRAME_FLAGS.manual : 0) +
    (counters.resetFeed ? FRAME_FLAGS.resetFeed : 0) +
    (counters.jumped ? FRAME_FLAGS.jumped : 0);
  x[FRAME_HEAD.nodes] = n;
  x[FRAME_HEAD.requests] = requestIds.length;
  x[FRAME_HEAD.branches] = branches.length;
  const ids = nodes.map((node) => node.id);
  const entries: LogEntry[] = [];
  const carried: number[] = [];
  for (let k = 0; k < n; k++) {
    const at = nodeSlotsAt(n, k);
    let bits = writeNode(x, at, nodes[k]!, ids, sharedLogPrefix[k] ?? 0);
    const tail = tails?.[k];
    if (tail === undefined) {
      bits -= NUMBER_FIELD_BITS.log;
    } else {
      x[at + NODE_SLOT.tailCount] = tail.length;
      for (let e = 0; e < tail.length; e++) entries.push(tail[e]!);
    }
    x[at + NODE_SLOT.carried] = bits;
    carried.push(bits);
  }
  const requestsAt = nodeSlotsAt(n, n);
  // A loop, not x.set: setting a typed array from a plain array takes V8's slow path (3 µs here).
  for (let k = 0; k < requestIds.length; k++) x[requestsAt + k] = requestIds[k]!;
  for (let b = 0, at = requestsAt + requestIds.length; b < branches.length; b++, at += BRANCH_SLOTS) {
    const branch = branches[b]!;
    x[at + BRANCH_SLOT.id] = branch.id;
    x[at + BRANCH_SLOT.parent] = branch.parent ?? -1;
    x[at + BRANCH_SLOT.forkStep] = branch.fork?.step ?? NaN;
    x[at + BRANCH_SLOT.forkTime] = branch.fork?.time ?? NaN;
    x[at + BRANCH_SLOT.endStep] = branch.end.step;
    x[at + BRANCH_SLOT.endTime] = branch.end.time;
    x[at + BRANCH_SLOT.liveActions] = branch.liveActions;
    x[at + BRANCH_SLOT.current] = branch.current ? 1 : 0;
  }
  return { numbers: x, carried, entries };
}

/** Writes node slots at `at` but its carried bits and its tail; returns the NUMBER_FIELD_BITS it could carry. */
function writeNode(x: Float64Array, at: number, node: NodeFrame, ids: readonly NodeId[], shared: number): number {
  let carried = ALL_CARRIED;
  x[at + NODE_SLOT.sharedLogPrefix] = shared;
  x[at + NODE_SLOT.alive] = node.alive ? 1 : 0;
  const role = ROLE_NUMBERS.indexOf(node.role);
  if (role < 0) carried -= NUMBER_FIELD_BITS.role;
  x[at + NODE_SLOT.role] = role;
  x[at + NODE_SLOT.currentTerm] = node.currentTerm;
  const votedFor = nodeRef(node.votedFor, ids);
  if (votedFor === undefined) carried -= NUMBER_FIELD_BITS.votedFor;
  x[at + NODE_SLOT.votedFor] = votedFor ?? -1;
  const leaderId = nodeRef(node.leaderId, ids);
  if (leaderId === undefined) carried -= NUMBER_FIELD_BITS.leaderId;
  x[at + NODE_SLOT.leaderId] = leaderId ?? -1;
  x[at + NODE_SLOT.commitIndex] = node.commitIndex;
  x[at + NODE_SLOT.lastApplied] = node.lastApplied;
  writeTimer(x, at + NODE_SLOT.electionArmedAt, node.electionTimer);
  writeTimer(x, at + NODE_SLOT.heartbeatArmedAt, node.heartbeatTimer);
  x[at + NODE_SLOT.conflictFrom] = node.conflictFrom ?? NaN;
  x[at + NODE_SLOT.clockRate] = node.clockRate;
  if (!writeIndexes(x, at + NODE_SLOTS, node.nextIndex, ids)) carried -= NUMBER_FIELD_BITS.nextIndex;
  if (!writeIndexes(x, at + NODE_SLOTS + ids.length, node.matchIndex, ids)) carried -= NUMBER_FIELD_BITS.matchIndex;
  return carried;
}

/** A node's position in the frame, -1 for null; undefined when the frame has no such node. */
function nodeRef(id: NodeId | null, ids: readonly NodeId[]): number | undefined {
  if (id === null) return -1;
  const k = ids.indexOf(id);
  return k < 0 ? undefined : k;
}

function writeTimer(x: Float64Array, at: number, timer: TimerSnapshot | null): void {
  x[at] = timer?.armedAt ?? NaN;
  x[at + 1] = timer?.deadline ?? NaN;
}

/**
 * One slot per node of the frame (NaN: no entry). Only when the record's keys are nodes of the frame in
 * the frame's order, so the store builds back the very same record, keys in the same order; else false.
 */
function writeIndexes(
  x: Float64Array,
  at: number,
  record: Readonly<Record<NodeId, number>>,
  ids: readonly NodeId[],
): boolean {
  x.fill(NaN, at, at + ids.length);
  let last = -1;
  for (const key in record) {
    const k = ids.indexOf(key);
    if (k <= last) return false;
    last = k;
    x[at + k] = record[key]!;
  }
  return true;
}

/** Writes each node's count of key-value pairs (FrameMirror's KvChangesSink) into numbers written above. */
export function writeKvChangeCounts(x: Float64Array, counts: readonly number[]): void {
  const n = x[FRAME_HEAD.nodes]!;
  for (let k = 0; k < n; k++) x[nodeSlotsAt(n, k) + NODE_SLOT.kvChangeCount] = counts[k] ?? 0;
}
