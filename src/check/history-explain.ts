// What the history panel shows about a client history, key by key: the linearization order the
// checker found, or the smallest part of the history that no order explains and the stale read
// in it, or that the search gave up (undecided, never a pass).
//
// The smallest part is found in two moves. Linearizability is prefix-closed (Herlihy & Wing), so
// the shortest failing prefix is found by bisection over the instants answers arrived (operations
// still running at the cut count as unanswered). Then operations are left out one at a time
// while what remains still fails, keeping for every read some write of the value it returned, so
// the part left never blames a read for a write that was merely left out (delta debugging).

import { parseCommand } from '../raft/kv';
import { checkOneKey, type Operation } from './linearizability';

/** A read that returned old data, and the operation that shows it was old. */
export type StaleRead =
  /** `read` returned a value that `write` (another value, completed before `read` began) had replaced. */
  | { readonly kind: 'overwritten'; readonly read: number; readonly write: number }
  /** `read` returned an older value than `earlier`, a read that completed before it began. */
  | { readonly kind: 'olderThanRead'; readonly read: number; readonly earlier: number }
  /** `read` returned a value no operation wrote. */
  | { readonly kind: 'neverWritten'; readonly read: number };

export type KeyVerdict =
  | {
      readonly key: string;
      readonly outcome: 'linearizable';
      /** The operations' ids in the order found (unanswered ones included, placed where they fit). */
      readonly order: readonly number[];
    }
  | {
      readonly key: string;
      readonly outcome: 'notLinearizable';
      /** The ids of a smallest set of operations that no order explains. */
      readonly core: readonly number[];
      /** The history up to this instant already fails (the shortest failing prefix). */
      readonly until: number;
      /** The stale read within the core, when the core is one. */
      readonly stale: StaleRead | null;
    }
  | { readonly key: string; readonly outcome: 'undecided'; readonly maxSteps: number };

export interface ExplainOptions {
  /** Search steps per check before it gives up (undecided). */
  readonly maxSteps?: number;
  /** A failing prefix longer than this is reported whole rather than shrunk, to bound the work. */
  readonly maxShrink?: number;
}

const DEFAULT_MAX_STEPS = 300_000;
const DEFAULT_MAX_SHRINK = 300;

interface Parsed {
  readonly op: Operation;
  readonly kind: 'set' | 'del' | 'get';
  /** What a write wrote (null for del), or what a read returned (null for "(none)" or no answer). */
  readonly value: string | null;
}

/** The operations' key, or null for a command the store refuses (it never enters a log). */
export function keyOf(command: string): string | null {
  const parsed = parseCommand(command);
  return parsed.ok ? parsed.command.key : null;
}

/** Explains one key's operations (all on that key). */
export function explainKey(key: string, history: readonly Operation[], options: ExplainOptions = {}): KeyVerdict {
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const whole = checkOneKey(history, maxSteps);
  if (whole.outcome === 'ok') return { key, outcome: 'linearizable', order: whole.order };
  if (whole.outcome === 'unknown') return { key, outcome: 'undecided', maxSteps };
  const parsed = history.map(parse);
  const { prefix, until } = shortestFailingPrefix(parsed, maxSteps);
  const core = prefix.length <= (options.maxShrink ?? DEFAULT_MAX_SHRINK) ? shrink(prefix, maxSteps) : prefix;
  const coreIds = core.map((p) => p.op.id).sort((a, b) => a - b);
  return { key, outcome: 'notLinearizable', core: coreIds, until, stale: staleRead(core) };
}

function parse(op: Operation): Parsed {
  const parsed = parseCommand(op.command);
  if (!parsed.ok) return { op, kind: 'get', value: null };
  const c = parsed.command;
  if (c.op === 'set') return { op, kind: 'set', value: c.value };
  if (c.op === 'del') return { op, kind: 'del', value: null };
  return { op, kind: 'get', value: op.result === null || op.result === '(none)' ? null : op.result };
}

const fails = (ops: readonly Parsed[], maxSteps: number): boolean =>
  checkOneKey(
    ops.map((p) => p.op),
    maxSteps,
  ).outcome === 'fail';

/** The history as it stood at instant `t`: what had begun, with answers that came later unknown. */
function prefixAt(ops: readonly Parsed[], t: number): Parsed[] {
  const out: Parsed[] = [];
  for (const p of ops) {
    if (p.op.call > t) continue;
    out.push(
      p.op.ret <= t
        ? p
        : { op: { ...p.op, ret: Infinity, result: null }, kind: p.kind, value: p.kind === 'get' ? null : p.value },
    );
  }
  return out;
}

function shortestFailingPrefix(ops: readonly Parsed[], maxSteps: number): { prefix: Parsed[]; until: number } {
  const answers = [...new Set(ops.map((p) => p.op.ret).filter((t) => Number.isFinite(t)))].sort((a, b) => a - b);
  // The whole history fails, and a history fails only once some answer has come.
  let lo = 0;
  let hi = answers.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fails(prefixAt(ops, answers[mid]!), maxSteps)) hi = mid;
    else lo = mid + 1;
  }
  const until = answers[hi] ?? Infinity;
  const prefix = prefixAt(ops, until);
  // An undecided prefix check could leave a prefix that does not fail: fall back to the whole.
  return fails(prefix, maxSteps) ? { prefix, until } : { prefix: [...ops], until: answers[answers.length - 1] ?? 0 };
}

/** Leave operations out while what remains still fails and every read still has a writer of its value. */
function shrink(ops: readonly Parsed[], maxSteps: number): Parsed[] {
  let kept = [...ops].sort((a, b) => a.op.call - b.op.call || a.op.id - b.op.id);
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    for (const candidate of [...kept]) {
      const without = kept.filter((p) => p !== candidate);
      if (!writersRemain(without)) continue;
      if (fails(without, maxSteps)) {
        kept = without;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return kept;
}

/** Every answered read of a value (not "(none)") still has a write of that value beside it. */
function writersRemain(ops: readonly Parsed[]): boolean {
  const written = new Set<string>();
  for (const p of ops) if (p.kind === 'set' && p.value !== null) written.add(p.value);
  return ops.every((p) => p.kind !== 'get' || p.op.result === null || p.value === null || written.has(p.value));
}

/** Finds the read the core convicts, with the operation that shows it was stale. */
function staleRead(core: readonly Parsed[]): StaleRead | null {
  const reads = core.filter((p) => p.kind === 'get' && p.op.result !== null);
  const writes = core.filter((p) => p.kind !== 'get');
  const writersOf = (value: string | null): Parsed[] => writes.filter((w) => w.value === value);
  for (const read of reads) {
    if (read.value !== null && writersOf(read.value).length === 0) return { kind: 'neverWritten', read: read.op.id };
  }
  for (const read of reads) {
    // A write of another value that completed before the read began, after every write of the read's
    // value had completed: the value read was gone before the read started.
    const sources = writersOf(read.value);
    const replacing = writes.find(
      (w) => w.value !== read.value && w.op.ret < read.op.call && sources.every((s) => s.op.ret < w.op.call),
    );
    if (replacing) return { kind: 'overwritten', read: read.op.id, write: replacing.op.id };
  }
  for (const read of reads) {
    // An earlier read (done before this one began) saw a value written after this one's value was replaced.
    const sources = writersOf(read.value);
    const earlier = reads.find((r) => {
      if (r === read || r.value === read.value || r.op.ret >= read.op.call) return false;
      const newer = writersOf(r.value);
      return newer.length > 0 && sources.every((s) => newer.every((n) => s.op.ret < n.op.call));
    });
    if (earlier) return { kind: 'olderThanRead', read: read.op.id, earlier: earlier.op.id };
  }
  return null;
}

/**
 * Explains a whole history key by key, remembering each key's verdict while its operations do
 * not change, so a panel asking again during a run only checks the keys that moved.
 */
export class HistoryExplainer {
  private readonly cache = new Map<string, { signature: string; verdict: KeyVerdict }>();

  constructor(private readonly options: ExplainOptions = {}) {}

  explain(history: readonly Operation[]): KeyVerdict[] {
    const byKey = new Map<string, Operation[]>();
    for (const op of history) {
      const key = keyOf(op.command);
      if (key === null) continue;
      const list = byKey.get(key);
      if (list) list.push(op);
      else byKey.set(key, [op]);
    }
    const verdicts: KeyVerdict[] = [];
    for (const key of [...byKey.keys()].sort()) {
      const ops = byKey.get(key)!;
      const signature = ops.map((o) => `${o.id}:${o.call}:${o.ret}:${o.result ?? ''}`).join('|');
      const cached = this.cache.get(key);
      if (cached && cached.signature === signature) {
        verdicts.push(cached.verdict);
        continue;
      }
      const verdict = explainKey(key, ops, this.options);
      this.cache.set(key, { signature, verdict });
      verdicts.push(verdict);
    }
    for (const key of this.cache.keys()) if (!byKey.has(key)) this.cache.delete(key);
    return verdicts;
  }
}
