// Turns a packed frame (the worker's numbers plus the fields sent as objects) back into the frame the
// store assembles (assemble-frame.ts): the inverse of the worker's frame-numbers.ts (the log tails
// among them), and a node's key-value changes put on its last store. A timer or an index record equal to the last frame's keeps
// the UI's very object, as when it was left out.

import type { LogEntry, NodeId } from '../raft/types';
import type { BranchInfo } from '../sim/history';
import type { ClusterFrame, NodeFrame, TimerSnapshot } from '../sim/types';
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
  type FrameMessage,
  type NodeDelta,
  type PackedFrameMessage,
  type PackedNodeDelta,
} from '../worker/protocol';

/** `packed` as a FrameMessage, given the cluster the UI assembled from the frame before (or null). */
export function unpackFrame(previous: ClusterFrame | null, packed: PackedFrameMessage): FrameMessage {
  const x = packed.numbers;
  const deltas = packed.snapshot.nodes ?? previous?.nodes.map((node): PackedNodeDelta => ({ id: node.id }));
  if (deltas === undefined) throw new Error('a packed frame leaves its nodes as they were, and the UI has none');
  const n = deltas.length;
  const requests = x[FRAME_HEAD.requests] ?? NaN;
  const branchCount = x[FRAME_HEAD.branches] ?? NaN;
  if (
    x[FRAME_HEAD.nodes] !== n ||
    !(requests >= 0) ||
    !(branchCount >= 0) ||
    x.length !== frameNumberSlots(n, requests, branchCount)
  ) {
    throw new Error(
      `a packed frame of ${n} nodes has ${x.length} numbers for ${x[FRAME_HEAD.nodes]} nodes, ${requests} requests and ${branchCount} branches`,
    );
  }
  const ids = deltas.map((node) => node.id);
  const sharedLogPrefix: number[] = [];
  const tails = { entries: packed.entries, next: 0 };
  const kv = { pairs: packed.kvChanges, next: 0 };
  const nodes = deltas.map((delta, k): NodeDelta => {
    const at = nodeSlotsAt(n, k);
    sharedLogPrefix.push(x[at + NODE_SLOT.sharedLogPrefix]!);
    const before = previous?.nodes[k];
    return readNode(x, at, delta, ids, before !== undefined && before.id === delta.id ? before : undefined, tails, kv);
  });
  if (tails.next !== packed.entries.length)
    throw new Error(`a packed frame's log tails take ${tails.next} of its ${packed.entries.length} entries`);
  if (kv.next !== packed.kvChanges.length)
    throw new Error(`a packed frame's key-value changes take ${kv.next} of its ${packed.kvChanges.length} strings`);
  const requestsAt = nodeSlotsAt(n, n);
  const flags = x[FRAME_HEAD.flags]!;
  return {
    type: 'frame',
    snapshot: { ...packed.snapshot, time: x[FRAME_HEAD.time]!, step: x[FRAME_HEAD.step]!, nodes },
    sharedLogPrefix,
    requestIds: Array.from(x.subarray(requestsAt, requestsAt + requests)),
    events: packed.events,
    resetFeed: (flags & FRAME_FLAGS.resetFeed) !== 0,
    jumped: (flags & FRAME_FLAGS.jumped) !== 0,
    playing: (flags & FRAME_FLAGS.playing) !== 0,
    speed: x[FRAME_HEAD.speed]!,
    manual: (flags & FRAME_FLAGS.manual) !== 0,
    history: {
      end: { step: x[FRAME_HEAD.endStep]!, time: x[FRAME_HEAD.endTime]! },
      branch: x[FRAME_HEAD.branch]!,
      branches: readBranches(x, requestsAt + requests, branchCount),
    },
    ...(packed.marks ? { marks: packed.marks } : {}),
  };
}

function readBranches(x: Float64Array, from: number, count: number): BranchInfo[] {
  const branches: BranchInfo[] = [];
  for (let b = 0, at = from; b < count; b++, at += BRANCH_SLOTS) {
    const parent = x[at + BRANCH_SLOT.parent]!;
    const forkStep = x[at + BRANCH_SLOT.forkStep]!;
    branches.push({
      id: x[at + BRANCH_SLOT.id]!,
      parent: parent < 0 ? null : parent,
      fork: Number.isNaN(forkStep) ? null : { step: forkStep, time: x[at + BRANCH_SLOT.forkTime]! },
      end: { step: x[at + BRANCH_SLOT.endStep]!, time: x[at + BRANCH_SLOT.endTime]! },
      liveActions: x[at + BRANCH_SLOT.liveActions]!,
      current: x[at + BRANCH_SLOT.current] === 1,
    });
  }
  return branches;
}

/** The node's object fields with the fields its numbers carry put in. */
function readNode(
  x: Float64Array,
  at: number,
  delta: PackedNodeDelta,
  ids: readonly NodeId[],
  before: NodeFrame | undefined,
  tails: { readonly entries: readonly LogEntry[]; next: number },
  kv: { readonly pairs: readonly string[]; next: number },
): NodeDelta {
  const carried = x[at + NODE_SLOT.carried]!;
  const has = (bit: number): boolean => (carried & bit) !== 0;
  const { kvChanges, ...fields } = delta;
  const node: { -readonly [K in keyof NodeFrame]?: NodeFrame[K] } = fields;
  if (kvChanges !== undefined) {
    if (before === undefined)
      throw new Error(`a frame changes the store of node ${delta.id}, which the UI does not have`);
    node.kv = { ...before.kv, ...kvChanges };
  }
  const pairs = x[at + NODE_SLOT.kvChangeCount]!;
  if (pairs > 0) {
    if (
      before === undefined ||
      kvChanges !== undefined ||
      node.kv !== undefined ||
      kv.next + 2 * pairs > kv.pairs.length
    )
      throw new Error(`a packed frame gives node ${delta.id} key-value changes it cannot apply`);
    // In order onto a copy of the last store: changed keys stay where they were, new ones come after.
    const store: Record<string, string> = { ...before.kv };
    for (let p = 0; p < pairs; p++, kv.next += 2) store[kv.pairs[kv.next]!] = kv.pairs[kv.next + 1]!;
    node.kv = store;
  }
  if (has(NUMBER_FIELD_BITS.alive)) node.alive = x[at + NODE_SLOT.alive] === 1;
  if (has(NUMBER_FIELD_BITS.role)) {
    const role = ROLE_NUMBERS[x[at + NODE_SLOT.role]!];
    if (role === undefined) throw new Error(`a packed frame gives node ${delta.id} an unknown role`);
    node.role = role;
  }
  if (has(NUMBER_FIELD_BITS.currentTerm)) node.currentTerm = x[at + NODE_SLOT.currentTerm]!;
  if (has(NUMBER_FIELD_BITS.votedFor)) node.votedFor = nodeAt(x[at + NODE_SLOT.votedFor]!, ids, delta.id);
  if (has(NUMBER_FIELD_BITS.leaderId)) node.leaderId = nodeAt(x[at + NODE_SLOT.leaderId]!, ids, delta.id);
  if (has(NUMBER_FIELD_BITS.commitIndex)) node.commitIndex = x[at + NODE_SLOT.commitIndex]!;
  if (has(NUMBER_FIELD_BITS.lastApplied)) node.lastApplied = x[at + NODE_SLOT.lastApplied]!;
  if (has(NUMBER_FIELD_BITS.electionTimer))
    node.electionTimer = readTimer(x, at + NODE_SLOT.electionArmedAt, before?.electionTimer);
  if (has(NUMBER_FIELD_BITS.heartbeatTimer))
    node.heartbeatTimer = readTimer(x, at + NODE_SLOT.heartbeatArmedAt, before?.heartbeatTimer);
  if (has(NUMBER_FIELD_BITS.conflictFrom)) {
    const from = x[at + NODE_SLOT.conflictFrom]!;
    node.conflictFrom = Number.isNaN(from) ? null : from;
  }
  if (has(NUMBER_FIELD_BITS.clockRate)) node.clockRate = x[at + NODE_SLOT.clockRate]!;
  if (has(NUMBER_FIELD_BITS.nextIndex)) node.nextIndex = readIndexes(x, at + NODE_SLOTS, ids, before?.nextIndex);
  if (has(NUMBER_FIELD_BITS.matchIndex))
    node.matchIndex = readIndexes(x, at + NODE_SLOTS + ids.length, ids, before?.matchIndex);
  if (has(NUMBER_FIELD_BITS.log)) {
    const count = x[at + NODE_SLOT.tailCount]!;
    if (!(count >= 0) || tails.next + count > tails.entries.length)
      throw new Error(`a packed frame gives node ${delta.id} a log tail of ${count} entries it does not hold`);
    node.log = tails.entries.slice(tails.next, tails.next + count);
    tails.next += count;
  }
  if (node.log === undefined) throw new Error(`a packed frame gives node ${delta.id} no log tail`);
  return node as NodeDelta;
}

function nodeAt(k: number, ids: readonly NodeId[], of: NodeId): NodeId | null {
  if (k === -1) return null;
  const id = ids[k];
  if (id === undefined) throw new Error(`a packed frame refers to node #${k} from node ${of}, outside the frame`);
  return id;
}

function readTimer(x: Float64Array, at: number, before: TimerSnapshot | null | undefined): TimerSnapshot | null {
  const armedAt = x[at]!;
  const deadline = x[at + 1]!;
  if (Number.isNaN(armedAt)) return null;
  if (before && before.armedAt === armedAt && before.deadline === deadline) return before;
  return { armedAt, deadline };
}

function readIndexes(
  x: Float64Array,
  at: number,
  ids: readonly NodeId[],
  before: Readonly<Record<NodeId, number>> | undefined,
): Readonly<Record<NodeId, number>> {
  const record: Record<NodeId, number> = {};
  let same = before !== undefined;
  let count = 0;
  for (let k = 0; k < ids.length; k++) {
    const value = x[at + k]!;
    if (Number.isNaN(value)) continue;
    const id = ids[k]!;
    record[id] = value;
    count++;
    if (same && before![id] !== value) same = false;
  }
  if (same && Object.keys(before!).length === count) return before!;
  return record;
}
