// A linearizability checker for client histories of the key-value store.
//
// Wing & Gong's search, as Porcupine does it: walk the history's call and return
// events in time order, tentatively linearizing each operation whose call has been
// seen; when a return is reached before its operation was linearized, backtrack.
// Two tricks keep it fast: a cache of (set of linearized operations, model state)
// already explored (Lowe's memoization), and per-key partitioning — operations on
// different keys commute, so each key's sub-history is checked on its own.

import { parseCommand } from '../raft/kv';

/** One client operation as the client saw it. */
export interface Operation {
  /** Unique within a history (the client's requestId). */
  readonly id: number;
  /** The command text: `set K V`, `del K` or `get K`. */
  readonly command: string;
  /** When the client sent it. */
  readonly call: number;
  /** When the client got its answer; Infinity when it never did. */
  readonly ret: number;
  /** What the state machine answered; null when there was no answer. */
  readonly result: string | null;
}

export type LinearizabilityResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly key: string;
      /** The operations on that key, in call order, for the report. */
      readonly operations: readonly Operation[];
      readonly reason: string;
    }
  | { readonly ok: 'unknown'; readonly key: string; readonly reason: string };

/** The register model of one key: its value, or null when unset. */
type Value = string | null;

interface KeyOp {
  readonly op: Operation;
  readonly kind: 'set' | 'del' | 'get';
  readonly value: string;
}

export interface CheckOptions {
  /** Give up on a key after this many search steps (the problem is NP-complete in general). */
  readonly maxSteps?: number;
}

const DEFAULT_MAX_STEPS = 2_000_000;

/** Checks that the history has a linearization consistent with a map of registers. */
export function checkLinearizability(history: readonly Operation[], options: CheckOptions = {}): LinearizabilityResult {
  const byKey = new Map<string, KeyOp[]>();
  for (const op of history) {
    const parsed = parseCommand(op.command);
    // A command the store refuses never enters a log, so it cannot affect anyone.
    if (!parsed.ok) continue;
    const c = parsed.command;
    const list = byKey.get(c.key) ?? [];
    list.push({ op, kind: c.op, value: c.op === 'set' ? c.value : '' });
    byKey.set(c.key, list);
  }
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  for (const [key, ops] of [...byKey].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const result = checkKey(ops, maxSteps).outcome;
    if (result === 'ok') continue;
    const operations = ops.map((k) => k.op).sort((a, b) => a.call - b.call || a.id - b.id);
    if (result === 'unknown')
      return { ok: 'unknown', key, reason: `search gave up after ${maxSteps} steps on key "${key}"` };
    return {
      ok: false,
      key,
      operations,
      reason: `no order of the ${operations.length} operations on key "${key}" explains the answers the client got`,
    };
  }
  return { ok: true };
}

/** The search's answer for the operations of one key; `order` lists their ids as linearized. */
export type KeyCheck =
  | { readonly outcome: 'ok'; readonly order: readonly number[] }
  | { readonly outcome: 'fail' }
  | { readonly outcome: 'unknown' };

/**
 * Checks operations that all act on one key (the caller splits a history by key) and, when they
 * are linearizable, says the order found. Commands the store refuses are left out, as above.
 */
export function checkOneKey(history: readonly Operation[], maxSteps = DEFAULT_MAX_STEPS): KeyCheck {
  const ops: KeyOp[] = [];
  for (const op of history) {
    const parsed = parseCommand(op.command);
    if (!parsed.ok) continue;
    const c = parsed.command;
    ops.push({ op, kind: c.op, value: c.op === 'set' ? c.value : '' });
  }
  return checkKey(ops, maxSteps);
}

/** The model's transition: does `k` answer `result` from `state`, and what state follows? */
function step(state: Value, k: KeyOp): { ok: boolean; next: Value } {
  const answered = k.op.result;
  switch (k.kind) {
    case 'set':
      return { ok: answered === null || answered === k.value, next: k.value };
    case 'del':
      return { ok: answered === null || answered === 'deleted', next: null };
    case 'get':
      return { ok: answered === null || answered === (state ?? '(none)'), next: state };
  }
}

/** A node of the doubly linked list of call and return events. */
interface Entry {
  readonly isCall: boolean;
  readonly index: number;
  /** The call's matching return entry. */
  match: Entry | null;
  prev: Entry | null;
  next: Entry | null;
}

function checkKey(ops: readonly KeyOp[], maxSteps: number): KeyCheck {
  const n = ops.length;
  // Events by time; at equal times calls come first, so touching operations count as concurrent.
  const events: { time: number; isCall: boolean; index: number }[] = [];
  ops.forEach((k, index) => {
    events.push({ time: k.op.call, isCall: true, index });
    events.push({ time: k.op.ret, isCall: false, index });
  });
  events.sort((a, b) => a.time - b.time || Number(b.isCall) - Number(a.isCall) || a.index - b.index);

  const head: Entry = { isCall: false, index: -1, match: null, prev: null, next: null };
  let tail = head;
  const calls: Entry[] = new Array<Entry>(n);
  const returns: Entry[] = new Array<Entry>(n);
  for (const e of events) {
    const entry: Entry = { isCall: e.isCall, index: e.index, match: null, prev: tail, next: null };
    tail.next = entry;
    tail = entry;
    if (e.isCall) calls[e.index] = entry;
    else returns[e.index] = entry;
  }
  for (let i = 0; i < n; i++) calls[i]!.match = returns[i]!;

  const linearized = new Uint32Array(Math.ceil(n / 32));
  const seen = new Set<string>();
  const stack: { entry: Entry; state: Value }[] = [];
  let state: Value = null;
  let entry = head.next;
  let steps = 0;

  const lift = (call: Entry): void => {
    call.prev!.next = call.next;
    if (call.next) call.next.prev = call.prev;
    const ret = call.match!;
    ret.prev!.next = ret.next;
    if (ret.next) ret.next.prev = ret.prev;
  };
  const unlift = (call: Entry): void => {
    const ret = call.match!;
    ret.prev!.next = ret;
    if (ret.next) ret.next.prev = ret;
    call.prev!.next = call;
    if (call.next) call.next.prev = call;
  };
  const cacheKey = (s: Value): string => `${linearized.join(',')}|${s === null ? '\u0000' : s}`;

  while (head.next !== null) {
    if (++steps > maxSteps) return { outcome: 'unknown' };
    if (entry === null) return { outcome: 'fail' }; // Unreachable: a return always precedes the end.
    if (entry.isCall) {
      const k = ops[entry.index]!;
      const { ok, next } = step(state, k);
      if (ok) {
        const word = entry.index >> 5;
        const bit = 1 << (entry.index & 31);
        linearized[word]! |= bit;
        const key = cacheKey(next);
        if (!seen.has(key)) {
          seen.add(key);
          stack.push({ entry, state });
          state = next;
          lift(entry);
          entry = head.next;
          continue;
        }
        linearized[word]! &= ~bit;
      }
      entry = entry.next;
    } else {
      // A return reached before its operation was linearized: undo the latest choice.
      const top = stack.pop();
      if (!top) return { outcome: 'fail' };
      state = top.state;
      linearized[top.entry.index >> 5]! &= ~(1 << (top.entry.index & 31));
      unlift(top.entry);
      entry = top.entry.next;
    }
  }
  // The stack holds every operation, in the order they were linearized.
  return { outcome: 'ok', order: stack.map((s) => ops[s.entry.index]!.op.id) };
}
